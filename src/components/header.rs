//! The bar at the top: the site's name, the permit pages and the language
//! switch.

use eservice_core::Lang;
use yew::prelude::*;

use crate::i18n;

pub fn header(lang: Lang, set_lang: &Callback<Lang>) -> Html {
    html! {
        <header class="site-header">
            <a class="site-title" href="#/">{ i18n::SITE_TITLE.get(lang) }</a>
            <nav class="site-nav">
                <a href="#/verify">{ i18n::VERIFY_LINK.get(lang) }</a>
                <a href="#/register">{ i18n::REGISTER_LINK.get(lang) }</a>
            </nav>
            { lang_toggle(lang, set_lang) }
        </header>
    }
}

/// The button that switches to the other language, named in that language.
pub fn lang_toggle(lang: Lang, set_lang: &Callback<Lang>) -> Html {
    let other = lang.other();
    let set = set_lang.clone();
    html! {
        <button type="button" class="lang-toggle" lang={other.tag()}
            title={i18n::SWITCH_LANGUAGE_LABEL.get(lang)}
            onclick={move |_| set.emit(other)}>
            { i18n::SWITCH_LANGUAGE.get(lang) }
        </button>
    }
}
