//! One module per subcommand.

pub mod conformance;
pub mod hash;
pub mod validate;
