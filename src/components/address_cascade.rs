//! The Thai address cascade: province, then district, then subdistrict,
//! then the postcode filled in. The dataset (57 KB gzipped) is fetched only
//! when a form asks for the cascade; if it cannot be had, the four fields
//! stay plain text inputs, so the form still works.

use std::cell::RefCell;
use std::rc::Rc;

use eservice_core::form::Field;
use eservice_core::thai_address::{Dataset, DISTRICT, POSTCODE, PROVINCE, SUBDISTRICT};
use eservice_core::{JsonPointer, Lang};
use serde_json::Value;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::field::{field_id, FieldInput};
use super::form_fields::{required_mark, FieldEvents};
use crate::i18n;
use crate::net::fetch_json;

const DATASET: &str = "data/thai-address.json";

thread_local! {
    /// Fetched once per page, shared by every address on it.
    static LOADED: RefCell<Option<Rc<Dataset>>> = const { RefCell::new(None) };
}

/// Whether a group field is one the cascade draws.
pub fn is_cascade_part(f: &Field) -> bool {
    matches!(f.pointer.last(), Some(PROVINCE | DISTRICT | SUBDISTRICT | POSTCODE))
}

#[derive(Clone)]
enum State {
    Loading,
    Ready(Rc<Dataset>),
    Unavailable,
}

#[derive(Properties, PartialEq)]
pub struct AddressCascadeProps {
    /// The group's province, district, subdistrict and postcode fields.
    pub parts: Vec<Rc<Field>>,
    /// The group's value.
    pub value: Option<Value>,
    pub shown: Vec<(JsonPointer, String)>,
    pub lang: Lang,
    pub events: FieldEvents,
}

fn select_value(e: &Event) -> String {
    e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default()
}

#[component]
pub fn AddressCascade(props: &AddressCascadeProps) -> Html {
    let state = use_state(|| LOADED.with(|l| l.borrow().clone()).map_or(State::Loading, State::Ready));
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if matches!(*state, State::Loading) {
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = fetch_json(DATASET).await.ok().and_then(|v| Dataset::from_json(&v)).map(Rc::new);
                    match loaded {
                        Some(d) => {
                            LOADED.with(|l| *l.borrow_mut() = Some(d.clone()));
                            state.set(State::Ready(d));
                        }
                        None => state.set(State::Unavailable),
                    }
                });
            }
        });
    }
    let lang = props.lang;
    let part = |name: &str| props.parts.iter().find(|f| f.pointer.last() == Some(name)).cloned();
    let text = |name: &str| -> String {
        props.value.as_ref().and_then(|v| v.get(name)).and_then(Value::as_str).unwrap_or_default().to_owned()
    };
    let error_of = |f: &Field| props.shown.iter().find(|(p, _)| *p == f.pointer).map(|(_, m)| m.clone());
    let plain = |f: &Rc<Field>| {
        html! {
            <FieldInput field={f.clone()} value={props.value.as_ref().and_then(|v| v.get(f.pointer.last().unwrap_or_default())).cloned()}
                error={error_of(f)} lang={lang} on_input={props.events.on_input.clone()} on_blur={props.events.on_blur.clone()} />
        }
    };
    let data = match &*state {
        State::Ready(d) => d.clone(),
        // Until it arrives, or if it never does, plain inputs keep the form usable.
        State::Loading | State::Unavailable => return props.parts.iter().map(plain).collect(),
    };
    let (province, district, subdistrict) = (text(PROVINCE), text(DISTRICT), text(SUBDISTRICT));

    // A choice clears the choices below it; a subdistrict with one postcode fills it.
    let choose = |name: &'static str| {
        let (events, parts, data) = (props.events.clone(), props.parts.clone(), data.clone());
        let (province, district) = (province.clone(), district.clone());
        Callback::from(move |e: Event| {
            let v = select_value(&e);
            let set = |n: &str, value: Option<Value>| {
                if let Some(f) = parts.iter().find(|f| f.pointer.last() == Some(n)) {
                    events.on_input.emit((f.pointer.clone(), value));
                }
            };
            let below: &[&str] = match name {
                PROVINCE => &[DISTRICT, SUBDISTRICT, POSTCODE],
                DISTRICT => &[SUBDISTRICT, POSTCODE],
                _ => &[POSTCODE],
            };
            set(name, (!v.is_empty()).then(|| Value::String(v.clone())));
            for n in below {
                set(n, None);
            }
            if name == SUBDISTRICT {
                if let [only] = data.postcodes(&province, &district, &v).as_slice() {
                    set(POSTCODE, Some(Value::String((*only).to_owned())));
                }
            }
            if let Some(f) = parts.iter().find(|f| f.pointer.last() == Some(name)) {
                events.on_blur.emit(f.pointer.clone());
            }
        })
    };
    let select = |name: &'static str, options: Vec<&str>, current: &str| -> Html {
        let Some(f) = part(name) else { return html! {} };
        let id = field_id(&f.pointer);
        let error = error_of(&f);
        // A value not in the dataset (typed earlier) stays an option: nothing is lost.
        let keep = (!current.is_empty() && !options.contains(&current)).then(|| current.to_owned());
        html! {
            <div class={classes!("field", error.as_ref().map(|_| "has-error"))}>
                <label for={id.clone()}>{ f.label.get(lang) }{ required_mark(f.required, lang) }</label>
                <select id={id.clone()} disabled={options.is_empty() && keep.is_none()}
                    aria-invalid={error.as_ref().map(|_| "true")}
                    aria-describedby={error.as_ref().map(|_| format!("{id}-error"))}
                    onchange={choose(name)}>
                    <option value="" selected={current.is_empty()}>{ i18n::CHOOSE.get(lang) }</option>
                    { for keep.iter().map(|k| html! { <option value={k.clone()} selected=true>{ k }</option> }) }
                    { for options.iter().map(|o| html! { <option value={o.to_string()} selected={*o == current}>{ o }</option> }) }
                </select>
                { error.map(|m| html! { <p class="field-error" id={format!("{id}-error")}>{ m }</p> }).unwrap_or_default() }
            </div>
        }
    };
    html! {
        <div class="address-cascade">
            { select(PROVINCE, data.provinces(), &province) }
            { select(DISTRICT, data.districts(&province), &district) }
            { select(SUBDISTRICT, data.subdistricts(&province, &district), &subdistrict) }
            { part(POSTCODE).map(|f| plain(&f)).unwrap_or_default() }
        </div>
    }
}
