//! `#/register`: the agency's public permit register, searched by permit
//! number or holder. The register is the static `register.json` beside the
//! page (see `eservice register import` to make it from the CSV).

use eservice_core::json_file::{FileProblem, JsonFileError};
use eservice_core::register::{Register, RegisterError, Status};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n;
use crate::net::fetch_json;

const REGISTER: &str = "register.json";

#[derive(Clone, PartialEq)]
enum State {
    Loading,
    Missing,
    Failed(RegisterError),
    Loaded(Register),
}

#[derive(Properties, PartialEq)]
pub struct RegisterProps {
    pub lang: eservice_core::Lang,
}

#[component]
pub fn RegisterPage(props: &RegisterProps) -> Html {
    let lang = props.lang;
    let state = use_state(|| State::Loading);
    let query = use_state(String::new);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                state.set(match fetch_json(REGISTER).await {
                    Ok(v) => Register::from_value(REGISTER, &v).map_or_else(State::Failed, State::Loaded),
                    Err(JsonFileError { problem: FileProblem::NotFound, .. }) => State::Missing,
                    Err(e) => State::Failed(RegisterError::Json(e)),
                });
            });
        });
    }
    let on_input = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let body = match &*state {
        State::Loading => html! { <p class="loading">{ i18n::LOADING.get(lang) }</p> },
        State::Missing => html! { <p>{ i18n::REGISTER_MISSING.get(lang) }</p> },
        State::Failed(e) => html! { <div class="problem-box" role="alert"><p>{ e.message(lang) }</p></div> },
        State::Loaded(r) => {
            let hits = r.search(&query);
            if query.trim().is_empty() {
                Html::default()
            } else if hits.is_empty() {
                html! { <p role="status">{ i18n::REGISTER_NONE.get(lang) }</p> }
            } else {
                html! {
                    <table class="register-table">
                        <thead><tr>
                            <th>{ i18n::NUMBER.get(lang) }</th><th>{ i18n::HOLDER.get(lang) }</th><th>{ i18n::KIND.get(lang) }</th>
                            <th>{ i18n::ISSUED.get(lang) }</th><th>{ i18n::EXPIRES.get(lang) }</th><th>{ i18n::STATUS.get(lang) }</th>
                        </tr></thead>
                        <tbody>
                        { for hits.iter().map(|p| html! {
                            <tr class={if p.status == Status::Valid { "" } else { "withdrawn" }}>
                                // Labelled cells: on a phone each row stacks as a card.
                                <td data-label={i18n::NUMBER.get(lang)}>{ &p.number }</td><td data-label={i18n::HOLDER.get(lang)}>{ &p.holder }</td><td data-label={i18n::KIND.get(lang)}>{ &p.kind }</td>
                                <td data-label={i18n::ISSUED.get(lang)}>{ eservice_core::thai_date::readable(&p.issued, lang) }</td>
                                <td data-label={i18n::EXPIRES.get(lang)}>{ p.expires.as_deref().map(|d| eservice_core::thai_date::readable(d, lang)).unwrap_or_default() }</td>
                                <td data-label={i18n::STATUS.get(lang)}>{ p.status.label(lang) }</td>
                            </tr>
                        }) }
                        </tbody>
                    </table>
                }
            }
        }
    };
    html! {
        <section class="register">
            <h1>{ i18n::REGISTER_TITLE.get(lang) }</h1>
            <label for="register-query">{ i18n::REGISTER_SEARCH.get(lang) }</label>
            <input id="register-query" type="search" value={(*query).clone()} oninput={on_input} autocomplete="off" />
            <div aria-live="polite">{ body }</div>
        </section>
    }
}
