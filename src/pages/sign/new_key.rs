//! "No certificate yet?": makes a P-256 key in the worker, with a
//! certificate request for the agency's CA, or with a self-signed
//! certificate to try signing at once. The files are saved as downloads;
//! a test key is also handed to the page to sign with.

use std::rc::Rc;

use serde_json::Value;
use yew::prelude::*;

use crate::download::save_text;
use crate::evidence_client::{self, Credentials, JobEvent};
use crate::i18n;
use super::input;

#[derive(Properties, PartialEq)]
pub struct NewKeyProps {
    pub lang: eservice_core::Lang,
    /// Receives a test key and its certificate, to sign with.
    pub on_test_key: Callback<Option<Rc<Credentials>>>,
}

const PEM: &str = "application/x-pem-file";

#[component]
pub fn NewKey(props: &NewKeyProps) -> Html {
    let lang = props.lang;
    let (cn, org) = (use_node_ref(), use_node_ref());
    // `Ok(())` once saved; an error in both languages otherwise.
    let outcome = use_state(|| None::<Result<(), (String, String)>>);

    let make = |self_signed: bool| {
        let (cn, org, outcome, on_test_key) = (cn.clone(), org.clone(), outcome.clone(), props.on_test_key.clone());
        Callback::from(move |_: MouseEvent| {
            let (outcome, failed, on_test_key) = (outcome.clone(), outcome.clone(), on_test_key.clone());
            let on_event = Callback::from(move |e: JobEvent| {
                let JobEvent::Reply(v, _) = e else { return };
                if let Some(err) = crate::reply::error_of(&v) {
                    outcome.set(Some(Err(err)));
                    return;
                }
                let (key, other) = (v["key"].as_str().unwrap_or_default(), v["other"].as_str().unwrap_or_default());
                let other_name = if self_signed { "agency-cert.pem" } else { "agency-request.csr" };
                let saved = save_text(other_name, PEM, other).and_then(|_| save_text("agency-key.pem", PEM, key));
                outcome.set(Some(saved.map_err(|m| (m.clone(), m))));
                if self_signed {
                    let (key, cert) = (crate::blob::from_text(key, PEM), crate::blob::from_text(other, PEM));
                    on_test_key.emit(Some(Rc::new(Credentials::Pem { key, cert, chain: None })));
                }
            });
            if evidence_client::keygen(&input(&cn), &input(&org), self_signed, on_event).is_none() {
                failed.set(Some(Err((i18n::WORKER_UNAVAILABLE.th.into(), i18n::WORKER_UNAVAILABLE.en.into()))));
            }
        })
    };
    let (csr, test) = (make(false), make(true));
    let message = match &*outcome {
        None => Html::default(),
        Some(Ok(())) => html! { <p class="note" role="status">{ i18n::NEW_KEY_SAVED.get(lang) }</p> },
        Some(Err((th, en))) => html! { <p class="problem" role="alert">{ lang.pick(th, en) }</p> },
    };
    html! {
        <details class="new-key">
            <summary>{ i18n::NEW_KEY.get(lang) }</summary>
            <p>{ i18n::NEW_KEY_NOTE.get(lang) }</p>
            <div class="field">
                <label for="new-key-cn">{ i18n::NEW_KEY_CN.get(lang) }</label>
                <input id="new-key-cn" type="text" ref={cn} />
            </div>
            <div class="field">
                <label for="new-key-org">{ i18n::NEW_KEY_ORG.get(lang) }</label>
                <input id="new-key-org" type="text" ref={org} />
            </div>
            <button type="button" id="new-key-csr" class="secondary" onclick={csr}>{ i18n::NEW_KEY_CSR.get(lang) }</button>
            <button type="button" id="new-key-test" class="secondary" onclick={test}>{ i18n::NEW_KEY_TEST.get(lang) }</button>
            { message }
        </details>
    }
}

/// What the worker says of a key: who it signs as, or what is wrong.
pub fn signer_view(lang: eservice_core::Lang, info: &Value) -> Html {
    if let Some((th, en)) = crate::reply::error_of(info) {
        return html! { <p class="problem" role="alert" id="signer-problem">{ lang.pick(&th, &en) }</p> };
    }
    let warnings: Vec<String> = info["warnings"].as_array().into_iter().flatten().filter_map(|w| w[lang.tag()].as_str().map(str::to_owned)).collect();
    html! {
        <div class="signer" id="signer" role="status">
            <p>{ i18n::SIGN_SIGNS_AS.get(lang) }{ " " }<strong>{ info["stamp"].as_str().unwrap_or_default() }</strong>
               { format!(" ({})", info["name"].as_str().unwrap_or_default()) }</p>
            <p>{ i18n::SIGN_VALID_UNTIL.get(lang) }{ " " }{ info["validUntil"].as_str().unwrap_or_default() }</p>
            { for warnings.iter().map(|w| html! { <p class="warning" role="alert">{ w }</p> }) }
        </div>
    }
}
