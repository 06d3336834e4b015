//! One field of an e-Form: its label, help, input and error, wired for
//! screen readers (`aria-invalid`, `aria-describedby`).

use eservice_core::form::{choice_key, Choice, Field, TextKind, Widget};
use eservice_core::{JsonPointer, Lang};
use serde_json::Value;
use wasm_bindgen::JsCast;
use web_sys::Event;

use crate::vdom::{el, text, Elem, Node};
use std::rc::Rc;

use crate::i18n;

/// The DOM id of a field's input, derived from its pointer.
pub fn field_id(p: &JsonPointer) -> String {
    let mut id = String::from("f");
    for t in p.tokens() {
        id.push('-');
        id.extend(t.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }));
    }
    id
}

/// What a field needs from the form around it.
pub struct FieldEnv<'a> {
    pub lang: Lang,
    /// The field's current value.
    pub value: Option<&'a Value>,
    /// The message to show for this field, if any.
    pub error: Option<String>,
    pub on_input: OnInput,
    pub on_blur: OnBlur,
}

/// The user changed a field's value (`None` clears it).
pub type OnInput = Rc<dyn Fn(JsonPointer, Option<Value>)>;
/// The user left a field.
pub type OnBlur = Rc<dyn Fn(JsonPointer)>;

/// The value of the input, select or textarea an event came from.
pub fn target_value(e: &Event) -> String {
    let Some(t) = e.target() else { return String::new() };
    if let Some(i) = t.dyn_ref::<web_sys::HtmlInputElement>() {
        i.value()
    } else if let Some(s) = t.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.value()
    } else if let Some(a) = t.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        a.value()
    } else {
        String::new()
    }
}

/// Whether focus, as it leaves the element an event came from, moves to
/// another element inside the same closest `selector` (a date's parts).
pub fn focus_stays_within(e: &Event, selector: &str) -> bool {
    let Some(to) = e.dyn_ref::<web_sys::FocusEvent>().and_then(|f| f.related_target()).and_then(|t| t.dyn_into::<web_sys::Node>().ok()) else {
        return false;
    };
    let from = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    from.and_then(|f| f.closest(selector).ok().flatten()).is_some_and(|group| group.contains(Some(&to)))
}

fn target_checked(e: &Event) -> bool {
    e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some_and(|i| i.checked())
}

/// The ids of a field's help and error texts, and its `aria-describedby`.
pub fn described_by(field: &Field, env: &FieldEnv, id: &str) -> (String, String, Option<String>) {
    let (help_id, error_id) = (format!("{id}-help"), format!("{id}-error"));
    let parts: Vec<&str> = [field.help.as_ref().map(|_| help_id.as_str()), env.error.as_ref().map(|_| error_id.as_str())]
        .into_iter()
        .flatten()
        .collect();
    let described = (!parts.is_empty()).then(|| parts.join(" "));
    (help_id, error_id, described)
}

/// The label text with the required mark, for labels and legends.
pub fn label_nodes(label: &str, required: bool, lang: Lang) -> Vec<Node> {
    let mut out = vec![text(label)];
    if required {
        out.push(el("span").attr("class", "required-mark").attr("aria-hidden", "true").text(" *").into());
        out.push(el("span").attr("class", "visually-hidden").text(&format!(" ({})", i18n::REQUIRED_MARK.get(lang))).into());
    }
    out
}

/// `class`, with `has-error` added when the field shows an error.
pub fn field_class(class: &str, error: Option<&str>) -> String {
    if error.is_some() { format!("{class} has-error") } else { class.to_owned() }
}

/// The help and error paragraphs, or placeholders that keep their places.
pub fn help_node(field: &Field, lang: Lang, id: Option<&str>) -> Node {
    field.help.as_ref().map(|h| el("p").attr("class", "field-help").attr_opt("id", id).text(h.get(lang))).into()
}

pub fn error_node(error: Option<&str>, id: &str) -> Node {
    error.map(|m| el("p").attr("class", "field-error").attr("id", id).text(m)).into()
}

/// Draws a leaf field (groups are drawn by the form).
pub fn field_view(field: &Field, env: &FieldEnv) -> Elem {
    let lang = env.lang;
    let id = field_id(&field.pointer);
    let (help_id, error_id, described) = described_by(field, env, &id);
    let invalid = env.error.as_ref().map(|_| "true");
    let described = described.as_deref();
    let value = env.value;
    let text_value = Field::display(value);
    let readonly = field.read_only;
    let required = field.required.then_some("true");

    let input_handler = {
        let (f, on_input) = (field.clone(), env.on_input.clone());
        move |e: &Event| on_input(f.pointer.clone(), f.parse_input(&target_value(e)))
    };
    let choice_handler = {
        let (f, on_input, on_blur) = (field.clone(), env.on_input.clone(), env.on_blur.clone());
        Rc::new(move |e: &Event| {
            on_input(f.pointer.clone(), f.parse_input(&target_value(e)));
            on_blur(f.pointer.clone());
        })
    };
    let blur_handler = {
        let (p, on_blur) = (field.pointer.clone(), env.on_blur.clone());
        move |_: &Event| on_blur(p.clone())
    };
    let label = || label_nodes(field.label.get(lang), field.required, lang);
    // Text, numbers and long text: what their inputs share.
    let text_input = |tag: &'static str, max_length: Option<u64>| {
        el(tag)
            .attr("id", &id)
            .attr_opt("maxlength", max_length.map(|m| m.to_string()).as_deref())
            .attr_opt("placeholder", field.placeholder.as_ref().map(|p| p.get(lang)))
            .attr_opt("aria-required", required)
            .attr_opt("aria-invalid", invalid)
            .attr_opt("aria-describedby", described)
            .flag("readonly", readonly)
            .value(&text_value)
    };

    let input = match &field.widget {
        Widget::Text { kind: TextKind::Date, .. } => return super::date_field::date_view(field, env),
        // Text and numbers share one input; the type and keyboard differ.
        Widget::Text { .. } | Widget::Number { .. } => {
            let (ty, mode, max_length) = match &field.widget {
                Widget::Number { integer: true } => ("text", Some("numeric"), None),
                Widget::Number { integer: false } => ("text", Some("decimal"), None),
                Widget::Text { kind, max_length } => {
                    let (ty, mode) = match kind {
                        TextKind::Plain | TextKind::DateTime | TextKind::Date => ("text", None),
                        TextKind::Email => ("email", Some("email")),
                        TextKind::Tel => ("tel", Some("tel")),
                        TextKind::Url => ("url", Some("url")),
                        TextKind::Numeric => ("text", Some("numeric")),
                    };
                    (ty, mode, *max_length)
                }
                _ => ("text", None, None),
            };
            text_input("input", max_length)
                .attr("type", ty)
                .attr_opt("inputmode", mode)
                .attr_opt("autocomplete", field.autocomplete.as_deref())
                .on("input", input_handler)
                .on("blur", blur_handler)
        }
        Widget::TextArea { max_length } => text_input("textarea", *max_length).attr("rows", "4").on("input", input_handler).on("blur", blur_handler),
        Widget::Checkbox => {
            let checked = value == Some(&Value::Bool(true));
            let (p, on_input, on_blur) = (field.pointer.clone(), env.on_input.clone(), env.on_blur.clone());
            let onchange = move |e: &Event| {
                on_input(p.clone(), Some(Value::Bool(target_checked(e))));
                on_blur(p.clone());
            };
            return el("div")
                .attr("class", &field_class("field field-checkbox", env.error.as_deref()))
                .child(
                    el("input")
                        .attr("id", &id)
                        .attr("type", "checkbox")
                        .flag("disabled", readonly)
                        .attr_opt("aria-invalid", invalid)
                        .attr_opt("aria-describedby", described)
                        .checked(checked)
                        .on("change", onchange),
                )
                .child(el("label").attr("for", &id).children(label()))
                .child(help_node(field, lang, Some(&help_id)))
                .child(error_node(env.error.as_deref(), &error_id));
        }
        Widget::Select { options } => el("select")
            .attr("id", &id)
            .attr_opt("aria-required", required)
            .attr_opt("aria-invalid", invalid)
            .attr_opt("aria-describedby", described)
            .flag("disabled", readonly)
            .on("change", { let h = choice_handler.clone(); move |e: &Event| h(e) })
            .child(el("option").attr("value", "").selected(value.is_none()).text(i18n::CHOOSE.get(lang)))
            .children(options.iter().map(|c| option_view(c, &text_value, lang).into())),
        Widget::Radio { options } => {
            return el("fieldset")
                .attr("class", &field_class("field field-radio", env.error.as_deref()))
                .attr("id", &id)
                .attr("tabindex", "-1")
                .attr_opt("aria-describedby", described)
                .attr_opt("aria-invalid", invalid)
                .child(el("legend").children(label()))
                .child(help_node(field, lang, Some(&help_id)))
                .children(options.iter().enumerate().map(|(i, c)| {
                    let key = choice_key(&c.value);
                    let h = choice_handler.clone();
                    let input = el("input").attr("type", "radio").attr("name", &id).attr("value", &key).flag("disabled", readonly);
                    choice_option(input, &format!("{id}-{i}"), key == text_value && value.is_some(), c.label.get(lang), move |e: &Event| h(e))
                }))
                .child(error_node(env.error.as_deref(), &error_id));
        }
        // Drawn by `fields`.
        Widget::Group { .. } | Widget::Alternatives { .. } | Widget::List { .. } | Widget::MultiCheck { .. } | Widget::Hidden | Widget::Fixed(_) | Widget::Lazy | Widget::Evidence { .. } => {
            return el("div")
        }
        Widget::Unsupported { reason } => {
            web_sys::console::warn_1(&format!("eservice-kit: {reason}").into());
            el("p").attr("class", "field-unsupported").text(i18n::UNSUPPORTED_FIELD.get(lang))
        }
    };
    el("div")
        .attr("class", &field_class("field", env.error.as_deref()))
        .child(el("label").attr("for", &id).children(label()))
        .child(help_node(field, lang, Some(&help_id)))
        .child(input)
        .child(error_node(env.error.as_deref(), &error_id))
}

/// One option of a set of radio buttons or check boxes: `input` with its
/// id, state and handler, inside its label.
pub fn choice_option(input: Elem, id: &str, checked: bool, label: &str, on_change: impl Fn(&Event) + 'static) -> Node {
    el("label")
        .attr("class", "radio-option")
        .attr("for", id)
        .child(input.attr("id", id).checked(checked).on("change", on_change))
        .text(label)
        .into()
}

fn option_view(c: &Choice, current: &str, lang: Lang) -> Elem {
    let key = choice_key(&c.value);
    el("option").attr("value", &key).selected(key == current).text(c.label.get(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_safe_and_distinct() {
        let p = JsonPointer::parse("/address/post code").unwrap();
        assert_eq!(field_id(&p), "f-address-post_code");
        assert_eq!(field_id(&JsonPointer::parse("/a/b").unwrap()), "f-a-b");
    }
}
