//! Wire snapshots of every command-argument type and its edge cases
//! (RFC 3501 sections 4 and 9, RFC 7888, RFC 3516, RFC 6855).
//!
//! Each case encodes one value after `A1 X ` and shows the fragments, bytes
//! escaped so `\r\n` shows: `Line("A1 X {3}\r\n")`, `Literal(Sync, "abc")`.
//! A refused value shows as `Err(...)`.

use chrono::{FixedOffset, NaiveDate, TimeZone};
use typed_imap::types::{
    AString, Atom, Capability, EntryType, FetchAttr, FetchItems, Flag, InternalDate, Literal, Mailbox,
    NString, Partial, SearchKey, Section, SectionText, SequenceSet, StatusAttr, Tag,
};
use typed_imap::wire::encode::{Encode, EncodeOptions, Encoder, Fragment};

/// Shows the fragments of `A1 X <value>`; long data is summarised.
fn show_with<T: Encode + ?Sized>(options: EncodeOptions, value: &T) -> String {
    let mut enc = Encoder::new(options);
    enc.raw(b"A1 X ").unwrap();
    if let Err(e) = enc.encode(value) {
        return format!("Err({e})");
    }
    lines(enc.finish())
}

fn lines(fragments: Vec<Fragment>) -> String {
    fragments.iter().map(show_fragment).collect::<Vec<_>>().join("\n")
}

fn show_fragment(f: &Fragment) -> String {
    match f {
        Fragment::Literal { data, mode, binary } if data.len() > 80 => {
            format!(
                "Literal{}({mode:?}, {} bytes, all {:?})",
                if *binary { "8" } else { "" },
                data.len(),
                data[0] as char
            )
        }
        Fragment::Line(l) if l.len() > 200 => {
            format!(
                "Line({} bytes: \"{}\"..\"{}\")",
                l.len(),
                l[..8].escape_ascii(),
                l[l.len() - 8..].escape_ascii()
            )
        }
        other => format!("{other:?}"),
    }
}

fn show<T: Encode + ?Sized>(value: &T) -> String {
    show_with(EncodeOptions::default(), value)
}

fn plus() -> EncodeOptions {
    EncodeOptions::default().with_literal_plus(true)
}

fn minus() -> EncodeOptions {
    EncodeOptions::default().with_literal_minus(true)
}

fn binary() -> EncodeOptions {
    EncodeOptions::default().with_binary(true)
}

fn utf8() -> EncodeOptions {
    EncodeOptions::default().with_utf8(true)
}

fn astr(s: &[u8]) -> AString<'_> {
    AString::new(s).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn set(s: &str) -> SequenceSet {
    s.parse().unwrap()
}

macro_rules! snap {
    ($name:literal, $text:expr) => {
        insta::assert_snapshot!($name, $text)
    };
}

#[test]
fn astring() {
    snap!("astring_atom", show("INBOX"));
    snap!("astring_empty", show(""));
    snap!("astring_space", show("two words"));
    snap!("astring_dquote", show("say \"hi\""));
    snap!("astring_backslash", show("a\\b"));
    snap!("astring_resp_special", show("a]b"));
    snap!("astring_list_wildcards", show("a%b*"));
    snap!("astring_brace", show("{3}"));
    snap!("astring_nil_text", show("NIL"));
    snap!("astring_crlf", show("a\r\nA2 DELETE INBOX"));
    snap!("astring_lone_cr", show("a\rb"));
    snap!("astring_lone_lf", show("a\nb"));
    snap!("astring_tab", show("a\tb"));
    snap!("astring_8bit", show("Grüße"));
    snap!("astring_8bit_utf8_accept", show_with(utf8(), "Grüße"));
    snap!("astring_invalid_utf8_utf8_accept", show_with(utf8(), &astr(b"a\xffb")));
    snap!("astring_nul", show("a\0b"));
    snap!("astring_1024_bytes", show(&"a".repeat(1024)));
    snap!("astring_1025_bytes", show(&"a".repeat(1025)));
    snap!("astring_from_string", show(&String::from("x y")));
}

#[test]
fn atom_and_tag() {
    snap!("atom_valid", show(&Atom::new("FLAGS").unwrap()));
    snap!("atom_refuses_space", format!("{:?}", Atom::new("a b")));
    snap!("atom_refuses_bracket", format!("{:?}", Atom::new("a]")));
    snap!("atom_from_wire_bracket", {
        let mut enc = Encoder::new(EncodeOptions::default());
        format!("{:?}", enc.atom("a]").map(|_| ()))
    });
    snap!("tag_valid", show(&Tag::new("A001").unwrap()));
    snap!("tag_refuses_plus", format!("{:?}", Tag::new("A+1")));
}

#[test]
fn string_and_nstring() {
    let string = |s: &[u8]| {
        let mut enc = Encoder::new(EncodeOptions::default());
        match enc.string(s) {
            Ok(_) => lines(enc.finish()),
            Err(e) => format!("Err({e})"),
        }
    };
    snap!("string_never_atom", string(b"abc"));
    snap!("string_empty", string(b""));
    snap!("string_nul", string(b"\0"));
    snap!("nstring_nil", show(&NString::nil()));
    snap!("nstring_nil_text", show(&NString::new(b"NIL").unwrap()));
    snap!("nstring_crlf", show(&NString::new(b"a\r\n").unwrap()));
    snap!("nstring_nul", format!("{:?}", NString::new(b"\0")));
}

#[test]
fn literal() {
    snap!("literal_default_sync", show(&Literal::new(b"secret").unwrap()));
    snap!("literal_password_forced", show(&Literal::new(b"hunter2").unwrap()));
    snap!("literal_literal_plus", show_with(plus(), &Literal::new(b"abc").unwrap()));
    snap!("literal_literal_minus_small", show_with(minus(), &Literal::new(b"abc").unwrap()));
    snap!("literal_literal_minus_4096", show_with(minus(), &Literal::new(vec![b'x'; 4096]).unwrap()));
    snap!("literal_literal_minus_4097", show_with(minus(), &Literal::new(vec![b'x'; 4097]).unwrap()));
    snap!("literal_literal_plus_4097", show_with(plus(), &Literal::new(vec![b'x'; 4097]).unwrap()));
    snap!("literal_sync_under_literal_plus", show_with(plus(), &Literal::sync(b"abc").unwrap()));
    snap!("literal_non_sync_refused", show(&Literal::non_sync(b"abc").unwrap()));
    snap!("literal_non_sync_allowed", show_with(plus(), &Literal::non_sync(b"abc").unwrap()));
    snap!("literal_nul_refused", format!("{:?}", Literal::new(b"a\0b")));
    snap!("literal_empty", show(&Literal::new(b"").unwrap()));
    snap!("literal_crlf_data", show(&Literal::new(b"line\r\n").unwrap()));
    snap!("literal8_binary", show_with(binary(), &Literal::binary(b"a\0b")));
    snap!("literal8_without_binary", show(&Literal::binary(b"a\0b")));
    snap!(
        "literal8_binary_literal_plus",
        show_with(binary().with_literal_plus(true), &Literal::binary(b"\0"))
    );
    snap!("literal_two_in_one_command", {
        let mut enc = Encoder::new(plus());
        enc.raw(b"A1 LOGIN").unwrap().sp().astring(b"fred\n").unwrap().sp().literal(b"pw").unwrap();
        lines(enc.finish())
    });
}

#[test]
fn mailbox() {
    let mb = |s: &str| Mailbox::new(s).unwrap();
    snap!("mailbox_inbox", show(&Mailbox::inbox()));
    snap!("mailbox_inbox_lowercase", show(&mb("inbox")));
    snap!("mailbox_inbox_mixed_case", show(&mb("InBoX")));
    snap!("mailbox_inbox_child_keeps_case", show(&mb("inbox.Sent")));
    snap!("mailbox_plain", show(&mb("Archive/2024")));
    snap!("mailbox_space", show(&mb("My Folder")));
    snap!("mailbox_utf7_umlaut", show(&mb("Entwürfe")));
    snap!("mailbox_utf7_cyrillic", show(&mb("Отправленные")));
    snap!("mailbox_utf7_cjk", show(&mb("~peter/mail/台北/日本語")));
    snap!("mailbox_ampersand", show(&mb("R&D")));
    snap!("mailbox_utf8_accept", show_with(utf8(), &mb("Entwürfe")));
    snap!("mailbox_wildcard_chars", show(&mb("a%*")));
    snap!("mailbox_empty", show(&mb("")));
    snap!("mailbox_nul", format!("{:?}", Mailbox::new("a\0")));
}

#[test]
fn sequence_set() {
    snap!("sequence_set_single", show(&SequenceSet::single(7).unwrap()));
    snap!("sequence_set_range", show(&set("1:3")));
    snap!("sequence_set_star", show(&set("*")));
    snap!("sequence_set_mixed", show(&set("1:3,6:*")));
    snap!("sequence_set_saved", show(&SequenceSet::saved()));
    snap!("sequence_set_all", show(&SequenceSet::all()));
    snap!("sequence_set_from_numbers", show(&SequenceSet::from_numbers([1, 2, 3, 5, 8, 9]).unwrap()));
    snap!("sequence_set_from_range_inclusive", show(&SequenceSet::try_from(1..=5).unwrap()));
    snap!("sequence_set_from_range_from", show(&SequenceSet::try_from(3..).unwrap()));
    snap!("sequence_set_normalised", show(&set("9,*,2:4,1,5:3,20:*").normalise()));
    snap!("sequence_set_zero_refused", format!("{:?}", "0:3".parse::<SequenceSet>()));
    snap!("sequence_set_empty_refused", format!("{:?}", SequenceSet::from_numbers([])));
    snap!("sequence_set_garbage_refused", format!("{:?}", "1,2 3".parse::<SequenceSet>()));
}

#[test]
fn flag() {
    snap!("flag_seen", show(&Flag::Seen));
    snap!("flag_keyword", show(&Flag::keyword("$Forwarded").unwrap()));
    snap!("flag_extension", show(&"\\Custom".parse::<Flag>().unwrap()));
    snap!("flag_list", show(&vec![Flag::Seen, Flag::Deleted, Flag::keyword("Junk").unwrap()]));
    snap!("flag_list_empty", show(&Vec::<Flag>::new()));
    snap!("flag_keyword_refused", format!("{:?}", Flag::keyword("a b")));
}

#[test]
fn internal_date() {
    let at = |d: u32| {
        let zone = FixedOffset::west_opt(7 * 3600).unwrap();
        InternalDate::from(zone.with_ymd_and_hms(1996, 7, d, 2, 44, 25).unwrap())
    };
    snap!("internal_date_two_digit_day", show(&at(17)));
    snap!("internal_date_one_digit_day", show(&at(7)));
    snap!("date_search_form", show(&date(1994, 2, 1)));
    snap!("date_year_10000_refused", show(&date(10_000, 1, 1)));
    snap!(
        "internal_date_half_hour_zone",
        show(&"1-Jan-2024 00:00:00 +0530".parse::<InternalDate>().unwrap())
    );
}

#[test]
fn numbers_and_capabilities() {
    snap!("number_u32", show(&4_294_967_295u32));
    snap!("number_u64", show(&9_223_372_036_854_775_807u64));
    snap!("number_u64_over_63_bits", show(&u64::MAX));
    snap!(
        "capability_list",
        show(&vec![Capability::new("CONDSTORE").unwrap(), Capability::new("UTF8=ACCEPT").unwrap()])
    );
}

#[test]
fn status_attr() {
    use StatusAttr::*;
    snap!("status_attr_one", show(&UidNext));
    snap!(
        "status_attr_all",
        show(&vec![
            Messages,
            Recent,
            UidNext,
            UidValidity,
            Unseen,
            Deleted,
            DeletedStorage,
            Size,
            HighestModSeq,
            AppendLimit,
            MailboxId
        ])
    );
    snap!("status_attr_other", show(&vec![Other(Atom::new("X-GUID").unwrap())]));
}

#[test]
fn fetch() {
    let section = |part: Vec<u32>, text: Option<SectionText<'static>>| Section { part, text };
    let fields = || vec![b"From".as_slice().into(), b"Subject".as_slice().into()];
    snap!("fetch_all", show(&FetchItems::ALL));
    snap!("fetch_fast", show(&FetchItems::FAST));
    snap!("fetch_full", show(&FetchItems::FULL));
    snap!("fetch_single_attr_parenthesised", show(&FetchItems::from(FetchAttr::Uid)));
    snap!("fetch_empty_refused", show(&FetchItems::Attrs(vec![])));
    snap!(
        "fetch_simple_attrs",
        show(&FetchItems::from(vec![
            FetchAttr::Envelope,
            FetchAttr::Flags,
            FetchAttr::InternalDate,
            FetchAttr::Rfc822,
            FetchAttr::Rfc822Header,
            FetchAttr::Rfc822Text,
            FetchAttr::Rfc822Size,
            FetchAttr::Body,
            FetchAttr::BodyStructure,
            FetchAttr::Uid,
            FetchAttr::ModSeq,
            FetchAttr::EmailId,
            FetchAttr::ThreadId,
            FetchAttr::SaveDate,
            FetchAttr::Preview,
        ]))
    );
    snap!("fetch_preview_lazy", show(&FetchItems::from(vec![FetchAttr::Envelope, FetchAttr::PreviewLazy])));
    snap!("fetch_body_whole", show(&FetchAttr::body(Section::default())));
    snap!("fetch_body_peek_header", show(&FetchAttr::body_peek(section(vec![], Some(SectionText::Header)))));
    snap!("fetch_body_part_text", show(&FetchAttr::body(section(vec![1, 2], Some(SectionText::Text)))));
    snap!("fetch_body_part", show(&FetchAttr::body(section(vec![3], None))));
    snap!("fetch_body_mime", show(&FetchAttr::body(section(vec![1], Some(SectionText::Mime)))));
    snap!("fetch_body_mime_without_part", show(&FetchAttr::body(section(vec![], Some(SectionText::Mime)))));
    snap!(
        "fetch_body_header_fields",
        show(&FetchAttr::body_peek(section(vec![], Some(SectionText::HeaderFields(fields())))))
    );
    snap!(
        "fetch_body_header_fields_not",
        show(&FetchAttr::body(section(vec![2], Some(SectionText::HeaderFieldsNot(fields())))))
    );
    snap!(
        "fetch_body_header_fields_empty",
        show(&FetchAttr::body(section(vec![], Some(SectionText::HeaderFields(vec![])))))
    );
    snap!(
        "fetch_body_partial",
        show(&FetchAttr::body_peek(Section::default()).with_partial(Partial::new(0, 1024).unwrap()))
    );
    snap!("fetch_part_zero", show(&FetchAttr::body(section(vec![1, 0], None))));
    snap!(
        "fetch_binary_peek_partial",
        show(&FetchAttr::binary_peek(vec![1]).with_partial(Partial::new(100, 200).unwrap()))
    );
    snap!("fetch_binary", show(&FetchAttr::Binary { part: vec![], partial: None, peek: false }));
    snap!("fetch_binary_size", show(&FetchAttr::BinarySize { part: vec![2, 1] }));
    snap!(
        "fetch_list",
        show(&FetchItems::from(vec![
            FetchAttr::Uid,
            FetchAttr::Flags,
            FetchAttr::body_peek(Section::default())
        ]))
    );
}

#[test]
fn search_key() {
    use SearchKey as K;
    let s = |v: &'static str| AString::try_from(v).unwrap();
    let d = date(1994, 2, 1);
    snap!("search_key_all", show(&K::All));
    snap!("search_key_answered", show(&K::Answered));
    snap!("search_key_bcc", show(&K::Bcc(s("fred@example.org"))));
    snap!("search_key_before", show(&K::Before(d)));
    snap!("search_key_body", show(&K::Body(s("hello world"))));
    snap!("search_key_cc", show(&K::Cc(s("x"))));
    snap!("search_key_deleted", show(&K::Deleted));
    snap!("search_key_draft", show(&K::Draft));
    snap!("search_key_flagged", show(&K::Flagged));
    snap!("search_key_from", show(&K::From(s("Smith"))));
    snap!("search_key_header", show(&K::Header(s("Message-ID"), s("<a@b>"))));
    snap!("search_key_header_empty_value", show(&K::Header(s("X-Spam"), s(""))));
    snap!("search_key_keyword", show(&K::Keyword(Atom::new("$Forwarded").unwrap())));
    snap!("search_key_larger", show(&K::Larger(10_000)));
    snap!("search_key_new", show(&K::New));
    snap!("search_key_not", show(&!K::Seen));
    snap!("search_key_old", show(&K::Old));
    snap!("search_key_on", show(&K::On(date(2024, 12, 25))));
    snap!("search_key_or", show(&(K::Seen | K::Flagged)));
    snap!("search_key_recent", show(&K::Recent));
    snap!("search_key_seen", show(&K::Seen));
    snap!("search_key_sent_before", show(&K::SentBefore(d)));
    snap!("search_key_sent_on", show(&K::SentOn(d)));
    snap!("search_key_sent_since", show(&K::SentSince(d)));
    snap!("search_key_since", show(&K::Since(d)));
    snap!("search_key_smaller", show(&K::Smaller(500)));
    snap!("search_key_subject", show(&K::Subject(s("Re: \"plans\""))));
    snap!("search_key_text", show(&K::Text(s("naïve"))));
    snap!("search_key_to", show(&K::To(s("a\r\nb"))));
    snap!("search_key_uid", show(&K::Uid(set("1:100,200:*"))));
    snap!("search_key_uid_saved", show(&K::Uid(SequenceSet::saved())));
    snap!("search_key_unanswered", show(&K::Unanswered));
    snap!("search_key_undeleted", show(&K::Undeleted));
    snap!("search_key_undraft", show(&K::Undraft));
    snap!("search_key_unflagged", show(&K::Unflagged));
    snap!("search_key_unkeyword", show(&K::Unkeyword(Atom::new("Junk").unwrap())));
    snap!("search_key_unseen", show(&K::Unseen));
    snap!("search_key_sequence_set", show(&K::SequenceSet(set("2:4,*"))));
    snap!("search_key_and", show(&(K::Deleted & K::From(s("Smith")) & K::Since(d))));
    snap!("search_key_and_empty", show(&K::And(vec![])));
    snap!("search_key_nested", show(&(!(K::Seen | K::Flagged) & (K::Larger(1) | !K::Draft))));
    snap!("search_key_modseq", show(&K::ModSeq { entry: None, modseq: 620_162_338 }));
    snap!(
        "search_key_modseq_entry",
        show(&K::ModSeq { entry: Some((Flag::Draft, EntryType::All)), modseq: 620_162_338 })
    );
    snap!(
        "search_key_modseq_keyword_private",
        show(&K::ModSeq { entry: Some((Flag::keyword("$Junk").unwrap(), EntryType::Private)), modseq: 1 })
    );
    snap!("search_key_older", show(&K::Older(3600)));
    snap!("search_key_younger", show(&K::Younger(60)));
    for zero in [K::Older(0), K::Younger(0), !K::Older(0)] {
        // `nz-number` (RFC 5032 section 3): refused rather than sent.
        assert_eq!(
            show(&zero),
            "Err(invalid search key: OLDER and YOUNGER take a non-zero number)",
            "{zero:?}"
        );
    }
    snap!("search_key_emailid", show(&K::EmailId(Atom::new("M6d99ac3275bb4e").unwrap())));
    snap!("search_key_threadid", show(&K::ThreadId(Atom::new("T64b478a75b7ea9").unwrap())));
    snap!("search_key_saved_before", show(&K::SavedBefore(d)));
    snap!("search_key_saved_on", show(&K::SavedOn(d)));
    snap!("search_key_saved_since", show(&K::SavedSince(d)));
    snap!("search_key_savedate_supported", show(&K::SaveDateSupported));
    snap!("search_key_date_year_10000", show(&K::Since(date(10_000, 1, 1))));
    snap!("search_key_program", show(&vec![K::Unseen, K::Since(d)]));
    snap!("search_key_literal_utf8_accept", show_with(utf8(), &K::Subject(s("Grüße"))));
}

/// RFC 6855 section 4: APPEND's `UTF8 (~{n})` needs no BINARY, but only
/// BINARY lets a literal8 carry NUL.
#[test]
fn literal8_under_utf8_accept_without_binary() {
    let utf8 = EncodeOptions::default().with_utf8(true);
    assert!(Encoder::new(utf8).literal8("Subject: ü\r\n".as_bytes()).is_ok());
    assert!(Encoder::new(utf8).literal8(b"a\0b").is_err());
    assert!(Encoder::new(EncodeOptions::default()).literal8(b"abc").is_err());
    assert!(Encoder::new(EncodeOptions::default().with_binary(true)).literal8(b"a\0b").is_ok());
}
