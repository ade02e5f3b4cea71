//! FETCH responses (RFC 3501 section 7.4.2, RFC 9051 section 7.5.2 and the
//! FETCH extensions) through the public `parse_response`, asserting typed
//! fields. Server quirks and limits: `parse_fetch_quirks.rs`.

mod fetch_support;

use fetch_support::*;
use typed_imap::types::{
    BodyStructure, ByteStr, Data, Envelope, ExtensionValue, FetchItem, Flag, Response, Section, SectionText,
    SinglePartKind,
};
use typed_imap::wire::parse_response;

#[test]
fn rfc3501_sample_envelope_and_body() {
    let (seq, items) = fetch(RFC3501_SAMPLE);
    assert_eq!(seq, 12);
    assert_eq!(items.len(), 5);
    assert_eq!(items[0], FetchItem::Flags(vec![Flag::Seen]));
    let FetchItem::InternalDate(date) = &items[1] else { panic!("{:?}", items[1]) };
    assert_eq!(date.as_datetime().to_rfc3339(), "1996-07-17T02:44:25-07:00");
    assert_eq!(items[2], FetchItem::Rfc822Size(4286));
    let FetchItem::Envelope(env) = &items[3] else { panic!("{:?}", items[3]) };
    let gray = addr(Some("Terry Gray"), "gray", "cac.washington.edu");
    let expected = Envelope {
        date: b("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)"),
        subject: b("IMAP4rev1 WG mtg summary and minutes"),
        from: vec![gray.clone()],
        sender: vec![gray.clone()],
        reply_to: vec![gray],
        to: vec![addr(None, "imap", "cac.washington.edu")],
        cc: vec![
            addr(None, "minutes", "CNRI.Reston.VA.US"),
            addr(Some("John Klensin"), "KLENSIN", "MIT.EDU"),
        ],
        bcc: vec![],
        in_reply_to: None,
        message_id: b("<B27397-0100000@cac.washington.edu>"),
    };
    assert_eq!(**env, expected);
    let FetchItem::Body(body) = &items[4] else { panic!("{:?}", items[4]) };
    let text = single(body);
    assert_eq!((text.media_type.as_bytes(), text.media_subtype.as_bytes()), (&b"TEXT"[..], &b"PLAIN"[..]));
    assert_eq!(text.fields.params[0].name.as_bytes(), b"CHARSET");
    assert_eq!(text.fields.params[0].value.as_bytes(), b"US-ASCII");
    assert_eq!((text.fields.id.as_ref(), text.fields.description.as_ref()), (None, None));
    assert_eq!(text.fields.encoding.as_bytes(), b"7BIT");
    assert_eq!(text.fields.octets, 3028);
    assert_eq!(text.kind, SinglePartKind::Text { lines: 92 });
    assert_eq!(text.extension, None, "non-extensible BODY has no extension data");
}

#[test]
fn rfc3501_section_7_4_2_example() {
    let (seq, items) = fetch(b"* 23 FETCH (FLAGS (\\Seen) RFC822.SIZE 44827)\r\n");
    assert_eq!(seq, 23);
    assert_eq!(items, [FetchItem::Flags(vec![Flag::Seen]), FetchItem::Rfc822Size(44827)]);
}

#[test]
fn dovecot_multipart_alternative_with_extension_data() {
    let (_, items) = fetch(DOVECOT_ALTERNATIVE);
    assert_eq!(items[0], FetchItem::Uid(81));
    let FetchItem::BodyStructure(BodyStructure::Multi(mixed)) = &items[1] else { panic!("{:?}", items[1]) };
    assert_eq!(mixed.subtype.as_bytes(), b"mixed");
    let ext = mixed.extension.as_ref().unwrap();
    assert_eq!(
        (ext.params[0].name.as_bytes(), ext.params[0].value.as_bytes()),
        (&b"boundary"[..], &b"b1_abc"[..])
    );
    assert_eq!(ext.common.disposition, None);
    assert_eq!(ext.common.language, [ByteStr::from("en")]);
    assert_eq!(ext.common.location, None);
    let BodyStructure::Multi(alt) = &mixed.parts[0] else { panic!("{:?}", mixed.parts[0]) };
    assert_eq!(alt.subtype.as_bytes(), b"alternative");
    assert_eq!(alt.parts.len(), 2);
    let html = single(&alt.parts[1]);
    assert_eq!(html.media_subtype.as_bytes(), b"html");
    assert_eq!((html.fields.octets, &html.kind), (5678, &SinglePartKind::Text { lines: 120 }));
    let html_ext = html.extension.as_ref().unwrap();
    assert_eq!((&html_ext.md5, &html_ext.common.disposition), (&None, &None));
    let pdf = single(&mixed.parts[1]);
    assert_eq!(pdf.kind, SinglePartKind::Basic);
    assert_eq!(pdf.fields.encoding.as_bytes(), b"base64");
    let pdf_ext = pdf.extension.as_ref().unwrap();
    let dsp = pdf_ext.common.disposition.as_ref().unwrap();
    assert_eq!(dsp.kind.as_bytes(), b"attachment");
    assert_eq!(dsp.params.len(), 2);
    assert_eq!(dsp.params[1].value.as_bytes(), b"21900");
    assert_eq!(pdf_ext.common.language, [ByteStr::from("en"), ByteStr::from("de")]);
    assert_eq!(pdf_ext.common.location, b("http://x/r.pdf"));
    let top = &items[1];
    let FetchItem::BodyStructure(top) = top else { unreachable!() };
    assert_eq!(top.part(&[1, 2]), Some(&alt.parts[1]));
    assert_eq!(top.part(&[2]), Some(&mixed.parts[1]));
    assert_eq!(top.part(&[3]), None);
    assert_eq!(top.part(&[0]), None);
}

#[test]
fn message_rfc822_nests_envelope_and_body() {
    let (_, items) = fetch(NESTED_MESSAGE);
    let FetchItem::BodyStructure(top) = &items[0] else { panic!("{:?}", items[0]) };
    let msg = single(top.part(&[2]).unwrap());
    let SinglePartKind::Message { envelope, body, lines } = &msg.kind else { panic!("{:?}", msg.kind) };
    assert_eq!(*lines, 12);
    assert_eq!(envelope.subject, b("inner"));
    assert_eq!(envelope.to, [addr(None, "b", "y.org")]);
    assert_eq!(envelope.message_id, b("<i@x>"));
    let BodyStructure::Multi(inner) = &**body else { panic!("{body:?}") };
    assert_eq!(inner.parts.len(), 2);
    assert_eq!(inner.extension, None);
    assert_eq!(single(top.part(&[2, 2]).unwrap()).media_type.as_bytes(), b"image");
    assert_eq!(
        msg.extension.as_ref().unwrap().common.disposition.as_ref().unwrap().kind.as_bytes(),
        b"inline"
    );
    let BodyStructure::Multi(outer) = top else { unreachable!() };
    assert_eq!(outer.extension, None, "no extension data after the subtype");
}

#[test]
fn conformance_68_two_literal_sections_in_order() {
    let bytes = b"* 1 FETCH (UID 7 BODY[1] {3}\r\nabc BODY[2] {5}\r\nde\r\nf)\r\n";
    let (_, items) = fetch(bytes);
    let section = |n| Section { part: vec![n], text: None };
    assert_eq!(
        items,
        [
            FetchItem::Uid(7),
            FetchItem::BodySection { section: section(1), origin: None, data: b("abc") },
            FetchItem::BodySection { section: section(2), origin: None, data: b("de\r\nf") },
        ]
    );
}

#[test]
fn conformance_69_zero_length_literal() {
    let (_, items) = fetch(b"* 1 FETCH (BODY[] {0}\r\n)\r\n");
    assert_eq!(items, [FetchItem::BodySection { section: Section::default(), origin: None, data: b("") }]);
}

#[test]
fn v12_header_fields_literal() {
    let bytes =
        b"* 1 FETCH (BODY[HEADER.FIELDS (DATE)] {41}\r\nDate: Fri, 06 Dec 2024 06:00:00 +0000\r\n\r\n)\r\n";
    let (_, items) = fetch(bytes);
    let FetchItem::BodySection { section, origin: None, data: Some(data) } = &items[0] else {
        panic!("{items:?}")
    };
    assert_eq!(section.text, Some(SectionText::HeaderFields(vec![ByteStr::from("DATE")])));
    assert!(section.part.is_empty());
    assert_eq!(data.as_bytes(), b"Date: Fri, 06 Dec 2024 06:00:00 +0000\r\n\r\n");
}

#[test]
fn literal_data_is_borrowed_from_the_input() {
    let bytes = b"* 1 FETCH (BODY[TEXT] {5}\r\nhello RFC822.HEADER \"quoted\" BINARY[1] ~{2}\r\n\0\x01)\r\n";
    let (_, items) = fetch(bytes);
    let datas: Vec<&ByteStr<'_>> = items
        .iter()
        .map(|item| match item {
            FetchItem::BodySection { data: Some(d), .. }
            | FetchItem::Rfc822Header(Some(d))
            | FetchItem::Binary { data: Some(d), .. } => d,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(datas.len(), 3);
    for d in datas {
        assert!(borrowed_from(d, bytes), "{d:?} is a slice of the input");
    }
}

#[test]
fn binary_literal8_and_binary_size() {
    let bytes =
        b"* 3 FETCH (BINARY[1] ~{4}\r\n\x00\xff\r\n BINARY.SIZE[1.2] 4 BINARY[] NIL BINARY[2]<8> \"ab\")\r\n";
    let (_, items) = fetch(bytes);
    assert_eq!(
        items,
        [
            FetchItem::Binary {
                section: vec![1],
                origin: None,
                data: Some(ByteStr::from(&b"\x00\xff\r\n"[..]))
            },
            FetchItem::BinarySize { section: vec![1, 2], size: 4 },
            FetchItem::Binary { section: vec![], origin: None, data: None },
            FetchItem::Binary { section: vec![2], origin: Some(8), data: b("ab") },
        ]
    );
}

#[test]
fn modseq_and_64_bit_rfc822_size() {
    let (_, items) = fetch(b"* 9 FETCH (MODSEQ (624140003) RFC822.SIZE 9223372036854775807 UID 4)\r\n");
    assert_eq!(
        items,
        [FetchItem::ModSeq(624140003), FetchItem::Rfc822Size(i64::MAX as u64), FetchItem::Uid(4)]
    );
    let (_, items) = fetch(b"* 9 FETCH (RFC822.SIZE 5000000000)\r\n");
    assert_eq!(items, [FetchItem::Rfc822Size(5_000_000_000)]);
}

#[test]
fn emailid_and_threadid_rfc8474() {
    let (_, items) = fetch(b"* 3 FETCH (EMAILID (M6d99ac3275bb4e) THREADID (T64b478a75b7ea9))\r\n");
    assert_eq!(
        items,
        [FetchItem::EmailId(ByteStr::from("M6d99ac3275bb4e")), FetchItem::ThreadId(b("T64b478a75b7ea9"))]
    );
    let (_, items) = fetch(b"* 3 FETCH (THREADID NIL)\r\n");
    assert_eq!(items, [FetchItem::ThreadId(None)]);
}

#[test]
fn unknown_attributes_are_kept_raw_and_the_rest_parses() {
    let bytes = b"* 1 FETCH (X-GM-MSGID 1278455344230334865 X-GM-LABELS (\\Inbox \"a b\" {3}\r\n)x( (n)) \
X-FOO[1 (A B)]<0> \"v\" UID 5)\r\n";
    let (_, items) = fetch(bytes);
    let other = |name: &'static str, value: &'static str| FetchItem::Other {
        name: ByteStr::from(name),
        value: ByteStr::from(value),
    };
    assert_eq!(
        items,
        [
            other("X-GM-MSGID", "1278455344230334865"),
            other("X-GM-LABELS", "(\\Inbox \"a b\" {3}\r\n)x( (n))"),
            other("X-FOO[1 (A B)]<0>", "\"v\""),
            FetchItem::Uid(5),
        ]
    );
}

#[test]
fn further_body_extension_values_are_kept() {
    let bytes =
        b"* 1 FETCH (BODYSTRUCTURE (\"text\" \"plain\" NIL NIL NIL \"7bit\" 3 1 \"md5sum\" NIL \"en\" NIL \
42 (\"x\" (NIL 7)) NIL))\r\n";
    let (_, items) = fetch(bytes);
    let FetchItem::BodyStructure(body) = &items[0] else { panic!("{items:?}") };
    let ext = single(body).extension.as_ref().unwrap();
    assert_eq!(ext.md5, b("md5sum"));
    assert_eq!(ext.common.language, [ByteStr::from("en")]);
    assert_eq!(
        ext.common.other,
        [
            ExtensionValue::Number(42),
            ExtensionValue::List(vec![
                ExtensionValue::String(ByteStr::from("x")),
                ExtensionValue::List(vec![ExtensionValue::Nil, ExtensionValue::Number(7)]),
            ]),
            ExtensionValue::Nil,
        ]
    );
}

#[test]
fn sections_partial_origin_and_rfc822_items() {
    let bytes = b"* 5 FETCH (BODY[1.2.MIME] NIL BODY[]<100> \"xyz\" BODY[HEADER.FIELDS.NOT (Received \"X-A\")] \"h\" \
body[1.TEXT] NIL RFC822 NIL RFC822.TEXT \"t\")\r\n";
    let (_, items) = fetch(bytes);
    assert_eq!(items.len(), 6);
    let mime = Section { part: vec![1, 2], text: Some(SectionText::Mime) };
    assert_eq!(items[0], FetchItem::BodySection { section: mime, origin: None, data: None });
    assert_eq!(
        items[1],
        FetchItem::BodySection { section: Section::default(), origin: Some(100), data: b("xyz") }
    );
    let not = SectionText::HeaderFieldsNot(vec![ByteStr::from("Received"), ByteStr::from("X-A")]);
    assert!(
        matches!(&items[2], FetchItem::BodySection { section: Section { text: Some(t), .. }, .. } if *t == not)
    );
    let text = Section { part: vec![1], text: Some(SectionText::Text) };
    assert_eq!(items[3], FetchItem::BodySection { section: text, origin: None, data: None });
    assert_eq!(items[4..], [FetchItem::Rfc822(None), FetchItem::Rfc822Text(b("t"))]);
}

#[test]
fn dates_savedate_and_preview() {
    let bytes =
        b"* 1 FETCH (INTERNALDATE \" 1-Feb-2024 09:05:00 +0530\" SAVEDATE NIL PREVIEW \"Hi there\" SAVEDATE \"01-Feb-2024 09:05:00 -0000\")\r\n";
    let (_, items) = fetch(bytes);
    let FetchItem::InternalDate(d) = &items[0] else { panic!("{items:?}") };
    assert_eq!(d.as_datetime().to_rfc3339(), "2024-02-01T09:05:00+05:30");
    assert_eq!(items[1], FetchItem::SaveDate(None));
    assert_eq!(items[2], FetchItem::Preview(b("Hi there")));
    let FetchItem::SaveDate(Some(s)) = &items[3] else { panic!("{items:?}") };
    assert_eq!(s.as_datetime().to_rfc3339(), "2024-02-01T09:05:00+00:00");
}

#[test]
fn into_owned_detaches_from_the_buffer() {
    let items: Vec<FetchItem<'static>> = {
        let buf = DOVECOT_ALTERNATIVE.to_vec();
        let (_, items) = fetch(&buf);
        items.into_iter().map(FetchItem::into_owned).collect()
    };
    let (_, borrowed) = fetch(DOVECOT_ALTERNATIVE);
    assert_eq!(items, borrowed);
    let nested: Vec<FetchItem<'static>> =
        fetch(NESTED_MESSAGE).1.into_iter().map(FetchItem::into_owned).collect();
    assert_eq!(nested, fetch(NESTED_MESSAGE).1);
}

#[test]
fn envelope_strings_may_be_literals_or_escaped() {
    let bytes = b"* 1 FETCH (ENVELOPE (NIL {9}\r\n(a) \"b\"\r\n NIL NIL NIL \
((\"Q \\\"x\\\"\" NIL \"q\" \"h\")) NIL NIL NIL NIL))\r\n";
    let (_, items) = fetch(bytes);
    let FetchItem::Envelope(env) = &items[0] else { panic!("{items:?}") };
    assert_eq!(env.subject, b("(a) \"b\"\r\n"));
    assert!(borrowed_from(env.subject.as_ref().unwrap(), bytes));
    assert_eq!(env.to[0].name, b("Q \"x\""));
}

#[test]
fn fetch_response_then_next_response() {
    let bytes = b"* 1 FETCH (UID 1 BODY[] {2}\r\n)()\r\nA1 OK done\r\n";
    let (response, used) = parse_response(bytes).unwrap();
    let Response::Data(Data::Fetch { seq: 1, items }) = response else { panic!("{response:?}") };
    assert_eq!(items[1], FetchItem::BodySection { section: Section::default(), origin: None, data: b(")(") });
    let (next, _) = parse_response(&bytes[used..]).unwrap();
    assert!(matches!(next, Response::Status(_)));
}

#[test]
fn rfc3501_section_7_4_2_bodystructure_example() {
    let bytes =
        b"* 1 FETCH (BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1152 \
23)(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\" \"NAME\" \"cc.diff\") \
\"<960723163407.20117h@cac.washington.edu>\" \"Compiler diff\" \
\"BASE64\" 4554 73) \"MIXED\"))\r\n";
    let (_, items) = fetch(bytes);
    let FetchItem::BodyStructure(BodyStructure::Multi(mixed)) = &items[0] else { panic!("{items:?}") };
    assert_eq!((mixed.subtype.as_bytes(), mixed.parts.len(), &mixed.extension), (&b"MIXED"[..], 2, &None));
    let diff = single(&mixed.parts[1]);
    assert_eq!(diff.fields.params[1].name.as_bytes(), b"NAME");
    assert_eq!(diff.fields.params[1].value.as_bytes(), b"cc.diff");
    assert_eq!(diff.fields.id, b("<960723163407.20117h@cac.washington.edu>"));
    assert_eq!(diff.fields.description, b("Compiler diff"));
    assert_eq!((diff.fields.encoding.as_bytes(), diff.fields.octets), (&b"BASE64"[..], 4554));
    assert_eq!(diff.kind, SinglePartKind::Text { lines: 73 });
}

#[test]
fn rfc9051_sample_body_header_literal() {
    let header = "Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\r\n\
From: Terry Gray <gray@cac.washington.edu>\r\n\
Subject: IMAP4rev2 WG mtg summary and minutes\r\n\
To: imap@cac.washington.edu\r\n\
cc: minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>\r\n\
Message-Id: <B27397-0100000@cac.washington.edu>\r\n\
MIME-Version: 1.0\r\n\
Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n\
\r\n";
    assert_eq!(header.len(), 342, "the literal of the RFC's example");
    let bytes = format!("* 12 FETCH (BODY[HEADER] {{342}}\r\n{header})\r\n").into_bytes();
    let (seq, items) = fetch(&bytes);
    assert_eq!(seq, 12);
    let header_section = Section { part: vec![], text: Some(SectionText::Header) };
    assert_eq!(
        items,
        [FetchItem::BodySection { section: header_section, origin: None, data: Some(ByteStr::from(header)) }]
    );
}

/// A detached body structure and flag list (what the session keeps)
/// equal the parsed ones, and borrow the common MIME tokens and keywords
/// from static copies instead of allocating each: the values are the same
/// bytes, case included.
#[test]
fn detached_values_borrow_common_tokens_and_keep_the_rest() {
    use std::borrow::Cow;
    let bytes = b"* 1 FETCH (FLAGS (\\Seen $Forwarded $custom) BODYSTRUCTURE ((\"TEXT\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 3 1 NIL NIL \"en\" NIL)(\"application\" \"x-thing\" (\"name\" \"a.bin\") NIL NIL \"base64\" 4 NIL (\"attachment\" NIL) NIL NIL) \"MIXED\" (\"boundary\" \"b1\") NIL NIL NIL))\r\n";
    let (_, items) = fetch(bytes);
    let owned: Vec<FetchItem<'static>> = items.iter().cloned().map(FetchItem::into_owned).collect();
    assert_eq!(owned, items);
    let borrowed = |s: &ByteStr<'_>| matches!(s.clone().into_inner(), Cow::Borrowed(_));
    let FetchItem::Flags(flags) = &owned[0] else { panic!("{owned:?}") };
    let keyword = |f: &Flag<'_>| match f {
        Flag::Keyword(a) => a.to_string(),
        other => panic!("{other:?}"),
    };
    assert_eq!((keyword(&flags[1]), keyword(&flags[2])), ("$Forwarded".into(), "$custom".into()));
    let FetchItem::BodyStructure(BodyStructure::Multi(multi)) = &owned[1] else { panic!("{owned:?}") };
    assert!(borrowed(&multi.subtype), "MIXED");
    let BodyStructure::Single(text) = &multi.parts[0] else { panic!("{multi:?}") };
    let common = [&text.media_type, &text.media_subtype, &text.fields.encoding, &text.fields.params[0].value];
    assert!(common.iter().all(|s| borrowed(s)), "{text:?}");
    assert_eq!(text.media_subtype.as_bytes(), b"plain", "the case as sent");
    let BodyStructure::Single(app) = &multi.parts[1] else { panic!("{multi:?}") };
    assert!(
        !borrowed(&app.media_subtype) && !borrowed(&app.fields.params[0].value),
        "x-thing, a.bin: {app:?}"
    );
    assert!(borrowed(&app.fields.params[0].name), "name");
}
