//! The page after "check and submit": the summary of what was entered and
//! its package are drawn by the submit bundle, loaded now
//! ([`crate::submit_bundle`]); the buttons back to the form
//! and the data as JSON stay here, with the form they return to.

use std::rc::Rc;

use eservice_core::catalog::FormId;
use eservice_core::Lang;
use serde_json::Value;
use yew::prelude::*;

use crate::download::save_text;
use crate::i18n;

#[derive(Properties, PartialEq)]
pub struct SubmittedProps {
    pub lang: Lang,
    pub id: FormId,
    pub data: Rc<Value>,
    pub on_edit: Callback<()>,
    /// Start a new application, clearing the saved draft.
    pub on_new: Callback<()>,
}

#[component]
pub fn Submitted(props: &SubmittedProps) -> Html {
    let lang = props.lang;
    let (root, drawn) = crate::submit_bundle::use_submitted_view(&props.id, &props.data);
    let failed = use_state(|| None::<String>);
    let download = {
        let (data, id, failed) = (props.data.clone(), props.id.clone(), failed.clone());
        Callback::from(move |_: MouseEvent| {
            let text = serde_json::to_string(&*data).unwrap_or_default();
            failed.set(save_text(&format!("{id}.json"), "application/json", &text).err());
        })
    };
    let on_edit = props.on_edit.reform(|_: MouseEvent| ());
    let on_new = props.on_new.reform(|_: MouseEvent| ());
    html! {
        <section class="submitted-summary">
            <div ref={root}></div>
            if drawn.is_none() {
                <p class="loading" aria-live="polite">{ i18n::LOADING.get(lang) }</p>
            }
            if drawn == Some(false) {
                // The data is still here to download, and the form to go back to.
                <div class="problem-box" role="alert"><p>{ i18n::SUBMIT_PART_FAILED.get(lang) }</p></div>
            }
            if let Some(reason) = &*failed {
                <p class="field-error" role="alert">{ format!("{}: {reason}", i18n::DOWNLOAD_FAILED.get(lang)) }</p>
            }
            <div class="form-actions">
                <button type="button" class="secondary" onclick={download}>{ i18n::DOWNLOAD_JSON.get(lang) }</button>
                <button type="button" class="secondary" onclick={on_edit}>{ i18n::EDIT.get(lang) }</button>
                <button type="button" class="secondary" onclick={on_new}>{ i18n::START_NEW.get(lang) }</button>
            </div>
        </section>
    }
}
