//! Pieces of the Yew pages shared between bundles, named for what the user sees.

pub mod file_picker;
pub mod lang_toggle;
pub mod my_submissions;
pub mod submit_panel;
pub mod submitted_summary;
