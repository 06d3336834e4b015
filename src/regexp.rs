//! `pattern` matching with the browser's own ECMA-262 `RegExp`: exactly the
//! semantics JSON Schema specifies, and no regex engine in the download.

use std::cell::RefCell;

use eservice_core::schema::PatternEngine;
use js_sys::{Array, Function, Reflect, RegExp};
use wasm_bindgen::{JsCast, JsValue};

#[derive(Default)]
pub struct BrowserRegex {
    /// Compiled patterns; a form has a handful.
    cache: RefCell<Vec<(String, RegExp)>>,
}

impl PatternEngine for BrowserRegex {
    fn is_match(&self, pattern: &str, text: &str) -> Result<bool, String> {
        let mut cache = self.cache.borrow_mut();
        if let Some((_, re)) = cache.iter().find(|(p, _)| p == pattern) {
            return Ok(re.test(text));
        }
        // `new RegExp` throws on a bad pattern; Reflect.construct turns that into an Err.
        let args = Array::of2(&JsValue::from_str(pattern), &JsValue::from_str("u"));
        let ctor: Function = Reflect::get(&js_sys::global(), &JsValue::from_str("RegExp"))
            .ok()
            .and_then(|c| c.dyn_into().ok())
            .ok_or("this browser has no RegExp")?;
        let re: RegExp = Reflect::construct(&ctor, &args).map_err(|e| describe(&e))?.unchecked_into();
        let found = re.test(text);
        cache.push((pattern.to_owned(), re));
        Ok(found)
    }
}

fn describe(e: &JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(err) => String::from(err.message()),
        None => "invalid regular expression".into(),
    }
}
