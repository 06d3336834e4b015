//! The browser's own ECMA-262 `RegExp` as the validator's ECMA engine:
//! exactly the semantics JSON Schema specifies, and no ECMA engine in the
//! download.
//!
//! It decides which patterns are valid, but runs few of them: the validator
//! (eservice-core `schema::pattern`) matches every pattern it can express in
//! linear time with its own Pike VM (`schema::linear`), and hands `RegExp`
//! only patterns with lookaround or backreferences, and only texts on which
//! a bound of the steps a backtracking engine may take is within budget.
//! `RegExp` has no step limit of its own, and the form validates on every
//! keystroke: a runaway here would freeze the page.

use std::cell::RefCell;

use eservice_core::schema::PatternEngine;
use js_sys::{Array, Function, Reflect, RegExp};
use wasm_bindgen::{JsCast, JsValue};

#[derive(Default)]
pub struct BrowserRegex {
    /// Compiled patterns; a form has a handful.
    cache: RefCell<Vec<(String, RegExp)>>,
}

impl BrowserRegex {
    fn compiled(&self, pattern: &str) -> Result<RegExp, String> {
        let mut cache = self.cache.borrow_mut();
        if let Some((_, re)) = cache.iter().find(|(p, _)| p == pattern) {
            return Ok(re.clone());
        }
        // `new RegExp` throws on a bad pattern; Reflect.construct turns that into an Err.
        let args = Array::of2(&JsValue::from_str(pattern), &JsValue::from_str("u"));
        let ctor: Function = Reflect::get(&js_sys::global(), &JsValue::from_str("RegExp"))
            .ok()
            .and_then(|c| c.dyn_into().ok())
            .ok_or("this browser has no RegExp")?;
        let re: RegExp = Reflect::construct(&ctor, &args).map_err(|e| describe(&e))?.unchecked_into();
        cache.push((pattern.to_owned(), re.clone()));
        Ok(re)
    }
}

impl PatternEngine for BrowserRegex {
    fn is_match(&self, pattern: &str, text: &str) -> Result<bool, String> {
        Ok(self.compiled(pattern)?.test(text))
    }

    fn compile(&self, pattern: &str) -> Result<(), String> {
        self.compiled(pattern).map(drop)
    }
}

fn describe(e: &JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(err) => String::from(err.message()),
        None => "invalid regular expression".into(),
    }
}
