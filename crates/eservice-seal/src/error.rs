//! What went wrong opening or sealing, each in words a clerk can act on.

use eservice_base::Lang;

/// Why a sealed file could not be opened (or a key read).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// Not an age file.
    NotAge,
    /// An age file this kit cannot open: the header names what.
    Unsupported(String),
    /// Changed or cut short on the way.
    Damaged(Damage),
    /// None of the file's recipients is this key.
    WrongKey,
    /// The passphrase does not open it.
    WrongPassphrase,
    /// A key that cannot be read: the text given (cut short), and why.
    BadKey(String, KeyProblem),
    /// A passphrase file asking more work than allowed (scrypt's log2 N).
    TooCostly { work: u8, limit: u8 },
    /// No recipient, or a passphrase beside other recipients.
    Recipients,
}

/// Why a key cannot be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyProblem {
    /// Not Bech32: a character wrong or missing, or the checksum off.
    Unreadable,
    /// A key of another kind (the wrong prefix): a public key where a
    /// private one is wanted, or the other way round.
    WrongKind { public_wanted: bool },
    /// Not 32 bytes long.
    WrongLength,
    /// A public key written in capitals.
    Uppercase,
    /// Not text: neither an identity file nor a key.
    NotText,
    /// No `AGE-SECRET-KEY-1…` line in an identity file.
    NoSecretLine,
}

/// Which part of a sealed file failed its check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Damage {
    /// The text header is not as age writes it.
    Header,
    /// The header's MAC does not match: a recipient line was changed.
    HeaderMac,
    /// This chunk (from 0) does not authenticate: changed, or (the last
    /// one) cut short inside it, which its tag cannot tell apart.
    Chunk(u64),
    /// The file ends before its last chunk (cut between chunks, or in the header).
    Truncated,
    /// Bytes follow the last chunk.
    TrailingData,
}

impl Error {
    pub fn message(&self, lang: Lang) -> String {
        let th = lang == Lang::Th;
        match self {
            Error::NotAge => lang.pick("ไม่ใช่ไฟล์เข้ารหัส age", "Not an age-encrypted file").into(),
            Error::Unsupported(what) => match th {
                true => format!("เปิดไฟล์เข้ารหัสนี้ไม่ได้: ใช้วิธี {what} ซึ่งชุดเครื่องมือนี้ไม่รองรับ"),
                false => format!("This encrypted file uses {what}, which the kit cannot open"),
            },
            Error::Damaged(d) => {
                let part = match (d, th) {
                    (Damage::Header, true) => "ส่วนหัวของไฟล์ผิดรูปแบบ".into(),
                    (Damage::Header, false) => "its header is malformed".into(),
                    (Damage::HeaderMac, true) => "ส่วนหัวของไฟล์ถูกแก้ไข".into(),
                    (Damage::HeaderMac, false) => "its header was changed".into(),
                    (Damage::Chunk(n), true) => format!("ข้อมูลช่วงที่ {} (ช่วงละ 64 KiB) ถูกแก้ไขหรือขาดหาย", n + 1),
                    (Damage::Chunk(n), false) => format!("chunk {} (of 64 KiB) was changed or cut short", n + 1),
                    (Damage::Truncated, true) => "ไฟล์ขาดหายไปบางส่วน".into(),
                    (Damage::Truncated, false) => "it was cut short".into(),
                    (Damage::TrailingData, true) => "มีข้อมูลเกินมาต่อท้ายไฟล์".into(),
                    (Damage::TrailingData, false) => "bytes were added after its end".into(),
                };
                match th {
                    true => format!("ไฟล์เข้ารหัสเสียหาย: {part} ไม่ได้เปิดข้อมูลใด ๆ ออกมา ขอให้ผู้ยื่นส่งใหม่"),
                    false => format!("The encrypted file is damaged: {part}. Nothing of it was opened; ask the sender to send it again"),
                }
            }
            Error::WrongKey => lang
                .pick(
                    "กุญแจนี้เปิดไฟล์นี้ไม่ได้: ไฟล์ถูกเข้ารหัสถึงกุญแจอื่น (ตรวจว่าเลือกกุญแจของหน่วยงานถูกชุด)",
                    "This key cannot open the file: it was encrypted to another key (check that you chose the agency's right key)",
                )
                .into(),
            Error::WrongPassphrase => lang.pick("รหัสผ่านไม่ถูกต้อง", "Wrong passphrase").into(),
            Error::BadKey(text, why) => key_message(text, *why, lang),
            Error::TooCostly { work, limit } => match th {
                true => format!("ไฟล์นี้ต้องใช้การคำนวณรหัสผ่านระดับ 2^{work} เกินกว่าที่รับได้ (2^{limit})"),
                false => format!("This file asks for passphrase work 2^{work}, more than the kit allows (2^{limit})"),
            },
            Error::Recipients => lang
                .pick("ต้องมีผู้รับอย่างน้อยหนึ่งราย และรหัสผ่านใช้ร่วมกับผู้รับอื่นไม่ได้", "Give at least one recipient; a passphrase cannot be combined with others")
                .into(),
        }
    }
}

/// Why the agency's public keys (`encryptTo`) cannot be used: the part of
/// [`Error`] that reading keys meets, with messages of its own, so the page
/// that only reads the keys carries none of the other messages (measured:
/// 2.6 KB of code and their texts in the first load).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecipientsProblem {
    /// A key that cannot be read: the text given (cut short), and why.
    BadKey(String, KeyProblem),
    /// The list names no key.
    NoRecipient,
}

impl RecipientsProblem {
    /// From what [`crate::Recipient::parse`] answered.
    pub fn of(e: Error) -> RecipientsProblem {
        match e {
            Error::BadKey(text, why) => RecipientsProblem::BadKey(text, why),
            _ => RecipientsProblem::BadKey(String::new(), KeyProblem::Unreadable),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            RecipientsProblem::BadKey(text, why) => key_message(text, *why, lang),
            RecipientsProblem::NoRecipient => lang.pick("ไม่ได้ระบุกุญแจสาธารณะของหน่วยงาน", "No public key of the agency is given").into(),
        }
    }
}

fn key_message(text: &str, why: KeyProblem, lang: Lang) -> String {
    let th = lang == Lang::Th;
    let why = match (why, th) {
        (KeyProblem::Unreadable, true) => "มีตัวอักษรผิดหรือขาดหาย (รหัสตรวจสอบไม่ตรง)",
        (KeyProblem::Unreadable, false) => "a character is wrong or missing (its checksum does not match)",
        (KeyProblem::WrongKind { public_wanted: true }, true) => "ต้องเป็นกุญแจสาธารณะที่ขึ้นต้นด้วย age1",
        (KeyProblem::WrongKind { public_wanted: true }, false) => "a public key starting age1 is needed",
        (KeyProblem::WrongKind { public_wanted: false }, true) => "ต้องเป็นกุญแจส่วนตัวที่ขึ้นต้นด้วย AGE-SECRET-KEY-1",
        (KeyProblem::WrongKind { public_wanted: false }, false) => "a private key starting AGE-SECRET-KEY-1 is needed",
        (KeyProblem::WrongLength, true) => "ความยาวไม่ใช่กุญแจ X25519",
        (KeyProblem::WrongLength, false) => "it is not the length of an X25519 key",
        (KeyProblem::Uppercase, true) => "กุญแจสาธารณะเขียนด้วยตัวพิมพ์เล็ก (age1…)",
        (KeyProblem::Uppercase, false) => "a public key is written in lower case (age1…)",
        (KeyProblem::NotText, true) => "ไม่ใช่ไฟล์กุญแจ",
        (KeyProblem::NotText, false) => "it is not a key file",
        (KeyProblem::NoSecretLine, true) => "ไม่มีบรรทัด AGE-SECRET-KEY-1…",
        (KeyProblem::NoSecretLine, false) => "it has no AGE-SECRET-KEY-1… line",
    };
    // Enough of the text to find it, never a whole private key.
    let shown: String = text.chars().take(16).collect();
    let shown = if shown.is_empty() { String::new() } else if shown.len() < text.len() { format!(" “{shown}…”") } else { format!(" “{shown}”") };
    match th {
        true => format!("อ่านกุญแจ{shown} ไม่ได้: {why}"),
        false => format!("The key{shown} cannot be read: {why}"),
    }
}

impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Error {}
