//! The page after "check and submit": the summary of what was entered and
//! its package are drawn by the pages bundle, loaded now
//! ([`crate::submit_bundle`]); the buttons back to the form
//! and the data as JSON stay here, with the form they return to.

use std::rc::Rc;

use eservice_core::catalog::FormId;
use eservice_core::Lang;
use serde_json::Value;
use yew::prelude::*;

use crate::download::save_text;
use crate::i18n;
use crate::lang_attribute::use_lang_source;

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
    let root = use_node_ref();
    let lang_of = use_lang_source();
    let drawn = use_state(|| None::<bool>);
    {
        let (root, drawn_state) = (root.clone(), drawn.clone());
        use_effect_with((props.id.clone(), props.data.clone()), move |(id, data)| {
            let (id, data) = (id.clone(), data.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let drawn = match (root.cast::<web_sys::Element>(), lang_of) {
                    (Some(el), Some(lang_of)) => crate::submit_bundle::draw_submitted(&el, &lang_of, id.as_str(), &data).await,
                    _ => false,
                };
                drawn_state.set(Some(drawn));
            });
        });
    }
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
            // The other bundle's: this app never draws inside it.
            <div ref={root}></div>
            if drawn.is_none() {
                <p class="loading" aria-live="polite">{ i18n::LOADING.get(lang) }</p>
            }
            if *drawn == Some(false) {
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
