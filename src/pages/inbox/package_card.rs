//! One received package, opened and checked: its reference, sender and
//! form, every problem by name, the evidence checklist, the verdicts of
//! signed PDFs (checked again in the worker), and "accept" for a sound one.
//! A sealed package (`.zip.age`) waits for the agency's key, is opened with
//! it in the worker, and then checked as any other.

use std::collections::BTreeMap;
use std::rc::Rc;

use eservice_core::catalog::FormId;
use eservice_core::evidence::MediaType;
use eservice_core::incoming::{sender, AddProblem, IncomingRegister};
use eservice_core::package::inspect::{check_form, checklist, open, ChecklistItem, Opened, PackageProblem};
use eservice_core::package::schema_sha256;
use eservice_core::Lang;
use web_sys::File;
use yew::prelude::*;

use super::agency_key::AgencyKey;
use crate::evidence_client::{self, JobEvent};
use crate::i18n;
use crate::loaded_form::LoadedForm;

struct Checked {
    opened: Opened,
    checklist: Vec<ChecklistItem>,
}

#[derive(Clone)]
enum State {
    Opening,
    /// Sealed to the agency's key, which has not been given yet.
    Sealed,
    Unsealing,
    /// The key did not open it: wrong key, wrong passphrase, damaged (Thai, English).
    SealProblem(String, String),
    Checked(Rc<Checked>),
    Unopenable(PackageProblem),
}

#[derive(Properties, PartialEq)]
pub struct PackageCardProps {
    pub lang: Lang,
    pub file: File,
    pub register: Rc<IncomingRegister>,
    pub on_accept: Callback<IncomingRegister>,
    /// The agency's key, once the clerk has given it.
    pub agency_key: Option<AgencyKey>,
}

async fn bytes_of(blob: &web_sys::Blob) -> Result<Vec<u8>, PackageProblem> {
    crate::worker::read::slice(blob, 0.0, blob.size()).await.map_err(|_| PackageProblem::Zip(eservice_core::package::zip::ZipProblem::Truncated))
}

async fn check(bytes: &[u8], lang: Lang) -> Result<Checked, PackageProblem> {
    let mut opened = open(bytes)?;
    let form = match FormId::parse(&opened.form_id) {
        Some(id) => LoadedForm::fetch(id).await.ok(),
        None => None,
    };
    let list = match form {
        Some(form) => {
            check_form(&mut opened, &schema_sha256(form.schema()), form.validator(), lang);
            checklist(form.schema(), &opened.data, lang)
        }
        None => {
            opened.problems.push(PackageProblem::UnknownForm(opened.form_id.clone()));
            Vec::new()
        }
    };
    Ok(Checked { opened, checklist: list })
}

/// Shows what the check found, and has each signed PDF verified again.
fn show(checked: Result<Checked, PackageProblem>, state: &UseStateHandle<State>, verdicts: &UseReducerDispatcher<Verdicts>) {
    let c = match checked {
        Ok(c) => Rc::new(c),
        Err(p) => return state.set(State::Unopenable(p)),
    };
    state.set(State::Checked(c.clone()));
    for f in c.opened.evidence.iter().filter(|f| f.entry.media_type == MediaType::Pdf) {
        let Some(bytes) = c.opened.file(&f.path) else { continue };
        let blob = crate::blob::from_bytes(bytes, "application/pdf");
        let (path, verdicts) = (f.path.clone(), verdicts.clone());
        evidence_client::verify(&blob, None, Callback::from(move |e: JobEvent| {
            if let JobEvent::Verified(json) = e {
                let v: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
                let signed = v["th"]["signatures"].as_array().is_some_and(|s| !s.is_empty());
                if signed {
                    verdicts.dispatch((path.clone(), v["th"]["verdict"].as_str().unwrap_or_default().to_owned()));
                }
            }
        }));
    }
}

/// Verdicts of signed PDFs, by path in the package, as the worker gives
/// them: a reducer, so each answer adds to all the earlier ones.
#[derive(Default, PartialEq)]
struct Verdicts(BTreeMap<String, String>);

impl Reducible for Verdicts {
    type Action = (String, String);

    fn reduce(self: Rc<Self>, (path, verdict): Self::Action) -> Rc<Self> {
        let mut all = self.0.clone();
        all.insert(path, verdict);
        Rc::new(Verdicts(all))
    }
}

#[component]
pub fn PackageCard(props: &PackageCardProps) -> Html {
    let lang = props.lang;
    let state = use_state(|| State::Opening);
    let verdicts = use_reducer(Verdicts::default);
    let outcome = use_state(|| None::<Result<u32, u32>>);
    let sealed_sha = use_state(|| None::<String>);
    // Opened once; a key given later opens one still waiting for it.
    let settled = use_mut_ref(|| false);
    {
        let (state, verdicts, file, sealed_sha) = (state.clone(), verdicts.dispatcher(), props.file.clone(), sealed_sha.clone());
        use_effect_with(props.agency_key.clone(), move |key| {
            if *settled.borrow() {
                return;
            }
            let key = key.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let bytes = match bytes_of(&file).await {
                    Ok(b) => b,
                    Err(p) => return state.set(State::Unopenable(p)),
                };
                if !eservice_core::seal::is_sealed(&bytes) {
                    *settled.borrow_mut() = true;
                    return show(check(&bytes, lang).await, &state, &verdicts);
                }
                let Some(key) = key else { return state.set(State::Sealed) };
                state.set(State::Unsealing);
                let done = state.clone();
                let on_event = Callback::from(move |e: JobEvent| {
                    let JobEvent::Reply(v, blob) = e else { return };
                    let (state, verdicts, settled, sealed_sha) = (done.clone(), verdicts.clone(), settled.clone(), sealed_sha.clone());
                    match (crate::reply::error_of(&v), blob) {
                        (None, Some(zip)) => wasm_bindgen_futures::spawn_local(async move {
                            *settled.borrow_mut() = true;
                            sealed_sha.set(v["sealedSha256"].as_str().map(str::to_owned));
                            match bytes_of(&zip).await {
                                Ok(b) => show(check(&b, lang).await, &state, &verdicts),
                                Err(p) => state.set(State::Unopenable(p)),
                            }
                        }),
                        (err, _) => {
                            let (th, en) = err.unwrap_or_default();
                            state.set(State::SealProblem(th, en));
                        }
                    }
                });
                if evidence_client::unseal(&file, &key.file, &key.passphrase, on_event).is_none() {
                    state.set(State::SealProblem(i18n::WORKER_UNAVAILABLE.th.into(), i18n::WORKER_UNAVAILABLE.en.into()));
                }
            });
        });
    }
    let name = props.file.name();
    let c = match &*state {
        State::Opening => return html! { <article class="package-card"><p class="loading">{ i18n::INBOX_OPENING.get(lang) }{ " " }{ name }</p></article> },
        State::Unsealing => return html! { <article class="package-card"><p class="loading">{ i18n::INBOX_UNSEALING.get(lang) }{ " " }{ name }</p></article> },
        State::Sealed | State::SealProblem(..) => {
            let problem = match &*state {
                State::SealProblem(th, en) => html! { <p class="problem" role="alert">{ lang.pick(th, en) }</p> },
                _ => Html::default(),
            };
            return html! {
                <article class="package-card package-sealed" data-sealed="true">
                    <p class="verdict-file">{ name }</p>
                    { problem }
                    <p>{ i18n::INBOX_SEALED.get(lang) }</p>
                </article>
            };
        }
        State::Unopenable(p) => {
            return html! {
                <article class="package-card verdict verdict-invalid" data-sound="false">
                    <p class="verdict-file">{ name }</p>
                    <h2 class="verdict-headline">{ i18n::INBOX_PROBLEMS.get(lang) }</h2>
                    <ul class="package-problems"><li>{ p.message(lang) }</li></ul>
                </article>
            };
        }
        State::Checked(c) => c.clone(),
    };
    let o = &c.opened;
    let bad_signature = verdicts.0.values().any(|v| v == "invalid" || v == "modified");
    let sound = o.is_sound() && !bad_signature;
    // Only a sound package can be "the same" as one received: a tampered copy
    // shares the manifest's hash but is not what was received.
    let duplicate = props.register.rows.iter().find(|r| sound && r.hash == o.hash.hex()).map(|r| r.number);
    let accept = {
        let (register, on_accept, outcome, c) = (props.register.clone(), props.on_accept.clone(), outcome.clone(), c.clone());
        Callback::from(move |_: MouseEvent| {
            let mut reg = (*register).clone();
            match reg.add(&c.opened, crate::clock::unix_now()) {
                Ok(row) => {
                    outcome.set(Some(Ok(row.number)));
                    on_accept.emit(reg);
                }
                Err(AddProblem::Duplicate(n)) => outcome.set(Some(Err(n))),
            }
        })
    };
    let title = o.manifest.pointer("/form/title").and_then(|t| t.as_str()).unwrap_or(&o.form_id).to_owned();
    let class = if sound { "package-card verdict verdict-valid" } else { "package-card verdict verdict-invalid" };
    html! {
        <article class={class} data-sound={sound.to_string()} data-reference={o.reference.clone()}>
            <p class="verdict-file">{ name }</p>
            <h2 class="verdict-headline">{ if sound { i18n::INBOX_SOUND.get(lang) } else { i18n::INBOX_PROBLEMS.get(lang) } }</h2>
            <p>{ format!("{title} · {} · {} {}", sender(&o.data), i18n::COL_REFERENCE.get(lang), o.reference) }</p>
            if let Some(sha) = &*sealed_sha {
                <p class="package-arrived-sealed">{ format!("{}: ", i18n::INBOX_ARRIVED_SEALED.get(lang)) }<code>{ sha }</code></p>
            }
            if !o.problems.is_empty() {
                <ul class="package-problems">{ for o.problems.iter().map(|p| html! { <li>{ p.message(lang) }</li> }) }</ul>
            }
            if !c.checklist.is_empty() {
                <h3>{ i18n::INBOX_CHECKLIST.get(lang) }</h3>
                <ul class="checklist">
                    { for c.checklist.iter().map(|i| {
                        let mark = if i.files > 0 { "✓" } else if i.required { "✗" } else { "–" };
                        let req = if i.required { format!(" ({})", i18n::INBOX_REQUIRED.get(lang)) } else { String::new() };
                        html! { <li>{ format!("{mark} {}{req}: {}", i.title, i.files) }</li> }
                    }) }
                </ul>
            }
            <ul class="evidence-files">
                { for o.evidence.iter().map(|f| {
                    let v = verdicts.0.get(&f.path).map(|v| format!(" · {}: {}", i18n::E_SIGNATURE.get(lang), i18n::signature_verdict(v).get(lang))).unwrap_or_default();
                    html! { <li><EvidenceLink checked={c.clone()} path={f.path.clone()} name={f.entry.name.clone()} mime={f.entry.media_type.mime()} />{ v }</li> }
                }) }
            </ul>
            { match (*outcome, duplicate) {
                (Some(Ok(n)), _) => html! { <p class="accepted" role="status">{ format!("{} {n}", i18n::INBOX_ACCEPTED.get(lang)) }</p> },
                (Some(Err(n)), _) | (None, Some(n)) => html! { <p class="duplicate" role="status">{ format!("{} {n}", i18n::INBOX_DUPLICATE.get(lang)) }</p> },
                (None, None) if sound => html! { <button type="button" class="primary accept" onclick={accept}>{ i18n::INBOX_ACCEPT.get(lang) }</button> },
                _ => Html::default(),
            } }
        </article>
    }
}

#[derive(Properties)]
struct LinkProps {
    checked: Rc<Checked>,
    path: String,
    name: String,
    mime: &'static str,
}

impl PartialEq for LinkProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.checked, &other.checked) && self.path == other.path
    }
}

/// An evidence file's name that opens the file as the package holds it,
/// from memory: nothing is uploaded or written anywhere.
#[component]
fn EvidenceLink(props: &LinkProps) -> Html {
    let url = {
        let (checked, path, mime) = (props.checked.clone(), props.path.clone(), props.mime);
        use_memo((), move |_| {
            let blob = checked.opened.file(&path).map(|b| crate::blob::from_bytes(b, mime))?;
            web_sys::Url::create_object_url_with_blob(&blob).ok()
        })
    };
    {
        let url = url.clone();
        use_effect_with((), move |_| {
            move || {
                if let Some(u) = url.as_ref() {
                    let _ = web_sys::Url::revoke_object_url(u);
                }
            }
        });
    }
    match url.as_ref() {
        Some(href) => html! { <a class="evidence-open" href={href.clone()} target="_blank" rel="noopener">{ &props.name }</a> },
        None => html! { <span>{ &props.name }</span> },
    }
}
