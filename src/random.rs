//! Randomness from the browser, on the page or in a worker:
//! `crypto.getRandomValues`, 64 KiB at a time (its limit).

use wasm_bindgen::JsCast;

/// Fills `buf`; false if this browser gave no randomness (then `buf` must
/// not be used).
pub fn fill(buf: &mut [u8]) -> bool {
    let crypto = js_sys::Reflect::get(&js_sys::global(), &"crypto".into()).ok().and_then(|c| c.dyn_into::<web_sys::Crypto>().ok());
    let Some(crypto) = crypto else { return false };
    buf.chunks_mut(65536).all(|c| crypto.get_random_values_with_u8_array(c).is_ok())
}
