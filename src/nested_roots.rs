//! Yew numbers its roots from 1 in each wasm instance and delegates events
//! from each root by that number. A lazily loaded bundle draws inside the
//! main app's root, so with the same number the main app would take that
//! bundle's clicks for its own (a click on "Sign" once ran the language
//! switch). Rendering a few empty roots first moves the bundle's numbers
//! past the main app's.

use std::cell::Cell;

use yew::prelude::*;

/// How many Yew roots the main app may create: one on the kit's own page,
/// one per embedded form on an agency's page.
const MAIN_APP_ROOTS: usize = 16;

thread_local! {
    static MOVED: Cell<bool> = const { Cell::new(false) };
}

#[component]
fn Nothing() -> Html {
    Html::default()
}

/// Call before a bundle draws its first root.
pub fn number_past_the_main_app() {
    if MOVED.with(|m| m.replace(true)) {
        return;
    }
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    for _ in 0..MAIN_APP_ROOTS {
        if let Ok(el) = doc.create_element("div") {
            yew::Renderer::<Nothing>::with_root(el).render().destroy();
        }
    }
}
