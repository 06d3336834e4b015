//! A service as the clerk designs it.

use eservice_base::LocalText;
use serde_json::Value;

use crate::key::Key;

/// A whole service: its settings and its questions, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Design {
    pub service: Service,
    pub questions: Vec<Question>,
    /// The wizard's pages, by the keys of the top-level questions on each;
    /// none: one page.
    pub steps: Vec<Step>,
}

/// What the service is, who runs it, where requests go, and its fee.
#[derive(Clone, Debug, PartialEq)]
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
}

/// Where a citizen's request goes.
#[derive(Clone, Debug, PartialEq)]
pub enum Channel {
    /// Sent by e-mail to the agency's inbox.
    Email(String),
    /// Posted to the agency's e-Service (an `https://` URL).
    Endpoint(String),
}

/// A PromptPay bill payment.
#[derive(Clone, Debug, PartialEq)]
pub struct Fee {
    /// The 15-digit biller ID.
    pub biller_id: String,
    /// In baht, as written (`"50"`, `"12.50"`).
    pub amount: String,
}

/// One page of the wizard.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub title: LocalText,
    pub questions: Vec<Key>,
}

/// One question.
#[derive(Clone, Debug, PartialEq)]
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
}

/// What kind of answer a question takes.
#[derive(Clone, Debug, PartialEq)]
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
}

/// One option of a choice: what is stored, and what is shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub value: String,
    pub label: LocalText,
}

/// "When \<question\> is / is not / is more than \<value\>", on a question
/// at the same level.
#[derive(Clone, Debug, PartialEq)]
pub struct Condition {
    pub on: Key,
    pub test: Test,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Test {
    Is(Value),
    IsNot(Value),
    MoreThan(f64),
}

impl Kind {
    /// The questions inside a section or a repeating group.
    pub fn children(&self) -> &[Question] {
        match self {
            Kind::Section { questions } | Kind::Repeat { questions, .. } => questions,
            _ => &[],
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
            (Kind::Section { .. } | Kind::Repeat { .. } | Kind::Evidence { .. } | Kind::Address, _) => false,
            _ => true,
        }
    }
}
