//! Edits to a list's items (add, remove, move), applied to the data and to
//! everything else kept by pointer into it: a pointer names a place, so
//! after an item moves, what was said of it (left, being typed in, which
//! branch was picked) must move with it.

use serde_json::Value;

use super::set_value;
use eservice_base::pointer::JsonPointer;

/// An edit to a list's items.
#[derive(Clone, Debug, PartialEq)]
pub enum ListEdit {
    Add(Value),
    Remove(usize),
    /// Swaps two neighbours (the move-up and move-down buttons).
    Move { from: usize, to: usize },
}

impl ListEdit {
    /// Applies the edit to the list at `at` in `data`; one out of range does nothing.
    pub fn apply(&self, data: &mut Value, at: &JsonPointer) {
        let mut items = at.resolve(data).and_then(Value::as_array).cloned().unwrap_or_default();
        match self {
            ListEdit::Add(v) => items.push(v.clone()),
            ListEdit::Remove(i) if *i < items.len() => {
                items.remove(*i);
            }
            ListEdit::Move { from, to } if *from < items.len() && *to < items.len() => items.swap(*from, *to),
            _ => return,
        }
        set_value(data, at, Some(Value::Array(items)));
    }

    /// Where `p` points after the edit to the list at `list`: the same place
    /// in the same item, wherever that item went; `None` if its item was
    /// removed. Pointers outside the list stay as they are.
    pub fn moved(&self, list: &JsonPointer, p: &JsonPointer) -> Option<JsonPointer> {
        let depth = list.tokens().len();
        let index = match p.tokens().get(depth).and_then(|t| t.parse::<usize>().ok()) {
            Some(i) if p.starts_with(list) => i,
            _ => return Some(p.clone()),
        };
        let now = match *self {
            ListEdit::Add(_) => index,
            ListEdit::Remove(i) if index == i => return None,
            ListEdit::Remove(i) if index > i => index - 1,
            ListEdit::Remove(_) => index,
            ListEdit::Move { from, to } if index == from => to,
            ListEdit::Move { from, to } if index == to => from,
            ListEdit::Move { .. } => index,
        };
        let mut out = list.index(now);
        for t in &p.tokens()[depth + 1..] {
            out = out.child(t.clone());
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ptr(s: &str) -> JsonPointer {
        JsonPointer::parse(s).unwrap()
    }

    #[test]
    fn edits_apply_to_the_data_and_out_of_range_ones_do_nothing() {
        let mut data = json!({"staff": [{"n": "a"}, {"n": "b"}]});
        let at = ptr("/staff");
        ListEdit::Move { from: 1, to: 0 }.apply(&mut data, &at);
        assert_eq!(data, json!({"staff": [{"n": "b"}, {"n": "a"}]}));
        ListEdit::Remove(5).apply(&mut data, &at);
        ListEdit::Move { from: 1, to: 2 }.apply(&mut data, &at);
        assert_eq!(data, json!({"staff": [{"n": "b"}, {"n": "a"}]}));
        ListEdit::Remove(0).apply(&mut data, &at);
        ListEdit::Add(json!({})).apply(&mut data, &at);
        assert_eq!(data, json!({"staff": [{"n": "a"}, {}]}));
    }

    #[test]
    fn a_pointer_follows_its_item() {
        let list = ptr("/staff");
        let up = ListEdit::Move { from: 2, to: 1 };
        assert_eq!(up.moved(&list, &ptr("/staff/2/name")), Some(ptr("/staff/1/name")));
        assert_eq!(up.moved(&list, &ptr("/staff/1/name")), Some(ptr("/staff/2/name")));
        assert_eq!(up.moved(&list, &ptr("/staff/0/name")), Some(ptr("/staff/0/name")));
        let remove = ListEdit::Remove(1);
        assert_eq!(remove.moved(&list, &ptr("/staff/1/phone")), None);
        assert_eq!(remove.moved(&list, &ptr("/staff/2")), Some(ptr("/staff/1")));
        assert_eq!(remove.moved(&list, &ptr("/staff/0/start")), Some(ptr("/staff/0/start")));
        // Outside the list, and the list itself, nothing moves.
        for p in ["/staffing/1", "/shop/name", "/staff"] {
            assert_eq!(remove.moved(&list, &ptr(p)), Some(ptr(p)));
        }
        assert_eq!(ListEdit::Add(json!({})).moved(&list, &ptr("/staff/3/x")), Some(ptr("/staff/3/x")));
    }
}
