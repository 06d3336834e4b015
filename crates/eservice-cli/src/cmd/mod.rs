//! One module per subcommand.

pub mod conformance;
pub mod hash;
pub mod register;
pub mod sign;
pub mod validate;
pub mod verify;
