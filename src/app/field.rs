//! One field of an e-Form: its label, help, input and error, wired for
//! screen readers (`aria-invalid`, `aria-describedby`). [`LeafField`] is
//! redrawn only when its own props change, so typing in one field of a
//! long form redraws that field alone.

use std::rc::Rc;

use eservice_core::form::{choice_key, Field, TextKind, Widget};
use eservice_core::{JsonPointer, Lang};
use serde_json::Value;
use wasm_bindgen::JsCast;
use web_sys::Event;
use yew::prelude::*;

use super::fields::Events;
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

/// Keeps a `<select>`'s choice on `value`: the `selected` attribute only
/// sets the choice before the citizen first picks one, so the property is
/// set after each drawing instead.
#[hook]
pub fn use_selected(select: NodeRef, value: String) {
    use_effect(move || {
        if let Some(s) = select.cast::<web_sys::HtmlSelectElement>() {
            if s.value() != value {
                s.set_value(&value);
            }
        }
    });
}

/// A field's ids for help and error, and its `aria-describedby`.
pub struct Described {
    pub help: String,
    pub error: String,
    pub by: Option<AttrValue>,
}

pub fn described_by(field: &Field, error: Option<&str>, id: &str) -> Described {
    let (help, error_id) = (format!("{id}-help"), format!("{id}-error"));
    let parts: Vec<&str> = [field.help.as_ref().map(|_| help.as_str()), error.map(|_| error_id.as_str())].into_iter().flatten().collect();
    let by = (!parts.is_empty()).then(|| AttrValue::from(parts.join(" ")));
    Described { help, error: error_id, by }
}

/// The label text with the required mark, for labels and legends.
pub fn label_text(label: &str, required: bool, lang: Lang) -> Html {
    html! {
        <>
            { label.to_owned() }
            if required {
                <span class="required-mark" aria-hidden="true">{ " *" }</span>
                <span class="visually-hidden">{ format!(" ({})", i18n::REQUIRED_MARK.get(lang)) }</span>
            }
        </>
    }
}

/// `class`, with `has-error` added when the field shows an error.
pub fn field_class(class: &str, error: Option<&str>) -> String {
    if error.is_some() { format!("{class} has-error") } else { class.to_owned() }
}

/// The field's help paragraph, if it has help.
pub fn help_text(field: &Field, lang: Lang, id: Option<String>) -> Html {
    match &field.help {
        Some(h) => html! { <p class="field-help" id={id}>{ h.get(lang) }</p> },
        None => Html::default(),
    }
}

/// The field's error paragraph, if it shows an error.
pub fn error_text(error: Option<&str>, id: String) -> Html {
    match error {
        Some(m) => html! { <p class="field-error" id={id}>{ m.to_owned() }</p> },
        None => Html::default(),
    }
}

/// The input of one option among radio buttons or check boxes.
pub struct OptionInput {
    /// `radio` or `checkbox`.
    pub kind: &'static str,
    /// The radio group's name.
    pub name: Option<String>,
    pub value: Option<String>,
    pub disabled: bool,
}

/// One option of a set of radio buttons or check boxes, inside its label.
pub fn choice_option(input: OptionInput, id: String, checked: bool, label: &str, onchange: Callback<Event>) -> Html {
    let OptionInput { kind, name, value, disabled } = input;
    html! {
        <label class="radio-option" for={id.clone()}>
            <input type={kind} {name} {value} {id} {checked} {disabled} {onchange} />
            { label.to_owned() }
        </label>
    }
}

#[derive(Properties)]
pub struct LeafProps {
    pub field: Rc<Field>,
    pub value: Option<Value>,
    pub error: Option<String>,
    pub lang: Lang,
    pub ev: Events,
}

/// The same field first by pointer: a form whose fields depend on no value
/// keeps one spec, and comparing each of 200 fields in depth on every
/// keystroke would cost more than drawing the one that changed.
pub fn same_field(a: &Rc<Field>, b: &Rc<Field>) -> bool {
    Rc::ptr_eq(a, b) || a == b
}

impl PartialEq for LeafProps {
    fn eq(&self, o: &Self) -> bool {
        same_field(&self.field, &o.field) && self.value == o.value && self.error == o.error && self.lang == o.lang && self.ev == o.ev
    }
}

/// A leaf field: text, number, long text, check box, list or radio
/// choice, date (groups and lists are drawn by `fields`).
#[component]
pub fn LeafField(props: &LeafProps) -> Html {
    let LeafProps { field, value, error, lang, ev } = props;
    let lang = *lang;
    let select = use_node_ref();
    let text_value = Field::display(value.as_ref());
    use_selected(select.clone(), if value.is_some() { text_value.clone() } else { String::new() });
    if let Widget::Text { kind: TextKind::Date, .. } = &field.widget {
        return html! { <super::date_field::DateField field={field.clone()} value={value.clone()} error={error.clone()} {lang} ev={ev.clone()} /> };
    }
    let id = field_id(&field.pointer);
    let error = error.as_deref();
    let d = described_by(field, error, &id);
    let invalid = error.map(|_| "true");
    let readonly = field.read_only;
    let required = field.required.then_some("true");
    let oninput = {
        let (f, on_input) = (field.clone(), ev.on_input.clone());
        Callback::from(move |e: InputEvent| on_input.emit((f.pointer.clone(), f.parse_input(&target_value(&e)))))
    };
    let onchoice = {
        let (f, on_input, on_blur) = (field.clone(), ev.on_input.clone(), ev.on_blur.clone());
        Callback::from(move |e: Event| {
            on_input.emit((f.pointer.clone(), f.parse_input(&target_value(&e))));
            on_blur.emit(f.pointer.clone());
        })
    };
    let onblur = {
        let (p, on_blur) = (field.pointer.clone(), ev.on_blur.clone());
        Callback::from(move |_: FocusEvent| on_blur.emit(p.clone()))
    };
    let label = label_text(field.label.get(lang), field.required, lang);
    let placeholder = field.placeholder.as_ref().map(|p| p.get(lang).to_owned());
    let input = match &field.widget {
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
            html! {
                <input id={id.clone()} type={ty} inputmode={mode} autocomplete={field.autocomplete.clone()}
                    maxlength={max_length.map(|m| m.to_string())} {placeholder}
                    aria-required={required} aria-invalid={invalid} aria-describedby={d.by.clone()}
                    readonly={readonly} value={text_value} {oninput} {onblur} />
            }
        }
        Widget::TextArea { max_length } => html! {
            <textarea id={id.clone()} rows="4" maxlength={max_length.map(|m| m.to_string())} {placeholder}
                aria-required={required} aria-invalid={invalid} aria-describedby={d.by.clone()}
                readonly={readonly} value={text_value} {oninput} {onblur} />
        },
        Widget::Checkbox => {
            let checked = value.as_ref() == Some(&Value::Bool(true));
            let (p, on_input, on_blur) = (field.pointer.clone(), ev.on_input.clone(), ev.on_blur.clone());
            let onchange = Callback::from(move |e: Event| {
                on_input.emit((p.clone(), Some(Value::Bool(target_checked(&e)))));
                on_blur.emit(p.clone());
            });
            return html! {
                <div class={field_class("field field-checkbox", error)}>
                    <input id={id.clone()} type="checkbox" disabled={readonly} aria-invalid={invalid}
                        aria-describedby={d.by.clone()} {checked} {onchange} />
                    <label for={id.clone()}>{ label }</label>
                    { help_text(field, lang, Some(d.help)) }
                    { error_text(error, d.error) }
                </div>
            };
        }
        Widget::Select { options } => html! {
            <select id={id.clone()} ref={select} aria-required={required} aria-invalid={invalid}
                aria-describedby={d.by.clone()} disabled={readonly} onchange={onchoice}>
                <option value="" selected={value.is_none()}>{ i18n::CHOOSE.get(lang) }</option>
                { for options.iter().map(|c| {
                    let key = choice_key(&c.value);
                    let on = key == text_value;
                    html! { <option value={key} selected={on}>{ c.label.get(lang) }</option> }
                }) }
            </select>
        },
        Widget::Radio { options } => {
            return html! {
                <fieldset class={field_class("field field-radio", error)} id={id.clone()} tabindex="-1"
                    aria-describedby={d.by.clone()} aria-invalid={invalid}>
                    <legend>{ label }</legend>
                    { help_text(field, lang, Some(d.help)) }
                    { for options.iter().enumerate().map(|(i, c)| {
                        let key = choice_key(&c.value);
                        let on = key == text_value && value.is_some();
                        let input = OptionInput { kind: "radio", name: Some(id.clone()), value: Some(key), disabled: readonly };
                        choice_option(input, format!("{id}-{i}"), on, c.label.get(lang), onchoice.clone())
                    }) }
                    { error_text(error, d.error) }
                </fieldset>
            };
        }
        // Drawn by `fields`.
        Widget::Group { .. } | Widget::Alternatives { .. } | Widget::List { .. } | Widget::MultiCheck { .. } | Widget::Hidden | Widget::Fixed(_) | Widget::Lazy | Widget::Evidence { .. } => {
            return Html::default()
        }
        Widget::Unsupported { reason } => {
            web_sys::console::warn_1(&format!("eservice-kit: {reason}").into());
            html! { <p class="field-unsupported">{ i18n::UNSUPPORTED_FIELD.get(lang) }</p> }
        }
    };
    html! {
        <div class={field_class("field", error)}>
            <label for={id}>{ label }</label>
            { help_text(field, lang, Some(d.help)) }
            { input }
            { error_text(error, d.error) }
        </div>
    }
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
