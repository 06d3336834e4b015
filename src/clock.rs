//! The time, from the browser: the core has no clock of its own.

/// Seconds since 1970 (UTC).
pub fn unix_now() -> u64 {
    (js_sys::Date::now().max(0.0) / 1000.0) as u64
}
