//! Encode, then parse with the crate's own response grammar: the value
//! must come back unchanged (RFC 3501 section 9 rules shared by both
//! directions: astring, mailbox, sequence-set, flag, date-time).

use std::borrow::Cow;

use chrono::{FixedOffset, TimeZone};
use proptest::prelude::*;
use winnow::Parser;

use super::{EncodeOptions, Encoder, Fragment};
use crate::types::{AString, Flag, InternalDate, Mailbox, SearchKey, SeqNumber, SeqRange, SequenceSet};
use crate::wire::parse::{Input, ParseState, core, datetime, flag};

/// The bytes the fragments put on the wire, with the final CRLF removed.
fn wire(fragments: Vec<Fragment>) -> Vec<u8> {
    let mut out = Vec::new();
    for f in fragments {
        match f {
            Fragment::Line(l) => out.extend(l),
            Fragment::Literal { data, .. } => out.extend(data),
        }
    }
    out.truncate(out.len() - 2);
    out
}

fn encoded(options: EncodeOptions, write: impl FnOnce(&mut Encoder)) -> Vec<u8> {
    let mut enc = Encoder::new(options);
    write(&mut enc);
    wire(enc.finish())
}

/// Runs `parser` over all of `bytes`.
fn parse_all<'a, O>(
    bytes: &'a [u8],
    mut parser: impl FnMut(&mut Input<'a>) -> crate::wire::parse::ModalResult<O>,
) -> Option<O> {
    let mut input = Input { input: bytes, state: ParseState::new(8) };
    let out = parser.parse_next(&mut input).ok()?;
    input.input.is_empty().then_some(out)
}

fn options() -> impl Strategy<Value = EncodeOptions> {
    (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(plus, minus, utf8)| {
        EncodeOptions::default().with_literal_plus(plus).with_literal_minus(minus).with_utf8(utf8)
    })
}

/// Byte strings that favour the interesting classes: specials, CR/LF, 8-bit.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![any::<u8>(), prop::sample::select(b"\"\\\r\n (){}%*]+~-".to_vec()), 0x20u8..0x7f];
    prop::collection::vec(byte.prop_filter("no NUL", |b| *b != 0), 0..40)
}

fn seq_number() -> impl Strategy<Value = SeqNumber> {
    prop_oneof![1 => Just(SeqNumber::Largest), 8 => (1u32..).prop_map(|n| SeqNumber::new(n).unwrap())]
}

fn flag_value() -> impl Strategy<Value = Flag<'static>> {
    let name = "[A-Za-z$][A-Za-z0-9$_.+-]{0,12}";
    prop_oneof![
        Just(Flag::Seen),
        Just(Flag::Answered),
        Just(Flag::Flagged),
        Just(Flag::Deleted),
        Just(Flag::Draft),
        name.prop_map(|n| Flag::keyword(n).unwrap()),
        name.prop_map(|n| Flag::system(n).unwrap()),
    ]
}

/// Search keys of any shape, their strings of any bytes but NUL.
fn search_key() -> impl Strategy<Value = SearchKey<'static>> {
    let leaf = prop_oneof![
        Just(SearchKey::Seen),
        Just(SearchKey::All),
        bytes().prop_map(|b| SearchKey::Subject(AString::new(b).unwrap())),
        (bytes(), bytes())
            .prop_map(|(f, v)| SearchKey::Header(AString::new(f).unwrap(), AString::new(v).unwrap())),
        any::<u64>().prop_map(SearchKey::Larger),
        (1u32..).prop_map(|n| SearchKey::Uid(SequenceSet::single(n).unwrap())),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            inner.clone().prop_map(|k| !k),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| a | b),
            prop::collection::vec(inner, 0..4).prop_map(SearchKey::And),
        ]
    })
}

/// Every line ends with its one CRLF: no value can end a line early.
fn lines_are_intact(fragments: &[Fragment]) -> bool {
    fragments.iter().all(|f| match f {
        Fragment::Line(l) => {
            l.ends_with(b"\r\n") && l.iter().filter(|b| **b == b'\n' || **b == b'\r').count() == 2
        }
        Fragment::Literal { .. } => true,
    })
}

proptest! {
    #[test]
    fn search_keys_never_break_the_line(key in search_key(), o in options()) {
        let mut enc = Encoder::new(o);
        enc.raw(b"A1 SEARCH ").unwrap();
        if enc.encode(&key).is_ok() {
            prop_assert!(lines_are_intact(&enc.finish()));
        }
    }

    #[test]
    fn astring_round_trips(s in bytes(), o in options()) {
        let out = encoded(o, |e| { e.astring(&s).unwrap(); });
        let back = parse_all(&out, core::astring).expect("parses");
        prop_assert_eq!(back.as_bytes(), &s[..]);
    }

    #[test]
    fn string_round_trips(s in bytes(), o in options()) {
        let out = encoded(o, |e| { e.string(&s).unwrap(); });
        let back = parse_all(&out, core::string).expect("parses");
        prop_assert_eq!(back.as_bytes(), &s[..]);
    }

    #[test]
    fn no_string_ends_the_line(s in bytes(), o in options()) {
        let mut enc = Encoder::new(o);
        enc.astring(&s).unwrap();
        prop_assert!(lines_are_intact(&enc.finish()));
    }

    #[test]
    fn mailbox_round_trips(name in "\\PC{0,20}", o in options()) {
        // Under UTF8=ACCEPT a name is sent as it is, and `&-` in it reads
        // back as modified UTF-7: the one ambiguity of RFC 6855.
        let name = if o.utf8 { name.replace(['\0', '&'], "") } else { name.replace('\0', "") };
        let mailbox = Mailbox::new(&name).unwrap();
        let out = encoded(o, |e| { e.mailbox(&mailbox).unwrap(); });
        let back = parse_all(&out, core::astring).expect("parses");
        let back = Mailbox::from_wire(Cow::Owned(back.as_bytes().to_vec()));
        let expected = if name.eq_ignore_ascii_case("INBOX") { "INBOX" } else { &name };
        prop_assert_eq!(back.name(), expected);
        prop_assert_eq!(back, mailbox);
    }

    #[test]
    fn sequence_set_round_trips(ranges in prop::collection::vec((seq_number(), seq_number()), 1..8)) {
        let set = SequenceSet::from_ranges(ranges.into_iter().map(|(a, b)| SeqRange::new(a, b))).unwrap();
        prop_assert_eq!(set.to_string().parse::<SequenceSet>().unwrap(), set);
    }

    #[test]
    fn normalise_keeps_the_numbers(ranges in prop::collection::vec((1u32..60, 1u32..60), 1..8), largest in 0u32..80) {
        let set = SequenceSet::from_ranges(ranges.into_iter().map(|(a, b)| {
            SeqRange::new(SeqNumber::new(a).unwrap(), SeqNumber::new(b).unwrap())
        })).unwrap();
        let norm = set.normalise();
        prop_assert_eq!(norm.numbers(largest).collect::<Vec<_>>(), set.numbers(largest).collect::<Vec<_>>());
        prop_assert_eq!(norm.normalise(), norm);
    }

    #[test]
    fn flag_round_trips(f in flag_value()) {
        let out = encoded(EncodeOptions::default(), |e| { e.encode(&f).unwrap(); });
        prop_assert_eq!(parse_all(&out, flag::flag).expect("parses"), f.clone());
        prop_assert_eq!(f.to_string().parse::<Flag>().unwrap(), f);
    }

    #[test]
    fn date_round_trips(secs in 0i64..253_402_300_799, zone_min in -1439i32..1440) {
        let zone = FixedOffset::east_opt(zone_min * 60).unwrap();
        let date = InternalDate::from(zone.timestamp_opt(secs, 0).unwrap());
        let out = encoded(EncodeOptions::default(), |e| { e.encode(&date).unwrap(); });
        prop_assert_eq!(parse_all(&out, datetime::date_time).expect("parses"), date);
        prop_assert_eq!(date.to_string().parse::<InternalDate>().unwrap(), date);
    }
}
