//! Reading input files, with the core's file errors.

use std::io::ErrorKind;
use std::path::Path;

use eservice_core::json_file::{self, FileProblem, JsonFileError};
use serde_json::Value;

/// Reads and parses a JSON file.
pub fn read_json(path: &Path) -> Result<Value, JsonFileError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| JsonFileError {
        file: name.clone(),
        problem: match e.kind() {
            ErrorKind::NotFound => FileProblem::NotFound,
            _ => FileProblem::Unreadable { reason: e.to_string() },
        },
    })?;
    json_file::parse(&name, &bytes)
}
