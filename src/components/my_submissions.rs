//! "Requests sent from this device": what the outbox holds, so a citizen
//! who reloaded or came back later still sees each request's state and can
//! download the agency's signed receipt.

use serde_json::Value;
use yew::prelude::*;

use crate::i18n;

#[derive(Properties, PartialEq)]
pub struct MySubmissionsProps {
    pub lang: eservice_core::Lang,
}

#[component]
pub fn MySubmissions(props: &MySubmissionsProps) -> Html {
    let lang = props.lang;
    let items = use_state(Vec::<Value>::new);
    {
        let items = items.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move { items.set(crate::outbox::list().await) });
        });
    }
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <section class="my-submissions" id="my-submissions">
            <h2>{ i18n::MY_SUBMISSIONS.get(lang) }</h2>
            <ul>
                { for items.iter().map(|m| {
                    let t = |k: &str| m[k].as_str().unwrap_or_default().to_owned();
                    let state = match m["state"].as_str() {
                        Some("received") => i18n::STATE_RECEIVED,
                        Some("refused") => i18n::STATE_REFUSED,
                        _ => i18n::STATE_PENDING,
                    };
                    let (body, reference) = (t("body"), t("reference"));
                    let save = Callback::from(move |_: MouseEvent| {
                        crate::outbox::save_receipt(&reference, &body);
                    });
                    html! {
                        <li key={t("hash")} data-state={t("state")}>
                            <code>{ t("reference") }</code>{ format!(" · {}", state.get(lang)) }
                            if m["state"] == "received" {
                                { format!(" · {}", m["receipt"]["received"].as_str().unwrap_or_default()) }
                                { " " }<button type="button" class="link-button" onclick={save}>{ i18n::POST_RECEIPT.get(lang) }</button>
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
