//! Pieces of the Yew pages (agency pages, the verifier, the submit bundle),
//! named for what the user sees.

pub mod file_picker;
pub mod lang_toggle;
pub mod my_submissions;
pub mod submit_panel;
pub mod submitted_summary;
