//! The home page: the services listed in `forms/index.json`, the drafts
//! kept on this device, and the requests sent from it.

use eservice_core::catalog::Catalog;
use eservice_core::json_file::JsonFileError;
use eservice_core::Lang;
use web_sys::Element;
use yew::prelude::*;

use super::bundled::BundleHost;
use crate::bundles::Mount;
use crate::i18n;
use crate::net::fetch_json;
use crate::route::Route;
use crate::storage;

pub const INDEX: &str = "forms/index.json";

fn problem_box(lang: Lang, lines: Vec<String>) -> Html {
    html! {
        <div class="problem-box" role="alert">
            <strong>{ i18n::INDEX_BROKEN.get(lang) }</strong>
            <ul>{ for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
        </div>
    }
}

fn services(c: &Catalog, lang: Lang) -> Html {
    if c.entries.is_empty() {
        return html! { <p>{ i18n::NO_SERVICES.get(lang) }</p> };
    }
    html! {
        <ul class="service-list">
            { for c.entries.iter().map(|e| html! {
                <li class="service-card">
                    <a href={Route::Apply(e.id.clone()).href()}>
                        <span class="service-title">{ e.title.get(lang) }</span>
                        if let Some(a) = &e.agency {
                            <span class="service-agency">{ a.get(lang) }</span>
                        }
                        if let Some(d) = &e.description {
                            <span class="service-description">{ d.get(lang) }</span>
                        }
                        <span class="service-action">{ i18n::APPLY.get(lang) }{ " →" }</span>
                    </a>
                </li>
            }) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
pub struct HomeProps {
    pub lang: Lang,
    /// The element whose `lang` the list of sent requests follows.
    pub lang_of: Element,
}

#[component]
pub fn HomePage(props: &HomeProps) -> Html {
    let lang = props.lang;
    let index = use_state(|| None::<Result<Catalog, JsonFileError>>);
    let drafts = use_state(storage::draft_count);
    let cleared = use_state(|| false);
    {
        let index = index.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                index.set(Some(fetch_json(INDEX).await.map(|v| Catalog::from_json(&v))));
            });
        });
    }
    let body = match &*index {
        None => super::apply::loading(lang),
        Some(Err(e)) => problem_box(lang, vec![e.message(lang)]),
        Some(Ok(c)) => html! {
            <>
                if !c.problems.is_empty() {
                    { problem_box(lang, c.problems.iter().map(|p| format!("{INDEX}: {}", p.message(lang))).collect()) }
                }
                { services(c, lang) }
            </>
        },
    };
    let clear = {
        let (drafts, cleared) = (drafts.clone(), cleared.clone());
        move |_: MouseEvent| {
            storage::clear_all_drafts();
            // The files kept beside the drafts go with them.
            crate::evidence_client::sweep();
            drafts.set(0);
            cleared.set(true);
        }
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
            // Listed by the submit bundle, which holds the outbox's code, on a
            // device that has used the outbox (nothing shows otherwise, so a
            // bundle that cannot load leaves nothing half-drawn).
            if storage::outbox_used() {
                <BundleHost id="sent-requests" what={Mount::Sent} lang_of={props.lang_of.clone()} {lang} />
            }
        </section>
    }
}
