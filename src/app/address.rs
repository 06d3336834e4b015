//! The Thai address cascade: province, then district, then subdistrict,
//! then the postcode filled in. The dataset is fetched only when a form
//! draws the cascade; until it arrives, or if it cannot be had, the four
//! fields stay plain text inputs, so the form still works.

use std::cell::RefCell;
use std::rc::Rc;

use eservice_core::form::Field;
use eservice_core::thai_address::{Dataset, DISTRICT, POSTCODE, PROVINCE, SUBDISTRICT};
use eservice_core::{JsonPointer, Lang};
use serde_json::Value;
use web_sys::Event;
use yew::prelude::*;

use super::field::{error_text, field_class, field_id, label_text, target_value, use_selected, LeafField};
use super::fields::{error_of, Events};
use crate::i18n;
use crate::net::fetch_json;

const DATASET: &str = "data/thai-address.json";

enum State {
    NotAsked,
    /// Asked for; these redraw when it comes.
    Loading(Vec<Callback<()>>),
    Ready(Rc<Dataset>),
    Unavailable,
}

thread_local! {
    /// Fetched once per page, shared by every address on it.
    static LOADED: RefCell<State> = const { RefCell::new(State::NotAsked) };
}

/// Whether a group field is one the cascade draws.
pub fn is_cascade_part(f: &Field) -> bool {
    matches!(f.pointer.last(), Some(PROVINCE | DISTRICT | SUBDISTRICT | POSTCODE))
}

/// The dataset if it is here; asks for it (once) if not, and calls
/// `redraw` when it comes.
fn dataset(redraw: Callback<()>) -> Option<Rc<Dataset>> {
    LOADED.with(|l| {
        let mut l = l.borrow_mut();
        match &mut *l {
            State::Ready(d) => return Some(d.clone()),
            State::NotAsked => {
                *l = State::Loading(vec![redraw]);
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = fetch_json(DATASET).await.ok().and_then(|v| Dataset::from_json(&v)).map(Rc::new);
                    let waiting = LOADED.with(|l| std::mem::replace(&mut *l.borrow_mut(), loaded.map_or(State::Unavailable, State::Ready)));
                    if let State::Loading(waiting) = waiting {
                        waiting.iter().for_each(|r| r.emit(()));
                    }
                });
            }
            State::Loading(waiting) => waiting.push(redraw),
            State::Unavailable => {}
        }
        None
    })
}

#[derive(Properties, PartialEq)]
pub struct CascadeProps {
    /// The address group's province, district, subdistrict and postcode fields.
    pub parts: Vec<Rc<Field>>,
    /// The address group's value.
    pub value: Option<Value>,
    /// The errors shown on `parts`.
    pub errors: Vec<(JsonPointer, String)>,
    pub lang: Lang,
    pub ev: Events,
}

#[component]
pub fn AddressCascade(props: &CascadeProps) -> Html {
    let CascadeProps { parts, value, errors, lang, ev } = props;
    let lang = *lang;
    let redraw = use_force_update();
    let refs = [use_node_ref(), use_node_ref(), use_node_ref()];
    let text = |name: &str| -> String { value.as_ref().and_then(|v| v.get(name)).and_then(Value::as_str).unwrap_or_default().to_owned() };
    let (province, district, subdistrict) = (text(PROVINCE), text(DISTRICT), text(SUBDISTRICT));
    use_selected(refs[0].clone(), province.clone());
    use_selected(refs[1].clone(), district.clone());
    use_selected(refs[2].clone(), subdistrict.clone());
    let plain = |f: &Rc<Field>| -> Html {
        let value = value.as_ref().and_then(|v| v.get(f.pointer.last().unwrap_or_default())).cloned();
        html! { <LeafField field={f.clone()} {value} error={error_of(errors, &f.pointer)} {lang} ev={ev.clone()} /> }
    };
    let Some(data) = dataset(Callback::from(move |_| redraw.force_update())) else {
        return html! { <div class="address-cascade">{ for parts.iter().map(plain) }</div> };
    };
    let part = |name: &str| parts.iter().find(|f| f.pointer.last() == Some(name)).cloned();

    // A choice clears the choices below it; a subdistrict with one postcode fills it.
    let choose = |name: &'static str| {
        let (ev, parts, data) = (ev.clone(), parts.clone(), data.clone());
        let (province, district) = (province.clone(), district.clone());
        Callback::from(move |e: Event| {
            let v = target_value(&e);
            let set = |n: &str, value: Option<Value>| {
                if let Some(f) = parts.iter().find(|f| f.pointer.last() == Some(n)) {
                    ev.on_input.emit((f.pointer.clone(), value));
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
                ev.on_blur.emit(f.pointer.clone());
            }
        })
    };
    let select = |name: &'static str, node: &NodeRef, options: Vec<&str>, current: &str| -> Html {
        let Some(f) = part(name) else { return Html::default() };
        let id = field_id(&f.pointer);
        let error = error_of(errors, &f.pointer);
        let error_id = format!("{id}-error");
        // A value not in the dataset (typed earlier) stays an option: nothing is lost.
        let keep = (!current.is_empty() && !options.contains(&current)).then(|| current.to_owned());
        html! {
            <div class={field_class("field", error.as_deref())}>
                <label for={id.clone()}>{ label_text(f.label.get(lang), f.required, lang) }</label>
                <select {id} ref={node.clone()} disabled={options.is_empty() && keep.is_none()}
                    aria-invalid={error.as_ref().map(|_| "true")} aria-describedby={error.as_ref().map(|_| error_id.clone())}
                    onchange={choose(name)}>
                    <option value="">{ i18n::CHOOSE.get(lang) }</option>
                    { for keep.as_deref().into_iter().chain(options.iter().copied()).map(|o| html! { <option value={o.to_owned()}>{ o.to_owned() }</option> }) }
                </select>
                { error_text(error.as_deref(), error_id) }
            </div>
        }
    };
    html! {
        <div class="address-cascade">
            { select(PROVINCE, &refs[0], data.provinces(), &province) }
            { select(DISTRICT, &refs[1], data.districts(&province), &district) }
            { select(SUBDISTRICT, &refs[2], data.subdistricts(&province, &district), &subdistrict) }
            { part(POSTCODE).map(|f| plain(&f)).unwrap_or_default() }
        </div>
    }
}
