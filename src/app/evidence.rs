//! An evidence field without Yew: take a photo or pick files (or drop
//! them), and watch each one checked, compressed and hashed in the worker,
//! with its size before and after, a progress bar and a cancel button. The
//! field's value is the manifest entries of the files attached.

use std::cell::RefCell;
use std::rc::Rc;

use eservice_core::evidence::rule::readable_size;
use eservice_core::evidence::{Digest, EvidenceProblem, EvidenceRule, ManifestEntry};
use eservice_core::form::Field;
use eservice_core::{JsonPointer, Lang};
use serde_json::Value;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, Event, File, HtmlInputElement};

use super::fields::Events;
use super::field::{error_node, field_class, field_id, help_node, label_nodes};
use crate::evidence_client::{self, JobEvent};
use crate::i18n;
use crate::picked_files::files_of;
use crate::vdom::{el, Elem, Node};

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
        j.push(Job { field: field.clone(), id, name, done: 0.0, total: 0.0, problem: Some(problem) });
    });
}

/// Hands the picked files to the worker, as many as the rule leaves room for.
fn add_files(files: Vec<File>, field: &FieldKey, rule: &EvidenceRule, ev: &Events) {
    let busy = JOBS.with(|j| j.borrow().iter().filter(|j| j.field == *field && j.problem.is_none()).count());
    let room = rule.max_count.saturating_sub(latest(field).len() + busy);
    for (i, file) in files.into_iter().enumerate() {
        if i >= room {
            refuse(field, file.name(), EvidenceProblem::TooMany { limit: rule.max_count });
            continue;
        }
        let job_id = Rc::new(std::cell::Cell::new(0u32));
        let (id_in, pointer, ev_in) = (job_id.clone(), field.clone(), ev.clone());
        let on_event = yew::Callback::from(move |event: JobEvent| {
            let id = id_in.get();
            let mut event = event;
            if let JobEvent::Done { entry, blob } = &event {
                // The same file twice: same bytes as picked, whatever compression made of them.
                let now = latest(&pointer);
                match now.iter().find(|e| source(e) == source(entry)).map(|e| e.name.clone()) {
                    Some(of) => event = JobEvent::Failed(EvidenceProblem::Duplicate { of }),
                    None => {
                        evidence_client::keep(&entry.sha256.hex(), blob.clone());
                        let mut now = now;
                        now.insert(pick_position(&pointer, &now, id), entry.clone());
                        PICKED.with(|p| p.borrow_mut().push((pointer.clone(), entry.sha256, id)));
                        let value = Value::Array(now.iter().map(ManifestEntry::to_json).collect());
                        set_latest(&pointer, now);
                        (ev_in.on_input)(pointer.1.clone(), Some(value));
                        (ev_in.on_blur)(pointer.1.clone());
                    }
                }
            }
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
            (ev_in.page.redraw)();
        });
        match evidence_client::process(&file, rule, on_event) {
            Some(id) => {
                job_id.set(id);
                JOBS.with(|j| j.borrow_mut().push(Job { field: field.clone(), id, name: file.name(), done: 0.0, total: 0.0, problem: None }));
            }
            None => refuse(field, file.name(), EvidenceProblem::OutOfMemory),
        }
    }
    (ev.page.redraw)();
}

fn limits(rule: &EvidenceRule, lang: Lang) -> String {
    let types = rule.accept.iter().map(|t| t.extension().to_ascii_uppercase()).collect::<Vec<_>>().join(", ");
    match lang {
        Lang::Th => format!("{types} ได้ไม่เกิน {} ไฟล์ ขนาดไฟล์ละไม่เกิน {}", rule.max_count, readable_size(rule.max_bytes)),
        Lang::En => format!("{types}, at most {} file(s) of up to {} each", rule.max_count, readable_size(rule.max_bytes)),
    }
}

/// For a signed PDF: what the intake verification said of its signature.
fn signature_line(e: &ManifestEntry, lang: Lang) -> Vec<Node> {
    let Some(s) = &e.signature else { return Vec::new() };
    let text = match (s.verdict.as_str(), &s.signed_by) {
        ("valid", Some((th, en))) => format!("{} {}", i18n::SIGNED_BY.get(lang), lang.pick(th, en)),
        (key, _) => i18n::signature_verdict(key).get(lang).to_owned(),
    };
    vec![
        el("br").into(),
        el("small").attr("class", &format!("evidence-signature verdict-{}", s.verdict)).text(&format!("{}: {text}", i18n::E_SIGNATURE.get(lang))).into(),
    ]
}

fn icon_button(label: &str, on: impl Fn(&Event) + 'static) -> Elem {
    el("button").attr("type", "button").attr("class", "icon-button").attr("aria-label", label).on("click", on).text("✕")
}

/// A photo's thumbnail, drawn on a canvas from the kept file once the
/// canvas is on the page. A canvas, not an `<img src="blob:…">`: the strict
/// CSP an agency site may send forbids `blob:` images.
fn thumbnail(sha256: &str) -> Elem {
    const SIZE: u32 = 112;
    let sha = sha256.to_owned();
    el("canvas")
        .attr("class", "evidence-thumb")
        .attr("width", "112")
        .attr("height", "112")
        .attr("aria-hidden", "true")
        .attr("data-sha256", sha256)
        .key(format!("thumb-{sha}"))
        .on("eservice-draw", move |e: &Event| {
            use wasm_bindgen_futures::JsFuture;
            use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageBitmap};
            let Some(canvas) = e.target().and_then(|t| t.dyn_into::<HtmlCanvasElement>().ok()) else { return };
            let (Some(blob), Some(window)) = (evidence_client::file(&sha), web_sys::window()) else { return };
            let Ok(promise) = window.create_image_bitmap_with_blob(&blob) else { return };
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
        })
}

/// Draws the thumbnails not drawn yet under `root`: each canvas is told
/// once, by an event of its own, that it is on the page.
pub fn draw_thumbnails(root: &web_sys::Element) {
    let Ok(list) = root.query_selector_all("canvas.evidence-thumb:not([data-drawn])") else { return };
    for i in 0..list.length() {
        let Some(c) = list.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        let _ = c.set_attribute("data-drawn", "");
        if let Ok(e) = Event::new("eservice-draw") {
            let _ = c.dispatch_event(&e);
        }
    }
}

pub fn evidence(f: &Field, rule: &EvidenceRule, value: Option<&Value>, error: Option<String>, lang: Lang, ev: &Events) -> Elem {
    let id = field_id(&f.pointer);
    let key: FieldKey = (ev.page.owner, f.pointer.clone());
    let attached = entries(value);
    set_latest(&key, attached.clone());
    let full = attached.len() >= rule.max_count;
    let images = rule.accept.iter().any(|t| t.is_compressible_image());
    let accept: Vec<&str> = rule.accept.iter().map(|t| t.mime()).collect();
    let remove = |i: usize| {
        let (key, on_input) = (key.clone(), ev.on_input.clone());
        move |_: &Event| {
            let mut now = latest(&key);
            if i < now.len() {
                now.remove(i);
            }
            let value = (!now.is_empty()).then(|| Value::Array(now.iter().map(ManifestEntry::to_json).collect()));
            on_input(key.1.clone(), value);
        }
    };
    let remove_label = |name: &str| format!("{}: {name}", i18n::REMOVE_ITEM.get(lang));
    let mut items: Vec<Node> = attached
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let hash = e.sha256.hex();
            // A draft restored after a reload keeps the entries, but the
            // files themselves stayed in the closed page: ask for them again.
            if evidence_client::file(&hash).is_none() {
                return el("li")
                    .attr("class", "evidence-file evidence-problem")
                    .attr("role", "alert")
                    .child(el("span").attr("class", "evidence-name").child(el("strong").text(&e.name)).child(el("br")).text(i18n::REATTACH.get(lang)))
                    .child(icon_button(&remove_label(&e.name), remove(i)).attr("class", "icon-button remove"))
                    .into();
            }
            let sizes = match &e.compression {
                Some(c) => format!("{} → {}", readable_size(c.original_size), readable_size(e.size)),
                None => readable_size(e.size),
            };
            let icon = if e.media_type.is_compressible_image() {
                thumbnail(&hash)
            } else {
                el("span").attr("class", "evidence-icon").attr("aria-hidden", "true").text(&e.media_type.extension().to_ascii_uppercase())
            };
            el("li")
                .attr("class", "evidence-file")
                .child(icon)
                // The name opens the file as it will be sent (after compression).
                .child(
                    el("span")
                        .attr("class", "evidence-name")
                        .child(el("a").attr("class", "evidence-open").attr("href", &evidence_client::url(&hash).unwrap_or_default()).attr("target", "_blank").attr("rel", "noopener").text(&e.name))
                        .child(el("br"))
                        .child(el("small").text(&sizes))
                        .children(signature_line(e, lang)),
                )
                .child(icon_button(&remove_label(&e.name), remove(i)).attr("class", "icon-button remove"))
                .into()
        })
        .collect();
    JOBS.with(|jobs| {
        for j in jobs.borrow().iter().filter(|j| j.field == key) {
            let jid = j.id;
            items.push(match &j.problem {
                Some(p) => {
                    let redraw = ev.page.redraw.clone();
                    el("li")
                        .attr("class", "evidence-file evidence-problem")
                        .attr("role", "alert")
                        .child(el("span").attr("class", "evidence-name").child(el("strong").text(&j.name)).child(el("br")).text(&p.message(lang)))
                        .child(icon_button(i18n::DISMISS.get(lang), move |_: &Event| {
                            JOBS.with(|j| j.borrow_mut().retain(|j| j.id != jid));
                            redraw();
                        }))
                        .into()
                }
                None => el("li")
                    .attr("class", "evidence-file evidence-busy")
                    .child(
                        el("span").attr("class", "evidence-name").text(&j.name).child(el("br")).child(
                            el("progress")
                                .attr("max", &(j.total.max(1.0) as u64).to_string())
                                .attr("value", &(j.done as u64).to_string())
                                .attr("aria-label", &format!("{}: {}", i18n::PROCESSING.get(lang), j.name)),
                        ),
                    )
                    .child(icon_button(&format!("{}: {}", i18n::CANCEL.get(lang), j.name), move |_: &Event| evidence_client::cancel(jid)))
                    .into(),
            });
        }
    });
    let picker = |label: &str, input: Elem| {
        let (key, rule, ev) = (key.clone(), rule.clone(), ev.clone());
        el("label").attr("class", if full { "secondary file-button disabled" } else { "secondary file-button" }).text(label).child(
            input.attr("type", "file").attr("class", "visually-hidden").flag("disabled", full).on("change", move |e: &Event| {
                let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
                let files = files_of(input.files());
                input.set_value("");
                add_files(files, &key, &rule, &ev);
            }),
        )
    };
    let mut actions = el("div").attr("class", "evidence-actions");
    if images {
        actions = actions.child(picker(i18n::TAKE_PHOTO.get(lang), el("input").attr("accept", "image/jpeg,image/png").attr("capture", "environment")));
    }
    actions = actions.child(picker(
        i18n::CHOOSE_FILES.get(lang),
        el("input").attr("id", &format!("{id}-files")).attr("accept", &accept.join(",")).flag("multiple", rule.max_count > 1),
    ));
    let on_drop = {
        let (key, rule, ev) = (key.clone(), rule.clone(), ev.clone());
        move |e: &Event| {
            e.prevent_default();
            let files = e.dyn_ref::<DragEvent>().map(|d| files_of(d.data_transfer().and_then(|t| t.files()))).unwrap_or_default();
            add_files(files, &key, &rule, &ev);
        }
    };
    el("fieldset")
        .attr("class", &field_class("field evidence", error.as_deref()))
        .attr("id", &id)
        .attr("tabindex", "-1")
        .on("dragover", |e: &Event| e.prevent_default())
        .on("drop", on_drop)
        .child(el("legend").children(label_nodes(f.label.get(lang), f.required, lang)))
        .child(help_node(f, lang, None))
        .child(el("p").attr("class", "field-help").text(&format!("{} {}", i18n::EVIDENCE_LIMITS.get(lang), limits(rule, lang))))
        .child(el("ul").attr("class", "evidence-files").children(items))
        .child(actions)
        .child(error_node(error.as_deref(), &format!("{id}-error")))
}
