//! Times `signing::sign` on one PDF, in-process, with a key and certificate
//! already loaded: the median of N runs, in milliseconds. Used by
//! `scripts/bench` beside pyHanko.
//!
//! `cargo run --release --example sign_timing -- IN.pdf KEY.pem CERT.pem CHAIN.pem [N]`

use std::time::Instant;

use eservice_pades::signing::{sign, Options, Signer};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, pdf, key, cert, chain, ..] = &args[..] else {
        eprintln!("usage: sign_timing IN.pdf KEY.pem CERT.pem CHAIN.pem [N]");
        std::process::exit(2);
    };
    let n: usize = args.get(5).and_then(|n| n.parse().ok()).unwrap_or(50);
    let read = |p: &str| std::fs::read(p).expect("input readable");
    let pdf = read(pdf);
    let signer = Signer::from_files(&read(key), &read(cert), Some(&read(chain))).expect("key and certificate usable");
    let opts = Options { reason: Some("Permit issued".into()), time: 1_795_752_000, ..Options::default() };
    let mut times: Vec<f64> = (0..n)
        .map(|_| {
            let t = Instant::now();
            let out = sign(&pdf, &signer, &opts).expect("signs");
            std::hint::black_box(out);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!("{:.3}", times[n / 2]);
}
