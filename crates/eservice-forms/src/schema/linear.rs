//! Patterns run in linear time: the ECMA-262 syntax tree (`ecma.rs`) compiled
//! to a Thompson NFA and run by a Pike VM, whose time is at most the
//! program's size times the text's length, never exponential.
//!
//! The program has one instruction per code-point set (`\d`, `\w`, `\s`, `.`
//! and classes already carry their ECMA-262 meanings as ranges), per split
//! and jump of alternation and repetition, and per assertion (`^ $ \b \B`,
//! without the `m` and `i` flags, as JSON Schema uses them). Counted
//! repetition is written out copy by copy; a pattern whose program would
//! pass [`MAX_INSTS`] goes to the ECMA engine path (step bound, `risk.rs`),
//! as do lookaround, backreferences and a `\p{…}` the reader does not list.
//! The search is unanchored: a new thread starts at every position (the
//! implicit leading `.*?`). Only whether a match exists is asked, so greedy
//! and lazy quantifiers and captures are all the same here, and ECMA's rule
//! that an empty iteration ends a loop changes no answer.
//!
//! Why not `regex-lite` (what ran these patterns until 2026-12-02): size.
//! The pattern had to be written out again in its syntax and parsed a
//! second time, and its parser, NFA compiler and PikeVM (25.7 KB of wasm
//! code), with the sorting and hashing they pull in, cost the main bundle
//! 20.3 KB gzipped more than this matcher: `eservice-web` at commit 29ee6f8,
//! `wasm-opt -Oz` as Trunk runs it, `gzip -9`, 175.0 KB with regex-lite and
//! its translation, 154.8 KB with this (about 2.2 KB of code). The
//! browser's `RegExp` cannot do the work instead: it backtracks, with no
//! step limit.

use super::ecma::{Node, Set};

/// The largest program the matcher runs. Time is at most this many thread
/// steps per character: at worst (an unanchored `[a-z ]{0,1000}x`) 0.14 s
/// natively on a 10,000-character text; form patterns take microseconds.
/// Larger programs come from counts such as `^.{0,5000}$`, which the ECMA
/// engine runs within its step bound.
pub const MAX_INSTS: usize = 2048;

enum Inst {
    /// One code point out of the set, then the next instruction.
    Set(Set),
    /// Go on at both.
    Split(usize, usize),
    Jump(usize),
    Start,
    End,
    /// `\b` (false) or `\B` (true).
    Boundary(bool),
    Match,
}

/// A compiled pattern.
pub struct Program(Vec<Inst>);

/// The pattern as a program, or `None` if it needs the ECMA engine.
pub fn compile(node: &Node) -> Option<Program> {
    let mut c = Compiler { p: Vec::new(), fuel: 4 * MAX_INSTS };
    c.emit(node)?;
    c.p.push(Inst::Match);
    Some(Program(c.p))
}

struct Compiler {
    p: Vec<Inst>,
    /// Pieces left to visit: counts of pieces that add no instructions,
    /// such as `((?:){4000}){4000}`, must not run long either.
    fuel: usize,
}

impl Compiler {
    fn emit(&mut self, node: &Node) -> Option<()> {
        self.fuel = self.fuel.checked_sub(1)?;
        if self.p.len() > MAX_INSTS {
            return None;
        }
        let p = &mut self.p;
        match node {
            Node::Empty => {}
            Node::Set(s) => p.push(Inst::Set(s.clone())),
            Node::Start => p.push(Inst::Start),
            Node::End => p.push(Inst::End),
            Node::WordBoundary(not) => p.push(Inst::Boundary(*not)),
            Node::Concat(items) => {
                for n in items {
                    self.emit(n)?;
                }
            }
            Node::Alt(alts) => {
                // Each alternative but the last: split to it or to the next
                // split, and jump past the others when done.
                let mut jumps = Vec::new();
                let (last, rest) = alts.split_last()?;
                for n in rest {
                    let split = self.p.len();
                    self.p.push(Inst::Split(split + 1, 0));
                    self.emit(n)?;
                    jumps.push(self.p.len());
                    self.p.push(Inst::Jump(0));
                    self.patch(split, Inst::Split(split + 1, self.p.len()));
                }
                self.emit(last)?;
                for j in jumps {
                    self.patch(j, Inst::Jump(self.p.len()));
                }
            }
            Node::Repeat { node, min, max } => {
                for _ in 0..*min {
                    self.emit(node)?;
                }
                let Some(max) = max else {
                    // The loop: split into the body (which jumps back) or out.
                    let split = self.p.len();
                    self.p.push(Inst::Split(split + 1, 0));
                    self.emit(node)?;
                    self.p.push(Inst::Jump(split));
                    self.patch(split, Inst::Split(split + 1, self.p.len()));
                    return Some(());
                };
                // Optional copies, each one's split leading past them all.
                let mut splits = Vec::new();
                for _ in *min..*max {
                    splits.push(self.p.len());
                    self.p.push(Inst::Split(0, 0));
                    self.emit(node)?;
                }
                for s in splits {
                    self.patch(s, Inst::Split(s + 1, self.p.len()));
                }
            }
            Node::Opaque | Node::Look(_) | Node::Backref => return None,
        }
        Some(())
    }

    /// Sets a split's or jump's target once it is known.
    fn patch(&mut self, at: usize, inst: Inst) {
        if let Some(slot) = self.p.get_mut(at) {
            *slot = inst;
        }
    }
}

/// `\w` for `\b`: ASCII word characters only, without the `i` flag.
fn word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The Pike VM's state over one search.
struct Vm<'p> {
    prog: &'p [Inst],
    /// The text position at which each instruction was last reached, so
    /// each runs at most once per position.
    seen: Vec<usize>,
    stack: Vec<usize>,
}

impl Vm<'_> {
    /// Follows the thread at `pc` through splits, jumps and the assertions
    /// that hold between `prev` and `cur`, adding the code-point tests it
    /// reaches to `list`; true if it reaches the match.
    fn add(&mut self, list: &mut Vec<usize>, at: usize, pc: usize, prev: Option<char>, cur: Option<char>) -> bool {
        self.stack.push(pc);
        while let Some(pc) = self.stack.pop() {
            let (Some(inst), Some(seen)) = (self.prog.get(pc), self.seen.get_mut(pc)) else { continue };
            if *seen == at {
                continue;
            }
            *seen = at;
            let go = match inst {
                Inst::Match => {
                    self.stack.clear();
                    return true;
                }
                Inst::Set(_) => {
                    list.push(pc);
                    false
                }
                Inst::Jump(to) => {
                    self.stack.push(*to);
                    false
                }
                Inst::Split(a, b) => {
                    self.stack.push(*b);
                    self.stack.push(*a);
                    false
                }
                Inst::Start => prev.is_none(),
                Inst::End => cur.is_none(),
                Inst::Boundary(not) => (word(prev) != word(cur)) != *not,
            };
            if go {
                self.stack.push(pc + 1);
            }
        }
        false
    }
}

impl Program {
    /// Whether the pattern matches anywhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        let mut vm = Vm { prog: &self.0, seen: vec![usize::MAX; self.0.len()], stack: Vec::new() };
        let (mut now, mut next) = (Vec::new(), Vec::new());
        let mut chars = text.chars();
        let (mut prev, mut cur) = (None, chars.next());
        let mut at = 0;
        loop {
            // A match may start at every position.
            if vm.add(&mut now, at, 0, prev, cur) {
                return true;
            }
            let Some(c) = cur else { return false };
            let after = chars.next();
            next.clear();
            for &pc in &now {
                if let Some(Inst::Set(s)) = self.0.get(pc) {
                    if s.contains(c as u32) && vm.add(&mut next, at + 1, pc + 1, Some(c), after) {
                        return true;
                    }
                }
            }
            std::mem::swap(&mut now, &mut next);
            (prev, cur, at) = (Some(c), after, at + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::ecma::parse;
    use super::*;

    fn linear(p: &str) -> Program {
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

    #[test]
    fn counts_are_written_out_up_to_a_limit() {
        let five = linear("^[1-9]\\d{4}$");
        assert!(five.is_match("10200") && !five.is_match("1020") && !five.is_match("102000"));
        let some = linear("^(?:ab){2,3}$");
        assert!(!some.is_match("ab") && some.is_match("abab") && some.is_match("ababab") && !some.is_match("abababab"));
        assert!(linear("^(?:){3}(?:a|)*$").is_match(""));
        assert!(linear("^.{0,1000}$").is_match(&"ก".repeat(1000)));
        assert!(compile(&parse("^.{0,1100}$").unwrap()).is_none(), "past MAX_INSTS");
        for p in ["a{5000}", "((?:){4000}){4000}", "(?:a{100}){100}", "((a{1,20}){1,20}){1,20}", "a{4294967295,}"] {
            assert!(compile(&parse(p).unwrap()).is_none(), "{p}");
        }
    }

    #[test]
    fn long_texts_take_linear_time() {
        let t = std::time::Instant::now();
        let thai = linear("^([ก-๙]+\\s?)+$");
        assert!(!thai.is_match(&format!("{}!", "สมชาย ".repeat(2000))));
        assert!(!linear("(a|aa)+b").is_match(&"a".repeat(10_000)));
        assert!(linear("\\bx$").is_match(&format!("{}x", "- ".repeat(10_000))));
        assert!(t.elapsed().as_millis() < 1000, "{:?}", t.elapsed());
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
    /// patterns and texts: whatever compiles must match the same texts.
    #[cfg(feature = "ecma-regex")]
    #[test]
    fn agrees_with_an_ecma_engine() {
        let mut r = Rng(0x5EED_2569);
        let (mut compared, mut compiled) = (0, 0);
        for _ in 0..4000 {
            let pattern = gen_pattern(&mut r, 0);
            let Ok(ecma) = regress::Regex::with_flags(&pattern, "u") else { continue };
            // What the ECMA engine takes, the reader reads (else it could never run).
            let tree = parse(&pattern).unwrap_or_else(|| panic!("/{pattern}/u is valid but not read"));
            let Some(linear) = compile(&tree) else { continue };
            compiled += 1;
            for _ in 0..25 {
                let text: String = (0..r.below(7)).map(|_| r.pick(TEXT)).collect();
                assert_eq!(linear.is_match(&text), ecma.find(&text).is_some(), "/{pattern}/u on {text:?}");
                compared += 1;
            }
        }
        assert!(compiled > 1500 && compared > 35000, "{compiled} patterns, {compared} comparisons");
    }

    #[test]
    fn leaves_lookaround_and_backrefs_to_ecma() {
        for p in ["(?=a)", "(a)\\1", "\\p{Letter}"] {
            assert!(compile(&parse(p).unwrap()).is_none(), "{p}");
        }
    }
}
