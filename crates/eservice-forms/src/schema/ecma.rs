//! ECMA-262 patterns (as JSON Schema uses them: the `u` flag, unanchored)
//! read into a small syntax tree.
//!
//! The tree serves three readers: the linear-time engine (`linear.rs`), the
//! step estimate that guards the backtracking ECMA engine, and the warning
//! about nested quantifiers (`risk.rs`). It is not the judge of validity: a
//! pattern is valid when the ECMA engine (regress, or the browser's RegExp)
//! compiles it. Reading gives up (`None`) on anything it does not know
//! exactly, and the pattern is then left to the ECMA engine.

/// Code points as sorted, disjoint, non-adjacent inclusive ranges.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Set(pub Vec<(u32, u32)>);

const MAX: u32 = 0x10FFFF;

impl Set {
    pub fn of(ranges: &[(u32, u32)]) -> Set {
        let mut s = Set::default();
        for &r in ranges {
            s.insert(r);
        }
        s
    }

    /// Adds a range, merging it with those it overlaps or touches (in order,
    /// without a sort: classes have a handful of ranges).
    fn insert(&mut self, (mut a, mut b): (u32, u32)) {
        let mut out = Vec::with_capacity(self.0.len() + 1);
        let mut placed = false;
        for &(x, y) in &self.0 {
            if y.saturating_add(1) < a {
                out.push((x, y));
            } else if b.saturating_add(1) < x {
                if !placed {
                    out.push((a, b));
                    placed = true;
                }
                out.push((x, y));
            } else {
                (a, b) = (a.min(x), b.max(y));
            }
        }
        if !placed {
            out.push((a, b));
        }
        self.0 = out;
    }

    pub fn add(&mut self, other: &Set) {
        for &r in &other.0 {
            self.insert(r);
        }
    }

    /// `\d`, `\D` and their like: a table, or all that is not in it.
    fn class(ranges: &[(u32, u32)], negated: bool) -> Set {
        let set = Set::of(ranges);
        if negated {
            set.negate()
        } else {
            set
        }
    }

    pub fn contains(&self, c: u32) -> bool {
        self.0.iter().any(|&(a, b)| a <= c && c <= b)
    }

    /// Every code point not in the set.
    pub fn negate(&self) -> Set {
        let mut out = Vec::new();
        let mut next = 0u32;
        for &(a, b) in &self.0 {
            if a > next {
                out.push((next, a - 1));
            }
            next = b.saturating_add(1);
        }
        if next <= MAX {
            out.push((next, MAX));
        }
        Set(out)
    }

    fn one(c: u32) -> Set {
        Set(vec![(c, c)])
    }
}

/// `\d`: ASCII digits only, in ECMA-262 (Thai digits ๐–๙ are not `\d`).
const DIGIT: &[(u32, u32)] = &[(0x30, 0x39)];
/// `\w` without the `i` flag: ASCII letters, digits and `_`.
const WORD: &[(u32, u32)] = &[(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)];
/// `\s`: WhiteSpace and LineTerminator (ECMA-262 §22.2.2.9, Unicode Zs).
const SPACE: &[(u32, u32)] = &[
    (0x09, 0x0D), (0x20, 0x20), (0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A), (0x2028, 0x2029),
    (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000), (0xFEFF, 0xFEFF),
];
/// `\p{Script=Thai}`, the one Unicode property written out here, because Thai
/// forms use it; every other `\p{…}` is left to the ECMA engine.
const THAI: &[(u32, u32)] = &[(0x0E01, 0x0E3A), (0x0E40, 0x0E5B)];
/// What `.` does not match without the `s` flag.
const LINE_TERMINATORS: &[(u32, u32)] = &[(0x0A, 0x0A), (0x0D, 0x0D), (0x2028, 0x2029)];

/// A pattern's syntax tree. Capture groups are plain groups: whether a
/// pattern matches never depends on what they capture, except through
/// backreferences, which only the ECMA engine runs.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Empty,
    /// One code point out of a set.
    Set(Set),
    /// One code point out of a set the kit does not list (`\p{Letter}`).
    Opaque,
    Start,
    End,
    /// `\b` (false) or `\B` (true).
    WordBoundary(bool),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat { node: Box<Node>, min: u32, max: Option<u32> },
    /// Lookahead or lookbehind, either sign.
    Look(Box<Node>),
    Backref,
}

/// Reads an ECMA-262 pattern with the `u` flag; `None` when it uses syntax
/// this reader does not know exactly (or is not valid).
pub fn parse(pattern: &str) -> Option<Node> {
    let mut p = Parser { s: pattern.chars().collect(), i: 0, depth: 0 };
    let node = p.disjunction()?;
    (p.i == p.s.len()).then_some(node)
}

/// Groups nested deeper than this are left to the ECMA engine (and keep
/// the reader's recursion shallow).
const MAX_NESTING: usize = 64;

struct Parser {
    s: Vec<char>,
    i: usize,
    depth: usize,
}

/// The names of `\p{Script=Thai}`, as `[char]`s to compare with the pattern's.
const THAI_NAMES: [&[char]; 2] = [
    &['S', 'c', 'r', 'i', 'p', 't', '=', 'T', 'h', 'a', 'i'],
    &['s', 'c', '=', 'T', 'h', 'a', 'i'],
];
/// `\f \n \r \t \v` and the code points they stand for.
const CONTROL_ESCAPES: [(char, u32); 5] = [('f', 0x0C), ('n', 0x0A), ('r', 0x0D), ('t', 0x09), ('v', 0x0B)];
/// The characters an identity escape may stand for with the `u` flag.
const SYNTAX: &[u8] = b"^$\\.*+?()[]{}|/";

/// The code point of a set of one, as a class range's end needs.
fn single(n: &Node) -> Option<u32> {
    match n {
        Node::Set(Set(r)) => match r.as_slice() {
            [(a, b)] if a == b => Some(*a),
            _ => None,
        },
        _ => None,
    }
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }

    fn peek_at(&self, k: usize) -> Option<char> {
        self.s.get(self.i + k).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += 1;
        Some(c)
    }

    fn eat(&mut self, c: char) -> bool {
        let yes = self.peek() == Some(c);
        if yes {
            self.i += 1;
        }
        yes
    }

    /// Moves past everything up to `end`, and `end` itself.
    fn skip_past(&mut self, end: char) -> Option<()> {
        while self.next()? != end {}
        Some(())
    }

    fn disjunction(&mut self) -> Option<Node> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return None;
        }
        let mut alts = vec![self.alternative()?];
        while self.eat('|') {
            alts.push(self.alternative()?);
        }
        self.depth -= 1;
        Some(if alts.len() == 1 { alts.pop()? } else { Node::Alt(alts) })
    }

    fn alternative(&mut self) -> Option<Node> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            items.push(self.term()?);
        }
        Some(match items.len() {
            0 => Node::Empty,
            1 => items.pop()?,
            _ => Node::Concat(items),
        })
    }

    fn term(&mut self) -> Option<Node> {
        let atom = match self.next()? {
            '^' => return self.assertion(Node::Start),
            '$' => return self.assertion(Node::End),
            '(' => {
                // `(?:`, `(?<name>`, lookaround `(?=` `(?!` `(?<=` `(?<!`;
                // any other `(?` (modifiers, anything newer) is not read.
                let mut look = false;
                if self.eat('?') {
                    let behind = self.eat('<');
                    if self.eat('=') || self.eat('!') {
                        look = true;
                    } else if behind {
                        // A group name cannot hold `>`; the ECMA engine has checked the rest.
                        self.skip_past('>')?;
                    } else {
                        self.eat(':').then_some(())?;
                    }
                }
                let inner = self.disjunction()?;
                self.eat(')').then_some(())?;
                if look {
                    return self.assertion(Node::Look(Box::new(inner)));
                }
                inner
            }
            '.' => Node::Set(Set::class(LINE_TERMINATORS, true)),
            '[' => self.class()?,
            '\\' => match self.escape(false)? {
                b @ Node::WordBoundary(_) => return self.assertion(b),
                atom => atom,
            },
            // Nothing to repeat, or a lone bracket (both errors with `u`).
            '*' | '+' | '?' | '{' | '}' | ']' | ')' => return None,
            c => Node::Set(Set::one(c as u32)),
        };
        self.quantified(atom)
    }

    /// Assertions cannot be quantified with the `u` flag.
    fn assertion(&self, a: Node) -> Option<Node> {
        (!self.at_quantifier()).then_some(a)
    }

    fn at_quantifier(&self) -> bool {
        matches!(self.peek(), Some('*' | '+' | '?' | '{'))
    }

    fn quantified(&mut self, atom: Node) -> Option<Node> {
        let (min, max) = match self.peek() {
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('?') => (0, Some(1)),
            Some('{') => {
                self.i += 1;
                let min = self.number()?;
                let max = if self.eat(',') {
                    if self.peek() == Some('}') {
                        None
                    } else {
                        Some(self.number()?)
                    }
                } else {
                    Some(min)
                };
                if self.peek() != Some('}') || max.is_some_and(|m| m < min) {
                    return None;
                }
                (min, max)
            }
            _ => return Some(atom),
        };
        self.i += 1;
        self.eat('?'); // lazy or greedy: the same strings match
        if self.at_quantifier() {
            return None;
        }
        Some(Node::Repeat { node: Box::new(atom), min, max })
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.i;
        let mut n: u32 = 0;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            n = n.saturating_mul(10).saturating_add(d);
            self.i += 1;
        }
        (self.i > start).then_some(n)
    }

    fn hex(&mut self, digits: usize) -> Option<u32> {
        let mut n = 0u32;
        for _ in 0..digits {
            n = n * 16 + self.peek()?.to_digit(16)?;
            self.i += 1;
        }
        Some(n)
    }

    /// `\u` escapes: `\uHHHH` (a surrogate pair written as two joins into one
    /// code point, as the `u` flag says) or `\u{H…}`.
    fn unicode_escape(&mut self) -> Option<u32> {
        if self.eat('{') {
            let start = self.i;
            let mut n = 0u32;
            while let Some(d) = self.peek().and_then(|c| c.to_digit(16)) {
                n = n.checked_mul(16)?.checked_add(d)?;
                self.i += 1;
            }
            return (self.i > start && n <= MAX && self.eat('}')).then_some(n);
        }
        let lead = self.hex(4)?;
        if (0xD800..0xDC00).contains(&lead) && self.peek() == Some('\\') && self.peek_at(1) == Some('u') {
            let back = self.i;
            self.i += 2;
            match self.hex(4) {
                Some(trail) if (0xDC00..0xE000).contains(&trail) => {
                    return Some(0x10000 + ((lead - 0xD800) << 10) + (trail - 0xDC00));
                }
                _ => self.i = back,
            }
        }
        Some(lead)
    }

    /// After `\`, inside a class (where `\b` is backspace and `\-` a dash)
    /// or outside (where `\b` `\B` are assertions and `\1` `\k<…>`
    /// backreferences).
    fn escape(&mut self, in_class: bool) -> Option<Node> {
        let c = self.next()?;
        let code = match c {
            'd' | 'D' => return Some(Node::Set(Set::class(DIGIT, c == 'D'))),
            's' | 'S' => return Some(Node::Set(Set::class(SPACE, c == 'S'))),
            'w' | 'W' => return Some(Node::Set(Set::class(WORD, c == 'W'))),
            'p' | 'P' => {
                self.eat('{').then_some(())?;
                let start = self.i;
                self.skip_past('}')?;
                let name = self.s.get(start..self.i - 1).unwrap_or_default();
                if !THAI_NAMES.contains(&name) {
                    return Some(Node::Opaque);
                }
                return Some(Node::Set(Set::class(THAI, c == 'P')));
            }
            'b' | 'B' if !in_class => return Some(Node::WordBoundary(c == 'B')),
            '1'..='9' if !in_class => {
                self.number();
                return Some(Node::Backref);
            }
            'k' if !in_class => {
                self.eat('<').then_some(())?;
                self.skip_past('>')?;
                return Some(Node::Backref);
            }
            'b' => 0x08,
            '-' if in_class => '-' as u32,
            'c' => self.next().filter(char::is_ascii_alphabetic)? as u32 % 32,
            '0' if !self.peek().is_some_and(|d| d.is_ascii_digit()) => 0,
            'x' => self.hex(2)?,
            'u' => self.unicode_escape()?,
            _ => match CONTROL_ESCAPES.iter().find(|(e, _)| *e == c) {
                Some(&(_, code)) => code,
                None if c.is_ascii() && SYNTAX.contains(&(c as u8)) => c as u32,
                None => return None,
            },
        };
        Some(Node::Set(Set::one(code)))
    }

    fn class_atom(&mut self) -> Option<Node> {
        match self.next()? {
            '\\' => self.escape(true),
            c => Some(Node::Set(Set::one(c as u32))),
        }
    }

    /// After `[`: ranges, escapes and sets up to `]`.
    fn class(&mut self) -> Option<Node> {
        let negated = self.eat('^');
        let mut set = Set::default();
        let mut opaque = false;
        while !self.eat(']') {
            let from = self.class_atom()?;
            if self.peek() == Some('-') && self.peek_at(1).is_some_and(|c| c != ']') {
                self.i += 1;
                // Both ends single characters, in order (else an error with `u`).
                match (single(&from), single(&self.class_atom()?)) {
                    (Some(a), Some(b)) if a <= b => set.insert((a, b)),
                    _ => return None,
                }
                continue;
            }
            match from {
                Node::Set(s) => set.add(&s),
                _ => opaque = true,
            }
        }
        Some(match (opaque, negated) {
            (true, _) => Node::Opaque,
            (false, true) => Node::Set(set.negate()),
            (false, false) => Node::Set(set),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(n: &Node) -> &[(u32, u32)] {
        match n {
            Node::Set(s) => &s.0,
            other => panic!("not a set: {other:?}"),
        }
    }

    #[test]
    fn sets_follow_ecma() {
        assert_eq!(set(&parse("\\d").unwrap()), [(0x30, 0x39)]);
        assert_eq!(set(&parse("[^]").unwrap()), [(0, MAX)]);
        assert_eq!(set(&parse("[]").unwrap()), []);
        assert_eq!(set(&parse("[\\b\\-]").unwrap()), [(8, 8), (0x2D, 0x2D)]);
        assert_eq!(set(&parse("\\uD83D\\uDE00").unwrap()), [(0x1F600, 0x1F600)]);
        assert_eq!(set(&parse("\\u{1F600}").unwrap()), [(0x1F600, 0x1F600)]);
        assert_eq!(set(&parse("\\cJ").unwrap()), [(10, 10)]);
        assert_eq!(set(&parse("[a-b-c]").unwrap()), [(0x2D, 0x2D), (0x61, 0x63)]);
        assert_eq!(set(&parse("[\\D]").unwrap()), [(0, 0x2F), (0x3A, MAX)]);
        assert_eq!(parse("\\p{Letter}"), Some(Node::Opaque));
    }

    #[test]
    fn gives_up_on_what_it_does_not_know() {
        for p in ["(", "a**", "\\a", "[z-a]", "(?i:a)", "a{2,1}", "[\\d-z]", "{", "]", "^*", "[\\B]", "[\\1]", "\\-", "\\c1", "\\p{Script=Thai", "(?<n"] {
            assert_eq!(parse(p), None, "{p}");
        }
        assert!(parse(&"(".repeat(100)).is_none());
    }

    #[test]
    fn lookaround_and_backrefs_are_marked() {
        assert!(matches!(parse("(?<=a)b"), Some(Node::Concat(v)) if v[0] == Node::Look(Box::new(Node::Set(Set::one(97))))));
        assert!(matches!(parse("(?<n>a)\\k<n>"), Some(Node::Concat(v)) if v[1] == Node::Backref));
    }
}
