//! One module per route.

pub mod apply;
pub mod bundled;
pub mod home;
pub mod inbox;
pub mod not_found;
pub mod register;
pub mod sign;
pub mod verify;
