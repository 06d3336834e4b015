//! The home page: the services listed in `forms/index.json`.

use eservice_core::catalog::Catalog;
use eservice_core::json_file::JsonFileError;
use yew::prelude::*;

use crate::submit_bundle::SentRequests;
use crate::i18n;
use crate::net::fetch_json;
use crate::route::Route;
use crate::storage;

const INDEX: &str = "forms/index.json";

#[derive(Clone, PartialEq)]
enum IndexState {
    Loading,
    Loaded(Catalog),
    Failed(JsonFileError),
}

#[derive(Properties, PartialEq)]
pub struct HomeProps {
    pub lang: eservice_core::Lang,
}

#[component]
pub fn HomePage(props: &HomeProps) -> Html {
    let lang = props.lang;
    let state = use_state(|| IndexState::Loading);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                state.set(match fetch_json(INDEX).await {
                    Ok(v) => IndexState::Loaded(Catalog::from_json(&v)),
                    Err(e) => IndexState::Failed(e),
                });
            });
        });
    }
    let body = match &*state {
        IndexState::Loading => html! { <p class="loading" aria-live="polite">{ i18n::LOADING.get(lang) }</p> },
        IndexState::Failed(e) => problem_box(lang, vec![e.message(lang)]),
        IndexState::Loaded(c) => {
            let problems = (!c.problems.is_empty()).then(|| {
                problem_box(lang, c.problems.iter().map(|p| format!("{INDEX}: {}", p.message(lang))).collect())
            });
            let list = if c.entries.is_empty() {
                html! { <p>{ i18n::NO_SERVICES.get(lang) }</p> }
            } else {
                html! {
                    <ul class="service-list">
                    { for c.entries.iter().map(|e| html! {
                        <li class="service-card">
                            <a href={Route::Apply(e.id.clone()).href()}>
                                <span class="service-title">{ e.title.get(lang) }</span>
                                { for e.agency.as_ref().map(|a| html! { <span class="service-agency">{ a.get(lang) }</span> }) }
                                { for e.description.as_ref().map(|d| html! { <span class="service-description">{ d.get(lang) }</span> }) }
                                <span class="service-action">{ i18n::APPLY.get(lang) }{ " →" }</span>
                            </a>
                        </li>
                    }) }
                    </ul>
                }
            };
            html! { <>{ problems }{ list }</> }
        }
    };
    let drafts = use_state(storage::draft_count);
    let cleared = use_state(|| false);
    let clear = {
        let (drafts, cleared) = (drafts.clone(), cleared.clone());
        Callback::from(move |_: MouseEvent| {
            storage::clear_all_drafts();
            drafts.set(0);
            cleared.set(true);
        })
    };
    html! {
        <section class="home">
            <h1>{ i18n::SERVICES.get(lang) }</h1>
            { body }
            if *drafts > 0 {
                <div class="draft-notice">
                    <p>{ i18n::DRAFTS_ON_DEVICE.get(lang) }</p>
                    <button type="button" class="secondary" onclick={clear}>{ i18n::DRAFTS_CLEAR.get(lang) }</button>
                </div>
            }
            if *cleared {
                <p role="status">{ i18n::DRAFTS_CLEARED.get(lang) }</p>
            }
            // Listed by the submit bundle, which holds the outbox's code.
            <SentRequests />
        </section>
    }
}

fn problem_box(lang: eservice_core::Lang, lines: Vec<String>) -> Html {
    html! {
        <div class="problem-box" role="alert">
            <strong>{ i18n::INDEX_BROKEN.get(lang) }</strong>
            <ul>{ for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
        </div>
    }
}
