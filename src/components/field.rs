//! One field of an e-Form: its label, help, input and error, wired for
//! screen readers (`aria-invalid`, `aria-describedby`).

use eservice_core::form::{choice_key, Choice, Field, TextKind, Widget};
use eservice_core::{JsonPointer, Lang};
use serde_json::Value;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::form_fields::required_mark;
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
    /// The user changed the value (`None` clears it).
    pub on_input: Callback<(JsonPointer, Option<Value>)>,
    /// The user left the field.
    pub on_blur: Callback<JsonPointer>,
}

/// The value of the input, select or textarea an event came from.
pub(super) fn target_value(e: &Event) -> String {
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

fn target_checked(e: &Event) -> bool {
    e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some_and(|i| i.checked())
}

/// The ids of a field's help and error texts, and its `aria-describedby`.
pub(super) fn described_by(field: &Field, env: &FieldEnv, id: &str) -> (String, String, Option<String>) {
    let (help_id, error_id) = (format!("{id}-help"), format!("{id}-error"));
    let parts: Vec<&str> = [field.help.as_ref().map(|_| help_id.as_str()), env.error.as_ref().map(|_| error_id.as_str())]
        .into_iter()
        .flatten()
        .collect();
    let described = (!parts.is_empty()).then(|| parts.join(" "));
    (help_id, error_id, described)
}

/// Draws a leaf field (groups are drawn by the form).
pub fn field_view(field: &Field, env: &FieldEnv) -> Html {
    let lang = env.lang;
    let id = field_id(&field.pointer);
    let (help_id, error_id, described) = described_by(field, env, &id);
    let invalid = env.error.as_ref().map(|_| "true");
    let value = env.value;
    let text = Field::display(value);
    let placeholder = field.placeholder.as_ref().map(|p| p.get(lang).to_owned());

    let oninput = {
        let (f, on_input) = (field.clone(), env.on_input.clone());
        Callback::from(move |e: InputEvent| {
            let e: Event = e.into();
            on_input.emit((f.pointer.clone(), f.parse_input(&target_value(&e))));
        })
    };
    let onchange_choice = {
        let (f, on_input, on_blur) = (field.clone(), env.on_input.clone(), env.on_blur.clone());
        Callback::from(move |e: Event| {
            on_input.emit((f.pointer.clone(), f.parse_input(&target_value(&e))));
            on_blur.emit(f.pointer.clone());
        })
    };
    let onblur = {
        let (p, on_blur) = (field.pointer.clone(), env.on_blur.clone());
        Callback::from(move |_: FocusEvent| on_blur.emit(p.clone()))
    };

    let label_text = html! { <>{ field.label.get(lang) }{ required_mark(field.required, lang) }</> };
    // Always one node each (empty when absent): Yew lines unkeyed siblings up
    // from the end, so a child that comes and goes would shift the inputs.
    let help: Html = field.help.as_ref().map(|h| html! { <p class="field-help" id={help_id.clone()}>{ h.get(lang) }</p> }).unwrap_or_default();
    let error: Html = env.error.as_ref().map(|m| html! { <p class="field-error" id={error_id.clone()}>{ m }</p> }).unwrap_or_default();
    let readonly = field.read_only;

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
            html! {
                <input id={id.clone()} type={ty} inputmode={mode} value={text}
                    maxlength={max_length.map(|m| m.to_string())}
                    autocomplete={field.autocomplete.clone()} placeholder={placeholder}
                    aria-required={field.required.then_some("true")}
                    aria-invalid={invalid} aria-describedby={described.clone()} readonly={readonly}
                    oninput={oninput} onblur={onblur} />
            }
        }
        Widget::TextArea { max_length } => html! {
            <textarea id={id.clone()} value={text} rows="4" placeholder={placeholder}
                maxlength={max_length.map(|m| m.to_string())}
                aria-required={field.required.then_some("true")}
                aria-invalid={invalid} aria-describedby={described.clone()} readonly={readonly}
                oninput={oninput} onblur={onblur} />
        },
        Widget::Checkbox => {
            let checked = value == Some(&Value::Bool(true));
            let onchange = {
                let (p, on_input, on_blur) = (field.pointer.clone(), env.on_input.clone(), env.on_blur.clone());
                Callback::from(move |e: Event| {
                    on_input.emit((p.clone(), Some(Value::Bool(target_checked(&e)))));
                    on_blur.emit(p.clone());
                })
            };
            return html! {
                <div class={classes!("field", "field-checkbox", env.error.as_ref().map(|_| "has-error"))}>
                    <input id={id.clone()} type="checkbox" checked={checked} disabled={readonly}
                        aria-invalid={invalid} aria-describedby={described.clone()} onchange={onchange} />
                    <label for={id.clone()}>{ label_text }</label>
                    { help }{ error }
                </div>
            };
        }
        Widget::Select { options } => html! {
            <select id={id.clone()} aria-required={field.required.then_some("true")}
                aria-invalid={invalid} aria-describedby={described.clone()} disabled={readonly}
                onchange={onchange_choice}>
                <option value="" selected={value.is_none()}>{ i18n::CHOOSE.get(lang) }</option>
                { for options.iter().map(|c| option_view(c, &text, lang)) }
            </select>
        },
        Widget::Radio { options } => {
            return html! {
                <fieldset class={classes!("field", "field-radio", env.error.as_ref().map(|_| "has-error"))}
                    id={id.clone()} tabindex="-1" aria-describedby={described.clone()} aria-invalid={invalid}>
                    <legend>{ label_text }</legend>
                    { help }
                    { for options.iter().enumerate().map(|(i, c)| {
                        let key = choice_key(&c.value);
                        let opt_id = format!("{id}-{i}");
                        html! {
                            <label class="radio-option" for={opt_id.clone()}>
                                <input type="radio" id={opt_id} name={id.clone()} value={key.clone()}
                                    checked={key == text && value.is_some()} disabled={readonly}
                                    onchange={onchange_choice.clone()} />
                                { c.label.get(lang) }
                            </label>
                        }
                    }) }
                    { error }
                </fieldset>
            };
        }
        // Drawn by form_fields.
        Widget::Group { .. } | Widget::Alternatives { .. } | Widget::List { .. } | Widget::MultiCheck { .. } | Widget::Hidden | Widget::Fixed(_) | Widget::Lazy | Widget::Evidence { .. } => {
            return html! {}
        }
        Widget::Unsupported { reason } => {
            web_sys::console::warn_1(&format!("eservice-kit: {reason}").into());
            html! { <p class="field-unsupported">{ i18n::UNSUPPORTED_FIELD.get(lang) }</p> }
        }
    };
    html! {
        <div class={classes!("field", env.error.as_ref().map(|_| "has-error"))}>
            <label for={id.clone()}>{ label_text }</label>
            { help }
            { input }
            { error }
        </div>
    }
}

fn option_view(c: &Choice, current: &str, lang: Lang) -> Html {
    let key = choice_key(&c.value);
    html! { <option value={key.clone()} selected={key == current}>{ c.label.get(lang) }</option> }
}

#[derive(Properties)]
pub struct FieldInputProps {
    pub field: std::rc::Rc<Field>,
    /// Overrides the field's label (list items are numbered).
    #[prop_or_default]
    pub label: Option<String>,
    pub value: Option<Value>,
    pub error: Option<String>,
    pub lang: Lang,
    pub on_input: Callback<(JsonPointer, Option<Value>)>,
    pub on_blur: Callback<JsonPointer>,
}

/// Whether two props hold the same field: the same allocation when the form
/// was read once, else equal fields (a dynamic form is read anew each time).
pub(super) fn same_field(a: &std::rc::Rc<Field>, b: &std::rc::Rc<Field>) -> bool {
    std::rc::Rc::ptr_eq(a, b) || a == b
}

impl PartialEq for FieldInputProps {
    fn eq(&self, o: &Self) -> bool {
        same_field(&self.field, &o.field)
            && self.label == o.label
            && self.value == o.value
            && self.error == o.error
            && self.lang == o.lang
            && self.on_input == o.on_input
            && self.on_blur == o.on_blur
    }
}

/// A leaf field as a component: Yew redraws it only when its own props
/// change, so typing in one field of a long form redraws that field alone.
#[component]
pub fn FieldInput(props: &FieldInputProps) -> Html {
    let env = FieldEnv {
        lang: props.lang,
        value: props.value.as_ref(),
        error: props.error.clone(),
        on_input: props.on_input.clone(),
        on_blur: props.on_blur.clone(),
    };
    match &props.label {
        Some(l) => {
            let mut f = (*props.field).clone();
            f.label = eservice_core::LocalText { th: Some(l.clone()), en: Some(l.clone()) };
            field_view(&f, &env)
        }
        None => field_view(&props.field, &env),
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
