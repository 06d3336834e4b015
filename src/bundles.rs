//! The contract between the main bundle and the bundles it loads on demand:
//! which bundles there are ([`Bundle`]), what one is asked to draw
//! ([`Mount`]), and the one export each has for it,
//! `mount(root, lang_of, base, what)`.
//!
//! `what` crosses the JavaScript boundary as a plain object, written by
//! [`Mount::to_js`] in the main bundle and read by [`Mount::from_js`] in
//! the loaded one (both are this crate's code, built into each bundle), so
//! no bundle names, export names or argument orders are spelled anywhere
//! else.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// A bundle the main app loads on first use (`bundle-loader.js`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    /// `#/verify` (`verify_app`).
    Verify,
    /// `#/register`, `#/sign`, `#/inbox` (`permits_app`).
    Permits,
    /// The summary after submitting, the requests sent, the outbox (`submit_app`).
    Submit,
    /// `#/design`, the form designer (`design_app`).
    Design,
}

impl Bundle {
    /// The bundle's file name (`<name>.js`, `<name>_bg.wasm`), as index.html builds it.
    pub const fn file(self) -> &'static str {
        match self {
            Bundle::Verify => "verify-page",
            Bundle::Permits => "permit-pages",
            Bundle::Submit => "submit-pages",
            Bundle::Design => "design-pages",
        }
    }
}

/// Which permit page to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PermitPage {
    Register,
    Sign,
    Inbox,
}

/// What a bundle is asked to draw into the element it is given.
#[derive(Clone, Debug, PartialEq)]
pub enum Mount {
    Verify,
    Permit(PermitPage),
    /// What the citizen submitted: the form, the data as JSON, and the
    /// evidence files (`[{sha256, blob}]`) the main app holds.
    Submitted { form: String, data: String, files: Array },
    /// The requests sent from this device (home page).
    Sent,
    /// The form designer.
    Design,
}

const PAGE: &str = "page";

impl Mount {
    /// The bundle that draws it.
    pub fn bundle(&self) -> Bundle {
        match self {
            Mount::Verify => Bundle::Verify,
            Mount::Permit(_) => Bundle::Permits,
            Mount::Submitted { .. } | Mount::Sent => Bundle::Submit,
            Mount::Design => Bundle::Design,
        }
    }

    fn page(&self) -> &'static str {
        match self {
            Mount::Verify => "verify",
            Mount::Permit(PermitPage::Register) => "register",
            Mount::Permit(PermitPage::Sign) => "sign",
            Mount::Permit(PermitPage::Inbox) => "inbox",
            Mount::Submitted { .. } => "submitted",
            Mount::Sent => "sent",
            Mount::Design => "design",
        }
    }

    /// As the object handed to the bundle's `mount`.
    pub fn to_js(&self) -> JsValue {
        let o = Object::new();
        let set = |k: &str, v: &JsValue| Reflect::set(&o, &k.into(), v).ok();
        set(PAGE, &self.page().into());
        if let Mount::Submitted { form, data, files } = self {
            set("form", &form.into());
            set("data", &data.into());
            set("files", files);
        }
        o.into()
    }

    /// The mount `v` describes; `None` for anything else (a main bundle of
    /// another build, which the loaded bundle must not guess at).
    pub fn from_js(v: &JsValue) -> Option<Mount> {
        let get = |k: &str| Reflect::get(v, &k.into()).ok();
        let text = |k: &str| get(k).and_then(|s| s.as_string());
        Some(match text(PAGE)?.as_str() {
            "verify" => Mount::Verify,
            "register" => Mount::Permit(PermitPage::Register),
            "sign" => Mount::Permit(PermitPage::Sign),
            "inbox" => Mount::Permit(PermitPage::Inbox),
            "submitted" => Mount::Submitted { form: text("form")?, data: text("data")?, files: get("files")?.dyn_into().ok()? },
            "sent" => Mount::Sent,
            "design" => Mount::Design,
            _ => return None,
        })
    }
}

/// Loads `mount`'s bundle and has it draw into `root`, following the
/// language of `lang_of`; `false` if the bundle could not be loaded or
/// refused (the next call tries again).
pub async fn mount(mount: Mount, root: Element, lang_of: Element) -> bool {
    let args = [root.into(), lang_of.into(), crate::net::url("").into(), mount.to_js()];
    crate::es_bundle::call(mount.bundle(), "mount", &args).await
}

/// Has the submit bundle send what the outbox still holds from an earlier visit.
pub async fn resume_outbox() -> bool {
    crate::es_bundle::call(Bundle::Submit, "resume_outbox", &[crate::net::url("").into()]).await
}

/// Told by a loaded bundle's `mount` when `what` is not one of its own.
pub fn refuse(bundle: Bundle, what: &JsValue) -> Result<(), JsValue> {
    Err(js_sys::Error::new(&format!("{}: nothing to draw for {:?}", bundle.file(), Mount::from_js(what).map(|m| m.page()))).into())
}
