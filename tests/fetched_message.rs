//! `FetchedMessage`'s accessors on FETCH responses as servers send them:
//! each finds its item, falls back where RFC 3501 has two forms, and says
//! `None` for an item that is missing or `NIL`.

use typed_imap::command::FetchedMessage;
use typed_imap::types::{BodyStructure, ByteStr, Data, Flag, Response, Section, SectionText};
use typed_imap::wire::parse_response;

/// The message of one `* n FETCH` response, detached as the session keeps it.
fn message(bytes: &[u8]) -> FetchedMessage {
    let (response, used) = parse_response(bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(used, bytes.len());
    match response.into_owned() {
        Response::Data(Data::Fetch { seq, items }) => FetchedMessage { seq, items },
        other => panic!("{other:?}"),
    }
}

fn header_fields(names: &[&'static str]) -> Section<'static> {
    Section {
        part: vec![],
        text: Some(SectionText::HeaderFields(names.iter().map(|n| ByteStr::from(*n)).collect())),
    }
}

#[test]
fn metadata_items() {
    let m = message(
        b"* 12 FETCH (UID 4827 FLAGS (\\Seen $Forwarded) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" \
RFC822.SIZE 4286 MODSEQ (624140003) EMAILID (M6d99ac3275bb4e) THREADID (T64b478a75b7ea9) \
ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary\" ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) NIL NIL NIL NIL NIL NIL \"<B27397-0100000@cac.washington.edu>\") \
BODYSTRUCTURE (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92 NIL NIL NIL NIL) \
SAVEDATE \"18-Jul-1996 02:44:25 -0700\" PREVIEW \"Hello\")\r\n",
    );
    assert_eq!((m.seq, m.uid(), m.size(), m.modseq()), (12, Some(4827), Some(4286), Some(624_140_003)));
    assert_eq!(m.flags().unwrap()[0], Flag::Seen);
    assert_eq!(m.internal_date().unwrap().to_string(), "17-Jul-1996 02:44:25 -0700");
    assert_eq!(m.save_date().unwrap().to_string(), "18-Jul-1996 02:44:25 -0700");
    assert_eq!(m.envelope().unwrap().subject, Some(ByteStr::from("IMAP4rev1 WG mtg summary")));
    assert!(matches!(m.body_structure(), Some(BodyStructure::Single(p)) if p.fields.octets == 3028));
    assert_eq!(m.email_id().unwrap().as_bytes(), b"M6d99ac3275bb4e");
    assert_eq!(m.thread_id().unwrap().as_bytes(), b"T64b478a75b7ea9");
    assert_eq!(m.preview().unwrap().as_bytes(), b"Hello");
    assert_eq!((m.body(), m.header(), m.text(), m.binary(&[])), (None, None, None, None));
}

#[test]
fn missing_and_nil_items_are_none() {
    let m = message(b"* 1 FETCH (UID 1 THREADID NIL SAVEDATE NIL PREVIEW NIL BODY[] NIL)\r\n");
    assert_eq!((m.thread_id(), m.save_date(), m.preview(), m.body()), (None, None, None, None));
    assert_eq!((m.envelope(), m.body_structure(), m.internal_date(), m.size()), (None, None, None, None));
    assert_eq!(m.flags(), None);
}

#[test]
fn sections_by_what_the_server_echoed() {
    let m = message(
        b"* 2 FETCH (BODY[HEADER.FIELDS (SUBJECT DATE)] {15}\r\nSubject: hi\r\n\r\n BODY[1.MIME] {4}\r\nmime \
BODY[2] {3}\r\ntwo BODY[TEXT]<0> {4}\r\ntext BODY[] {5}\r\nwhole BINARY[2] {3}\r\n\x00\x01\x02)\r\n",
    );
    assert_eq!(m.section(&header_fields(&["Subject", "Date"])), Some(&b"Subject: hi\r\n\r\n"[..]));
    assert_eq!(m.section(&header_fields(&["Date", "Subject"])), None, "the order is the server's");
    assert_eq!(m.section(&header_fields(&["Subject"])), None);
    let part = |part: Vec<u32>, text| Section { part, text };
    assert_eq!(m.section(&part(vec![1], Some(SectionText::Mime))), Some(&b"mime"[..]));
    assert_eq!(m.section(&part(vec![2], None)), Some(&b"two"[..]));
    assert_eq!(m.section(&part(vec![3], None)), None);
    assert_eq!(m.text(), Some(&b"text"[..]), "a partial answer is the part sent");
    assert_eq!(m.body(), Some(&b"whole"[..]));
    assert_eq!(m.binary(&[2]), Some(&[0u8, 1, 2][..]));
    assert_eq!(m.binary(&[1]), None);
}

#[test]
fn rfc822_forms_stand_in_for_body_sections() {
    let m = message(b"* 3 FETCH (RFC822.HEADER {4}\r\nhead RFC822.TEXT {4}\r\ntext RFC822 {5}\r\nwhole)\r\n");
    assert_eq!(
        (m.header(), m.text(), m.body()),
        (Some(&b"head"[..]), Some(&b"text"[..]), Some(&b"whole"[..]))
    );
}

#[test]
fn bodystructure_is_preferred_to_body_and_the_first_item_wins() {
    let m = message(
        b"* 4 FETCH (BODY (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1) \
BODYSTRUCTURE (\"TEXT\" \"HTML\" NIL NIL NIL \"7BIT\" 2 1 NIL NIL NIL NIL) UID 5 UID 6)\r\n",
    );
    assert!(
        matches!(m.body_structure(), Some(BodyStructure::Single(p)) if p.media_subtype.as_bytes() == b"HTML")
    );
    assert_eq!(m.uid(), Some(5));
    let only_body = message(b"* 4 FETCH (BODY (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1))\r\n");
    assert!(
        matches!(only_body.body_structure(), Some(BodyStructure::Single(p)) if p.media_subtype.as_bytes() == b"PLAIN")
    );
}
