//! The FETCH-metadata corpus: 20,000 `* n FETCH (UID RFC822.SIZE FLAGS
//! INTERNALDATE ENVELOPE BODYSTRUCTURE)` responses, the answer to a mail
//! client's `UID FETCH 1:* (FLAGS INTERNALDATE RFC822.SIZE ENVELOPE
//! BODYSTRUCTURE)` when it opens a mailbox.

use super::corpus::{Corpus, Probe, Scale};
use super::gen_bodystructure::{self, Style};
use super::gen_envelope::{self, MONTHS, ZONES};
use super::rng::Rng;

/// Builds the corpus.
pub fn corpus(scale: Scale) -> Corpus {
    let mut rng = Rng::new(0xFE7C_0001);
    let mut corpus = Corpus::new("fetch-meta");
    let mut uid = 1000;
    let mut line = Vec::new();
    for seq in 1..=scale.count(20_000) as u64 {
        uid += rng.range(1, 5);
        line.clear();
        if let Some(unescaped) = fetch(&mut rng, &mut line, seq, uid) {
            if corpus.probes.len() < 3 {
                corpus.probes.push(Probe::Subject { response: corpus.len(), unescaped });
            }
        }
        corpus.push(&line);
    }
    corpus
}

/// Writes one FETCH response; returns the envelope subject when it was
/// sent with escapes. Dovecot puts UID first, Cyrus FLAGS first.
fn fetch(rng: &mut Rng, out: &mut Vec<u8>, seq: u64, uid: u64) -> Option<Vec<u8>> {
    let dovecot = rng.chance(60);
    out.extend_from_slice(format!("* {seq} FETCH (").as_bytes());
    if dovecot {
        out.extend_from_slice(
            format!("UID {uid} RFC822.SIZE {} FLAGS ", rng.log_uniform(800, 9_000_000)).as_bytes(),
        );
        flags(rng, out);
    } else {
        out.extend_from_slice(b"FLAGS ");
        flags(rng, out);
        out.extend_from_slice(
            format!(" UID {uid} RFC822.SIZE {}", rng.log_uniform(800, 9_000_000)).as_bytes(),
        );
    }
    out.extend_from_slice(b" INTERNALDATE ");
    internal_date(rng, out);
    out.extend_from_slice(b" ENVELOPE ");
    let escaped = gen_envelope::envelope(rng, out);
    out.extend_from_slice(b" BODYSTRUCTURE ");
    gen_bodystructure::body(rng, out, if dovecot { Style::Lower } else { Style::Upper });
    out.extend_from_slice(b")\r\n");
    escaped
}

/// `flag-list` of a stored message: system flags and common keywords.
fn flags(rng: &mut Rng, out: &mut Vec<u8>) {
    const FLAGS: &[&str] = &[
        "\\Seen",
        "\\Answered",
        "\\Flagged",
        "\\Deleted",
        "\\Draft",
        "$Forwarded",
        "$MDNSent",
        "$NotJunk",
        "$Junk",
        "NonJunk",
        "$label1",
        "$Phishing",
    ];
    out.push(b'(');
    let mut first = true;
    for flag in FLAGS {
        if rng.chance(if *flag == "\\Seen" { 80 } else { 12 }) {
            if !first {
                out.push(b' ');
            }
            out.extend_from_slice(flag.as_bytes());
            first = false;
        }
    }
    out.push(b')');
}

/// `date-time`, day space-padded as Dovecot does for days below 10.
fn internal_date(rng: &mut Rng, out: &mut Vec<u8>) {
    let date = format!(
        "\"{:>2}-{}-{} {:02}:{:02}:{:02} {}\"",
        rng.range(1, 28),
        rng.pick(MONTHS),
        rng.range(2019, 2025),
        rng.range(0, 23),
        rng.range(0, 59),
        rng.range(0, 59),
        rng.pick(ZONES)
    );
    out.extend_from_slice(date.as_bytes());
}
