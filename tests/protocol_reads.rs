//! The session's read path: however the server's bytes are cut into
//! reads, the protocol makes the same responses of them. Message data
//! that is all in the buffer is parsed before it is framed (D17 in the
//! session); a response cut by a read is framed as it arrives; both must
//! agree with each other and with a single read of everything.

mod support;

use support::sans_io::{preauth, selected, sent};
use typed_imap::Command;
use typed_imap::command::{Fetch, Fetched, List, Search, Select, StatusCommand};
use typed_imap::session::{Event, Protocol};
use typed_imap::types::{FetchAttr, SearchKey, SequenceSet, StatusAttr};

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

fn fetch_uid() -> Fetch {
    Fetch::new("1:*".parse::<SequenceSet>().unwrap(), vec![FetchAttr::Uid])
}

fn events(p: &mut Protocol) -> Vec<Event> {
    std::iter::from_fn(|| p.poll_event()).collect()
}

#[test]
fn every_cut_of_the_reads_gives_the_same_responses() {
    same_at_every_read_size(|| selected("IMAP4rev1"), &fetch_uid(), ANSWER);
}

#[test]
fn c79_one_read_of_everything_keeps_each_shape() {
    let out = run_in_reads_of(selected("IMAP4rev1"), &fetch_uid(), ANSWER, ANSWER.len());
    // Five FETCH responses answer the command: the malformed one is not
    // among them, the unknown attribute is kept raw.
    assert_eq!(out.matches("FetchedMessage {").count(), 5, "{out}");
    assert!(out.contains("\"a \\\"b\\\"\""), "the escaped subject is unescaped: {out}");
    assert!(out.contains("\"hello\\r\\nworld\""), "{out}");
    assert!(out.contains("\"subj!\""), "{out}");
    assert!(out.contains("\"abc\""), "the empty line after a literal is skipped: {out}");
    assert!(out.contains("X-UNKNOWN"), "{out}");
    assert_eq!(out.matches("Malformed {").count(), 1, "{out}");
    assert!(out.contains("Exists(\n            4,"), "{out}");
}

/// `cmd` sent on `p`, then `answer` fed in reads of `chunk` bytes: the
/// output and the events, as text to compare.
fn run_in_reads_of<C: Command>(mut p: Protocol, cmd: &C, answer: &[u8], chunk: usize) -> String
where
    C::Output: std::fmt::Debug,
{
    p.send(cmd).unwrap();
    sent(&mut p);
    let mut output = None;
    for read in answer.chunks(chunk) {
        assert!(output.is_none(), "{} completed before its last byte (reads of {chunk})", cmd.name());
        p.handle_input(read);
        output = p.poll_command(cmd).unwrap_or_else(|e| panic!("{}, reads of {chunk}: {e}", cmd.name()));
    }
    let output = output.unwrap_or_else(|| panic!("{}: no answer with reads of {chunk}", cmd.name()));
    format!("{output:#?}\n{:#?}", events(&mut p))
}

/// [`run_in_reads_of`] at every read size up to 80 bytes and a few more:
/// each must give what one read of everything gives, which is returned.
fn same_at_every_read_size<C: Command>(new: impl Fn() -> Protocol, cmd: &C, answer: &[u8]) -> String
where
    C::Output: std::fmt::Debug,
{
    let whole = run_in_reads_of(new(), cmd, answer, answer.len());
    for chunk in (1..=80).chain([127, 128, 4096]) {
        assert_eq!(run_in_reads_of(new(), cmd, answer, chunk), whole, "{}, reads of {chunk}", cmd.name());
    }
    whole
}

#[test]
fn list_with_literal_and_quoted_names_at_every_read_size() {
    let answer = b"* LIST (\\HasNoChildren) \"/\" {6}\r\nd\xc3\xa9j\xc3\xa0\r\n\
* LIST () \"/\" INBOX\r\n* LIST (\\Noselect) \"/\" \"a \\\"q\\\"\"\r\n* 4 EXISTS\r\nA0 OK done\r\n";
    let out = same_at_every_read_size(|| preauth("IMAP4rev1"), &List::new("", "*").unwrap(), answer);
    assert_eq!(out.matches("ListItem {").count(), 3, "{out}");
    assert!(out.contains("Exists("), "the EXISTS between is an event: {out}");
}

#[test]
fn long_search_and_status_at_every_read_size() {
    let mut answer = b"* SEARCH".to_vec();
    for n in 1..=600 {
        answer.extend(format!(" {n}").as_bytes());
    }
    answer.extend(b"\r\nA1 OK done\r\n");
    let out = same_at_every_read_size(|| selected("IMAP4rev1"), &Search::new(SearchKey::All), &answer);
    assert!(out.contains("600,"), "{out}");
    let status = StatusCommand::new("box", [StatusAttr::Messages, StatusAttr::UidNext]).unwrap();
    let answer = b"* STATUS {3}\r\nbox (MESSAGES 231 UIDNEXT 44292)\r\nA0 OK done\r\n";
    let out = same_at_every_read_size(|| preauth("IMAP4rev1"), &status, answer);
    assert!(out.contains("231") && out.contains("44292"), "{out}");
}

#[test]
fn select_answer_at_every_read_size() {
    let answer = b"* 172 EXISTS\r\n* 1 RECENT\r\n* OK [UNSEEN 12] Message 12 is first unseen\r\n\
* OK [UIDVALIDITY 3857529045] UIDs valid\r\n* OK [UIDNEXT 4392] Predicted next UID\r\n\
* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n\
* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\nA0 OK [READ-WRITE] SELECT completed\r\n";
    let out = same_at_every_read_size(|| preauth("IMAP4rev1"), &Select::new("INBOX").unwrap(), answer);
    assert!(out.contains("3857529045") && out.contains("4392"), "{out}");
}

/// APPEND with a synchronising literal: the `+` that lets the literal go
/// and the tagged answer arrive cut at every byte; the literal is sent
/// once, only after the whole `+` line, and the answer is the same.
#[test]
fn append_continuation_at_every_read_size() {
    let message = b"Subject: hi\r\n\r\nbody\r\n";
    let answer = b"* 2 EXISTS\r\nA0 OK [APPENDUID 38505 3955] APPEND completed\r\n";
    let mut whole = None;
    for chunk in (1..=12).chain([64]) {
        let mut p = preauth("IMAP4rev1 UIDPLUS");
        let append = typed_imap::command::Append::new("saved", &message[..]).unwrap();
        p.send(&append).unwrap();
        assert_eq!(sent(&mut p), format!("A0 APPEND saved {{{}}}\r\n", message.len()));
        for read in b"+ go ahead\r\n".chunks(chunk) {
            assert_eq!(sent(&mut p), "", "nothing before the whole + line (reads of {chunk})");
            p.handle_input(read);
            assert!(p.poll_command(&append).unwrap().is_none());
        }
        assert_eq!(sent(&mut p).as_bytes(), [&message[..], b"\r\n"].concat(), "reads of {chunk}");
        let mut output = None;
        for read in answer.chunks(chunk) {
            p.handle_input(read);
            output = p.poll_command(&append).unwrap();
        }
        let text = format!("{:?}\n{:?}", output.expect("answered"), events(&mut p));
        assert!(text.contains("3955"), "{text}");
        assert_eq!(whole.get_or_insert_with(|| text.clone()), &text, "reads of {chunk}");
    }
}

/// `take_collected` between reads (what `fetch_each` does): the messages
/// come out as their reads arrive, before the tagged OK, and all the parts
/// together are what one `poll_command` at the end gives, in the same
/// order, at every read size.
#[test]
fn fetch_answer_taken_as_it_arrives_at_every_read_size() {
    use typed_imap::types::{Status, StatusKind};
    let whole = run_in_reads_of(selected("IMAP4rev1"), &fetch_uid(), ANSWER, ANSWER.len());
    let done = Status { tag: None, kind: StatusKind::Ok, code: None, text: Default::default() };
    for chunk in (1..=40).chain([64, 200]) {
        let mut p = selected("IMAP4rev1");
        let fetch = fetch_uid();
        p.send(&fetch).unwrap();
        sent(&mut p);
        let (mut joined, mut before_ok) = (Fetched::default(), 0);
        let mut output = None;
        for read in ANSWER.chunks(chunk) {
            p.handle_input(read);
            output = p.poll_command(&fetch).unwrap();
            if output.is_none() {
                let part = fetch.decode(p.take_collected(), &done).unwrap();
                before_ok += part.messages.len();
                joined.messages.extend(part.messages);
                joined.unsolicited.extend(part.unsolicited);
            }
        }
        let last = output.expect("answered");
        joined.messages.extend(last.messages);
        joined.unsolicited.extend(last.unsolicited);
        joined.vanished = last.vanished;
        assert!(before_ok >= 4, "messages came out before the tagged OK (reads of {chunk}): {before_ok}");
        assert_eq!(format!("{joined:#?}\n{:#?}", events(&mut p)), whole, "reads of {chunk}");
    }
}
