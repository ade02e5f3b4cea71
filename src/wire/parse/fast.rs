//! The common shapes of an `address` and of a single-part `body`, read
//! without the grammar's error values. An address: `(name SP adl SP
//! mailbox SP host)` where each field is `NIL` or a quoted string without
//! escapes or control bytes and each space is single. A single part: a
//! basic or text part in that style, with its BODYSTRUCTURE extension data
//! up to the location (see [`single_part`]). Anything else (a literal, an
//! escape, a doubled space, `()`, `-1`, message/rfc822, a malformed value)
//! answers `None`, and the grammar ([`address`](super::envelope::address),
//! [`body`](super::body::body)) reads the same bytes, which gives the
//! value, the quirks and the errors.
//!
//! Why a second reader: each rule returns its value through memory,
//! wrapped in a `ModalResult`, and an envelope holds four to ten addresses
//! of four strings, a body structure a dozen strings a part; in the common
//! shape plain `Option`s cost less (FETCH metadata, interleaved runs:
//! addresses 526 -> 552 MB/s, single parts 558 -> 625 MB/s). Wider
//! readers were slower (a whole envelope: 495 MB/s, as the 240-byte value
//! then travels through an `Option`; whole address lists too), so a reader
//! stops where its value is small or boxed. Each accepts a subset of what
//! the grammar accepts and builds the same value: the differential tests
//! below hold them to that (spec/decisions.md D20).

use crate::types::{
    Address, BodyExtension, BodyFields, BodyParam, ByteStr, Disposition, SingleExtension, SinglePart,
    SinglePartKind,
};

use super::core::{decimal, plain_quoted};

/// An address at the start of `input`, in the common shape; on `None`
/// the caller reads it again with the grammar.
#[inline(always)]
pub(super) fn address<'a>(input: &mut &'a [u8]) -> Option<Address<'a>> {
    byte(input, b'(')?;
    let name = field(input)?;
    let adl = field(input)?;
    let mailbox = field(input)?;
    let host = nstring(input)?;
    byte(input, b')')?;
    Some(Address { name, adl, mailbox, host })
}

/// The content of a single-part `body` (between its parentheses, the `)`
/// left unread) in the common shape: a basic or text part whose strings
/// are all plain quoted (NIL where an `nstring` is), parameters and
/// languages as lists, and the extension data of BODYSTRUCTURE up to the
/// location with nothing after it. message/rfc822 parts, `-1` sizes,
/// missing line counts, `()` lists, literals, escapes and doubled spaces
/// answer `None`, for the grammar.
#[inline(always)]
pub(super) fn single_part<'a>(input: &mut &'a [u8]) -> Option<Box<SinglePart<'a>>> {
    let media_type = quoted(input)?;
    byte(input, b' ')?;
    let media_subtype = quoted(input)?;
    byte(input, b' ')?;
    let params = params(input)?;
    byte(input, b' ')?;
    let id = field(input)?;
    let description = field(input)?;
    let encoding = quoted(input)?;
    byte(input, b' ')?;
    let octets = u32::try_from(digits(input, 10)?).ok()?;
    let kind = if media_type.eq_ignore_ascii_case(b"MESSAGE") {
        return None;
    } else if media_type.eq_ignore_ascii_case(b"TEXT") {
        byte(input, b' ')?;
        SinglePartKind::Text { lines: digits(input, 19).filter(|n| *n <= i64::MAX as u64)? }
    } else {
        SinglePartKind::Basic
    };
    let extension = match input.first()? {
        b')' => None,
        _ => Some(extension(input)?),
    };
    (input.first() == Some(&b')')).then_some(())?;
    let fields = BodyFields { params, id, description, encoding, octets };
    Some(Box::new(SinglePart { media_type, media_subtype, fields, kind, extension }))
}

/// `SP md5 [SP dsp [SP lang [SP loc]]]`, ending before a `)`.
#[inline(always)]
fn extension<'a>(input: &mut &'a [u8]) -> Option<SingleExtension<'a>> {
    byte(input, b' ')?;
    let md5 = nstring(input)?;
    let mut common = BodyExtension::default();
    if next_field(input)? {
        common.disposition = disposition(input)?;
    }
    if next_field(input)? {
        common.language = language(input)?;
    }
    if next_field(input)? {
        common.location = nstring(input)?;
    }
    Some(SingleExtension { md5, common })
}

/// Whether a field follows: a single space and then no `)` (`true`, the
/// space taken), or a `)` (`false`); anything else is not the common shape.
#[inline(always)]
fn next_field(input: &mut &[u8]) -> Option<bool> {
    match *input {
        [b')', ..] => Some(false),
        [b' ', b')', ..] | [b' ', b' ', ..] => None,
        [b' ', rest @ ..] => {
            *input = rest;
            Some(true)
        }
        _ => None,
    }
}

/// `NIL` or `("name" "value" ...)`, at least one pair.
#[inline(always)]
fn params<'a>(input: &mut &'a [u8]) -> Option<Vec<BodyParam<'a>>> {
    if input.first() != Some(&b'(') {
        return nstring(input)?.is_none().then(Vec::new);
    }
    byte(input, b'(')?;
    let mut params = Vec::with_capacity(4);
    loop {
        let name = quoted(input)?;
        byte(input, b' ')?;
        let value = quoted(input)?;
        params.push(BodyParam { name, value });
        match input.split_first()? {
            (b' ', rest) => *input = rest,
            (b')', rest) => {
                *input = rest;
                return Some(params);
            }
            _ => return None,
        }
    }
}

/// `NIL` or `("kind" params)`.
#[inline(always)]
fn disposition<'a>(input: &mut &'a [u8]) -> Option<Option<Disposition<'a>>> {
    if input.first() != Some(&b'(') {
        return nstring(input)?.is_none().then_some(None);
    }
    byte(input, b'(')?;
    let kind = quoted(input)?;
    byte(input, b' ')?;
    let params = params(input)?;
    byte(input, b')')?;
    Some(Some(Disposition { kind, params }))
}

/// `NIL`, `"tag"` or `("tag" ...)`, at least one tag.
#[inline(always)]
fn language<'a>(input: &mut &'a [u8]) -> Option<Vec<ByteStr<'a>>> {
    if input.first() != Some(&b'(') {
        return nstring(input).map(|tag| tag.into_iter().collect());
    }
    byte(input, b'(')?;
    let mut tags = Vec::with_capacity(4);
    loop {
        tags.push(quoted(input)?);
        match input.split_first()? {
            (b' ', rest) => *input = rest,
            (b')', rest) => {
                *input = rest;
                return Some(tags);
            }
            _ => return None,
        }
    }
}

/// `1*DIGIT`, at most `max` digits and not followed by one more.
#[inline(always)]
fn digits(input: &mut &[u8], max: usize) -> Option<u64> {
    let (value, len) = decimal(input, max);
    if len == 0 || input.get(len).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    *input = &input[len..];
    Some(value)
}

/// A plain quoted string.
#[inline(always)]
fn quoted<'a>(input: &mut &'a [u8]) -> Option<ByteStr<'a>> {
    byte(input, b'"')?;
    plain_quoted(input).map(ByteStr::from)
}

/// `nstring SP`, the space single.
#[inline(always)]
fn field<'a>(input: &mut &'a [u8]) -> Option<Option<ByteStr<'a>>> {
    let value = nstring(input)?;
    byte(input, b' ')?;
    Some(value)
}

/// Takes `expected` off the front.
#[inline(always)]
fn byte(input: &mut &[u8], expected: u8) -> Option<()> {
    let (&first, rest) = input.split_first()?;
    (first == expected).then(|| *input = rest)
}

/// `NIL` (any case) or a plain quoted string.
#[inline(always)]
fn nstring<'a>(input: &mut &'a [u8]) -> Option<Option<ByteStr<'a>>> {
    match *input {
        [b'"', rest @ ..] => {
            *input = rest;
            plain_quoted(input).map(|s| Some(ByteStr::from(s)))
        }
        [n, i, l, rest @ ..] if [*n, *i, *l].eq_ignore_ascii_case(b"NIL") => {
            *input = rest;
            Some(None)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::wire::parse::body::body_type_1part;
    use crate::wire::parse::envelope::address_by_grammar;
    use crate::wire::parse::fetch::tests::mutate;
    use crate::wire::parse::{Input, ParseState};

    /// Addresses as servers send them, and the forms left to the grammar.
    const SEEDS: [&[u8]; 7] = [
        b"(\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")(NIL",
        b"(NIL NIL \"imap\" \"cac.washington.edu\"))",
        b"(nil NIL \"undisclosed-recipients\" NIL) x",
        b"(NIL NIL NIL NIL)",
        b"(\"a \\\"b\\\"\" NIL \"c\" \"d\")",
        b"({3}\r\nabc NIL \"c\" \"d\")",
        b"(NIL  NIL \"c\" \"d\")",
    ];

    fn fast(bytes: &[u8]) -> Option<(Address<'_>, &[u8])> {
        let mut rest = bytes;
        address(&mut rest).map(|a| (a, rest))
    }

    fn grammar(bytes: &[u8]) -> Option<(Address<'_>, &[u8])> {
        let mut input = Input { input: bytes, state: ParseState::new(8) };
        address_by_grammar(&mut input).ok().map(|a| (a, input.input))
    }

    #[test]
    fn common_addresses_take_the_fast_reader_and_others_the_grammar() {
        for seed in &SEEDS[..4] {
            assert!(fast(seed).is_some(), "{}", seed.escape_ascii());
            assert_eq!(fast(seed), grammar(seed), "{}", seed.escape_ascii());
        }
        for seed in &SEEDS[4..] {
            assert!(fast(seed).is_none(), "{}", seed.escape_ascii());
            assert!(grammar(seed).is_some(), "{}", seed.escape_ascii());
        }
    }

    /// Single parts (the content between the body's parentheses) as
    /// servers send them, and forms left to the grammar.
    const PART_SEEDS: [&[u8]; 9] = [
        b"\"TEXT\" \"PLAIN\" (\"charset\" \"utf-8\") NIL NIL \"base64\" 1061 18 NIL NIL NIL NIL))",
        b"\"text\" \"html\" (\"charset\" \"utf-8\" \"format\" \"flowed\") NIL NIL \"7bit\" 459 8 NIL NIL NIL NIL)",
        b"\"APPLICATION\" \"PDF\" (\"name\" \"a.pdf\") \"<i@x>\" \"d\" \"base64\" 57309 NIL (\"attachment\" (\"filename\" \"a.pdf\" \"size\" \"271838\")) (\"en\" \"de\") NIL)(",
        b"\"IMAGE\" \"JPEG\" NIL NIL NIL \"base64\" 1350 NIL (\"inline\" NIL) \"en\" \"http://x\")",
        b"\"text\" \"plain\" NIL NIL NIL \"7bit\" 12 1)",
        b"\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7bit\" 9 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"html\" NIL NIL NIL \"8bit\" -1 2) 3)",
        b"\"image\" \"png\" () NIL NIL \"base64\" -1)",
        b"\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 3 NIL \"inline\" NIL NIL 1 (2 \"x\"))",
        b"\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 3)",
    ];

    fn fast_part(bytes: &[u8]) -> Option<(Box<SinglePart<'_>>, &[u8])> {
        let mut rest = bytes;
        single_part(&mut rest).map(|p| (p, rest))
    }

    fn grammar_part(bytes: &[u8]) -> Option<(Box<SinglePart<'_>>, &[u8])> {
        let mut input = Input { input: bytes, state: ParseState::new(8) };
        body_type_1part(&mut input).ok().map(|p| (p, input.input))
    }

    #[test]
    fn common_single_parts_take_the_fast_reader_and_others_the_grammar() {
        for seed in &PART_SEEDS[..5] {
            assert!(fast_part(seed).is_some(), "{}", seed.escape_ascii());
            assert_eq!(fast_part(seed), grammar_part(seed), "{}", seed.escape_ascii());
        }
        for seed in &PART_SEEDS[5..] {
            assert!(fast_part(seed).is_none(), "{}", seed.escape_ascii());
            assert!(grammar_part(seed).is_some(), "{}", seed.escape_ascii());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// Whatever the fast reader accepts, the grammar reads to the same
        /// address and the same rest.
        #[test]
        fn the_fast_reader_accepts_only_what_the_grammar_reads_the_same(
            which in 0..SEEDS.len(),
            edits in proptest::collection::vec((any::<usize>(), any::<u8>(), 0u8..3), 1..5),
        ) {
            let bytes = mutate(SEEDS[which].to_vec(), edits);
            if let Some(fast) = fast(&bytes) {
                prop_assert_eq!(Some(fast), grammar(&bytes));
            }
        }

        /// Whatever single part the fast reader accepts, the grammar reads
        /// to the same part and the same rest.
        #[test]
        fn the_fast_part_reader_accepts_only_what_the_grammar_reads_the_same(
            which in 0..PART_SEEDS.len(),
            edits in proptest::collection::vec((any::<usize>(), any::<u8>(), 0u8..3), 1..5),
        ) {
            let bytes = mutate(PART_SEEDS[which].to_vec(), edits);
            if let Some(fast) = fast_part(&bytes) {
                prop_assert_eq!(Some(fast), grammar_part(&bytes));
            }
        }
    }
}
