//! What the citizen submitted, laid out to read back, with the data offered
//! as a JSON download.

use std::rc::Rc;

use eservice_core::form::{choice_key, Field, Selections, TextKind, Widget};
use eservice_core::Lang;
use serde_json::Value;
use yew::prelude::*;

use crate::download::save_text;
use crate::i18n;
use crate::loaded_form::LoadedForm;

#[derive(Properties, PartialEq)]
pub struct SubmittedSummaryProps {
    pub lang: Lang,
    pub form: Rc<LoadedForm>,
    pub data: Rc<Value>,
    pub on_edit: Callback<()>,
    /// Start a new application, clearing the saved draft.
    pub on_new: Callback<()>,
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

fn row(label: &str, value: String) -> Html {
    html! {
        <div class="summary-row">
            <dt>{ label }</dt>
            <dd>{ value }</dd>
        </div>
    }
}

/// Fields as a reader sees them: runs of simple answers in a `<dl>`, and
/// groups and lists as sections beside it (a `<dl>` may hold only rows).
fn block(fields: &[Rc<Field>], data: &Value, lang: Lang) -> Html {
    let nested = |f: &Field| match &f.widget {
        Widget::Group { .. } => true,
        Widget::List { items, .. } => items.iter().any(|i| matches!(i.widget, Widget::Group { .. })),
        Widget::Alternatives { fields, .. } => fields.iter().any(|f| matches!(f.widget, Widget::Group { .. } | Widget::List { .. })),
        _ => false,
    };
    let mut out = Vec::new();
    let mut run: Vec<Rc<Field>> = Vec::new();
    for f in fields {
        if nested(f) {
            if !run.is_empty() {
                out.push(html! { <dl>{ rows(&std::mem::take(&mut run), data, lang) }</dl> });
            }
            out.push(rows(std::slice::from_ref(f), data, lang));
        } else {
            run.push(f.clone());
        }
    }
    if !run.is_empty() {
        out.push(html! { <dl>{ rows(&run, data, lang) }</dl> });
    }
    out.into_iter().collect()
}

fn rows(fields: &[Rc<Field>], data: &Value, lang: Lang) -> Html {
    fields
        .iter()
        .map(|f| match &f.widget {
            Widget::Group { fields, .. } => html! {
                <section class="summary-group">
                    <h2>{ f.label.get(lang) }</h2>
                    { block(fields, data, lang) }
                </section>
            },
            Widget::Alternatives { options, selected, fields } => html! {
                <>
                    <dl>{ row(f.label.get(lang), options.get(*selected).map(|o| o.get(lang).to_owned()).unwrap_or_default()) }</dl>
                    { block(fields, data, lang) }
                </>
            },
            Widget::List { items, .. } => {
                let title = f.label.get(lang);
                if items.is_empty() {
                    return row(title, i18n::NOT_GIVEN.get(lang).to_owned());
                }
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| match &item.widget {
                        Widget::Group { fields, .. } => html! {
                            <section class="summary-group">
                                <h3>{ format!("{title} {}", i + 1) }</h3>
                                { block(fields, data, lang) }
                            </section>
                        },
                        _ => row(&format!("{title} {}", i + 1), readable(item, item.pointer.resolve(data), lang)),
                    })
                    .collect()
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
                row(f.label.get(lang), shown)
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
                row(f.label.get(lang), shown)
            }
            Widget::Hidden | Widget::Fixed(_) | Widget::Lazy => html! {},
            _ => row(f.label.get(lang), readable(f, f.pointer.resolve(data), lang)),
        })
        .collect()
}

#[component]
pub fn SubmittedSummary(props: &SubmittedSummaryProps) -> Html {
    let lang = props.lang;
    let failed = use_state(|| None::<String>);
    let download = {
        let (data, id, failed) = (props.data.clone(), props.form.id.clone(), failed.clone());
        Callback::from(move |_: MouseEvent| {
            let text = serde_json::to_string(&*data).unwrap_or_default();
            failed.set(save_text(&format!("{id}.json"), "application/json", &text).err());
        })
    };
    let on_edit = props.on_edit.reform(|_: MouseEvent| ());
    let on_new = props.on_new.reform(|_: MouseEvent| ());
    let (spec, _) = props.form.settle(&props.data, &Selections::default());
    html! {
        <section class="submitted-summary">
            <h1>{ i18n::SUMMARY_TITLE.get(lang) }</h1>
            <p class="form-title">{ spec.title.get(lang) }</p>
            <p>{ i18n::SUMMARY_NOTE.get(lang) }</p>
            { block(&spec.fields, &props.data, lang) }
            if let Some(reason) = &*failed {
                <p class="field-error" role="alert">{ format!("{}: {reason}", i18n::DOWNLOAD_FAILED.get(lang)) }</p>
            }
            <div class="form-actions">
                <button type="button" class="primary" onclick={download}>{ i18n::DOWNLOAD_JSON.get(lang) }</button>
                <button type="button" class="secondary" onclick={on_edit}>{ i18n::EDIT.get(lang) }</button>
                <button type="button" class="secondary" onclick={on_new}>{ i18n::START_NEW.get(lang) }</button>
            </div>
        </section>
    }
}
