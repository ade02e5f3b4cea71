//! A message with every structure the parser must follow, on both
//! servers: a forwarded `message/rfc822` (nested envelope and body), a
//! `multipart/alternative` inside `multipart/mixed`, a disposition with
//! parameters, a language, a group address, and header values holding
//! `"` and `\`. Read back as ENVELOPE, BODYSTRUCTURE, BODY, RFC822.* and
//! the FULL macro.

use typed_imap::command::{Fetch, Select};
use typed_imap::types::{
    Address, BodyStructure, ByteStr, Envelope, FetchAttr, FetchItem, FetchItems, Flag, SequenceSet,
    SinglePartKind,
};

use super::Server;
use super::message::{append, cleanup, fresh};

/// The nested message.
pub const NESTED: &[u8] = b"From: \"Dr. \\\"Q\\\" Quote\" <q@example.net>\r\n\
To: undisclosed-recipients:;\r\n\
Subject: back\\slash \"quoted\" subject\r\n\
Message-ID: <nested@example.net>\r\n\
In-Reply-To: <earlier@example.net>\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/alternative; boundary=\"alt\"\r\n\
\r\n\
--alt\r\n\
Content-Type: text/plain; charset=us-ascii\r\n\
Content-Language: en\r\n\
\r\n\
plain\r\n\
--alt\r\n\
Content-Type: text/html; charset=us-ascii\r\n\
\r\n\
<p>html</p>\r\n\
--alt--\r\n";

fn forward() -> Vec<u8> {
    let mut m = b"From: Alice <alice@example.org>\r\n\
To: Friends: bob@example.org, carol@example.org;\r\n\
Subject: Fwd: back\r\n\
Message-ID: <fwd@example.org>\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"outer\"\r\n\
\r\n\
--outer\r\n\
Content-Type: text/plain\r\n\
\r\n\
see attached\r\n\
--outer\r\n\
Content-Type: message/rfc822\r\n\
Content-Disposition: attachment; filename=\"back.eml\"\r\n\
\r\n"
        .to_vec();
    m.extend_from_slice(NESTED);
    m.extend_from_slice(b"\r\n--outer--\r\n");
    m
}

fn bytes<'a>(b: &'a Option<ByteStr<'static>>) -> &'a [u8] {
    b.as_ref().map(|b| b.as_bytes()).unwrap_or(b"<NIL>")
}

/// Names of the addresses, groups shown as `[group` and `]`.
fn names(addresses: &[Address<'static>]) -> Vec<String> {
    let show = |a: &Address<'static>| match (a.is_group_start(), a.is_group_end()) {
        (true, _) => format!("[{}", String::from_utf8_lossy(bytes(&a.mailbox))),
        (_, true) => "]".to_owned(),
        _ => format!(
            "{}@{}",
            String::from_utf8_lossy(bytes(&a.mailbox)),
            String::from_utf8_lossy(bytes(&a.host))
        ),
    };
    addresses.iter().map(show).collect()
}

fn check_outer_envelope(env: &Envelope<'static>) {
    assert_eq!(bytes(&env.subject), b"Fwd: back");
    assert_eq!(names(&env.to), ["[Friends", "bob@example.org", "carol@example.org", "]"]);
    assert_eq!(bytes(&env.message_id), b"<fwd@example.org>");
}

fn check_nested_envelope(env: &Envelope<'static>) {
    assert_eq!(bytes(&env.subject), br#"back\slash "quoted" subject"#);
    assert_eq!(bytes(&env.from[0].name), br#"Dr. "Q" Quote"#);
    assert_eq!(names(&env.to), ["[undisclosed-recipients", "]"]);
    assert_eq!(bytes(&env.in_reply_to), b"<earlier@example.net>");
}

fn check_structure(body: &BodyStructure<'static>, extended: bool) {
    let BodyStructure::Multi(mixed) = body else { panic!("{body:?}") };
    assert!(mixed.subtype.as_bytes().eq_ignore_ascii_case(b"mixed"));
    assert_eq!(mixed.extension.is_some(), extended, "{mixed:?}");
    let Some(BodyStructure::Single(rfc822)) = body.part(&[2]) else { panic!("{body:?}") };
    assert!(rfc822.media_type.as_bytes().eq_ignore_ascii_case(b"message"));
    let SinglePartKind::Message { envelope, body: inner, .. } = &rfc822.kind else { panic!("{rfc822:?}") };
    check_nested_envelope(envelope);
    let BodyStructure::Multi(alt) = inner.as_ref() else { panic!("{inner:?}") };
    assert!(alt.subtype.as_bytes().eq_ignore_ascii_case(b"alternative"));
    let Some(BodyStructure::Single(html)) = body.part(&[2, 2]) else { panic!("{body:?}") };
    assert!(html.media_subtype.as_bytes().eq_ignore_ascii_case(b"html"));
    assert!(matches!(html.kind, SinglePartKind::Text { .. }));
    if extended {
        let disposition =
            rfc822.extension.as_ref().and_then(|e| e.common.disposition.as_ref()).expect("disposition");
        assert!(disposition.kind.as_bytes().eq_ignore_ascii_case(b"attachment"));
        assert_eq!(disposition.params[0].value.as_bytes(), b"back.eml");
        let Some(BodyStructure::Single(plain)) = body.part(&[2, 1]) else { panic!("{body:?}") };
        let language = &plain.extension.as_ref().expect("extension").common.language;
        // Cyrus upper-cases it: `("EN")`.
        assert_eq!(language.len(), 1, "{language:?}");
        assert!(language[0].as_bytes().eq_ignore_ascii_case(b"en"), "{language:?}");
    }
}

/// ENVELOPE with a group and escapes; BODYSTRUCTURE (extended) and BODY
/// (basic) with the nested message; the nested message's own bytes as
/// `BODY[2]`, its header as `BODY[2.HEADER]`; RFC822.HEADER, RFC822.TEXT
/// and RFC822.SIZE agree with the appended bytes (RFC822.TEXT sets
/// `\Seen`, which comes back as FLAGS).
pub fn nested_message_structure(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "structure");
    let message = forward();
    append(&mut s, &mb, &message);
    s.run(Select::new(&mb).unwrap()).unwrap();
    let items = FetchItems::Attrs(vec![
        FetchAttr::Envelope,
        FetchAttr::BodyStructure,
        FetchAttr::Body,
        FetchAttr::Rfc822Header,
        FetchAttr::Rfc822Text,
        FetchAttr::body_peek(typed_imap::types::Section { part: vec![2], text: None }),
    ]);
    let fetched = s.run(Fetch::new(SequenceSet::single(1).unwrap(), items)).unwrap();
    let split = message.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    let mut seen = 0;
    for item in &fetched.messages[0].items {
        seen += 1;
        match item {
            FetchItem::Envelope(env) => check_outer_envelope(env),
            FetchItem::BodyStructure(body) => check_structure(body, true),
            FetchItem::Body(body) => check_structure(body, false),
            FetchItem::Rfc822Header(h) => assert_eq!(bytes(h), &message[..split]),
            FetchItem::Rfc822Text(t) => assert_eq!(bytes(t), &message[split..]),
            FetchItem::BodySection { data, .. } => assert_eq!(bytes(data), NESTED),
            // RFC822.TEXT is not a peek: the server reports the new \Seen.
            FetchItem::Flags(flags) => {
                assert!(flags.contains(&Flag::Seen), "{flags:?}");
                seen -= 1;
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(seen, 6);
    let full = s.run(Fetch::new(SequenceSet::single(1).unwrap(), FetchItems::FULL)).unwrap();
    let items = &full.messages[0].items;
    assert!(items.contains(&FetchItem::Rfc822Size(message.len() as u64)), "{items:?}");
    assert!(items.iter().any(|i| matches!(i, FetchItem::Body(b) if b.part(&[2, 1]).is_some())), "{items:?}");
    cleanup(&mut s, &mb);
}
