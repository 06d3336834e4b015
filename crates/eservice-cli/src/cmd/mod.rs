//! One module per subcommand.

pub mod conformance;
pub mod hash;
pub mod keygen;
pub mod ltv;
pub mod package;
pub mod register;
pub mod sign;
pub mod site;
pub mod trust;
pub mod validate;
pub mod verify;
