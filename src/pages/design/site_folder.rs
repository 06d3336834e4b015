//! Saving straight into the site folder, when the designer runs from
//! `scripts/dev`: its dev server answers `__dev/forms/` (scripts/dev-forms.mjs)
//! and takes the form's files there. On a static host nothing answers, and
//! the clerk saves the zip instead.

use eservice_core::designer::Saved;
use gloo_net::http::Request;
use serde_json::Value;

const FOLDER: &str = "__dev/forms/";

/// The site folder the dev server writes into, if the designer runs from one.
pub async fn find() -> Option<String> {
    let resp = Request::get(&crate::net::url(FOLDER)).send().await.ok()?;
    if !resp.ok() {
        return None;
    }
    let v: Value = resp.json().await.ok()?;
    Some(v.get("site")?.as_str()?.to_owned())
}

async fn put(path: &str, v: &Value) -> Result<(), String> {
    let text = serde_json::to_string_pretty(v).map_err(|e| e.to_string())?;
    let resp = Request::put(&crate::net::url(&format!("{FOLDER}{path}")))
        .header("content-type", "application/json")
        .body(text)
        .map_err(|e| e.to_string())?
        .send()
        .await
        .map_err(|e| format!("{path}: {e}"))?;
    match resp.ok() {
        true => Ok(()),
        false => Err(format!("{path}: {}", resp.text().await.unwrap_or_else(|_| resp.status().to_string()))),
    }
}

/// Writes the form's schema and UI schema, then the site's index with the
/// form's entry in it (the form's files first: a listed form is always whole).
pub async fn write(saved: &Saved, id: &str, index: &Value) -> Result<(), String> {
    put(&format!("{id}/schema.json"), &saved.schema).await?;
    put(&format!("{id}/ui.json"), &saved.ui).await?;
    put("index.json", index).await
}
