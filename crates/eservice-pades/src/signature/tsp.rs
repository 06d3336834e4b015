//! The Time-Stamp Protocol (RFC 3161) as a signer uses it: a request for a
//! token over a signature value, and the token taken out of the authority's
//! answer once it is checked to be that answer (status granted, the same
//! imprint and nonce, a sound CMS signature).
//!
//! The transport is the caller's (HTTP in the CLI, `fetch` in a browser):
//! the core has no network, as it has no clock and no randomness. Whether
//! the authority is trusted is the verifier's question ([`crate::trust`]).

use super::algorithm::{DigestAlg, SHA256};
use super::asn1::{self, Malformed};
use super::cms::{self, CmsProblem, Content};
use super::encode::{algorithm, octets, seq, tlv, uint};

/// Why no token came of a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TspProblem {
    /// The request could not be sent or no answer came; the transport's words.
    Unreachable(String),
    /// The authority refused (PKIStatus 2 to 5), with its status text if any.
    Refused { status: u8, text: Option<String> },
    /// The answer is not a TimeStampResp.
    Malformed,
    /// The token is not for this request: another imprint or nonce.
    NotOurs,
    /// The token's own signature does not hold.
    BadToken(CmsProblem),
}

impl TspProblem {
    pub fn message(&self, lang: eservice_base::lang::Lang) -> String {
        use eservice_base::lang::Lang;
        match (self, lang) {
            (TspProblem::Unreachable(why), Lang::Th) => format!("ติดต่อผู้ให้บริการประทับเวลา (TSA) ไม่ได้: {why}"),
            (TspProblem::Unreachable(why), Lang::En) => format!("The time-stamp authority (TSA) could not be reached: {why}"),
            (TspProblem::Refused { status, text }, Lang::Th) => format!("ผู้ให้บริการประทับเวลาปฏิเสธคำขอ (สถานะ {status}{})", text.as_deref().map(|t| format!(": {t}")).unwrap_or_default()),
            (TspProblem::Refused { status, text }, Lang::En) => format!("The time-stamp authority refused the request (status {status}{})", text.as_deref().map(|t| format!(": {t}")).unwrap_or_default()),
            (TspProblem::Malformed, Lang::Th) => "คำตอบของผู้ให้บริการประทับเวลาไม่ใช่คำตอบตาม RFC 3161".into(),
            (TspProblem::Malformed, Lang::En) => "The time-stamp authority's answer is not an RFC 3161 response".into(),
            (TspProblem::NotOurs, Lang::Th) => "ตราประทับเวลาที่ได้รับไม่ตรงกับคำขอ (ค่าแฮชหรือ nonce ต่างกัน)".into(),
            (TspProblem::NotOurs, Lang::En) => "The time-stamp received is not for this request (another hash or nonce)".into(),
            (TspProblem::BadToken(p), lang) => format!("{}: {}", lang.pick("ลายมือชื่อของตราประทับเวลาไม่ถูกต้อง", "The time-stamp's signature does not hold"), p.message(lang)),
        }
    }
}

impl From<Malformed> for TspProblem {
    fn from(_: Malformed) -> Self {
        TspProblem::Malformed
    }
}

/// A TimeStampReq for the SHA-256 of `data` (its parts in order: a
/// signature value, or a document's ByteRange), with `nonce`, asking for
/// the authority's certificate in the token (so verifiers can build its
/// chain).
pub fn request(data: &[&[u8]], nonce: &[u8]) -> Vec<u8> {
    let imprint = seq(&[&algorithm(SHA256), &octets(&DigestAlg::Sha256.hash(data))]);
    seq(&[&uint(&[1]), &imprint, &uint(nonce), &tlv(0x01, &[0xff])])
}

/// The token in `response`, checked to answer [`request`]`(data, nonce)`.
pub fn token(response: &[u8], data: &[&[u8]], nonce: &[u8]) -> Result<Vec<u8>, TspProblem> {
    let mut r = asn1::single(response)?.expect(asn1::SEQUENCE)?.children();
    let mut status = r.take()?.expect(asn1::SEQUENCE)?.children();
    let code = match status.take()?.expect(asn1::INTEGER)?.content {
        [c] => *c,
        _ => return Err(TspProblem::Malformed),
    };
    if code > 1 {
        let text = status.optional(asn1::SEQUENCE)?.and_then(|t| t.children().take().ok()).and_then(|s| String::from_utf8(s.content.to_vec()).ok());
        return Err(TspProblem::Refused { status: code, text });
    }
    let token = r.take()?.expect(asn1::SEQUENCE)?;
    cms::verify(token.raw, Content::TimeStamp(data), &[]).map_err(|p| match p {
        CmsProblem::DigestMismatch => TspProblem::NotOurs,
        other => TspProblem::BadToken(other),
    })?;
    if token_nonce(token.raw)?.as_deref() != Some(strip(nonce)) {
        return Err(TspProblem::NotOurs);
    }
    Ok(token.raw.to_vec())
}

/// A nonce as an INTEGER's content holds it: no leading zero bytes, and a
/// zero byte before a high bit (as [`uint`] writes it).
fn strip(nonce: &[u8]) -> &[u8] {
    let start = nonce.iter().position(|b| *b != 0).unwrap_or(nonce.len().saturating_sub(1));
    &nonce[start..]
}

/// The nonce in a token's TSTInfo, without the sign byte.
fn token_nonce(token: &[u8]) -> Result<Option<Vec<u8>>, Malformed> {
    let mut r = asn1::single(token)?.expect(asn1::SEQUENCE)?.children();
    r.take()?;
    let mut sd = r.take()?.expect(asn1::ctx(0))?.children().take()?.expect(asn1::SEQUENCE)?.children();
    sd.take()?;
    sd.take()?;
    let mut encap = sd.take()?.expect(asn1::SEQUENCE)?.children();
    encap.take()?;
    let info = encap.take()?.expect(asn1::ctx(0))?.children().take()?.octets()?;
    let mut t = asn1::single(&info)?.expect(asn1::SEQUENCE)?.children();
    // version, policy, messageImprint, serialNumber, genTime
    for _ in 0..5 {
        t.take()?;
    }
    while let Some(item) = t.next()? {
        if item.tag == asn1::INTEGER {
            let n = item.content;
            let n = if n.len() > 1 && n[0] == 0 { &n[1..] } else { n };
            return Ok(Some(n.to_vec()));
        }
    }
    Ok(None)
}
