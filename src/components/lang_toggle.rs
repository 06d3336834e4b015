//! The language switch of the Yew pages drawn in an embed (the verifier);
//! the main bundle draws its own (`app::lang_toggle`).

use eservice_core::Lang;
use yew::prelude::*;

use crate::i18n;

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
