//! An evidence field: take a photo or pick files (or drop them), and watch
//! each one checked, compressed and hashed in the worker, with its size
//! before and after, a progress bar and a cancel button. The field's value
//! is the manifest entries of the files attached.

use std::rc::Rc;

use eservice_core::evidence::rule::readable_size;
use eservice_core::evidence::{EvidenceProblem, EvidenceRule, ManifestEntry};
use eservice_core::form::Field;
use eservice_core::{JsonPointer, Lang};
use serde_json::Value;
use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

use super::field::field_id;
use super::form_fields::required_mark;
use crate::evidence_client::{self, JobEvent};
use crate::components::thumbnail::Thumbnail;
use crate::i18n;
use crate::picked_files::files_of;

#[derive(Properties, PartialEq)]
pub struct EvidenceInputProps {
    pub field: Rc<Field>,
    pub rule: EvidenceRule,
    pub value: Option<Value>,
    pub error: Option<String>,
    pub lang: Lang,
    pub on_input: Callback<(JsonPointer, Option<Value>)>,
    pub on_blur: Callback<JsonPointer>,
}

/// A file being processed, or refused.
#[derive(Clone, PartialEq)]
struct Job {
    id: u32,
    name: String,
    done: f64,
    total: f64,
    problem: Option<EvidenceProblem>,
}

enum JobAction {
    Start(u32, String),
    Refuse(String, EvidenceProblem),
    Event(u32, JobEvent),
    Dismiss(u32),
}

#[derive(Default, Clone, PartialEq)]
struct Jobs(Vec<Job>);

impl Reducible for Jobs {
    type Action = JobAction;
    fn reduce(self: Rc<Self>, action: JobAction) -> Rc<Self> {
        let mut jobs = self.0.clone();
        match action {
            JobAction::Start(id, name) => jobs.push(Job { id, name, done: 0.0, total: 0.0, problem: None }),
            JobAction::Refuse(name, problem) => {
                let id = u32::MAX - jobs.len() as u32;
                jobs.push(Job { id, name, done: 0.0, total: 0.0, problem: Some(problem) });
            }
            JobAction::Event(id, event) => {
                let Some(j) = jobs.iter_mut().find(|j| j.id == id) else { return self };
                match event {
                    JobEvent::Progress { done, total } => {
                        j.done = done;
                        j.total = total;
                    }
                    JobEvent::Failed(p) => j.problem = Some(p),
                    JobEvent::Done { .. } | JobEvent::Cancelled | JobEvent::Verified(_) | JobEvent::VerifyFailed(_) | JobEvent::Reply(..) => jobs.retain(|j| j.id != id),
                }
            }
            JobAction::Dismiss(id) => jobs.retain(|j| j.id != id),
        }
        Rc::new(Jobs(jobs))
    }
}

/// The digest of the file as the citizen picked it.
fn source(e: &ManifestEntry) -> eservice_core::evidence::Digest {
    e.compression.as_ref().map_or(e.sha256, |c| c.original_sha256)
}

fn entries(value: &Option<Value>) -> Vec<ManifestEntry> {
    value.as_ref().and_then(Value::as_array).into_iter().flatten().filter_map(ManifestEntry::from_json).collect()
}

#[component]
pub fn EvidenceInput(props: &EvidenceInputProps) -> Html {
    let lang = props.lang;
    let jobs = use_reducer(Jobs::default);
    // The value as the worker's results arrive, which may be faster than redraws.
    let latest = use_mut_ref(|| entries(&props.value));
    *latest.borrow_mut() = entries(&props.value);

    let add_files = {
        let (jobs, latest) = (jobs.clone(), latest.clone());
        let (rule, pointer) = (props.rule.clone(), props.field.pointer.clone());
        let (on_input, on_blur) = (props.on_input.clone(), props.on_blur.clone());
        Callback::from(move |files: Vec<File>| {
            let busy = jobs.0.iter().filter(|j| j.problem.is_none()).count();
            let room = rule.max_count.saturating_sub(latest.borrow().len() + busy);
            for (i, file) in files.into_iter().enumerate() {
                if i >= room {
                    jobs.dispatch(JobAction::Refuse(file.name(), EvidenceProblem::TooMany { limit: rule.max_count }));
                    continue;
                }
                let (jobs_cb, latest, pointer, on_input, on_blur) =
                    (jobs.clone(), latest.clone(), pointer.clone(), on_input.clone(), on_blur.clone());
                let job_id = std::rc::Rc::new(std::cell::Cell::new(0u32));
                let id_in = job_id.clone();
                let on_event = Callback::from(move |event: JobEvent| {
                    let id = id_in.get();
                    if let JobEvent::Done { entry, blob } = &event {
                        let hash = entry.sha256.hex();
                        // The same file twice: same bytes as picked, whatever compression made of them.
                        let dup = latest.borrow().iter().find(|e| source(e) == source(entry)).map(|e| e.name.clone());
                        if let Some(of) = dup {
                            jobs_cb.dispatch(JobAction::Event(id, JobEvent::Failed(EvidenceProblem::Duplicate { of })));
                            return;
                        }
                        evidence_client::keep(&hash, blob.clone());
                        latest.borrow_mut().push(entry.clone());
                        let value = Value::Array(latest.borrow().iter().map(ManifestEntry::to_json).collect());
                        on_input.emit((pointer.clone(), Some(value)));
                        on_blur.emit(pointer.clone());
                    }
                    jobs_cb.dispatch(JobAction::Event(id, event));
                });
                match evidence_client::process(&file, &rule, on_event) {
                    Some(id) => {
                        job_id.set(id);
                        jobs.dispatch(JobAction::Start(id, file.name()));
                    }
                    None => jobs.dispatch(JobAction::Refuse(file.name(), EvidenceProblem::OutOfMemory)),
                }
            }
        })
    };
    let on_pick = add_files.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let files = files_of(input.files());
        input.set_value("");
        files
    });
    let on_drop = add_files.reform(|e: DragEvent| {
        e.prevent_default();
        files_of(e.data_transfer().and_then(|d| d.files()))
    });
    let remove = |i: usize| {
        let (latest, pointer, on_input) = (latest.clone(), props.field.pointer.clone(), props.on_input.clone());
        Callback::from(move |_: MouseEvent| {
            let mut now = latest.borrow().clone();
            if i < now.len() {
                now.remove(i);
            }
            let value = (!now.is_empty()).then(|| Value::Array(now.iter().map(ManifestEntry::to_json).collect()));
            on_input.emit((pointer.clone(), value));
        })
    };

    let f = &props.field;
    let id = field_id(&f.pointer);
    let accept: Vec<&str> = props.rule.accept.iter().map(|t| t.mime()).collect();
    let attached = entries(&props.value);
    let full = attached.len() >= props.rule.max_count;
    let images = props.rule.accept.iter().any(|t| t.is_compressible_image());
    html! {
        <fieldset class={classes!("field", "evidence", props.error.as_ref().map(|_| "has-error"))} id={id.clone()} tabindex="-1"
            ondragover={|e: DragEvent| e.prevent_default()} ondrop={on_drop}>
            <legend>{ f.label.get(lang) }{ required_mark(f.required, lang) }</legend>
            { f.help.as_ref().map(|h| html! { <p class="field-help">{ h.get(lang) }</p> }).unwrap_or_default() }
            <p class="field-help">{ format!("{} {}", i18n::EVIDENCE_LIMITS.get(lang), limits(&props.rule, lang)) }</p>
            <ul class="evidence-files">
            { for attached.iter().enumerate().map(|(i, e)| {
                let hash = e.sha256.hex();
                // A draft restored after a reload keeps the entries, but the
                // files themselves stayed in the closed page: ask for them again.
                if evidence_client::file(&hash).is_none() {
                    return html! {
                        <li class="evidence-file evidence-problem" role="alert">
                            <span class="evidence-name"><strong>{ &e.name }</strong><br />{ i18n::REATTACH.get(lang) }</span>
                            <button type="button" class="icon-button remove" aria-label={format!("{}: {}", i18n::REMOVE_ITEM.get(lang), e.name)} onclick={remove(i)}>{ "✕" }</button>
                        </li>
                    };
                }
                let thumb = e.media_type.is_compressible_image();
                let sizes = match &e.compression {
                    Some(c) => format!("{} → {}", readable_size(c.original_size), readable_size(e.size)),
                    None => readable_size(e.size),
                };
                html! {
                    <li class="evidence-file">
                        if thumb {
                            <Thumbnail sha256={hash.clone()} />
                        } else {
                            <span class="evidence-icon" aria-hidden="true">{ e.media_type.extension().to_ascii_uppercase() }</span>
                        }
                        // The name opens the file as it will be sent (after compression).
                        <span class="evidence-name"><a class="evidence-open" href={evidence_client::url(&hash).unwrap_or_default()} target="_blank" rel="noopener">{ &e.name }</a><br /><small>{ sizes }</small>{ signature_line(e, lang) }</span>
                        <button type="button" class="icon-button remove" aria-label={format!("{}: {}", i18n::REMOVE_ITEM.get(lang), e.name)} onclick={remove(i)}>{ "✕" }</button>
                    </li>
                }
            }) }
            { for jobs.0.iter().map(|j| {
                let jid = j.id;
                match &j.problem {
                    Some(p) => {
                        let dismiss = { let jobs = jobs.clone(); Callback::from(move |_: MouseEvent| jobs.dispatch(JobAction::Dismiss(jid))) };
                        html! {
                            <li class="evidence-file evidence-problem" role="alert">
                                <span class="evidence-name"><strong>{ &j.name }</strong><br />{ p.message(lang) }</span>
                                <button type="button" class="icon-button" aria-label={i18n::DISMISS.get(lang)} onclick={dismiss}>{ "✕" }</button>
                            </li>
                        }
                    }
                    None => html! {
                        <li class="evidence-file evidence-busy">
                            <span class="evidence-name">{ &j.name }<br />
                                <progress max={(j.total.max(1.0) as u64).to_string()} value={(j.done as u64).to_string()} aria-label={format!("{}: {}", i18n::PROCESSING.get(lang), j.name)} />
                            </span>
                            <button type="button" class="icon-button" aria-label={format!("{}: {}", i18n::CANCEL.get(lang), j.name)}
                                onclick={move |_: MouseEvent| evidence_client::cancel(jid)}>{ "✕" }</button>
                        </li>
                    },
                }
            }) }
            </ul>
            <div class="evidence-actions">
                if images {
                    <label class={classes!("secondary", "file-button", full.then_some("disabled"))}>
                        { i18n::TAKE_PHOTO.get(lang) }
                        <input type="file" class="visually-hidden" accept="image/jpeg,image/png" capture="environment"
                            disabled={full} onchange={on_pick.clone()} />
                    </label>
                }
                <label class={classes!("secondary", "file-button", full.then_some("disabled"))}>
                    { i18n::CHOOSE_FILES.get(lang) }
                    <input type="file" id={format!("{id}-files")} class="visually-hidden" accept={accept.join(",")}
                        multiple={props.rule.max_count > 1} disabled={full} onchange={on_pick} />
                </label>
            </div>
            { props.error.as_ref().map(|m| html! { <p class="field-error" id={format!("{id}-error")}>{ m }</p> }).unwrap_or_default() }
        </fieldset>
    }
}

fn limits(rule: &EvidenceRule, lang: Lang) -> String {
    let types = rule.accept.iter().map(|t| t.extension().to_ascii_uppercase()).collect::<Vec<_>>().join(", ");
    match lang {
        Lang::Th => format!("{types} ได้ไม่เกิน {} ไฟล์ ขนาดไฟล์ละไม่เกิน {}", rule.max_count, readable_size(rule.max_bytes)),
        Lang::En => format!("{types}, at most {} file(s) of up to {} each", rule.max_count, readable_size(rule.max_bytes)),
    }
}

/// For a signed PDF: what the intake verification said of its signature.
fn signature_line(e: &ManifestEntry, lang: Lang) -> Html {
    let Some(s) = &e.signature else { return Html::default() };
    let text = match (s.verdict.as_str(), &s.signed_by) {
        ("valid", Some((th, en))) => format!("{} {}", i18n::SIGNED_BY.get(lang), lang.pick(th, en)),
        (key, _) => i18n::signature_verdict(key).get(lang).to_owned(),
    };
    html! { <><br /><small class={format!("evidence-signature verdict-{}", s.verdict)}>{ format!("{}: {text}", i18n::E_SIGNATURE.get(lang)) }</small></> }
}
