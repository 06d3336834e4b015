//! The Thai address cascade without Yew: province, then district, then
//! subdistrict, then the postcode filled in. The dataset is fetched only
//! when a form draws the cascade; until it arrives, or if it cannot be had,
//! the four fields stay plain text inputs, so the form still works.

use std::cell::RefCell;
use std::rc::Rc;

use eservice_core::form::Field;
use eservice_core::thai_address::{Dataset, DISTRICT, POSTCODE, PROVINCE, SUBDISTRICT};
use eservice_core::Lang;
use serde_json::Value;
use web_sys::Event;

use super::fields::Events;
use super::field::{error_node, field_class, field_id, field_view, label_nodes, target_value, FieldEnv};
use super::fields::Shown;
use crate::i18n;
use crate::net::fetch_json;
use crate::vdom::{el, Node};

const DATASET: &str = "data/thai-address.json";

enum State {
    NotAsked,
    Loading,
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

/// The dataset if it is here; asks for it (once) if not, and redraws when it comes.
fn dataset(redraw: &Rc<dyn Fn()>) -> Option<Rc<Dataset>> {
    LOADED.with(|l| {
        let mut l = l.borrow_mut();
        match &*l {
            State::Ready(d) => return Some(d.clone()),
            State::NotAsked => {
                *l = State::Loading;
                let redraw = redraw.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = fetch_json(DATASET).await.ok().and_then(|v| Dataset::from_json(&v)).map(Rc::new);
                    LOADED.with(|l| *l.borrow_mut() = loaded.map_or(State::Unavailable, State::Ready));
                    redraw();
                });
            }
            State::Loading | State::Unavailable => {}
        }
        None
    })
}

/// The cascade for a group's `parts`, whose value is `value`.
pub fn cascade(parts: &[Rc<Field>], value: Option<&Value>, lang: Lang, shown: &Shown, ev: &Events) -> Vec<Node> {
    let text = |name: &str| -> String { value.and_then(|v| v.get(name)).and_then(Value::as_str).unwrap_or_default().to_owned() };
    let error_of = |f: &Field| shown.iter().find(|(p, _)| *p == f.pointer).map(|(_, m)| m.clone());
    let plain = |f: &Rc<Field>| -> Node {
        let env = FieldEnv { lang, value: value.and_then(|v| v.get(f.pointer.last().unwrap_or_default())), error: error_of(f), on_input: ev.on_input.clone(), on_blur: ev.on_blur.clone() };
        field_view(f, &env).into()
    };
    let Some(data) = dataset(&ev.page.redraw) else { return parts.iter().map(plain).collect() };
    let part = |name: &str| parts.iter().find(|f| f.pointer.last() == Some(name)).cloned();
    let (province, district, subdistrict) = (text(PROVINCE), text(DISTRICT), text(SUBDISTRICT));

    // A choice clears the choices below it; a subdistrict with one postcode fills it.
    let choose = |name: &'static str| {
        let (ev, parts, data) = (ev.clone(), parts.to_vec(), data.clone());
        let (province, district) = (province.clone(), district.clone());
        move |e: &Event| {
            let v = target_value(e);
            let set = |n: &str, value: Option<Value>| {
                if let Some(f) = parts.iter().find(|f| f.pointer.last() == Some(n)) {
                    (ev.on_input)(f.pointer.clone(), value);
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
                (ev.on_blur)(f.pointer.clone());
            }
        }
    };
    let select = |name: &'static str, options: Vec<&str>, current: &str| -> Node {
        let Some(f) = part(name) else { return Node::Empty };
        let id = field_id(&f.pointer);
        let error = error_of(&f);
        let error_id = format!("{id}-error");
        // A value not in the dataset (typed earlier) stays an option: nothing is lost.
        let keep = (!current.is_empty() && !options.contains(&current)).then(|| current.to_owned());
        let option = |v: &str, on: bool| el("option").attr("value", v).selected(on).text(v).into();
        el("div")
            .attr("class", &field_class("field", error.as_deref()))
            .child(el("label").attr("for", &id).children(label_nodes(f.label.get(lang), f.required, lang)))
            .child(
                el("select")
                    .attr("id", &id)
                    .flag("disabled", options.is_empty() && keep.is_none())
                    .attr_opt("aria-invalid", error.as_ref().map(|_| "true"))
                    .attr_opt("aria-describedby", error.as_ref().map(|_| error_id.as_str()))
                    .on("change", choose(name))
                    .child(el("option").attr("value", "").selected(current.is_empty()).text(i18n::CHOOSE.get(lang)))
                    .children(keep.iter().map(|k| option(k, true)))
                    .children(options.iter().map(|o| option(o, *o == current))),
            )
            .child(error_node(error.as_deref(), &error_id))
            .into()
    };
    vec![el("div")
        .attr("class", "address-cascade")
        .child(select(PROVINCE, data.provinces(), &province))
        .child(select(DISTRICT, data.districts(&province), &district))
        .child(select(SUBDISTRICT, data.subdistricts(&province, &district), &subdistrict))
        .child(part(POSTCODE).map_or(Node::Empty, |f| plain(&f)))
        .into()]
}
