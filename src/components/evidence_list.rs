//! The evidence documents a service asks for, as a checklist to prepare.

use eservice_core::form::Evidence;
use yew::prelude::*;

use crate::i18n::{self, use_lang};

#[derive(Properties, PartialEq)]
pub struct EvidenceListProps {
    pub items: Vec<Evidence>,
}

#[component]
pub fn EvidenceList(props: &EvidenceListProps) -> Html {
    let lang = use_lang();
    if props.items.is_empty() {
        return html! {};
    }
    html! {
        <section class="evidence-list" aria-labelledby="evidence-title">
            <h2 id="evidence-title">{ i18n::EVIDENCE_TITLE.get(lang) }</h2>
            <p class="field-help">{ i18n::EVIDENCE_NOTE.get(lang) }</p>
            <ul>
            { for props.items.iter().map(|e| html! {
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
