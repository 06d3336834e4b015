//! Tells the citizen their unfinished form was restored, and offers to
//! discard it: computers at an agency counter are shared.

use yew::prelude::*;

use crate::i18n::{self, use_lang};
use crate::storage::local_time;

#[derive(Properties, PartialEq)]
pub struct DraftNoticeProps {
    pub saved_at: f64,
    pub on_discard: Callback<()>,
}

#[component]
pub fn DraftNotice(props: &DraftNoticeProps) -> Html {
    let lang = use_lang();
    let on_discard = props.on_discard.reform(|_: MouseEvent| ());
    html! {
        <div class="draft-notice" role="status">
            <p>{ format!("{} ({})", i18n::DRAFT_RESTORED.get(lang), local_time(props.saved_at, lang)) }</p>
            <button type="button" class="secondary" onclick={on_discard}>{ i18n::DRAFT_DISCARD.get(lang) }</button>
        </div>
    }
}
