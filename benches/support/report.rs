//! The summary: each parser timed on each corpus with `Instant` (the
//! minimum of several whole passes: the least noisy estimate on a shared
//! machine), printed as one markdown table with the ratios.

use std::hint::black_box;
use std::time::{Duration, Instant};

use super::check::Verdict;
use super::corpus::Corpus;
use super::parsers::{self, ParseFn, Which};

/// One line of the table.
pub struct Row {
    corpus: &'static str,
    corpus_bytes: usize,
    responses: usize,
    which: Which,
    mb_per_s: f64,
    failed: usize,
}

/// Times every parser on `corpus`; `passes` is how hard to try (1 in test
/// mode).
pub fn measure(corpus: &Corpus, verdicts: &[Verdict], passes: Passes) -> Vec<Row> {
    let row = |v: &Verdict| Row {
        corpus: corpus.name,
        corpus_bytes: corpus.bytes.len(),
        responses: corpus.len(),
        which: v.which,
        mb_per_s: corpus.bytes.len() as f64
            / 1e6
            / best_time(v.which.parse_fn(), corpus, passes).as_secs_f64(),
        failed: v.failed,
    };
    verdicts.iter().map(row).collect()
}

/// How many passes to time.
#[derive(Clone, Copy)]
pub struct Passes {
    /// At least this many.
    pub min: u32,
    /// And go on until this much time is spent (or 50 passes).
    pub budget: Duration,
}

fn best_time(parse: ParseFn, corpus: &Corpus, passes: Passes) -> Duration {
    let (started, mut best, mut n) = (Instant::now(), Duration::MAX, 0);
    while n < passes.min || (started.elapsed() < passes.budget && n < 50) {
        let t = Instant::now();
        black_box(parsers::parse_all(parse, black_box(corpus)));
        best = best.min(t.elapsed());
        n += 1;
    }
    best.max(Duration::from_nanos(1))
}

/// Prints the table: MB/s, the ratio to the fastest peer that parsed the
/// whole corpus, the ratio to the memchr floor, and the failures. Ratios
/// of a parser that failed some responses are in parentheses.
pub fn print(rows: &[Row]) {
    println!("\n| corpus | parser | MB/s | x fastest clean peer | x memchr floor | failed |");
    println!("|---|---|---:|---:|---:|---:|");
    for group in rows.chunk_by(|a, b| a.corpus == b.corpus) {
        let peer = group.iter().filter(|r| r.which.is_peer() && r.failed == 0).map(|r| r.mb_per_s);
        let fastest_peer = peer.fold(None, |m: Option<f64>, x| Some(m.map_or(x, |m| m.max(x))));
        let floor = group.iter().find(|r| r.which == Which::Floor).map(|r| r.mb_per_s);
        for r in group {
            let corpus =
                format!("{} ({:.1} MB, {} resp.)", r.corpus, r.corpus_bytes as f64 / 1e6, r.responses);
            let failing = r.failed > 0;
            println!(
                "| {corpus} | {} | {:.1} | {} | {} | {}/{} |",
                r.which.name(),
                r.mb_per_s,
                ratio(r.mb_per_s, fastest_peer, failing),
                ratio(r.mb_per_s, floor, failing),
                r.failed,
                r.responses,
            );
        }
    }
}

/// `x / of`, in parentheses when the parser failed on some responses (its
/// time then measures failing, not parsing).
fn ratio(x: f64, of: Option<f64>, failing: bool) -> String {
    match (of, failing) {
        (None, _) => "n/a".to_string(),
        (Some(of), false) => format!("{:.2}", x / of),
        (Some(of), true) => format!("({:.2})", x / of),
    }
}
