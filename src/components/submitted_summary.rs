//! What the citizen submitted, laid out to read back, and its package
//! ([`SubmitPanel`]). Drawn by the submit bundle when the citizen submits
//! ([`crate::submit_app`]); the buttons to go back to the form
//! stay with the main app ([`crate::components::submitted`]).

use std::rc::Rc;

use eservice_core::form::{choice_key, Field, Selections, TextKind, Widget};
use eservice_core::Lang;
use serde_json::Value;
use yew::prelude::*;

use crate::components::submit_panel::SubmitPanel;
use crate::i18n;
use crate::loaded_form::LoadedForm;

#[derive(Properties, PartialEq)]
pub struct SubmittedSummaryProps {
    pub lang: Lang,
    pub form: Rc<LoadedForm>,
    pub data: Rc<Value>,
}

/// A value as a person reads it: option labels, yes/no, a dash for nothing.
fn readable(field: &Field, value: Option<&Value>, lang: Lang) -> String {
    match (&field.widget, value) {
        (_, None | Some(Value::Null)) => i18n::NOT_GIVEN.get(lang).to_owned(),
        (Widget::Checkbox, Some(Value::Bool(b))) => if *b { i18n::YES } else { i18n::NO }.get(lang).to_owned(),
        (Widget::Select { options } | Widget::Radio { options }, Some(v)) => options
            .iter()
            .find(|c| choice_key(&c.value) == choice_key(v))
            .map(|c| c.label.get(lang).to_owned())
            .unwrap_or_else(|| Field::display(Some(v))),
        (Widget::Text { kind: TextKind::Date, .. }, Some(Value::String(s))) => eservice_core::thai_date::readable(s, lang),
        (_, v) => Field::display(v),
    }
}

/// One line of the summary: an answer, or a titled section of answers.
#[derive(Clone, Debug, PartialEq)]
pub enum Line {
    Row(String, String),
    Section { title: String, level: u8, lines: Vec<Line> },
}

/// The summary's lines for `fields`: groups and list items become sections.
pub fn lines(fields: &[Rc<Field>], data: &Value, lang: Lang) -> Vec<Line> {
    let mut out = Vec::new();
    for f in fields {
        let label = f.label.get(lang).to_owned();
        match &f.widget {
            Widget::Group { fields, .. } => out.push(Line::Section { title: label, level: 2, lines: lines(fields, data, lang) }),
            Widget::Alternatives { options, selected, fields } => {
                out.push(Line::Row(label, options.get(*selected).map(|o| o.get(lang).to_owned()).unwrap_or_default()));
                out.extend(lines(fields, data, lang));
            }
            Widget::List { items, .. } if items.is_empty() => out.push(Line::Row(label, i18n::NOT_GIVEN.get(lang).to_owned())),
            Widget::List { items, .. } => {
                for (i, item) in items.iter().enumerate() {
                    let title = format!("{label} {}", i + 1);
                    match &item.widget {
                        Widget::Group { fields, .. } => out.push(Line::Section { title, level: 3, lines: lines(fields, data, lang) }),
                        _ => out.push(Line::Row(title, readable(item, item.pointer.resolve(data), lang))),
                    }
                }
            }
            Widget::MultiCheck { options } => {
                let chosen: Vec<&str> = f
                    .pointer
                    .resolve(data)
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(|v| options.iter().find(|o| choice_key(&o.value) == choice_key(v)).map(|o| o.label.get(lang)))
                    .collect();
                let shown = if chosen.is_empty() { i18n::NOT_GIVEN.get(lang).to_owned() } else { chosen.join(", ") };
                out.push(Line::Row(label, shown));
            }
            Widget::Evidence { .. } => {
                let files: Vec<String> = f
                    .pointer
                    .resolve(data)
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(eservice_core::evidence::ManifestEntry::from_json)
                    .map(|e| format!("{} ({})", e.name, eservice_core::evidence::rule::readable_size(e.size)))
                    .collect();
                let shown = if files.is_empty() { i18n::NOT_GIVEN.get(lang).to_owned() } else { files.join(", ") };
                out.push(Line::Row(label, shown));
            }
            Widget::Hidden | Widget::Fixed(_) | Widget::Lazy => {}
            _ => out.push(Line::Row(label, readable(f, f.pointer.resolve(data), lang))),
        }
    }
    out
}

/// The lines as label/value pairs, sections named in each label: the
/// package's printable summary takes these.
pub fn flat(lines: &[Line]) -> Vec<(String, String)> {
    fn walk(lines: &[Line], prefix: &str, out: &mut Vec<(String, String)>) {
        for l in lines {
            match l {
                Line::Row(label, value) => out.push((format!("{prefix}{label}"), value.clone())),
                Line::Section { title, lines, .. } => walk(lines, &format!("{prefix}{title} › "), out),
            }
        }
    }
    let mut out = Vec::new();
    walk(lines, "", &mut out);
    out
}

/// Lines as a reader sees them: runs of answers in a `<dl>` (which may hold
/// only rows), sections beside them.
fn view(lines: &[Line]) -> Html {
    let mut out = Vec::new();
    let mut run = Vec::new();
    let flush = |run: &mut Vec<Html>, out: &mut Vec<Html>| {
        if !run.is_empty() {
            let rows: Html = std::mem::take(run).into_iter().collect();
            out.push(html! { <dl>{ rows }</dl> });
        }
    };
    for l in lines {
        match l {
            Line::Row(label, value) => run.push(html! {
                <div class="summary-row">
                    <dt>{ label }</dt>
                    <dd>{ value }</dd>
                </div>
            }),
            Line::Section { title, level, lines } => {
                flush(&mut run, &mut out);
                let heading = if *level == 2 { html! { <h2>{ title }</h2> } } else { html! { <h3>{ title }</h3> } };
                out.push(html! { <section class="summary-group">{ heading }{ view(lines) }</section> });
            }
        }
    }
    flush(&mut run, &mut out);
    out.into_iter().collect()
}

#[component]
pub fn SubmittedSummary(props: &SubmittedSummaryProps) -> Html {
    let lang = props.lang;
    let (spec, _) = props.form.settle(&props.data, &Selections::default());
    // The printable summary in the package is Thai, whatever the page shows.
    let thai_rows = use_memo(props.data.clone(), |data| flat(&lines(&spec.fields, data, Lang::Th)));
    html! {
        <>
            <h1>{ i18n::SUMMARY_TITLE.get(lang) }</h1>
            <p class="form-title">{ spec.title.get(lang) }</p>
            <p>{ i18n::SUMMARY_NOTE.get(lang) }</p>
            { view(&lines(&spec.fields, &props.data, lang)) }
            <SubmitPanel lang={lang} form={props.form.clone()} data={props.data.clone()} rows={thai_rows} />
        </>
    }
}
