//! A service's form as the app holds it: fetched, checked and ready.

use std::fmt;

use eservice_core::catalog::FormId;
use eservice_core::form::FormSpec;
use eservice_core::json_file::{FileProblem, JsonFileError};
use eservice_core::schema::{SchemaError, ValidationError, Validator};
use eservice_core::Lang;
use serde_json::Value;

use crate::net::fetch_json;
use crate::regexp::BrowserRegex;

thread_local! {
    static REGEX: BrowserRegex = BrowserRegex::default();
}

/// A form whose schema has been checked, so validating can only fault data.
pub struct LoadedForm {
    pub id: FormId,
    pub schema: Value,
    pub spec: FormSpec,
}

impl PartialEq for LoadedForm {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && self.schema == other.schema
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
}

impl FormLoadError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FormLoadError::File(e) => e.message(lang),
            FormLoadError::Schema { file, error } => match lang {
                Lang::Th => format!("สคีมาใน {file} ใช้ไม่ได้: {}", error.message(lang)),
                Lang::En => format!("The schema in {file} cannot be used: {}", error.message(lang)),
            },
        }
    }
}

impl LoadedForm {
    /// Builds a form from its schema and UI schema, checking the schema.
    pub fn new(id: FormId, schema: Value, ui: &Value) -> Result<LoadedForm, FormLoadError> {
        REGEX.with(|re| Validator::new(&schema, re).map(drop)).map_err(|error| FormLoadError::Schema {
            file: id.schema_path(),
            error,
        })?;
        let spec = FormSpec::new(&schema, ui);
        Ok(LoadedForm { id, schema, spec })
    }

    /// Fetches `forms/<id>/schema.json` and, if present, `forms/<id>/ui.json`.
    pub async fn fetch(id: FormId) -> Result<LoadedForm, FormLoadError> {
        let schema = fetch_json(&id.schema_path()).await.map_err(FormLoadError::File)?;
        let ui = match fetch_json(&id.ui_path()).await {
            Ok(ui) => ui,
            // A UI schema is optional; a broken one is not.
            Err(JsonFileError { problem: FileProblem::NotFound, .. }) => Value::Null,
            Err(e) => return Err(FormLoadError::File(e)),
        };
        LoadedForm::new(id, schema, &ui)
    }

    pub fn validate(&self, data: &Value) -> Vec<ValidationError> {
        REGEX.with(|re| match Validator::new(&self.schema, re) {
            Ok(v) => v.validate(data),
            Err(_) => Vec::new(), // ruled out in `new`
        })
    }
}
