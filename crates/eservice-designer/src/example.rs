//! A worked example a clerk can start from, and the tests' own: the food
//! shop licence of a municipality, with an individual-or-company choice, a
//! fire-safety question above 200 m², staff, photos, three steps and a fee.

use eservice_base::LocalText;
use serde_json::json;

use crate::design::{Channel, Choice, Condition, Design, Fee, Kind, Question, Service, Step, Test};
use crate::key::Key;

pub(crate) fn t(th: &str, en: &str) -> LocalText {
    LocalText::new(th, en)
}

pub(crate) fn key(k: &str) -> Key {
    Key::parse(k).unwrap_or_else(|| Key::from_title(k, "", &[]))
}

pub(crate) fn q(k: &str, th: &str, en: &str, kind: Kind) -> Question {
    Question {
        key: key(k),
        title: t(th, en),
        help: LocalText::default(),
        placeholder: LocalText::default(),
        required: true,
        kind,
        messages: Vec::new(),
        show_when: None,
        required_when: None,
        advanced: Default::default(),
    }
}

/// The food shop licence of the issue: individual or company, a fire-safety
/// question above 200 m², staff, photos, three steps and a fee.
pub fn food_shop() -> Design {
    let choice = |v: &str, th: &str, en: &str| Choice { value: v.into(), label: t(th, en) };
    let mut company_name = q("company_name", "ชื่อนิติบุคคล", "Company name", Kind::ShortText { max_length: Some(200), pattern: None });
    company_name.show_when = Some(Condition { on: key("applicant_type"), test: Test::Is(json!("company")) });
    let mut citizen_id = q("citizen_id", "เลขประจำตัวประชาชน", "Citizen ID", Kind::CitizenId);
    citizen_id.show_when = Some(Condition { on: key("applicant_type"), test: Test::Is(json!("person")) });
    let mut fire_exits = q("fire_exits", "จำนวนทางหนีไฟ", "Fire exits", Kind::Number { min: Some(1.0), max: None, integer: true });
    fire_exits.show_when = Some(Condition { on: key("area"), test: Test::MoreThan(200.0) });
    let mut staff = q(
        "staff",
        "ผู้สัมผัสอาหาร",
        "Food handlers",
        Kind::Repeat { questions: vec![q("name", "ชื่อ", "Name", Kind::ShortText { max_length: None, pattern: None })], min: 0, max: Some(20) },
    );
    staff.required = false;
    Design {
        service: Service {
            id: "food-shop".into(),
            title: t("ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร", "Food shop licence"),
            agency: t("เทศบาลตำบลตัวอย่าง", "Example Municipality"),
            description: LocalText::default(),
            channel: Channel::Email("saraban@example.go.th".into()),
            fee: Some(Fee { biller_id: "099400016180300".into(), amount: "200".into() }),
            draft_days: Some(14),
            version: Some("1".into()),
            encrypt_to: Vec::new(),
        },
        questions: vec![
            q("applicant_type", "ผู้ขอเป็น", "The applicant is", Kind::Single { options: vec![choice("person", "บุคคลธรรมดา", "An individual"), choice("company", "นิติบุคคล", "A company")], list: false }),
            citizen_id,
            company_name,
            q(
                "shop",
                "สถานที่จำหน่ายอาหาร",
                "The shop",
                Kind::Section {
                    questions: vec![
                        q("name", "ชื่อร้าน", "Shop name", Kind::ShortText { max_length: Some(200), pattern: None }),
                        q("area", "พื้นที่ (ตารางเมตร)", "Floor area (m²)", Kind::Number { min: Some(1.0), max: None, integer: false }),
                        fire_exits,
                    ],
                },
            ),
            staff,
            q(
                "photos",
                "ภาพถ่ายร้าน",
                "Photos of the shop",
                Kind::Evidence { accept: vec!["image/jpeg".into(), "image/png".into()], max_bytes: 10_000_000, max_count: 3, long_edge: Some(1600), target_bytes: Some(500_000) },
            ),
            q("declaration", "ข้าพเจ้าขอรับรองว่าข้อความข้างต้นเป็นความจริง", "I certify the above is true", Kind::Declaration),
        ],
        steps: vec![
            Step { title: t("ผู้ขอ", "Applicant"), questions: vec![key("applicant_type"), key("citizen_id"), key("company_name")] },
            Step { title: t("ร้าน", "Shop"), questions: vec![key("shop"), key("staff")] },
            Step { title: t("หลักฐาน", "Evidence"), questions: vec![key("photos"), key("declaration")] },
        ],
        advanced: Default::default(),
    }
}

