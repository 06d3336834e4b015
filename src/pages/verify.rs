//! `#/verify`: a citizen drops a permit PDF and learns whether it is
//! genuine, who signed it and whether it changed since. The file never
//! leaves the device: the worker checks it and sends back a report.
//!
//! The page only draws the report's JSON, so the signature code stays in
//! the worker and out of every page's first load.

use serde_json::Value;
use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

use crate::evidence_client::{self, JobEvent};
use crate::components::file_picker::FilePicker;
use crate::i18n;

#[derive(Clone, PartialEq)]
enum State {
    Empty,
    Checking(String),
    /// The file, its name and the report `{th, en, problems}`.
    Done(File, String, Value),
    Failed(String),
}

#[derive(Properties, PartialEq)]
pub struct VerifyProps {
    pub lang: eservice_core::Lang,
}

#[component]
pub fn VerifyPage(props: &VerifyProps) -> Html {
    let lang = props.lang;
    let state = use_state(|| State::Empty);
    // The text of a trust list the user picked, instead of the site's.
    let own_trust = use_state(|| None::<(String, String)>);

    let check = {
        let (state, own_trust) = (state.clone(), own_trust.clone());
        Callback::from(move |file: File| {
            let name = file.name();
            state.set(State::Checking(name.clone()));
            let st = state.clone();
            let f = file.clone();
            let on_event = Callback::from(move |e: JobEvent| match e {
                JobEvent::Verified(json) => match serde_json::from_str::<Value>(&json) {
                    Ok(v) => st.set(State::Done(f.clone(), name.clone(), v)),
                    Err(_) => st.set(State::Failed(json)),
                },
                JobEvent::VerifyFailed(m) => st.set(State::Failed(m)),
                _ => {}
            });
            let trust = own_trust.as_ref().map(|(_, t)| t.clone());
            if evidence_client::verify(&file, trust, on_event).is_none() {
                state.set(State::Failed(format!("{}\n{}", i18n::WORKER_UNAVAILABLE.th, i18n::WORKER_UNAVAILABLE.en)));
            }
        })
    };
    let on_pick = {
        let check = check.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(f) = input.files().and_then(|l| l.get(0)) {
                check.emit(f);
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let check = check.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(f) = e.data_transfer().and_then(|d| d.files()).and_then(|l| l.get(0)) {
                check.emit(f);
            }
        })
    };
    let on_trust = {
        let own_trust = own_trust.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(f) = input.files().and_then(|l| l.get(0)) else { return };
            let own_trust = own_trust.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(text) = wasm_bindgen_futures::JsFuture::from(f.text()).await {
                    own_trust.set(text.as_string().map(|t| (f.name(), t)));
                }
            });
        })
    };

    let body = match &*state {
        State::Empty => Html::default(),
        State::Checking(name) => html! { <p class="loading" aria-live="polite">{ i18n::VERIFYING.get(lang) }{ " " }{ name }</p> },
        State::Failed(msg) => html! { <div class="problem-box" role="alert"><p>{ i18n::VERIFY_FAILED.get(lang) }</p><pre>{ msg }</pre></div> },
        State::Done(file, name, report) => verdict_view(lang, file, name, report),
    };
    html! {
        <section class="verify">
            <h1>{ i18n::VERIFY_TITLE.get(lang) }</h1>
            <p>{ i18n::VERIFY_INTRO.get(lang) }</p>
            <label class="drop-zone" ondragover={Callback::from(|e: DragEvent| e.prevent_default())} ondrop={on_drop}>
                <span>{ i18n::VERIFY_PICK.get(lang) }</span>
                <span class="secondary file-button">{ i18n::CHOOSE_FILE.get(lang) }</span>
                <input id="verify-file" type="file" class="visually-hidden" accept="application/pdf,.pdf" onchange={on_pick} />
            </label>
            <details class="own-trust">
                <summary>{ i18n::OWN_TRUST.get(lang) }</summary>
                <p>{ i18n::OWN_TRUST_PICK.get(lang) }</p>
                <FilePicker id="trust-file" accept="application/json,.json" lang={lang} onchange={on_trust} />
                { for own_trust.as_ref().map(|(n, _)| html! { <p>{ i18n::OWN_TRUST_IN_USE.get(lang) }{ " " }{ n }</p> }) }
            </details>
            <div aria-live="polite">{ body }</div>
        </section>
    }
}

fn text(v: &Value, k: &str) -> String {
    v.get(k).and_then(Value::as_str).unwrap_or_default().to_owned()
}

fn verdict_view(lang: eservice_core::Lang, file: &File, name: &str, both: &Value) -> Html {
    let r = &both[lang.tag()];
    let verdict = text(r, "verdict");
    let agency = r["signatures"].as_array().and_then(|s| s.iter().find_map(|s| s["trust"]["agency"][lang.tag()].as_str()));
    let register = &r["register"];
    let withdrawn = matches!(register["status"].as_str(), Some("revoked" | "suspended"));
    let key = if withdrawn { "withdrawn" } else { verdict.as_str() };
    let (tone, icon, todo) = advice(key);
    let class = format!("verdict verdict-{key} verdict-{tone}");
    let signed_end = r["signedRevisionEnd"].as_f64();
    let open_signed = {
        let file = file.clone();
        Callback::from(move |_| {
            let Some(end) = signed_end else { return };
            let part = file.slice_with_f64_and_f64(0.0, end).ok();
            let pdf = part.map(|p| crate::blob::retyped(p, "application/pdf"));
            if let (Some(pdf), Some(w)) = (pdf, web_sys::window()) {
                if let Ok(url) = web_sys::Url::create_object_url_with_blob(&pdf) {
                    w.open_with_url_and_target(&url, "_blank").ok();
                }
            }
        })
    };
    let problems: Vec<String> = both["problems"].as_array().map(|p| p.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect()).unwrap_or_default();
    html! {
        <div class={class} role="status" data-verdict={verdict.clone()}>
            <p class="verdict-file">{ name }</p>
            <h2 class="verdict-headline"><span class="verdict-icon" aria-hidden="true">{ icon }</span>{ text(r, "headline") }</h2>
            <p class="verdict-todo"><strong>{ todo.get(lang) }</strong></p>
            { for agency.map(|a| html! { <p class="verdict-agency">{ i18n::SIGNED_BY.get(lang) }{ " " }<strong>{ a }</strong></p> }) }
            // Named as its own certificate names it, and under which root:
            // never in the place of an agency the site lists.
            if let Some(who) = r["national"]["who"].as_str() {
                <p class="verdict-national">{ i18n::SIGNED_BY.get(lang) }{ " " }<strong>{ who }</strong>{ format!(" · {} {}", i18n::UNDER_ROOT.get(lang), text(&r["national"], "root")) }</p>
            }
            if withdrawn {
                <p class="verdict-register" data-register="withdrawn"><strong>{ i18n::PERMIT_WITHDRAWN.get(lang) }</strong>{ format!(" {} · {} · {}", text(register, "number"), text(register, "holder"), text(register, "status")) }</p>
            } else if register["found"] == true {
                <p class="verdict-register">{ i18n::IN_REGISTER.get(lang) }{ format!(" {} · {}", text(register, "number"), text(register, "holder")) }</p>
            }
            if signed_end.is_some() {
                <button type="button" class="secondary" onclick={open_signed}>{ i18n::OPEN_SIGNED.get(lang) }</button>
            }
            <details class="verdict-details">
                <summary>{ i18n::DETAILS.get(lang) }</summary>
                <p>{ "SHA-256: " }<code>{ text(r, "sha256") }</code></p>
                { for r["signatures"].as_array().into_iter().flatten().enumerate().map(|(i, s)| signature_view(lang, i, s)) }
                { for problems.iter().map(|p| html! { <p class="problem">{ p }</p> }) }
            </details>
        </div>
    }
}

/// How a verdict looks and what the reader should do: green for a
/// listed agency's valid signature; amber where it is sound but who stands
/// behind it is unconfirmed; red for anything changed, broken or
/// withdrawn. The icon and the words say it too, never the colour alone.
fn advice(key: &str) -> (&'static str, &'static str, i18n::Phrase) {
    match key {
        "valid" => ("good", "✓", i18n::DO_RELY),
        "valid-national" => ("caution", "!", i18n::DO_ASK_SIGNER),
        "untrusted" => ("caution", "!", i18n::DO_CONFIRM),
        "revocation-unchecked" => ("caution", "!", i18n::DO_CHECK_REVOCATION),
        "not-signed" => ("caution", "!", i18n::DO_UNSIGNED),
        "withdrawn" => ("bad", "✕", i18n::DO_WITHDRAWN),
        "revoked" => ("bad", "✕", i18n::DO_REVOKED),
        _ => ("bad", "✕", i18n::DO_NOT_USE),
    }
}

fn signature_view(lang: eservice_core::Lang, i: usize, s: &Value) -> Html {
    let row = |label: i18n::Phrase, value: String| {
        if value.is_empty() {
            Html::default()
        } else {
            html! { <><dt>{ label.get(lang) }</dt><dd>{ value }</dd></> }
        }
    };
    let source = match s["time"]["source"].as_str() {
        Some("timestamp") => i18n::TIME_STAMPED,
        Some("claimed") => i18n::TIME_CLAIMED,
        _ => i18n::TIME_NOW,
    };
    // Thai time, BE in Thai (the report's `shown`, in this language).
    let time = s["time"]["shown"].as_str().map(|t| format!("{t} · {}", source.get(lang))).unwrap_or_default();
    let verdict = i18n::signature_verdict(s["verdict"].as_str().unwrap_or_default());
    let coverage = if s["coversWholeFile"] == true { i18n::COVERS_ALL.get(lang).to_owned() } else { i18n::COVERS_REVISION.get(lang).to_owned() };
    let indication = match s["subIndication"].as_str() {
        Some(sub) => format!("{} / {sub}", text(s, "indication")),
        None => text(s, "indication"),
    };
    let stamp = match (s["timestamp"]["authority"].as_str(), s["timestamp"]["reason"].as_str()) {
        (Some(who), Some(why)) => format!("{who} · {}: {why}", i18n::STAMP_NOT_PROOF.get(lang)),
        (Some(who), None) => who.to_owned(),
        _ => String::new(),
    };
    let mods: Vec<String> = s["modifications"].as_array().map(|m| m.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect()).unwrap_or_default();
    html! {
        <section class="signature-detail">
            <h3>{ format!("{} {} · {}", if s["kind"] == "document-timestamp" { i18n::TIMESTAMP.get(lang) } else { i18n::SIGNATURE.get(lang) }, i + 1, verdict.get(lang)) }</h3>
            <dl>
                { row(i18n::SIGNER, s["signer"]["name"].as_str().unwrap_or_default().to_owned()) }
                { row(i18n::TIME, time) }
                { row(i18n::REASON, text(&s["stated"], "reason")) }
                { row(i18n::LOCATION, text(&s["stated"], "location")) }
                { row(i18n::CONTACT, text(&s["stated"], "contactInfo")) }
                { row(i18n::ALGORITHM, text(s, "algorithm")) }
                { row(i18n::COVERAGE, coverage) }
                { row(i18n::PROBLEM, text(s, "problem")) }
                { row(i18n::TRUST, s["trust"]["reason"].as_str().unwrap_or_default().to_owned()) }
                { row(i18n::REVOCATION, text(&s["revocation"], "message")) }
                { row(i18n::STAMPED_BY, stamp) }
                { row(i18n::INDICATION, indication) }
                { row(i18n::CERTIFICATION, s["certificationLevel"].as_u64().map(|l| l.to_string()).unwrap_or_default()) }
                { row(i18n::MODIFIED, mods.join("; ")) }
            </dl>
        </section>
    }
}
