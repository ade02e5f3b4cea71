//! The session's sans-I/O core on arbitrary server bytes after a FETCH:
//! never panics, always terminates, and gives the same outcome (the
//! command's result or error, and the events) whether the bytes arrive in
//! one read or in reads of the size the first input byte picks. Message
//! data is parsed before it is framed only when the whole response is in
//! the buffer, so the read size decides which path a response takes; both
//! paths must agree (tests/protocol_reads.rs runs the same property on
//! chosen answers).

#![no_main]

use libfuzzer_sys::fuzz_target;
use typed_imap::command::{Fetch, Select};
use typed_imap::session::{Config, Protocol};
use typed_imap::types::{FetchAttr, SequenceSet};

/// The outcome of feeding `answer` in reads of `chunk` bytes, as text.
fn outcome(answer: &[u8], chunk: usize) -> String {
    let mut p = Protocol::new(Config::default().with_tag_prefix("A"));
    p.handle_input(b"* PREAUTH [CAPABILITY IMAP4rev1] hi\r\n");
    p.poll_greeting().unwrap();
    let select = Select::new("INBOX").unwrap();
    p.send(&select).unwrap();
    p.handle_input(b"* 3 EXISTS\r\nA0 OK [READ-WRITE] done\r\n");
    p.poll_command(&select).unwrap().unwrap();
    let fetch = Fetch::new(SequenceSet::all(), vec![FetchAttr::Uid]);
    p.send(&fetch).unwrap();
    while p.poll_transmit().is_some() {}
    let mut log = String::new();
    for read in answer.chunks(chunk) {
        p.handle_input(read);
        match p.poll_command(&fetch) {
            Ok(None) => continue,
            done => {
                log.push_str(&format!("{done:?}"));
                break;
            }
        }
    }
    p.handle_eof();
    if log.is_empty() {
        log.push_str(&format!("at eof: {:?}", p.poll_command(&fetch)));
    }
    while let Some(event) = p.poll_event() {
        log.push_str(&format!("\n{event:?}"));
    }
    log
}

fuzz_target!(|data: &[u8]| {
    let Some((&chunk, answer)) = data.split_first() else { return };
    let chunk = usize::from(chunk).max(1);
    assert_eq!(outcome(answer, chunk), outcome(answer, answer.len().max(1)), "reads of {chunk}");
});
