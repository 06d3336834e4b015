//! `#/apply/<form>`: load the form, fill it, then see the summary.

use std::rc::Rc;

use eservice_core::catalog::FormId;
use eservice_core::form::Selections;
use serde_json::Value;
use yew::prelude::*;

use crate::components::e_form::EForm;
use crate::components::load_error::load_error;
use crate::components::submitted::Submitted;
use crate::i18n;
use crate::components::draft_notice::draft_notice;
use crate::loaded_form::{FormLoadError, LoadedForm};
use crate::storage;

#[derive(Properties, PartialEq)]
pub struct ApplyProps {
    pub id: FormId,
    pub lang: eservice_core::Lang,
}

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Ready(Rc<LoadedForm>),
    Failed(FormLoadError),
}

/// Where filling in starts: fresh, from a restored draft, or from the summary.
#[derive(Clone, PartialEq)]
struct Start {
    data: Rc<Value>,
    selections: Selections,
    step: usize,
    /// When the restored draft was saved.
    restored_at: Option<f64>,
    /// Bumped to start the form afresh.
    generation: u32,
}

/// Filling in, or looking at what was submitted. Both keep the data, so
/// going back to edit loses nothing.
#[derive(Clone, PartialEq)]
enum Stage {
    Filling(Start),
    Submitted(Rc<Value>),
}

fn fresh(form: &LoadedForm, generation: u32) -> Start {
    Start { data: Rc::new(form.initial_data()), selections: Selections::default(), step: 0, restored_at: None, generation }
}

#[component]
pub fn ApplyPage(props: &ApplyProps) -> Html {
    let lang = props.lang;
    let load = use_state(|| Load::Loading);
    let stage = use_state(|| None::<Stage>);
    {
        let (load, stage) = (load.clone(), stage.clone());
        use_effect_with(props.id.clone(), move |id| {
            let id = id.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match LoadedForm::fetch(id).await {
                    Ok(form) => {
                        let start = match storage::load_draft(&form.id, form.draft_days()) {
                            Some(d) => Start {
                                data: Rc::new(d.data),
                                selections: d.selections,
                                step: d.step,
                                restored_at: Some(d.saved_at_ms),
                                generation: 0,
                            },
                            None => fresh(&form, 0),
                        };
                        stage.set(Some(Stage::Filling(start)));
                        load.set(Load::Ready(Rc::new(form)));
                    }
                    Err(e) => load.set(Load::Failed(e)),
                }
            });
        });
    }
    let form = match &*load {
        Load::Loading => return html! { <p class="loading" aria-live="polite">{ i18n::LOADING.get(lang) }</p> },
        Load::Failed(e) => return load_error(i18n::FORM_BROKEN, &e.message(lang), lang),
        Load::Ready(f) => f.clone(),
    };
    let start_over = {
        let (stage, form) = (stage.clone(), form.clone());
        Callback::from(move |generation: u32| {
            storage::clear_draft(&form.id);
            stage.set(Some(Stage::Filling(fresh(&form, generation))));
        })
    };
    match (*stage).clone() {
        None => html! {},
        Some(Stage::Filling(start)) => {
            let stage = stage.clone();
            let on_submit = Callback::from(move |data: Value| stage.set(Some(Stage::Submitted(Rc::new(data)))));
            let next = start.generation + 1;
            html! {
                <>
                    if let Some(at) = start.restored_at {
                        { draft_notice(at, start_over.reform(move |_| next), lang) }
                    }
                    <EForm key={start.generation.to_string()} lang={lang} form={form} initial={start.data.clone()}
                        initial_selections={start.selections.clone()} initial_step={start.step} on_submit={on_submit} />
                </>
            }
        }
        Some(Stage::Submitted(data)) => {
            let on_edit = {
                let (stage, data) = (stage.clone(), data.clone());
                Callback::from(move |_| {
                    let start = Start { data: data.clone(), selections: Selections::default(), step: 0, restored_at: None, generation: 0 };
                    stage.set(Some(Stage::Filling(start)))
                })
            };
            html! { <Submitted lang={lang} id={form.id.clone()} data={data} on_edit={on_edit} on_new={start_over.reform(|_| 1000)} /> }
        }
    }
}
