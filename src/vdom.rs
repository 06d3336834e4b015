//! A small virtual DOM, for the main bundle's pages (`app`).
//!
//! Why not Yew there: every element `html!` builds expands into its own
//! generic code, and Yew's runtime comes on top; the first-load budget
//! cannot carry both. Here an element is plain data (a tag, attributes,
//! handlers, children) and one non-generic function patches the page to
//! match it. Handlers are delegated: one listener per event type on the
//! host element finds the handlers of the elements an event passed through.
//!
//! What it keeps from Yew's behaviour: keyed children keep their elements
//! (and so focus, caret and checked state) when siblings come and go or
//! move, and as few as possible move (never the focused one, if it can
//! stay); unkeyed children are matched in order; `value`, `checked` and
//! `selected` are set as properties, and only when the page's differs; a
//! subtree drawn from the same data as last time can be kept as it is
//! ([`Node::Keep`], Yew's `PartialEq` props).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, Node as DomNode};

/// What an element does when an event reaches it.
pub type Handler = Rc<dyn Fn(&Event)>;

/// A node to draw: nothing (a placeholder that keeps its siblings' places),
/// text, or an element.
pub enum Node {
    Empty,
    Text(String),
    Elem(Elem),
    /// The keyed element drawn last time, unchanged: kept as it is, with
    /// its handlers, at no cost (a form's fields that did not change).
    Keep(String),
}

/// An element to draw. Boxed, so that the builder's calls pass a pointer,
/// not the whole element, from one to the next.
pub struct Elem(Box<ElemData>);

struct ElemData {
    tag: &'static str,
    key: Option<String>,
    attrs: Vec<(&'static str, String)>,
    props: Vec<(&'static str, JsValue)>,
    handlers: Vec<(&'static str, Handler)>,
    children: Vec<Node>,
}

/// An element with this tag, to be filled in by the builder methods.
pub fn el(tag: &'static str) -> Elem {
    Elem(Box::new(ElemData { tag, key: None, attrs: Vec::new(), props: Vec::new(), handlers: Vec::new(), children: Vec::new() }))
}

/// Text.
pub fn text(s: &str) -> Node {
    Node::Text(s.to_owned())
}

impl Elem {
    pub fn attr(mut self, name: &'static str, value: &str) -> Self {
        self.0.attrs.push((name, value.to_owned()));
        self
    }

    /// The attribute when there is a value, else none.
    pub fn attr_opt(self, name: &'static str, value: Option<&str>) -> Self {
        match value {
            Some(v) => self.attr(name, v),
            None => self,
        }
    }

    /// A boolean attribute (`disabled`, `readonly`): present or absent.
    pub fn flag(self, name: &'static str, on: bool) -> Self {
        if on { self.attr(name, "") } else { self }
    }

    /// The live value of an input, select or textarea.
    pub fn value(mut self, v: &str) -> Self {
        self.0.props.push(("value", JsValue::from_str(v)));
        self
    }

    pub fn checked(mut self, on: bool) -> Self {
        self.0.props.push(("checked", JsValue::from_bool(on)));
        self
    }

    pub fn selected(mut self, on: bool) -> Self {
        self.0.props.push(("selected", JsValue::from_bool(on)));
        self
    }

    /// Keeps this element (and its focus and state) when siblings change.
    pub fn key(mut self, k: String) -> Self {
        self.0.key = Some(k);
        self
    }

    /// Whether the element has a key already.
    pub fn is_keyed(&self) -> bool {
        self.0.key.is_some()
    }

    pub fn on(mut self, event: &'static str, f: impl Fn(&Event) + 'static) -> Self {
        self.0.handlers.push((event, Rc::new(f)));
        self
    }

    pub fn child(mut self, n: impl Into<Node>) -> Self {
        self.0.children.push(n.into());
        self
    }

    pub fn children(mut self, ns: impl IntoIterator<Item = Node>) -> Self {
        self.0.children.extend(ns);
        self
    }

    pub fn text(self, s: &str) -> Self {
        self.child(text(s))
    }
}

impl From<Elem> for Node {
    fn from(e: Elem) -> Node {
        Node::Elem(e)
    }
}

impl From<Option<Elem>> for Node {
    fn from(e: Option<Elem>) -> Node {
        e.map_or(Node::Empty, Node::from)
    }
}

/// A node as it is on the page.
struct Mounted {
    dom: DomNode,
    kind: MountedKind,
}

enum MountedKind {
    Empty,
    Text(String),
    Elem { tag: &'static str, key: Option<String>, attrs: Vec<(&'static str, String)>, handled: Option<usize>, children: Vec<Mounted> },
}

/// The property on an element that holds its slot in the registry.
const HANDLERS: &str = "__eserviceHandlers";

/// Every drawn element's handlers, each in a slot of its own for as long as
/// the element is drawn, so that an element kept as it was keeps them.
#[derive(Default)]
struct Registry {
    slots: Vec<Vec<(&'static str, Handler)>>,
    free: Vec<usize>,
    /// Every event type a handler has been given for.
    kinds: Vec<&'static str>,
    /// Whether a node to keep was not found (then the caller draws afresh).
    missed: bool,
}

impl Registry {
    /// Gives `el` its handlers: in its slot, a new one, or none.
    fn put(&mut self, el: &Element, was: Option<usize>, handlers: Vec<(&'static str, Handler)>) -> Option<usize> {
        for (k, _) in &handlers {
            if !self.kinds.contains(k) {
                self.kinds.push(k);
            }
        }
        match (was, handlers.is_empty()) {
            (None, true) => None,
            (Some(i), true) => {
                self.free_slot(i);
                let _ = js_sys::Reflect::delete_property(el, &JsValue::from_str(HANDLERS));
                None
            }
            (Some(i), false) => {
                self.slots[i] = handlers;
                Some(i)
            }
            (None, false) => {
                let i = match self.free.pop() {
                    Some(i) => {
                        self.slots[i] = handlers;
                        i
                    }
                    None => {
                        self.slots.push(handlers);
                        self.slots.len() - 1
                    }
                };
                let _ = js_sys::Reflect::set(el, &JsValue::from_str(HANDLERS), &JsValue::from_f64(i as f64));
                Some(i)
            }
        }
    }

    fn free_slot(&mut self, i: usize) {
        self.slots[i] = Vec::new();
        self.free.push(i);
    }

    /// Frees the slots of a subtree taken off the page.
    fn release(&mut self, m: &Mounted) {
        if let MountedKind::Elem { handled, children, .. } = &m.kind {
            if let Some(i) = handled {
                self.free_slot(*i);
            }
            for c in children {
                self.release(c);
            }
        }
    }
}

type Shared = Rc<RefCell<Registry>>;

/// What is drawn into one host element: its children, and the listeners
/// on the host.
#[derive(Default)]
pub struct Root {
    host: Option<Element>,
    children: Vec<Mounted>,
    registry: Shared,
    listeners: Vec<Listener>,
}

/// A listener on the host, for one event type.
type Listener = (&'static str, Closure<dyn Fn(Event)>);

impl Root {
    /// Makes `host`'s children match `nodes`; `false` if a node to keep
    /// was not there (it is then drawn empty: draw again without keeping).
    /// Draw into an element of one's own: the host's other children are
    /// not looked after.
    pub fn render(&mut self, host: &Element, nodes: Vec<Node>) -> bool {
        if self.host.as_ref() != Some(host) {
            self.unlisten();
            self.children.clear();
            *self.registry.borrow_mut() = Registry::default();
            self.host = Some(host.clone());
        }
        // Events the page fires while it changes (a blur as a focused field
        // goes) find the registry busy and are not handled.
        let missed = {
            let mut registry = self.registry.borrow_mut();
            registry.missed = false;
            patch_children(host, &mut self.children, nodes, &mut registry);
            registry.missed
        };
        self.listen(host);
        !missed
    }

    /// One capturing listener per event type used, on the host.
    fn listen(&mut self, host: &Element) {
        let kinds = self.registry.borrow().kinds.clone();
        for kind in kinds {
            if self.listeners.iter().any(|(k, _)| *k == kind) {
                continue;
            }
            let (shared, root_node) = (self.registry.clone(), DomNode::from(host.clone()));
            let f = Closure::<dyn Fn(Event)>::new(move |e: Event| dispatch(&shared, &root_node, kind, &e));
            let _ = host.add_event_listener_with_callback_and_bool(kind, f.as_ref().unchecked_ref(), true);
            self.listeners.push((kind, f));
        }
    }

    fn unlisten(&mut self) {
        if let Some(h) = &self.host {
            for (kind, f) in self.listeners.drain(..) {
                let _ = h.remove_event_listener_with_callback_and_bool(kind, f.as_ref().unchecked_ref(), true);
            }
        }
        self.listeners.clear();
    }
}

impl Drop for Root {
    fn drop(&mut self) {
        self.unlisten();
    }
}

/// Calls the handlers for `kind` of the elements from the target up to the root.
fn dispatch(registry: &Shared, root: &DomNode, kind: &str, e: &Event) {
    let Ok(registry) = registry.try_borrow() else { return };
    let mut at: Option<DomNode> = e.target().and_then(|t| t.dyn_into::<DomNode>().ok());
    let mut chosen: Vec<Handler> = Vec::new();
    while let Some(n) = at {
        if let Some(i) = js_sys::Reflect::get(&n, &JsValue::from_str(HANDLERS)).ok().and_then(|v| v.as_f64()) {
            if let Some(hs) = registry.slots.get(i as usize) {
                chosen.extend(hs.iter().filter(|(k, _)| *k == kind).map(|(_, h)| h.clone()));
            }
        }
        if &n == root {
            break;
        }
        at = n.parent_node();
    }
    // Called once the registry is released: a handler may redraw.
    drop(registry);
    for h in chosen {
        h(e);
    }
}

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

fn create(node: Node, registry: &mut Registry) -> Mounted {
    match node {
        Node::Keep(_) => {
            registry.missed = true;
            create(Node::Empty, registry)
        }
        Node::Empty => Mounted { dom: document().create_text_node("").into(), kind: MountedKind::Empty },
        Node::Text(s) => Mounted { dom: document().create_text_node(&s).into(), kind: MountedKind::Text(s) },
        Node::Elem(e) => {
            let ElemData { tag, key, attrs, props, handlers, children } = *e.0;
            let el = document().create_element(tag).expect("a valid tag");
            for (k, v) in &attrs {
                let _ = el.set_attribute(k, v);
            }
            let children: Vec<Mounted> = children.into_iter().map(|c| create(c, registry)).collect();
            for c in &children {
                let _ = el.append_child(&c.dom);
            }
            set_props(&el, props);
            let handled = registry.put(&el, None, handlers);
            Mounted { dom: el.into(), kind: MountedKind::Elem { tag, key, attrs, handled, children } }
        }
    }
}

/// Sets properties the page's own state may have changed (what was typed,
/// ticked or chosen) only when they differ, so the caret stays put.
fn set_props(el: &Element, props: Vec<(&'static str, JsValue)>) {
    for (k, v) in props {
        let key = JsValue::from_str(k);
        if js_sys::Reflect::get(el, &key).ok().as_ref() != Some(&v) {
            let _ = js_sys::Reflect::set(el, &key, &v);
        }
    }
}

fn same_kind(m: &Mounted, n: &Node) -> bool {
    match (&m.kind, n) {
        (MountedKind::Empty, Node::Empty) | (MountedKind::Text(_), Node::Text(_)) => true,
        (MountedKind::Elem { tag, key, .. }, Node::Elem(e)) => *tag == e.0.tag && *key == e.0.key,
        _ => false,
    }
}

/// Makes `m` match `node`; replaces it on the page when the kind differs.
fn patch(m: &mut Mounted, node: Node, registry: &mut Registry) {
    if matches!(node, Node::Keep(_)) {
        return;
    }
    if !same_kind(m, &node) {
        let fresh = create(node, registry);
        registry.release(m);
        if let Some(parent) = m.dom.parent_node() {
            let _ = parent.replace_child(&fresh.dom, &m.dom);
        }
        *m = fresh;
        return;
    }
    match (&mut m.kind, node) {
        (MountedKind::Text(old), Node::Text(s)) if *old != s => {
            m.dom.set_node_value(Some(&s));
            *old = s;
        }
        (MountedKind::Elem { attrs: old_attrs, handled, children: old_children, .. }, Node::Elem(e)) => {
            let ElemData { attrs, props, handlers, children, .. } = *e.0;
            let el: &Element = m.dom.unchecked_ref();
            for (k, _) in old_attrs.iter() {
                if !attrs.iter().any(|(n, _)| n == k) {
                    let _ = el.remove_attribute(k);
                }
            }
            for (k, v) in &attrs {
                if !old_attrs.iter().any(|(n, o)| n == k && o == v) {
                    let _ = el.set_attribute(k, v);
                }
            }
            *old_attrs = attrs;
            patch_children(el, old_children, children, registry);
            set_props(el, props);
            *handled = registry.put(el, *handled, handlers);
        }
        _ => {}
    }
}

fn key_of(n: &Node) -> Option<&str> {
    match n {
        Node::Elem(e) => e.0.key.as_deref(),
        Node::Keep(k) => Some(k),
        _ => None,
    }
}

fn mounted_key(m: &Mounted) -> Option<&str> {
    match &m.kind {
        MountedKind::Elem { key, .. } => key.as_deref(),
        _ => None,
    }
}

fn patch_children(parent: &Element, old: &mut Vec<Mounted>, new: Vec<Node>, registry: &mut Registry) {
    let mut rest: Vec<Option<Mounted>> = std::mem::take(old).into_iter().map(Some).collect();
    let mut out: Vec<Mounted> = Vec::with_capacity(new.len());
    // Where each node of `out` was among the old ones (`None`: new).
    let mut from: Vec<Option<usize>> = Vec::with_capacity(new.len());
    // Keyed nodes find their element by key anywhere among the old ones;
    // the others pair up in order with the old unkeyed ones.
    let mut next_unkeyed = 0;
    for n in new {
        let found = match key_of(&n) {
            Some(k) => rest.iter().position(|m| m.as_ref().is_some_and(|m| mounted_key(m) == Some(k))),
            None => {
                let j = (next_unkeyed..rest.len()).find(|&j| rest[j].as_ref().is_some_and(|m| mounted_key(m).is_none()));
                if let Some(j) = j {
                    next_unkeyed = j + 1;
                }
                j
            }
        };
        let reused = found.and_then(|j| rest[j].take().map(|m| (j, m)));
        from.push(reused.as_ref().map(|(j, _)| *j));
        out.push(match reused {
            Some((_, mut m)) => {
                patch(&mut m, n, registry);
                m
            }
            None => create(n, registry),
        });
    }
    for m in rest.into_iter().flatten() {
        registry.release(&m);
        let _ = parent.remove_child(&m.dom);
    }
    // The longest run already in order stays where it is; the others move
    // (or come in) before their successor. A moved element loses focus, so
    // moving as few as possible keeps it where the user is.
    // The element with focus stays if it can: the others go round it.
    let active = js_sys::Reflect::get(&parent.get_root_node(), &JsValue::from_str("activeElement")).ok().and_then(|a| a.dyn_into::<DomNode>().ok());
    if let Some(f) = active.and_then(|a| out.iter().position(|m| m.dom.contains(Some(&a)))) {
        if let Some(at) = from[f] {
            for (i, x) in from.iter_mut().enumerate() {
                if x.is_some_and(|x| (i < f && x > at) || (i > f && x < at)) {
                    *x = None;
                }
            }
        }
    }
    let stay = in_order(&from);
    let mut next: Option<DomNode> = None;
    for (m, stays) in out.iter().zip(stay).rev() {
        if !stays {
            let _ = parent.insert_before(&m.dom, next.as_ref());
        }
        next = Some(m.dom.clone());
    }
    *old = out;
}

/// Which entries form a longest strictly increasing run of old positions.
fn in_order(from: &[Option<usize>]) -> Vec<bool> {
    // Patience sorting: `tails[k]` ends the best run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; from.len()];
    for (i, f) in from.iter().enumerate() {
        let Some(v) = *f else { continue };
        let k = tails.partition_point(|&t| from[t].is_some_and(|x| x < v));
        before[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut stay = vec![false; from.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        stay[i] = true;
        at = before[i];
    }
    stay
}
