//! A field left by a tap or a click elsewhere shows its error only once the
//! press has landed.
//!
//! Why: the browser moves focus on the press (mousedown) and clicks on the
//! release. An error drawn in between pushes the page down, the release
//! lands on whatever moved under the finger, and the field tapped gets
//! focus without a caret: what the citizen types next goes nowhere. The
//! keyboard sweep (tests/e2e/keyboard.test.mjs) met it tapping from an
//! empty required field to the next one.

use std::cell::{Cell, RefCell};

use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Timeout;

/// How long a press may last before what waits for it runs anyway (a
/// release the page never hears of, such as a touch the browser cancels).
const LONGEST_PRESS_MS: u32 = 1500;

type Waiting = Vec<Box<dyn FnOnce()>>;

thread_local! {
    static PRESSED: Cell<bool> = const { Cell::new(false) };
    static WAITING: RefCell<Waiting> = const { RefCell::new(Vec::new()) };
    static WATCHING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` now, or, while a press is under way, once it has landed.
pub fn after_press(f: impl FnOnce() + 'static) {
    if PRESSED.with(Cell::get) {
        WAITING.with(|w| w.borrow_mut().push(Box::new(f)));
    } else {
        f();
    }
}

fn release() {
    PRESSED.with(|p| p.set(false));
    let waiting = WAITING.with(|w| std::mem::take(&mut *w.borrow_mut()));
    for f in waiting {
        f();
    }
}

/// Starts following presses on the page; once per page, before any press
/// whose release a field's leaving must wait for.
pub fn watch() {
    if WATCHING.with(|w| w.replace(true)) {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let capture = EventListenerOptions::run_in_capture_phase();
    // For as long as the page; a pending timer holds nothing but the release.
    EventListener::new_with_options(&document, "mousedown", capture, |_| {
        PRESSED.with(|p| p.set(true));
        Timeout::new(LONGEST_PRESS_MS, release).forget();
    })
    .forget();
    // A timeout set on the release runs after the click that follows it.
    EventListener::new_with_options(&document, "mouseup", capture, |_| {
        Timeout::new(0, release).forget();
    })
    .forget();
}
