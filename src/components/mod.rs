//! Pieces of pages, named for what the user sees.

pub mod address_cascade;
pub mod date_field;
pub mod draft_notice;
pub mod e_form;
pub mod error_summary;
pub mod evidence_input;
pub mod evidence_list;
pub mod field;
pub mod form_fields;
pub mod header;
pub mod my_submissions;
pub mod load_error;
pub mod step_nav;
pub mod submit_panel;
pub mod thumbnail;
pub mod submitted;
pub mod submitted_summary;
