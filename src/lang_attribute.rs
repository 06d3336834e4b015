//! A language kept in an element's `lang` attribute: `<html>` on the kit's
//! own page, or the element an agency page embeds the kit in. Every bundle
//! drawn there follows that one attribute, so one switch changes them all
//! and a verdict or a half-filled form stays on screen.

use eservice_core::Lang;
use wasm_bindgen::prelude::*;
use web_sys::{Element, MutationObserver, MutationObserverInit};
use yew::prelude::*;

/// The language `el` says, else Thai.
pub fn read(el: &Element) -> Lang {
    el.get_attribute("lang").and_then(|t| Lang::from_tag(&t)).unwrap_or_default()
}

/// Switches `el` (and so everything following it) to `lang`.
pub fn write(el: &Element, lang: Lang) {
    el.set_attribute("lang", lang.tag()).ok();
}

/// The language of `el`, followed as its `lang` attribute changes.
#[hook]
pub fn use_lang_attribute(el: Element) -> Lang {
    let lang = use_state(|| read(&el));
    {
        let lang = lang.clone();
        use_effect_with(el, move |el| {
            let target = el.clone();
            let on_change = Closure::<dyn Fn()>::new(move || lang.set(read(&target)));
            let observer = MutationObserver::new(on_change.as_ref().unchecked_ref()).ok();
            if let Some(o) = &observer {
                let opts = MutationObserverInit::new();
                opts.set_attribute_filter(&js_sys::Array::of1(&"lang".into()));
                o.observe_with_options(el, &opts).ok();
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(on_change);
            }
        });
    }
    *lang
}
