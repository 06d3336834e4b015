//! Listening to an event on `window` for as long as a component lives.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Calls `on_event` for each `event` on `window`; when the component goes,
/// the listener is removed and `on_event` runs once more (`flush_on_leave`),
/// so that work waiting for the event is not lost.
#[hook]
pub fn use_window_event(event: &'static str, flush_on_leave: bool, on_event: impl Fn() + 'static) {
    let on_event = std::rc::Rc::new(on_event);
    use_effect_with((), move |_| {
        let call = on_event.clone();
        let listener = Closure::<dyn Fn()>::new(move || call());
        let window = web_sys::window();
        if let Some(w) = &window {
            w.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref()).ok();
        }
        move || {
            if let Some(w) = window {
                w.remove_event_listener_with_callback(event, listener.as_ref().unchecked_ref()).ok();
            }
            if flush_on_leave {
                on_event();
            }
        }
    });
}
