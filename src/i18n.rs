//! The app's own words in Thai and English.
//!
//! Texts from forms come from the agency's files; these are the page chrome.

use eservice_core::Lang;

/// A phrase in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub th: &'static str,
    pub en: &'static str,
}

impl Phrase {
    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.th, self.en)
    }
}

macro_rules! phrases {
    ($($name:ident = $th:literal / $en:literal;)*) => {
        $(pub const $name: Phrase = Phrase { th: $th, en: $en };)*
    };
}

phrases! {
    SITE_TITLE = "บริการอิเล็กทรอนิกส์" / "e-Service";
    SUBMIT_PART_FAILED = "โหลดส่วนที่ใช้ส่งคำขอไม่ได้ กรุณาตรวจการเชื่อมต่อ ข้อมูลที่กรอกยังอยู่ครบ กด “กลับไปแก้ไข” แล้วส่งอีกครั้ง หรือดาวน์โหลดข้อมูลเก็บไว้" / "The part of the page that sends requests could not be loaded; check the connection. What you entered is kept: edit and submit again, or download the data";
    PERMIT_PAGES_FAILED = "โหลดหน้าตรวจสอบใบอนุญาตไม่ได้ กรุณาตรวจการเชื่อมต่อแล้วโหลดหน้าใหม่" / "The permit pages could not be loaded; check the connection and reload";
    VERIFY_TITLE = "ตรวจสอบใบอนุญาตที่ลงลายมือชื่ออิเล็กทรอนิกส์" / "Check a signed permit";
    VERIFY_INTRO = "เลือกไฟล์ PDF ระบบจะตรวจสอบในเครื่องของท่านเท่านั้น ไม่มีการส่งไฟล์ไปที่ใด" / "Pick a PDF. It is checked on this device only; the file is not sent anywhere.";
    VERIFY_PICK = "ลากไฟล์ PDF มาวาง หรือกดเพื่อเลือกไฟล์" / "Drop a PDF here, or tap to pick one";
    VERIFYING = "กำลังตรวจสอบ…" / "Checking…";
    VERIFY_FAILED = "ตรวจสอบไฟล์นี้ไม่ได้" / "This file could not be checked";
    WORKER_UNAVAILABLE = "เบราว์เซอร์นี้เริ่มตัวตรวจสอบไม่ได้" / "This browser cannot start the checker";
    OWN_TRUST = "ใช้รายชื่อผู้ลงนามที่เชื่อถือของท่านเอง" / "Use a trust list of your own";
    OWN_TRUST_PICK = "เลือกไฟล์รายชื่อ (JSON)" / "Pick a trust list file (JSON)";
    OWN_TRUST_IN_USE = "ใช้รายชื่อจากไฟล์" / "Using the trust list from";
    SIGNED_BY = "ลงนามโดย" / "Signed by";
    PERMIT_WITHDRAWN = "ใบอนุญาตนี้ถูกเพิกถอนหรือพักใช้ตามทะเบียน:" / "The register shows this permit as withdrawn:";
    IN_REGISTER = "อยู่ในทะเบียนใบอนุญาต:" / "In the permit register:";
    DO_RELY = "ใช้เอกสารนี้ได้: ลงนามถูกต้องโดยหน่วยงานที่เว็บไซต์นี้เชื่อถือ" / "You can rely on it: validly signed by an agency this site trusts";
    DO_ASK_SIGNER = "ก่อนใช้ ให้สอบถามหน่วยงานที่ออกเอกสารว่าผู้ลงนามรายนี้มีอำนาจออกเอกสารนี้" / "Before relying on it, ask the issuing agency whether this signer may issue it";
    DO_CONFIRM = "อย่าเพิ่งเชื่อถือ: ยืนยันกับหน่วยงานที่ออกเอกสารก่อน" / "Do not rely on it yet: confirm it with the issuing agency";
    DO_UNSIGNED = "ยืนยันไม่ได้ว่าใครออกเอกสารนี้: ตรวจสอบกับหน่วยงานที่ออก" / "Nothing shows who issued it: check with the issuing agency";
    DO_WITHDRAWN = "อย่าใช้เอกสารนี้: ทะเบียนแสดงว่าถูกเพิกถอนหรือพักใช้" / "Do not use this document: the register shows it withdrawn";
    DO_REVOKED = "อย่าใช้เอกสารนี้: ใบรับรองของผู้ลงนามถูกเพิกถอน ขอฉบับที่ลงนามใหม่จากหน่วยงานที่ออกเอกสาร" / "Do not use this document: the signer's certificate was revoked; ask the issuing agency for a newly signed copy";
    DO_CHECK_REVOCATION = "ลายมือชื่อไม่ถูกแก้ไข แต่เอกสารไม่มีข้อมูลยืนยันว่าใบรับรองยังไม่ถูกเพิกถอน หากสำคัญ ให้ยืนยันกับหน่วยงานที่ออกเอกสาร" / "The signature is intact, but the document carries nothing showing the certificate was not revoked; if it matters, confirm with the issuing agency";
    DO_NOT_USE = "อย่าใช้เอกสารนี้: ขอฉบับใหม่จากหน่วยงานที่ออกเอกสาร" / "Do not use this document: ask the issuing agency for a new copy";
    OPEN_SIGNED = "เปิดฉบับที่ลงนาม" / "Open the signed version";
    DETAILS = "รายละเอียด" / "Details";
    SIGNATURE = "ลายมือชื่อ" / "Signature";
    TIMESTAMP = "ตราประทับเวลา" / "Time-stamp";
    SIGNER = "ผู้ลงนาม" / "Signer";
    TIME = "เวลา" / "Time";
    ALGORITHM = "อัลกอริทึม" / "Algorithm";
    COVERAGE = "ขอบเขต" / "Coverage";
    COVERS_ALL = "ครอบคลุมทั้งไฟล์" / "Covers the whole file";
    COVERS_REVISION = "ครอบคลุมฉบับที่ลงนาม มีส่วนที่เพิ่มภายหลัง" / "Covers the signed revision; more was added later";
    PROBLEM = "ปัญหา" / "Problem";
    TRUST = "ความน่าเชื่อถือ" / "Trust";
    CERTIFICATION = "ระดับการรับรองเอกสาร (DocMDP)" / "Certification level (DocMDP)";
    MODIFIED = "แก้ไขหลังลงนาม" / "Modified after signing";
    E_SIGNATURE = "ลายมือชื่ออิเล็กทรอนิกส์" / "Electronic signature";
    SIG_VALID = "ถูกต้อง" / "valid";
    UNDER_ROOT = "ภายใต้" / "under";
    SIG_VALID_NATIONAL = "ถูกต้อง ภายใต้ใบรับรองหลักแห่งชาติ (ไม่อยู่ในรายชื่อหน่วยงานของเว็บไซต์นี้)" / "valid under the national root (not an agency this site lists)";
    SIG_MODIFIED = "ถูกแก้ไขหลังลงนาม" / "changed after signing";
    SIG_INVALID = "ไม่ถูกต้อง" / "not valid";
    SIG_UNTRUSTED = "ผู้ลงนามไม่อยู่ในรายชื่อที่เชื่อถือ" / "signer not trusted";
    SIG_REVOKED = "ใบรับรองถูกเพิกถอน" / "certificate revoked";
    SIG_UNCHECKED = "ถูกต้อง แต่ยังไม่ได้ตรวจสอบการเพิกถอน" / "valid, but revocation not checked";
    REVOCATION = "การเพิกถอน" / "Revocation";
    INDICATION = "ผลตาม ETSI" / "ETSI result";
    STAMPED_BY = "ผู้ประทับเวลา" / "Time-stamp authority";
    STAMP_NOT_PROOF = "ไม่นับเป็นหลักฐานเวลา" / "not taken as proof of time";
    TIME_STAMPED = "จากตราประทับเวลา" / "from a time-stamp";
    TIME_CLAIMED = "ตามที่ผู้ลงนามระบุ" / "as the signer stated";
    TIME_NOW = "ไม่มีเวลาลงนามในเอกสาร ใช้เวลาที่ตรวจสอบ" / "no signing time in the file; the time of checking";
    REASON = "เหตุผล" / "Reason";
    LOCATION = "สถานที่" / "Location";
    CONTACT = "ติดต่อ" / "Contact";
    REGISTER_TITLE = "ทะเบียนใบอนุญาต" / "Permit register";
    REGISTER_SEARCH = "ค้นหาด้วยเลขที่ใบอนุญาตหรือชื่อผู้ได้รับอนุญาต" / "Search by permit number or holder";
    REGISTER_NONE = "ไม่พบใบอนุญาตที่ตรงกัน" / "No permit matches";
    REGISTER_MISSING = "หน่วยงานนี้ยังไม่ได้เผยแพร่ทะเบียนใบอนุญาต" / "This agency has not published a permit register";
    NUMBER = "เลขที่" / "Number";
    HOLDER = "ผู้ได้รับอนุญาต" / "Holder";
    KIND = "ประเภท" / "Type";
    ISSUED = "วันที่ออก" / "Issued";
    EXPIRES = "วันหมดอายุ" / "Expires";
    STATUS = "สถานะ" / "Status";
    SIGN_LINK = "ลงนามใบอนุญาต" / "Sign a permit";
    SIGN_TITLE = "ลงนามใบอนุญาตด้วยใบรับรองของหน่วยงาน" / "Sign a permit with the agency's certificate";
    SIGN_INTRO = "ลงนามในเครื่องนี้ทั้งหมด: ไฟล์ กุญแจ และรหัสผ่าน ไม่ถูกส่งไปที่ใดและไม่ถูกบันทึกไว้" / "Everything happens on this device: the file, the key and the password are not sent anywhere and not stored";
    SIGN_PDF = "1. ใบอนุญาต (PDF)" / "1. The permit (PDF)";
    SIGN_PDF_PICK = "เลือกไฟล์ใบอนุญาต" / "Pick the permit file";
    SIGN_KEY = "2. กุญแจและใบรับรองของหน่วยงาน" / "2. The agency's key and certificate";
    SIGN_KEY_P12 = "ไฟล์ .p12 / .pfx" / ".p12 / .pfx file";
    SIGN_KEY_PEM = "ไฟล์กุญแจและใบรับรอง (PEM)" / "Key and certificate files (PEM)";
    SIGN_P12_FILE = "ไฟล์ .p12 หรือ .pfx" / "The .p12 or .pfx file";
    SIGN_PASSWORD = "รหัสผ่านของไฟล์" / "The file's password";
    SIGN_OPEN_KEY = "เปิดกุญแจ" / "Open the key";
    SIGN_KEY_FILE = "กุญแจส่วนตัว (.key, .pem)" / "Private key (.key, .pem)";
    SIGN_CERT_FILE = "ใบรับรอง (.crt, .cer, .pem)" / "Certificate (.crt, .cer, .pem)";
    SIGN_CHAIN_FILE = "ใบรับรองของผู้ออกใบรับรอง (ถ้ามี)" / "The CA's certificates (if any)";
    SIGN_SIGNS_AS = "จะลงนามในนาม" / "Signs as";
    SIGN_VALID_UNTIL = "ใบรับรองใช้ได้ถึง" / "Certificate valid until";
    SIGN_REVOCATION = "ข้อมูลการเพิกถอนของใบรับรอง (ไม่บังคับ)" / "Revocation data for the certificate (optional)";
    SIGN_REVOCATION_HINT = "แนบ CRL หรือคำตอบ OCSP ล่าสุดจากผู้ออกใบรับรอง แล้วผู้ตรวจสอบจะยืนยันได้ว่าใบรับรองยังไม่ถูกเพิกถอน ณ เวลาที่ลงนาม หากไม่แนบ ผลตรวจจะแจ้งว่ายังไม่ได้ตรวจสอบการเพิกถอน" / "Attach your CA's latest CRL or OCSP answer, and verifiers can confirm the certificate was not revoked when you signed. Without it, they are told revocation was not checked.";
    SIGN_OPTIONS = "3. รายละเอียดการลงนาม" / "3. Signing details";
    SIGN_REASON = "เหตุผล" / "Reason";
    SIGN_REASON_DEFAULT = "ออกใบอนุญาต" / "Permit issued";
    SIGN_LOCATION = "สถานที่" / "Location";
    SIGN_STAMP = "แสดงตราลายมือชื่อบนหน้าเอกสาร" / "Show a signature stamp on the page";
    SIGN_STAMP_PAGE = "หน้าที่" / "Page";
    SIGN_STAMP_X = "ระยะจากซ้าย (พอยต์)" / "From the left (points)";
    SIGN_STAMP_Y = "ระยะจากล่าง (พอยต์)" / "From the bottom (points)";
    SIGN_CERTIFY = "การรับรองเอกสาร" / "Certification";
    SIGN_CERTIFY_NONE = "ไม่รับรอง (ลงนามธรรมดา)" / "None (an ordinary signature)";
    SIGN_CERTIFY_SIGNATURES = "รับรอง: ลงนามเพิ่มได้ แก้ไขไม่ได้" / "Certify: more signatures allowed, no other changes";
    SIGN_CERTIFY_LOCKED = "รับรอง: ห้ามเปลี่ยนแปลงใด ๆ" / "Certify: no changes at all";
    SIGN_REGISTER = "เพิ่มในทะเบียนใบอนุญาต (register.json)" / "Add to the permit register (register.json)";
    SIGN_BUTTON = "ลงนาม" / "Sign";
    SIGNING = "กำลังลงนาม…" / "Signing…";
    SIGNED = "ลงนามแล้ว" / "Signed";
    SIGN_DOWNLOAD = "ดาวน์โหลดใบอนุญาตที่ลงนามแล้ว" / "Download the signed permit";
    SIGN_DOWNLOAD_REGISTER = "ดาวน์โหลดทะเบียนที่ปรับปรุงแล้ว (register.json) เพื่ออัปโหลดขึ้นเว็บไซต์" / "Download the updated register (register.json) to upload to the website";
    SIGN_CHECK = "ตรวจสอบไฟล์ที่ลงนามแล้ว" / "Check the signed file";
    SIGN_FAILED = "ลงนามไม่สำเร็จ" / "Signing failed";
    SIGN_NEED = "กรุณาเลือกใบอนุญาต (PDF) และกุญแจก่อน" / "Pick the permit (PDF) and the key first";
    NEW_KEY = "ยังไม่มีใบรับรอง? สร้างกุญแจใหม่" / "No certificate yet? Make a new key";
    NEW_KEY_NOTE = "สร้างกุญแจ P-256 ในเครื่องนี้ พร้อมคำขอใบรับรอง (CSR) เพื่อส่งให้ผู้ออกใบรับรอง หรือใบรับรองที่ลงนามเองสำหรับทดสอบ" / "Makes a P-256 key on this device, with a certificate request (CSR) for your CA, or a self-signed certificate for testing";
    NEW_KEY_CN = "ชื่อผู้ลงนาม (เช่น สำนักงาน)" / "Signer name (e.g. the office)";
    NEW_KEY_ORG = "ชื่อหน่วยงาน" / "Agency name";
    NEW_KEY_CSR = "สร้างกุญแจและคำขอใบรับรอง" / "Make a key and a certificate request";
    NEW_KEY_TEST = "สร้างกุญแจทดสอบ (ใบรับรองลงนามเอง)" / "Make a test key (self-signed)";
    NEW_KEY_SAVED = "บันทึกไฟล์แล้ว เก็บไฟล์กุญแจเป็นความลับ" / "Files saved. Keep the key file secret";
    PACKAGE_BUILDING = "กำลังเตรียมชุดเอกสารคำขอ…" / "Preparing the submission package…";
    PACKAGE_FAILED = "เตรียมชุดเอกสารคำขอไม่สำเร็จ" / "The submission package could not be prepared";
    PACKAGE_REFERENCE = "เลขอ้างอิงคำขอ" / "Request reference";
    PACKAGE_HASH = "รหัสตรวจสอบชุดเอกสาร (SHA-256)" / "Package hash (SHA-256)";
    PACKAGE_DOWNLOAD = "ดาวน์โหลดชุดเอกสารคำขอ (ZIP)" / "Download the submission package (ZIP)";
    PACKAGE_KEEP = "เก็บเลขอ้างอิงและไฟล์นี้ไว้เป็นหลักฐานการยื่นคำขอ" / "Keep this reference and file as proof of what you submitted";
    EMAIL_STEPS = "ส่งทางอีเมล: 1) ดาวน์โหลดชุดเอกสาร 2) กดปุ่มด้านล่างเพื่อเปิดอีเมลที่เตรียมไว้ 3) แนบไฟล์ ZIP แล้วส่ง" / "Send by e-mail: 1) download the package, 2) open the prepared e-mail below, 3) attach the ZIP file and send";
    EMAIL_OPEN = "เปิดอีเมลถึงหน่วยงาน" / "Open an e-mail to the agency";
    EMAIL_TO = "ส่งถึง" / "To";
    FEE_TITLE = "ชำระค่าธรรมเนียมด้วยพร้อมเพย์" / "Pay the fee by PromptPay";
    FEE_SCAN = "สแกนด้วยแอปธนาคาร ระบบจะกรอกเลขอ้างอิงคำขอให้" / "Scan with your banking app; the request reference is filled in for you";
    FEE_AMOUNT = "จำนวนเงิน (บาท)" / "Amount (baht)";
    POST_SENDING = "กำลังส่งคำขอถึงหน่วยงาน…" / "Sending the request to the agency…";
    POST_WAITING = "ยังส่งไม่ได้ (ไม่มีการเชื่อมต่อหรือระบบของหน่วยงานไม่ว่าง) คำขอเก็บไว้ในเครื่องนี้และจะส่งให้เองเมื่อเชื่อมต่อได้ จะลองใหม่ใน" / "Not sent yet (no connection, or the agency's system is busy). The request is kept on this device and will be sent by itself; next try in";
    SECONDS = "วินาที" / "seconds";
    POST_RECEIVED = "หน่วยงานได้รับคำขอแล้ว" / "The agency has received the request";
    POST_RECEIVED_AT = "ได้รับเมื่อ" / "Received";
    POST_AGENCY_REF = "เลขรับของหน่วยงาน" / "Agency's reference";
    POST_RECEIPT = "ดาวน์โหลดใบรับที่หน่วยงานลงนาม" / "Download the receipt the agency signed";
    POST_REFUSED = "ส่งคำขอไม่สำเร็จ" / "The request was not delivered";
    MY_SUBMISSIONS = "คำขอที่ส่งจากเครื่องนี้" / "Requests sent from this device";
    STATE_PENDING = "รอส่ง (จะส่งให้เองเมื่อเชื่อมต่อได้)" / "waiting to be sent (goes out by itself when online)";
    STATE_RECEIVED = "หน่วยงานได้รับแล้ว" / "received by the agency";
    STATE_REFUSED = "ส่งไม่สำเร็จ" / "not delivered";
    INBOX_TITLE = "กล่องรับคำขอ" / "Inbox of requests";
    INBOX_INTRO = "ลากชุดเอกสารคำขอ (.zip หรือที่เข้ารหัส .zip.age) ที่ได้รับมาวาง ระบบจะตรวจความครบถ้วนในเครื่องนี้ แล้วลงทะเบียนหนังสือรับเมื่อท่านกดรับเรื่อง" / "Drop received submission packages (.zip, or encrypted .zip.age). They are checked on this device; accepted ones join the incoming register";
    INBOX_PICK = "ลากไฟล์ชุดเอกสารมาวาง หรือกดเพื่อเลือก (ได้หลายไฟล์)" / "Drop package files here, or tap to pick (several at once)";
    INBOX_OPENING = "กำลังเปิด…" / "Opening…";
    INBOX_SOUND = "ครบถ้วน ไม่ถูกแก้ไข ข้อมูลถูกต้อง" / "Complete, untampered and valid";
    INBOX_PROBLEMS = "พบปัญหา ไม่ควรรับเรื่อง" / "Problems found; do not accept";
    INBOX_CHECKLIST = "รายการเอกสารหลักฐาน" / "Evidence checklist";
    INBOX_REQUIRED = "ต้องมี" / "required";
    INBOX_ACCEPT = "รับเรื่องและลงทะเบียนรับ" / "Accept and record in the register";
    INBOX_ACCEPTED = "ลงทะเบียนรับแล้ว เลขทะเบียนรับ" / "Recorded as row";
    INBOX_DUPLICATE = "ชุดเอกสารนี้รับไปแล้ว เลขทะเบียนรับ" / "Already received as row";
    INBOX_REGISTER = "ทะเบียนหนังสือรับ" / "Incoming register";
    INBOX_EMPTY = "ยังไม่มีรายการ" / "No entries yet";
    INBOX_CSV = "ส่งออก CSV (Excel)" / "Export CSV (Excel)";
    INBOX_XLSX = "ส่งออกไฟล์ Excel (.xlsx)" / "Export Excel (.xlsx)";
    INBOX_KEY_TITLE = "กุญแจเปิดคำขอที่เข้ารหัส" / "Key for encrypted requests";
    INBOX_KEY_HELP = "คำขอที่เข้ารหัส (.zip.age) เปิดได้ด้วยไฟล์กุญแจของหน่วยงานและรหัสผ่านเท่านั้น การถอดรหัสทำในเครื่องนี้ทั้งหมด" / "Encrypted requests (.zip.age) open only with the agency's key file and its passphrase; decryption happens on this device alone";
    INBOX_KEY_FILE = "ไฟล์กุญแจของหน่วยงาน" / "The agency's key file";
    INBOX_KEY_PASSPHRASE = "รหัสผ่านของกุญแจ" / "The key's passphrase";
    INBOX_KEY_USE = "ใช้กุญแจนี้" / "Use this key";
    INBOX_KEY_IN_USE = "ใช้กุญแจนี้เปิดคำขอที่เข้ารหัส" / "Encrypted requests are opened with this key";
    INBOX_KEY_CHOOSE = "เลือกไฟล์กุญแจ และใส่รหัสผ่าน" / "Choose the key file, and enter its passphrase";
    INBOX_SEALED = "คำขอนี้เข้ารหัสถึงกุญแจของหน่วยงาน เลือกไฟล์กุญแจและใส่รหัสผ่านในส่วน “กุญแจเปิดคำขอที่เข้ารหัส” เพื่อเปิด" / "This request is encrypted to the agency's key; choose the key file and its passphrase under “Key for encrypted requests” to open it";
    INBOX_UNSEALING = "กำลังถอดรหัส…" / "Decrypting…";
    INBOX_ARRIVED_SEALED = "มาแบบเข้ารหัส (age) · SHA-256 ของไฟล์ที่ได้รับ" / "Arrived encrypted (age) · SHA-256 of the file received";
    INBOX_NEW_KEY_TITLE = "สร้างกุญแจใหม่ของหน่วยงาน" / "Make the agency's new key";
    INBOX_NEW_KEY_HELP = "ทำครั้งเดียว: ได้ไฟล์กุญแจที่ป้องกันด้วยรหัสผ่าน และกุญแจสาธารณะสำหรับใส่ใน forms/index.json เป็น \"encryptTo\" เพื่อให้เบราว์เซอร์ของประชาชนเข้ารหัสคำขอถึงหน่วยงาน" / "Once: a key file protected by a passphrase, and the public key to put in forms/index.json as \"encryptTo\", so citizens' browsers encrypt requests to the agency";
    INBOX_NEW_KEY_CONFIRM = "ยืนยันรหัสผ่าน" / "The passphrase again";
    INBOX_NEW_KEY_MAKE = "สร้างกุญแจ" / "Make the key";
    INBOX_NEW_KEY_MAKING = "กำลังสร้างกุญแจ…" / "Making the key…";
    INBOX_NEW_KEY_SHORT = "รหัสผ่านต้องมีอย่างน้อย 10 ตัวอักษร" / "The passphrase needs at least 10 characters";
    INBOX_NEW_KEY_MISMATCH = "รหัสผ่านสองช่องไม่ตรงกัน" / "The two passphrases differ";
    INBOX_NEW_KEY_WARNING = "สำคัญ: หากไม่มีไฟล์กุญแจนี้และรหัสผ่าน จะเปิดคำขอที่เข้ารหัสถึงกุญแจนี้ไม่ได้อีกเลย ไม่มีผู้ใดกู้คืนให้ได้ ดาวน์โหลดสำเนาสำรองเก็บไว้คนละที่" / "Important: without this key file and its passphrase, no request encrypted to it can ever be read, and no one can recover it. Download a backup copy and keep it in another place";
    INBOX_NEW_KEY_SAVE = "ดาวน์โหลดไฟล์กุญแจ" / "Download the key file";
    INBOX_NEW_KEY_BACKUP = "ดาวน์โหลดสำเนาสำรอง" / "Download a backup copy";
    INBOX_NEW_KEY_PUBLIC = "กุญแจสาธารณะ (ใส่ใน forms/index.json เป็น \"encryptTo\")" / "Public key (for forms/index.json's \"encryptTo\")";
    INBOX_NOT_KEPT = "บันทึกทะเบียนในเครื่องนี้ไม่ได้ กรุณาส่งออกไฟล์เก็บไว้" / "The register could not be kept on this device; export it to keep it";
    COL_NUMBER = "เลขทะเบียนรับ" / "No.";
    COL_RECEIVED = "วันที่รับ" / "Received";
    COL_SENDER = "จาก" / "From";
    COL_SUBJECT = "เรื่อง" / "Subject";
    COL_REFERENCE = "เลขอ้างอิง" / "Reference";
    VERIFY_LINK = "ตรวจสอบใบอนุญาต" / "Check a permit";
    REGISTER_LINK = "ทะเบียนใบอนุญาต" / "Permit register";
    SKIP_TO_CONTENT = "ข้ามไปยังเนื้อหา" / "Skip to content";
    SERVICES = "บริการที่ยื่นคำขอได้" / "Services you can apply for";
    APPLY = "ยื่นคำขอ" / "Apply";
    LOADING = "กำลังโหลด…" / "Loading…";
    NO_SERVICES = "ยังไม่มีบริการในรายการ" / "No services are listed yet";
    INDEX_BROKEN = "รายการบริการมีปัญหา" / "The list of services has a problem";
    FORM_BROKEN = "เปิดแบบฟอร์มนี้ไม่ได้" / "This form cannot be opened";
    BACK_HOME = "กลับหน้าแรก" / "Back to the home page";
    NOT_FOUND = "ไม่พบหน้าที่ต้องการ" / "Page not found";
    EMBED_NO_FORM = "หน้านี้ไม่ได้ระบุแบบฟอร์มที่มีอยู่ (data-form หรือ src)" / "This page names no form the kit has (data-form or src)";
    REQUIRED_MARK = "จำเป็น" / "required";
    SUBMIT = "ตรวจสอบและส่งคำขอ" / "Check and submit";
    ERRORS_TITLE = "กรุณาแก้ไขข้อมูลต่อไปนี้" / "Please correct the following";
    SUMMARY_TITLE = "สรุปคำขอ" / "Summary of your request";
    SUMMARY_NOTE = "ตรวจสอบข้อมูลด้านล่าง แล้วดาวน์โหลดไฟล์คำขอเพื่อเก็บไว้หรือส่งให้หน่วยงาน" / "Check the details below, then download the request file to keep or send to the agency";
    DOWNLOAD_JSON = "ดาวน์โหลดข้อมูลคำขอ (JSON)" / "Download the request data (JSON)";
    EDIT = "กลับไปแก้ไข" / "Go back and edit";
    YES = "ใช่" / "Yes";
    NO = "ไม่ใช่" / "No";
    NOT_GIVEN = "—" / "—";
    CHOOSE = "— เลือก —" / "— Choose —";
    CHOOSE_FILE = "เลือกไฟล์" / "Choose a file";
    NO_FILE_CHOSEN = "ยังไม่ได้เลือกไฟล์" / "No file chosen";
    DOWNLOAD_FAILED = "ดาวน์โหลดไม่สำเร็จ" / "The download failed";
    SWITCH_LANGUAGE = "English" / "ภาษาไทย";
    SWITCH_LANGUAGE_LABEL = "Switch to English" / "เปลี่ยนเป็นภาษาไทย";
    NEXT = "ถัดไป" / "Next";
    BACK = "ย้อนกลับ" / "Back";
    STEPS = "ขั้นตอนการกรอก" / "Form steps";
    ADD_ITEM = "เพิ่ม" / "Add";
    REMOVE_ITEM = "ลบ" / "Remove";
    MOVE_UP = "เลื่อนขึ้น" / "Move up";
    MOVE_DOWN = "เลื่อนลง" / "Move down";
    EVIDENCE_TITLE = "เอกสารหลักฐานที่ต้องใช้" / "Evidence documents needed";
    EVIDENCE_NOTE = "เตรียมไฟล์ฉบับละหนึ่งชุด เป็น PDF หรือ JPG" / "Prepare one copy of each, as PDF or JPG";
    IF_APPLICABLE = "ถ้ามี" / "if applicable";
    START_NEW = "เริ่มคำขอใหม่ (ล้างข้อมูลที่บันทึกไว้)" / "Start a new request (clear what was saved)";
    DRAFT_RESTORED = "กู้คืนข้อมูลที่คุณกรอกค้างไว้" / "Restored what you had entered";
    DRAFT_DISCARD = "ทิ้งข้อมูลนี้และเริ่มใหม่" / "Discard it and start again";
    DRAFTS_ON_DEVICE = "มีข้อมูลคำขอที่กรอกค้างไว้ในเครื่องนี้" / "Unfinished requests are saved on this device";
    DRAFTS_CLEAR = "ล้างข้อมูลที่บันทึกไว้ทั้งหมด" / "Clear all saved data";
    DRAFTS_CLEARED = "ล้างข้อมูลที่บันทึกไว้ในเครื่องนี้แล้ว" / "Saved data cleared from this device";
    DATE_HINT = "เลือกวันและเดือน แล้วพิมพ์ปีพุทธศักราช" / "Choose the day and month, then type the year";
    EVIDENCE_LIMITS = "ใช้ไฟล์" / "Files:";
    TAKE_PHOTO = "ถ่ายภาพ" / "Take a photo";
    CHOOSE_FILES = "เลือกไฟล์" / "Choose files";
    PROCESSING = "กำลังเตรียมไฟล์" / "Preparing";
    CANCEL = "ยกเลิก" / "Cancel";
    DISMISS = "ปิดข้อความ" / "Dismiss";
    ATTACH_REQUIRED = "กรุณาแนบเอกสารนี้" / "Please attach this document";
    REATTACH = "ไม่พบไฟล์นี้ในเครื่อง หรือไฟล์ในเครื่องถูกแก้ไข โปรดลบแล้วแนบอีกครั้ง" / "This file is no longer on this device, or was changed there; remove it and attach it again";
    SHARED_DEVICE = "เครื่องนี้ใช้ร่วมกับผู้อื่น (ไม่เก็บข้อมูลไว้ในเครื่อง)" / "This is a shared computer (keep nothing on it)";
    SHARED_ON = "ข้อมูลที่กรอกและไฟล์ที่แนบจะไม่ถูกเก็บไว้ในเครื่องนี้ ถ้าปิดหน้าเว็บก่อนส่ง ต้องกรอกใหม่" / "Nothing you type or attach is kept on this computer; if you close the page before sending, you start again";
    PICKED_LOST = "ไฟล์นี้ยังประมวลผลไม่เสร็จเมื่อหน้าเว็บโหลดใหม่ และไม่อยู่ในเครื่องนี้แล้ว โปรดแนบอีกครั้ง" / "This file was still being processed when the page reloaded, and is no longer on this device; attach it again";
    STILL_PROCESSING = "ไฟล์ยังประมวลผลไม่เสร็จ โปรดรอสักครู่" / "This file is still being processed; please wait";
    PACKAGE_SEALED = "ชุดเอกสารนี้เข้ารหัสถึงกุญแจของหน่วยงานแล้ว ระหว่างทางไม่มีผู้ใดเปิดอ่านได้ นอกจากหน่วยงาน" / "This package is encrypted to the agency's key: no one on the way can read it, only the agency";
    REDACT_TITLE = "ปิดบังข้อมูลก่อนแนบ" / "Black out before attaching";
    REDACT_HELP = "ลากนิ้วหรือเมาส์คลุมส่วนที่ไม่ต้องการส่ง เช่น ศาสนา หรือรหัสหลังบัตร ส่วนที่คลุมจะเป็นสีดำในไฟล์ที่ส่ง และไม่มีการเก็บหรือส่งภาพต้นฉบับ" / "Drag a finger or the mouse over what should not be sent, such as the religion or the code on the back of the card; covered parts are black in the file sent, and the original is never kept or sent";
    REDACT_KEYBOARD = "ใช้แป้นพิมพ์: กดที่ภาพ (หรือ Tab) แล้ว" / "By keyboard: select the picture (or Tab to it), then:";
    REDACT_KEYS = "ใช้ปุ่มลูกศรเลื่อนกรอบ Shift กับลูกศรปรับขนาด และ Enter เพื่อปิดบังส่วนในกรอบ" / "Arrow keys move the frame, Shift with the arrows sizes it, Enter blacks out what is inside";
    REDACT_MARK = "จะประทับข้อความ" / "Will be marked";
    REDACT_UNDO = "เอาแถบล่าสุดออก" / "Take back the last";
    REDACT_DONE = "แนบภาพนี้" / "Attach this picture";
    RESTORING_FILE = "กำลังนำไฟล์ที่แนบไว้กลับมาจากเครื่องนี้…" / "Bringing back the file attached on this device…";
    DEVICE_FULL = "พื้นที่เก็บข้อมูลในเครื่องเต็ม จึงเก็บไฟล์ไว้ในเครื่องไม่ได้" / "This device's storage is full, so the file could not be kept on it.";
    DEVICE_REFUSED = "เบราว์เซอร์ไม่ยอมให้เก็บไฟล์ไว้ในเครื่อง (เช่น ในโหมดส่วนตัว)" / "The browser would not keep the file on this device (in private mode, for instance).";
    NOT_KEPT = "ยังส่งคำขอได้ในครั้งนี้ แต่ถ้าหน้าเว็บโหลดใหม่ ต้องแนบไฟล์อีกครั้ง ข้อมูลที่พิมพ์ยังเก็บไว้" / "You can still send the request now, but if the page reloads, attach the file again; what you typed is kept.";
    UNSUPPORTED_FIELD = "ช่องนี้ยังแสดงไม่ได้ในเวอร์ชันนี้" / "This field cannot be shown in this version";
}

/// A signature verdict's key (`valid`, `modified`, `untrusted`, `invalid`)
/// in words.
pub fn signature_verdict(key: &str) -> Phrase {
    match key {
        "valid" => SIG_VALID,
        "valid-national" => SIG_VALID_NATIONAL,
        "modified" => SIG_MODIFIED,
        "untrusted" => SIG_UNTRUSTED,
        "revoked" => SIG_REVOKED,
        "revocation-unchecked" => SIG_UNCHECKED,
        _ => SIG_INVALID,
    }
}
