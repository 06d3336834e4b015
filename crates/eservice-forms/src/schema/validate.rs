//! The validator: JSON Schema draft 2020-12, one walk over schema and data
//! that collects every error.
//!
//! The same code serves the form as the user types, the check before a
//! submission is packaged, and `eservice validate`, so the three can never
//! disagree. Schemas are indexed and checked once, up front, so that
//! validating data can only ever find fault with the data.

use serde_json::{Map, Value};

use eservice_base::pointer::JsonPointer;

use super::check::{self, whole};
use super::error::{ErrorKind, JsonType, SchemaError, SchemaProblem, ValidationError};
use super::format;
use super::index::{Index, Loc};
use super::metaschemas;
use super::pattern::{PatternEngine, Patterns, Verdict};
use super::risk::{risky_patterns, PatternWarning};
use super::uri::Uri;

/// The base URI of a schema that has neither a retrieval URI nor an `$id`.
pub const DEFAULT_BASE: &str = "https://schema.invalid/schema.json";

/// Nested schema evaluations allowed before we stop: JSON nests at most 128
/// deep (serde_json's limit), so this is only reached by schemas that recurse
/// without consuming data.
const MAX_DEPTH: usize = 512;

/// Schema evaluations allowed for one value before it is refused as too
/// slow to check. A 200-field form takes a few thousand; with `$ref` results
/// remembered (`Eval::follow`) only a schema built to double its work at
/// every level comes near, and it is stopped within a second.
const MAX_WORK: usize = 1_000_000;

const VALIDATION_VOCAB: &str = "https://json-schema.org/draft/2020-12/vocab/validation";
const FORMAT_ASSERTION_VOCAB: &str = "https://json-schema.org/draft/2020-12/vocab/format-assertion";

/// Gathers what a validator needs: the schema, where it came from, the
/// documents it refers to, and how to treat `format`.
pub struct Builder {
    schema: Value,
    base: Uri,
    docs: Vec<(Uri, Value)>,
    assert_formats: bool,
}

impl Builder {
    /// The URI the schema was retrieved from; relative `$ref`s resolve against it.
    pub fn base(mut self, uri: &str) -> Self {
        self.base = Uri::parse(uri);
        self
    }

    /// Another document that `$ref`s may point into.
    pub fn document(mut self, uri: &str, doc: Value) -> Self {
        self.docs.push((Uri::parse(uri), doc));
        self
    }

    /// Whether `format` is asserted (forms: yes) or only an annotation (the
    /// 2020-12 default, which the official test suite checks).
    pub fn assert_formats(mut self, yes: bool) -> Self {
        self.assert_formats = yes;
        self
    }

    /// Indexes and checks the schema. A `$ref` to a document not given yet is
    /// [`SchemaProblem::MissingDocument`]: fetch it, add it, build again. The
    /// official draft 2020-12 metaschemas are built in.
    pub fn build(self, patterns: Box<dyn PatternEngine>) -> Result<Validator, SchemaError> {
        let mut index = Index::default();
        index.add(&self.base, self.schema);
        for (uri, doc) in self.docs {
            index.add(&uri, doc);
        }
        let root = Loc { doc: 0, ptr: JsonPointer::root(), base: self.base.without_fragment() };
        let mut v = Validator {
            index,
            root,
            patterns: Patterns::new(patterns),
            assert_formats: self.assert_formats,
            validation_vocab: true,
        };
        v.read_vocabularies();
        // A metaschema is parsed and added only when the schema refers to
        // one; each round adds one that was missing, so this ends.
        loop {
            let Err(e) = check::check(&v.index, &v.root, &v.patterns) else { return Ok(v) };
            let SchemaProblem::MissingDocument { uri } = &e.problem else { return Err(e) };
            let Some(doc) = metaschemas::builtin(uri) else { return Err(e) };
            v.index.add(&Uri::parse(uri), doc);
        }
    }
}

/// A schema that has been indexed and checked, ready to validate data.
pub struct Validator {
    pub(super) index: Index,
    pub(super) root: Loc,
    pub(super) patterns: Patterns,
    assert_formats: bool,
    validation_vocab: bool,
}

impl Validator {
    pub fn builder(schema: Value) -> Builder {
        Builder { schema, base: Uri::parse(DEFAULT_BASE), docs: Vec::new(), assert_formats: true }
    }

    /// A validator for a self-contained schema, formats asserted.
    pub fn new(schema: Value, patterns: Box<dyn PatternEngine>) -> Result<Validator, SchemaError> {
        Validator::builder(schema).build(patterns)
    }

    /// The root schema.
    pub fn schema(&self) -> &Value {
        &self.index.docs[0]
    }

    /// Resolves a `$ref` found in the schema at `base` (None: the root's base).
    /// Returns the target schema and the base URI around it.
    pub fn resolve(&self, base: Option<&Uri>, reference: &str) -> Option<(&Value, Uri)> {
        let loc = self.index.resolve(base.unwrap_or(&self.root.base), reference)?;
        let v = self.index.value(&loc)?;
        Some((v, loc.base))
    }

    /// The base URI of the root schema.
    pub fn base(&self) -> &Uri {
        &self.root.base
    }

    /// Every error in `data`.
    pub fn validate(&self, data: &Value) -> Vec<ValidationError> {
        let mut eval = Eval::new(self);
        let root = self.schema();
        let errors = eval.schema(root, data, &JsonPointer::root(), &JsonPointer::root(), &self.root.base).errors;
        if eval.work > MAX_WORK {
            // Stopped part way: what was found is incomplete, so say only that.
            let too_slow = ErrorKind::TooSlow { pattern: None };
            return vec![ValidationError { instance_path: JsonPointer::root(), schema_path: JsonPointer::root(), kind: too_slow }];
        }
        errors
    }

    pub fn is_valid(&self, data: &Value) -> bool {
        self.validate(data).is_empty()
    }

    /// Whether `data` passes `schema`, a subschema of this validator's
    /// documents found at `base`: how a form decides `if` and which `oneOf`
    /// branch the data is in.
    pub fn matches(&self, schema: &Value, base: &Uri, data: &Value) -> bool {
        let mut eval = Eval::new(self);
        eval.schema(schema, data, &JsonPointer::root(), &JsonPointer::root(), base).valid() && eval.work <= MAX_WORK
    }

    /// `pattern`s with nested quantifiers in the schema and the documents it
    /// refers to (not the built-in metaschemas): see [`risky_patterns`].
    pub fn risky_patterns(&self) -> Vec<PatternWarning> {
        let mut out = Vec::new();
        for (i, doc) in self.index.docs.iter().enumerate() {
            let uri = self.index.retrieval_uri(i).map(ToString::to_string).unwrap_or_default();
            if i > 0 && uri.starts_with(metaschemas::METASCHEMA_BASE) {
                continue;
            }
            let document = (i > 0).then_some(uri);
            out.extend(risky_patterns(doc).into_iter().map(|w| PatternWarning { document: document.clone(), ..w }));
        }
        out
    }

    /// A custom metaschema may leave out the validation vocabulary, or add
    /// format assertion.
    fn read_vocabularies(&mut self) {
        let Some(meta) = self.schema().get("$schema").and_then(Value::as_str) else { return };
        let Some(loc) = self.index.resolve(&self.root.base, meta) else { return };
        let Some(vocab) = self.index.value(&loc).and_then(|m| m.get("$vocabulary")).and_then(Value::as_object) else {
            return;
        };
        self.validation_vocab = vocab.contains_key(VALIDATION_VOCAB);
        if vocab.contains_key(FORMAT_ASSERTION_VOCAB) {
            self.assert_formats = true;
        }
    }
}

/// What evaluating one schema found: errors, and which properties and items
/// it evaluated (for `unevaluatedProperties` and `unevaluatedItems`).
#[derive(Clone, Default)]
struct Outcome {
    errors: Vec<ValidationError>,
    props: Seen<String>,
    items: Seen<usize>,
}

/// A small set: forms evaluate a handful of names per object, and a Vec
/// costs far less code in the download than a hash set.
#[derive(Clone)]
struct Seen<T>(Vec<T>);

impl<T> Default for Seen<T> {
    fn default() -> Self {
        Seen(Vec::new())
    }
}

impl<T: PartialEq> Seen<T> {
    fn insert(&mut self, x: T) {
        if !self.0.contains(&x) {
            self.0.push(x);
        }
    }

    fn contains(&self, x: &T) -> bool {
        self.0.contains(x)
    }

    fn extend(&mut self, other: impl IntoIterator<Item = T>) {
        for x in other {
            self.insert(x);
        }
    }
}

impl<T> IntoIterator for Seen<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl Outcome {
    fn valid(&self) -> bool {
        self.errors.is_empty()
    }

    /// The work of copying these errors, counted against [`MAX_WORK`].
    fn copy_cost(&self) -> usize {
        self.errors.iter().map(|e| e.schema_path.tokens().len() + 1).sum()
    }

    /// Takes a subschema's errors and, as the spec asks, its annotations.
    fn absorb(&mut self, sub: Outcome) {
        let Outcome { errors, props, items } = sub;
        self.errors.extend(errors);
        self.props.extend(props);
        self.items.extend(items);
    }

    fn annotations_from(&mut self, sub: Outcome) {
        self.props.extend(sub.props);
        self.items.extend(sub.items);
    }

    fn fail(&mut self, ipath: &JsonPointer, spath: &JsonPointer, kind: ErrorKind) {
        self.errors.push(ValidationError { instance_path: ipath.clone(), schema_path: spath.clone(), kind });
    }
}

/// One validation pass: the dynamic scope, the guards against endless
/// recursion, and what `$ref`s have already given.
struct Eval<'v> {
    v: &'v Validator,
    /// Schema resources entered, outermost first, for `$dynamicRef`.
    scope: Vec<Uri>,
    /// `$ref` targets being followed, with the instance location, to catch
    /// a reference cycle that never moves through the data.
    refs: Vec<(usize, JsonPointer, JsonPointer)>,
    depth: usize,
    /// Schema evaluations so far; past [`MAX_WORK`] every evaluation stops.
    work: usize,
    /// The outcome of each `$ref` target already evaluated at an instance
    /// location (see [`Eval::follow`]).
    memo: Memo,
    /// Dynamic scopes seen, so a memo key holds a number, not a list of URIs.
    scopes: Vec<Vec<Uri>>,
}

/// A `$ref` target's address, the instance value's address, and the dynamic
/// scope (0 when the documents declare no `$dynamicAnchor`, as then no
/// outcome depends on it).
type MemoKey = (usize, usize, usize);

/// An outcome as first found, with the instance location it was found at
/// and the length of the schema path of the `$ref` that led to it (its
/// errors' paths go on from there).
struct Remembered {
    key: MemoKey,
    at: JsonPointer,
    under: usize,
    outcome: Outcome,
}

/// Remembered outcomes in a fixed number of slots, each key in one slot by
/// its hash, a newer one replacing an older. Forgetting costs only time
/// (the budget still bounds it), and this costs far less of the download
/// than a hash map.
#[derive(Default)]
struct Memo(Vec<Option<Remembered>>);

const MEMO_SLOTS: usize = 256;

impl Memo {
    fn slot(key: MemoKey) -> usize {
        let mixed = (key.0 as u64) ^ (key.1 as u64).rotate_left(21) ^ (key.2 as u64).rotate_left(42);
        (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize % MEMO_SLOTS
    }

    fn get(&self, key: MemoKey, at: &JsonPointer) -> Option<&Remembered> {
        self.0.get(Memo::slot(key))?.as_ref().filter(|m| m.key == key && m.at == *at)
    }

    fn insert(&mut self, r: Remembered) {
        if self.0.is_empty() {
            self.0.resize_with(MEMO_SLOTS, || None);
        }
        if let Some(slot) = self.0.get_mut(Memo::slot(r.key)) {
            *slot = Some(r);
        }
    }
}

impl<'v> Eval<'v> {
    fn new(v: &'v Validator) -> Eval<'v> {
        Eval {
            v,
            scope: vec![v.root.base.clone()],
            refs: Vec::new(),
            depth: 0,
            work: 0,
            memo: Memo::default(),
            scopes: Vec::new(),
        }
    }
}

impl Eval<'_> {
    fn schema(&mut self, s: &Value, inst: &Value, ip: &JsonPointer, sp: &JsonPointer, around: &Uri) -> Outcome {
        let mut out = Outcome::default();
        self.work += 1;
        if self.work > MAX_WORK {
            return out;
        }
        let o = match s {
            Value::Bool(false) => {
                out.fail(ip, sp, ErrorKind::False);
                return out;
            }
            Value::Object(o) => o,
            _ => return out,
        };
        if self.depth >= MAX_DEPTH {
            out.fail(ip, sp, ErrorKind::RefCycle);
            return out;
        }
        self.depth += 1;
        let id = o.get("$id").and_then(Value::as_str);
        let base = match id {
            Some(id) => around.join(id).without_fragment(),
            None => around.clone(),
        };
        let entered = id.is_some() && self.scope.last() != Some(&base);
        if entered {
            self.scope.push(base.clone());
        }

        if let Some(r) = o.get("$ref").and_then(Value::as_str) {
            let target = self.v.index.resolve(&base, r);
            self.follow(target, inst, ip, &sp.child("$ref"), &mut out);
        }
        if let Some(r) = o.get("$dynamicRef").and_then(Value::as_str) {
            let target = self.dynamic_target(&base, r);
            self.follow(target, inst, ip, &sp.child("$dynamicRef"), &mut out);
        }
        self.in_place(o, inst, ip, sp, &base, &mut out);
        if self.v.validation_vocab {
            self.generic(o, inst, ip, sp, &mut out);
        }
        match inst {
            Value::Object(m) => self.object(o, m, ip, sp, &base, &mut out),
            Value::Array(a) => self.array(o, a, ip, sp, &base, &mut out),
            Value::String(st) if self.v.validation_vocab || self.v.assert_formats => self.string(o, st, ip, sp, &mut out),
            Value::Number(_) if self.v.validation_vocab => self.number(o, inst, ip, sp, &mut out),
            _ => {}
        }

        if entered {
            self.scope.pop();
        }
        self.depth -= 1;
        out
    }

    /// Follows a `$ref` or `$dynamicRef`. The same target at the same place in
    /// the data gives the same outcome (errors and the annotations
    /// `unevaluated*` read) whenever the dynamic scope is the same, so it is
    /// evaluated once: schemas whose `anyOf`/`$ref` trees double at each level
    /// stay linear. Outcomes that met a reference cycle or ran out of work
    /// depend on the way in and are not kept.
    fn follow(&mut self, target: Option<Loc>, inst: &Value, ip: &JsonPointer, sp: &JsonPointer, out: &mut Outcome) {
        let Some(loc) = target else { return }; // ruled out by the schema check
        let Some(s) = self.v.index.value(&loc) else { return };
        let key = (loc.doc, loc.ptr.clone(), ip.clone());
        if self.refs.contains(&key) {
            out.fail(ip, sp, ErrorKind::RefCycle);
            return;
        }
        let memo_key = (s as *const Value as usize, inst as *const Value as usize, self.scope_id());
        if self.work > MAX_WORK {
            return;
        }
        if let Some(seen) = self.memo.get(memo_key, ip) {
            // Copying errors is work too: a tree that doubles them stops here.
            self.work += seen.outcome.copy_cost() + 1;
            if self.work > MAX_WORK {
                return;
            }
            let mut again = seen.outcome.clone();
            for e in &mut again.errors {
                // The path under this `$ref`, not the one it was first found under.
                let rest = e.schema_path.tokens().get(seen.under..).unwrap_or_default();
                e.schema_path = rest.iter().fold(sp.clone(), |p, t| p.child(t.as_str()));
            }
            out.absorb(again);
            return;
        }
        self.refs.push(key);
        // A target with its own `$id` enters its resource itself; one without
        // enters the resource that contains it.
        let entered = s.get("$id").is_none() && self.scope.last() != Some(&loc.base);
        if entered {
            self.scope.push(loc.base.clone());
        }
        let sub = self.schema(s, inst, ip, sp, &loc.base);
        if entered {
            self.scope.pop();
        }
        self.refs.pop();
        let cycle_free = !sub.errors.iter().any(|e| e.kind == ErrorKind::RefCycle);
        self.work += sub.copy_cost();
        if cycle_free && self.work <= MAX_WORK && sub.errors.iter().all(|e| e.schema_path.starts_with(sp)) {
            let under = sp.tokens().len();
            self.memo.insert(Remembered { key: memo_key, at: ip.clone(), under, outcome: sub.clone() });
        }
        out.absorb(sub);
    }

    /// A number for the current dynamic scope; 0 when no `$dynamicAnchor`
    /// exists, as then the scope changes nothing.
    fn scope_id(&mut self) -> usize {
        if !self.v.index.has_dynamic_anchors() {
            return 0;
        }
        match self.scopes.iter().position(|s| *s == self.scope) {
            Some(i) => i + 1,
            None => {
                self.scopes.push(self.scope.clone());
                self.scopes.len()
            }
        }
    }

    /// `$dynamicRef`: resolved statically, unless the target declares the
    /// matching `$dynamicAnchor`, in which case the outermost resource in the
    /// dynamic scope that declares it wins.
    fn dynamic_target(&self, base: &Uri, reference: &str) -> Option<Loc> {
        let initial = self.v.index.resolve(base, reference)?;
        let name = base.join(reference).fragment().map(str::to_owned).unwrap_or_default();
        if name.is_empty() || name.starts_with('/') || !self.v.index.declares_dynamic_anchor(&initial, &name) {
            return Some(initial);
        }
        self.v.index.dynamic_anchor(&self.scope, &name).or(Some(initial))
    }

    fn in_place(&mut self, o: &Map<String, Value>, inst: &Value, ip: &JsonPointer, sp: &JsonPointer, base: &Uri, out: &mut Outcome) {
        if let Some(Value::Array(all)) = o.get("allOf") {
            for (i, s) in all.iter().enumerate() {
                let sub = self.schema(s, inst, ip, &sp.child("allOf").index(i), base);
                out.absorb(sub);
            }
        }
        for keyword in ["anyOf", "oneOf"] {
            let Some(Value::Array(branches)) = o.get(keyword) else { continue };
            let p = sp.child(keyword);
            let mut matched = 0;
            let mut kept = Outcome::default();
            // When no branch matches, the one closest to matching says what to fix.
            let mut closest: Option<Vec<ValidationError>> = None;
            for (i, s) in branches.iter().enumerate() {
                let sub = self.schema(s, inst, ip, &p.index(i), base);
                if sub.valid() {
                    matched += 1;
                    kept.annotations_from(sub);
                } else if close_enough(&sub.errors, ip) && closest.as_ref().is_none_or(|c| sub.errors.len() < c.len()) {
                    closest = Some(sub.errors);
                }
            }
            match (keyword, matched) {
                ("anyOf", 1..) | ("oneOf", 1) => out.annotations_from(kept),
                (_, 0) => match closest {
                    Some(errors) => out.errors.extend(errors),
                    None if keyword == "anyOf" => out.fail(ip, &p, ErrorKind::AnyOf),
                    None => out.fail(ip, &p, ErrorKind::OneOf { matched }),
                },
                _ => out.fail(ip, &p, ErrorKind::OneOf { matched }),
            }
        }
        if let Some(not) = o.get("not") {
            if self.schema(not, inst, ip, &sp.child("not"), base).valid() {
                out.fail(ip, &sp.child("not"), ErrorKind::Not);
            }
        }
        if let Some(cond) = o.get("if") {
            let test = self.schema(cond, inst, ip, &sp.child("if"), base);
            let branch = if test.valid() {
                out.annotations_from(test);
                "then"
            } else {
                "else"
            };
            if let Some(s) = o.get(branch) {
                let sub = self.schema(s, inst, ip, &sp.child(branch), base);
                out.absorb(sub);
            }
        }
        for key in ["dependentSchemas", "dependencies"] {
            let (Some(Value::Object(deps)), Value::Object(m)) = (o.get(key), inst) else { continue };
            // `dependencies` (before 2019-09, and common in RJSF forms) also
            // holds name lists, which `object_assertions` treats as dependentRequired.
            for (trigger, s) in deps.iter().filter(|(t, s)| m.contains_key(t.as_str()) && !s.is_array()) {
                let sub = self.schema(s, inst, ip, &sp.child(key).child(trigger.as_str()), base);
                out.absorb(sub);
            }
        }
    }

    fn generic(&mut self, o: &Map<String, Value>, inst: &Value, ip: &JsonPointer, sp: &JsonPointer, out: &mut Outcome) {
        if let Some(t) = o.get("type") {
            let expected: Vec<JsonType> = match t {
                Value::String(s) => JsonType::parse(s).into_iter().collect(),
                Value::Array(a) => a.iter().filter_map(|t| t.as_str().and_then(JsonType::parse)).collect(),
                _ => vec![],
            };
            if !expected.iter().any(|t| has_type(inst, *t)) {
                out.fail(ip, &sp.child("type"), ErrorKind::Type { expected });
            }
        }
        if let Some(Value::Array(options)) = o.get("enum") {
            if !options.iter().any(|x| json_eq(x, inst)) {
                out.fail(ip, &sp.child("enum"), ErrorKind::Enum);
            }
        }
        if let Some(c) = o.get("const") {
            if !json_eq(c, inst) {
                out.fail(ip, &sp.child("const"), ErrorKind::Const { expected: c.clone() });
            }
        }
    }

    fn string(&mut self, o: &Map<String, Value>, s: &str, ip: &JsonPointer, sp: &JsonPointer, out: &mut Outcome) {
        if self.v.validation_vocab {
            let len = s.chars().count() as u64;
            if let Some(limit) = o.get("minLength").and_then(whole).filter(|l| len < *l) {
                out.fail(ip, &sp.child("minLength"), ErrorKind::MinLength { limit });
            }
            if let Some(limit) = o.get("maxLength").and_then(whole).filter(|l| len > *l) {
                out.fail(ip, &sp.child("maxLength"), ErrorKind::MaxLength { limit });
            }
            if let Some(p) = o.get("pattern").and_then(Value::as_str) {
                match self.v.patterns.check(p, s) {
                    Verdict::Match => {}
                    Verdict::NoMatch => out.fail(ip, &sp.child("pattern"), ErrorKind::Pattern { pattern: p.into() }),
                    Verdict::TooSlow => out.fail(ip, &sp.child("pattern"), ErrorKind::TooSlow { pattern: Some(p.into()) }),
                }
            }
        }
        if self.v.assert_formats {
            if let Some(f) = o.get("format").and_then(Value::as_str) {
                let checked = match f {
                    "regex" if !self.v.patterns.is_valid(s) => Err(format::FormatError::Invalid { format: f.into() }),
                    "regex" => Ok(()),
                    _ => format::check(f, s),
                };
                if let Err(e) = checked {
                    out.fail(ip, &sp.child("format"), ErrorKind::Format(e));
                }
            }
        }
    }

    fn number(&mut self, o: &Map<String, Value>, inst: &Value, ip: &JsonPointer, sp: &JsonPointer, out: &mut Outcome) {
        let Some(x) = inst.as_f64() else { return };
        let limit = |k: &str| o.get(k).and_then(Value::as_f64);
        if let Some(l) = limit("minimum").filter(|l| x < *l) {
            out.fail(ip, &sp.child("minimum"), ErrorKind::Minimum { limit: l });
        }
        if let Some(l) = limit("exclusiveMinimum").filter(|l| x <= *l) {
            out.fail(ip, &sp.child("exclusiveMinimum"), ErrorKind::ExclusiveMinimum { limit: l });
        }
        if let Some(l) = limit("maximum").filter(|l| x > *l) {
            out.fail(ip, &sp.child("maximum"), ErrorKind::Maximum { limit: l });
        }
        if let Some(l) = limit("exclusiveMaximum").filter(|l| x >= *l) {
            out.fail(ip, &sp.child("exclusiveMaximum"), ErrorKind::ExclusiveMaximum { limit: l });
        }
        if let Some(d) = limit("multipleOf").filter(|d| !is_multiple(inst, x, *d)) {
            out.fail(ip, &sp.child("multipleOf"), ErrorKind::MultipleOf { divisor: d });
        }
    }

    fn array(&mut self, o: &Map<String, Value>, a: &[Value], ip: &JsonPointer, sp: &JsonPointer, base: &Uri, out: &mut Outcome) {
        if self.v.validation_vocab {
            let len = a.len() as u64;
            if let Some(limit) = o.get("minItems").and_then(whole).filter(|l| len < *l) {
                out.fail(ip, &sp.child("minItems"), ErrorKind::MinItems { limit });
            }
            if let Some(limit) = o.get("maxItems").and_then(whole).filter(|l| len > *l) {
                out.fail(ip, &sp.child("maxItems"), ErrorKind::MaxItems { limit });
            }
            if o.get("uniqueItems") == Some(&Value::Bool(true))
                && a.iter().enumerate().any(|(i, x)| a[..i].iter().any(|y| json_eq(x, y)))
            {
                out.fail(ip, &sp.child("uniqueItems"), ErrorKind::UniqueItems);
            }
        }
        let prefix: &[Value] = match o.get("prefixItems") {
            Some(Value::Array(p)) => p,
            _ => &[],
        };
        for (i, (item, s)) in a.iter().zip(prefix).enumerate() {
            let sub = self.schema(s, item, &ip.index(i), &sp.child("prefixItems").index(i), base);
            out.absorb_child(sub);
            out.items.insert(i);
        }
        if let Some(items) = o.get("items").filter(|s| !s.is_array()) {
            for (i, item) in a.iter().enumerate().skip(prefix.len()) {
                let sub = self.schema(items, item, &ip.index(i), &sp.child("items"), base);
                out.absorb_child(sub);
                out.items.insert(i);
            }
        }
        if let Some(contains) = o.get("contains") {
            let p = sp.child("contains");
            let mut found = 0usize;
            for (i, item) in a.iter().enumerate() {
                if self.schema(contains, item, &ip.index(i), &p, base).valid() {
                    found += 1;
                    out.items.insert(i);
                }
            }
            let vocab = self.v.validation_vocab;
            let min = if vocab { o.get("minContains").and_then(whole) } else { None }.unwrap_or(1);
            let max = if vocab { o.get("maxContains").and_then(whole) } else { None };
            if (found as u64) < min || max.is_some_and(|m| found as u64 > m) {
                out.fail(ip, &p, ErrorKind::Contains { min, max, found });
            }
        }
        if let Some(rest) = o.get("unevaluatedItems") {
            let p = sp.child("unevaluatedItems");
            for (i, item) in a.iter().enumerate() {
                if out.items.contains(&i) {
                    continue;
                }
                if rest == &Value::Bool(false) {
                    out.fail(&ip.index(i), &p, ErrorKind::ExtraItem { index: i });
                } else {
                    let sub = self.schema(rest, item, &ip.index(i), &p, base);
                    out.errors.extend(sub.errors);
                }
            }
            out.items.extend(0..a.len());
        }
    }

    fn object(&mut self, o: &Map<String, Value>, m: &Map<String, Value>, ip: &JsonPointer, sp: &JsonPointer, base: &Uri, out: &mut Outcome) {
        if self.v.validation_vocab {
            self.object_assertions(o, m, ip, sp, out);
        }
        let props = o.get("properties").and_then(Value::as_object);
        let patterns = o.get("patternProperties").and_then(Value::as_object);
        let extra = o.get("additionalProperties");
        for (name, value) in m {
            let child = ip.child(name.as_str());
            let mut matched = false;
            if let Some(s) = props.and_then(|p| p.get(name)) {
                matched = true;
                let sub = self.schema(s, value, &child, &sp.child("properties").child(name.as_str()), base);
                out.absorb_child(sub);
            }
            for (pat, s) in patterns.into_iter().flatten() {
                let p = sp.child("patternProperties").child(pat.as_str());
                let verdict = self.v.patterns.check(pat, name);
                if verdict == Verdict::TooSlow {
                    out.fail(&child, &p, ErrorKind::TooSlow { pattern: Some(pat.clone()) });
                }
                if verdict == Verdict::Match {
                    matched = true;
                    let sub = self.schema(s, value, &child, &p, base);
                    out.absorb_child(sub);
                }
            }
            if matched {
                out.props.insert(name.clone());
            } else if let Some(extra) = extra {
                let p = sp.child("additionalProperties");
                if extra == &Value::Bool(false) {
                    out.fail(&child, &p, ErrorKind::AdditionalProperty { property: name.clone() });
                } else {
                    let sub = self.schema(extra, value, &child, &p, base);
                    out.absorb_child(sub);
                }
                out.props.insert(name.clone());
            }
        }
        if let Some(names) = o.get("propertyNames") {
            for name in m.keys() {
                let n = Value::String(name.clone());
                let sub = self.schema(names, &n, &ip.child(name.as_str()), &sp.child("propertyNames"), base);
                out.absorb_child(sub);
            }
        }
        if let Some(rest) = o.get("unevaluatedProperties") {
            let p = sp.child("unevaluatedProperties");
            for (name, value) in m {
                if out.props.contains(name) {
                    continue;
                }
                let child = ip.child(name.as_str());
                if rest == &Value::Bool(false) {
                    out.fail(&child, &p, ErrorKind::AdditionalProperty { property: name.clone() });
                } else {
                    let sub = self.schema(rest, value, &child, &p, base);
                    out.absorb_child(sub);
                }
            }
            out.props.extend(m.keys().cloned());
        }
    }

    fn object_assertions(&mut self, o: &Map<String, Value>, m: &Map<String, Value>, ip: &JsonPointer, sp: &JsonPointer, out: &mut Outcome) {
        if let Some(Value::Array(req)) = o.get("required") {
            for name in req.iter().filter_map(Value::as_str).filter(|n| !m.contains_key(*n)) {
                out.fail(ip, &sp.child("required"), ErrorKind::Required { property: name.into() });
            }
        }
        for key in ["dependentRequired", "dependencies"] {
            let Some(Value::Object(deps)) = o.get(key) else { continue };
            for (trigger, needed) in deps.iter().filter(|(t, _)| m.contains_key(t.as_str())) {
                for name in needed.as_array().into_iter().flatten().filter_map(Value::as_str) {
                    if !m.contains_key(name) {
                        out.fail(
                            ip,
                            &sp.child(key).child(trigger.as_str()),
                            ErrorKind::DependentRequired { property: name.into(), because_of: trigger.clone() },
                        );
                    }
                }
            }
        }
        let len = m.len() as u64;
        if let Some(limit) = o.get("minProperties").and_then(whole).filter(|l| len < *l) {
            out.fail(ip, &sp.child("minProperties"), ErrorKind::MinProperties { limit });
        }
        if let Some(limit) = o.get("maxProperties").and_then(whole).filter(|l| len > *l) {
            out.fail(ip, &sp.child("maxProperties"), ErrorKind::MaxProperties { limit });
        }
    }
}

impl Outcome {
    /// A child location's outcome: its errors count here, but its annotations
    /// describe the child, not this object.
    fn absorb_child(&mut self, sub: Outcome) {
        self.errors.extend(sub.errors);
    }
}

/// Whether a non-matching branch's errors are worth showing instead of "no
/// branch matches": they must all lie inside the value (a wrong field), not
/// on the value itself (a wrong type, or a discriminator that differs).
fn close_enough(errors: &[ValidationError], at: &JsonPointer) -> bool {
    errors.iter().all(|e| e.field() != *at && !matches!(e.kind, ErrorKind::Const { .. } | ErrorKind::Enum))
}

fn has_type(v: &Value, t: JsonType) -> bool {
    match (t, v) {
        (JsonType::Null, Value::Null)
        | (JsonType::Boolean, Value::Bool(_))
        | (JsonType::Object, Value::Object(_))
        | (JsonType::Array, Value::Array(_))
        | (JsonType::Number, Value::Number(_))
        | (JsonType::String, Value::String(_)) => true,
        // 1.0 is an integer: JSON has one number type.
        (JsonType::Integer, Value::Number(n)) => {
            n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0)
        }
        _ => false,
    }
}

/// JSON equality, under which `1` and `1.0` are the same number.
pub fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64(), x.as_u64(), y.as_u64()) {
            (Some(i), Some(j), _, _) => i == j,
            (_, _, Some(i), Some(j)) => i == j,
            _ => x.as_f64() == y.as_f64(),
        },
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| json_eq(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| json_eq(v, w)))
        }
        _ => a == b,
    }
}

fn is_multiple(inst: &Value, x: f64, d: f64) -> bool {
    // Exact for integers, which is what forms mostly hold.
    if let (Some(i), true) = (inst.as_i64(), d.fract() == 0.0 && d.abs() < 9e15) {
        return i % (d as i64) == 0;
    }
    let q = x / d;
    if !q.is_finite() {
        // Too large to divide: a whole number is still a multiple of 1/n.
        return x.fract() == 0.0 && (1.0 / d).fract() == 0.0;
    }
    // Decimal divisors like 0.01 are not exact in binary; allow rounding noise.
    (q - q.round()).abs() < 1e-9 * q.abs().max(1.0)
}
