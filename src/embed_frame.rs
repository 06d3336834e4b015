//! What the kit draws around a page embedded in an agency's site: a
//! language switch of its own, since the agency's page has none of the
//! kit's. It writes the `lang` of the embedding element, which the page
//! follows ([`crate::lang_attribute`]).

use eservice_core::Lang;
use web_sys::Element;
use yew::prelude::*;

use crate::components::lang_toggle::lang_toggle;
use crate::lang_attribute;

pub fn embed_frame(lang: Lang, host: &Element, page: Html) -> Html {
    let host = host.clone();
    let set = Callback::from(move |l: Lang| lang_attribute::write(&host, l));
    html! {
        <div class="embed">
            <div class="embed-bar">{ lang_toggle(lang, &set) }</div>
            { page }
        </div>
    }
}
