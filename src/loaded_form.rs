//! A service's form as the app holds it: fetched with the files its `$ref`s
//! name, checked, and ready to validate.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use eservice_core::catalog::FormId;
use eservice_core::form::{FormSpec, Selections};
use eservice_core::json_file::{FileProblem, JsonFileError};
use eservice_core::schema::{SchemaError, SchemaProblem, Uri, Validator};
use eservice_core::Lang;
use serde_json::Value;

use crate::net::fetch_json;
use crate::regexp::BrowserRegex;

/// At most this many referenced documents are fetched for one form.
const MAX_DOCUMENTS: usize = 32;

/// A form whose schema has been checked, so validating can only fault data.
pub struct LoadedForm {
    pub id: FormId,
    ui: Value,
    validator: Validator,
    /// The form itself, once read, when its shape does not depend on the data.
    static_spec: RefCell<Option<Rc<FormSpec>>>,
}

impl PartialEq for LoadedForm {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && self.validator.schema() == other.validator.schema()
    }
}

impl fmt::Debug for LoadedForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LoadedForm({})", self.id)
    }
}

/// Why a form could not be opened; always names the file.
#[derive(Clone, Debug, PartialEq)]
pub enum FormLoadError {
    File(JsonFileError),
    Schema { file: String, error: SchemaError },
    /// A `$ref` to another site: the kit fetches only the agency's own files.
    ForeignRef { file: String, uri: String },
}

impl FormLoadError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FormLoadError::File(e) => e.message(lang),
            FormLoadError::Schema { file, error } => match lang {
                Lang::Th => format!("สคีมาใน {file} ใช้ไม่ได้: {}", error.message(lang)),
                Lang::En => format!("The schema in {file} cannot be used: {}", error.message(lang)),
            },
            FormLoadError::ForeignRef { file, uri } => match lang {
                Lang::Th => format!("{file} อ้างถึงไฟล์นอกเว็บไซต์นี้ ({uri}) ซึ่งระบบจะไม่โหลด ให้วางไฟล์ไว้ข้างแบบฟอร์ม"),
                Lang::En => format!("{file} refers to a file on another site ({uri}), which is never fetched; put it beside the form"),
            },
        }
    }
}

/// The kit's folder, against which the form's files resolve.
fn page_base() -> Uri {
    Uri::parse(&crate::net::base_url())
}

impl LoadedForm {
    /// Builds a form from its schema, UI schema and the documents its `$ref`s
    /// reach; `base` is the schema's own URL.
    pub fn build(id: FormId, schema: Value, ui: &Value, base: &Uri, docs: &[(String, Value)]) -> Result<LoadedForm, FormLoadError> {
        let mut b = Validator::builder(schema).base(&base.to_string());
        for (uri, doc) in docs {
            b = b.document(uri, doc.clone());
        }
        let validator = b
            .build(Box::new(BrowserRegex::default()))
            .map_err(|error| FormLoadError::Schema { file: id.schema_path(), error })?;
        // Unknown keywords are ignored, as JSON Schema says; the admin is told.
        for (at, keyword) in eservice_core::schema::unknown_keywords(validator.schema()) {
            let msg = format!("eservice-kit: {}#{at}: unknown keyword “{keyword}” is ignored", id.schema_path());
            web_sys::console::warn_1(&msg.into());
        }
        // Nested quantifiers are judged without backtracking here, but the
        // agency's other systems may backtrack: the admin is told.
        for w in validator.risky_patterns() {
            let at = if w.document.is_some() { String::new() } else { id.schema_path() };
            web_sys::console::warn_1(&format!("eservice-kit: {at}{}", w.message(eservice_core::Lang::En)).into());
        }
        Ok(LoadedForm { id, ui: ui.clone(), validator, static_spec: RefCell::new(None) })
    }

    /// A form from a self-contained schema.
    pub fn new(id: FormId, schema: Value, ui: &Value) -> Result<LoadedForm, FormLoadError> {
        let base = page_base().join(&id.schema_path());
        LoadedForm::build(id, schema, ui, &base, &[])
    }

    /// Fetches `forms/<id>/schema.json`, `forms/<id>/ui.json` if present,
    /// and the files beside them that the schema's `$ref`s name.
    pub async fn fetch(id: FormId) -> Result<LoadedForm, FormLoadError> {
        let schema = fetch_json(&id.schema_path()).await.map_err(FormLoadError::File)?;
        let ui = match fetch_json(&id.ui_path()).await {
            Ok(ui) => ui,
            // A UI schema is optional; a broken one is not.
            Err(JsonFileError { problem: FileProblem::NotFound, .. }) => Value::Null,
            Err(e) => return Err(FormLoadError::File(e)),
        };
        let page = page_base();
        let base = page.join(&id.schema_path());
        let mut docs: Vec<(String, Value)> = Vec::new();
        loop {
            match LoadedForm::build(id.clone(), schema.clone(), &ui, &base, &docs) {
                Err(FormLoadError::Schema { error: SchemaError { problem: SchemaProblem::MissingDocument { uri }, .. }, .. })
                    if docs.len() < MAX_DOCUMENTS =>
                {
                    let Some(path) = same_site_path(&page, &uri) else {
                        return Err(FormLoadError::ForeignRef { file: id.schema_path(), uri });
                    };
                    let doc = fetch_json(&path).await.map_err(FormLoadError::File)?;
                    docs.push((uri, doc));
                }
                built => return built,
            }
        }
    }

    /// The form's validator, for checking data received from elsewhere.
    pub fn validator(&self) -> &Validator {
        &self.validator
    }

    /// The form's schema, as loaded.
    pub fn schema(&self) -> &Value {
        self.validator.schema()
    }

    /// The form as it stands for `data`, and `data` pruned to what it shows:
    /// what is validated and submitted.
    pub fn settle(&self, data: &Value, selections: &Selections) -> (Rc<FormSpec>, Value) {
        if let Some(spec) = self.static_spec.borrow().as_ref() {
            return (spec.clone(), spec.settle_static(data));
        }
        let (spec, pruned) = FormSpec::settle(&self.validator, &self.ui, data, selections);
        let spec = Rc::new(spec);
        if !spec.dynamic {
            *self.static_spec.borrow_mut() = Some(spec.clone());
        }
        (spec, pruned)
    }

    /// How many days a draft of this form is kept (`ui:draftDays`).
    pub fn draft_days(&self) -> f64 {
        self.ui
            .get("ui:draftDays")
            .and_then(Value::as_f64)
            .filter(|d| *d > 0.0)
            .unwrap_or(eservice_core::draft::DEFAULT_MAX_AGE_DAYS)
    }

    /// Defaults, and an empty object for each group.
    pub fn initial_data(&self) -> Value {
        let empty = Value::Object(Default::default());
        FormSpec::new(&self.validator, &self.ui, &empty, &Selections::default()).initial_data()
    }
}

/// `uri` as a path relative to the page when it is on the page's own site.
fn same_site_path(page: &Uri, uri: &str) -> Option<String> {
    let origin = |u: &str| u.splitn(4, '/').take(3).collect::<Vec<_>>().join("/");
    let page = page.to_string();
    (origin(&page) == origin(uri)).then(|| uri.to_owned())
}
