//! A corpus: many server responses back to back, as a client's read buffer
//! holds them, with the true end of each response kept for the checks.

use super::{gen_body, gen_fetch, gen_list, gen_search, gen_small, gen_thread};

/// How big the corpora are: full size under `cargo bench`, a hundredth
/// under `cargo test --all-targets`, which runs each bench once.
#[derive(Clone, Copy)]
pub struct Scale {
    divisor: usize,
}

impl Scale {
    /// The full corpora of issue 2.
    pub const FULL: Scale = Scale { divisor: 1 };
    /// Corpora small enough for a debug build in CI.
    pub const SMALL: Scale = Scale { divisor: 100 };

    /// `full` scaled down, at least 1.
    pub fn count(self, full: usize) -> usize {
        (full / self.divisor).max(1)
    }
}

/// One typed value a correct parser must give back for one response.
pub enum Probe {
    /// The ENVELOPE subject, sent as a quoted string with `\"` and `\\`
    /// escapes: `unescaped` is what it means.
    Subject { response: usize, unescaped: Vec<u8> },
    /// The BODY[] literal of the response: all its bytes, which are
    /// `data` (offsets in the response).
    Body { response: usize, data: std::ops::Range<usize> },
    /// The `[UIDVALIDITY n]` response code of an untagged OK: `n`.
    UidValidity { response: usize, value: u32 },
}

/// A generated corpus.
pub struct Corpus {
    /// Short name, used as the criterion group.
    pub name: &'static str,
    /// The responses, back to back.
    pub bytes: Vec<u8>,
    /// The end offset of each response in `bytes`.
    pub ends: Vec<usize>,
    /// Typed values to check after parsing.
    pub probes: Vec<Probe>,
}

impl Corpus {
    /// An empty corpus named `name`.
    pub fn new(name: &'static str) -> Self {
        Corpus { name, bytes: Vec::new(), ends: Vec::new(), probes: Vec::new() }
    }

    /// Appends one complete response (ending in CRLF).
    pub fn push(&mut self, response: &[u8]) {
        debug_assert!(response.ends_with(b"\r\n"));
        self.bytes.extend_from_slice(response);
        self.ends.push(self.bytes.len());
    }

    /// The number of responses.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The bytes of response `i`.
    pub fn response(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.bytes[start..self.ends[i]]
    }

    /// The offset of the first response that ends after `pos`: where a
    /// parser resumes after failing at `pos`.
    pub fn next_end(&self, pos: usize) -> usize {
        let i = self.ends.partition_point(|&end| end <= pos);
        self.ends.get(i).copied().unwrap_or(self.bytes.len())
    }
}

/// Every corpus of the benchmark, generated from fixed seeds.
pub fn all(scale: Scale) -> Vec<Corpus> {
    vec![
        gen_fetch::corpus(scale),
        gen_body::corpus(scale),
        gen_search::corpus(scale),
        gen_list::corpus(scale),
        gen_thread::corpus(scale),
        gen_small::corpus(scale),
    ]
}
