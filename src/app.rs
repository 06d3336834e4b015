//! The app shell: language, header and the page for the current route.

use eservice_core::Lang;
use yew::prelude::*;

use crate::components::header::header;
use crate::pages::apply::ApplyPage;
use crate::pages::home::HomePage;
use crate::pages::not_found::not_found_page;
use crate::pages::bundled::Bundled;
use crate::route::{use_route, Route};
use crate::storage::local as storage;

const LANG_KEY: &str = "eservice.lang";

fn stored_lang() -> Lang {
    storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|t| Lang::from_tag(&t))
        .unwrap_or_default()
}

#[component]
pub fn App() -> Html {
    let lang = use_state(stored_lang);
    let set = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| {
            if let Some(s) = storage() {
                s.set_item(LANG_KEY, l.tag()).ok();
            }
            lang.set(l);
        })
    };
    use_effect_with(*lang, |l| {
        let html = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
        if let Some(html) = html {
            html.set_attribute("lang", l.tag()).ok();
        }
    });
    let route = use_route();
    let page = match &route {
        Route::Home => html! { <HomePage lang={*lang} /> },
        Route::Apply(id) => html! { <ApplyPage key={id.as_str()} id={id.clone()} lang={*lang} /> },
        Route::Verify => html! { <Bundled key="verify" bundle="verify-page" page="verify" lang={*lang} /> },
        Route::Register => html! { <Bundled key="register" bundle="permit-pages" page="register" lang={*lang} /> },
        Route::Sign => html! { <Bundled key="sign" bundle="permit-pages" page="sign" lang={*lang} /> },
        Route::Inbox => html! { <Bundled key="inbox" bundle="permit-pages" page="inbox" lang={*lang} /> },
        Route::NotFound(hash) => not_found_page(hash, *lang),
    };
    html! {
        <>
            { header(*lang, &set) }
            <main id="main" class="page">{ page }</main>
        </>
    }
}
