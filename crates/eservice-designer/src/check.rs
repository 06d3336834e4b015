//! What is wrong with a design, found before anything is saved, each named
//! by the question (or setting) it is in, in Thai and English.

use eservice_base::Lang;
use eservice_forms::form::{FormSpec, Selections, Widget};
use eservice_forms::schema::{PatternEngine, Validator};
use serde_json::{json, Value};

use crate::design::{Channel, Design, Kind, Question};
use crate::emit::Saved;
use crate::key::Key;

/// Where a problem is.
#[derive(Clone, Debug, PartialEq)]
pub enum Place {
    /// A service setting: `title`, `agency`, `id`, `channel`, `fee`.
    Service(&'static str),
    /// A question, by the keys from the top level down, and its title.
    Question(Vec<Key>, String),
    /// A wizard step, counted from 1.
    Step(usize),
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq)]
pub enum What {
    NoTitle,
    /// Another question at the same level has this key.
    SameKey,
    NoOptions,
    SameOption(String),
    MinAboveMax,
    /// The pattern is not a regular expression; the parser's words.
    BadPattern(String),
    /// "show when" or "required when" names a question not at its level.
    ConditionOnMissing(Key),
    /// … or one whose kind cannot answer the test (its kind was changed).
    ConditionCannotAsk(Key),
    /// The form's id is not lowercase letters, digits and inner dashes.
    BadId,
    NotAnEmail(String),
    NotHttps(String),
    /// A PromptPay biller ID is 15 digits.
    BillerId(String),
    /// An `encryptTo` key that cannot be read; why.
    EncryptTo(eservice_seal::Error),
    Amount(String),
    /// A step lists a question that is not a top-level question.
    UnknownInStep(Key),
    /// A top-level question is on no step, or on two.
    StepCount(Key, usize),
    /// The renderer could not draw what was written; its words.
    Unrenderable(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub at: Place,
    pub what: What,
}

impl Problem {
    /// Where, then what, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let at = match &self.at {
            Place::Service(s) => lang.pick(&format!("การตั้งค่าบริการ ({s})"), &format!("Service settings ({s})")).to_owned(),
            Place::Question(keys, title) => {
                let path = keys.iter().map(Key::as_str).collect::<Vec<_>>().join("/");
                lang.pick(&format!("คำถาม “{title}” ({path})"), &format!("Question “{title}” ({path})")).to_owned()
            }
            Place::Step(n) => lang.pick(&format!("ขั้นตอนที่ {n}"), &format!("Step {n}")).to_owned(),
        };
        let what = match &self.what {
            What::NoTitle => lang.pick("ยังไม่มีชื่อภาษาไทย", "has no Thai title").to_owned(),
            What::SameKey => lang.pick("มีรหัสซ้ำกับคำถามอื่นในระดับเดียวกัน", "has the same key as another question at its level").to_owned(),
            What::NoOptions => lang.pick("ยังไม่มีตัวเลือก", "has no options").to_owned(),
            What::SameOption(v) => match lang {
                Lang::Th => format!("มีตัวเลือก “{v}” ซ้ำ"),
                Lang::En => format!("has the option “{v}” twice"),
            },
            What::MinAboveMax => lang.pick("ค่าต่ำสุดมากกว่าค่าสูงสุด", "has a minimum above its maximum").to_owned(),
            What::BadPattern(e) => match lang {
                Lang::Th => format!("รูปแบบข้อความ (pattern) ไม่ถูกต้อง: {e}"),
                Lang::En => format!("has an invalid pattern: {e}"),
            },
            What::ConditionOnMissing(k) => match lang {
                Lang::Th => format!("มีเงื่อนไขที่อ้างถึงคำถาม “{k}” ซึ่งไม่มีแล้ว"),
                Lang::En => format!("has a condition on the question “{k}”, which is no longer there"),
            },
            What::ConditionCannotAsk(k) => match lang {
                Lang::Th => format!("มีเงื่อนไขที่ใช้กับคำถาม “{k}” ไม่ได้ (ชนิดของคำถามถูกเปลี่ยน หรือค่าไม่อยู่ในตัวเลือก)"),
                Lang::En => format!("has a condition the question “{k}” cannot answer (its kind changed, or the value is not one of its options)"),
            },
            What::BadId => lang.pick("รหัสแบบฟอร์มต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข และขีดกลาง", "the form id must be lowercase letters, digits and dashes").to_owned(),
            What::NotAnEmail(a) => match lang {
                Lang::Th => format!("“{a}” ไม่ใช่ที่อยู่อีเมล"),
                Lang::En => format!("“{a}” is not an e-mail address"),
            },
            What::NotHttps(u) => match lang {
                Lang::Th => format!("“{u}” ต้องขึ้นต้นด้วย https://"),
                Lang::En => format!("“{u}” must start with https://"),
            },
            What::BillerId(b) => match lang {
                Lang::Th => format!("รหัสผู้รับชำระพร้อมเพย์ “{b}” ต้องเป็นตัวเลข 15 หลัก"),
                Lang::En => format!("the PromptPay biller ID “{b}” must be 15 digits"),
            },
            What::EncryptTo(why) => match lang {
                Lang::Th => format!("กุญแจเข้ารหัสของหน่วยงานใช้ไม่ได้: {}", why.message(lang)),
                Lang::En => format!("the agency's encryption key cannot be used: {}", why.message(lang)),
            },
            What::Amount(a) => match lang {
                Lang::Th => format!("ค่าธรรมเนียม “{a}” ต้องเป็นจำนวนเงินบาท เช่น 50 หรือ 12.50"),
                Lang::En => format!("the fee “{a}” must be an amount in baht, such as 50 or 12.50"),
            },
            What::UnknownInStep(k) => match lang {
                Lang::Th => format!("มีคำถาม “{k}” ที่ไม่อยู่ในแบบฟอร์ม"),
                Lang::En => format!("lists the question “{k}”, which is not in the form"),
            },
            What::StepCount(k, 0) => match lang {
                Lang::Th => format!("คำถาม “{k}” ยังไม่อยู่ในขั้นตอนใด"),
                Lang::En => format!("the question “{k}” is on no step"),
            },
            What::StepCount(k, _) => match lang {
                Lang::Th => format!("คำถาม “{k}” อยู่ในหลายขั้นตอน"),
                Lang::En => format!("the question “{k}” is on more than one step"),
            },
            What::Unrenderable(e) => match lang {
                Lang::Th => format!("แบบฟอร์มที่ได้แสดงผลไม่ได้: {e}"),
                Lang::En => format!("the form written could not be drawn: {e}"),
            },
        };
        format!("{at}: {what}")
    }
}

fn is_email(a: &str) -> bool {
    let Some((local, domain)) = a.split_once('@') else { return false };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !a.contains(char::is_whitespace)
        && !domain.contains('@')
}

fn is_amount(a: &str) -> bool {
    let (baht, satang) = a.split_once('.').unwrap_or((a, "00"));
    !baht.is_empty() && baht.bytes().all(|b| b.is_ascii_digit()) && (1..=2).contains(&satang.len()) && satang.bytes().all(|b| b.is_ascii_digit())
}

fn is_form_id(id: &str) -> bool {
    !id.is_empty() && !id.starts_with('-') && !id.ends_with('-') && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The problems of `questions`, at `path` below the top level.
fn questions(list: &[Question], path: &[Key], patterns: &dyn PatternEngine, out: &mut Vec<Problem>) {
    for (i, q) in list.iter().enumerate() {
        let mut keys = path.to_vec();
        keys.push(q.key.clone());
        let at = || Place::Question(keys.clone(), q.title.get(Lang::Th).to_owned());
        // A shape's question may not take the key that names the shape.
        let mut reserved = Vec::new();
        let mut say = |what: What| out.push(Problem { at: at(), what });
        // The shared definitions and hand-written schemas may carry titles of their own.
        let titled_elsewhere = matches!(q.kind, Kind::HandWritten | Kind::CitizenId | Kind::Phone | Kind::Email | Kind::Address);
        if q.title.th.as_deref().is_none_or(|t| t.trim().is_empty()) && !titled_elsewhere {
            say(What::NoTitle);
        }
        if list[..i].iter().any(|o| o.key == q.key) {
            say(What::SameKey);
        }
        match &q.kind {
            Kind::Single { options, .. } | Kind::Multiple { options } => {
                if options.is_empty() {
                    say(What::NoOptions);
                }
                for (j, o) in options.iter().enumerate() {
                    if options[..j].iter().any(|p| p.value == o.value) {
                        say(What::SameOption(o.value.clone()));
                    }
                }
            }
            Kind::Number { min: Some(a), max: Some(b), .. } if a > b => say(What::MinAboveMax),
            Kind::Repeat { min, max: Some(m), .. } if min > m => say(What::MinAboveMax),
            Kind::Shapes { shapes } => {
                if shapes.len() < 2 {
                    say(What::NoOptions);
                }
                for s in shapes {
                    for c in s.kind.children().iter().filter(|c| c.key.as_str() == crate::emit::SHAPE_KEY) {
                        let at = Place::Question(vec![q.key.clone(), s.key.clone(), c.key.clone()], c.title.get(Lang::Th).to_owned());
                        reserved.push(Problem { at, what: What::SameKey });
                    }
                }
            }
            Kind::ShortText { pattern: Some(p), .. } => {
                if let Err(reason) = patterns.compile(p) {
                    say(What::BadPattern(reason));
                }
            }
            _ => {}
        }
        for c in [&q.show_when, &q.required_when].into_iter().flatten() {
            match list.iter().find(|o| o.key == c.on && o.key != q.key) {
                None => say(What::ConditionOnMissing(c.on.clone())),
                Some(o) if !o.kind.takes(&c.test) => say(What::ConditionCannotAsk(c.on.clone())),
                Some(_) => {}
            }
        }
        out.extend(reserved);
        questions(q.kind.children(), &keys, patterns, out);
    }
}

impl Design {
    /// Everything wrong with the design, in the order the clerk meets it;
    /// `patterns` judges the regular expressions (in the browser, its own
    /// `RegExp`, which will run them).
    pub fn problems(&self, patterns: &dyn PatternEngine) -> Vec<Problem> {
        let mut out = Vec::new();
        let s = &self.service;
        let mut say = |at: &'static str, what: What| out.push(Problem { at: Place::Service(at), what });
        if !is_form_id(&s.id) {
            say("id", What::BadId);
        }
        if s.title.th.as_deref().is_none_or(|t| t.trim().is_empty()) {
            say("title", What::NoTitle);
        }
        match &s.channel {
            Channel::Email(a) if !is_email(a) => say("channel", What::NotAnEmail(a.clone())),
            Channel::Endpoint(u) if !u.starts_with("https://") || u.len() <= "https://".len() => say("channel", What::NotHttps(u.clone())),
            _ => {}
        }
        if let Some(f) = &s.fee {
            if f.biller_id.len() != 15 || !f.biller_id.bytes().all(|b| b.is_ascii_digit()) {
                say("fee", What::BillerId(f.biller_id.clone()));
            }
            if !is_amount(&f.amount) {
                say("fee", What::Amount(f.amount.clone()));
            }
        }
        for k in s.keys() {
            if let Err(e) = eservice_seal::Recipient::parse(k) {
                out.push(Problem { at: Place::Service("encryptTo"), what: What::EncryptTo(e) });
            }
        }
        questions(&self.questions, &[], patterns, &mut out);
        if !self.steps.is_empty() {
            for (n, step) in self.steps.iter().enumerate() {
                for k in &step.questions {
                    if !self.questions.iter().any(|q| q.key == *k) {
                        out.push(Problem { at: Place::Step(n + 1), what: What::UnknownInStep(k.clone()) });
                    }
                }
            }
            for q in &self.questions {
                let on = self.steps.iter().filter(|s| s.questions.contains(&q.key)).count();
                if on != 1 {
                    out.push(Problem { at: Place::Question(vec![q.key.clone()], q.title.get(Lang::Th).to_owned()), what: What::StepCount(q.key.clone(), on) });
                }
            }
        }
        out
    }

    /// The files to write, once the design has no problem and the renderer
    /// draws what they say; `common_defs` is `forms/common/defs.json`.
    pub fn save(&self, common_defs: &Value, patterns: Box<dyn PatternEngine>) -> Result<Saved, Vec<Problem>> {
        let problems = self.problems(&*patterns);
        if !problems.is_empty() {
            return Err(problems);
        }
        let saved = Saved { schema: self.schema(), ui: self.ui(), entry: self.index_entry() };
        let unrenderable = |e: String| vec![Problem { at: Place::Service("schema"), what: What::Unrenderable(e) }];
        let base = format!("https://kit.invalid/forms/{}/schema.json", self.service.id);
        let validator = Validator::builder(saved.schema.clone())
            .base(&base)
            .document("https://kit.invalid/forms/common/defs.json", common_defs.clone())
            .build(patterns)
            .map_err(|e| unrenderable(e.message(Lang::En)))?;
        let spec = FormSpec::new(&validator, &saved.ui, &json!({}), &Selections::default());
        if let Some(reason) = spec.leaves().iter().find_map(|f| match &f.widget {
            Widget::Unsupported { reason } => Some(reason.clone()),
            _ => None,
        }) {
            return Err(unrenderable(reason));
        }
        Ok(saved)
    }
}
