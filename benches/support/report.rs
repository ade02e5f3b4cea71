//! The summary: each parser timed on each corpus with `Instant` (the
//! minimum of several whole passes: the least noisy estimate on a shared
//! machine), printed as one markdown table with the ratios.

use std::hint::black_box;
use std::time::{Duration, Instant};

use super::check::Verdict;
use super::corpus::Corpus;
use super::parsers::{self, ParseFn, Which};
use super::probe::Outcome;

/// One line of the table.
pub struct Row {
    corpus: &'static str,
    corpus_bytes: usize,
    responses: usize,
    which: Which,
    mb_per_s: f64,
    failed: usize,
    probe: Outcome,
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
        probe: v.probe,
    };
    verdicts.iter().map(row).collect()
}

/// The MB/s of typed-imap on the corpus named `corpus`.
pub fn ours(rows: &[Row], corpus: &str) -> Option<f64> {
    rows.iter().find(|r| r.corpus == corpus && r.which == Which::Ours).map(|r| r.mb_per_s)
}

impl Row {
    /// Whether the parser parsed every response and the probed values are
    /// there (keeping escapes is shown in the probe column but still
    /// counts as parsed).
    fn is_clean(&self) -> bool {
        self.failed == 0 && !matches!(self.probe, Outcome::NotParsed | Outcome::Wrong)
    }
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

/// Prints the table: MB/s, thousands of responses per second, the ratio
/// to the fastest peer that parsed the whole corpus, the ratio to the
/// memchr floor, the failures and the probe outcome. Ratios of a parser
/// that failed some responses or lost a probed value are in parentheses.
pub fn print(rows: &[Row]) {
    println!(
        "\n| corpus | parser | MB/s | k resp/s | x fastest clean peer | x memchr floor | failed | probe |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---|");
    for group in rows.chunk_by(|a, b| a.corpus == b.corpus) {
        print_group(group);
    }
}

/// The rows of one corpus.
fn print_group(group: &[Row]) {
    let peers = group.iter().filter(|r| r.which.is_peer() && r.is_clean());
    let fastest_peer = peers.map(|r| r.mb_per_s).reduce(f64::max);
    let floor = group.iter().find(|r| r.which == Which::Floor).map(|r| r.mb_per_s);
    for r in group {
        let failing = !r.is_clean();
        println!(
            "| {} ({:.1} MB, {} resp.) | {} | {:.1} | {:.1} | {} | {} | {}/{} | {} |",
            r.corpus,
            r.corpus_bytes as f64 / 1e6,
            r.responses,
            r.which.name(),
            r.mb_per_s,
            r.mb_per_s * 1e3 * r.responses as f64 / r.corpus_bytes as f64,
            ratio(r.mb_per_s, fastest_peer, failing),
            ratio(r.mb_per_s, floor, failing),
            r.failed,
            r.responses,
            r.probe,
        );
    }
}

/// `x / of`, in parentheses when the parser failed on some responses or
/// lost a probed value (its time then measures failing, not parsing).
fn ratio(x: f64, of: Option<f64>, failing: bool) -> String {
    match (of, failing) {
        (None, _) => "n/a".to_string(),
        (Some(of), false) => format!("{:.2}", x / of),
        (Some(of), true) => format!("({:.2})", x / of),
    }
}
