//! Size probe: the apply page drawn without Yew (`eservice_web::citizen`).
//! Not part of the release yet.

fn main() {
    eservice_web::citizen::start();
}
