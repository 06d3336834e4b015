//! Finding the kit's own elements by id. Embedded in an agency page, the kit
//! lives in a shadow root, where `document.getElementById` cannot see; each
//! lookup starts from the element an event came from instead.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Event, HtmlElement, Node};

/// The document or shadow root that holds the target of `near`.
fn root_of(near: &Event) -> Option<JsValue> {
    match near.target().and_then(|t| t.dyn_into::<Node>().ok()) {
        Some(node) => Some(node.get_root_node().into()),
        None => web_sys::window().and_then(|w| w.document()).map(Into::into),
    }
}

/// Focuses the element `id` in `root` (a document or shadow root); whether it was there.
fn focus_in(root: &JsValue, id: &str) -> bool {
    let found = Reflect::get(root, &"getElementById".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call1(root, &id.into()).ok());
    match found.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        Some(el) => el.focus().is_ok(),
        None => false,
    }
}

/// Focuses the element `id` in the document or shadow root that holds the
/// target of `near`.
pub fn focus_by_id(near: &Event, id: &str) {
    if let Some(root) = root_of(near) {
        focus_in(&root, id);
    }
}

/// An element to focus once the page is next drawn: one that a change of
/// step or a new error brings, not on the page yet when the citizen pressed.
#[derive(Clone, Default)]
pub struct FocusAfterDraw(Rc<RefCell<Option<(JsValue, String)>>>);

impl PartialEq for FocusAfterDraw {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl FocusAfterDraw {
    /// Asks for `id`, in the root that holds the target of `near`, to be focused.
    pub fn ask(&self, near: &Event, id: &str) {
        *self.0.borrow_mut() = root_of(near).map(|r| (r, id.to_owned()));
    }

    /// After drawing: focuses what was asked for, if it is on the page now.
    pub fn apply(&self) {
        if let Some((root, id)) = self.0.borrow_mut().take() {
            focus_in(&root, &id);
        }
    }
}
