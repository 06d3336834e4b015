//! Blobs the kit makes: downloads, signed PDFs, packages, key files
//! (gloo-file's, handed on as the `web_sys::Blob` the workers and
//! `postMessage` take).

use gloo_file::Blob;

/// A blob of `text`, typed `mime`.
pub fn from_text(text: &str, mime: &str) -> web_sys::Blob {
    Blob::new_with_options(text, Some(mime)).into()
}

/// A blob of `bytes`, typed `mime`.
pub fn from_bytes(bytes: &[u8], mime: &str) -> web_sys::Blob {
    Blob::new_with_options(bytes, Some(mime)).into()
}

/// `blob`'s bytes again, typed `mime` (a part of a file the browser should
/// open as a PDF, whatever the file's own type said).
pub fn retyped(blob: web_sys::Blob, mime: &str) -> web_sys::Blob {
    Blob::new_with_options(Blob::from(blob), Some(mime)).into()
}
