//! The FETCH corpora through the session's sans-I/O `Protocol`, as a
//! client receives them: after SELECT, one FETCH whose answer arrives in
//! 16 KiB reads, every message collected into the typed `Fetched` output.
//! Beside the parser's own speed it shows what framing, detaching each
//! response from the read buffer and collecting cost. typed-imap only: the
//! peers are parsers, with no session at this layer.

use std::hint::black_box;
use std::time::{Duration, Instant};

use typed_imap::command::{Fetch, Select};
use typed_imap::session::{Config, Protocol};
use typed_imap::types::{FetchAttr, SequenceSet};

use super::corpus::Corpus;
use super::report::Passes;

/// The size of each read fed to the protocol.
const READ: usize = 16 << 10;

/// MB/s of the best pass of `corpus` through the protocol, and whether
/// every response came out as a message (`false`: a bug to look at).
pub fn throughput(corpus: &Corpus, passes: Passes) -> (f64, bool) {
    let (started, mut best, mut n, mut complete) = (Instant::now(), Duration::MAX, 0, true);
    while n < passes.min || (started.elapsed() < passes.budget && n < 20) {
        let t = Instant::now();
        complete &= black_box(messages_through_protocol(black_box(&corpus.bytes), corpus.len()))
            == Some(corpus.len());
        best = best.min(t.elapsed());
        n += 1;
    }
    (corpus.bytes.len() as f64 / 1e6 / best.max(Duration::from_nanos(1)).as_secs_f64(), complete)
}

/// Runs SELECT of a mailbox of `messages`, then a FETCH answered by
/// `responses` (`* n FETCH ...` lines) in reads of [`READ`] bytes and a
/// tagged OK; the number of messages the FETCH returned.
fn messages_through_protocol(responses: &[u8], messages: usize) -> Option<usize> {
    let mut p = Protocol::new(Config::default().with_tag_prefix("A"));
    p.handle_input(b"* PREAUTH [CAPABILITY IMAP4rev1] ready\r\n");
    p.poll_greeting().ok()?;
    let select = Select::new("INBOX").ok()?;
    p.send(&select).ok()?;
    while p.poll_transmit().is_some() {}
    p.handle_input(format!("* {messages} EXISTS\r\nA0 OK [READ-WRITE] done\r\n").as_bytes());
    p.poll_command(&select).ok()??;
    let fetch = Fetch::new("1:*".parse::<SequenceSet>().ok()?, vec![FetchAttr::Envelope]);
    p.send(&fetch).ok()?;
    while p.poll_transmit().is_some() {}
    for read in responses.chunks(READ) {
        p.handle_input(read);
        if p.poll_command(&fetch).ok()?.is_some() {
            return None;
        }
    }
    p.handle_input(b"A1 OK done\r\n");
    Some(p.poll_command(&fetch).ok()??.messages.len())
}

/// Prints the session's rows beside the parser's MB/s on the same corpora.
pub fn print(rows: &[(&'static str, f64, f64, bool)]) {
    println!(
        "\n| corpus | typed-imap parse_response MB/s | through the Protocol, 16 KiB reads, MB/s | ratio | all messages |"
    );
    println!("|---|---:|---:|---:|---|");
    for (name, parse, session, complete) in rows {
        println!(
            "| {name} | {parse:.1} | {session:.1} | {:.2} | {} |",
            session / parse,
            if *complete { "yes" } else { "NO" }
        );
    }
}
