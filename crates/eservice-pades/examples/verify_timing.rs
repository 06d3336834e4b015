//! Times `verification::verify` on one PDF, in-process: the median of N
//! runs, in milliseconds. Used by `scripts/bench` beside pyHanko.
//!
//! `cargo run --release --example verify_timing -- FILE.pdf TRUST.json [N]`

use std::time::Instant;

use eservice_pades::trust::TrustList;
use eservice_pades::verification::{verify, DateTime};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(file), Some(trust)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: verify_timing FILE.pdf TRUST.json [N]");
        std::process::exit(2);
    };
    let n: usize = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(50);
    let pdf = std::fs::read(file).expect("PDF readable");
    let trust = TrustList::from_json(trust, &std::fs::read(trust).expect("trust list readable")).expect("trust list valid");
    let now = DateTime::new(2026, 11, 27, 0, 0, 0).unwrap();
    let mut times: Vec<f64> = (0..n)
        .map(|_| {
            let t = Instant::now();
            let r = verify(&pdf, &trust, None, now);
            assert!(r.signatures.iter().all(|s| s.problem.is_none()), "the benchmark file verifies");
            std::hint::black_box(r);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!("{:.3}", times[n / 2]);
}
