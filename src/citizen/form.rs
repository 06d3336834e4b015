//! The e-Form drawn without Yew: the same state and rules as
//! `components::e_form`, drawn with `vdom`.

use std::rc::Rc;

use eservice_core::form::Widget;
use eservice_core::schema::ValidationError;
use eservice_core::{JsonPointer, Lang};
use web_sys::Event;

use super::fields::{fields, Events};
use crate::components::e_form::{ordered_errors, step_of, FormAction, FormState};
use crate::components::field::field_id;
use crate::components::form_fields::Scope;
use crate::dom::focus_by_id;
use crate::i18n;
use crate::vdom::{el, Elem, Node};

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
pub fn view(state: &FormState, lang: Lang, d: &Dispatch, on_submit: Rc<dyn Fn(serde_json::Value)>, redraw: Rc<dyn Fn()>) -> Elem {
    let (spec, pruned) = state.form.settle(&state.data, &state.selections);
    let errors = state.form.validate(&pruned);
    let ordered = ordered_errors(&spec, &errors);
    let wizard = !spec.steps.is_empty();
    let step = state.step.min(spec.steps.len().saturating_sub(1));
    let last_step = !wizard || step + 1 == spec.steps.len();
    let in_step = |p: &JsonPointer| !wizard || step_of(&spec, p) == step;
    let step_errors: Vec<&(&ValidationError, JsonPointer)> = ordered.iter().filter(|(_, p)| last_step || in_step(p)).collect();

    let labels = spec.leaves();
    // The agency's own message for the failed keyword, else the kit's.
    let message = |e: &ValidationError, p: &JsonPointer| -> String {
        let keyword = e.schema_path.last().unwrap_or_default();
        let field = labels.iter().find(|l| l.pointer == *p);
        if let Some(t) = field.and_then(|l| l.message_for(keyword)) {
            return t.get(lang).to_owned();
        }
        match (field.map(|l| &l.widget), keyword) {
            (Some(Widget::Evidence { .. }), "required" | "minItems") => i18n::ATTACH_REQUIRED.get(lang).to_owned(),
            _ => e.message(lang),
        }
    };
    let shown: Vec<(JsonPointer, String)> = ordered
        .iter()
        .filter(|(_, p)| state.tried || state.touched.contains(p))
        .map(|(e, p)| (p.clone(), message(e, p)))
        .collect();
    let summary: Vec<(String, String, String)> = if state.tried {
        step_errors
            .iter()
            .map(|(e, p)| {
                let label = labels.iter().find(|l| l.pointer == *p).map(|l| l.label.get(lang).to_owned());
                (field_id(p), label.unwrap_or_default(), message(e, p))
            })
            .collect()
    } else {
        Vec::new()
    };

    let events = {
        let (a, b, c, e) = (d.clone(), d.clone(), d.clone(), d.clone());
        Events {
            on_input: Rc::new(move |p, v| a(FormAction::Input(p, v))),
            on_blur: Rc::new(move |p| b(FormAction::Leave(p))),
            on_select: Rc::new(move |p, i| c(FormAction::Select(p, i))),
            on_list: Rc::new(move |p, edit| e(FormAction::List(p, edit))),
            redraw,
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
