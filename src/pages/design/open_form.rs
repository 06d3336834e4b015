//! Opening a form already written: one of the site's (the kit's examples
//! among them), or `schema.json` and `ui.json` picked from the clerk's
//! files, with `index.json` for the service's settings if picked too.
//! What the designer cannot express is kept (`eservice_designer::read`).

use eservice_core::catalog::{Catalog, FormId};
use eservice_core::designer::Design;
use eservice_core::Lang;
use serde_json::Value;
use wasm_bindgen::JsCast;
use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

use super::{Action, Dispatch};
use crate::net::fetch_json;
use crate::picked_files::files_of;

#[derive(Properties, PartialEq)]
pub struct OpenFormProps {
    /// The site's `forms/index.json`, when it loaded.
    pub site_index: Option<Value>,
    pub lang: Lang,
    pub dispatch: Dispatch,
}

/// The site's services, by id and title, as the home page lists them.
fn services(index: Option<&Value>, lang: Lang) -> Vec<(String, String)> {
    let catalog = index.map(Catalog::from_json).unwrap_or_default();
    catalog.entries.iter().map(|e| (e.id.to_string(), format!("{} ({})", e.title.get(lang), e.id))).collect()
}

/// The entry of `id` in a site's index.
fn entry<'a>(index: Option<&'a Value>, id: &str) -> Option<&'a Value> {
    index?.get("forms")?.as_array()?.iter().find(|f| f.get("id").and_then(Value::as_str) == Some(id))
}

/// Which of a form's files a picked JSON file is: by its name, else by
/// what it holds.
fn role(name: &str, v: &Value) -> &'static str {
    match name {
        "schema.json" => "schema",
        "ui.json" => "ui",
        "index.json" => "index",
        _ if v.get("forms").is_some_and(Value::is_array) => "index",
        _ if v.get("$schema").is_some() || v.get("properties").is_some() => "schema",
        _ => "ui",
    }
}

async fn text_of(file: &File) -> Result<String, String> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.map_err(|_| "unreadable".to_owned())?;
    text.as_string().ok_or_else(|| "unreadable".to_owned())
}

/// Reads the picked files into a design, or says what is wrong, naming the file.
async fn from_files(files: Vec<File>, lang: Lang) -> Result<Design, String> {
    let (mut schema, mut ui, mut index) = (None, None, None);
    for f in &files {
        let name = f.name();
        let text = text_of(f).await.map_err(|e| format!("{name}: {e}"))?;
        let v: Value = serde_json::from_str(&text).map_err(|e| match lang {
            Lang::Th => format!("{name}: ไม่ใช่ JSON ที่ถูกต้อง (บรรทัด {} คอลัมน์ {})", e.line(), e.column()),
            Lang::En => format!("{name}: not valid JSON (line {}, column {})", e.line(), e.column()),
        })?;
        match role(&name, &v) {
            "schema" => schema = Some(v),
            "index" => index = Some(v),
            _ => ui = Some(v),
        }
    }
    let Some(schema) = schema.filter(Value::is_object) else {
        return Err(lang.pick("ไม่พบ schema.json ในไฟล์ที่เลือก (เลือก schema.json และ ui.json ของแบบฟอร์ม)", "No schema.json among the files picked (pick the form's schema.json and ui.json)").to_owned());
    };
    // The form's id: its entry's, when the index has one form, else its folder's name is unknown.
    let forms = index.as_ref().and_then(|i| i.get("forms")).and_then(Value::as_array);
    let id = match forms.map(Vec::as_slice) {
        Some([one]) => one.get("id").and_then(Value::as_str).unwrap_or(super::NEW_ID).to_owned(),
        _ => super::NEW_ID.to_owned(),
    };
    let e = entry(index.as_ref(), &id);
    Ok(Design::read(&id, &schema, &ui.unwrap_or_else(|| serde_json::json!({})), e))
}

/// "Open a form": the site's forms in a list, or the clerk's own files.
#[component]
pub fn OpenForm(props: &OpenFormProps) -> Html {
    let lang = props.lang;
    let list = services(props.site_index.as_ref(), lang);
    let picked = use_state(|| list.first().map(|(id, _)| id.clone()).unwrap_or_default());
    let select = use_node_ref();
    crate::app::field::use_selected(select.clone(), (*picked).clone());
    let problem = use_state(|| None::<String>);
    let on_pick = {
        let picked = picked.clone();
        Callback::from(move |e: Event| picked.set(crate::app::field::target_value(&e)))
    };
    let open_site = {
        let (picked, problem, dispatch, index) = (picked.clone(), problem.clone(), props.dispatch.clone(), props.site_index.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(id) = FormId::parse(&picked) else { return };
            let (problem, dispatch, index) = (problem.clone(), dispatch.clone(), index.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let (schema, ui) = (fetch_json(&id.schema_path()).await, fetch_json(&id.ui_path()).await);
                match (schema, ui) {
                    (Ok(schema), Ok(ui)) => {
                        problem.set(None);
                        dispatch.dispatch(Action::Open(Box::new(Design::read(id.as_str(), &schema, &ui, entry(index.as_ref(), id.as_str())))));
                    }
                    (Err(e), _) | (_, Err(e)) => problem.set(Some(e.message(lang))),
                }
            });
        })
    };
    let on_files = {
        let (problem, dispatch) = (problem.clone(), props.dispatch.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
            let files = files_of(input.files());
            input.set_value("");
            let (problem, dispatch) = (problem.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match from_files(files, lang).await {
                    Ok(d) => {
                        problem.set(None);
                        dispatch.dispatch(Action::Open(Box::new(d)));
                    }
                    Err(e) => problem.set(Some(e)),
                }
            });
        })
    };
    html! {
        <fieldset class="group designer-open">
            <legend>{ lang.pick("เปิดแบบฟอร์มที่มีอยู่", "Open a form already written") }</legend>
            if !list.is_empty() {
                <div class="side-by-side">
                    <div class="field">
                        <label for="design-open-site">{ lang.pick("แบบฟอร์มของเว็บไซต์นี้", "This site's forms") }</label>
                        <select id="design-open-site" ref={select} onchange={on_pick}>
                            { for list.iter().map(|(id, title)| html! { <option value={id.clone()}>{ title.clone() }</option> }) }
                        </select>
                    </div>
                    <div class="field">
                        <button type="button" class="secondary" id="design-open" onclick={open_site}>{ lang.pick("เปิด", "Open") }</button>
                    </div>
                </div>
            }
            <label class="secondary file-button">
                { lang.pick("เปิดจากไฟล์ (schema.json และ ui.json)", "Open from files (schema.json and ui.json)") }
                <input id="design-open-files" type="file" class="visually-hidden" accept=".json,application/json" multiple=true onchange={on_files} />
            </label>
            if let Some(p) = &*problem {
                <p class="field-error" role="alert">{ p.clone() }</p>
            }
        </fieldset>
    }
}
