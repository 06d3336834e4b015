//! "Download the site": the whole site for a static host, as one zip, made
//! in the browser from the build it is hosted in (its `site-files.json`)
//! and the form being designed, the same site `eservice site new` makes
//! (eservice_designer::site): the agency's name, colour and logo, an empty
//! trust list and register, and the admin's README in Thai.

use eservice_core::designer::site::{self, Agency, Forms, FILES};
use eservice_core::designer::Design;
use eservice_core::Lang;
use gloo_net::http::Request;
use serde_json::Value;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::picked_files::files_of;

#[derive(Properties, PartialEq)]
pub struct SiteDownloadProps {
    pub design: Design,
    pub common: Option<Result<Value, String>>,
    /// Whether the design has nothing to mend.
    pub ready: bool,
    pub lang: Lang,
}

async fn bytes_of(path: &str) -> Result<Vec<u8>, String> {
    let resp = Request::get(&crate::net::url(path)).send().await.map_err(|e| format!("{path}: {e}"))?;
    if !resp.ok() {
        return Err(format!("{path}: HTTP {}", resp.status()));
    }
    resp.binary().await.map_err(|e| format!("{path}: {e}"))
}

/// Every file of the build this page is served from.
async fn build_files(progress: &UseStateHandle<Option<String>>, lang: Lang) -> Result<Vec<(String, Vec<u8>)>, String> {
    let list: Value = serde_json::from_slice(&bytes_of(FILES).await?).map_err(|e| format!("{FILES}: {e}"))?;
    let paths: Vec<String> = list.get("files").and_then(Value::as_array).into_iter().flatten().filter_map(|p| p.as_str().map(str::to_owned)).collect();
    let mut files = Vec::with_capacity(paths.len());
    for (n, path) in paths.iter().enumerate() {
        progress.set(Some(format!("{} {}/{}", lang.pick("กำลังรวบรวมไฟล์ของเว็บไซต์", "Gathering the site's files"), n + 1, paths.len())));
        files.push((path.clone(), bytes_of(path).await?));
    }
    Ok(files)
}

#[component]
pub fn SiteDownload(props: &SiteDownloadProps) -> Html {
    let lang = props.lang;
    let color = use_state(String::new);
    let logo = use_state(|| None::<(String, Vec<u8>)>);
    let status = use_state(|| None::<String>);
    let problem = use_state(|| None::<String>);
    let on_color = {
        let color = color.clone();
        Callback::from(move |e: InputEvent| color.set(crate::app::field::target_value(&e)))
    };
    let on_logo = {
        let (logo, problem) = (logo.clone(), problem.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
            let Some(file) = files_of(input.files()).into_iter().next() else { return };
            let (logo, problem) = (logo.clone(), problem.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                    Ok(buf) => logo.set(Some((file.name(), js_sys::Uint8Array::new(&buf).to_vec()))),
                    Err(_) => problem.set(Some(format!("{}: {}", file.name(), lang.pick("อ่านไฟล์ไม่ได้", "could not be read")))),
                }
            });
        })
    };
    let download = {
        let (design, common, color, logo, status, problem) = (props.design.clone(), props.common.clone(), color.clone(), logo.clone(), status.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(saved) = super::saved(&design, &common) else { return };
            let s = &design.service;
            let agency = Agency {
                th: s.agency.th.clone().unwrap_or_default(),
                en: s.agency.en.clone(),
                color: Some(color.trim().to_owned()).filter(|c| !c.is_empty()),
                logo: (*logo).clone(),
            };
            let id = s.id.clone();
            let (status, problem) = (status.clone(), problem.clone());
            wasm_bindgen_futures::spawn_local(async move {
                problem.set(None);
                let made = match build_files(&status, lang).await {
                    Ok(build) => site::make(&agency, build, Forms::These(&[(id.clone(), saved)])).map_err(|p| p.message(lang)),
                    Err(e) => Err(format!("{}: {e}", lang.pick("โหลดไฟล์ของเว็บไซต์ไม่ได้", "Could not load the site's files"))),
                };
                match made {
                    Ok(files) => {
                        let zip = super::zip_files(&files);
                        match crate::download::save_bytes(&format!("{id}-site.zip"), "application/zip", &zip) {
                            Ok(()) => status.set(Some(format!("{} ({} {})", lang.pick("ดาวน์โหลดเว็บไซต์แล้ว: แตกไฟล์แล้วอัปโหลดทั้งโฟลเดอร์ อ่าน README-th.md", "The site is downloaded: unzip it and upload the whole folder; see README-th.md"), files.len(), lang.pick("ไฟล์", "files")))),
                            Err(e) => problem.set(Some(format!("{}: {e}", lang.pick("ดาวน์โหลดไม่ได้", "The download failed")))),
                        }
                    }
                    Err(e) => {
                        status.set(None);
                        problem.set(Some(e));
                    }
                }
            });
        })
    };
    html! {
        <fieldset class="group designer-site">
            <legend>{ lang.pick("เว็บไซต์ของหน่วยงาน", "The agency's site") }</legend>
            <p class="field-help">{ lang.pick("ได้เว็บไซต์ทั้งชุดที่มีแบบฟอร์มนี้ พร้อมอัปโหลดขึ้นโฮสติงแบบ static ใดก็ได้ ชื่อหน่วยงานมาจากการตั้งค่าบริการ", "The whole site with this form, ready for any static host; the agency's name comes from the service settings") }</p>
            <div class="side-by-side">
                { super::settings::labelled_input("site-color".into(), lang.pick("สีของหน่วยงาน (#rrggbb เช่น #0a6e3a)", "The agency's colour (#rrggbb, such as #0a6e3a)"), None, (*color).clone(), on_color) }
                <div class="field">
                    <label class="secondary file-button">
                        { match &*logo { Some((name, _)) => format!("{}: {name}", lang.pick("โลโก้", "Logo")), None => lang.pick("เลือกโลโก้ (PNG, JPEG, WebP หรือ SVG)", "Pick a logo (PNG, JPEG, WebP or SVG)").to_owned() } }
                        <input id="site-logo" type="file" class="visually-hidden" accept="image/png,image/jpeg,image/webp,image/svg+xml" onchange={on_logo} />
                    </label>
                </div>
            </div>
            <button type="button" class="secondary" id="design-download-site" disabled={!props.ready || !matches!(props.common, Some(Ok(_)))} onclick={download}>
                { lang.pick("ดาวน์โหลดเว็บไซต์ทั้งชุด (zip)", "Download the site (zip)") }
            </button>
            if let Some(s) = &*status {
                <p role="status">{ s.clone() }</p>
            }
            if let Some(p) = &*problem {
                <p class="field-error" role="alert">{ p.clone() }</p>
            }
        </fieldset>
    }
}
