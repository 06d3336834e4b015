//! `#/sign`: a clerk signs a permit PDF with the agency's certificate, on
//! an ordinary office PC, with no signing server. The PDF and the key go
//! to the worker, which signs (PAdES B-B, incremental update) and returns
//! the signed file; optionally the permit joins the public register.
//!
//! The key never leaves the browser and is never stored: each request
//! carries the key file, and the worker wipes what it read once done.

mod key_picker;
mod new_key;
mod signed_result;

use std::rc::Rc;

use serde_json::{json, Value};
use web_sys::{File, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::evidence_client::{self, Credentials, JobEvent};
use crate::components::file_picker::FilePicker;
use crate::i18n;
use key_picker::KeyPicker;
use new_key::{signer_view, NewKey};
use signed_result::{signed_view, Signed};

#[derive(Clone, PartialEq)]
enum Outcome {
    Idle,
    Signing,
    Signed(Signed),
    Failed(String, String),
}

#[derive(Properties, PartialEq)]
pub struct SignProps {
    pub lang: eservice_core::Lang,
}

/// A text field's value, trimmed.
pub(super) fn input(r: &NodeRef) -> String {
    r.cast::<HtmlInputElement>().map(|i| i.value().trim().to_owned()).unwrap_or_default()
}

fn checked(r: &NodeRef) -> bool {
    r.cast::<HtmlInputElement>().is_some_and(|i| i.checked())
}

fn object_url(blob: &web_sys::Blob) -> String {
    web_sys::Url::create_object_url_with_blob(blob).unwrap_or_default()
}

/// `permit.pdf` is saved as `permit-signed.pdf`.
fn signed_name(name: &str) -> String {
    let stem = name.strip_suffix(".pdf").or_else(|| name.strip_suffix(".PDF")).unwrap_or(name);
    format!("{stem}-signed.pdf")
}

/// The fields of "signing details", read when the clerk presses Sign.
#[derive(Clone, PartialEq, Default)]
struct Details {
    reason: NodeRef,
    location: NodeRef,
    stamp: NodeRef,
    page: NodeRef,
    x: NodeRef,
    y: NodeRef,
    certify: NodeRef,
    register: NodeRef,
    number: NodeRef,
    holder: NodeRef,
    kind: NodeRef,
    expires: NodeRef,
}

impl Details {
    fn options(&self) -> Value {
        // An empty position field means its default (the placeholder).
        let or = |r: &NodeRef, default: &str| Some(input(r)).filter(|v| !v.is_empty()).unwrap_or_else(|| default.to_owned());
        let stamp = checked(&self.stamp).then(|| format!("{},{},{},200,60", or(&self.page, "1"), or(&self.x, "350"), or(&self.y, "40")));
        let certify = self.certify.cast::<HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
        let permit = checked(&self.register).then(|| {
            json!({ "number": input(&self.number), "holder": input(&self.holder), "type": input(&self.kind), "expires": input(&self.expires) })
        });
        json!({ "reason": input(&self.reason), "location": input(&self.location), "stamp": stamp, "certify": certify, "permit": permit })
    }
}

#[component]
pub fn SignPage(props: &SignProps) -> Html {
    let lang = props.lang;
    // Read by callbacks when they run (never an older render's value).
    let pdf = use_mut_ref(|| None::<File>);
    let revocation = use_mut_ref(Vec::<File>::new);
    let creds = use_mut_ref(|| None::<Rc<Credentials>>);
    let signer = use_state(|| None::<Value>);
    let outcome = use_state(|| Outcome::Idle);
    let details = use_state(Details::default);
    let show_register = use_state(|| false);

    // Which key description is the latest asked for; older answers are dropped.
    let asked = use_mut_ref(|| 0u32);
    let on_creds = {
        let (creds, signer, asked) = (creds.clone(), signer.clone(), asked.clone());
        Callback::from(move |c: Option<Rc<Credentials>>| {
            signer.set(None);
            *asked.borrow_mut() += 1;
            if let Some(c) = &c {
                let (signer, asked, mine) = (signer.clone(), asked.clone(), *asked.borrow());
                let on_event = Callback::from(move |e: JobEvent| {
                    if let JobEvent::Reply(v, _) = e {
                        if *asked.borrow() == mine {
                            signer.set(Some(v));
                        }
                    }
                });
                evidence_client::describe_signer(c, on_event);
            }
            *creds.borrow_mut() = c;
        })
    };
    let on_pdf = {
        let pdf = pdf.clone();
        Callback::from(move |e: Event| {
            let i: HtmlInputElement = e.target_unchecked_into();
            *pdf.borrow_mut() = i.files().and_then(|l| l.get(0));
        })
    };
    let on_revocation = {
        let revocation = revocation.clone();
        Callback::from(move |e: Event| {
            let i: HtmlInputElement = e.target_unchecked_into();
            *revocation.borrow_mut() = i.files().map(|l| (0..l.length()).filter_map(|n| l.get(n)).collect()).unwrap_or_default();
        })
    };
    let on_sign = {
        let (pdf, creds, outcome, details, revocation) = (pdf.clone(), creds.clone(), outcome.clone(), details.clone(), revocation.clone());
        Callback::from(move |_: MouseEvent| {
            let (Some(file), Some(c)) = (pdf.borrow().clone(), creds.borrow().clone()) else {
                outcome.set(Outcome::Failed(i18n::SIGN_NEED.th.into(), i18n::SIGN_NEED.en.into()));
                return;
            };
            if let Outcome::Signed(old) = &*outcome {
                web_sys::Url::revoke_object_url(&old.url).ok();
            }
            outcome.set(Outcome::Signing);
            let name = signed_name(&file.name());
            let done = outcome.clone();
            let on_event = Callback::from(move |e: JobEvent| {
                let JobEvent::Reply(v, blob) = e else { return };
                match (crate::reply::error_of(&v), blob) {
                    (None, Some(blob)) => {
                        let register_url = v["register"].as_str().map(|r| crate::blob::from_text(r, "application/json")).map(|b| object_url(&b));
                        let sha256 = v["sha256"].as_str().unwrap_or_default().to_owned();
                        done.set(Outcome::Signed(Signed { file_name: name.clone(), url: object_url(&blob), sha256, register_url }));
                    }
                    (err, _) => {
                        let (th, en) = err.unwrap_or_default();
                        done.set(Outcome::Failed(th, en));
                    }
                }
            });
            if evidence_client::sign(&file, &c, &details.options(), &revocation.borrow(), on_event).is_none() {
                outcome.set(Outcome::Failed(i18n::WORKER_UNAVAILABLE.th.into(), i18n::WORKER_UNAVAILABLE.en.into()));
            }
        })
    };
    let toggle_register = {
        let (show, d) = (show_register.clone(), details.clone());
        Callback::from(move |_: Event| show.set(checked(&d.register)))
    };

    let d = &*details;
    let result = match &*outcome {
        Outcome::Idle => Html::default(),
        Outcome::Signing => html! { <p class="loading">{ i18n::SIGNING.get(lang) }</p> },
        Outcome::Signed(s) => signed_view(lang, s),
        Outcome::Failed(th, en) => html! {
            <div class="problem-box" role="alert" id="sign-problem"><p>{ i18n::SIGN_FAILED.get(lang) }</p><p>{ lang.pick(th, en) }</p></div>
        },
    };
    // Uncontrolled fields: what the clerk types stays through every redraw
    // (a `value` here would be written back over it).
    let field = |id: &'static str, label: i18n::Phrase, r: &NodeRef, kind: &'static str, placeholder: &'static str| {
        html! {
            <div class="field">
                <label for={id}>{ label.get(lang) }</label>
                <input id={id} type={kind} ref={r.clone()} placeholder={placeholder} />
            </div>
        }
    };
    html! {
        <section class="sign">
            <h1>{ i18n::SIGN_TITLE.get(lang) }</h1>
            <p>{ i18n::SIGN_INTRO.get(lang) }</p>
            <fieldset>
                <legend>{ i18n::SIGN_PDF.get(lang) }</legend>
                <div class="field">
                    <label for="sign-pdf">{ i18n::SIGN_PDF_PICK.get(lang) }</label>
                    <FilePicker id="sign-pdf" accept="application/pdf,.pdf" lang={lang} onchange={on_pdf} />
                </div>
            </fieldset>
            <KeyPicker lang={lang} on_change={on_creds.clone()} />
            // One stable slot: a child appearing in the list itself would
            // shift the components after it and reset what they hold.
            <div class="signer-slot" aria-live="polite">{ signer.as_ref().map(|s| signer_view(lang, s)).unwrap_or_default() }</div>
            <NewKey lang={lang} on_test_key={on_creds} />
            <fieldset>
                <legend>{ i18n::SIGN_REVOCATION.get(lang) }</legend>
                <p class="field-help">{ i18n::SIGN_REVOCATION_HINT.get(lang) }</p>
                <FilePicker id="sign-revocation" accept=".crl,.pem,.der,.ocsp,.rsp,application/pkix-crl,application/ocsp-response" multiple=true lang={lang} onchange={on_revocation} />
            </fieldset>
            <fieldset>
                <legend>{ i18n::SIGN_OPTIONS.get(lang) }</legend>
                { field("sign-reason", i18n::SIGN_REASON, &d.reason, "text", "") }
                { field("sign-location", i18n::SIGN_LOCATION, &d.location, "text", "") }
                <label class="choice"><input id="sign-stamp" type="checkbox" ref={d.stamp.clone()} />{ i18n::SIGN_STAMP.get(lang) }</label>
                <div class="stamp-position">
                    { field("stamp-page", i18n::SIGN_STAMP_PAGE, &d.page, "number", "1") }
                    { field("stamp-x", i18n::SIGN_STAMP_X, &d.x, "number", "350") }
                    { field("stamp-y", i18n::SIGN_STAMP_Y, &d.y, "number", "40") }
                </div>
                <div class="field">
                    <label for="sign-certify">{ i18n::SIGN_CERTIFY.get(lang) }</label>
                    <select id="sign-certify" ref={d.certify.clone()}>
                        <option value="">{ i18n::SIGN_CERTIFY_NONE.get(lang) }</option>
                        <option value="allow-signatures">{ i18n::SIGN_CERTIFY_SIGNATURES.get(lang) }</option>
                        <option value="no-changes">{ i18n::SIGN_CERTIFY_LOCKED.get(lang) }</option>
                    </select>
                </div>
                <label class="choice"><input id="sign-register" type="checkbox" ref={d.register.clone()} onchange={toggle_register} />{ i18n::SIGN_REGISTER.get(lang) }</label>
                <div class="register-entry" hidden={!*show_register}>
                    { field("permit-number", i18n::NUMBER, &d.number, "text", "") }
                    { field("permit-holder", i18n::HOLDER, &d.holder, "text", "") }
                    { field("permit-type", i18n::KIND, &d.kind, "text", "") }
                    { field("permit-expires", i18n::EXPIRES, &d.expires, "date", "") }
                </div>
            </fieldset>
            <button type="button" id="sign-button" class="primary" onclick={on_sign} disabled={*outcome == Outcome::Signing}>{ i18n::SIGN_BUTTON.get(lang) }</button>
            <div aria-live="polite">{ result }</div>
        </section>
    }
}
