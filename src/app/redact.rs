//! Blacking out parts of a copy before it is attached: the religion on an
//! ID card, the laser code on its back. The citizen drags rectangles over
//! the picture by touch or mouse (or, on the keyboard, moves a frame with
//! the arrows, sizes it with Shift and the arrows, and covers it with
//! Enter), takes back the last one, and attaches;
//! the worker then paints them black on the full picture (and writes the
//! use mark across it) before it is hashed. Nothing is kept of the picture
//! as it was picked.

use std::cell::RefCell;
use std::rc::Rc;

use eservice_core::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{CanvasRenderingContext2d, File, HtmlCanvasElement, ImageBitmap, ImageBitmapOptions, ImageOrientation, PointerEvent};
use yew::prelude::*;

use crate::i18n;

/// A region, as fractions of the picture: `[x, y, w, h]`.
pub type Region = [f64; 4];

/// How the editor was left.
pub enum Outcome {
    /// Attach, with these regions blacked out.
    Attach(Vec<Region>),
    Cancelled,
    /// The browser could not draw it: the worker says why (HEIC, damaged…).
    Undrawable,
}

/// Wide enough to see what is covered, small enough for a phone to decode.
const PREVIEW_WIDTH: u32 = 1200;

#[derive(Properties, PartialEq)]
pub struct RedactProps {
    pub file: File,
    pub lang: Lang,
    /// The words that will be written across it, shown before attaching.
    pub mark: Option<AttrValue>,
    pub on_done: Callback<Outcome>,
}

/// The picture, its regions black, and (for the keyboard) the frame.
fn draw(canvas: &HtmlCanvasElement, bitmap: &ImageBitmap, regions: &[Region], frame: Option<Region>) {
    let Some(ctx) = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok()) else { return };
    let (w, h) = (f64::from(canvas.width()), f64::from(canvas.height()));
    ctx.draw_image_with_image_bitmap_and_dw_and_dh(bitmap, 0.0, 0.0, w, h).ok();
    ctx.set_fill_style_str("#000");
    for [x, y, rw, rh] in regions {
        ctx.fill_rect(x * w, y * h, rw * w, rh * h);
    }
    if let Some([x, y, rw, rh]) = frame {
        ctx.set_line_width(4.0);
        ctx.set_stroke_style_str("#f2a900");
        ctx.stroke_rect(x * w, y * h, rw * w, rh * h);
    }
}

/// The keyboard's frame after `key` (Shift: sized instead of moved).
fn moved(frame: Region, key: &str, shift: bool) -> Option<Region> {
    const STEP: f64 = 0.02;
    let (dx, dy) = match key {
        "ArrowLeft" => (-STEP, 0.0),
        "ArrowRight" => (STEP, 0.0),
        "ArrowUp" => (0.0, -STEP),
        "ArrowDown" => (0.0, STEP),
        _ => return None,
    };
    let [x, y, w, h] = frame;
    // max/min, not clamp: clamp's panic on crossed bounds would carry
    // float Debug formatting into the first load (measured: +11 KB gz).
    Some(match shift {
        true => [x, y, (w + dx).max(STEP).min(1.0 - x), (h + dy).max(STEP).min(1.0 - y)],
        false => [(x + dx).max(0.0).min(1.0 - w), (y + dy).max(0.0).min(1.0 - h), w, h],
    })
}

/// Where a pointer is on the canvas, as fractions of it.
fn at(canvas: &HtmlCanvasElement, e: &PointerEvent) -> (f64, f64) {
    let r = canvas.get_bounding_client_rect();
    let f = |v: f64, start: f64, size: f64| ((v - start) / size.max(1.0)).clamp(0.0, 1.0);
    (f(f64::from(e.client_x()), r.left(), r.width()), f(f64::from(e.client_y()), r.top(), r.height()))
}

/// The rectangle between two corners.
fn region((x0, y0): (f64, f64), (x1, y1): (f64, f64)) -> Region {
    [x0.min(x1), y0.min(y1), (x1 - x0).abs(), (y1 - y0).abs()]
}

#[component]
pub fn RedactEditor(props: &RedactProps) -> Html {
    let lang = props.lang;
    let canvas = use_node_ref();
    let bitmap: Rc<RefCell<Option<ImageBitmap>>> = use_mut_ref(|| None);
    let regions = use_state(Vec::<Region>::new);
    let start = use_mut_ref(|| None::<(f64, f64)>);
    // The keyboard's frame, shown while the picture has focus.
    let frame = use_state(|| [0.35, 0.35, 0.3, 0.2]);
    let focused = use_state(|| false);
    let shown_frame = focused.then_some(*frame);
    {
        let (canvas, bitmap, regions, on_done) = (canvas.clone(), bitmap.clone(), regions.clone(), props.on_done.clone());
        use_effect_with(props.file.clone(), move |file| {
            let opts = ImageBitmapOptions::new();
            opts.set_image_orientation(ImageOrientation::FromImage);
            let promise = web_sys::window().and_then(|w| w.create_image_bitmap_with_blob_and_image_bitmap_options(file, &opts).ok());
            wasm_bindgen_futures::spawn_local(async move {
                let full = match promise {
                    Some(p) => JsFuture::from(p).await.ok().and_then(|b| b.dyn_into::<ImageBitmap>().ok()),
                    None => None,
                };
                let (Some(full), Some(c)) = (full, canvas.cast::<HtmlCanvasElement>()) else { return on_done.emit(Outcome::Undrawable) };
                let scale = (f64::from(PREVIEW_WIDTH) / f64::from(full.width().max(1))).min(1.0);
                c.set_width(((f64::from(full.width()) * scale).round() as u32).max(1));
                c.set_height(((f64::from(full.height()) * scale).round() as u32).max(1));
                draw(&c, &full, &regions, None);
                *bitmap.borrow_mut() = Some(full);
            });
        });
    }
    {
        let (canvas, bitmap) = (canvas.clone(), bitmap.clone());
        use_effect_with(((*regions).clone(), shown_frame), move |(regions, frame)| {
            if let (Some(c), Some(b)) = (canvas.cast::<HtmlCanvasElement>(), bitmap.borrow().as_ref()) {
                draw(&c, b, regions, *frame);
            }
        });
    }
    // Closed with the editor: the picture is not kept.
    {
        let bitmap = bitmap.clone();
        use_effect_with((), move |_| move || {
            if let Some(b) = bitmap.borrow_mut().take() {
                b.close();
            }
        });
    }
    let onpointerdown = {
        let (canvas, start) = (canvas.clone(), start.clone());
        Callback::from(move |e: PointerEvent| {
            let Some(c) = canvas.cast::<HtmlCanvasElement>() else { return };
            e.prevent_default();
            c.set_pointer_capture(e.pointer_id()).ok();
            *start.borrow_mut() = Some(at(&c, &e));
        })
    };
    let onpointermove = {
        let (canvas, start, bitmap, regions) = (canvas.clone(), start.clone(), bitmap.clone(), regions.clone());
        Callback::from(move |e: PointerEvent| {
            let (Some(c), Some(from)) = (canvas.cast::<HtmlCanvasElement>(), *start.borrow()) else { return };
            if let Some(b) = bitmap.borrow().as_ref() {
                let mut now = (*regions).clone();
                now.push(region(from, at(&c, &e)));
                draw(&c, b, &now, None);
            }
        })
    };
    let onpointerup = {
        let (canvas, start, regions) = (canvas.clone(), start.clone(), regions.clone());
        Callback::from(move |e: PointerEvent| {
            let (Some(c), Some(from)) = (canvas.cast::<HtmlCanvasElement>(), start.borrow_mut().take()) else { return };
            let r = region(from, at(&c, &e));
            // A tap, not a drag, covers nothing.
            if r[2] > 0.005 && r[3] > 0.005 {
                let mut now = (*regions).clone();
                now.push(r);
                regions.set(now);
            }
        })
    };
    let onkeydown = {
        let (frame, regions) = (frame.clone(), regions.clone());
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            if key == "Enter" || key == " " {
                e.prevent_default();
                let mut now = (*regions).clone();
                now.push(*frame);
                regions.set(now);
            } else if let Some(next) = moved(*frame, &key, e.shift_key()) {
                e.prevent_default();
                frame.set(next);
            }
        })
    };
    let (onfocus, onblur) = {
        let (on, off) = (focused.clone(), focused.clone());
        (Callback::from(move |_: FocusEvent| on.set(true)), Callback::from(move |_: FocusEvent| off.set(false)))
    };
    let undo = {
        let regions = regions.clone();
        Callback::from(move |_: MouseEvent| {
            let mut now = (*regions).clone();
            now.pop();
            regions.set(now);
        })
    };
    let done = {
        let (regions, on_done) = (regions.clone(), props.on_done.clone());
        Callback::from(move |_: MouseEvent| on_done.emit(Outcome::Attach((*regions).clone())))
    };
    let cancel = {
        let on_done = props.on_done.clone();
        Callback::from(move |_: MouseEvent| on_done.emit(Outcome::Cancelled))
    };
    html! {
        <div class="redact" role="group" aria-label={i18n::REDACT_TITLE.get(lang)}>
            <p class="redact-title"><strong>{ i18n::REDACT_TITLE.get(lang) }</strong>{ format!(": {}", props.file.name()) }</p>
            <p class="field-help">{ i18n::REDACT_HELP.get(lang) }</p>
            <p class="field-help">{ format!("{} {}", i18n::REDACT_KEYBOARD.get(lang), i18n::REDACT_KEYS.get(lang)) }</p>
            if let Some(mark) = &props.mark {
                <p class="field-help redact-mark">{ format!("{} “{mark}”", i18n::REDACT_MARK.get(lang)) }</p>
            }
            <canvas ref={canvas} class="redact-canvas" data-regions={regions.len().to_string()} tabindex="0" role="img"
                aria-label={format!("{}: {}", props.file.name(), i18n::REDACT_KEYS.get(lang))}
                {onpointerdown} {onpointermove} {onpointerup} {onkeydown} {onfocus} {onblur} />
            <div class="redact-actions">
                <button type="button" class="secondary" onclick={undo} disabled={regions.is_empty()}>{ i18n::REDACT_UNDO.get(lang) }</button>
                <button type="button" class="primary" onclick={done}>{ i18n::REDACT_DONE.get(lang) }</button>
                <button type="button" class="secondary" onclick={cancel}>{ i18n::CANCEL.get(lang) }</button>
            </div>
        </div>
    }
}
