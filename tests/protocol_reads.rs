//! The session's read path: however the server's bytes are cut into
//! reads, the protocol makes the same responses of them. Message data
//! that is all in the buffer is parsed before it is framed (D17 in the
//! session); a response cut by a read is framed as it arrives; both must
//! agree with each other and with a single read of everything.

mod support;

use support::sans_io::{selected, sent};
use typed_imap::command::{Fetch, Fetched};
use typed_imap::session::{Event, Protocol};
use typed_imap::types::{FetchAttr, SequenceSet};

/// What a server sends for `A1 FETCH 1:* (...)`: message data in the
/// shapes that take each path (plain, with literals, with a spurious empty
/// line after a literal, an unknown attribute, a malformed one, a
/// non-FETCH response in between), then the tagged OK.
const ANSWER: &[u8] = b"* 1 FETCH (UID 10 FLAGS (\\Seen) ENVELOPE (\"Mon, 7 Feb 1994\" \"a \\\"b\\\"\" ((\"N\" NIL \"m\" \"h\")) NIL NIL NIL NIL NIL NIL \"<id>\"))\r\n\
* 2 FETCH (UID 11 BODY[] {12}\r\nhello\r\nworld FLAGS ())\r\n\
* 4 EXISTS\r\n\
* 3 FETCH (UID 12 BODY[TEXT] {3}\r\nabc\r\n FLAGS (\\Seen))\r\n\
* 1 FETCH (UID 10 X-UNKNOWN (a \"b)\" c))\r\n\
* 2 FETCH (UID 11 FLAGS (\\Seen)\r\n\
* 3 FETCH (RFC822.SIZE 44 ENVELOPE (NIL {5}\r\nsubj! NIL NIL NIL NIL NIL NIL NIL NIL))\r\n\
A1 OK done\r\n";

/// The FETCH run with `ANSWER` fed in reads of `chunk` bytes: the result
/// and the events, as text to compare.
fn fetch_in_reads_of(chunk: usize) -> (String, String) {
    let mut p = selected("IMAP4rev1");
    let fetch = Fetch::new("1:*".parse::<SequenceSet>().unwrap(), vec![FetchAttr::Uid]);
    p.send(&fetch).unwrap();
    assert_eq!(sent(&mut p), "A1 FETCH 1:* (UID)\r\n");
    let mut result: Option<Fetched> = None;
    for read in ANSWER.chunks(chunk) {
        assert!(result.is_none(), "the answer completed before its last byte (reads of {chunk})");
        p.handle_input(read);
        result = p.poll_command(&fetch).unwrap_or_else(|e| panic!("reads of {chunk}: {e}"));
    }
    let result = result.unwrap_or_else(|| panic!("no answer with reads of {chunk}"));
    (format!("{result:#?}"), format!("{:#?}", events(&mut p)))
}

fn events(p: &mut Protocol) -> Vec<Event> {
    std::iter::from_fn(|| p.poll_event()).collect()
}

#[test]
fn c79_and_every_cut_of_the_reads_gives_the_same_responses() {
    let (whole, whole_events) = fetch_in_reads_of(ANSWER.len());
    for chunk in (1..=80).chain([127, 128, 200, 333]) {
        let (result, events) = fetch_in_reads_of(chunk);
        assert_eq!(result, whole, "result, reads of {chunk}");
        assert_eq!(events, whole_events, "events, reads of {chunk}");
    }
}

#[test]
fn one_read_of_everything_keeps_each_shape() {
    let (result, events) = fetch_in_reads_of(ANSWER.len());
    // Five FETCH responses answer the command: the malformed one is not
    // among them, the unknown attribute is kept raw.
    assert_eq!(result.matches("FetchedMessage {").count(), 5, "{result}\n{events}");
    assert!(result.contains("\"a \\\"b\\\"\""), "the escaped subject is unescaped: {result}");
    assert!(result.contains("\"hello\\r\\nworld\""), "{result}");
    assert!(result.contains("\"subj!\""), "{result}");
    assert!(result.contains("X-UNKNOWN"), "{result}");
    assert!(result.contains("\"abc\""), "the empty line after a literal is skipped: {result}");
    assert_eq!(events.matches("Malformed {").count(), 1, "{events}");
    assert!(events.contains("Exists(\n            4,"), "{events}");
}
