//! Yew numbers its roots from 1 in each wasm instance and delegates events
//! from each root by that number. A lazily loaded bundle draws inside the
//! main app's root, so with the same number the main app would take that
//! bundle's clicks for its own (a click on "Sign" once ran the language
//! switch). Rendering a few empty roots first moves the bundle's numbers
//! past the main app's.

use std::cell::{Cell, RefCell};

use web_sys::Element;

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

/// The apps a bundle drew into the main app's elements, by element.
pub type Drawn<C> = RefCell<Vec<(Element, AppHandle<C>)>>;

/// Renders `C` into `root`, first destroying the apps in `registry` whose
/// element the main app has since removed (or that drew into `root` before).
pub fn draw<C: BaseComponent>(registry: &'static std::thread::LocalKey<Drawn<C>>, root: Element, props: C::Properties) {
    number_past_the_main_app();
    registry.with(|r| {
        let mut r = r.borrow_mut();
        for (_, app) in r.extract_if(.., |(el, _)| !el.is_connected() || *el == root) {
            app.destroy();
        }
        root.set_inner_html("");
        r.push((root.clone(), yew::Renderer::<C>::with_root_and_props(root, props).render()));
    });
}
