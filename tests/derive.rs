//! `#[derive(Command)]` on commands declared outside the library: the
//! encoding each attribute generates, and the state, capability and
//! collection it declares.

use typed_imap::command::{Command, State};
use typed_imap::types::{Mailbox, Response, SequenceSet, Status};
use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};

/// What a command sends after its name, fragments joined and escaped.
fn args<C: Command>(cmd: &C) -> String {
    let mut enc = Encoder::new(EncodeOptions::default());
    cmd.encode_args(&mut enc).unwrap();
    enc.finish()
        .into_iter()
        .map(|f| match f {
            Fragment::Line(l) => show(&l),
            Fragment::Literal { data, .. } => format!("<{}>", show(&data)),
            _ => String::new(),
        })
        .collect()
}

/// Bytes as text with CR and LF made visible.
fn show(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).replace('\r', "\\r").replace('\n', "\\n")
}

#[derive(Debug, Clone, typed_imap::Command)]
#[imap(command = "NOOP", state = "any")]
struct Noop;

#[derive(Debug, Clone, typed_imap::Command)]
#[imap(command = "FETCH", uid_capable, state = "selected", collect = "FETCH")]
struct Fetch {
    set: SequenceSet,
    #[imap(list)]
    items: Vec<&'static str>,
    #[imap(modifier = "CHANGEDSINCE", capability = "CONDSTORE")]
    changed_since: Option<u64>,
    #[imap(modifier = "VANISHED", capability = "QRESYNC")]
    vanished: bool,
}

#[derive(Debug, Clone, typed_imap::Command)]
#[imap(command = "SEARCH", capability = "ESEARCH", collect = "ESEARCH, SEARCH")]
struct Search {
    #[imap(prefix = "CHARSET")]
    charset: Option<String>,
    #[imap(raw)]
    criteria: String,
}

#[derive(Debug, Clone, typed_imap::Command)]
#[imap(command = "XAPPEND", output = usize, decode = count_ok)]
struct XAppend {
    mailbox: Mailbox<'static>,
    #[imap(keyword = "SILENT")]
    silent: bool,
    #[imap(literal)]
    message: Vec<u8>,
}

fn count_ok(
    _: &XAppend,
    collected: Vec<Response<'static>>,
    _: &Status<'static>,
) -> Result<usize, typed_imap::Error> {
    Ok(collected.len())
}

#[test]
fn unit_struct_sends_no_arguments() {
    assert_eq!(Noop.name(), "NOOP");
    assert_eq!(args(&Noop), "\\r\\n");
    assert!(Noop.states().contains(State::NotAuthenticated));
    assert!(Noop.capabilities().is_empty());
}

#[test]
fn fields_in_order_list_and_modifiers_gathered_at_the_end() {
    let fetch = Fetch {
        set: "1:3".parse().unwrap(),
        items: vec!["FLAGS", "UID"],
        changed_since: Some(12345),
        vanished: true,
    };
    assert_eq!(args(&fetch), " 1:3 (FLAGS UID) (CHANGEDSINCE 12345 VANISHED)\\r\\n");
    assert_eq!(fetch.capabilities(), ["CONDSTORE", "QRESYNC"]);
    assert!(!fetch.states().contains(State::Authenticated));
    assert!(fetch.states().contains(State::Selected));
}

#[test]
fn unset_modifiers_send_no_group() {
    let fetch =
        Fetch { set: "5".parse().unwrap(), items: vec!["FLAGS"], changed_since: None, vanished: false };
    assert_eq!(args(&fetch), " 5 (FLAGS)\\r\\n");
    assert!(fetch.capabilities().is_empty());
}

#[test]
fn uid_form_keeps_arguments_and_says_uid() {
    let fetch =
        Fetch { set: "1:*".parse().unwrap(), items: vec!["FLAGS"], changed_since: None, vanished: false };
    let uid = fetch.clone().uid();
    assert!(uid.is_uid());
    assert!(!fetch.is_uid());
    assert_eq!(args(&uid), args(&fetch));
}

#[test]
fn prefix_option_and_raw() {
    let s = Search { charset: Some("UTF-8".into()), criteria: "SUBJECT \"hello world\"".into() };
    assert_eq!(args(&s), " CHARSET UTF-8 SUBJECT \"hello world\"\\r\\n");
    let s = Search { charset: None, criteria: "ALL".into() };
    assert_eq!(args(&s), " ALL\\r\\n");
    assert_eq!(s.capabilities(), ["ESEARCH"]);
}

#[test]
fn raw_refuses_line_breaks() {
    let s = Search { charset: None, criteria: "ALL\r\nA1 DELETE x".into() };
    let mut enc = Encoder::new(EncodeOptions::default());
    assert!(s.encode_args(&mut enc).is_err());
}

#[test]
fn collect_names_match_case_insensitively() {
    let s = Search { charset: None, criteria: "ALL".into() };
    let (esearch, _) = typed_imap::wire::parse_response(b"* esearch (TAG \"A1\") COUNT 3\r\n").unwrap();
    let (exists, _) = typed_imap::wire::parse_response(b"* 3 EXISTS\r\n").unwrap();
    assert!(s.collects(&esearch));
    assert!(!s.collects(&exists));
}

#[test]
fn keyword_literal_and_custom_decode() {
    let cmd =
        XAppend { mailbox: Mailbox::new("Sent Items").unwrap(), silent: true, message: b"hi\r\n".to_vec() };
    assert_eq!(args(&cmd), " \"Sent Items\" SILENT {4}\\r\\n<hi\\r\\n>\\r\\n");
    let (done, _) = typed_imap::wire::parse_response(b"A1 OK done\r\n").unwrap();
    let Response::Status(done) = done.into_owned() else { panic!() };
    assert_eq!(cmd.decode(vec![], &done).unwrap(), 0);
}

/// A user's own argument type whose values need different extensions.
#[derive(Debug, Clone)]
enum XSort {
    Plain,
    Display,
}

impl typed_imap::wire::encode::Encode for XSort {
    fn encode(&self, enc: &mut Encoder) -> Result<(), typed_imap::types::ValidationError> {
        let name = match self {
            XSort::Plain => "FROM",
            XSort::Display => "DISPLAYFROM",
        };
        enc.atom(name).map(drop)
    }
}

impl typed_imap::command::Requirements for XSort {
    fn requirements(&self, out: &mut Vec<&'static str>) {
        if let XSort::Display = self {
            out.push("SORT=DISPLAY");
        }
    }
}

#[derive(Debug, Clone, typed_imap::Command)]
#[imap(command = "XSORT", capability = "SORT")]
struct XSortCommand {
    #[imap(list, requires)]
    keys: Vec<XSort>,
    #[imap(requires, capability = "CONDSTORE")]
    also: Option<XSort>,
    #[imap(requires)]
    set: SequenceSet,
}

#[test]
fn requires_adds_what_the_value_needs_each_name_once() {
    let plain = XSortCommand { keys: vec![XSort::Plain], also: None, set: "1".parse().unwrap() };
    assert_eq!(plain.capabilities(), ["SORT"]);
    assert_eq!(args(&plain), " (FROM) 1\\r\\n", "requires changes nothing on the wire");
    let display = XSortCommand {
        keys: vec![XSort::Display, XSort::Plain, XSort::Display],
        also: Some(XSort::Display),
        set: SequenceSet::saved(),
    };
    assert_eq!(display.capabilities(), ["SORT", "CONDSTORE", "SORT=DISPLAY", "SEARCHRES"]);
    assert_eq!(args(&display), " (DISPLAYFROM FROM DISPLAYFROM) DISPLAYFROM $\\r\\n");
}
