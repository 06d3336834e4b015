//! `#/apply/<form>`: load the form, fill it, then see the summary.

use std::rc::Rc;

use eservice_core::catalog::FormId;
use serde_json::Value;
use yew::prelude::*;

use crate::components::e_form::EForm;
use crate::components::load_error::LoadError;
use crate::components::submitted_summary::SubmittedSummary;
use crate::i18n::{self, use_lang};
use crate::loaded_form::{FormLoadError, LoadedForm};

#[derive(Properties, PartialEq)]
pub struct ApplyProps {
    pub id: FormId,
}

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Ready(Rc<LoadedForm>),
    Failed(FormLoadError),
}

/// Filling in, or looking at what was submitted. Both keep the data, so
/// going back to edit loses nothing.
#[derive(Clone, PartialEq)]
enum Stage {
    Filling(Rc<Value>),
    Submitted(Rc<Value>),
}

#[component]
pub fn ApplyPage(props: &ApplyProps) -> Html {
    let lang = use_lang();
    let load = use_state(|| Load::Loading);
    let stage = use_state(|| None::<Stage>);
    {
        let (load, stage) = (load.clone(), stage.clone());
        use_effect_with(props.id.clone(), move |id| {
            let id = id.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match LoadedForm::fetch(id).await {
                    Ok(form) => {
                        stage.set(Some(Stage::Filling(Rc::new(form.initial_data()))));
                        load.set(Load::Ready(Rc::new(form)));
                    }
                    Err(e) => load.set(Load::Failed(e)),
                }
            });
        });
    }
    let form = match &*load {
        Load::Loading => return html! { <p class="loading" aria-live="polite">{ i18n::LOADING.get(lang) }</p> },
        Load::Failed(e) => return html! { <LoadError title={i18n::FORM_BROKEN} message={e.message(lang)} /> },
        Load::Ready(f) => f.clone(),
    };
    match (*stage).clone() {
        None => html! {},
        Some(Stage::Filling(initial)) => {
            let stage = stage.clone();
            let on_submit = Callback::from(move |data: Value| stage.set(Some(Stage::Submitted(Rc::new(data)))));
            html! { <EForm form={form} initial={initial} on_submit={on_submit} /> }
        }
        Some(Stage::Submitted(data)) => {
            let on_edit = {
                let (stage, data) = (stage.clone(), data.clone());
                Callback::from(move |_| stage.set(Some(Stage::Filling(data.clone()))))
            };
            html! { <SubmittedSummary form={form} data={data} on_edit={on_edit} /> }
        }
    }
}
