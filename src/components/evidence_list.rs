//! The evidence documents a service asks for, as a checklist to prepare.

use eservice_core::form::Evidence;
use eservice_core::Lang;
use yew::prelude::*;

use crate::i18n;

pub fn evidence_list(items: &[Evidence], lang: Lang) -> Html {
    if items.is_empty() {
        return html! {};
    }
    html! {
        <section class="evidence-list" aria-labelledby="evidence-title">
            <h2 id="evidence-title">{ i18n::EVIDENCE_TITLE.get(lang) }</h2>
            <p class="field-help">{ i18n::EVIDENCE_NOTE.get(lang) }</p>
            <ul>
            { for items.iter().map(|e| html! {
                <li>
                    { e.title.get(lang) }
                    if !e.required { <span class="optional-mark">{ format!(" ({})", i18n::IF_APPLICABLE.get(lang)) }</span> }
                    { for e.note.as_ref().map(|n| html! { <span class="evidence-note">{ format!(" — {}", n.get(lang)) }</span> }) }
                </li>
            }) }
            </ul>
        </section>
    }
}
