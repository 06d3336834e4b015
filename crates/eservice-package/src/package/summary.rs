//! `summary.html`: what the citizen submitted, in Thai, for a clerk to open
//! in any browser and print. Self-contained: no script, no outside file.

use eservice_forms::evidence::Digest;
use eservice_forms::evidence::rule::readable_size;

use super::{EvidenceFile, FormRef};

/// `s` with HTML's special characters escaped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub fn html(form: &FormRef, reference: &str, hash: &Digest, created: &str, rows: &[(String, String)], evidence: &[EvidenceFile]) -> String {
    let date = eservice_base::thai_date::readable(created.get(..10).unwrap_or_default(), eservice_base::Lang::Th);
    let time = created.get(11..16).unwrap_or_default();
    let mut body = String::new();
    for (label, value) in rows {
        body.push_str(&format!("<tr><th>{}</th><td>{}</td></tr>\n", escape(label), escape(value)));
    }
    let mut files = String::new();
    for f in evidence {
        let verdict = f.entry.signature.as_ref().map(|s| format!(" · ลายมือชื่อ: {}", escape(&s.verdict))).unwrap_or_default();
        files.push_str(&format!(
            "<li>{} ({}){verdict}<br><code>{}</code></li>\n",
            escape(&f.entry.name),
            readable_size(f.entry.size),
            f.entry.sha256.hex()
        ));
    }
    format!(
        r#"<!doctype html>
<html lang="th"><head><meta charset="utf-8"><title>{title} {reference}</title>
<style>body{{font-family:sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}}table{{border-collapse:collapse;width:100%}}th,td{{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}}th{{width:40%;background:#f2f2f2}}code{{font-size:.8rem;word-break:break-all}}.ref{{font-size:1.6rem;font-weight:bold}}</style>
</head><body>
<h1>{title}</h1>
<p>{agency}</p>
<p>เลขอ้างอิง <span class="ref">{reference}</span></p>
<p>ยื่นเมื่อ {date} เวลา {time} น.</p>
<p>รหัสตรวจสอบชุดเอกสาร (SHA-256): <code>{hash}</code></p>
<h2>ข้อมูลคำขอ</h2>
<table>
{body}</table>
<h2>เอกสารหลักฐาน</h2>
<ol>
{files}</ol>
</body></html>
"#,
        title = escape(&form.title),
        agency = escape(&form.agency),
        hash = hash.hex(),
    )
}
