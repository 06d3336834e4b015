//! `eservice verify FILE.pdf [--trust T] [--register R] [--json]`: every
//! signature in a permit PDF, checked as the browser checks it.
//!
//! Exit 0 only when every signature is valid and trusted, nothing was
//! changed after the last one, and the register (if given) does not list
//! the permit as suspended or revoked; 1 for any other verdict; 2 when the
//! PDF, trust list or register cannot be read. With `--strict`, a file that
//! ends with bytes no signature covers (comments or whitespace: they change
//! nothing shown, and the headline says so) is 1 as well.
//!
//! A signature whose chain's revocation could not be checked (the file
//! carries no usable CRL or OCSP answer: EN 319 102-1 INDETERMINATE /
//! TRY_LATER) is 1, unless `--accept-unchecked-revocation` asks for the
//! kit's earlier behaviour. `--retroactive-revocation` accepts revocation
//! data issued after the signing time, as the trust list's
//! `"retroactiveRevocation": true` does.

use std::path::PathBuf;
use std::time::Duration;

use eservice_core::register::Register;
use eservice_core::trust::TrustList;
use eservice_core::thai_date::readable_time;
use eservice_core::verification::{verify, DateTime, TimeSource};
use eservice_core::Lang;

use crate::input::read_bytes;
use crate::Outcome;

#[derive(clap::Args)]
pub struct Args {
    /// The signed PDF.
    file: PathBuf,
    /// Trust list (JSON): the agencies whose signatures count as trusted.
    #[arg(long)]
    trust: Option<PathBuf>,
    /// Public permit register (JSON), to see whether the permit was revoked.
    #[arg(long)]
    register: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Fail (exit 1) a file that ends with bytes no signature covers, even
    /// comments or whitespace only.
    #[arg(long)]
    strict: bool,
    /// Exit 0 for a trusted, intact signature whose revocation could not be
    /// checked (no CRL or OCSP answer in the file), as before revocation
    /// was checked.
    #[arg(long)]
    accept_unchecked_revocation: bool,
    /// Accept revocation data issued after the signing time (added later).
    #[arg(long)]
    retroactive_revocation: bool,
}

fn now() -> DateTime {
    DateTime::from_unix_duration(Duration::from_secs(crate::unix_now())).unwrap_or(DateTime::INFINITY)
}

pub fn run(args: &Args, lang: Lang) -> Outcome {
    let fail = |msg: String| {
        eprintln!("eservice: {msg}");
        Outcome::Unreadable
    };
    let pdf = match read_bytes(&args.file, lang) {
        Ok(b) => b,
        Err(msg) => return fail(msg),
    };
    if !pdf.get(..1024.min(pdf.len())).is_some_and(|head| head.windows(5).any(|w| w == b"%PDF-")) {
        return fail(match lang {
            Lang::Th => format!("{} ไม่ใช่ไฟล์ PDF", args.file.display()),
            Lang::En => format!("{} is not a PDF", args.file.display()),
        });
    }
    let mut trust = match &args.trust {
        Some(p) => match read_bytes(p, lang).and_then(|b| TrustList::from_json(&p.display().to_string(), &b).map_err(|e| e.message(lang))) {
            Ok(t) => t,
            Err(msg) => return fail(msg),
        },
        // No list of agencies; the national root alone.
        None => TrustList::national_only(),
    };
    trust.revocation.retroactive |= args.retroactive_revocation;
    let register = match &args.register {
        Some(p) => match read_bytes(p, lang).and_then(|b| Register::from_json(&p.display().to_string(), &b).map_err(|e| e.message(lang))) {
            Ok(r) => Some(r),
            Err(msg) => return fail(msg),
        },
        None => None,
    };
    let report = verify(&pdf, &trust, register.as_ref(), now());
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report.to_json(lang)).unwrap_or_default());
    } else {
        print_report(&args.file.display().to_string(), &report, args.trust.is_none(), lang);
    }
    let passes = if args.accept_unchecked_revocation { report.passes_unchecked_revocation() } else { report.passes() };
    if passes && !(args.strict && report.uncovered_comments().is_some()) {
        Outcome::Yes
    } else {
        Outcome::No
    }
}

fn print_report(name: &str, r: &eservice_core::verification::Report, no_trust_list: bool, lang: Lang) {
    println!("{name}: {}", r.headline(lang));
    if let Some(t) = r.signed_by() {
        println!("  {} {} ({})", lang.pick("ลงนามโดย", "signed by"), t.agency.get(lang), t.agency.get(lang.other()));
    }
    if let Some(n) = r.national_signer() {
        println!("  {} {} · {} {}", lang.pick("ลงนามโดย", "signed by"), n.who(), lang.pick("ภายใต้", "under"), n.root.get(lang));
    }
    if let Some(p) = &r.permit {
        println!("  {} {} · {} · {}", lang.pick("ทะเบียนใบอนุญาต", "register"), p.number, p.holder, p.status.label(lang));
    } else if r.register_given {
        println!("  {}", lang.pick("ไม่พบเอกสารนี้ในทะเบียนใบอนุญาต", "this exact file is not in the permit register"));
    }
    if no_trust_list && !r.signatures.is_empty() {
        println!("  {}", lang.pick("ไม่ได้ระบุรายชื่อหน่วยงานที่เชื่อถือ (--trust): เชื่อถือได้เพียงใบรับรองหลักแห่งชาติ", "no trust list given (--trust): only the national root is trusted, no agency"));
    }
    for (i, s) in r.signatures.iter().enumerate() {
        let kind = if s.is_timestamp { lang.pick("ตราประทับเวลา", "document time-stamp") } else { lang.pick("ลายมือชื่อ", "signature") };
        let (indication, sub) = s.indication();
        println!("  {kind} {}: {} ({indication}{})", i + 1, s.verdict().key(), sub.map(|x| format!(" / {x}")).unwrap_or_default());
        if let Some(c) = &s.signer {
            println!("    {}: {}", lang.pick("ผู้ลงนาม", "signer"), c.display_name());
        }
        if let Some((t, src)) = s.time {
            let src = match src {
                TimeSource::TimeStamp => lang.pick("จากตราประทับเวลา", "from a time-stamp"),
                TimeSource::Claimed => lang.pick("ตามที่ผู้ลงนามระบุ", "as the signer stated"),
                TimeSource::Now => lang.pick("ไม่มีเวลาลงนาม ใช้เวลาตรวจสอบ", "no signing time; checked at the time of verifying"),
            };
            println!("    {}: {} · {src}", lang.pick("เวลา", "time"), readable_time(t, lang));
        }
        // The certificate says who signed; a different /Name is only what
        // the signer's software wrote, and is labelled so.
        let name = s.stated.name.clone().filter(|n| s.signer.as_ref().is_none_or(|c| c.display_name() != *n));
        let stated = [
            (lang.pick("ชื่อที่ระบุในเอกสาร", "name written in the PDF"), &name),
            (lang.pick("เหตุผล", "reason"), &s.stated.reason),
            (lang.pick("สถานที่", "location"), &s.stated.location),
            (lang.pick("ติดต่อ", "contact"), &s.stated.contact_info),
        ];
        for (label, text) in stated {
            if let Some(text) = text {
                println!("    {label}: {text}");
            }
        }
        if let Some(a) = &s.algorithm {
            println!("    {}: {a}", lang.pick("อัลกอริทึม", "algorithm"));
        }
        if let Some(p) = &s.problem {
            println!("    {}: {}", lang.pick("ปัญหา", "problem"), p.message(lang));
        }
        if let Some(st) = &s.stamp {
            let trusted = match &st.trust {
                Ok(()) => lang.pick("เชื่อถือได้", "trusted").to_owned(),
                Err(p) => format!("{}: {}", lang.pick("ไม่นับเป็นหลักฐานเวลา", "not taken as proof of time"), p.message(lang)),
            };
            println!("    {}: {} · {} · {trusted}", lang.pick("ตราประทับเวลา", "time-stamp"), readable_time(st.time, lang), st.authority);
        }
        if let Some(m) = s.revocation_message(lang) {
            println!("    {}: {m}", lang.pick("การเพิกถอน", "revocation"));
        }
        if let Some(Err(p)) = &s.trust {
            println!("    {}: {}", lang.pick("ความน่าเชื่อถือ", "trust"), p.message(lang));
        }
        if let Some(level) = s.certification {
            println!("    {}: {level}", lang.pick("ระดับการรับรองเอกสาร (DocMDP)", "certification level (DocMDP)"));
        }
        for m in &s.later.problems {
            println!("    {}: {}", lang.pick("แก้ไขหลังลงนาม", "modified"), m.message(lang));
        }
    }
}
