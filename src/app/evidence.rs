//! An evidence field: take a photo or pick files (or drop them), and watch
//! each one checked, compressed and hashed in the worker, with its size
//! before and after, a progress bar and a cancel button. The field's value
//! is the manifest entries of the files attached.

use std::cell::RefCell;
use std::rc::Rc;

use eservice_core::evidence::rule::readable_size;
use eservice_core::draft::Picked;
use eservice_core::evidence::{Digest, EvidenceProblem, EvidenceRule, ManifestEntry};
use eservice_core::form::Field;
use eservice_core::{JsonPointer, Lang};
use serde_json::Value;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, Event, File, HtmlInputElement};
use yew::prelude::*;

use super::field::{error_text, field_class, field_id, help_text, label_text};
use super::fields::Events;
use super::redact::Outcome;
use crate::evidence_client::{self, JobEvent};
use crate::i18n;
use crate::picked_files::files_of;

/// An evidence field of one form on the page (an agency page may embed
/// several forms, with fields of the same name).
type FieldKey = ((usize, u32), JsonPointer);

/// A file being processed, or refused.
struct Job {
    field: FieldKey,
    id: u32,
    name: String,
    done: f64,
    total: f64,
    problem: Option<EvidenceProblem>,
    /// Where the original is kept on the device while it is processed.
    picked: Option<String>,
}

/// A file picked before a reload that cut its processing short: read back
/// from the device and processed again, or named as lost.
struct Resuming {
    field: FieldKey,
    picked: Picked,
    asked: bool,
    lost: bool,
}

thread_local! {
    /// Every evidence field's jobs.
    static JOBS: RefCell<Vec<Job>> = const { RefCell::new(Vec::new()) };
    /// Each field's entries as the worker's results arrive, which may be
    /// faster than redraws.
    static LATEST: RefCell<Vec<(FieldKey, Vec<ManifestEntry>)>> = const { RefCell::new(Vec::new()) };
    /// The job each entry came from: job numbers grow in the order files
    /// are picked, and entries are listed in that order, not in the order
    /// the worker finished them.
    static PICKED: RefCell<Vec<(FieldKey, Digest, u32)>> = const { RefCell::new(Vec::new()) };
    /// Files asked back from the device, by SHA-256, with the fields
    /// waiting for each (the same file may be attached in two fields);
    /// and those the device no longer had, or had changed.
    static ASKED: RefCell<Vec<(String, Vec<Callback<()>>)>> = const { RefCell::new(Vec::new()) };
    static LOST: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static RESUMING: RefCell<Vec<Resuming>> = const { RefCell::new(Vec::new()) };
    /// Fields whose files the device would not keep, with the reason.
    static NOT_KEPT: RefCell<Vec<(FieldKey, String)>> = const { RefCell::new(Vec::new()) };
}

/// Asks the browser, once, to keep the kit's storage under pressure: the
/// citizen's files are in it until they are sent.
fn ask_persistent_storage() {
    thread_local!(static ASKED_PERSIST: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if ASKED_PERSIST.with(|a| a.replace(true)) {
        return;
    }
    let storage = web_sys::window().and_then(|w| js_sys::Reflect::get(&w.navigator(), &"storage".into()).ok()).filter(|s| !s.is_undefined());
    if let Some(storage) = storage {
        if let Ok(persist) = js_sys::Reflect::get(&storage, &"persist".into()).and_then(|p| p.dyn_into::<js_sys::Function>()) {
            let _ = persist.call0(&storage);
        }
    }
}

/// Reads back from the device the files of `missing` not yet asked for;
/// `redraw` shows them (or that they are lost) when they come, and
/// `changed` tells the form.
fn restore(missing: Vec<String>, redraw: &Callback<()>, changed: &Callback<()>) {
    let ask: Vec<String> = ASKED.with(|a| {
        let mut a = a.borrow_mut();
        let mut new = Vec::new();
        for sha in missing {
            match a.iter_mut().find(|(s, _)| *s == sha) {
                Some((_, waiting)) => waiting.push(redraw.clone()),
                None => {
                    a.push((sha.clone(), vec![redraw.clone()]));
                    new.push(sha);
                }
            }
        }
        new
    });
    if ask.is_empty() {
        return;
    }
    let changed = changed.clone();
    let on_event = Callback::from(move |event: JobEvent| {
        if let JobEvent::Restored { files, lost } = event {
            let answered: Vec<String> = files.iter().map(|(s, _)| s.clone()).chain(lost.iter().cloned()).collect();
            for (sha, blob) in files {
                evidence_client::keep(&sha, blob);
            }
            LOST.with(|l| l.borrow_mut().extend(lost));
            // Every field waiting for these files draws them.
            let waiting: Vec<Callback<()>> = ASKED.with(|a| a.borrow_mut().iter_mut().filter(|(s, _)| answered.contains(s)).flat_map(|(_, w)| std::mem::take(w)).collect());
            waiting.iter().for_each(|r| r.emit(()));
            changed.emit(());
        }
    });
    if evidence_client::restore(&ask, on_event).is_none() {
        LOST.with(|l| l.borrow_mut().extend(ask));
    }
}

/// Where an entry picked as job `job` goes among `now`: after those picked
/// before it (entries from an earlier visit count as picked first).
fn pick_position(field: &FieldKey, now: &[ManifestEntry], job: u32) -> usize {
    PICKED.with(|p| {
        let p = p.borrow();
        let job_of = |e: &ManifestEntry| p.iter().find(|(f, d, _)| f == field && *d == e.sha256).map_or(0, |(_, _, j)| *j);
        now.iter().position(|e| job_of(e) > job).unwrap_or(now.len())
    })
}

/// The digest of the file as the citizen picked it.
fn source(e: &ManifestEntry) -> Digest {
    e.compression.as_ref().map_or(e.sha256, |c| c.original_sha256)
}

fn entries(value: Option<&Value>) -> Vec<ManifestEntry> {
    value.and_then(Value::as_array).into_iter().flatten().filter_map(ManifestEntry::from_json).collect()
}

fn latest(field: &FieldKey) -> Vec<ManifestEntry> {
    LATEST.with(|l| l.borrow().iter().find(|(p, _)| p == field).map(|(_, e)| e.clone()).unwrap_or_default())
}

fn set_latest(field: &FieldKey, now: Vec<ManifestEntry>) {
    LATEST.with(|l| {
        let mut l = l.borrow_mut();
        l.retain(|(p, _)| p != field);
        l.push((field.clone(), now));
    });
}

fn refuse(field: &FieldKey, name: String, problem: EvidenceProblem) {
    JOBS.with(|j| {
        let mut j = j.borrow_mut();
        let id = u32::MAX - j.len() as u32;
        j.push(Job { field: field.clone(), id, name, done: 0.0, total: 0.0, problem: Some(problem), picked: None });
    });
}

/// The files picked on the form `owner` and not processed yet, for its
/// draft: those being processed, those coming back after a reload, and
/// those lost on the way (still named until the citizen dismisses them).
pub fn picking(owner: (usize, u32)) -> Vec<Picked> {
    let busy = JOBS.with(|j| {
        let j = j.borrow();
        let busy = j.iter().filter(|j| j.field.0 == owner && j.problem.is_none());
        busy.filter_map(|j| Some(Picked { pointer: j.field.1.clone(), key: j.picked.clone()?, name: j.name.clone() })).collect::<Vec<_>>()
    });
    let back = RESUMING.with(|r| r.borrow().iter().filter(|r| r.field.0 == owner).map(|r| r.picked.clone()).collect::<Vec<_>>());
    busy.into_iter().chain(back).collect()
}

/// After a reload: the files picked on the form `owner` that it cut short,
/// as its draft names them. Each field reads its own back when drawn.
pub fn resume(owner: (usize, u32), picked: Vec<Picked>) {
    RESUMING.with(|r| {
        let mut r = r.borrow_mut();
        for p in picked {
            if !r.iter().any(|q| q.picked.key == p.key) {
                r.push(Resuming { field: (owner, p.pointer.clone()), picked: p, asked: false, lost: false });
            }
        }
    });
}

/// Reads back the originals `field` had picked before the reload, and
/// processes each again under its old key.
fn read_back_picked(field: &FieldKey, rule: &EvidenceRule, ev: &Events, redraw: &Callback<()>) {
    let keys: Vec<String> = RESUMING.with(|r| {
        let mut r = r.borrow_mut();
        let waiting = r.iter_mut().filter(|r| r.field == *field && !r.asked);
        waiting.map(|r| {
            r.asked = true;
            r.picked.key.clone()
        }).collect()
    });
    if keys.is_empty() {
        return;
    }
    let mark_lost = |lost: &[String]| RESUMING.with(|r| r.borrow_mut().iter_mut().filter(|r| lost.contains(&r.picked.key)).for_each(|r| r.lost = true));
    let (field_in, rule, ev_in, redraw_in) = (field.clone(), rule.clone(), ev.clone(), redraw.clone());
    let on_event = Callback::from(move |event: JobEvent| {
        let JobEvent::Restored { files, lost } = event else { return };
        mark_lost(&lost);
        let files: Vec<Pick> = files
            .into_iter()
            .filter_map(|(key, blob)| {
                RESUMING.with(|r| r.borrow_mut().retain(|r| r.picked.key != key));
                Some(Pick { file: blob.dyn_into::<File>().ok()?, picked: Some(key), edits: None })
            })
            .collect();
        start_jobs(files, &field_in, &rule, &ev_in, &redraw_in);
        ev_in.files_changed.emit(());
    });
    if evidence_client::resume(&keys, on_event).is_none() {
        mark_lost(&keys);
        redraw.emit(());
    }
}

/// A file handed to the worker: where its original is kept while it is
/// processed, and what is done to it before it is hashed.
struct Pick {
    file: File,
    picked: Option<String>,
    edits: Option<Value>,
}

/// Today's date as the use mark writes it ("3 ธ.ค. 2569").
fn today_th() -> String {
    let opts = js_sys::Object::new();
    for (k, v) in [("day", "numeric"), ("month", "short"), ("year", "numeric")] {
        js_sys::Reflect::set(&opts, &k.into(), &v.into()).ok();
    }
    js_sys::Date::new_0().to_locale_date_string("th-TH", &opts).into()
}

/// What is done to a copy before it is hashed: the use mark, and the
/// regions blacked out.
fn edits(rule: &EvidenceRule, regions: &[[f64; 4]]) -> Option<Value> {
    rule.edits_images().then(|| serde_json::json!({ "mark": rule.use_mark.as_ref().map(|m| m.text("", &today_th())), "rects": regions }))
}

/// Hands the picked files to the worker, as many as the rule leaves room
/// for; `redraw` draws the field again as they progress. Each original is
/// kept on the device while it is processed, unless the citizen said the
/// computer is shared, or the field marks copies (whose originals are never
/// kept).
fn add_files(files: Vec<File>, field: &FieldKey, rule: &EvidenceRule, ev: &Events, redraw: &Callback<()>) {
    let keeps = crate::storage::keeps_files() && !rule.edits_images();
    let files = files.into_iter().map(|file| Pick { file, picked: keeps.then(picked_key), edits: edits(rule, &[]) }).collect();
    start_jobs(files, field, rule, ev, redraw);
    ev.files_changed.emit(());
}

/// A new key for an original kept while it is processed.
fn picked_key() -> String {
    format!("picked-{:x}-{:x}", js_sys::Date::now() as u64, (js_sys::Math::random() * 1e12) as u64)
}

/// Starts a job for each file, the original kept under its key if it has one.
fn start_jobs(files: Vec<Pick>, field: &FieldKey, rule: &EvidenceRule, ev: &Events, redraw: &Callback<()>) {
    let busy = JOBS.with(|j| j.borrow().iter().filter(|j| j.field == *field && j.problem.is_none()).count());
    let room = rule.max_count.saturating_sub(latest(field).len() + busy);
    for (i, Pick { file, picked, edits }) in files.into_iter().enumerate() {
        if i >= room {
            refuse(field, file.name(), EvidenceProblem::TooMany { limit: rule.max_count });
            continue;
        }
        let job_id = Rc::new(std::cell::Cell::new(0u32));
        let (id_in, pointer, ev_in, redraw_in) = (job_id.clone(), field.clone(), ev.clone(), redraw.clone());
        let on_event = Callback::from(move |event: JobEvent| {
            let id = id_in.get();
            let mut event = event;
            if let JobEvent::Done { not_kept: Some(why), .. } = &event {
                NOT_KEPT.with(|n| {
                    let mut n = n.borrow_mut();
                    n.retain(|(f, _)| *f != pointer);
                    n.push((pointer.clone(), why.clone()));
                });
            }
            let mut value = None;
            if let JobEvent::Done { entry, blob, .. } = &event {
                // The same file twice: same bytes as picked, whatever compression made of them.
                let now = latest(&pointer);
                match now.iter().find(|e| source(e) == source(entry)).map(|e| e.name.clone()) {
                    Some(of) => event = JobEvent::Failed(EvidenceProblem::Duplicate { of }),
                    None => {
                        evidence_client::keep(&entry.sha256.hex(), blob.clone());
                        let mut now = now;
                        now.insert(pick_position(&pointer, &now, id), entry.clone());
                        PICKED.with(|p| p.borrow_mut().push((pointer.clone(), entry.sha256, id)));
                        value = Some(Value::Array(now.iter().map(ManifestEntry::to_json).collect()));
                        set_latest(&pointer, now);
                    }
                }
            }
            let finished = !matches!(event, JobEvent::Progress { .. });
            JOBS.with(|j| {
                let mut j = j.borrow_mut();
                let Some(job) = j.iter_mut().find(|j| j.id == id) else { return };
                match event {
                    JobEvent::Progress { done, total } => {
                        job.done = done;
                        job.total = total;
                    }
                    JobEvent::Failed(p) => job.problem = Some(p),
                    _ => j.retain(|j| j.id != id),
                }
            });
            // The draft, written after the job is gone from the list, no
            // longer names the original: the processed file replaces it.
            match value {
                Some(value) => {
                    ev_in.on_input.emit((pointer.1.clone(), Some(value)));
                    ev_in.on_blur.emit(pointer.1.clone());
                }
                None if finished => ev_in.files_changed.emit(()),
                None => {}
            }
            redraw_in.emit(());
        });
        ask_persistent_storage();
        match evidence_client::process(&file, rule, crate::storage::keeps_files(), picked.as_deref(), edits.as_ref(), on_event) {
            Some(id) => {
                job_id.set(id);
                JOBS.with(|j| j.borrow_mut().push(Job { field: field.clone(), id, name: file.name(), done: 0.0, total: 0.0, problem: None, picked }));
            }
            None => refuse(field, file.name(), EvidenceProblem::OutOfMemory),
        }
    }
    redraw.emit(());
}

/// What stops the form `owner` from being sent with its files as the
/// citizen attached them, among its evidence fields `shown` (each with its
/// value): a file the device no longer has, one still coming back from it,
/// or one still being processed.
pub fn file_problems(owner: (usize, u32), shown: &[(&JsonPointer, Option<&Value>)], lang: Lang) -> Vec<(JsonPointer, String)> {
    let say = |name: &str, what: i18n::Phrase| format!("{name}: {}", what.get(lang));
    // In the order the field lists them.
    let mut out: Vec<(JsonPointer, String)> = Vec::new();
    for (p, value) in shown {
        for e in entries(*value).iter().filter(|e| evidence_client::file(&e.sha256.hex()).is_none()) {
            let lost = LOST.with(|l| l.borrow().contains(&e.sha256.hex()));
            out.push(((*p).clone(), say(&e.name, if lost { i18n::REATTACH } else { i18n::RESTORING_FILE })));
        }
    }
    RESUMING.with(|r| {
        for r in r.borrow().iter().filter(|r| r.field.0 == owner) {
            out.push((r.field.1.clone(), say(&r.picked.name, if r.lost { i18n::PICKED_LOST } else { i18n::RESTORING_FILE })));
        }
    });
    JOBS.with(|j| {
        for j in j.borrow().iter().filter(|j| j.field.0 == owner && j.problem.is_none()) {
            out.push((j.field.1.clone(), say(&j.name, i18n::STILL_PROCESSING)));
        }
    });
    out.retain(|(p, _)| shown.iter().any(|(q, _)| *q == p));
    // One message a field, naming each of its files.
    let mut merged: Vec<(JsonPointer, String)> = Vec::new();
    for (p, m) in out {
        match merged.iter_mut().find(|(q, _)| *q == p) {
            Some((_, all)) => {
                all.push_str("; ");
                all.push_str(&m);
            }
            None => merged.push((p, m)),
        }
    }
    merged
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
    html! {
        <>
            <br />
            <small class={format!("evidence-signature verdict-{}", s.verdict)}>{ format!("{}: {text}", i18n::E_SIGNATURE.get(lang)) }</small>
        </>
    }
}

fn icon_button(label: String, class: &'static str, onclick: Callback<MouseEvent>) -> Html {
    html! { <button type="button" {class} aria-label={label} {onclick}>{ "✕" }</button> }
}

#[derive(Properties, PartialEq)]
struct ThumbnailProps {
    sha256: AttrValue,
}

/// A photo's thumbnail, drawn on a canvas from the kept file. A canvas, not
/// an `<img src="blob:…">`: the strict CSP an agency site may send forbids
/// `blob:` images.
#[component]
fn Thumbnail(props: &ThumbnailProps) -> Html {
    const SIZE: u32 = 112;
    let canvas = use_node_ref();
    {
        let canvas = canvas.clone();
        use_effect_with(props.sha256.clone(), move |sha| {
            use wasm_bindgen_futures::JsFuture;
            use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageBitmap};
            let promise = (|| {
                let canvas = canvas.cast::<HtmlCanvasElement>()?;
                let blob = evidence_client::file(sha)?;
                Some((canvas, web_sys::window()?.create_image_bitmap_with_blob(&blob).ok()?))
            })();
            if let Some((canvas, promise)) = promise {
                wasm_bindgen_futures::spawn_local(async move {
                    let Some(bitmap) = JsFuture::from(promise).await.ok().and_then(|b| b.dyn_into::<ImageBitmap>().ok()) else { return };
                    let ctx = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
                    if let Some(ctx) = ctx {
                        // Cover the square, centred, as `object-fit: cover` would.
                        let (w, h) = (f64::from(bitmap.width()), f64::from(bitmap.height()));
                        let side = w.min(h);
                        let s = f64::from(SIZE);
                        ctx.draw_image_with_image_bitmap_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(&bitmap, (w - side) / 2.0, (h - side) / 2.0, side, side, 0.0, 0.0, s, s).ok();
                    }
                    bitmap.close();
                });
            }
        });
    }
    html! { <canvas ref={canvas} class="evidence-thumb" width="112" height="112" aria-hidden="true" data-sha256={props.sha256.clone()} /> }
}

#[derive(Properties, PartialEq)]
pub struct EvidenceProps {
    pub field: Rc<Field>,
    pub rule: EvidenceRule,
    pub value: Option<Value>,
    pub error: Option<String>,
    pub lang: Lang,
    pub ev: Events,
}

#[component]
pub fn EvidenceField(props: &EvidenceProps) -> Html {
    let EvidenceProps { field: f, rule, value, error, lang, ev } = props;
    let lang = *lang;
    let force = use_force_update();
    let redraw = use_memo((), move |_| Callback::from(move |_| force.force_update()));
    let redraw = (*redraw).clone();
    let id = field_id(&f.pointer);
    let key: FieldKey = (ev.owner, f.pointer.clone());
    let attached = entries(value.as_ref());
    set_latest(&key, attached.clone());
    let full = attached.len() >= rule.max_count;
    let images = rule.accept.iter().any(|t| t.is_compressible_image());
    let accept: Vec<&str> = rule.accept.iter().map(|t| t.mime()).collect();
    let remove = |i: usize| {
        let (key, on_input) = (key.clone(), ev.on_input.clone());
        Callback::from(move |_: MouseEvent| {
            let mut now = latest(&key);
            if i < now.len() {
                now.remove(i);
            }
            let value = (!now.is_empty()).then(|| Value::Array(now.iter().map(ManifestEntry::to_json).collect()));
            on_input.emit((key.1.clone(), value));
        })
    };
    let remove_label = |name: &str| format!("{}: {name}", i18n::REMOVE_ITEM.get(lang));
    // A draft restored after a reload names its files: read back from the
    // device, each checked against its SHA-256.
    let missing: Vec<String> = attached.iter().map(|e| e.sha256.hex()).filter(|h| evidence_client::file(h).is_none()).collect();
    {
        let (redraw, changed) = (redraw.clone(), ev.files_changed.clone());
        use_effect_with(missing.clone(), move |missing| {
            if !missing.is_empty() {
                restore(missing.clone(), &redraw, &changed);
            }
        });
    }
    // Files picked before a reload cut their processing short.
    {
        let (key, rule, ev, redraw) = (key.clone(), rule.clone(), ev.clone(), redraw.clone());
        let waiting = RESUMING.with(|r| r.borrow().iter().any(|r| r.field == key && !r.asked));
        use_effect_with(waiting, move |waiting| {
            if *waiting {
                read_back_picked(&key, &rule, &ev, &redraw);
            }
        });
    }
    let resuming: Vec<Html> = RESUMING.with(|r| {
        r.borrow()
            .iter()
            .filter(|r| r.field == key)
            .map(|r| {
                let (name, k) = (r.picked.name.clone(), r.picked.key.clone());
                if !r.lost {
                    return html! {
                        <li key={k} class="evidence-file" role="status">
                            <span class="evidence-name"><strong>{ name }</strong><br />{ i18n::RESTORING_FILE.get(lang) }</span>
                        </li>
                    };
                }
                let (gone, files_changed, redraw) = (k.clone(), ev.files_changed.clone(), redraw.clone());
                let dismiss = Callback::from(move |_: MouseEvent| {
                    RESUMING.with(|r| r.borrow_mut().retain(|r| r.picked.key != gone));
                    files_changed.emit(());
                    redraw.emit(());
                });
                html! {
                    <li key={k} class="evidence-file evidence-problem" role="alert">
                        <span class="evidence-name"><strong>{ name.clone() }</strong><br />{ i18n::PICKED_LOST.get(lang) }</span>
                        { icon_button(remove_label(&name), "icon-button remove", dismiss) }
                    </li>
                }
            })
            .collect()
    });
    let not_kept = NOT_KEPT.with(|n| n.borrow().iter().find(|(f, _)| *f == key).map(|(_, why)| why.clone()));
    let files = attached.iter().enumerate().map(|(i, e)| {
        let hash = e.sha256.hex();
        if evidence_client::file(&hash).is_none() {
            let lost = LOST.with(|l| l.borrow().contains(&hash));
            return match lost {
                // Not on the device (another browser, a shared computer,
                // storage cleared) or changed there: ask for it again.
                true => html! {
                    <li key={hash.clone()} class="evidence-file evidence-problem" role="alert">
                        <span class="evidence-name"><strong>{ e.name.clone() }</strong><br />{ i18n::REATTACH.get(lang) }</span>
                        { icon_button(remove_label(&e.name), "icon-button remove", remove(i)) }
                    </li>
                },
                false => html! {
                    <li key={hash.clone()} class="evidence-file" role="status">
                        <span class="evidence-name"><strong>{ e.name.clone() }</strong><br />{ i18n::RESTORING_FILE.get(lang) }</span>
                    </li>
                },
            };
        }
        let sizes = match &e.compression {
            Some(c) => format!("{} → {}", readable_size(c.original_size), readable_size(e.size)),
            None => readable_size(e.size),
        };
        let icon = if e.media_type.is_compressible_image() {
            html! { <Thumbnail sha256={hash.clone()} /> }
        } else {
            html! { <span class="evidence-icon" aria-hidden="true">{ e.media_type.extension().to_ascii_uppercase() }</span> }
        };
        html! {
            <li key={hash.clone()} class="evidence-file">
                { icon }
                // The name opens the file as it will be sent (after compression).
                <span class="evidence-name">
                    <a class="evidence-open" href={evidence_client::url(&hash).unwrap_or_default()} target="_blank" rel="noopener">{ e.name.clone() }</a>
                    <br />
                    <small>{ sizes }</small>
                    { signature_line(e, lang) }
                </span>
                { icon_button(remove_label(&e.name), "icon-button remove", remove(i)) }
            </li>
        }
    });
    let jobs: Vec<Html> = JOBS.with(|jobs| {
        jobs.borrow()
            .iter()
            .filter(|j| j.field == key)
            .map(|j| {
                let jid = j.id;
                match &j.problem {
                    Some(p) => {
                        let redraw = redraw.clone();
                        let dismiss = Callback::from(move |_: MouseEvent| {
                            JOBS.with(|j| j.borrow_mut().retain(|j| j.id != jid));
                            redraw.emit(());
                        });
                        html! {
                            <li key={format!("job-{jid}")} class="evidence-file evidence-problem" role="alert">
                                <span class="evidence-name"><strong>{ j.name.clone() }</strong><br />{ p.message(lang) }</span>
                                { icon_button(i18n::DISMISS.get(lang).to_owned(), "icon-button", dismiss) }
                            </li>
                        }
                    }
                    None => html! {
                        <li key={format!("job-{jid}")} class="evidence-file evidence-busy">
                            <span class="evidence-name">
                                { j.name.clone() }
                                <br />
                                <progress max={(j.total.max(1.0) as u64).to_string()} value={(j.done as u64).to_string()}
                                    aria-label={format!("{}: {}", i18n::PROCESSING.get(lang), j.name)} />
                            </span>
                            { icon_button(format!("{}: {}", i18n::CANCEL.get(lang), j.name), "icon-button", Callback::from(move |_: MouseEvent| evidence_client::cancel(jid))) }
                        </li>
                    },
                }
            })
            .collect()
    });
    // Copies whose parts may be blacked out go through the editor first, one by one.
    let editing = use_state(Vec::<File>::new);
    let take = {
        let (key, rule, ev, redraw, editing) = (key.clone(), rule.clone(), ev.clone(), redraw.clone(), editing.clone());
        Callback::from(move |files: Vec<File>| {
            // What cannot be a picture goes straight to the worker, which names why it is refused.
            let (pictures, others): (Vec<File>, Vec<File>) = files.into_iter().partition(|f| rule.redact && f.type_().starts_with("image/"));
            if !others.is_empty() {
                add_files(others, &key, &rule, &ev, &redraw);
            }
            if !pictures.is_empty() {
                editing.set((*editing).iter().cloned().chain(pictures).collect());
            }
        })
    };
    let editor = editing.first().map(|file| {
        let mark = rule.use_mark.as_ref().map(|m| AttrValue::from(m.text("", &today_th())));
        let (key, rule, ev, redraw, editing, file_in) = (key.clone(), rule.clone(), ev.clone(), redraw.clone(), editing.clone(), file.clone());
        let on_done = Callback::from(move |outcome: Outcome| {
            match outcome {
                Outcome::Attach(regions) => {
                    let pick = Pick { file: file_in.clone(), picked: None, edits: edits(&rule, &regions) };
                    start_jobs(vec![pick], &key, &rule, &ev, &redraw);
                    ev.files_changed.emit(());
                }
                Outcome::Undrawable => add_files(vec![file_in.clone()], &key, &rule, &ev, &redraw),
                Outcome::Cancelled => {}
            }
            editing.set(editing.iter().skip(1).cloned().collect());
        });
        html! { <super::redact::RedactEditor key={format!("{}-{}", file.name(), file.last_modified() as u64)} file={file.clone()} {lang} {mark} {on_done} /> }
    });
    let picker = |label: &str, input_id: Option<String>, accept: String, capture: Option<&'static str>, multiple: bool| {
        let take = take.clone();
        let onchange = Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
            let files = files_of(input.files());
            input.set_value("");
            take.emit(files);
        });
        html! {
            <label class={if full { "secondary file-button disabled" } else { "secondary file-button" }}>
                { label.to_owned() }
                <input id={input_id} type="file" class="visually-hidden" {accept} {capture} {multiple} disabled={full} {onchange} />
            </label>
        }
    };
    let ondrop = {
        let take = take.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            take.emit(files_of(e.data_transfer().and_then(|t| t.files())));
        })
    };
    html! {
        <fieldset class={field_class("field evidence", error.as_deref())} id={id.clone()} tabindex="-1"
            ondragover={|e: DragEvent| e.prevent_default()} {ondrop}>
            <legend>{ label_text(f.label.get(lang), f.required, lang) }</legend>
            { help_text(f, lang, None) }
            <p class="field-help">{ format!("{} {}", i18n::EVIDENCE_LIMITS.get(lang), limits(rule, lang)) }</p>
            <ul class="evidence-files">{ for files }{ for resuming }{ for jobs }</ul>
            if let Some(why) = not_kept {
                <p class="field-help evidence-not-kept" role="status">{ format!("{} {}", if why == "QuotaExceededError" { i18n::DEVICE_FULL.get(lang) } else { i18n::DEVICE_REFUSED.get(lang) }, i18n::NOT_KEPT.get(lang)) }</p>
            }
            { for editor }
            <div class="evidence-actions">
                if images {
                    { picker(i18n::TAKE_PHOTO.get(lang), None, "image/jpeg,image/png".to_owned(), Some("environment"), false) }
                }
                { picker(i18n::CHOOSE_FILES.get(lang), Some(format!("{id}-files")), accept.join(","), None, rule.max_count > 1) }
            </div>
            { error_text(error.as_deref(), format!("{id}-error")) }
        </fieldset>
    }
}
