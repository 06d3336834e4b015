//! The pages other bundles draw: the verifier (`verify-page`), the
//! agency's pages (`permit-pages`) and the form designer (`design-pages`).

pub mod design;
pub mod inbox;
pub mod register;
pub mod sign;
pub mod verify;
