//! Patterns run in linear time: an ECMA-262 syntax tree written out in
//! `regex-lite` syntax, and matched by its PikeVM, whose time grows with
//! pattern size times text length and never exponentially.
//!
//! Why `regex-lite` and not `regex`: the same author's engine without
//! Unicode tables or literal optimisations, a fraction of the download (the
//! browser runs it too). It needs no Unicode tables here: every class is
//! written out as code-point ranges (`\d`, `\w`, `\s` and `.` with their
//! ECMA-262 meanings), and `\b` is ASCII in both. Lookaround and
//! backreferences have no translation, and neither has a `\p{…}` other than
//! `Script=Thai`: those patterns stay with the ECMA engine.
//!
//! What it costs the main bundle (`eservice-web`, release, after
//! wasm-bindgen, before wasm-opt, `gzip -9`; measured 2026-12-02 on the same
//! commit with and without `regex_lite::Regex::new` reachable): regex-lite
//! and this translation add 20.1 KB gzipped (51 KB raw); the ECMA reader,
//! the step bound, the `$ref` memo and the metaschemas (1.4 KB of it) add
//! 14.7 KB more: 188.9 KB before issue 15's items 5 and 9, 223.7 KB after.

use std::fmt::Write;

use super::ecma::{Node, Set};

/// The pattern in `regex-lite` syntax, or `None` if it needs the ECMA engine.
pub fn translate(node: &Node) -> Option<String> {
    let mut out = String::new();
    write(node, &mut out)?;
    Some(out)
}

/// A compiled linear-time pattern; `None` if the pattern needs the ECMA engine
/// (or is too large for the linear engine's size limit).
pub fn compile(node: &Node) -> Option<regex_lite::Regex> {
    regex_lite::Regex::new(&translate(node)?).ok()
}

fn write(node: &Node, out: &mut String) -> Option<()> {
    match node {
        Node::Empty => out.push_str("(?:)"),
        Node::Set(s) => class(s, out),
        Node::Start => out.push('^'),
        Node::End => out.push('$'),
        Node::WordBoundary(false) => out.push_str("\\b"),
        Node::WordBoundary(true) => out.push_str("\\B"),
        Node::Concat(items) => {
            for n in items {
                write(n, out)?;
            }
        }
        Node::Alt(alts) => {
            out.push_str("(?:");
            for (i, n) in alts.iter().enumerate() {
                if i > 0 {
                    out.push('|');
                }
                write(n, out)?;
            }
            out.push(')');
        }
        Node::Repeat { node, min, max } => {
            out.push_str("(?:");
            write(node, out)?;
            out.push(')');
            let _ = match max {
                Some(max) => write!(out, "{{{min},{max}}}"),
                None => write!(out, "{{{min},}}"),
            };
        }
        Node::Opaque | Node::Look(_) | Node::Backref => return None,
    }
    Some(())
}

/// A class of hex-escaped ranges, without the surrogates no Rust string holds.
fn class(s: &Set, out: &mut String) {
    let ranges: Vec<(u32, u32)> = s
        .0
        .iter()
        .flat_map(|&(a, b)| [(a, b.min(0xD7FF)), (a.max(0xE000), b)])
        .filter(|(a, b)| a <= b)
        .collect();
    if ranges.is_empty() {
        // The empty class: matches nothing, not even the empty string.
        out.push_str("[^\\s\\S]");
        return;
    }
    out.push('[');
    for (a, b) in ranges {
        let _ = if a == b { write!(out, "\\x{{{a:X}}}") } else { write!(out, "\\x{{{a:X}}}-\\x{{{b:X}}}") };
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::super::ecma::parse;
    use super::*;

    fn linear(p: &str) -> regex_lite::Regex {
        compile(&parse(p).unwrap()).unwrap_or_else(|| panic!("{p} has no linear form"))
    }

    #[test]
    fn keeps_ecma_meanings() {
        assert!(!linear("^\\d+$").is_match("๑๒"), "\\d is ASCII only");
        assert!(linear("^\\s$").is_match("\u{3000}"));
        assert!(!linear("^.$").is_match("\u{2028}"));
        assert!(linear("^.$").is_match("🐲"));
        assert!(linear("^[^]$").is_match("\n"));
        assert!(!linear("[]").is_match(""));
        assert!(linear("^\\/\\u0041\\u{1F600}$").is_match("/A😀"));
        assert!(linear("^\\cJ$").is_match("\n"));
        assert!(linear("(?<year>\\d{4})").is_match("ปี 2569"));
        assert!(!linear("^a$").is_match("a\n"), "$ is the end of the text only");
        // \b is ASCII in ECMA-262 (without the i flag): Thai letters are not word characters.
        assert!(linear("a\\bก").is_match("aก") && linear("ข\\Bก").is_match("ขก"));
        assert!(linear("^\\p{Script=Thai}+$").is_match("สมชาย"));
    }

    /// A small deterministic generator (xorshift), so the test needs no crate.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }

        fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
            from[self.below(from.len())]
        }
    }

    const ATOMS: &[&str] = &[
        "a", "b", "ก", "0", " ", "-", ".", "\\d", "\\D", "\\s", "\\S", "\\w", "\\W", "\\/", "\\.", "\\u0061",
        "\\x62", "\\u{1F600}", "\\uD83D\\uDE00", "\\cJ", "\\0", "\\t", "\\v", "[^]", "[]", "\\p{Script=Thai}", "\\P{sc=Thai}",
    ];
    const CLASS_ATOMS: &[&str] =
        &["a", "b", "z", "ก", "๙", "-", "^", "\\d", "\\D", "\\s", "\\w", "\\W", "\\b", "\\-", "\\]", "\\u0E01", " ", "0", "9"];
    const QUANTIFIERS: &[&str] = &["", "", "", "*", "+", "?", "{2}", "{1,2}", "{0,}", "*?", "+?", "{1,3}?"];
    const TEXT: &[&str] = &["a", "b", "A", "_", "0", "9", " ", "\n", "\r", "\u{2028}", "\u{3000}", "\u{b}", "ก", "๙", "๑", "-", "😀", "\u{8}", "z", "^"];

    fn gen_pattern(r: &mut Rng, depth: usize) -> String {
        let mut out = String::new();
        for _ in 0..1 + r.below(4) {
            match r.below(10) {
                0 if depth < 3 => {
                    let open = r.pick(&["(", "(?:", "(?<g>"]);
                    let open = if open == "(?<g>" { format!("(?<g{}>", r.below(1000)) } else { open.to_owned() };
                    let alt = if r.below(3) == 0 { format!("|{}", gen_pattern(r, depth + 1)) } else { String::new() };
                    out += &format!("{open}{}{alt})", gen_pattern(r, depth + 1));
                }
                1 => {
                    out.push('[');
                    if r.below(2) == 0 {
                        out.push('^');
                    }
                    for _ in 0..r.below(4) {
                        out += r.pick(CLASS_ATOMS);
                        if r.below(4) == 0 {
                            out.push('-');
                            out += r.pick(CLASS_ATOMS);
                        }
                    }
                    out.push(']');
                }
                2 => {
                    out += r.pick(&["^", "$", "\\b", "\\B"]);
                    continue;
                }
                _ => out += r.pick(ATOMS),
            }
            out += r.pick(QUANTIFIERS);
        }
        if depth == 0 && r.below(4) == 0 {
            out = format!("{out}|{}", gen_pattern(r, 1));
        }
        out
    }

    /// The linear engine against regress, an ECMA-262 engine, on random
    /// patterns and texts: whatever translates must match the same texts.
    #[cfg(feature = "ecma-regex")]
    #[test]
    fn agrees_with_an_ecma_engine() {
        let mut r = Rng(0x5EED_2569);
        let (mut compared, mut translated) = (0, 0);
        for _ in 0..4000 {
            let pattern = gen_pattern(&mut r, 0);
            let Ok(ecma) = regress::Regex::with_flags(&pattern, "u") else { continue };
            // What the ECMA engine takes, the reader reads (else it could never run).
            let tree = parse(&pattern).unwrap_or_else(|| panic!("/{pattern}/u is valid but not read"));
            let Some(linear) = compile(&tree) else { continue };
            translated += 1;
            for _ in 0..25 {
                let text: String = (0..r.below(7)).map(|_| r.pick(TEXT)).collect();
                assert_eq!(linear.is_match(&text), ecma.find(&text).is_some(), "/{pattern}/u on {text:?}");
                compared += 1;
            }
        }
        assert!(translated > 1500 && compared > 35000, "{translated} patterns, {compared} comparisons");
    }

    #[test]
    fn leaves_lookaround_and_backrefs_to_ecma() {
        for p in ["(?=a)", "(a)\\1", "\\p{Letter}"] {
            assert_eq!(translate(&parse(p).unwrap()), None, "{p}");
        }
    }
}
