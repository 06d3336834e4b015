//! Pieces of pages, named for what the user sees.

pub mod e_form;
pub mod error_summary;
pub mod field;
pub mod header;
pub mod load_error;
pub mod submitted_summary;
