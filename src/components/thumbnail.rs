//! A photo's thumbnail, drawn on a canvas from the kept file. A canvas, not
//! an `<img src="blob:…">`: the strict CSP an agency site may send
//! (`default-src 'self'`) forbids `blob:` images, and drawing is not
//! subject to it.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageBitmap};
use yew::prelude::*;

use crate::evidence_client;

/// The canvas's pixel size (drawn at twice the CSS size for sharp screens).
const SIZE: u32 = 112;

#[derive(Properties, PartialEq)]
pub struct ThumbnailProps {
    /// The kept file's SHA-256.
    pub sha256: String,
}

#[component]
pub fn Thumbnail(props: &ThumbnailProps) -> Html {
    let canvas = use_node_ref();
    {
        let canvas = canvas.clone();
        use_effect_with(props.sha256.clone(), move |sha| {
            let (Some(blob), Some(window)) = (evidence_client::file(sha), web_sys::window()) else { return };
            let Ok(promise) = window.create_image_bitmap_with_blob(&blob) else { return };
            wasm_bindgen_futures::spawn_local(async move {
                let Some(bitmap) = JsFuture::from(promise).await.ok().and_then(|b| b.dyn_into::<ImageBitmap>().ok()) else { return };
                let Some(el) = canvas.cast::<HtmlCanvasElement>() else { return };
                let ctx = el.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
                if let Some(ctx) = ctx {
                    // Cover the square, centred, as `object-fit: cover` would.
                    let (w, h) = (f64::from(bitmap.width()), f64::from(bitmap.height()));
                    let side = w.min(h);
                    let s = f64::from(SIZE);
                    ctx.draw_image_with_image_bitmap_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(&bitmap, (w - side) / 2.0, (h - side) / 2.0, side, side, 0.0, 0.0, s, s).ok();
                }
                bitmap.close();
            });
        });
    }
    html! { <canvas ref={canvas} class="evidence-thumb" width={SIZE.to_string()} height={SIZE.to_string()} aria-hidden="true"></canvas> }
}
