//! Server extensions that the library does not define, declared here, in
//! a crate of their own, with nothing but `#[derive(Command)]` and the
//! public API: Gmail's `XLIST` (decoded into the library's `ListData`)
//! and Gmail's `STORE ... +X-GM-LABELS` (a custom argument type with its
//! own `Encode`, and the UID form). Encoded and decoded like built-ins.

use typed_imap::command::{Command, State};
use typed_imap::types::{
    AString, Data, ListData, Mailbox, MailboxAttr, Response, SequenceSet, Status, ValidationError,
};
use typed_imap::wire::encode::{Encode, EncodeOptions, Encoder};
use typed_imap::wire::parse_response;

/// `XLIST reference pattern` (Gmail, before RFC 6154 SPECIAL-USE): LIST
/// with the special-use attributes, answered with `* XLIST` lines.
#[derive(Debug, Clone, typed_imap::Command)]
#[imap(command = "XLIST", capability = "XLIST", collect = "XLIST", output = Vec<ListData<'static>>, decode = decode_xlist)]
struct XList {
    reference: Mailbox<'static>,
    pattern: AString<'static>,
}

/// An `XLIST` response has the shape of a `LIST` one: the library keeps it
/// as `Data::Other`, and its text is parsed with the public LIST grammar.
fn decode_xlist(
    _: &XList,
    collected: Vec<Response<'static>>,
    _: &Status<'static>,
) -> Result<Vec<ListData<'static>>, typed_imap::Error> {
    collected.into_iter().map(xlist_line).collect()
}

fn xlist_line(response: Response<'static>) -> Result<ListData<'static>, typed_imap::Error> {
    let bad = |reason: &str| typed_imap::Error::Decode { command: "XLIST".into(), reason: reason.into() };
    let Response::Data(Data::Other { rest, .. }) = response else { return Err(bad("not an XLIST response")) };
    let line = [b"* LIST ", rest.as_bytes(), b"\r\n"].concat();
    match parse_response(&line) {
        Ok((Response::Data(Data::List(list)), _)) => Ok(list.into_owned()),
        _ => Err(bad("an XLIST response that is not a LIST")),
    }
}

/// How `X-GM-LABELS` changes the labels: a type of the user's with its
/// own encoding.
#[derive(Debug, Clone, Copy)]
enum LabelOp {
    Add,
    Remove,
}

impl Encode for LabelOp {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        let item = match self {
            LabelOp::Add => "+X-GM-LABELS",
            LabelOp::Remove => "-X-GM-LABELS",
        };
        enc.atom(item).map(drop)
    }
}

/// `STORE set +X-GM-LABELS (label ...)` (Gmail IMAP extensions).
#[derive(Debug, Clone, typed_imap::Command)]
#[imap(command = "STORE", uid_capable, state = "selected", capability = "X-GM-EXT-1", collect = "FETCH")]
struct GmailLabels {
    set: SequenceSet,
    op: LabelOp,
    #[imap(keyword = "SILENT")]
    silent: bool,
    #[imap(list)]
    labels: Vec<AString<'static>>,
}

/// The command line as the session sends it, tag `A1`.
fn wire<C: Command>(cmd: &C) -> String {
    let mut enc = Encoder::new(EncodeOptions::default());
    enc.raw(b"A1 ").unwrap();
    if cmd.is_uid() {
        enc.raw(b"UID ").unwrap();
    }
    enc.raw(cmd.name().as_bytes()).unwrap();
    cmd.encode_args(&mut enc).unwrap();
    enc.finish().iter().map(|f| format!("{f:?}")).collect()
}

fn parse(bytes: &[u8]) -> Response<'static> {
    parse_response(bytes).unwrap().0.into_owned()
}

fn tagged_ok() -> Status<'static> {
    let Response::Status(done) = parse(b"A1 OK Success\r\n") else { panic!() };
    done
}

fn xlist() -> XList {
    XList { reference: Mailbox::new("").unwrap(), pattern: AString::try_from("*").unwrap() }
}

#[test]
fn xlist_encodes_like_a_builtin() {
    assert_eq!(wire(&xlist()), r#"Line("A1 XLIST \"\" \"*\"\r\n")"#);
    assert_eq!(xlist().capabilities(), ["XLIST"]);
    assert!(xlist().states().contains(State::Selected));
    assert!(!xlist().states().contains(State::NotAuthenticated));
}

#[test]
fn xlist_decodes_into_list_data() {
    let lines: [&[u8]; 3] = [
        b"* XLIST (\\HasNoChildren \\Inbox) \"/\" \"Inbox\"\r\n",
        b"* XLIST (\\HasNoChildren \\Trash) \"/\" \"[Gmail]/Trash\"\r\n",
        b"* 3 EXISTS\r\n",
    ];
    let responses: Vec<_> = lines.iter().map(|l| parse(l)).collect();
    assert!(xlist().collects(&responses[0]));
    assert!(!xlist().collects(&responses[2]), "EXISTS is unsolicited");
    let collected = responses.into_iter().filter(|r| xlist().collects(r)).collect();
    let folders = xlist().decode(collected, &tagged_ok()).unwrap();
    assert_eq!(folders.len(), 2);
    assert!(folders[0].mailbox.is_inbox());
    assert_eq!(folders[0].delimiter, Some('/'));
    assert!(folders[0].attributes.contains(&MailboxAttr::HasNoChildren));
    assert_eq!(folders[1].mailbox.name(), "[Gmail]/Trash");
    assert!(folders[1].attributes.contains(&MailboxAttr::Trash));
}

#[test]
fn xlist_that_does_not_parse_is_an_error_naming_the_command() {
    let odd = parse(b"* XLIST garbage\r\n");
    let err = xlist().decode(vec![odd], &tagged_ok()).unwrap_err();
    assert!(matches!(&err, typed_imap::Error::Decode { command, .. } if command == "XLIST"), "{err}");
}

fn labels(op: LabelOp, silent: bool) -> GmailLabels {
    GmailLabels {
        set: "1:3".parse().unwrap(),
        op,
        silent,
        labels: vec![AString::try_from("Receipts").unwrap(), AString::try_from("Work stuff").unwrap()],
    }
}

#[test]
fn gmail_labels_store_and_its_uid_form() {
    assert_eq!(
        wire(&labels(LabelOp::Add, false)),
        r#"Line("A1 STORE 1:3 +X-GM-LABELS (Receipts \"Work stuff\")\r\n")"#
    );
    assert_eq!(
        wire(&labels(LabelOp::Remove, true).uid()),
        r#"Line("A1 UID STORE 1:3 -X-GM-LABELS SILENT (Receipts \"Work stuff\")\r\n")"#
    );
    assert_eq!(labels(LabelOp::Add, false).capabilities(), ["X-GM-EXT-1"]);
}

#[test]
fn gmail_labels_collects_fetch_and_returns_the_responses() {
    let cmd = labels(LabelOp::Add, false).uid();
    let fetch = parse(b"* 1 FETCH (UID 7 FLAGS (\\Seen))\r\n");
    let exists = parse(b"* 4 EXISTS\r\n");
    assert!(cmd.collects(&fetch));
    assert!(!cmd.collects(&exists));
    let out = cmd.decode(vec![fetch.clone()], &tagged_ok()).unwrap();
    assert_eq!(out, vec![fetch]);
}
