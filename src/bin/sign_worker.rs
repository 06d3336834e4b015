//! The signing worker: permit signing and key generation for agency staff,
//! loaded only when `#/sign` is used.

fn main() {
    eservice_web::worker::sign::run();
}
