//! After a citizen checks their answers: the submission package is built
//! in the worker and offered as a download with its reference number, and
//! the form's channel is offered: a prepared e-mail to the agency (starter
//! level), or delivery through the outbox to the agency's e-Service with
//! its signed receipt (standard level). A form with a fee shows its
//! PromptPay QR for the reference.

use std::rc::Rc;

use eservice_core::catalog::{Catalog, Channel, Fee, Sealing};
use eservice_core::json_file::FileProblem;
use eservice_core::Lang;
use serde_json::{json, Value};
use yew::prelude::*;

use crate::evidence_client::{self, JobEvent};
use crate::i18n;
use crate::loaded_form::LoadedForm;
use crate::outbox;

#[derive(Clone, PartialEq)]
struct Built {
    reference: String,
    hash: String,
    url: String,
    file_name: String,
    qr: Option<String>,
    payload: Option<String>,
    amount: Option<String>,
    zip: web_sys::Blob,
    /// The SHA-256 of the sealed file, when the package was sealed to the agency's key.
    sealed: Option<String>,
}

#[derive(Clone, PartialEq)]
enum State {
    Building,
    Built(Built),
    Failed(String, String),
}

#[derive(Properties, PartialEq)]
pub struct SubmitPanelProps {
    pub lang: Lang,
    pub form: Rc<LoadedForm>,
    pub data: Rc<Value>,
    /// The summary's label/value pairs, in Thai, for the printable summary.
    pub rows: Rc<Vec<(String, String)>>,
}

fn encode(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

fn mailto(address: &str, title: &str, agency: &str, b: &Built) -> String {
    let subject = format!("คำขอ{title} เลขอ้างอิง {}", b.reference);
    let body = format!(
        "เรียน {agency}\n\nขอยื่น{title} รายละเอียดตามไฟล์แนบ {file}\n\nเลขอ้างอิง: {reference}\nรหัสตรวจสอบชุดเอกสาร (SHA-256): {hash}\n{sealed}\nหมายเหตุ: กรุณาแนบไฟล์ {file} ที่ดาวน์โหลดไว้ก่อนกดส่ง\n",
        file = b.file_name,
        reference = b.reference,
        hash = b.hash,
        // Only hashes: the body passes every mail server in the clear.
        sealed = b.sealed.as_ref().map(|s| format!("ไฟล์แนบเข้ารหัสถึงหน่วยงาน (age) SHA-256 ของไฟล์แนบ: {s}\n")).unwrap_or_default(),
    );
    format!("mailto:{address}?subject={}&body={}", encode(&subject), encode(&body))
}

#[derive(Properties, PartialEq)]
struct DeliveryProps {
    lang: Lang,
    hash: String,
    reference: String,
}

/// A POSTed package's progress through the outbox, up to the agency's
/// verified receipt.
#[component]
fn Delivery(props: &DeliveryProps) -> Html {
    let lang = props.lang;
    let status = use_state(|| outbox::Status::Sending);
    {
        let (status, hash) = (status.clone(), props.hash.clone());
        use_effect_with(hash.clone(), move |_| outbox::watch(&hash, Callback::from(move |s| status.set(s))));
    }
    let (key, body) = match &*status {
        outbox::Status::Sending => ("sending", html! { <p class="loading">{ i18n::POST_SENDING.get(lang) }</p> }),
        outbox::Status::Waiting { retry_in } => ("waiting", html! { <p>{ format!("{} {retry_in} {}", i18n::POST_WAITING.get(lang), i18n::SECONDS.get(lang)) }</p> }),
        outbox::Status::Received { info, body } => {
            let t = |k: &str| info[k].as_str().unwrap_or_default().to_owned();
            let (body, reference) = (body.clone(), props.reference.clone());
            let save = Callback::from(move |_: MouseEvent| {
                outbox::save_receipt(&reference, &body);
            });
            ("received", html! {
                <>
                    <p><strong>{ i18n::POST_RECEIVED.get(lang) }</strong>{ format!(": {}", info["agency"][lang.tag()].as_str().unwrap_or_default()) }</p>
                    <p>{ i18n::POST_RECEIVED_AT.get(lang) }{ " " }{ t("received") }{ " · " }{ i18n::POST_AGENCY_REF.get(lang) }{ " " }<code id="agency-reference">{ t("agencyReference") }</code></p>
                    <button type="button" id="receipt-download" class="secondary" onclick={save}>{ i18n::POST_RECEIPT.get(lang) }</button>
                </>
            })
        }
        outbox::Status::Refused(th, en) => ("refused", html! { <div role="alert"><p>{ i18n::POST_REFUSED.get(lang) }</p><p>{ lang.pick(th, en) }</p></div> }),
    };
    html! { <div class="channel channel-post" id="delivery" data-status={key} aria-live="polite">{ body }</div> }
}

#[component]
pub fn SubmitPanel(props: &SubmitPanelProps) -> Html {
    let lang = props.lang;
    let state = use_state(|| State::Building);
    let entry = use_state(|| None::<(Channel, Option<Fee>, String, String)>);
    {
        let (state, entry) = (state.clone(), entry.clone());
        let (form, data, rows) = (props.form.clone(), props.data.clone(), props.rows.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                // Whether the package must be sealed is in the index: one
                // that cannot be read now stops the package (a site with no
                // index at all has no keys to name).
                let catalog = match crate::net::fetch_json("forms/index.json").await {
                    Ok(v) => Catalog::from_json(&v),
                    Err(e) if e.problem == FileProblem::NotFound => Catalog::default(),
                    Err(e) => {
                        state.set(State::Failed(e.message(Lang::Th), e.message(Lang::En)));
                        return;
                    }
                };
                let e = catalog.entries.into_iter().find(|e| e.id == form.id);
                let sealing = e.as_ref().map(|e| e.sealing.clone()).unwrap_or_default();
                if let Sealing::Unreadable(why) = &sealing {
                    state.set(State::Failed(why.message(Lang::Th), why.message(Lang::En)));
                    return;
                }
                let title = e.as_ref().map(|e| e.title.get(Lang::Th).to_owned()).unwrap_or_else(|| form.id.to_string());
                let agency = e.as_ref().and_then(|e| e.agency.as_ref()).map(|a| a.get(Lang::Th).to_owned()).unwrap_or_default();
                let version = e.as_ref().and_then(|e| e.version.clone());
                let (channel, fee) = e.map(|e| (e.channel, e.fee)).unwrap_or_default();
                let chosen = channel.clone();
                let fee_json = fee.as_ref().map(|f| json!({ "billerId": f.biller_id, "amount": f.amount.map(|a| a.baht()) }));
                entry.set(Some((chosen, fee, title.clone(), agency.clone())));
                // The schema's hash is taken in the worker, which has the canonical-JSON code.
                let mut form_json = json!({ "id": form.id.as_str(), "version": version, "schema": form.schema(), "title": title, "agency": agency });
                if let Sealing::To(keys) = &sealing {
                    form_json["encryptTo"] = keys.iter().map(|k| k.to_string()).collect();
                }
                let id = form.id.to_string();
                let done = state.clone();
                let on_event = Callback::from(move |e: JobEvent| {
                    let JobEvent::Reply(v, blob) = e else { return };
                    match (crate::reply::error_of(&v), blob) {
                        (None, Some(blob)) => {
                            let t = |k: &str| v[k].as_str().map(str::to_owned);
                            let reference = t("reference").unwrap_or_default();
                            let sealed = v["sealed"]["sha256"].as_str().map(str::to_owned);
                            let file_name = format!("{id}-{reference}.zip{}", if sealed.is_some() { ".age" } else { "" });
                            if let Channel::Post(endpoint) = &channel {
                                outbox::enqueue(endpoint, &t("hash").unwrap_or_default(), &reference, &file_name, blob.clone(), sealed.as_deref());
                            }
                            done.set(State::Built(Built {
                                file_name,
                                sealed,
                                reference,
                                hash: t("hash").unwrap_or_default(),
                                url: web_sys::Url::create_object_url_with_blob(&blob).unwrap_or_default(),
                                qr: t("qr"),
                                payload: t("payload"),
                                amount: t("amount"),
                                zip: blob,
                            }));
                        }
                        (err, _) => {
                            let (th, en) = err.unwrap_or_default();
                            done.set(State::Failed(th, en));
                        }
                    }
                });
                if evidence_client::package(&form_json, &data, &rows, fee_json.as_ref(), on_event).is_none() {
                    state.set(State::Failed(i18n::WORKER_UNAVAILABLE.th.into(), i18n::WORKER_UNAVAILABLE.en.into()));
                }
            });
        });
    }
    let b = match &*state {
        State::Building => return html! { <p class="loading" aria-live="polite">{ i18n::PACKAGE_BUILDING.get(lang) }</p> },
        State::Failed(th, en) => {
            return html! { <div class="problem-box" role="alert"><p>{ i18n::PACKAGE_FAILED.get(lang) }</p><p>{ lang.pick(th, en) }</p></div> };
        }
        State::Built(b) => b,
    };
    let channel = match entry.as_ref() {
        Some((Channel::Post(_), ..)) => html! { <Delivery lang={lang} hash={b.hash.clone()} reference={b.reference.clone()} /> },
        Some((Channel::Email(address), _, title, agency)) => html! {
            <div class="channel channel-email">
                <p>{ i18n::EMAIL_STEPS.get(lang) }</p>
                <p>{ i18n::EMAIL_TO.get(lang) }{ " " }<strong>{ address }</strong></p>
                <a id="email-link" class="button secondary" href={mailto(address, title, agency, b)}>{ i18n::EMAIL_OPEN.get(lang) }</a>
            </div>
        },
        _ => Html::default(),
    };
    let fee = match (&b.qr, entry.as_ref().and_then(|e| e.1.as_ref())) {
        (Some(svg), Some(_)) => html! {
            <div class="fee" id="fee" data-payload={b.payload.clone().unwrap_or_default()}>
                <h2>{ i18n::FEE_TITLE.get(lang) }</h2>
                <div class="fee-qr" role="img" aria-label={i18n::FEE_TITLE.get(lang)}>{ Html::from_html_unchecked(AttrValue::from(svg.clone())) }</div>
                if let Some(a) = &b.amount {
                    <p>{ i18n::FEE_AMOUNT.get(lang) }{ ": " }<strong>{ a }</strong></p>
                }
                <p>{ i18n::FEE_SCAN.get(lang) }</p>
            </div>
        },
        _ => Html::default(),
    };
    html! {
        <section class="submit-panel" id="submit-panel">
            <p>{ i18n::PACKAGE_REFERENCE.get(lang) }</p>
            <p class="reference" id="reference">{ &b.reference }</p>
            <p class="package-hash">{ i18n::PACKAGE_HASH.get(lang) }{ ": " }<code id="package-hash">{ &b.hash }</code></p>
            if b.sealed.is_some() {
                <p class="package-sealed" id="package-sealed">{ i18n::PACKAGE_SEALED.get(lang) }</p>
            }
            <p>{ i18n::PACKAGE_KEEP.get(lang) }</p>
            <a id="package-download" class="button primary" href={b.url.clone()} download={b.file_name.clone()}>{ i18n::PACKAGE_DOWNLOAD.get(lang) }</a>
            { channel }
            { fee }
        </section>
    }
}
