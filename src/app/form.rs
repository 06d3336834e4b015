//! The e-Form: fields drawn for the data as it stands, checked as the
//! citizen leaves each field, step by step in a wizard, and all together on
//! submit. Only the data of fields the form shows is submitted.

use std::rc::Rc;

use eservice_core::form::{set_value, FormSpec, ListEdit, Selections, TextKind, Widget};
use eservice_core::thai_date::DateParts;
use eservice_core::schema::{ErrorKind, ValidationError};
use eservice_core::{JsonPointer, Lang};
use serde_json::Value;
use yew::prelude::*;

use super::field::field_id;
use super::fields::{fields, Ctx, Events, Scope};
use crate::dom::{focus_by_id, FocusAfterDraw};
use crate::i18n;
use crate::loaded_form::LoadedForm;

/// Everything the citizen has done to the form.
pub struct FormState {
    pub form: Rc<LoadedForm>,
    /// As entered, including fields now hidden: ticking a box back on
    /// brings back what was typed under it.
    pub data: Value,
    pub selections: Selections,
    /// Fields the user has left; errors show only there until a step is tried.
    pub touched: Vec<JsonPointer>,
    pub step: usize,
    /// Whether "next" or "submit" was pressed on this step.
    pub tried: bool,
    /// The field being typed in: its error waits until it is left, so that
    /// "0" on the way to "0812345678" is not called wrong.
    pub editing: Option<JsonPointer>,
}

pub enum FormAction {
    Input(JsonPointer, Option<Value>),
    Leave(JsonPointer),
    Select(JsonPointer, usize),
    List(JsonPointer, ListEdit),
    Try,
    GoTo(usize),
}

impl FormState {
    /// Filling in `form` from `data`, on step `step`, nothing left or tried yet.
    pub fn new(form: Rc<LoadedForm>, data: Value, selections: Selections, step: usize) -> FormState {
        FormState { form, data, selections, touched: Vec::new(), step, tried: false, editing: None }
    }

    /// Applies `action`.
    pub fn reduce(&mut self, action: FormAction) {
        match action {
            FormAction::Input(p, v) => {
                set_value(&mut self.data, &p, v);
                self.editing = Some(p);
            }
            FormAction::Leave(p) => {
                self.editing = None;
                let (spec, _) = self.form.settle(&self.data, &self.selections);
                let leaf = spec.leaves().into_iter().find(|f| f.pointer == p).cloned();
                if let (Some(f), Some(v)) = (leaf, p.resolve(&self.data).cloned()) {
                    set_value(&mut self.data, &p, Some(f.commit(v)));
                }
                if !self.touched.contains(&p) {
                    self.touched.push(p);
                }
            }
            FormAction::Select(p, i) => self.selections.set(p, i),
            FormAction::List(p, edit) => {
                edit.apply(&mut self.data, &p);
                // What was said of each item goes with it.
                let to = |q: &JsonPointer| edit.moved(&p, q);
                self.touched = self.touched.iter().filter_map(to).collect();
                self.editing = self.editing.as_ref().and_then(to);
                self.selections.remap(to);
            }
            FormAction::Try => self.tried = true,
            FormAction::GoTo(step) => {
                self.step = step;
                self.tried = false;
            }
        }
    }
}

/// The field an error belongs to: a failed choice belongs to its selector.
fn error_target(e: &ValidationError) -> JsonPointer {
    match (&e.kind, e.schema_path.last()) {
        (ErrorKind::OneOf { .. } | ErrorKind::AnyOf, Some(kw)) => e.instance_path.child(format!("@{kw}")),
        _ => e.field(),
    }
}

/// Problems in the order the fields appear, one for each place: the first
/// said of it.
fn ordered_problems(spec: &FormSpec, problems: Vec<(JsonPointer, String)>) -> Vec<(JsonPointer, String)> {
    let mut places: Vec<JsonPointer> = Vec::new();
    collect_places(&spec.fields, &mut places);
    let mut out: Vec<(JsonPointer, String)> = Vec::new();
    for p in places {
        if let Some(found) = problems.iter().find(|(t, _)| *t == p) {
            out.push(found.clone());
        }
    }
    for (t, m) in problems {
        if !out.iter().any(|(p, _)| *p == t) {
            out.push((t, m));
        }
    }
    out
}

/// Every place an error can show, in display order.
fn collect_places(fields: &[Rc<eservice_core::form::Field>], out: &mut Vec<JsonPointer>) {
    for f in fields {
        out.push(f.pointer.clone());
        match &f.widget {
            Widget::Group { fields, .. } | Widget::Alternatives { fields, .. } => collect_places(fields, out),
            Widget::List { items, .. } => collect_places(items, out),
            _ => {}
        }
    }
}

/// The step a field is on: its top-level name's step, else the last.
fn step_of(spec: &FormSpec, p: &JsonPointer) -> usize {
    let name = p.tokens().first().map(String::as_str).unwrap_or("");
    spec.steps.iter().position(|s| s.names.iter().any(|n| n == name)).unwrap_or(spec.steps.len().saturating_sub(1))
}

/// The wizard's steps, the current one marked.
fn step_nav(titles: &[&str], current: usize, lang: Lang) -> Html {
    let n = titles.len();
    let count = match lang {
        Lang::Th => format!("ขั้นตอนที่ {} จาก {n}", current + 1),
        Lang::En => format!("Step {} of {n}", current + 1),
    };
    html! {
        <nav class="step-nav" aria-label={i18n::STEPS.get(lang)}>
            <ol>
                { for titles.iter().enumerate().map(|(i, t)| {
                    let class = if i == current { "current" } else if i < current { "done" } else { "" };
                    html! {
                        <li {class} aria-current={(i == current).then_some("step")}>
                            <span class="step-number" aria-hidden="true">{ i + 1 }</span>
                            <span class="step-title">{ t.to_string() }</span>
                        </li>
                    }
                }) }
            </ol>
            <p class="step-count" id="step-title" tabindex="-1">
                { count }{ ": " }<strong>{ titles.get(current).copied().unwrap_or_default().to_owned() }</strong>
            </p>
        </nav>
    }
}

/// The errors of a step tried, each a button that takes the citizen to its field.
fn error_summary(items: Vec<(String, String, String)>, lang: Lang) -> Html {
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">{ i18n::ERRORS_TITLE.get(lang) }</h2>
            <ul>
                { for items.into_iter().map(|(target, label, message)| {
                    // A button, not a link: a `#id` link would change the hash route.
                    let onclick = move |e: MouseEvent| focus_by_id(&e, &target);
                    html! {
                        <li>
                            <button type="button" class="link-button" {onclick}>
                                if !label.is_empty() {
                                    <strong>{ label }</strong>{ ": " }
                                }
                                { message }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

/// The evidence documents a service asks for, as a checklist to prepare.
fn evidence_list(items: &[eservice_core::form::Evidence], lang: Lang) -> Html {
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <section class="evidence-list" aria-labelledby="evidence-title">
            <h2 id="evidence-title">{ i18n::EVIDENCE_TITLE.get(lang) }</h2>
            <p class="field-help">{ i18n::EVIDENCE_NOTE.get(lang) }</p>
            <ul>
                { for items.iter().map(|e| html! {
                    <li>
                        { e.title.get(lang) }
                        if !e.required {
                            <span class="optional-mark">{ format!(" ({})", i18n::IF_APPLICABLE.get(lang)) }</span>
                        }
                        if let Some(n) = &e.note {
                            <span class="evidence-note">{ format!(" — {}", n.get(lang)) }</span>
                        }
                    </li>
                }) }
            </ul>
        </section>
    }
}

/// What the form needs from the page it is on.
pub struct FormPage<'a> {
    /// Applies the citizen's actions to the form's state.
    pub act: &'a Callback<FormAction>,
    /// The data to submit, once every step is complete.
    pub on_submit: Callback<Value>,
    pub ev: &'a Events,
    pub focus: &'a FocusAfterDraw,
}

/// The form as it stands.
pub fn view(state: &FormState, lang: Lang, page: FormPage) -> Html {
    let FormPage { act, on_submit, ev, focus } = page;
    let (spec, pruned) = state.form.settle(&state.data, &state.selections);
    let errors = spec.validate(state.form.validator(), &pruned);
    let wizard = !spec.steps.is_empty();
    let step = state.step.min(spec.steps.len().saturating_sub(1));
    let last_step = !wizard || step + 1 == spec.steps.len();
    let in_step = |p: &JsonPointer| !wizard || step_of(&spec, p) == step;

    // The agency's own message for the failed keyword, else the kit's,
    // naming other fields by their titles as the form shows them.
    let message = |e: &ValidationError, p: &JsonPointer| -> String {
        let keyword = e.schema_path.last().unwrap_or_default();
        let field = spec.field(p);
        if let Some(t) = field.and_then(|l| l.message_for(keyword)) {
            return t.get(lang).to_owned();
        }
        match (field.map(|l| &l.widget), keyword) {
            (Some(Widget::Evidence { .. }), "required" | "minItems") => i18n::ATTACH_REQUIRED.get(lang).to_owned(),
            // A date being entered: what part is missing, not "not a date".
            (Some(Widget::Text { kind: TextKind::Date, .. }), "format") => {
                let parts = DateParts::parse(p.resolve(&pruned).and_then(Value::as_str).unwrap_or_default());
                parts.problem().map_or_else(|| e.message_in(lang, &*spec), |d| d.message(lang).to_owned())
            }
            _ => e.message_in(lang, &*spec),
        }
    };
    // A file not on the device (lost, still coming back or still being
    // processed) stops its step before anything is sent without it.
    let leaves = spec.leaves();
    let evidence: Vec<(&JsonPointer, Option<&Value>)> =
        leaves.iter().filter(|f| matches!(f.widget, Widget::Evidence { .. })).map(|f| (&f.pointer, f.pointer.resolve(&pruned))).collect();
    let files = super::evidence::file_problems(ev.owner, &evidence, lang);
    let problems = files.into_iter().chain(errors.iter().map(|e| {
        let at = error_target(e);
        let m = message(e, &at);
        (at, m)
    }));
    let ordered = ordered_problems(&spec, problems.collect());
    let step_errors: Vec<&(JsonPointer, String)> = ordered.iter().filter(|(p, _)| last_step || in_step(p)).collect();

    let shown: Vec<(JsonPointer, String)> = ordered
        .iter()
        .filter(|(p, _)| (state.tried || state.touched.contains(p)) && state.editing.as_ref() != Some(p))
        .cloned()
        .collect();
    let summary: Vec<(String, String, String)> = if state.tried {
        step_errors.iter().map(|(p, m)| (field_id(p), spec.label(p, lang).unwrap_or_default(), m.clone())).collect()
    } else {
        Vec::new()
    };

    let onsubmit = {
        let (act, focus) = (act.clone(), focus.clone());
        let first = step_errors.first().map(|(p, _)| p.clone());
        let first_step = first.as_ref().map(|p| step_of(&spec, p));
        // Focus is asked for before the actions: Yew may draw before `emit` returns.
        move |e: SubmitEvent| {
            e.prevent_default();
            match &first {
                None if last_step => {
                    act.emit(FormAction::Try);
                    on_submit.emit(pruned.clone());
                }
                None => {
                    focus.ask(&e, "step-title");
                    act.emit(FormAction::Try);
                    act.emit(FormAction::GoTo(step + 1));
                }
                Some(p) => {
                    focus.ask(&e, &field_id(p));
                    act.emit(FormAction::Try);
                    if let (true, Some(s)) = (wizard, first_step.filter(|s| *s != step)) {
                        act.emit(FormAction::GoTo(s));
                        act.emit(FormAction::Try);
                    }
                }
            }
        }
    };
    let back = (wizard && step > 0).then(|| {
        let (act, focus) = (act.clone(), focus.clone());
        move |e: MouseEvent| {
            focus.ask(&e, "step-title");
            act.emit(FormAction::GoTo(step.saturating_sub(1)));
        }
    });
    let root = JsonPointer::root();
    let cx = Ctx { scope: Scope { base: &root, value: &state.data }, lang, shown: &shown, ev };
    let step_fields: Vec<_> = spec.step_fields(step).into_iter().cloned().collect();
    let submit_label = if last_step { i18n::SUBMIT } else { i18n::NEXT };
    let titles: Vec<&str> = spec.steps.iter().map(|s| s.title.get(lang)).collect();
    html! {
        <form class="e-form" novalidate=true {onsubmit}>
            <h1>{ spec.title.get(lang) }</h1>
            if let Some(t) = &spec.description {
                <p class="form-description">{ t.get(lang) }</p>
            }
            if wizard {
                { step_nav(&titles, step, lang) }
            }
            if step == 0 {
                { evidence_list(&spec.evidence, lang) }
            }
            { error_summary(summary, lang) }
            <>{ fields(&step_fields, cx) }</>
            <div class="form-actions">
                // Keeping focus where it is on press: otherwise the field's blur
                // shows its error, the button moves down, and the tap misses.
                <button type="submit" class="primary" onmousedown={|e: MouseEvent| e.prevent_default()}>{ submit_label.get(lang) }</button>
                if let Some(onclick) = back {
                    <button type="button" class="secondary" {onclick}>{ i18n::BACK.get(lang) }</button>
                }
            </div>
        </form>
    }
}
