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

const QUALITIES: [f64; 5] = [0.85, 0.75, 0.65, 0.55, 0.45];

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
    // Long edges to try: the field's, then smaller, never below its readable minimum.
    let mut edges = vec![rule.long_edge.min(long)];
    let mut e = edges[0];
    while e > rule.min_long_edge {
        e = (e * 4 / 5).max(rule.min_long_edge);
        edges.push(e);
    }
    let mut best: Option<Compressed> = None;
    'search: for edge in edges {
        let scale = f64::from(edge) / f64::from(long);
        let (cw, ch) = (((f64::from(w) * scale).round() as u32).max(1), ((f64::from(h) * scale).round() as u32).max(1));
        // Scaled while drawing, as browser-image-compression does: the
        // browser's smoothing gives a softer image that encodes smaller at
        // the same quality, and text stays readable at 1600 px.
        let canvas = OffscreenCanvas::new(cw, ch).map_err(failed)?;
        let ctx: web_sys::OffscreenCanvasRenderingContext2d = canvas
            .get_context("2d")
            .map_err(failed)?
            .ok_or(Stop::Problem(EvidenceProblem::OutOfMemory))?
            .unchecked_into();
        ctx.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, f64::from(cw), f64::from(ch)).map_err(failed)?;
        for q in QUALITIES {
            if cancelled(id) {
                bitmap.close();
                return Err(Stop::Cancelled);
            }
            let enc = ImageEncodeOptions::new();
            enc.set_type("image/jpeg");
            enc.set_quality(q);
            let blob: Blob = JsFuture::from(canvas.convert_to_blob_with_options(&enc).map_err(failed)?)
                .await
                .map_err(failed)?
                .unchecked_into();
            let small_enough = blob.size() as u64 <= rule.target_bytes;
            if best.as_ref().is_none_or(|b| blob.size() < b.blob.size()) {
                best = Some(Compressed { blob, long_edge: cw.max(ch), quality: q });
            }
            if small_enough {
                break 'search;
            }
        }
    }
    bitmap.close();
    match best {
        Some(b) if exif || (b.blob.size() as u64) < size => Ok(Some(b)),
        _ => Ok(None),
    }
}
