//! The list of problems at the top of the form after a failed submit; each
//! entry moves focus to its field.

use eservice_core::Lang;
use yew::prelude::*;

use crate::i18n;

#[derive(Clone, PartialEq)]
pub struct ErrorItem {
    /// The DOM id of the field to focus.
    pub target: String,
    pub label: String,
    pub message: String,
}

pub fn error_summary(items: &[ErrorItem], lang: Lang) -> Html {
    if items.is_empty() {
        return html! {};
    }
    html! {
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">{ i18n::ERRORS_TITLE.get(lang) }</h2>
            <ul>
            { for items.iter().map(|item| {
                let target = item.target.clone();
                // A button, not a link: a `#id` link would change the hash route.
                let onclick = Callback::from(move |e: MouseEvent| crate::dom::focus_by_id(&e, &target));
                html! {
                    <li>
                        <button type="button" class="link-button" onclick={onclick}>
                            if !item.label.is_empty() { <strong>{ &item.label }</strong>{ ": " } }
                            { &item.message }
                        </button>
                    </li>
                }
            }) }
            </ul>
        </div>
    }
}
