//! Finding the kit's own elements by id. Embedded in an agency page, the kit
//! lives in a shadow root, where `document.getElementById` cannot see; each
//! lookup starts from the element an event came from instead.

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Event, HtmlElement, Node};

/// Focuses the element `id` in the document or shadow root that holds the
/// target of `near`.
pub fn focus_by_id(near: &Event, id: &str) {
    let root: JsValue = match near.target().and_then(|t| t.dyn_into::<Node>().ok()) {
        Some(node) => node.get_root_node().into(),
        None => match web_sys::window().and_then(|w| w.document()) {
            Some(d) => d.into(),
            None => return,
        },
    };
    let found = Reflect::get(&root, &"getElementById".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call1(&root, &id.into()).ok());
    if let Some(el) = found.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        el.focus().ok();
    }
}
