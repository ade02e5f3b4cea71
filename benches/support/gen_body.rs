//! The body corpus: 2,000 `* n FETCH (UID n FLAGS (..) BODY[] {size}`
//! responses carrying whole messages of 2 to 200 KB (log-uniform: small
//! messages are the common case), as a sync client downloads them.
//!
//! The message bytes hold lines that look like IMAP (`* 3 EXISTS`, a line
//! ending in `{12}`): a parser that looks inside a literal trips on them.

use super::corpus::{Corpus, Probe, Scale};
use super::rng::Rng;
use super::words;

/// Builds the corpus.
pub fn corpus(scale: Scale) -> Corpus {
    let mut rng = Rng::new(0xB0D7_0002);
    let pool = text_pool(&mut rng);
    let mut corpus = Corpus::new("fetch-body");
    let mut line = Vec::new();
    for seq in 1..=scale.count(2_000) as u64 {
        let size = rng.log_uniform(2_048, 200 * 1024) as usize;
        let message = message(&mut rng, &pool, size);
        line.clear();
        let (section, origin) = match rng.range(0, 9) {
            0 => ("TEXT", ""),
            1 => ("", "<0>"),
            _ => ("", ""),
        };
        line.extend_from_slice(
            format!("* {seq} FETCH (UID {} FLAGS (\\Seen) BODY[{section}]{origin} ", seq * 3 + 7).as_bytes(),
        );
        words::literal(&mut line, &message);
        let data = line.len() - message.len()..line.len();
        line.extend_from_slice(b")\r\n");
        if seq % 500 == 1 {
            corpus.probes.push(Probe::Body { response: corpus.len(), data });
        }
        corpus.push(&line);
    }
    corpus
}

/// A message of exactly `size` bytes: headers, then a slice of the pool.
fn message(rng: &mut Rng, pool: &[u8], size: usize) -> Vec<u8> {
    let mut m = format!(
        "Return-Path: <{0}@{1}>\r\nDelivered-To: user@example.org\r\nMessage-ID: <{2:016x}@{1}>\r\n\
         From: {0} <{0}@{1}>\r\nTo: user@example.org\r\nSubject: {3}\r\nMIME-Version: 1.0\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\n",
        rng.pick(words::LOCAL),
        rng.pick(words::DOMAINS),
        rng.next_u64(),
        words::words(rng, 5),
    )
    .into_bytes();
    let start = rng.between(0, pool.len() - size - 200);
    // Start the body on a line of the pool, not in the middle of one.
    let start = start + memchr::memmem::find(&pool[start..], b"\r\n").map_or(0, |i| i + 2);
    m.extend_from_slice(&pool[start..start + size]);
    m.truncate(size);
    m
}

/// 256 KiB of CRLF text: prose, base64 lines and IMAP look-alikes.
fn text_pool(rng: &mut Rng) -> Vec<u8> {
    let mut pool = Vec::with_capacity(300 * 1024);
    while pool.len() < 256 * 1024 {
        match rng.range(0, 19) {
            0 => pool.extend_from_slice(b"* 3 EXISTS\r\n"),
            1 => pool.extend_from_slice(b"a line that ends like a literal {12}\r\n"),
            2..=9 => base64_line(rng, &mut pool),
            _ => {
                let n = rng.between(4, 14);
                pool.extend_from_slice(words::words(rng, n).as_bytes());
                pool.extend_from_slice(b"\r\n");
            }
        }
    }
    pool
}

fn base64_line(rng: &mut Rng, pool: &mut Vec<u8>) {
    const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for _ in 0..76 {
        pool.push(B64[rng.between(0, 63)]);
    }
    pool.extend_from_slice(b"\r\n");
}
