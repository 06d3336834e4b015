//! PromptPay fee payment: the Thai QR Code (EMVCo merchant-presented)
//! payload for a bill payment to the agency's biller ID, carrying the
//! submission's reference number, with its CRC-16/CCITT-FALSE; and the QR
//! code itself as SVG.

use qrcodegen::{QrCode, QrCodeEcc};

/// The amount type is the catalog's: a form's fee is declared there, below
/// this crate.
pub use eservice_forms::catalog::Satang;

/// Thai QR's application identifier for domestic bill payment.
const BILL_PAYMENT: &str = "A000000677010112";

/// One EMVCo field: id, two-digit length, value.
fn field(id: &str, value: &str) -> String {
    format!("{id}{:02}{value}", value.len())
}

/// CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), as EMVCo QR codes end.
pub fn crc16(data: &[u8]) -> u16 {
    let mut crc = 0xffffu16;
    for b in data {
        crc ^= u16::from(*b) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 { (crc << 1) ^ 0x1021 } else { crc << 1 };
        }
    }
    crc
}

/// Why a payment QR cannot be made from the form's settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeeProblem {
    /// A biller ID is 15 digits: the agency's 13-digit tax ID and a suffix.
    BillerId,
    /// The amount must be above zero and below ten million baht.
    Amount,
}

/// The payload for paying `amount` (if fixed) to `biller_id`, with the
/// submission's `reference` as reference 1 (letters and digits only).
pub fn bill_payment(biller_id: &str, reference: &str, amount: Option<Satang>) -> Result<String, FeeProblem> {
    if biller_id.len() != 15 || !biller_id.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FeeProblem::BillerId);
    }
    if amount.is_some_and(|a| a.0 == 0 || a.0 >= 1_000_000_000) {
        return Err(FeeProblem::Amount);
    }
    let ref1: String = reference.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).take(20).collect();
    let merchant = field("00", BILL_PAYMENT) + &field("01", biller_id) + &field("02", &ref1);
    let mut p = field("00", "01") + &field("01", if amount.is_some() { "12" } else { "11" }) + &field("30", &merchant) + &field("53", "764");
    if let Some(a) = amount {
        p += &field("54", &a.baht());
    }
    p += &field("58", "TH");
    p += "6304";
    let crc = crc16(p.as_bytes());
    Ok(format!("{p}{crc:04X}"))
}

/// Whether a payload's last four characters are its CRC.
pub fn crc_ok(payload: &str) -> bool {
    let Some((body, crc)) = payload.len().checked_sub(4).map(|n| payload.split_at(n)) else { return false };
    u16::from_str_radix(crc, 16).is_ok_and(|c| c == crc16(body.as_bytes()))
}

/// The payload as an SVG QR code (medium error correction, quiet zone of 4).
pub fn qr_svg(payload: &str) -> Option<String> {
    let qr = QrCode::encode_text(payload, QrCodeEcc::Medium).ok()?;
    let n = qr.size();
    let mut path = String::new();
    for y in 0..n {
        for x in 0..n {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + 4, y + 4));
            }
        }
    }
    let size = n + 8;
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_payloads_check() {
        // dtinth/promptpay-qr's test vectors (credit transfer) and bill
        // payment QR codes printed by Thai banks.
        for p in [
            "00020101021129370016A000000677010111011300668012345675802TH530376463046197",
            "00020101021129370016A000000677010111021311111111111115802TH530376463047B5A",
            "00020101021129370016A000000677010111021301234567890125802TH530376463040CBD",
            "00020101021229370016A000000677010111011300660000000005802TH530376454044.226304E469",
            "00020101021130510016A000000677010112011501055230093500202085555890053037645802TH6304A648",
            "00020101021130730016A0000006770101120115010753700088205021916151060181105030020307PIRASIT53037645802TH620807040000630443A3",
        ] {
            assert!(crc_ok(p), "{p}");
        }
        assert!(!crc_ok("00020101021129370016A000000677010111011300668012345675802TH530376463046198"));
    }

    #[test]
    fn a_bill_payment_as_banks_print_it() {
        assert_eq!(
            bill_payment("010552300935002", "5555-8900", None).unwrap(),
            "00020101021130510016A000000677010112011501055230093500202085555890053037645802TH6304A648"
        );
        let p = bill_payment("099400016180300", "7K2M-9QXR", Satang::from_baht("350")).unwrap();
        assert!(p.contains("0208 7K2M9QXR".replace(' ', "").as_str()) && p.contains("5406350.00") && p.starts_with("000201010212"));
        assert!(crc_ok(&p));
        assert_eq!(bill_payment("12345", "A", None), Err(FeeProblem::BillerId));
        assert_eq!(bill_payment("010552300935002", "A", Some(Satang(0))), Err(FeeProblem::Amount));
        assert!(qr_svg(&p).unwrap().starts_with("<svg"));
    }

    #[test]
    fn amounts_in_satang() {
        assert_eq!(Satang::from_baht("350"), Some(Satang(35000)));
        assert_eq!(Satang::from_baht("4.2"), Some(Satang(420)));
        assert_eq!(Satang::from_baht("4.22").unwrap().baht(), "4.22");
        for bad in ["", "-1", "1.234", "1e3", "abc", "1,000"] {
            assert_eq!(Satang::from_baht(bad), None, "{bad}");
        }
    }
}
