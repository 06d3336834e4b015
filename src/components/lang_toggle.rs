//! The language switch: in the kit's header, and in the bar above anything
//! embedded in an agency's page (a form, the verifier).

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
