//! The ESEARCH/SORT/THREAD corpus: 3,000 responses, a third each:
//! `* ESEARCH (TAG ..) UID MIN MAX COUNT ALL <sequence-set> [MODSEQ]`
//! (RFC 4731, RFC 7162), `* SORT n n n [(MODSEQ n)]` (RFC 5256) and
//! `* THREAD (..)(..)` forests with nested branches (RFC 5256).

use super::corpus::{Corpus, Scale};
use super::rng::Rng;
use super::words;

/// Builds the corpus.
pub fn corpus(scale: Scale) -> Corpus {
    let mut rng = Rng::new(0x7E4D_0005);
    let mut corpus = Corpus::new("esearch-sort-thread");
    let mut line = Vec::new();
    for i in 0..scale.count(3_000) {
        line.clear();
        match i % 3 {
            0 => esearch(&mut rng, &mut line, i),
            1 => sort(&mut rng, &mut line),
            _ => thread_response(&mut rng, &mut line),
        }
        line.extend_from_slice(b"\r\n");
        corpus.push(&line);
    }
    corpus
}

/// `esearch-response = "ESEARCH" [search-correlator] [SP "UID"] *(SP search-return-data)`.
fn esearch(rng: &mut Rng, out: &mut Vec<u8>, i: usize) {
    out.extend_from_slice(format!("* ESEARCH (TAG \"A{i:04}\")").as_bytes());
    if rng.chance(80) {
        out.extend_from_slice(b" UID");
    }
    if rng.chance(5) {
        return; // nothing matched: no return data at all
    }
    let mut set = Vec::new();
    let (min, max, count) = sequence_set(rng, &mut set);
    out.extend_from_slice(format!(" MIN {min} MAX {max} COUNT {count}").as_bytes());
    if rng.chance(70) {
        out.extend_from_slice(b" ALL ");
        out.extend_from_slice(&set);
    }
    if rng.chance(20) {
        out.extend_from_slice(format!(" MODSEQ {}", rng.range(1, 1 << 40)).as_bytes());
    }
}

/// A `sequence-set` of ascending numbers and ranges; returns min, max and
/// how many numbers it holds.
fn sequence_set(rng: &mut Rng, out: &mut Vec<u8>) -> (u64, u64, u64) {
    let mut n = rng.range(1, 50);
    let (min, mut count) = (n, 0);
    for k in 0..rng.between(1, 400) {
        if k > 0 {
            out.push(b',');
            n += rng.range(2, 40);
        }
        words::num(out, n);
        count += 1;
        if rng.chance(40) {
            let end = n + rng.range(1, 200);
            out.push(b':');
            words::num(out, end);
            count += end - n;
            n = end;
        }
    }
    (min, n, count)
}

/// `sort-data = "SORT" *(SP nz-number) [SP search-sort-mod-seq]`.
fn sort(rng: &mut Rng, out: &mut Vec<u8>) {
    out.extend_from_slice(b"* SORT");
    for _ in 0..rng.log_uniform(1, 2_000) {
        out.push(b' ');
        words::num(out, rng.range(1, 250_000));
    }
    if rng.chance(10) {
        out.extend_from_slice(format!(" (MODSEQ {})", rng.range(1, 1 << 40)).as_bytes());
    }
}

/// `thread-data = "THREAD" [SP 1*thread-list]`.
fn thread_response(rng: &mut Rng, out: &mut Vec<u8>) {
    out.extend_from_slice(b"* THREAD ");
    for _ in 0..rng.log_uniform(1, 300) {
        thread_list(rng, out, 0);
    }
}

/// `thread-list = "(" (thread-members / thread-nested) ")"`, where
/// `thread-members = nz-number *(SP nz-number) [SP thread-nested]` and
/// `thread-nested = 2*thread-list`.
fn thread_list(rng: &mut Rng, out: &mut Vec<u8>, depth: u32) {
    out.push(b'(');
    for k in 0..rng.log_uniform(1, 6) {
        if k > 0 {
            out.push(b' ');
        }
        words::num(out, rng.range(1, 250_000));
    }
    if depth < 12 && rng.chance(if depth == 0 { 25 } else { 30 }) {
        out.push(b' ');
        for _ in 0..rng.between(2, 3) {
            thread_list(rng, out, depth + 1);
        }
    }
    out.push(b')');
}
