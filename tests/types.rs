//! The value types' public API: construction (valid by construction),
//! text forms, equality (RFC 3501 sections 2.3, 5.1, 6.4.4, 9).

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate, Timelike};
use typed_imap::types::{
    AString, Atom, Capability, FetchAttr, FetchItems, Flag, InternalDate, Literal, Mailbox, NString,
    SearchKey, Section, SeqNumber, SeqRange, SequenceSet, StatusAttr, Tag,
};
use typed_imap::wire::encode::EncodeOptions;

#[test]
fn mailbox_new_encodes_modified_utf7() {
    let m = Mailbox::new("Entwürfe").unwrap();
    assert_eq!(m.wire(), b"Entw&APw-rfe");
    assert_eq!(m.name(), "Entwürfe");
    assert_eq!(m.to_string(), "Entwürfe");
    assert_eq!(format!("{m:?}"), "Mailbox(\"Entwürfe\")");
    assert_eq!(Mailbox::new("a&b").unwrap().wire(), b"a&-b");
}

#[test]
fn mailbox_inbox_is_case_insensitive_and_hashes_alike() {
    let names = ["inbox", "INBOX", "Inbox", "iNbOx"];
    let set: HashSet<Mailbox> = names.iter().map(|n| Mailbox::new(n).unwrap()).collect();
    assert_eq!(set.len(), 1);
    assert!(set.contains(&Mailbox::inbox()));
    assert!(Mailbox::new("inBOX").unwrap().is_inbox());
    assert!(!Mailbox::new("INBOX/sub").unwrap().is_inbox());
}

#[test]
fn mailbox_refuses_nul_only() {
    assert_eq!(Mailbox::new("a\0").unwrap_err().offending_byte(), Some((0, 1)));
    assert!(Mailbox::new("").is_ok());
    assert!(Mailbox::new("line\r\nbreak").is_ok(), "sent as a literal, so allowed");
    assert_eq!("Sent".parse::<Mailbox>().unwrap(), Mailbox::try_from("Sent").unwrap());
}

#[test]
fn sequence_set_text_round_trip() {
    for text in ["1", "*", "1:3,6:*", "5:3", "$", "1,2,3", "4294967295"] {
        assert_eq!(text.parse::<SequenceSet>().unwrap().to_string(), text);
    }
}

#[test]
fn sequence_set_refuses_bad_text() {
    for bad in ["", "0", "1:0", "1,,2", "a", "1:2:3", "4294967296", "$,1", " 1", "1-3"] {
        assert!(bad.parse::<SequenceSet>().is_err(), "{bad:?} accepted");
    }
}

#[test]
fn sequence_set_builders() {
    assert_eq!(SequenceSet::try_from(1..=5).unwrap().to_string(), "1:5");
    assert_eq!(SequenceSet::try_from(1..5).unwrap().to_string(), "1:4");
    assert_eq!(SequenceSet::try_from(3..).unwrap().to_string(), "3:*");
    assert_eq!(SequenceSet::try_from(9).unwrap().to_string(), "9");
    assert!(SequenceSet::try_from(0).is_err());
    assert!(SequenceSet::try_from(0..=3).is_err());
    #[allow(clippy::reversed_empty_ranges)]
    let empty = 5..=3;
    assert!(SequenceSet::try_from(empty).is_err());
    assert!(SequenceSet::try_from(4..4).is_err());
    let ranges = [
        SeqRange::single(SeqNumber::new(2).unwrap()),
        SeqRange::new(SeqNumber::Largest, SeqNumber::new(7).unwrap()),
    ];
    assert_eq!(SequenceSet::from_ranges(ranges).unwrap().to_string(), "2,*:7");
    assert_eq!(SequenceSet::from_numbers([5, 6, 7, 1, 2]).unwrap().to_string(), "5:7,1:2");
}

#[test]
fn sequence_set_debug_is_dense() {
    assert_eq!(format!("{:?}", "1:3,6:*".parse::<SequenceSet>().unwrap()), "SequenceSet(\"1:3,6:*\")");
    assert_eq!(format!("{:?}", SeqRange::single(SeqNumber::Largest)), "SeqRange(*)");
}

#[test]
fn sequence_set_normalise_sorts_and_merges() {
    let set: SequenceSet = "9,7:8,1,2:3,5,*,20:*,30".parse().unwrap();
    assert_eq!(set.normalise().to_string(), "1:3,5,7:9,20:*");
    assert_eq!("5:3,3:1".parse::<SequenceSet>().unwrap().normalise().to_string(), "1:5");
    assert!(SequenceSet::saved().normalise().is_saved());
}

#[test]
fn sequence_set_numbers_resolve_star() {
    let set: SequenceSet = "2:4,*,3".parse().unwrap();
    assert_eq!(set.numbers(10).collect::<Vec<_>>(), [2, 3, 4, 10]);
    let reversed: SequenceSet = "5:*".parse().unwrap();
    assert_eq!(reversed.numbers(3).collect::<Vec<_>>(), [3, 4, 5], "5:* with 3 messages is 3:5");
    assert_eq!("*".parse::<SequenceSet>().unwrap().numbers(0).count(), 0);
    assert_eq!(SequenceSet::saved().numbers(10).count(), 0);
}

#[test]
fn flags_from_text() {
    let cases = [
        ("\\Seen", Flag::Seen),
        ("\\answered", Flag::Answered),
        ("\\FLAGGED", Flag::Flagged),
        ("\\Deleted", Flag::Deleted),
        ("\\Draft", Flag::Draft),
        ("\\Recent", Flag::Recent),
        ("\\*", Flag::Wildcard),
    ];
    for (text, flag) in cases {
        assert_eq!(text.parse::<Flag>().unwrap(), flag);
    }
    assert_eq!("$Forwarded".parse::<Flag>().unwrap(), Flag::Keyword(Atom::new("$Forwarded").unwrap()));
    assert_eq!("\\Important".parse::<Flag>().unwrap(), Flag::Extension(Atom::new("Important").unwrap()));
    assert_eq!("\\Important".parse::<Flag>().unwrap().to_string(), "\\Important");
    assert!("\\".parse::<Flag>().is_err());
    assert!("a(b".parse::<Flag>().is_err());
    assert_eq!(format!("{:?}", Flag::Seen), "Flag(\\Seen)");
}

#[test]
fn capability_forms() {
    let cap: Capability = "AUTH=XOAUTH2".parse().unwrap();
    assert_eq!(cap.auth_mechanism(), Some("XOAUTH2"));
    assert_eq!(Capability::new("auth=plain").unwrap().auth_mechanism(), Some("plain"));
    assert_eq!(Capability::new("IDLE").unwrap().auth_mechanism(), None);
    assert_eq!(Capability::new("SORT=DISPLAY").unwrap().auth_mechanism(), None);
    assert_eq!(Capability::new("IDLE").unwrap().key_value(), None);
    assert_eq!(Capability::new("imap4rev1").unwrap(), Capability::new("IMAP4rev1").unwrap());
    let set: HashSet<Capability> = ["idle", "IDLE", "Idle"].map(|c| Capability::new(c).unwrap()).into();
    assert_eq!(set.len(), 1);
    assert!(Capability::new("").is_err());
    assert!(Capability::new("A B").is_err());
}

#[test]
fn internal_date_text_forms() {
    let d: InternalDate = "17-Jul-1996 02:44:25 -0700".parse().unwrap();
    let dt = d.as_datetime();
    assert_eq!((dt.year(), dt.month(), dt.day(), dt.hour()), (1996, 7, 17, 2));
    assert_eq!(dt.offset().local_minus_utc(), -7 * 3600);
    assert_eq!(
        " 1-jan-2000 00:00:00 +0000".parse::<InternalDate>().unwrap().to_string(),
        "01-Jan-2000 00:00:00 +0000"
    );
    assert_eq!(
        "1-DEC-2000 23:59:59 +1400".parse::<InternalDate>().unwrap().to_string(),
        "01-Dec-2000 23:59:59 +1400"
    );
    for bad in [
        "17-Jul-96 02:44:25 -0700",
        "\"17-Jul-1996 02:44:25 -0700\"",
        "17-Jul-1996 02:44 -0700",
        "30-Feb-2000 00:00:00 +0000",
        "",
    ] {
        assert!(bad.parse::<InternalDate>().is_err(), "{bad:?} accepted");
    }
}

#[test]
fn strings_refuse_nul() {
    assert!(AString::new(b"a\0".as_slice()).is_err());
    assert!(NString::new(b"\0".as_slice()).is_err());
    assert!(Literal::new(b"\0".as_slice()).is_err());
    assert!(Literal::binary(b"\0".as_slice()).is_binary());
    assert_eq!(NString::nil().as_bytes(), None);
    assert_eq!(format!("{:?}", AString::try_from("a\r\n").unwrap()), "AString(\"a\\r\\n\")");
    assert_eq!(format!("{:?}", NString::nil()), "NString(NIL)");
    assert_eq!(format!("{:?}", Literal::binary(b"\0".as_slice())), "Literal8(\"\\x00\")");
}

#[test]
fn atoms_and_tags() {
    assert_eq!(Atom::new("").unwrap_err().to_string(), "atom may not be empty");
    assert_eq!(format!("{:?}", Atom::new("INBOX").unwrap()), "Atom(\"INBOX\")");
    assert!(Tag::new("A1").is_ok());
    assert!(Tag::new("A+1").is_err());
    assert!("x y".parse::<Atom>().is_err());
}

#[test]
fn search_key_composition() {
    let key = SearchKey::Seen & SearchKey::Flagged & SearchKey::Draft;
    assert_eq!(key, SearchKey::And(vec![SearchKey::Seen, SearchKey::Flagged, SearchKey::Draft]));
    assert_eq!(!SearchKey::Seen, SearchKey::Not(Box::new(SearchKey::Seen)));
    assert_eq!(SearchKey::Seen | SearchKey::Draft, SearchKey::Seen.or(SearchKey::Draft));
    let since = SearchKey::Since(NaiveDate::from_ymd_opt(2024, 3, 9).unwrap());
    assert_eq!(since.to_string(), "SINCE 9-Mar-2024");
    let owned: SearchKey<'static> = {
        let text = String::from("needle");
        SearchKey::Body(AString::try_from(text.as_str()).unwrap()).into_owned()
    };
    assert_eq!(owned.to_string(), "BODY needle");
}

#[test]
fn fetch_and_status_text() {
    assert_eq!(FetchAttr::body(Section::default()).to_string(), "BODY[]");
    assert_eq!(FetchAttr::Rfc822Size.to_string(), "RFC822.SIZE");
    assert_eq!(FetchItems::from(FetchAttr::Uid).into_owned(), FetchItems::Attrs(vec![FetchAttr::Uid]));
    assert_eq!(StatusAttr::HighestModSeq.name(), "HIGHESTMODSEQ");
    assert_eq!(StatusAttr::Other(Atom::new("X-GUID").unwrap()).to_string(), "X-GUID");
}

#[test]
fn encode_options_from_capabilities() {
    let caps: Vec<Capability> =
        ["IMAP4rev1", "literal+", "BINARY", "UTF8=ACCEPT"].map(|c| c.parse().unwrap()).into();
    let o = EncodeOptions::from_capabilities(&caps);
    assert!(o.literal_plus && o.binary && !o.literal_minus && !o.utf8);
    let rev2: Vec<Capability> = vec!["IMAP4rev2".parse().unwrap()];
    assert!(EncodeOptions::from_capabilities(&rev2).literal_minus, "IMAP4rev2 implies LITERAL-");
    assert_eq!(EncodeOptions::from_capabilities(&[]), EncodeOptions::default());
}
