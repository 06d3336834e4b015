//! Making a photo small with the browser's own codecs: decode (EXIF
//! orientation applied once), scale to the field's long edge, encode as JPEG
//! stepping the quality down to the size target. Re-encoding drops all
//! metadata, so a photo's GPS position never leaves the device.
//!
//! A copy of an ID document may be edited first ([`Edits`]): regions the
//! citizen blacked out are filled black and "ใช้สำหรับ … เท่านั้น" is written
//! across it, on the first canvas, so every later step and the hash carry
//! them; such a copy is always re-encoded, so the original never leaves.

use eservice_core::evidence::{EvidenceProblem, EvidenceRule, MediaType};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, File, ImageBitmap, ImageBitmapOptions, ImageEncodeOptions, ImageOrientation, OffscreenCanvas};

use super::{cancelled, Stop};

/// What the citizen asked done to a copy before it is hashed.
#[derive(Default)]
pub struct Edits {
    /// Written across the image, diagonally, again and again.
    pub mark: Option<String>,
    /// Regions to black out, as fractions of the image: `[x, y, w, h]`.
    pub rects: Vec<[f64; 4]>,
}

impl Edits {
    /// `{"mark": text?, "rects": [[x, y, w, h]…]}`; fractions are clamped to the image.
    pub fn from_json(v: &serde_json::Value) -> Edits {
        let rects = v["rects"].as_array().into_iter().flatten().filter_map(|r| {
            let n: Vec<f64> = r.as_array()?.iter().filter_map(serde_json::Value::as_f64).map(|x| x.clamp(0.0, 1.0)).collect();
            let [x, y, w, h] = <[f64; 4]>::try_from(n).ok()?;
            (w > 0.0 && h > 0.0).then_some([x, y, w.min(1.0 - x), h.min(1.0 - y)])
        });
        Edits { mark: v["mark"].as_str().map(str::to_owned), rects: rects.collect() }
    }

    /// Writes the mark across, then blacks out the regions (last, so they
    /// are wholly black), on a `w`×`h` canvas.
    fn paint(&self, ctx: &web_sys::OffscreenCanvasRenderingContext2d, w: f64, h: f64) {
        if let Some(text) = &self.mark {
            // Along the diagonal, sized so one line spans most of it, repeated
            // above and below so no part of the card is left unmarked.
            let diagonal = w.hypot(h);
            ctx.save();
            ctx.translate(w / 2.0, h / 2.0).ok();
            ctx.rotate(-(h.atan2(w))).ok();
            ctx.set_font("bold 100px sans-serif");
            let width = ctx.measure_text(text).map(|m| m.width()).unwrap_or(1.0).max(1.0);
            // max/min, not clamp: a picture under 32 pixels high would cross clamp's bounds and panic.
            let size = (100.0 * diagonal * 0.8 / width).min(h / 4.0).max(8.0);
            ctx.set_font(&format!("bold {size}px sans-serif"));
            ctx.set_text_align("center");
            ctx.set_text_baseline("middle");
            ctx.set_fill_style_str("rgba(204, 0, 0, 0.6)");
            let gap = size * 3.0;
            let lines = (diagonal / gap).ceil() as i32;
            for i in -lines..=lines {
                ctx.fill_text(text, 0.0, f64::from(i) * gap).ok();
            }
            ctx.restore();
        }
        ctx.set_fill_style_str("#000");
        for [x, y, rw, rh] in &self.rects {
            ctx.fill_rect(x * w, y * h, rw * w, rh * h);
        }
    }
}

pub struct Compressed {
    pub blob: Blob,
    pub long_edge: u32,
    pub quality: f64,
}

const START_QUALITY: f64 = 0.85;
const MIN_QUALITY: f64 = 0.4;
const MAX_STEPS: usize = 12;

/// Whether a JPEG carries EXIF (where phones put GPS); such a file is always
/// re-encoded, even when that does not make it smaller.
fn has_exif(media: MediaType, head: &[u8]) -> bool {
    media == MediaType::Jpeg && head.windows(6).any(|w| w == b"Exif\0\0")
}

fn failed(e: JsValue) -> Stop {
    let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    Stop::Problem(if name == "RangeError" { EvidenceProblem::OutOfMemory } else { EvidenceProblem::Corrupt })
}

/// The compressed photo, or `None` when the original is best kept: already
/// small, without metadata, and not made smaller by re-encoding.
pub async fn compress(id: u32, file: &File, media: MediaType, head: &[u8], rule: &EvidenceRule, edits: Option<&Edits>) -> Result<Option<Compressed>, Stop> {
    let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    let opts = ImageBitmapOptions::new();
    opts.set_image_orientation(ImageOrientation::FromImage);
    let promise = scope.create_image_bitmap_with_blob_and_image_bitmap_options(file, &opts).map_err(failed)?;
    let bitmap: ImageBitmap = JsFuture::from(promise).await.map_err(failed)?.unchecked_into();
    let (w, h) = (bitmap.width(), bitmap.height());
    let long = w.max(h).max(1);
    let size = file.size() as u64;
    let exif = has_exif(media, head);
    if long <= rule.long_edge && size <= rule.target_bytes && !exif && edits.is_none() {
        bitmap.close();
        return Ok(None);
    }
    // Each step that misses the size target takes 5% off both the long edge
    // (never below the field's readable minimum) and the quality, so the
    // photo shrinks evenly instead of turning blocky.
    let mut edge = rule.long_edge.min(long);
    let mut quality = START_QUALITY;
    let mut best: Option<Compressed> = None;
    // Each step draws from the previous step's canvas, as browser-image-
    // compression does: the repeated smoothing is what lets a photo meet the
    // size target with the least loss of resolution.
    let mut previous: Option<OffscreenCanvas> = None;
    for _ in 0..MAX_STEPS {
        if cancelled(id) {
            bitmap.close();
            return Err(Stop::Cancelled);
        }
        let scale = f64::from(edge) / f64::from(long);
        let (cw, ch) = (((f64::from(w) * scale).round() as u32).max(1), ((f64::from(h) * scale).round() as u32).max(1));
        // Scaled while drawing, as browser-image-compression does.
        let canvas = OffscreenCanvas::new(cw, ch).map_err(failed)?;
        let ctx: web_sys::OffscreenCanvasRenderingContext2d = canvas
            .get_context("2d")
            .map_err(failed)?
            .ok_or(Stop::Problem(EvidenceProblem::OutOfMemory))?
            .unchecked_into();
        match &previous {
            Some(p) => ctx.draw_image_with_offscreen_canvas_and_dw_and_dh(p, 0.0, 0.0, f64::from(cw), f64::from(ch)),
            None => ctx.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, f64::from(cw), f64::from(ch)),
        }
        .map_err(failed)?;
        if let (None, Some(e)) = (&previous, edits) {
            e.paint(&ctx, f64::from(cw), f64::from(ch));
        }
        let enc = ImageEncodeOptions::new();
        enc.set_type("image/jpeg");
        enc.set_quality(quality);
        let blob: Blob = JsFuture::from(canvas.convert_to_blob_with_options(&enc).map_err(failed)?)
            .await
            .map_err(failed)?
            .unchecked_into();
        let small_enough = blob.size() as u64 <= rule.target_bytes;
        if best.as_ref().is_none_or(|b| blob.size() < b.blob.size()) {
            best = Some(Compressed { blob, long_edge: cw.max(ch), quality: (quality * 1000.0).round() / 1000.0 });
        }
        if small_enough {
            break;
        }
        edge = ((f64::from(edge) * 0.95) as u32).max(rule.min_long_edge);
        quality = (quality * 0.95).max(MIN_QUALITY);
        previous = Some(canvas);
    }
    bitmap.close();
    match best {
        Some(b) if exif || edits.is_some() || (b.blob.size() as u64) < size => Ok(Some(b)),
        // An edited copy is never sent as it was picked.
        None if edits.is_some() => Err(Stop::Problem(EvidenceProblem::Corrupt)),
        _ => Ok(None),
    }
}
