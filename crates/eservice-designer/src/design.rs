//! A service as the clerk designs it.

use std::rc::Rc;

use eservice_base::LocalText;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::key::Key;

/// A whole service: its settings and its questions, in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Design {
    pub service: Service,
    pub questions: Vec<Question>,
    /// The wizard's pages, by the keys of the top-level questions on each;
    /// none: one page.
    pub steps: Vec<Step>,
    /// What a hand-written form has at its top level that the designer
    /// does not edit (`$defs`, conditions it cannot show…).
    #[serde(default)]
    pub advanced: Advanced,
}

/// What the service is, who runs it, where requests go, and its fee.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Service {
    /// The form's id, its folder under `forms/`.
    pub id: String,
    pub title: LocalText,
    pub agency: LocalText,
    pub description: LocalText,
    pub channel: Channel,
    pub fee: Option<Fee>,
    /// How many days a draft is kept on the citizen's device.
    pub draft_days: Option<u32>,
    pub version: Option<String>,
    /// The agency's public keys (`age1…`) packages are sealed to; none
    /// sends them as they are. Pieces as typed: blank ones are skipped
    /// when checked and written ([`Service::keys`]).
    #[serde(default)]
    pub encrypt_to: Vec<String>,
}

impl Service {
    /// The `encryptTo` keys given, without blank pieces.
    pub fn keys(&self) -> Vec<&str> {
        self.encrypt_to.iter().map(|k| k.trim()).filter(|k| !k.is_empty()).collect()
    }
}

/// Where a citizen's request goes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Channel {
    /// Sent by e-mail to the agency's inbox.
    Email(String),
    /// Posted to the agency's e-Service (an `https://` URL).
    Endpoint(String),
    /// Not sent: the citizen downloads the package and brings it (a form
    /// whose entry names no channel).
    Download,
}

/// A PromptPay bill payment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fee {
    /// The 15-digit biller ID.
    pub biller_id: String,
    /// In baht, as written (`"50"`, `"12.50"`).
    pub amount: String,
}

/// One page of the wizard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub title: LocalText,
    pub questions: Vec<Key>,
}

/// One question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub key: Key,
    pub title: LocalText,
    pub help: LocalText,
    pub placeholder: LocalText,
    pub required: bool,
    pub kind: Kind,
    /// The clerk's own messages, by the failed check (`pattern`,
    /// `minimum`…), instead of the kit's.
    pub messages: Vec<(String, LocalText)>,
    /// Asked only when this holds.
    pub show_when: Option<Condition>,
    /// Required only when this holds (always shown).
    pub required_when: Option<Condition>,
    /// What a hand-written form has for this question that the designer
    /// does not edit.
    #[serde(default)]
    pub advanced: Advanced,
}

/// Parts of a hand-written form the designer cannot express: kept, written
/// back as they were, and shown to the clerk as "advanced, edited by hand".
/// Never dropped or rewritten silently.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Advanced {
    /// Schema keywords beyond what the question's kind writes (`minLength`,
    /// `default`, a condition with `else`…). `allOf` and `required` add to
    /// the designer's own; any other keyword stands as written.
    pub schema: Map<String, Value>,
    /// UI schema entries beyond the kind's (`ui:autocomplete`, `ui:help`…).
    pub ui: Map<String, Value>,
    /// The part as the file had it: written back byte for byte while the
    /// designer, asked again, still writes what it wrote when it read it.
    pub written: Option<Rc<Written>>,
}

impl Advanced {
    /// Whether there is anything hand-written beyond the designer's words.
    pub fn is_empty(&self) -> bool {
        self.schema.is_empty() && self.ui.is_empty()
    }
}

/// A part of a hand-written form as read, and what the designer made of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Written {
    pub schema: Value,
    pub ui: Option<Value>,
    /// What the designer wrote for the part just after reading it.
    pub read_as: (Value, Option<Value>),
}

/// What kind of answer a question takes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Kind {
    ShortText { max_length: Option<u64>, pattern: Option<String> },
    LongText { max_length: Option<u64> },
    Number { min: Option<f64>, max: Option<f64>, integer: bool },
    /// Shown in the Buddhist Era in Thai; stored as ISO 8601.
    Date,
    YesNo,
    /// One of the options: radio buttons, or a list when `list`.
    Single { options: Vec<Choice>, list: bool },
    /// Any of the options, as check boxes.
    Multiple { options: Vec<Choice> },
    CitizenId,
    Phone,
    Email,
    Postcode,
    /// House number to postcode, with the province → district →
    /// subdistrict cascade.
    Address,
    /// Files attached as evidence: accepted media types, the largest file,
    /// how many, and what photos are made into.
    Evidence { accept: Vec<String>, max_bytes: u64, max_count: usize, long_edge: Option<u32>, target_bytes: Option<u64> },
    /// A group of questions under one title.
    Section { questions: Vec<Question> },
    /// The same questions asked again for each item (staff, products).
    Repeat { questions: Vec<Question>, min: usize, max: Option<usize> },
    /// A box the citizen must tick.
    Declaration,
    /// "The applicant is …": one of several shapes, each a section of its
    /// own questions (an individual, or a company). Each shape is a
    /// question of kind [`Kind::Section`]: its key is what is stored.
    Shapes { shapes: Vec<Question> },
    /// A question of a hand-written form that no kind here expresses: its
    /// schema and UI are in [`Question::advanced`], and only its words
    /// and conditions are edited here.
    HandWritten,
}

/// One option of a choice: what is stored, and what is shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: LocalText,
}

/// "When \<question\> is / is not / is more than \<value\>", on a question
/// at the same level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Condition {
    pub on: Key,
    pub test: Test,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Test {
    Is(Value),
    IsNot(Value),
    MoreThan(f64),
}

impl Kind {
    /// The questions inside a section or a repeating group.
    pub fn children(&self) -> &[Question] {
        match self {
            Kind::Section { questions } | Kind::Repeat { questions, .. } | Kind::Shapes { shapes: questions } => questions,
            _ => &[],
        }
    }

    /// The questions inside a section or a repeating group, to change.
    pub fn children_mut(&mut self) -> Option<&mut Vec<Question>> {
        match self {
            Kind::Section { questions } | Kind::Repeat { questions, .. } | Kind::Shapes { shapes: questions } => Some(questions),
            _ => None,
        }
    }

    /// Whether a condition's test can be asked of an answer of this kind.
    pub fn takes(&self, test: &Test) -> bool {
        match (self, test) {
            (Kind::Number { .. }, _) => true,
            (_, Test::MoreThan(_)) => false,
            (Kind::YesNo | Kind::Declaration, Test::Is(v) | Test::IsNot(v)) => v.is_boolean(),
            (Kind::Single { options, .. } | Kind::Multiple { options }, Test::Is(v) | Test::IsNot(v)) => {
                options.iter().any(|o| v.as_str() == Some(o.value.as_str()))
            }
            (Kind::Section { .. } | Kind::Repeat { .. } | Kind::Shapes { .. } | Kind::Evidence { .. } | Kind::Address, _) => false,
            // Whatever the hand-written schema allows: the renderer judges.
            (Kind::HandWritten, _) => true,
            _ => true,
        }
    }
}

/// The kinds a clerk can pick, by name, with their names in Thai and English.
pub const KINDS: [(&str, &str, &str); 17] = [
    ("short_text", "ข้อความสั้น", "Short text"),
    ("long_text", "ข้อความยาว", "Long text"),
    ("number", "ตัวเลข", "Number"),
    ("date", "วันที่", "Date"),
    ("yes_no", "ใช่/ไม่ใช่", "Yes or no"),
    ("single", "เลือกหนึ่งข้อ", "One choice"),
    ("multiple", "เลือกได้หลายข้อ", "Several choices"),
    ("citizen_id", "เลขประจำตัวประชาชน", "Thai citizen ID"),
    ("phone", "หมายเลขโทรศัพท์", "Phone number"),
    ("email", "อีเมล", "E-mail"),
    ("postcode", "รหัสไปรษณีย์", "Postcode"),
    ("address", "ที่อยู่", "Thai address"),
    ("evidence", "แนบไฟล์หลักฐาน", "Evidence upload"),
    ("section", "หมวด (กลุ่มคำถาม)", "Section"),
    ("repeat", "กลุ่มคำถามที่เพิ่มได้", "Repeating group"),
    ("declaration", "ช่องรับรอง", "Declaration box"),
    ("shapes", "เลือกรูปแบบ (เช่น บุคคลธรรมดา หรือนิติบุคคล)", "One of several shapes (an individual or a company)"),
];

impl Kind {
    /// A new question's kind `name` ([`KINDS`]), with the kit's defaults.
    pub fn blank(name: &str) -> Option<Kind> {
        Some(match name {
            "short_text" => Kind::ShortText { max_length: None, pattern: None },
            "long_text" => Kind::LongText { max_length: None },
            "number" => Kind::Number { min: None, max: None, integer: false },
            "date" => Kind::Date,
            "yes_no" => Kind::YesNo,
            "single" => Kind::Single { options: Vec::new(), list: false },
            "multiple" => Kind::Multiple { options: Vec::new() },
            "citizen_id" => Kind::CitizenId,
            "phone" => Kind::Phone,
            "email" => Kind::Email,
            "postcode" => Kind::Postcode,
            "address" => Kind::Address,
            // Photos made small on the phone: 1600 px on the long edge, about 500 KB.
            "evidence" => Kind::Evidence {
                accept: vec!["image/jpeg".into(), "image/png".into(), "application/pdf".into()],
                max_bytes: 10 * 1024 * 1024,
                max_count: 3,
                long_edge: Some(1600),
                target_bytes: Some(500 * 1024),
            },
            "section" => Kind::Section { questions: Vec::new() },
            "repeat" => Kind::Repeat { questions: Vec::new(), min: 0, max: None },
            "declaration" => Kind::Declaration,
            "shapes" => {
                let shape = |key: &str, th: &str, en: &str| Question { key: key_of(key), title: LocalText::new(th, en), ..Question::new(Kind::Section { questions: Vec::new() }, &[]) };
                Kind::Shapes { shapes: vec![shape("person", "บุคคลธรรมดา", "An individual"), shape("company", "นิติบุคคล", "A company")] }
            }
            _ => return None,
        })
    }

    /// Whether its answer is typed, and so can show a placeholder.
    pub fn is_typed(&self) -> bool {
        matches!(self, Kind::ShortText { .. } | Kind::LongText { .. } | Kind::Number { .. } | Kind::CitizenId | Kind::Phone | Kind::Email | Kind::Postcode)
    }

    /// The checks an answer of this kind can fail, by schema keyword: a
    /// clerk's own message for the question stands for each of them.
    pub fn keywords(&self) -> &'static [&'static str] {
        match self {
            Kind::ShortText { .. } => &["required", "pattern", "maxLength", "minLength"],
            Kind::LongText { .. } => &["required", "maxLength"],
            Kind::Number { .. } => &["required", "type", "minimum", "maximum"],
            Kind::Date => &["required", "format"],
            Kind::CitizenId | Kind::Phone | Kind::Email | Kind::Postcode => &["required", "pattern", "format", "minLength", "maxLength"],
            Kind::Evidence { .. } | Kind::Multiple { .. } => &["required", "minItems", "maxItems"],
            Kind::Declaration => &["required", "const"],
            Kind::Repeat { .. } => &["minItems", "maxItems"],
            Kind::YesNo | Kind::Single { .. } | Kind::Address | Kind::Shapes { .. } => &["required"],
            Kind::Section { .. } | Kind::HandWritten => &[],
        }
    }

    /// Its name in [`KINDS`].
    pub fn name(&self) -> &'static str {
        match self {
            Kind::ShortText { .. } => "short_text",
            Kind::LongText { .. } => "long_text",
            Kind::Number { .. } => "number",
            Kind::Date => "date",
            Kind::YesNo => "yes_no",
            Kind::Single { .. } => "single",
            Kind::Multiple { .. } => "multiple",
            Kind::CitizenId => "citizen_id",
            Kind::Phone => "phone",
            Kind::Email => "email",
            Kind::Postcode => "postcode",
            Kind::Address => "address",
            Kind::Evidence { .. } => "evidence",
            Kind::Section { .. } => "section",
            Kind::Repeat { .. } => "repeat",
            Kind::Declaration => "declaration",
            Kind::Shapes { .. } => "shapes",
            Kind::HandWritten => "hand_written",
        }
    }
}

impl Question {
    /// The clerk's own message for a wrong answer, if there is one.
    pub fn message(&self) -> Option<&LocalText> {
        self.messages.first().map(|(_, t)| t)
    }

    /// Sets the clerk's own message for every check the question's kind can fail.
    pub fn set_message(&mut self, text: LocalText) {
        self.messages = match text.is_empty() {
            true => Vec::new(),
            false => self.kind.keywords().iter().map(|k| ((*k).to_owned(), text.clone())).collect(),
        };
    }

    /// A new, untitled question of `kind`, keyed apart from `taken`.
    pub fn new(kind: Kind, taken: &[Key]) -> Question {
        Question {
            key: Key::from_title("", "", taken),
            title: LocalText::default(),
            help: LocalText::default(),
            placeholder: LocalText::default(),
            required: false,
            kind,
            messages: Vec::new(),
            show_when: None,
            required_when: None,
            advanced: Advanced::default(),
        }
    }
}

impl Design {
    /// A blank service with the id `id`, sent by e-mail.
    pub fn blank(id: &str) -> Design {
        Design {
            service: Service {
                id: id.to_owned(),
                title: LocalText::default(),
                agency: LocalText::default(),
                description: LocalText::default(),
                channel: Channel::Email(String::new()),
                fee: None,
                draft_days: None,
                version: None,
                encrypt_to: Vec::new(),
            },
            questions: Vec::new(),
            steps: Vec::new(),
            advanced: Advanced::default(),
        }
    }

    /// Makes each question's key from its title again (until the first
    /// save: afterwards keys stay, whatever the titles become), and moves
    /// the conditions and steps that named the old keys along.
    pub fn key_from_titles(&mut self) {
        for (old, new) in rekey(&mut self.questions) {
            for s in &mut self.steps {
                s.questions.iter_mut().filter(|k| **k == old).for_each(|k| *k = new.clone());
            }
        }
    }

    /// Makes the form `n` wizard steps (none: one page). New steps are
    /// titled by number; questions on steps taken away go to the last one
    /// left, and a form becoming a wizard starts with all on the first.
    pub fn set_step_count(&mut self, n: usize) {
        if n == 0 {
            self.steps.clear();
            return;
        }
        let had = self.steps.len();
        let orphans: Vec<Key> = self.steps.iter().skip(n).flat_map(|s| s.questions.clone()).collect();
        self.steps.truncate(n);
        for k in had..n {
            let title = LocalText::new(format!("ขั้นตอนที่ {}", k + 1), format!("Step {}", k + 1));
            self.steps.push(Step { title, questions: Vec::new() });
        }
        let placed: Vec<Key> = self.steps.iter().flat_map(|s| s.questions.clone()).collect();
        let unplaced: Vec<Key> = self.questions.iter().map(|q| q.key.clone()).filter(|k| !placed.contains(k) || orphans.contains(k)).collect();
        let last = if had == 0 { 0 } else { self.steps.len() - 1 };
        for k in unplaced {
            self.put_on_step(&k, last);
        }
    }

    /// Puts the top-level question `key` on step `step` (counted from 0),
    /// off any other; each step lists its questions in the form's order.
    pub fn put_on_step(&mut self, key: &Key, step: usize) {
        if step >= self.steps.len() {
            return;
        }
        for s in &mut self.steps {
            s.questions.retain(|k| k != key);
        }
        self.steps[step].questions.push(key.clone());
        let order: Vec<Key> = self.questions.iter().map(|q| q.key.clone()).collect();
        self.steps[step].questions.sort_by_key(|k| order.iter().position(|o| o == k));
    }

    /// After questions came or went: steps list only questions there are,
    /// and a question on none goes on the last.
    pub fn tidy_steps(&mut self) {
        let Some(last) = self.steps.len().checked_sub(1) else { return };
        let keys: Vec<Key> = self.questions.iter().map(|q| q.key.clone()).collect();
        for s in &mut self.steps {
            s.questions.retain(|k| keys.contains(k));
        }
        for k in keys {
            if self.step_of(&k).is_none() {
                self.put_on_step(&k, last);
            }
        }
    }

    /// The step the top-level question `key` is on.
    pub fn step_of(&self, key: &Key) -> Option<usize> {
        self.steps.iter().position(|s| s.questions.contains(key))
    }

    /// The list of questions that holds the question at `path` (indices
    /// from the top level down through sections and repeating groups).
    pub fn list_at(&mut self, path: &[usize]) -> Option<&mut Vec<Question>> {
        let (_, parents) = path.split_last()?;
        let mut list = &mut self.questions;
        for &i in parents {
            list = list.get_mut(i)?.kind.children_mut()?;
        }
        Some(list)
    }

    /// The question at `path`.
    pub fn question_at(&mut self, path: &[usize]) -> Option<&mut Question> {
        let i = *path.last()?;
        self.list_at(path)?.get_mut(i)
    }
}

/// Keys made again from titles in `list` and below, conditions at each
/// level following; the top level's changes, old and new.
fn rekey(list: &mut [Question]) -> Vec<(Key, Key)> {
    let mut changed = Vec::new();
    for i in 0..list.len() {
        let taken: Vec<Key> = list.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, q)| q.key.clone()).collect();
        let q = &list[i];
        let new = Key::from_title(q.title.en.as_deref().unwrap_or(""), q.title.th.as_deref().unwrap_or(""), &taken);
        let old = std::mem::replace(&mut list[i].key, new.clone());
        if let Some(children) = list[i].kind.children_mut() {
            rekey(children);
        }
        if old == new {
            continue;
        }
        for q in list.iter_mut() {
            for c in [&mut q.show_when, &mut q.required_when].into_iter().flatten() {
                if c.on == old {
                    c.on = new.clone();
                }
            }
        }
        changed.push((old, new));
    }
    changed
}

/// A key the kit spells itself, known to be one.
fn key_of(k: &str) -> Key {
    Key::parse(k).unwrap_or_else(|| Key::from_title(k, "", &[]))
}
