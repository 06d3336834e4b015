fn main() {
    eservice_web::start();
}
