//! Parse throughput of typed-imap against the peer crates (issue 2, item
//! 8): see spec/benchmarks.md for the corpora, the method and the targets.
//!
//! `cargo bench --bench parse` runs the full corpora: the correctness
//! pass, the criterion groups (one per corpus, one bench per parser), then
//! a summary table. Under `cargo test --all-targets` (no `--bench`) the
//! corpora are a hundredth of the size and everything runs once, so CI
//! stays quick. Failures are reported, never panicked on.
//! `PARSE_BENCH_SUMMARY_ONLY=1` skips the criterion groups.

mod support;

use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput};

use support::corpus::{self, Corpus, Scale};
use support::parsers::{self, ALL};
use support::{check, floor, report, session};

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let corpora = corpus::all(if full { Scale::FULL } else { Scale::SMALL });
    let verdicts: Vec<_> = corpora.iter().map(check_corpus).collect();
    if std::env::var_os("PARSE_BENCH_SUMMARY_ONLY").is_none() {
        let mut criterion = Criterion::default().configure_from_args();
        for corpus in &corpora {
            bench_corpus(&mut criterion, corpus);
        }
        criterion.final_summary();
    }
    let passes = match full {
        true => report::Passes { min: 3, budget: Duration::from_secs(1) },
        false => report::Passes { min: 1, budget: Duration::ZERO },
    };
    let rows: Vec<_> =
        corpora.iter().zip(&verdicts).flat_map(|(c, v)| report::measure(c, v, passes)).collect();
    report::print(&rows);
    let through_session: Vec<_> = corpora
        .iter()
        .filter(|c| c.name.starts_with("fetch"))
        .filter_map(|c| {
            let (mb_per_s, complete) = session::throughput(c, passes);
            Some((c.name, report::ours(&rows, c.name)?, mb_per_s, complete))
        })
        .collect();
    session::print(&through_session);
}

/// Self-checks the corpus, then runs and prints the correctness pass.
fn check_corpus(corpus: &Corpus) -> Vec<check::Verdict> {
    floor::verify(corpus);
    let verdicts = check::run(corpus);
    check::print(corpus, &verdicts);
    verdicts
}

/// One criterion group per corpus, one bench per parser, throughput in
/// bytes. Flat sampling with 10 samples: one iteration is a whole corpus
/// (up to ~90 MB), so criterion's default 100 linear samples would take
/// minutes per parser.
fn bench_corpus(criterion: &mut Criterion, corpus: &Corpus) {
    let mut group = criterion.benchmark_group(corpus.name);
    group.throughput(Throughput::Bytes(corpus.bytes.len() as u64));
    group.sampling_mode(SamplingMode::Flat).sample_size(10);
    for which in ALL {
        let parse = which.parse_fn();
        group.bench_function(which.name(), |b| b.iter(|| parsers::parse_all(parse, corpus)));
    }
    group.finish();
}
