//! Status responses, response codes and continuations of the response
//! grammar (RFC 3501 / RFC 9051 section 9 and the extension RFCs) on
//! realistic server lines, Dovecot and Cyrus style, plus errors and
//! ownership; untagged data is in `parse_data.rs`. Tests named
//! `cNN_...` cover item NN of conformance section F.

mod parse_support;

use parse_support::{bs, data, parse, set, status};
use typed_imap::types::*;
use typed_imap::wire::{ParseError, parse_response};

fn code(bytes: &[u8]) -> Code<'_> {
    status(bytes).code.expect("a code")
}

// ---- greeting and status responses ----

#[test]
fn greeting_ok_with_capability_code() {
    let s = status(b"* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN] Dovecot ready.\r\n");
    assert_eq!(s.tag, None);
    assert_eq!(s.kind, StatusKind::Ok);
    let Some(Code::Capability(caps)) = s.code else { panic!("{:?}", s.code) };
    assert_eq!(caps.len(), 8);
    assert!(caps[0].is("IMAP4REV1"));
    assert!(caps[7].is("auth=plain"));
    assert_eq!(s.text, bs("Dovecot ready."));
}

#[test]
fn greeting_preauth_and_bye() {
    let s = status(b"* PREAUTH IMAP4rev1 logged in\r\n");
    assert_eq!((s.kind, s.text), (StatusKind::PreAuth, bs("IMAP4rev1 logged in")));
    let s = status(b"* BYE Autologout; idle for too long\r\n");
    assert_eq!((s.kind, s.text), (StatusKind::Bye, bs("Autologout; idle for too long")));
}

#[test]
fn tagged_ok_no_bad() {
    let s = status(b"A0001 OK [READ-WRITE] SELECT completed\r\n");
    assert_eq!(s.tag.as_ref().map(Tag::as_str), Some("A0001"));
    assert_eq!((s.kind, s.code, s.text), (StatusKind::Ok, Some(Code::ReadWrite), bs("SELECT completed")));
    let s = status(b"a2 NO [TRYCREATE] no such mailbox\r\n");
    assert_eq!((s.kind, s.code), (StatusKind::No, Some(Code::TryCreate)));
    let s = status(b"a3 BAD Syntax error\r\n");
    assert_eq!((s.kind, s.code, s.text), (StatusKind::Bad, None, bs("Syntax error")));
}

#[test]
fn c65_codes_in_untagged_and_tagged_responses() {
    assert_eq!(code(b"* OK [UIDVALIDITY 3857529045] UIDs valid\r\n"), Code::UidValidity(3857529045));
    assert_eq!(code(b"* OK [UIDNEXT 4392] Predicted next UID\r\n"), Code::UidNext(4392));
    assert_eq!(code(b"* OK [UNSEEN 12] Message 12 is first unseen\r\n"), Code::Unseen(12));
    assert_eq!(code(b"A1 OK [READ-ONLY] EXAMINE completed\r\n"), Code::ReadOnly);
    assert_eq!(code(b"* OK [ALERT] System shutdown in 10 minutes\r\n"), Code::Alert);
    assert_eq!(code(b"A2 NO [NONEXISTENT] Unknown Mailbox\r\n"), Code::NonExistent);
    assert_eq!(code(b"* OK [HIGHESTMODSEQ 715194045007] Highest\r\n"), Code::HighestModSeq(715194045007));
    assert_eq!(
        code(b"A3 OK [APPENDUID 38505 3955] APPEND completed\r\n"),
        Code::AppendUid { uid_validity: 38505, uids: set(&[(3955, 3955)]) }
    );
    assert_eq!(
        code(b"A4 OK [COPYUID 38505 304,319:320 3956:3958] Done\r\n"),
        Code::CopyUid {
            uid_validity: 38505,
            source: set(&[(304, 304), (319, 320)]),
            destination: set(&[(3956, 3958)])
        }
    );
}

#[test]
fn c65_unknown_code_kept_raw() {
    assert_eq!(
        code(b"* OK [XYZZY 1 2 (3)] odd\r\n"),
        Code::Other { name: bs("XYZZY"), data: Some(bs("1 2 (3)")) }
    );
    assert_eq!(
        code(b"* NO [X-GM-THROTTLED] slow down\r\n"),
        Code::Other { name: bs("X-GM-THROTTLED"), data: None }
    );
}

#[test]
fn c64_permanentflags_with_wildcard() {
    let c = code(b"* OK [PERMANENTFLAGS (\\Deleted \\*)] Limited\r\n");
    assert_eq!(c, Code::PermanentFlags(vec![Flag::Deleted, Flag::Wildcard]));
    assert_eq!(
        code(b"* OK [PERMANENTFLAGS ()] No permanent flags permitted\r\n"),
        Code::PermanentFlags(vec![])
    );
}

#[test]
fn c66_uidvalidity_code_text_after_bracket() {
    let s = status(b"* OK [UIDVALIDITY 123] Ready [sic]\r\n");
    assert_eq!(s.code, Some(Code::UidValidity(123)));
    assert_eq!(s.text, bs("Ready [sic]"));
}

#[test]
fn codes_without_arguments() {
    let cases: [(&str, Code<'static>); 30] = [
        ("PARSE", Code::Parse),
        ("TRYCREATE", Code::TryCreate),
        ("UIDNOTSTICKY", Code::UidNotSticky),
        ("NOMODSEQ", Code::NoModSeq),
        ("CLOSED", Code::Closed),
        ("UNAVAILABLE", Code::Unavailable),
        ("AUTHENTICATIONFAILED", Code::AuthenticationFailed),
        ("AUTHORIZATIONFAILED", Code::AuthorizationFailed),
        ("EXPIRED", Code::Expired),
        ("PRIVACYREQUIRED", Code::PrivacyRequired),
        ("CONTACTADMIN", Code::ContactAdmin),
        ("NOPERM", Code::NoPerm),
        ("INUSE", Code::InUse),
        ("EXPUNGEISSUED", Code::ExpungeIssued),
        ("CORRUPTION", Code::Corruption),
        ("SERVERBUG", Code::ServerBug),
        ("CLIENTBUG", Code::ClientBug),
        ("CANNOT", Code::Cannot),
        ("LIMIT", Code::Limit),
        ("OVERQUOTA", Code::OverQuota),
        ("ALREADYEXISTS", Code::AlreadyExists),
        ("NONEXISTENT", Code::NonExistent),
        ("NOTSAVED", Code::NotSaved),
        ("HASCHILDREN", Code::HasChildren),
        ("UNKNOWN-CTE", Code::UnknownCte),
        ("COMPRESSIONACTIVE", Code::CompressionActive),
        ("USEATTR", Code::UseAttr),
        ("TOOBIG", Code::TooBig),
        ("READ-WRITE", Code::ReadWrite),
        ("ALERT", Code::Alert),
    ];
    for (name, expected) in cases {
        let line = format!("t1 NO [{name}] text\r\n");
        let s = status(line.as_bytes()).into_owned();
        assert_eq!(s.code, Some(expected), "{name}");
        assert_eq!(s.text, bs("text"));
    }
}

#[test]
fn codes_with_arguments() {
    assert_eq!(
        code(b"t1 NO [BADCHARSET (UTF-8 \"US-ASCII\")] bad\r\n"),
        Code::BadCharset(vec![bs("UTF-8"), bs("US-ASCII")])
    );
    assert_eq!(code(b"t1 NO [BADCHARSET] bad\r\n"), Code::BadCharset(vec![]));
    assert_eq!(
        code(b"t1 OK [MODIFIED 7,9] Conditional STORE failed\r\n"),
        Code::Modified(set(&[(7, 7), (9, 9)]))
    );
    assert_eq!(
        code(b"t1 OK [METADATA LONGENTRIES 2199] done\r\n"),
        Code::Metadata(MetadataCode::LongEntries(2199))
    );
    assert_eq!(
        code(b"t1 NO [METADATA MAXSIZE 1024] too big\r\n"),
        Code::Metadata(MetadataCode::MaxSize(1024))
    );
    assert_eq!(code(b"t1 NO [METADATA TOOMANY] many\r\n"), Code::Metadata(MetadataCode::TooMany));
    assert_eq!(code(b"t1 NO [METADATA NOPRIVATE] no\r\n"), Code::Metadata(MetadataCode::NoPrivate));
    assert_eq!(
        code(b"t1 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/] Remote\r\n"),
        Code::Referral(bs("IMAP://user;AUTH=*@SERVER2/"))
    );
    assert_eq!(
        code(b"t1 OK [MAILBOXID (F2212ea87-6097-4256-9d51-71338625)] Created\r\n"),
        Code::MailboxId(bs("F2212ea87-6097-4256-9d51-71338625"))
    );
}

#[test]
fn malformed_known_code_falls_back_to_other() {
    let s = status(b"* OK [UIDVALIDITY abc] weird\r\n");
    assert_eq!(s.code, Some(Code::Other { name: bs("UIDVALIDITY"), data: Some(bs("abc")) }));
    assert_eq!(s.text, bs("weird"));
    assert_eq!(
        code(b"t1 OK [APPENDUID 1] short\r\n"),
        Code::Other { name: bs("APPENDUID"), data: Some(bs("1")) }
    );
}

#[test]
fn bracket_without_code_is_text() {
    let s = status(b"* OK [not closed\r\n");
    assert_eq!((s.code, s.text), (None, bs("[not closed")));
}

// ---- continuation requests ----

#[test]
fn continuation_forms() {
    let text = |b: &'static [u8]| match parse(b) {
        Response::Continue(c) => c,
        other => panic!("{other:?}"),
    };
    assert_eq!(text(b"+ Ready for literal data\r\n").text, bs("Ready for literal data"));
    assert_eq!(text(b"+\r\n").text, bs(""));
    assert_eq!(text(b"+ \r\n").text, bs(""));
    assert_eq!(text(b"+ PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ=\r\n").code, None);
    let c = text(b"+ [ALERT] go on\r\n");
    assert_eq!((c.code, c.text), (Some(Code::Alert), bs("go on")));
}

// ---- errors and ownership ----

#[test]
fn malformed_response_is_skipped_and_next_parses() {
    let first = b"* LIST (\\Noselect \"/\" foo\r\n";
    let buf = [&first[..], b"* 3 EXISTS\r\n"].concat();
    let Err(ParseError::Malformed(m)) = parse_response(&buf) else { panic!("malformed LIST parsed") };
    assert_eq!(m.response_len(), first.len());
    let (r, used) = parse_response(&buf[m.response_len()..]).unwrap();
    assert_eq!((r, used), (Response::Data(Data::Exists(3)), 12));
}

#[test]
fn malformed_known_responses_are_errors() {
    for line in [
        &b"* STATUS INBOX (MESSAGES x)\r\n"[..],
        b"* QUOTA \"\" (STORAGE 1)\r\n",
        b"* 3 FETCH\r\n",
        b"a1 HELLO there\r\n",
        b"* VANISHED\r\n",
    ] {
        let r = parse_response(line);
        assert!(matches!(r, Err(ParseError::Malformed(ref m)) if m.response_len() == line.len()), "{r:?}");
    }
}

#[test]
fn into_owned_detaches_everything() {
    let lines: [&[u8]; 12] = [
        b"* OK [PERMANENTFLAGS (\\Seen $Junk \\*)] ok\r\n",
        b"+ [ALERT] go\r\n",
        b"* LIST (\\Marked \\XOther) \"/\" {3}\r\nabc (\"X\" (1))\r\n",
        b"* STATUS x (MAILBOXID (ab) X-Y \"v\")\r\n",
        b"* ESEARCH (TAG \"t\" MAILBOX \"m\" UIDVALIDITY 2) X-Z \"q\"\r\n",
        b"* NAMESPACE ((\"\" \"/\" \"E\" (\"v\"))) NIL NIL\r\n",
        b"* ACL INBOX a b\r\n",
        b"* LISTRIGHTS INBOX a b c\r\n",
        b"* METADATA INBOX (/a \"b\")\r\n",
        b"* ANNOTATION INBOX \"/c\" (\"v\" \"w\")\r\n",
        b"* ID (\"k\" \"v\")\r\n",
        b"* 1 FETCH (FLAGS (\\Seen))\r\n",
    ];
    for line in lines {
        let copy = line.to_vec();
        let owned: Response<'static> = parse(&copy).into_owned();
        drop(copy);
        assert_eq!(owned, parse(line), "{}", line.escape_ascii());
    }
}

/// Every prefix and many one-byte mutations of realistic lines: the
/// parser returns (Ok or Err), never panics, and a Malformed error always
/// spans the framed response.
#[test]
fn mutated_lines_never_panic() {
    let lines: [&[u8]; 10] = [
        b"* OK [COPYUID 38505 304,319:320 3956:3958] Done\r\n",
        b"* LIST (\\HasNoChildren) \"/\" \"Entw&APw-rfe\" (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n",
        b"* STATUS \"INBOX\" (MESSAGES 231 SIZE 8 MAILBOXID (F2) APPENDLIMIT NIL)\r\n",
        b"* ESEARCH (TAG \"a\") UID PARTIAL (-1:-100 200:250) ALL 1:3\r\n",
        b"* THREAD (2)(3 6 (4 23)(44 7 96))\r\n",
        b"* NAMESPACE ((\"\" \"/\" \"X\" (\"a\"))) NIL ((\"#s/\" NIL))\r\n",
        b"* METADATA \"INBOX\" (/private/comment {3}\r\nabc /x NIL)\r\n",
        b"* ID (\"name\" \"Dovecot\")\r\n",
        b"+ [ALERT] go\r\n",
        b"* OK [PERMANENTFLAGS Answered \\*)] x\r\n",
    ];
    for line in lines {
        for end in 0..=line.len() {
            let _ = parse_response(&line[..end]);
        }
        for i in 0..line.len() {
            for b in [b'(', b')', b' ', b'[', b']', b'"', b'{', b'0', b'\\', 0xff] {
                let mut m = line.to_vec();
                m[i] = b;
                if let Err(ParseError::Malformed(e)) = parse_response(&m) {
                    assert!(e.response_len() <= m.len());
                }
            }
        }
    }
}

/// The server lines of conformance vectors V1, V2, V6, V8, V10 and V14
/// (imaplib's test suite) that are not FETCH data.
#[test]
fn imaplib_vectors_parse_typed() {
    assert_eq!(status(b"* OK IMAP4rev1\r\n").text, bs("IMAP4rev1"));
    assert!(matches!(data(b"* CAPABILITY IMAP4rev1\r\n"), Data::Capability(c) if c.len() == 1));
    assert_eq!(status(b"A1 OK LOGIN completed\r\n").text, bs("LOGIN completed"));
    assert_eq!(status(b"* BYE IMAP4ref1 Server logging out\r\n").kind, StatusKind::Bye);
    assert_eq!(code(b"A2 OK [READ-WRITE] SELECT completed.\r\n"), Code::ReadWrite);
    assert_eq!(
        status(b"A3 OK Returned to authenticated state. (Success)\r\n").text,
        bs("Returned to authenticated state. (Success)")
    );
    assert_eq!(status(b"A4 BAD No mailbox selected\r\n").kind, StatusKind::Bad);
    assert_eq!(code(b"A5 NO [AUTHENTICATIONFAILED] invalid\r\n"), Code::AuthenticationFailed);
    assert!(matches!(parse(b"+\r\n"), Response::Continue(c) if c.text.is_empty()));
    assert!(matches!(data(b"* LSUB () \".\" directoryA\r\n"), Data::Lsub(l) if l.delimiter == Some('.')));
    assert_eq!(status(b"A6 NO IDLE is not allowed at this time\r\n").kind, StatusKind::No);
    assert_eq!(
        data(b"* FLAGS (Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n"),
        Data::Flags(vec![
            Flag::Keyword(Atom::new("Answered").unwrap()),
            Flag::Flagged,
            Flag::Deleted,
            Flag::Seen,
            Flag::Draft
        ])
    );
    assert_eq!(
        code(b"A7 OK [APPENDUID 38505 3955] APPEND completed\r\n"),
        Code::AppendUid { uid_validity: 38505, uids: set(&[(3955, 3955)]) }
    );
    let Data::Status(s) = data(b"* STATUS INBOX (MESSAGES 17 UNSEEN 3)\r\n") else { panic!() };
    assert_eq!(s.items, [StatusItem::Messages(17), StatusItem::Unseen(3)]);
    assert_eq!(code(b"* OK [READ-ONLY] mailbox now read-only\r\n"), Code::ReadOnly);
    assert_eq!(status(b"* OK hello {3}\r\n").text, bs("hello {3}"));
}
