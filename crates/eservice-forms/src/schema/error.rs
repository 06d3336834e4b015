//! What validation found wrong, and how to say it in Thai or English.
//!
//! Errors carry structured facts (limits, property names), never prose, so
//! that the same error reads naturally in either language and in the CLI.

use std::fmt;

use serde_json::Value;

use eservice_base::lang::Lang;
use eservice_base::pointer::JsonPointer;
use eservice_base::thai_id::CitizenIdError;

use super::format::FormatError;

/// A JSON type name as used by the `type` keyword.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonType {
    Null,
    Boolean,
    Object,
    Array,
    Number,
    Integer,
    String,
}

impl JsonType {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "null" => JsonType::Null,
            "boolean" => JsonType::Boolean,
            "object" => JsonType::Object,
            "array" => JsonType::Array,
            "number" => JsonType::Number,
            "integer" => JsonType::Integer,
            "string" => JsonType::String,
            _ => return None,
        })
    }

    fn noun(self, lang: Lang) -> &'static str {
        match self {
            JsonType::Null => lang.pick("ค่าว่าง", "empty"),
            JsonType::Boolean => lang.pick("ใช่หรือไม่ใช่", "yes or no"),
            JsonType::Object => lang.pick("กลุ่มข้อมูล", "a group of fields"),
            JsonType::Array => lang.pick("รายการ", "a list"),
            JsonType::Number => lang.pick("ตัวเลข", "a number"),
            JsonType::Integer => lang.pick("จำนวนเต็ม", "a whole number"),
            JsonType::String => lang.pick("ข้อความ", "text"),
        }
    }
}

/// One thing wrong with the data, at one place in it.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidationError {
    /// Where in the data: for a missing property, the object that lacks it.
    pub instance_path: JsonPointer,
    /// Which keyword in the schema failed.
    pub schema_path: JsonPointer,
    pub kind: ErrorKind,
}

impl ValidationError {
    /// The field a form should mark: a missing property is the field itself,
    /// not the object around it.
    pub fn field(&self) -> JsonPointer {
        match &self.kind {
            ErrorKind::Required { property } | ErrorKind::DependentRequired { property, .. } => {
                self.instance_path.child(property.as_str())
            }
            _ => self.instance_path.clone(),
        }
    }

    /// The message with properties named by their keys: for when nothing
    /// is known of the form (see [`ValidationError::message_in`]).
    pub fn message(&self, lang: Lang) -> String {
        self.message_in(lang, &())
    }

    /// The message, naming other fields by their titles and giving an
    /// example of what the field takes where `info` knows them.
    pub fn message_in(&self, lang: Lang, info: &dyn FieldInfo) -> String {
        match &self.kind {
            ErrorKind::DependentRequired { because_of, .. } => {
                let at = self.instance_path.child(because_of.as_str());
                dependent_required(&info.title(&at, lang).unwrap_or_else(|| because_of.clone()), lang)
            }
            ErrorKind::Pattern { .. } => pattern_message(info.hint(&self.instance_path, lang).as_ref(), lang),
            kind => kind.message(lang),
        }
    }

    /// One line for a log or the CLI: the field's pointer, then the message.
    pub fn line(&self, lang: Lang) -> String {
        self.line_in(lang, &())
    }

    /// [`ValidationError::line`] with the message of [`ValidationError::message_in`].
    pub fn line_in(&self, lang: Lang, info: &dyn FieldInfo) -> String {
        format!("{}: {}", self.place(), self.message_in(lang, info))
    }

    /// One line for a person: the field's title, then its pointer for
    /// whoever looks the data up, then the message.
    pub fn titled_line(&self, lang: Lang, info: &dyn FieldInfo) -> String {
        match info.title(&self.field(), lang) {
            Some(title) => format!("{title} ({}): {}", self.place(), self.message_in(lang, info)),
            None => self.line_in(lang, info),
        }
    }

    fn place(&self) -> String {
        let field = self.field();
        if field.is_root() { "(root)".to_owned() } else { field.to_string() }
    }
}

/// What a form knows of the fields that errors fall on, so that messages
/// name them as the citizen sees them. `()` knows nothing: messages then
/// name properties by their keys.
pub trait FieldInfo {
    /// The title of the field at `at` in `lang`; `None` where it has none.
    fn title(&self, at: &JsonPointer, lang: Lang) -> Option<String>;
    /// What to tell someone whose value at `at` is not in the expected form.
    fn hint(&self, at: &JsonPointer, lang: Lang) -> Option<Hint>;
}

impl FieldInfo for () {
    fn title(&self, _: &JsonPointer, _: Lang) -> Option<String> {
        None
    }

    fn hint(&self, _: &JsonPointer, _: Lang) -> Option<Hint> {
        None
    }
}

/// What a field takes, for a message about a value not in its form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hint {
    /// The schema's first `examples` value.
    Example(String),
    /// The field's description, when it has no example.
    Description(String),
}

fn dependent_required(because_of: &str, lang: Lang) -> String {
    match lang {
        Lang::Th => format!("กรุณากรอกช่องนี้ เพราะได้กรอก “{because_of}” แล้ว"),
        Lang::En => format!("This field is required because “{because_of}” is filled in"),
    }
}

fn pattern_message(hint: Option<&Hint>, lang: Lang) -> String {
    let plain = lang.pick("รูปแบบไม่ถูกต้อง", "Not in the expected form");
    match (hint, lang) {
        (None, _) => plain.into(),
        (Some(Hint::Example(x)), Lang::Th) => format!("{plain} เช่น {x}"),
        (Some(Hint::Example(x)), Lang::En) => format!("{plain}, e.g. {x}"),
        (Some(Hint::Description(d)), _) => format!("{plain} ({d})"),
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line(Lang::En))
    }
}

/// The failed keyword and its parameters.
#[derive(Clone, Debug, PartialEq)]
pub enum ErrorKind {
    /// The `false` schema: nothing is allowed here.
    False,
    Required { property: String },
    DependentRequired { property: String, because_of: String },
    Type { expected: Vec<JsonType> },
    Enum,
    Const { expected: Value },
    MinLength { limit: u64 },
    MaxLength { limit: u64 },
    Pattern { pattern: String },
    Format(FormatError),
    Minimum { limit: f64 },
    ExclusiveMinimum { limit: f64 },
    Maximum { limit: f64 },
    ExclusiveMaximum { limit: f64 },
    MultipleOf { divisor: f64 },
    MinItems { limit: u64 },
    MaxItems { limit: u64 },
    UniqueItems,
    MinProperties { limit: u64 },
    MaxProperties { limit: u64 },
    AdditionalProperty { property: String },
    AnyOf,
    OneOf { matched: usize },
    Not,
    /// `contains` matched too few or too many items.
    Contains { min: u64, max: Option<u64>, found: usize },
    /// An item no keyword allows (`unevaluatedItems: false`).
    ExtraItem { index: usize },
    /// The schema refers to itself without moving through the data.
    RefCycle,
    /// Checking took more steps than allowed, so the value is refused: a
    /// `pattern` (named) whose ECMA engine would run too long on this text,
    /// or (`None`) a schema whose work grows too fast.
    TooSlow { pattern: Option<String> },
}

fn num(x: f64) -> String {
    // Whole limits print without a decimal point: 0, not 0.0. Other numbers
    // go through serde_json's formatter, already in the download.
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        serde_json::Number::from_f64(x).map(|n| n.to_string()).unwrap_or_default()
    }
}

impl ErrorKind {
    pub fn message(&self, lang: Lang) -> String {
        use ErrorKind::*;
        let th = lang == Lang::Th;
        match self {
            False => lang.pick("ไม่อนุญาตให้มีข้อมูลนี้", "No value is allowed here").into(),
            Required { .. } => lang.pick("กรุณากรอกช่องนี้", "This field is required").into(),
            DependentRequired { because_of, .. } => dependent_required(because_of, lang),
            Type { expected } => {
                let names: Vec<_> = expected.iter().map(|t| t.noun(lang)).collect();
                if th {
                    format!("ต้องเป็น{}", names.join(" หรือ "))
                } else {
                    format!("Must be {}", names.join(" or "))
                }
            }
            Enum => lang.pick("กรุณาเลือกจากรายการที่กำหนด", "Choose one of the listed options").into(),
            Const { expected: Value::Bool(true) } => {
                lang.pick("กรุณาทำเครื่องหมายยืนยันข้อนี้", "Please tick to confirm").into()
            }
            Const { expected } if th => format!("ต้องมีค่าเป็น {expected}"),
            Const { expected } => format!("Must be {expected}"),
            MinLength { limit } if th => format!("ต้องมีอย่างน้อย {limit} ตัวอักษร"),
            MinLength { limit } => format!("Must be at least {limit} characters"),
            MaxLength { limit } if th => format!("ต้องมีไม่เกิน {limit} ตัวอักษร"),
            MaxLength { limit } => format!("Must be at most {limit} characters"),
            Pattern { .. } => pattern_message(None, lang),
            Format(f) => format_message(f, lang),
            Minimum { limit } if th => format!("ต้องไม่น้อยกว่า {}", num(*limit)),
            Minimum { limit } => format!("Must be at least {}", num(*limit)),
            ExclusiveMinimum { limit } if th => format!("ต้องมากกว่า {}", num(*limit)),
            ExclusiveMinimum { limit } => format!("Must be more than {}", num(*limit)),
            Maximum { limit } if th => format!("ต้องไม่เกิน {}", num(*limit)),
            Maximum { limit } => format!("Must be at most {}", num(*limit)),
            ExclusiveMaximum { limit } if th => format!("ต้องน้อยกว่า {}", num(*limit)),
            ExclusiveMaximum { limit } => format!("Must be less than {}", num(*limit)),
            MultipleOf { divisor } if th => format!("ต้องเป็นพหุคูณของ {}", num(*divisor)),
            MultipleOf { divisor } => format!("Must be a multiple of {}", num(*divisor)),
            MinItems { limit } if th => format!("ต้องมีอย่างน้อย {limit} รายการ"),
            MinItems { limit } => format!("Must have at least {limit} items"),
            MaxItems { limit } if th => format!("ต้องมีไม่เกิน {limit} รายการ"),
            MaxItems { limit } => format!("Must have at most {limit} items"),
            UniqueItems => lang.pick("รายการต้องไม่ซ้ำกัน", "Items must not repeat").into(),
            MinProperties { limit } if th => format!("ต้องกรอกอย่างน้อย {limit} ช่อง"),
            MinProperties { limit } => format!("Must have at least {limit} fields"),
            MaxProperties { limit } if th => format!("กรอกได้ไม่เกิน {limit} ช่อง"),
            MaxProperties { limit } => format!("Must have at most {limit} fields"),
            AdditionalProperty { property } if th => format!("ไม่มีช่อง “{property}” ในแบบฟอร์มนี้"),
            AdditionalProperty { property } => format!("This form has no field “{property}”"),
            AnyOf => lang.pick("ไม่ตรงกับตัวเลือกใดเลย", "Matches none of the allowed choices").into(),
            OneOf { matched: 0 } => {
                lang.pick("ไม่ตรงกับตัวเลือกใดเลย", "Matches none of the allowed choices").into()
            }
            OneOf { .. } => lang
                .pick("ตรงกับตัวเลือกมากกว่าหนึ่งแบบ", "Matches more than one of the choices")
                .into(),
            Not => lang.pick("ไม่อนุญาตให้ใช้ค่านี้", "This value is not allowed").into(),
            Contains { min, max: None, .. } if th => format!("ต้องมีรายการที่ตรงตามเงื่อนไขอย่างน้อย {min} รายการ"),
            Contains { min, max: None, .. } => format!("Must have at least {min} matching items"),
            Contains { min, max: Some(max), .. } if th => {
                format!("ต้องมีรายการที่ตรงตามเงื่อนไข {min} ถึง {max} รายการ")
            }
            Contains { min, max: Some(max), .. } => format!("Must have {min} to {max} matching items"),
            ExtraItem { index } if th => format!("ไม่อนุญาตให้มีรายการที่ {}", index + 1),
            ExtraItem { index } => format!("Item {} is not allowed here", index + 1),
            RefCycle => lang
                .pick("สคีมาอ้างอิงตัวเองวนซ้ำไม่สิ้นสุด", "The schema refers to itself in an endless loop")
                .into(),
            TooSlow { pattern: Some(_) } => lang
                .pick("ตรวจรูปแบบของช่องนี้ใช้เวลานานเกินไป จึงไม่รับค่านี้", "Checking this field's pattern took too long, so the value is refused")
                .into(),
            TooSlow { pattern: None } => lang
                .pick("ตรวจข้อมูลนี้ตามสคีมาใช้เวลานานเกินไป จึงไม่รับค่านี้", "Checking this value against the schema took too long, so it is refused")
                .into(),
        }
    }
}

fn format_message(f: &FormatError, lang: Lang) -> String {
    match f {
        FormatError::CitizenId(CitizenIdError::NotDigits) => lang
            .pick(
                "เลขประจำตัวประชาชนต้องเป็นตัวเลข 0–9 เท่านั้น",
                "A citizen ID may hold only the digits 0–9",
            )
            .into(),
        FormatError::CitizenId(CitizenIdError::Length(n)) if lang == Lang::Th => {
            format!("เลขประจำตัวประชาชนต้องมี 13 หลัก (กรอกมา {n} หลัก)")
        }
        FormatError::CitizenId(CitizenIdError::Length(n)) => {
            format!("A citizen ID has 13 digits (you entered {n})")
        }
        FormatError::CitizenId(CitizenIdError::Checksum { .. }) => lang
            .pick(
                "เลขประจำตัวประชาชนไม่ถูกต้อง: เลขหลักสุดท้ายไม่ตรงกับเลขตรวจสอบ โปรดตรวจทานอีกครั้ง",
                "This citizen ID is not valid: its last (check) digit does not match. Please check the number",
            )
            .into(),
        FormatError::Invalid { format } => match format.as_str() {
            "date" => lang.pick("วันที่ไม่ถูกต้อง", "Not a valid date").into(),
            "date-time" => lang.pick("วันและเวลาไม่ถูกต้อง", "Not a valid date and time").into(),
            "time" => lang.pick("เวลาไม่ถูกต้อง", "Not a valid time").into(),
            "email" => lang.pick("อีเมลไม่ถูกต้อง", "Not a valid e-mail address").into(),
            "uri" => lang.pick("ที่อยู่เว็บไม่ถูกต้อง", "Not a valid web address").into(),
            "thai-mobile" => lang
                .pick("หมายเลขโทรศัพท์มือถือต้องมี 10 หลัก ขึ้นต้นด้วย 06 08 หรือ 09", "A mobile number has 10 digits starting 06, 08 or 09")
                .into(),
            "thai-phone" => lang
                .pick(
                    "หมายเลขโทรศัพท์ไม่ถูกต้อง: มือถือ 10 หลัก (06 08 09) หรือโทรศัพท์บ้าน 9 หลัก (02–07)",
                    "Not a Thai phone number: 10-digit mobile (06, 08, 09) or 9-digit landline (02–07)",
                )
                .into(),
            "thai-postcode" => lang
                .pick("รหัสไปรษณีย์ต้องเป็นตัวเลข 5 หลักของไทย", "A Thai postcode has 5 digits")
                .into(),
            other if lang == Lang::Th => format!("รูปแบบ {other} ไม่ถูกต้อง"),
            other => format!("Not a valid {other}"),
        },
    }
}

/// Why a schema cannot be used at all (as opposed to data failing it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaError {
    /// Where in the schema.
    pub at: JsonPointer,
    /// The document, when the problem is in one the schema refers to.
    pub document: Option<String>,
    pub problem: SchemaProblem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchemaProblem {
    /// A schema must be an object or a boolean.
    NotASchema,
    /// A keyword's value has the wrong shape, e.g. `"required": "name"`.
    BadKeyword { keyword: String, expected: &'static str },
    /// `$ref` points into a known document, at nothing.
    UnresolvedRef { reference: String },
    /// `$ref` points into a document that has not been provided: fetch it,
    /// add it, and build again.
    MissingDocument { uri: String },
    /// A `pattern` that does not compile.
    BadPattern { pattern: String, reason: String },
}

impl SchemaError {
    pub fn message(&self, lang: Lang) -> String {
        let at = if self.at.is_root() { "#".to_owned() } else { format!("#{}", self.at) };
        let at = match &self.document {
            Some(d) => format!("{d}{at}"),
            None => at,
        };
        let th = lang == Lang::Th;
        match &self.problem {
            SchemaProblem::NotASchema if th => format!("ที่ {at}: สคีมาต้องเป็นออบเจกต์หรือค่าบูลีน"),
            SchemaProblem::NotASchema => format!("at {at}: a schema must be an object or a boolean"),
            SchemaProblem::BadKeyword { keyword, expected } if th => {
                format!("ที่ {at}: คีย์เวิร์ด “{keyword}” ต้องเป็น {expected}")
            }
            SchemaProblem::BadKeyword { keyword, expected } => {
                format!("at {at}: keyword “{keyword}” must be {expected}")
            }
            SchemaProblem::UnresolvedRef { reference } if th => {
                format!("ที่ {at}: หา $ref “{reference}” ไม่พบ")
            }
            SchemaProblem::UnresolvedRef { reference } => {
                format!("at {at}: $ref “{reference}” cannot be resolved")
            }
            SchemaProblem::MissingDocument { uri } if th => format!("ที่ {at}: ยังไม่ได้โหลดไฟล์ {uri}"),
            SchemaProblem::MissingDocument { uri } => format!("at {at}: {uri} has not been loaded"),
            SchemaProblem::BadPattern { pattern, reason } if th => {
                format!("ที่ {at}: pattern “{pattern}” ใช้ไม่ได้ ({reason})")
            }
            SchemaProblem::BadPattern { pattern, reason } => {
                format!("at {at}: pattern “{pattern}” is not a valid regular expression ({reason})")
            }
        }
    }
}

impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for SchemaError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_marks_the_missing_field() {
        let e = ValidationError {
            instance_path: JsonPointer::root().child("address"),
            schema_path: JsonPointer::root(),
            kind: ErrorKind::Required { property: "postcode".into() },
        };
        assert_eq!(e.field().to_string(), "/address/postcode");
        assert_eq!(e.to_string(), "/address/postcode: This field is required");
        assert_eq!(e.message(Lang::Th), "กรุณากรอกช่องนี้");
    }

    #[test]
    fn messages_name_their_limits_in_both_languages() {
        let k = ErrorKind::Minimum { limit: 0.0 };
        assert_eq!(k.message(Lang::Th), "ต้องไม่น้อยกว่า 0");
        assert_eq!(k.message(Lang::En), "Must be at least 0");
        let t = ErrorKind::Type { expected: vec![JsonType::Number] };
        assert_eq!(t.message(Lang::Th), "ต้องเป็นตัวเลข");
        let c = ErrorKind::Format(FormatError::CitizenId(CitizenIdError::Length(12)));
        assert_eq!(c.message(Lang::Th), "เลขประจำตัวประชาชนต้องมี 13 หลัก (กรอกมา 12 หลัก)");
    }

    /// A form that knows one title and one example.
    struct Form;

    impl FieldInfo for Form {
        fn title(&self, at: &JsonPointer, lang: Lang) -> Option<String> {
            (at.to_string() == "/has_staff").then(|| lang.pick("มีลูกจ้าง", "Has employees").to_owned())
        }

        fn hint(&self, at: &JsonPointer, _: Lang) -> Option<Hint> {
            (at.to_string() == "/book_no").then(|| Hint::Example("123/2569".into()))
        }
    }

    #[test]
    fn messages_name_fields_by_title_where_the_form_knows_it() {
        let dependent = |because_of: &str| ValidationError {
            instance_path: JsonPointer::root(),
            schema_path: JsonPointer::root().child("dependentRequired"),
            kind: ErrorKind::DependentRequired { property: "staff".into(), because_of: because_of.into() },
        };
        assert_eq!(dependent("has_staff").message_in(Lang::Th, &Form), "กรุณากรอกช่องนี้ เพราะได้กรอก “มีลูกจ้าง” แล้ว");
        assert_eq!(dependent("has_staff").line_in(Lang::En, &Form), "/staff: This field is required because “Has employees” is filled in");
        assert_eq!(dependent("has_staff").message(Lang::En), "This field is required because “has_staff” is filled in", "without a form, the key");
        assert_eq!(dependent("other").message_in(Lang::En, &Form), "This field is required because “other” is filled in", "no title, the key");
        let pattern = |at: &str| ValidationError {
            instance_path: JsonPointer::parse(at).unwrap(),
            schema_path: JsonPointer::root().child("pattern"),
            kind: ErrorKind::Pattern { pattern: "^[0-9]+/[0-9]{4}$".into() },
        };
        assert_eq!(pattern("/book_no").message_in(Lang::Th, &Form), "รูปแบบไม่ถูกต้อง เช่น 123/2569");
        assert_eq!(pattern("/book_no").message_in(Lang::En, &Form), "Not in the expected form, e.g. 123/2569");
        assert_eq!(pattern("/other").message_in(Lang::Th, &Form), "รูปแบบไม่ถูกต้อง");
        let extra = ValidationError { instance_path: JsonPointer::root(), schema_path: JsonPointer::root(), kind: ErrorKind::AdditionalProperty { property: "c".into() } };
        assert_eq!(extra.titled_line(Lang::En, &Form), "(root): This form has no field “c”", "no title exists: the key");
    }
}
