//! The SEARCH corpus: one `* SEARCH` line with 200,000 ascending UIDs
//! (gaps of 1 to 12, so up to seven digits), about 1.4 MB: the answer to
//! `UID SEARCH ALL` in a large mailbox.

use super::corpus::{Corpus, Scale};
use super::rng::Rng;
use super::words;

/// Builds the corpus.
pub fn corpus(scale: Scale) -> Corpus {
    let mut rng = Rng::new(0x5EA7_0003);
    let mut corpus = Corpus::new("search");
    let mut line = b"* SEARCH".to_vec();
    let mut uid = 0;
    for _ in 0..scale.count(200_000) {
        uid += rng.range(1, 12);
        line.push(b' ');
        words::num(&mut line, uid);
    }
    line.extend_from_slice(b"\r\n");
    corpus.push(&line);
    corpus
}
