//! The form designer's core: a service as a clerk thinks of it (questions
//! with titles in Thai and English, kinds, conditions, steps, a channel and
//! a fee), and the files the kit's renderer reads, written from it:
//! `schema.json` (draft 2020-12), `ui.json` and the `index.json` entry.
//!
//! The clerk never writes JSON. Each question's key is made once, from its
//! title, and kept when the title is edited later, so data already
//! submitted keeps its meaning. [`Design::save`] refuses a design with a
//! problem ([`check`]), naming the question in Thai and English, and never
//! writes a schema the renderer could not draw.

pub mod check;
pub mod design;
mod emit;
pub mod example;
pub mod key;
mod read;
pub mod site;

pub use check::Problem;
pub use design::{Advanced, Channel, Choice, Condition, Design, Fee, Kind, Question, Service, Step, Test, Written, KINDS};
pub use emit::{with_entry, Saved, COMMON_DEFS};
pub use key::Key;

#[cfg(test)]
mod tests;
