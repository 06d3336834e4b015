//! Reading the JSON files an agency writes (schemas, UI schemas, indexes),
//! with errors that name the file and the place in it.

use std::fmt;

use serde_json::Value;

use crate::lang::Lang;

/// Why a JSON file could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonFileError {
    /// The file's name as the user knows it (a path or a URL).
    pub file: String,
    pub problem: FileProblem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// The file does not exist (or the server answered 404).
    NotFound,
    /// It could not be read: permissions, network, an HTTP error.
    Unreadable { reason: String },
    /// The bytes are not UTF-8 JSON; line and column are 1-based.
    Syntax { line: usize, column: usize, reason: String },
}

impl JsonFileError {
    pub fn message(&self, lang: Lang) -> String {
        let file = &self.file;
        match (&self.problem, lang) {
            (FileProblem::NotFound, Lang::Th) => format!("ไม่พบไฟล์ {file}"),
            (FileProblem::NotFound, Lang::En) => format!("File {file} was not found"),
            (FileProblem::Unreadable { reason }, Lang::Th) => format!("อ่านไฟล์ {file} ไม่ได้: {reason}"),
            (FileProblem::Unreadable { reason }, Lang::En) => format!("Cannot read {file}: {reason}"),
            (FileProblem::Syntax { line, column, reason }, Lang::Th) => {
                format!("ไฟล์ {file} ไม่ใช่ JSON ที่ถูกต้อง ที่บรรทัด {line} คอลัมน์ {column}: {reason}")
            }
            (FileProblem::Syntax { line, column, reason }, Lang::En) => {
                format!("{file} is not valid JSON at line {line}, column {column}: {reason}")
            }
        }
    }
}

impl fmt::Display for JsonFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for JsonFileError {}

/// Parses `bytes` as the JSON file `file`.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Value, JsonFileError> {
    // A UTF-8 byte-order mark is common from Windows editors and harmless.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice(bytes).map_err(|e| JsonFileError {
        file: file.to_owned(),
        problem: FileProblem::Syntax { line: e.line(), column: e.column(), reason: describe(&e) },
    })
}

/// serde_json's message without its trailing " at line L column C".
fn describe(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_file_line_and_column() {
        let e = parse("forms/x/schema.json", b"{\n  \"a\": 1,\n}").unwrap_err();
        assert_eq!(e.file, "forms/x/schema.json");
        let FileProblem::Syntax { line, column, .. } = &e.problem else { panic!("{e:?}") };
        assert_eq!((*line, *column), (3, 1));
        assert!(e.message(Lang::Th).contains("บรรทัด 3"), "{}", e.message(Lang::Th));
        assert!(e.to_string().starts_with("forms/x/schema.json is not valid JSON at line 3, column 1: "));
    }

    #[test]
    fn accepts_a_byte_order_mark() {
        assert_eq!(parse("a.json", b"\xEF\xBB\xBF{\"a\":1}").unwrap(), json!({"a": 1}));
    }

    #[test]
    fn empty_and_binary_files_are_syntax_errors() {
        assert!(matches!(parse("a.json", b"").unwrap_err().problem, FileProblem::Syntax { .. }));
        assert!(matches!(parse("a.json", b"\xff\xfe").unwrap_err().problem, FileProblem::Syntax { .. }));
    }
}
