//! The bar at the top: the site's name and the language switch.

use yew::prelude::*;

use crate::i18n::{self, LangContext};

#[component]
pub fn Header() -> Html {
    let ctx = use_context::<LangContext>();
    let lang = ctx.as_ref().map(|c| c.lang).unwrap_or_default();
    let toggle = ctx.map(|c| {
        let other = c.lang.other();
        let set = c.set.clone();
        html! {
            <button type="button" class="lang-toggle" lang={other.tag()}
                aria-label={i18n::SWITCH_LANGUAGE_LABEL.get(lang)}
                onclick={move |_| set.emit(other)}>
                { i18n::SWITCH_LANGUAGE.get(lang) }
            </button>
        }
    });
    html! {
        <header class="site-header">
            <a class="site-title" href="#/">{ i18n::SITE_TITLE.get(lang) }</a>
            { toggle }
        </header>
    }
}
