//! The e-Form: fields drawn for the data as it stands, checked as the
//! citizen leaves each field, step by step in a wizard, and all together on
//! submit. Only the data of fields the form shows is submitted.

use std::rc::Rc;

use eservice_core::form::{set_value, FormSpec, ListEdit, Selections, TextKind, Widget};
use eservice_core::thai_date::DateParts;
use eservice_core::schema::{ErrorKind, ValidationError};
use eservice_core::{JsonPointer, Lang};
use serde_json::Value;
use web_sys::Event;

use super::field::field_id;
use super::fields::{fields, Around, Events, Scope};
use crate::loaded_form::LoadedForm;
use crate::dom::focus_by_id;
use crate::i18n;
use crate::vdom::{el, Elem, Node};

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

/// Errors in the order the fields appear, each paired with where it shows.
fn ordered_errors<'e>(spec: &FormSpec, errors: &'e [ValidationError]) -> Vec<(&'e ValidationError, JsonPointer)> {
    let mut places: Vec<JsonPointer> = Vec::new();
    collect_places(&spec.fields, &mut places);
    let targets: Vec<(JsonPointer, &ValidationError)> = errors.iter().map(|e| (error_target(e), e)).collect();
    let mut out: Vec<(&ValidationError, JsonPointer)> = Vec::new();
    for p in places {
        if let Some((_, e)) = targets.iter().find(|(t, _)| *t == p) {
            out.push((e, p));
        }
    }
    for (t, e) in targets {
        if !out.iter().any(|(_, p)| *p == t) {
            out.push((e, t));
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

/// Sends an action to the form's state, then redraws.
pub type Dispatch = Rc<dyn Fn(FormAction)>;

fn step_nav(titles: &[&str], current: usize, lang: Lang) -> Elem {
    let n = titles.len();
    let count = match lang {
        Lang::Th => format!("ขั้นตอนที่ {} จาก {n}", current + 1),
        Lang::En => format!("Step {} of {n}", current + 1),
    };
    el("nav")
        .attr("class", "step-nav")
        .attr("aria-label", i18n::STEPS.get(lang))
        .child(el("ol").children(titles.iter().enumerate().map(|(i, t)| {
            let class = if i == current { "current" } else if i < current { "done" } else { "" };
            el("li")
                .attr("class", class)
                .attr_opt("aria-current", (i == current).then_some("step"))
                .child(el("span").attr("class", "step-number").attr("aria-hidden", "true").text(&(i + 1).to_string()))
                .child(el("span").attr("class", "step-title").text(t))
                .into()
        })))
        .child(
            el("p")
                .attr("class", "step-count")
                .attr("id", "step-title")
                .attr("tabindex", "-1")
                .text(&count)
                .text(": ")
                .child(el("strong").text(titles.get(current).copied().unwrap_or_default())),
        )
}

fn error_summary(items: Vec<(String, String, String)>, lang: Lang) -> Node {
    if items.is_empty() {
        return Node::Empty;
    }
    el("div")
        .attr("class", "error-summary")
        .attr("role", "alert")
        .attr("aria-labelledby", "error-summary-title")
        .child(el("h2").attr("id", "error-summary-title").text(i18n::ERRORS_TITLE.get(lang)))
        .child(el("ul").children(items.into_iter().map(|(target, label, message)| {
            // A button, not a link: a `#id` link would change the hash route.
            let mut b = el("button").attr("type", "button").attr("class", "link-button").on("click", move |e: &Event| focus_by_id(e, &target));
            if !label.is_empty() {
                b = b.child(el("strong").text(&label)).text(": ");
            }
            el("li").child(b.text(&message)).into()
        })))
        .into()
}

/// The evidence documents a service asks for, as a checklist to prepare.
fn evidence_list(items: &[eservice_core::form::Evidence], lang: Lang) -> Node {
    if items.is_empty() {
        return Node::Empty;
    }
    el("section")
        .attr("class", "evidence-list")
        .attr("aria-labelledby", "evidence-title")
        .child(el("h2").attr("id", "evidence-title").text(i18n::EVIDENCE_TITLE.get(lang)))
        .child(el("p").attr("class", "field-help").text(i18n::EVIDENCE_NOTE.get(lang)))
        .child(el("ul").children(items.iter().map(|e| {
            let mut li = el("li").text(e.title.get(lang));
            if !e.required {
                li = li.child(el("span").attr("class", "optional-mark").text(&format!(" ({})", i18n::IF_APPLICABLE.get(lang))));
            }
            if let Some(n) = &e.note {
                li = li.child(el("span").attr("class", "evidence-note").text(&format!(" — {}", n.get(lang))));
            }
            li.into()
        })))
        .into()
}

/// The form as it stands.
pub fn view(state: &FormState, lang: Lang, d: &Dispatch, on_submit: Rc<dyn Fn(serde_json::Value)>, page: &Around) -> Elem {
    let (spec, pruned) = state.form.settle(&state.data, &state.selections);
    let errors = spec.validate(state.form.validator(), &pruned);
    let ordered = ordered_errors(&spec, &errors);
    let wizard = !spec.steps.is_empty();
    let step = state.step.min(spec.steps.len().saturating_sub(1));
    let last_step = !wizard || step + 1 == spec.steps.len();
    let in_step = |p: &JsonPointer| !wizard || step_of(&spec, p) == step;
    let step_errors: Vec<&(&ValidationError, JsonPointer)> = ordered.iter().filter(|(_, p)| last_step || in_step(p)).collect();

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
    let shown: Vec<(JsonPointer, String)> = ordered
        .iter()
        .filter(|(_, p)| (state.tried || state.touched.contains(p)) && state.editing.as_ref() != Some(p))
        .map(|(e, p)| (p.clone(), message(e, p)))
        .collect();
    let summary: Vec<(String, String, String)> = if state.tried {
        step_errors
            .iter()
            .map(|(e, p)| {
                (field_id(p), spec.label(p, lang).unwrap_or_default(), message(e, p))
            })
            .collect()
    } else {
        Vec::new()
    };

    let events = {
        let (a, b, c, e) = (d.clone(), d.clone(), d.clone(), d.clone());
        Events {
            on_input: Rc::new(move |p, v| a(FormAction::Input(p, v))),
            // Left by a tap elsewhere: its error shows once the tap has landed.
            on_blur: Rc::new(move |p| {
                let b = b.clone();
                crate::press::after_press(move || b(FormAction::Leave(p)));
            }),
            on_select: Rc::new(move |p, i| c(FormAction::Select(p, i))),
            on_list: Rc::new(move |p, edit| e(FormAction::List(p, edit))),
            page: page.clone(),
        }
    };
    let onsubmit = {
        let d = d.clone();
        let first = step_errors.first().map(|(_, p)| p.clone());
        let first_step = first.as_ref().map(|p| step_of(&spec, p));
        move |e: &Event| {
            e.prevent_default();
            d(FormAction::Try);
            match &first {
                None if last_step => on_submit(pruned.clone()),
                None => {
                    d(FormAction::GoTo(step + 1));
                    focus_by_id(e, "step-title");
                }
                Some(p) => {
                    if let (true, Some(s)) = (wizard, first_step.filter(|s| *s != step)) {
                        d(FormAction::GoTo(s));
                        d(FormAction::Try);
                    }
                    focus_by_id(e, &field_id(p));
                }
            }
        }
    };
    let root = JsonPointer::root();
    let scope = Scope { base: &root, value: &state.data };
    let step_fields: Vec<_> = spec.step_fields(step).into_iter().cloned().collect();
    let submit_label = if last_step { i18n::SUBMIT } else { i18n::NEXT };
    let titles: Vec<&str> = spec.steps.iter().map(|s| s.title.get(lang)).collect();
    let mut actions = el("div").attr("class", "form-actions").child(
        el("button")
            .attr("type", "submit")
            .attr("class", "primary")
            // Keeping focus where it is on press: otherwise the field's blur
            // shows its error, the button moves down, and the tap misses.
            .on("mousedown", |e: &Event| e.prevent_default())
            .text(submit_label.get(lang)),
    );
    if wizard && step > 0 {
        let d = d.clone();
        actions = actions.child(
            el("button")
                .attr("type", "button")
                .attr("class", "secondary")
                .on("click", move |e: &Event| {
                    d(FormAction::GoTo(step.saturating_sub(1)));
                    focus_by_id(e, "step-title");
                })
                .text(i18n::BACK.get(lang)),
        );
    }
    el("form")
        .attr("class", "e-form")
        .flag("novalidate", true)
        .on("submit", onsubmit)
        .child(el("h1").text(spec.title.get(lang)))
        .child(Node::from(spec.description.as_ref().map(|t| el("p").attr("class", "form-description").text(t.get(lang)))))
        .child(Node::from(wizard.then(|| step_nav(&titles, step, lang))))
        .child(if step == 0 { evidence_list(&spec.evidence, lang) } else { Node::Empty })
        .child(error_summary(summary, lang))
        .children(fields(&step_fields, scope, lang, &shown, &events))
        .child(actions)
}
