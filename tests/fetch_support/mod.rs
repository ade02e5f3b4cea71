//! Helpers and sample responses shared by the FETCH test files
//! (`parse_fetch.rs`, `parse_fetch_quirks.rs`).

// Each test file uses a different subset of these helpers.
#![allow(dead_code)]

use std::borrow::Cow;

use typed_imap::types::{Address, BodyStructure, ByteStr, Data, FetchItem, Response, SinglePart};
use typed_imap::wire::parse_response;

/// Parses one complete FETCH response and returns its number and items.
pub fn fetch(bytes: &[u8]) -> (u32, Vec<FetchItem<'_>>) {
    let (response, used) = parse_response(bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(used, bytes.len(), "the whole response is used");
    match response {
        Response::Data(Data::Fetch { seq, items }) => (seq, items),
        other => panic!("not a FETCH: {other:?}"),
    }
}

pub fn b(s: &str) -> Option<ByteStr<'_>> {
    Some(ByteStr::from(s))
}

pub fn addr<'a>(name: Option<&'a str>, mailbox: &'a str, host: &'a str) -> Address<'a> {
    Address { name: name.map(ByteStr::from), adl: None, mailbox: b(mailbox), host: b(host) }
}

pub fn single<'b, 'a>(body: &'b BodyStructure<'a>) -> &'b SinglePart<'a> {
    match body {
        BodyStructure::Single(s) => s,
        other => panic!("not a single part: {other:?}"),
    }
}

/// Whether `s` is borrowed and points into `buf`.
pub fn borrowed_from(s: &ByteStr<'_>, buf: &[u8]) -> bool {
    match s.clone().into_inner() {
        Cow::Borrowed(b) => buf.as_ptr_range().contains(&b.as_ptr()),
        Cow::Owned(_) => false,
    }
}

pub const RFC3501_SAMPLE: &[u8] = b"* 12 FETCH (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" \
RFC822.SIZE 4286 ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \
\"IMAP4rev1 WG mtg summary and minutes\" \
((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) \
((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) \
((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) \
((NIL NIL \"imap\" \"cac.washington.edu\")) \
((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\") \
(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL NIL \
\"<B27397-0100000@cac.washington.edu>\") \
BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92))\r\n";

/// Dovecot 2.3's answer to FETCH BODYSTRUCTURE for a multipart/alternative
/// inside a multipart/mixed with a PDF attachment: lower-case names, NIL
/// for each absent extension field.
pub const DOVECOT_ALTERNATIVE: &[u8] = b"* 4 FETCH (UID 81 BODYSTRUCTURE (((\"text\" \"plain\" \
(\"charset\" \"utf-8\") NIL NIL \"quoted-printable\" 1234 40 NIL NIL NIL NIL)\
(\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"quoted-printable\" 5678 120 NIL NIL NIL NIL) \
\"alternative\" (\"boundary\" \"b2_xyz\") NIL NIL NIL)\
(\"application\" \"pdf\" (\"name\" \"report.pdf\") NIL NIL \"base64\" 30000 NIL \
(\"attachment\" (\"filename\" \"report.pdf\" \"size\" \"21900\")) (\"en\" \"de\") \"http://x/r.pdf\") \
\"mixed\" (\"boundary\" \"b1_abc\") NIL (\"en\") NIL))\r\n";

pub const NESTED_MESSAGE: &[u8] =
    b"* 2 FETCH (BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" \"us-ascii\") \
NIL NIL \"7bit\" 10 1 NIL NIL NIL NIL)(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 500 \
(\"Mon, 1 Jan 2024 00:00:00 +0000\" \"inner\" ((\"A\" NIL \"a\" \"x.org\")) ((\"A\" NIL \"a\" \"x.org\")) \
((\"A\" NIL \"a\" \"x.org\")) ((NIL NIL \"b\" \"y.org\")) NIL NIL NIL \"<i@x>\") \
((\"text\" \"plain\" NIL NIL NIL \"7bit\" 20 2)(\"image\" \"png\" NIL NIL NIL \"base64\" 100) \"mixed\") \
12 NIL (\"inline\" NIL) NIL NIL) \"mixed\"))\r\n";
