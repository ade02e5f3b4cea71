//! FETCH responses as real servers bend them (each quirk named after what
//! the server does), and the parser's limits: nesting depth, malformed
//! input, mutated input.

mod fetch_support;

use fetch_support::*;
use typed_imap::types::{BodyStructure, ByteStr, Envelope, FetchItem, Flag, SinglePartKind};
use typed_imap::wire::{ParseError, ParseOptions, parse_response, parse_response_with};

#[test]
fn quirk_wildcard_and_brackets_in_fetch_flags() {
    let (_, items) = fetch(b"* 1 FETCH (FLAGS (\\Seen \\* \\Recent $Forwarded))\r\n");
    let FetchItem::Flags(flags) = &items[0] else { panic!("{items:?}") };
    assert_eq!(flags[..3], [Flag::Seen, Flag::Wildcard, Flag::Recent]);
    assert_eq!(flags[3].to_string(), "$Forwarded");
    // Vector V10 (bpo-21815).
    let (_, items) = fetch(b"* 1 FETCH (FLAGS (Answered \\Flagged \\Deleted \\Seen \\Draft \\[test]))\r\n");
    let FetchItem::Flags(flags) = &items[0] else { panic!("{items:?}") };
    assert_eq!(flags.len(), 6);
    assert_eq!(flags[5].to_string(), "\\[test]");
}

#[test]
fn quirk_empty_line_after_a_literal_inside_fetch_is_skipped() {
    // Conformance 79: the framer keeps the CRLF that follows a literal
    // while the FETCH's parentheses are open; the parser skips it.
    let stream = b"* 1 FETCH (BODY[TEXT] {3}\r\nabc\r\n FLAGS (\\Seen))\r\n* 2 EXISTS\r\n";
    let (response, used) = parse_response(stream).unwrap();
    assert_eq!(used, stream.len() - 12);
    let typed_imap::types::Response::Data(typed_imap::types::Data::Fetch { items, .. }) = response else {
        panic!("{response:?}")
    };
    assert!(
        matches!(&items[0], FetchItem::BodySection { data: Some(d), .. } if d.as_bytes() == b"abc"),
        "{items:?}"
    );
    assert_eq!(items[1], FetchItem::Flags(vec![Flag::Seen]));
    // Inside an envelope too, and in a literal-ended attribute before `)`.
    let stream =
        b"* 2 FETCH (ENVELOPE (NIL {2}\r\nhi\r\n NIL NIL NIL NIL NIL NIL NIL NIL) BODY[] {1}\r\nx\r\n)\r\n";
    let (_, items) = fetch(stream);
    let FetchItem::Envelope(envelope) = &items[0] else { panic!("{items:?}") };
    assert_eq!(envelope.subject, Some(ByteStr::from("hi")));
    // One empty line per literal: a second one is the frame's end, and the
    // rest is malformed.
    assert!(parse_response(b"* 1 FETCH (BODY[] {3}\r\nabc\r\n\r\n)\r\n").is_err());
    // Outside a FETCH the CRLF after a literal ends the response.
    let (_, used) = parse_response(b"* LIST () \"/\" {3}\r\nfoo\r\n* 2 EXISTS\r\n").unwrap();
    assert_eq!(used, 24);
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for prefix in [
        "BODYSTRUCTURE ",
        "X-DEEP ",
        "BODYSTRUCTURE (\"text\" \"plain\" NIL NIL NIL \"7bit\" 1 1 NIL NIL NIL NIL ",
    ] {
        let mut bytes = format!("* 1 FETCH ({prefix}").into_bytes();
        bytes.extend(std::iter::repeat_n(b'(', 10_000));
        bytes.extend(std::iter::repeat_n(b')', 10_001));
        bytes.extend(b"\r\n");
        let err = parse_response(&bytes).unwrap_err();
        let ParseError::Malformed(m) = err else { panic!("{err:?}") };
        assert_eq!(m.response_len(), bytes.len());
        assert!(m.expected().contains("nested"), "{m:?}");
    }
}

#[test]
fn nesting_limit_is_configurable() {
    // Three levels of body: mixed > mixed > text.
    let bytes = b"* 1 FETCH (BODYSTRUCTURE (((\"text\" \"plain\" NIL NIL NIL \"7bit\" 1 1) \"mixed\") \"mixed\"))\r\n";
    let limits = Default::default();
    assert!(parse_response_with(bytes, &ParseOptions::default().with_max_depth(3), &limits).is_ok());
    assert!(parse_response_with(bytes, &ParseOptions::default().with_max_depth(2), &limits).is_err());
}

#[test]
fn quirk_body_fields_nil_empty_lists_and_negative_size() {
    // NIL encoding, `()` parameters, `-1` octets, no line count on text.
    let bytes = b"* 1 FETCH (BODY (\"TEXT\" \"PLAIN\" () NIL NIL NIL -1))\r\n";
    let (_, items) = fetch(bytes);
    let FetchItem::Body(body) = &items[0] else { panic!("{items:?}") };
    let text = single(body);
    assert!(text.fields.params.is_empty());
    assert_eq!((text.fields.encoding.as_bytes(), text.fields.octets), (&b""[..], 0));
    assert_eq!(text.kind, SinglePartKind::Text { lines: 0 });
}

#[test]
fn quirk_empty_parens_address_list_and_group_syntax() {
    let bytes = b"* 1 FETCH (ENVELOPE (NIL NIL () NIL NIL \
((NIL NIL \"undisclosed\" NIL)(\"A\" NIL \"a\" \"x.org\")(NIL NIL NIL NIL)) NIL NIL NIL NIL))\r\n";
    let (_, items) = fetch(bytes);
    let FetchItem::Envelope(env) = &items[0] else { panic!("{items:?}") };
    assert!(env.from.is_empty() && env.sender.is_empty());
    assert_eq!(env.to.len(), 3);
    assert!(env.to[0].is_group_start() && !env.to[0].is_group_end());
    assert_eq!(env.to[0].mailbox, b("undisclosed"));
    assert!(!env.to[1].is_group_start() && !env.to[1].is_group_end());
    assert!(env.to[2].is_group_end());
}

#[test]
fn malformed_known_attribute_is_an_error() {
    for bad in [
        &b"* 1 FETCH (UID x)\r\n"[..],
        b"* 1 FETCH (RFC822.SIZE 9223372036854775808)\r\n",
        b"* 1 FETCH (BODY[1 {2}\r\nab)\r\n",
        b"* 1 FETCH (BODYSTRUCTURE (\"text\" \"plain\" NIL NIL NIL \"7bit\" 1 1 (x\r\n",
        b"* 1 FETCH (UID 1\r\n",
    ] {
        assert!(matches!(parse_response(bad), Err(ParseError::Malformed(_))), "{}", bad.escape_ascii());
    }
}

#[test]
fn lower_case_names_and_doubled_spaces() {
    let (_, items) = fetch(b"* 1 FETCH ( uid  7  flags (\\seen) )\r\n");
    assert_eq!(items, [FetchItem::Uid(7), FetchItem::Flags(vec![Flag::Seen])]);
}

#[test]
fn quirk_message_rfc822_without_envelope_is_basic() {
    let bytes = b"* 1 FETCH (BODYSTRUCTURE (\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 100 NIL NIL NIL NIL) UID 0)\r\n";
    let (_, items) = fetch(bytes);
    let FetchItem::BodyStructure(body) = &items[0] else { panic!("{items:?}") };
    let msg = single(body);
    assert_eq!(msg.kind, SinglePartKind::Basic);
    assert_eq!(msg.fields.octets, 100);
    assert_eq!(msg.extension.as_ref().unwrap().md5, None);
    assert_eq!(items[1], FetchItem::Uid(0), "quirk: UID 0 is accepted");
}

/// Found by the parser's mutation test against the first framer: a
/// literal whose last byte is CR, followed by a bare LF, made it slice
/// `buf[pos..pos - 1]`. The incremental framer reports an error instead.
#[test]
fn framer_literal_ending_in_cr_then_lf() {
    let bytes = b"* 1 FETCH (BINARY[2] ~{1}\r\n\r\n";
    assert!(parse_response(bytes).is_err());
}

#[test]
fn quirk_exchange_disposition_as_a_bare_string() {
    let bytes = b"* 37 FETCH (UID 67 BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" \"ISO-8859-1\") NIL NIL \
\"QUOTED-PRINTABLE\" 850 31 NIL \"inline\" NIL NIL)(\"text\" \"html\" NIL NIL NIL \"7bit\" 10 1 NIL \"inline\" NIL NIL) \
\"alternative\" (\"boundary\" \"b\") NIL NIL))\r\n";
    let (_, items) = fetch(bytes);
    let FetchItem::BodyStructure(body) = &items[1] else { panic!("{items:?}") };
    for n in [1, 2] {
        let ext = single(body.part(&[n]).unwrap()).extension.as_ref().unwrap();
        let dsp = ext.common.disposition.as_ref().unwrap();
        assert_eq!((dsp.kind.as_bytes(), dsp.params.len()), (&b"inline"[..], 0));
    }
}

#[test]
fn quirk_multipart_without_parts() {
    // Gmail: bogus `("RELATED" NIL ("ATTACHMENT" NIL) NIL)` parts in a mixed.
    let bytes = b"* 5 FETCH (BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 3 1 NIL NIL NIL)\
(\"RELATED\" NIL (\"ATTACHMENT\" NIL) NIL) \"MIXED\" (\"BOUNDARY\" \"x\") NIL NIL) UID 9)\r\n";
    let (_, items) = fetch(bytes);
    let FetchItem::BodyStructure(BodyStructure::Multi(mixed)) = &items[0] else { panic!("{items:?}") };
    let BodyStructure::Multi(related) = &mixed.parts[1] else { panic!("{mixed:?}") };
    assert!(related.parts.is_empty());
    assert_eq!(related.subtype.as_bytes(), b"RELATED");
    let ext = related.extension.as_ref().unwrap();
    assert_eq!(ext.common.disposition.as_ref().unwrap().kind.as_bytes(), b"ATTACHMENT");
    assert_eq!(items[1], FetchItem::Uid(9));
    // `NIL` in place of the parts, inside a message/rfc822.
    let bytes = b"* 6 FETCH (BODY (\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 903 \
(NIL \"s\" NIL NIL NIL NIL NIL NIL NIL NIL) (NIL \"alternative\" (\"boundary\" \"y\") NIL NIL NIL) 17))\r\n";
    let (_, items) = fetch(bytes);
    let FetchItem::Body(body) = &items[0] else { panic!("{items:?}") };
    let SinglePartKind::Message { body: inner, lines: 17, .. } = &single(body).kind else {
        panic!("{body:?}")
    };
    let BodyStructure::Multi(alt) = &**inner else { panic!("{inner:?}") };
    assert!(alt.parts.is_empty());
    assert_eq!(alt.subtype.as_bytes(), b"alternative");
}

#[test]
fn quirk_domino_empty_body_and_nil_envelope() {
    let bytes = b"* 9125 FETCH (UID 23064 BODYSTRUCTURE ((\"text\" \"plain\"  (\"charset\" \"UTF-8\") NIL NIL \"base64\" 232 4 \
NIL NIL NIL)(\"message\" \"rfc822\"  NIL NIL NIL \"7BIT\" 787 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) () 0 NIL NIL NIL) \
\"report\" (\"report-type\" \"delivery-status\") NIL NIL) FLAGS (\\Seen))\r\n";
    let (_, items) = fetch(bytes);
    let FetchItem::BodyStructure(body) = &items[1] else { panic!("{items:?}") };
    let SinglePartKind::Message { envelope, body: inner, .. } = &single(body.part(&[2]).unwrap()).kind else {
        panic!("{body:?}")
    };
    assert_eq!(**envelope, Envelope::default());
    assert_eq!(**inner, BodyStructure::Multi(Default::default()));
    assert_eq!(items[2], FetchItem::Flags(vec![Flag::Seen]));
}

#[test]
fn quirk_unreadable_bodystructure_and_envelope_are_kept_raw() {
    let bytes = b"* 1 FETCH (BODYSTRUCTURE (\"text\" \"plain\" NIL NIL NIL \"7bit\" x) \
ENVELOPE (\"d\" \"s\" ((NIL \"a\")) NIL NIL NIL NIL NIL NIL NIL) UID 3)\r\n";
    let (_, items) = fetch(bytes);
    let other = |name: &'static str, value: &'static str| FetchItem::Other {
        name: ByteStr::from(name),
        value: ByteStr::from(value),
    };
    assert_eq!(
        items,
        [
            other("BODYSTRUCTURE", "(\"text\" \"plain\" NIL NIL NIL \"7bit\" x)"),
            other("ENVELOPE", "(\"d\" \"s\" ((NIL \"a\")) NIL NIL NIL NIL NIL NIL NIL)"),
            FetchItem::Uid(3),
        ]
    );
}

#[test]
fn deep_message_rfc822_nesting_is_an_error() {
    let part = "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 1 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) ";
    let mut text = String::from("* 1 FETCH (BODYSTRUCTURE ");
    text.push_str(&part.repeat(10_000));
    text.push_str("(\"text\" \"plain\" NIL NIL NIL \"7bit\" 1 1)");
    text.push_str(&" 1)".repeat(10_000));
    text.push_str(")\r\n");
    let err = parse_response(text.as_bytes()).unwrap_err();
    let ParseError::Malformed(m) = err else { panic!("{err:?}") };
    assert!(m.expected().contains("nested"), "{m:?}");
    // Within the limit, the same shape parses.
    let shallow = format!(
        "* 1 FETCH (BODYSTRUCTURE {}(\"text\" \"plain\" NIL NIL NIL \"7bit\" 1 1){})\r\n",
        part.repeat(10),
        " 1)".repeat(10)
    );
    let (_, items) = fetch(shallow.as_bytes());
    let FetchItem::BodyStructure(body) = &items[0] else { panic!("{items:?}") };
    assert_eq!(single(body.part(&[1; 10]).unwrap()).media_type.as_bytes(), b"text");
}
