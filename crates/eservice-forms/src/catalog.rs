//! The agency's list of services: `forms/index.json`.
//!
//! A broken entry must not hide the good ones, so entries are read one by
//! one and each problem is reported beside the forms that did load.

use std::fmt;

use serde_json::Value;

use eservice_base::lang::{Lang, LocalText};
use eservice_seal::Recipient;

/// A form's id: it names a folder under `forms/`, so it is restricted to
/// lowercase ASCII letters, digits and inner dashes; no path can hide in it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FormId(String);

impl FormId {
    pub fn parse(s: &str) -> Option<FormId> {
        let ok = (1..=64).contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-');
        ok.then(|| FormId(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form's JSON Schema, relative to the app.
    pub fn schema_path(&self) -> String {
        format!("forms/{}/schema.json", self.0)
    }

    /// The form's UI schema, relative to the app.
    pub fn ui_path(&self) -> String {
        format!("forms/{}/ui.json", self.0)
    }
}

impl fmt::Display for FormId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How a form's submissions reach the agency.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Channel {
    /// Starter level: the citizen downloads the package and e-mails it.
    Email(String),
    /// Standard level: a multipart POST to the agency's e-Service.
    Post(String),
    /// Not configured: the package is offered as a download only.
    #[default]
    Download,
}

/// A form's fee, paid by PromptPay to the agency's biller ID (the QR code
/// itself is made in `eservice-package`'s `promptpay`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fee {
    pub biller_id: String,
    pub amount: Option<Satang>,
}

/// A fee in satang, so no float rounding reaches the payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Satang(pub u64);

impl Satang {
    /// From baht as the form config writes it (`350`, `350.5`, `350.50`).
    pub fn from_baht(text: &str) -> Option<Satang> {
        let (whole, frac) = text.trim().split_once('.').unwrap_or((text.trim(), ""));
        if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) || frac.len() > 2 || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let frac = format!("{frac:0<2}");
        Some(Satang(whole.parse::<u64>().ok()?.checked_mul(100)?.checked_add(frac.parse::<u64>().ok()?)?))
    }

    /// `350.00`.
    pub fn baht(self) -> String {
        format!("{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

/// Whether a form's packages are sealed before they leave the page: to the
/// agency's public keys (`encryptTo`, on the entry or for the whole index),
/// or not. A key that cannot be read stops the form: it is never taken to
/// mean "send in the clear".
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Sealing {
    #[default]
    Clear,
    To(Vec<Recipient>),
    Unreadable(eservice_seal::RecipientsProblem),
}

impl Sealing {
    /// `encryptTo`: one `age1…` key, or a list of them.
    fn from_json(v: Option<&Value>) -> Sealing {
        let keys: Vec<&Value> = match v {
            None => return Sealing::Clear,
            Some(Value::Array(list)) => list.iter().collect(),
            Some(one) => vec![one],
        };
        use eservice_seal::{KeyProblem, RecipientsProblem};
        let read = |k: &Value| match k.as_str() {
            Some(text) => Recipient::parse(text).map_err(RecipientsProblem::of),
            None => Err(RecipientsProblem::BadKey(k.to_string(), KeyProblem::NotText)),
        };
        match keys.into_iter().map(read).collect::<Result<Vec<_>, _>>() {
            Ok(to) if to.is_empty() => Sealing::Unreadable(RecipientsProblem::NoRecipient),
            Ok(to) => Sealing::To(to),
            Err(e) => Sealing::Unreadable(e),
        }
    }
}

/// One service in the list.
#[derive(Clone, Debug, PartialEq)]
pub struct CatalogEntry {
    pub id: FormId,
    pub title: LocalText,
    pub agency: Option<LocalText>,
    pub description: Option<LocalText>,
    /// The form's version as the agency names it (`"version"`), if it does.
    pub version: Option<String>,
    pub channel: Channel,
    pub fee: Option<Fee>,
    pub sealing: Sealing,
}

/// What `index.json` held: the usable entries and what was wrong with the rest.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalog {
    pub entries: Vec<CatalogEntry>,
    pub problems: Vec<CatalogProblem>,
}

/// Why (part of) an index could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogProblem {
    /// The top level is not `{"forms": [...]}`.
    NoFormsList,
    /// Entry `index` (0-based) has no usable `id`.
    BadId { index: usize },
    /// Entry `index` has no `title`.
    NoTitle { index: usize },
    /// Two entries share an id; the later one is ignored.
    DuplicateId { index: usize, id: String },
    /// `submit` is neither `{"email": …}` nor `{"endpoint": "https://…"}`.
    BadChannel { index: usize },
    /// `fee` lacks a 15-digit `billerId` or has an unreadable `amount`.
    BadFee { index: usize },
    /// `encryptTo` (the entry's, or the index's) cannot be read: the form
    /// stays listed but cannot be sent.
    BadEncryptTo { index: usize, why: eservice_seal::RecipientsProblem },
}

impl CatalogProblem {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (CatalogProblem::NoFormsList, Lang::Th) => "ไม่มีรายการ \"forms\" ในไฟล์".into(),
            (CatalogProblem::NoFormsList, Lang::En) => "the file has no \"forms\" list".into(),
            (CatalogProblem::BadId { index }, Lang::Th) => format!(
                "รายการที่ {} ไม่มี \"id\" ที่ใช้ได้ (ใช้ได้เฉพาะ a-z 0-9 และ -)",
                index + 1
            ),
            (CatalogProblem::BadId { index }, Lang::En) => {
                format!("entry {} has no usable \"id\" (only a-z, 0-9 and - are allowed)", index + 1)
            }
            (CatalogProblem::NoTitle { index }, Lang::Th) => format!("รายการที่ {} ไม่มี \"title\"", index + 1),
            (CatalogProblem::NoTitle { index }, Lang::En) => format!("entry {} has no \"title\"", index + 1),
            (CatalogProblem::DuplicateId { index, id }, Lang::Th) => {
                format!("รายการที่ {} ใช้ id \"{id}\" ซ้ำกับรายการก่อนหน้า", index + 1)
            }
            (CatalogProblem::DuplicateId { index, id }, Lang::En) => {
                format!("entry {} repeats the id \"{id}\"", index + 1)
            }
            (CatalogProblem::BadChannel { index }, Lang::Th) => {
                format!("รายการที่ {} ตั้งค่า \"submit\" ไม่ถูกต้อง (ใช้ {{\"email\": …}} หรือ {{\"endpoint\": \"https://…\"}})", index + 1)
            }
            (CatalogProblem::BadChannel { index }, Lang::En) => {
                format!("entry {} has an unusable \"submit\" (use {{\"email\": …}} or {{\"endpoint\": \"https://…\"}})", index + 1)
            }
            (CatalogProblem::BadFee { index }, Lang::Th) => {
                format!("รายการที่ {} ตั้งค่า \"fee\" ไม่ถูกต้อง (billerId 15 หลัก และ amount เป็นบาท)", index + 1)
            }
            (CatalogProblem::BadFee { index }, Lang::En) => {
                format!("entry {} has an unusable \"fee\" (a 15-digit billerId, amount in baht)", index + 1)
            }
            (CatalogProblem::BadEncryptTo { index, why }, Lang::Th) => {
                format!("รายการที่ {} ตั้งค่า \"encryptTo\" ไม่ถูกต้อง จึงส่งคำขอนี้ไม่ได้: {}", index + 1, why.message(lang))
            }
            (CatalogProblem::BadEncryptTo { index, why }, Lang::En) => {
                format!("entry {} has an unusable \"encryptTo\", so it cannot be sent: {}", index + 1, why.message(lang))
            }
        }
    }
}

impl Catalog {
    pub fn from_json(v: &Value) -> Catalog {
        let Some(list) = v.get("forms").and_then(Value::as_array) else {
            return Catalog { entries: vec![], problems: vec![CatalogProblem::NoFormsList] };
        };
        let mut c = Catalog::default();
        // The agency's key for every form that does not name its own.
        let agency_key = v.get("encryptTo");
        for (index, e) in list.iter().enumerate() {
            let Some(id) = e.get("id").and_then(Value::as_str).and_then(FormId::parse) else {
                c.problems.push(CatalogProblem::BadId { index });
                continue;
            };
            let Some(title) = e.get("title").and_then(LocalText::from_json) else {
                c.problems.push(CatalogProblem::NoTitle { index });
                continue;
            };
            if c.entries.iter().any(|x| x.id == id) {
                c.problems.push(CatalogProblem::DuplicateId { index, id: id.0 });
                continue;
            }
            let text = |k: &str| e.get(k).and_then(LocalText::from_json);
            let channel = match e.get("submit") {
                None => Channel::Download,
                Some(s) => match (s.get("email").and_then(Value::as_str), s.get("endpoint").and_then(Value::as_str)) {
                    (Some(m), None) if m.contains('@') && !m.contains([' ', '?', '&']) => Channel::Email(m.to_owned()),
                    (None, Some(u)) if u.starts_with("https://") || u.starts_with("http://127.0.0.1") || u.starts_with("http://localhost") => Channel::Post(u.to_owned()),
                    _ => {
                        c.problems.push(CatalogProblem::BadChannel { index });
                        Channel::Download
                    }
                },
            };
            let fee = match e.get("fee") {
                None => None,
                Some(f) => {
                    let biller = f.get("billerId").and_then(Value::as_str).filter(|b| b.len() == 15 && b.bytes().all(|c| c.is_ascii_digit()));
                    let amount = match f.get("amount") {
                        None => Some(None),
                        Some(Value::String(a)) => Satang::from_baht(a).map(Some),
                        // Whole baht as a number; decimals as a string ("350.50").
                        Some(Value::Number(n)) => n.as_u64().and_then(|b| b.checked_mul(100)).map(|s| Some(Satang(s))),
                        _ => None,
                    };
                    match (biller, amount) {
                        (Some(b), Some(amount)) => Some(Fee { biller_id: b.to_owned(), amount }),
                        _ => {
                            c.problems.push(CatalogProblem::BadFee { index });
                            None
                        }
                    }
                }
            };
            let version = e.get("version").and_then(Value::as_str).map(str::to_owned);
            let sealing = Sealing::from_json(e.get("encryptTo").or(agency_key));
            if let Sealing::Unreadable(why) = &sealing {
                c.problems.push(CatalogProblem::BadEncryptTo { index, why: why.clone() });
            }
            c.entries.push(CatalogEntry { id, title, agency: text("agency"), description: text("description"), version, channel, fee, sealing });
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ids_cannot_carry_paths() {
        assert!(FormId::parse("commerce-registration").is_some());
        for bad in ["", "../etc", "a/b", "A", "-a", "a-", "ก", "a.json", &"a".repeat(65)] {
            assert_eq!(FormId::parse(bad), None, "{bad}");
        }
        assert_eq!(FormId::parse("x1").unwrap().schema_path(), "forms/x1/schema.json");
    }

    #[test]
    fn bad_entries_are_reported_and_good_ones_kept() {
        let c = Catalog::from_json(&json!({"forms": [
            {"id": "a", "title": "ก"},
            {"id": "../x", "title": "bad"},
            {"id": "b"},
            {"id": "a", "title": "again"},
            {"id": "c", "title": {"th": "ค", "en": "C"}, "agency": "กรม"}
        ]}));
        let ids: Vec<&str> = c.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(c.problems, [
            CatalogProblem::BadId { index: 1 },
            CatalogProblem::NoTitle { index: 2 },
            CatalogProblem::DuplicateId { index: 3, id: "a".into() },
        ]);
        assert_eq!(c.entries[1].title.get(Lang::En), "C");
        assert_eq!(c.problems[1].message(Lang::En), "entry 3 has no \"title\"");
    }

    #[test]
    fn sealing_to_the_agency_key_or_stopped() {
        let key = |b: u8| eservice_seal::Identity::generate(&mut |buf: &mut [u8]| buf.fill(b)).recipient();
        let (agency, own) = (key(1), key(2));
        let c = Catalog::from_json(&json!({"encryptTo": agency.to_string(), "forms": [
            {"id": "a", "title": "ก"},
            {"id": "b", "title": "ข", "encryptTo": [own.to_string(), agency.to_string()]},
            {"id": "c", "title": "ค", "encryptTo": "age1notakey"},
            {"id": "d", "title": "ง", "encryptTo": []}
        ]}));
        assert_eq!(c.entries[0].sealing, Sealing::To(vec![agency]));
        assert_eq!(c.entries[1].sealing, Sealing::To(vec![own, agency]));
        assert!(matches!(c.entries[2].sealing, Sealing::Unreadable(eservice_seal::RecipientsProblem::BadKey(..))));
        assert_eq!(c.entries[3].sealing, Sealing::Unreadable(eservice_seal::RecipientsProblem::NoRecipient));
        assert_eq!(c.problems.len(), 2);
        assert!(c.problems[0].message(Lang::En).starts_with("entry 3 has an unusable \"encryptTo\", so it cannot be sent: The key “age1notakey” cannot be read: a character is wrong"), "{}", c.problems[0].message(Lang::En));
        assert_eq!(Catalog::from_json(&json!({"forms": [{"id": "a", "title": "ก"}]})).entries[0].sealing, Sealing::Clear);
    }

    #[test]
    fn channels_and_fees() {
        let c = Catalog::from_json(&json!({"forms": [
            {"id": "a", "title": "ก", "submit": {"email": "saraban@agency.go.th"}, "fee": {"billerId": "099400016180300", "amount": "350"}},
            {"id": "b", "title": "ข", "submit": {"endpoint": "https://eservice.agency.go.th/submissions"}},
            {"id": "c", "title": "ค", "submit": {"endpoint": "ftp://x"}, "fee": {"billerId": "12"}},
            {"id": "d", "title": "ง"}
        ]}));
        assert_eq!(c.entries[0].channel, Channel::Email("saraban@agency.go.th".into()));
        assert_eq!(c.entries[0].fee.as_ref().unwrap().amount, Some(Satang(35000)));
        assert_eq!(c.entries[1].channel, Channel::Post("https://eservice.agency.go.th/submissions".into()));
        assert_eq!((c.entries[2].channel.clone(), c.entries[2].fee.clone()), (Channel::Download, None));
        assert_eq!(c.problems, [CatalogProblem::BadChannel { index: 2 }, CatalogProblem::BadFee { index: 2 }]);
        assert_eq!(c.entries[3].channel, Channel::Download);
    }

    #[test]
    fn not_a_list_at_all() {
        assert_eq!(Catalog::from_json(&json!([1, 2])).problems, [CatalogProblem::NoFormsList]);
    }
}
