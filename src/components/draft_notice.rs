//! Tells the citizen their unfinished form was restored, and offers to
//! discard it: computers at an agency counter are shared.

use eservice_core::Lang;
use yew::prelude::*;

use crate::i18n;
use crate::storage::local_time;

pub fn draft_notice(saved_at: f64, on_discard: Callback<()>, lang: Lang) -> Html {
    let on_discard = on_discard.reform(|_: MouseEvent| ());
    html! {
        <div class="draft-notice" role="status">
            <p>{ format!("{} ({})", i18n::DRAFT_RESTORED.get(lang), local_time(saved_at, lang)) }</p>
            <button type="button" class="secondary" onclick={on_discard}>{ i18n::DRAFT_DISCARD.get(lang) }</button>
        </div>
    }
}
