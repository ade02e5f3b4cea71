//! FETCH as an application gets it, typed-imap against the Rust IMAP
//! clients services use today (rust-imap 2.4 and 3.0 alpha), in the same
//! run: each client connects over loopback TCP to the same scripted
//! server, logs in, SELECTs, and FETCHes every message of the parse
//! benchmark's FETCH corpora (20,000 responses with ENVELOPE and
//! BODYSTRUCTURE; 2,000 with 2-200 KB bodies), then reads one typed value
//! of each message. What is measured is the whole client: reading,
//! framing, parsing, detaching and collecting (spec/benchmarks.md,
//! "Through a socket").
//!
//! `cargo bench --bench session`. Under `cargo test --all-targets` (no
//! `--bench`) the corpora are a hundredth of the size and each client runs
//! once, which checks that every client gets every message. With
//! `--features tokio` the tokio driver runs too.

// The generators are shared with the parse benchmark, which uses the rest
// of its support modules.
#[allow(dead_code)]
mod support;

#[path = "socket/clients.rs"]
mod clients;
#[path = "socket/server.rs"]
mod server;

use std::sync::Arc;
use std::time::{Duration, Instant};

use clients::{ALL, What};
use support::corpus::{Corpus, Scale};
use support::{gen_body, gen_fetch};

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let scale = if full { Scale::FULL } else { Scale::SMALL };
    let rounds = if full { 5 } else { 1 };
    println!("| corpus | client | MB/s (best of {rounds}) | x fastest other client | messages | probe |");
    println!("|---|---|---:|---:|---:|---:|");
    for (corpus, what) in
        [(gen_fetch::corpus(scale), What::Metadata), (gen_body::corpus(scale), What::Bodies)]
    {
        measure(&corpus, what, rounds);
    }
}

/// Runs every client `rounds` times against a server of `corpus`, the
/// clients taking turns so that they share the machine's moods; prints a
/// row per client.
fn measure(corpus: &Corpus, what: What, rounds: u32) {
    let port = server::start(Arc::new(corpus.bytes.clone()), corpus.len());
    let mut best = vec![Duration::MAX; ALL.len()];
    let mut probes = vec![(0, 0); ALL.len()];
    for _ in 0..rounds {
        for (i, (_, client)) in ALL.iter().enumerate() {
            let started = Instant::now();
            probes[i] = std::hint::black_box(client(port, what));
            best[i] = best[i].min(started.elapsed());
        }
    }
    let mb_per_s: Vec<f64> = best.iter().map(|t| corpus.bytes.len() as f64 / 1e6 / t.as_secs_f64()).collect();
    let others = ALL.iter().zip(&mb_per_s).filter(|((name, _), _)| !name.starts_with("typed-imap"));
    let fastest_other = others.map(|(_, mb)| *mb).fold(0.0, f64::max);
    for (i, (name, _)) in ALL.iter().enumerate() {
        let (messages, probe) = probes[i];
        let complete = if messages == corpus.len() { "" } else { " (NOT ALL)" };
        println!(
            "| {} | {name} | {:.1} | {:.2} | {messages}{complete} | {probe} |",
            corpus.name,
            mb_per_s[i],
            mb_per_s[i] / fastest_other
        );
    }
}
