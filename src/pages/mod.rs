//! The pages other bundles draw: the verifier (`verify-page`) and the
//! agency's pages (`permit-pages`).

pub mod inbox;
pub mod register;
pub mod sign;
pub mod verify;
