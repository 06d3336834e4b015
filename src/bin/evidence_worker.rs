//! The evidence worker: hashing and photo compression off the main thread,
//! loaded only when a citizen first attaches a file.

fn main() {
    eservice_web::worker::run();
}
