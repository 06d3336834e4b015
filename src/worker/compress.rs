//! Making a photo small with the browser's own codecs: decode (EXIF
//! orientation applied once), scale to the field's long edge, encode as JPEG
//! stepping the quality down to the size target. Re-encoding drops all
//! metadata, so a photo's GPS position never leaves the device.

use eservice_core::evidence::{EvidenceProblem, EvidenceRule, MediaType};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, File, ImageBitmap, ImageBitmapOptions, ImageEncodeOptions, ImageOrientation, OffscreenCanvas};

use super::{cancelled, Stop};

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
pub async fn compress(id: u32, file: &File, media: MediaType, head: &[u8], rule: &EvidenceRule) -> Result<Option<Compressed>, Stop> {
    let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    let opts = ImageBitmapOptions::new();
    opts.set_image_orientation(ImageOrientation::FromImage);
    let promise = scope.create_image_bitmap_with_blob_and_image_bitmap_options(file, &opts).map_err(failed)?;
    let bitmap: ImageBitmap = JsFuture::from(promise).await.map_err(failed)?.unchecked_into();
    let (w, h) = (bitmap.width(), bitmap.height());
    let long = w.max(h).max(1);
    let size = file.size() as u64;
    let exif = has_exif(media, head);
    if long <= rule.long_edge && size <= rule.target_bytes && !exif {
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
        Some(b) if exif || (b.blob.size() as u64) < size => Ok(Some(b)),
        _ => Ok(None),
    }
}
