//! The strings of a response the session keeps share one copy of the
//! response's bytes instead of one allocation each (types/shared.rs).

use typed_imap::command::{Fetch, Select};
use typed_imap::session::{Config, Protocol};
use typed_imap::types::{FetchAttr, FetchItem, SequenceSet};

fn selected() -> Protocol {
    let mut p = Protocol::new(Config::default().with_tag_prefix("A"));
    p.handle_input(b"* PREAUTH [CAPABILITY IMAP4rev1] hi\r\n");
    assert!(p.poll_greeting().unwrap());
    let select = Select::new("INBOX").unwrap();
    p.send(&select).unwrap();
    while p.poll_transmit().is_some() {}
    p.handle_input(b"* 1 EXISTS\r\nA0 OK [READ-WRITE] done\r\n");
    p.poll_command(&select).unwrap().unwrap();
    p
}

#[test]
fn strings_of_one_response_lie_in_one_copy_of_it() {
    let mut p = selected();
    let fetch = Fetch::new(SequenceSet::from_numbers([1]).unwrap(), vec![FetchAttr::Envelope]);
    p.send(&fetch).unwrap();
    while p.poll_transmit().is_some() {}
    let response = b"* 1 FETCH (ENVELOPE (\"Mon, 7 Feb 1994 21:52:25 -0800\" \"the subject\" \
((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) NIL NIL NIL NIL NIL NIL \"<B27397-0100000@cac>\"))\r\n";
    p.handle_input(response);
    p.handle_input(b"A1 OK done\r\n");
    let fetched = p.poll_command(&fetch).unwrap().unwrap();
    let FetchItem::Envelope(env) = &fetched.messages[0].items[0] else { panic!("{fetched:?}") };
    let subject = env.subject.as_ref().unwrap();
    let host = env.from[0].host.as_ref().unwrap();
    assert_eq!((&subject[..], &host[..]), (&b"the subject"[..], &b"cac.washington.edu"[..]));
    // In the copy, the host lies as far after the subject as on the wire.
    let on_wire = |s: &[u8]| response.windows(s.len()).position(|w| w == s).unwrap();
    let distance = (host.as_ptr() as usize).wrapping_sub(subject.as_ptr() as usize);
    assert_eq!(distance, on_wire(host) - on_wire(subject));
}
