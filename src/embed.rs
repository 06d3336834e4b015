//! The kit embedded in an agency's own page (`eservice.js`): one service's
//! form drawn into an element of that page, inside the shadow root the
//! script gives it, with the kit's files fetched from the kit's folder.

use std::cell::Cell;

use eservice_core::catalog::FormId;
use web_sys::Element;

thread_local! {
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

/// The form an embed names: its id (`commerce-registration`) or its folder
/// or schema in the kit (`forms/commerce-registration/schema.json`).
pub fn form_id(named: &str) -> Option<FormId> {
    let path = named.trim();
    let path = path.strip_prefix("./").unwrap_or(path);
    let path = path.strip_prefix("forms/").unwrap_or(path);
    let path = path.strip_suffix("/schema.json").unwrap_or(path);
    FormId::parse(path.trim_end_matches('/'))
}

/// Draws the form `named` into `root`, inside the agency page's element
/// `host`; the kit's files are at `base`, a folder URL.
pub fn mount_form(host: Element, root: Element, named: &str, base: &str) {
    crate::net::set_base(base);
    if !STARTED.with(|s| s.replace(true)) {
        crate::panic_notice::install();
        // Submissions still waiting from an earlier visit go out again.
        crate::submit_bundle::resume_outbox_if_used();
    }
    crate::app::embed(host, root, named);
}

#[cfg(test)]
mod tests {
    use super::form_id;

    #[test]
    fn a_form_is_named_by_id_folder_or_schema() {
        for named in ["commerce-registration", "forms/commerce-registration", "forms/commerce-registration/", "./forms/commerce-registration/schema.json"] {
            assert_eq!(form_id(named).map(|f| f.to_string()).as_deref(), Some("commerce-registration"), "{named}");
        }
        for named in ["", "forms/", "../etc/passwd", "forms/a/b", "https://evil.example/x"] {
            assert!(form_id(named).is_none(), "{named}");
        }
    }
}
