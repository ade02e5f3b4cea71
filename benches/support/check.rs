//! The correctness pass, run before any timing: for each corpus and
//! parser, how many responses fail to parse or parse to the wrong length
//! (so the parser would go on from the wrong place), and the probes.

use std::collections::BTreeMap;

use super::corpus::Corpus;
use super::parsers::{ALL, Which};
use super::probe::{self, Outcome};

/// What the correctness pass found for one parser on one corpus.
pub struct Verdict {
    /// The parser.
    pub which: Which,
    /// Responses that failed or were framed wrong.
    pub failed: usize,
    /// The first such response, to show.
    pub first_failure: Option<usize>,
    /// The failures counted by response keyword (`FETCH`, `THREAD`, ...).
    pub failed_kinds: BTreeMap<String, usize>,
    /// The worst probe outcome.
    pub probe: Outcome,
}

/// Checks every parser on `corpus`.
pub fn run(corpus: &Corpus) -> Vec<Verdict> {
    ALL.iter().map(|&which| verdict(corpus, which)).collect()
}

fn verdict(corpus: &Corpus, which: Which) -> Verdict {
    let parse = which.parse_fn();
    let mut start = 0;
    let (mut failed, mut first_failure, mut failed_kinds) = (0, None, BTreeMap::new());
    for (i, &end) in corpus.ends.iter().enumerate() {
        // Parse with the rest of the corpus behind, as in the timed loop.
        if parse(&corpus.bytes[start..]) != Some(end - start) {
            failed += 1;
            first_failure.get_or_insert(i);
            *failed_kinds.entry(keyword(corpus.response(i))).or_insert(0) += 1;
        }
        start = end;
    }
    Verdict { which, failed, first_failure, failed_kinds, probe: probe::run(corpus, which) }
}

/// The response's keyword: `* 3 FETCH (..` gives `FETCH`, `A1 OK ..` `OK`.
fn keyword(response: &[u8]) -> String {
    let words = response.split(|&b| b == b' ' || b == b'\r');
    let word = words.skip(1).find(|w| !w.is_empty() && !w.iter().all(u8::is_ascii_digit));
    String::from_utf8_lossy(word.unwrap_or_default()).into_owned()
}

/// Prints the failures of one corpus, with the start of the first failing
/// response of each parser.
pub fn print(corpus: &Corpus, verdicts: &[Verdict]) {
    println!("correctness: {} ({} responses, {} bytes)", corpus.name, corpus.len(), corpus.bytes.len());
    for v in verdicts {
        print!("  {:<16} failed {:>6}  probe: {}", v.which.name(), v.failed, v.probe);
        if !v.failed_kinds.is_empty() {
            print!("  by kind: {:?}", v.failed_kinds);
        }
        if let Some(i) = v.first_failure {
            let r = corpus.response(i);
            print!("  first: #{i} `{}`", r[..r.len().min(90)].escape_ascii());
        }
        println!();
    }
}
