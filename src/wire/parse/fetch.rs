//! `msg-att` (RFC 3501 section 9, RFC 9051 section 9) and the FETCH
//! attributes of BINARY (RFC 3516), CONDSTORE (RFC 7162), OBJECTID
//! (RFC 8474), SAVEDATE (RFC 8514) and PREVIEW (RFC 8970).
//!
//! Each attribute is found by its name (one `match`, case-insensitive)
//! and then parsed by its own function; once a name matched, a failure is
//! final (`cut_err`). Unknown attributes are kept raw
//! ([`FetchItem::Other`]).

use winnow::combinator::{alt, cut_err, delimited, opt, preceded};
use winnow::error::{ErrMode, StrContext};
use winnow::prelude::*;
use winnow::token::{take_till, take_while};

use super::Input;
use super::body::body;
use super::byte_class::is_atom_char;
use super::core::{literal_bytes, nested, nil, nstring, number, number64, quoted, sp};
use super::datetime::date_time;
use super::envelope::envelope;
use super::flag::flag_list;
use super::keyword::letters_key_at;
use super::paren::{field_follows, paren_list, paren_list_sized};
use super::section::{section, section_binary};
use super::{ModalResult, ParseFail};
use crate::types::{ByteStr, FetchItem};

/// `msg-att = "(" (msg-att-dynamic / msg-att-static) *(SP (msg-att-dynamic
/// / msg-att-static)) ")"`. Quirk: an empty list `()` and spaces inside the
/// parentheses are accepted.
pub(crate) fn msg_att<'a>(input: &mut Input<'a>) -> ModalResult<Vec<FetchItem<'a>>> {
    let outer = std::mem::replace(&mut input.state.in_msg_att, true);
    let items = paren_list_sized(8, msg_att_item).context(StrContext::Label("msg-att")).parse_next(input);
    input.state.in_msg_att = outer;
    items
}

/// `msg-att-dynamic / msg-att-static`: one attribute, name and value.
fn msg_att_item<'a>(input: &mut Input<'a>) -> ModalResult<FetchItem<'a>> {
    let start = input.input;
    let name = take_while(1.., is_att_name_char).parse_next(input)?;
    match letters_key_at(start, name.len()).and_then(attribute_parser) {
        Some(parser) => cut_err(parser).parse_next(input),
        None => cut_err(|i: &mut Input<'a>| other_att(start, i)).parse_next(input),
    }
}

/// An attribute name: atom characters up to a `[section]` or `<origin>`.
fn is_att_name_char(b: u8) -> bool {
    is_atom_char(b) && b != b'[' && b != b'<'
}

/// The parser of what follows an attribute's name.
type AttributeParser = for<'a> fn(&mut Input<'a>) -> ModalResult<FetchItem<'a>>;

/// The parser of each attribute this library types, by the folded key of
/// its name ([`letters_key_at`]: any case).
///
/// The key is exact for these names though some hold `.` and digits: an
/// atom character folds to `.`, `2` or `8` only if it is that character
/// (the other candidates are control bytes). Upper-casing a copy of the
/// name for a `match` on byte strings was a fifth of `msg_att` (perf).
fn attribute_parser(key: u128) -> Option<AttributeParser> {
    use attribute_names::*;
    Some(match key {
        UID => uid,
        FLAGS => flags,
        BODY => body_att,
        BODYSTRUCTURE => bodystructure,
        ENVELOPE => envelope_att,
        INTERNALDATE => internaldate,
        RFC822_SIZE => rfc822_size,
        RFC822 => rfc822,
        RFC822_HEADER => rfc822_header,
        RFC822_TEXT => rfc822_text,
        BINARY => binary,
        BINARY_SIZE => binary_size,
        MODSEQ => fetch_mod_resp,
        EMAILID => fetch_emailid_resp,
        THREADID => fetch_threadid_resp,
        SAVEDATE => savedate,
        PREVIEW => preview,
        _ => return None,
    })
}

/// The keys of the attribute names [`attribute_parser`] knows.
mod attribute_names {
    use super::super::keyword::key;

    pub(super) const UID: u128 = key(b"UID");
    pub(super) const FLAGS: u128 = key(b"FLAGS");
    pub(super) const BODY: u128 = key(b"BODY");
    pub(super) const BODYSTRUCTURE: u128 = key(b"BODYSTRUCTURE");
    pub(super) const ENVELOPE: u128 = key(b"ENVELOPE");
    pub(super) const INTERNALDATE: u128 = key(b"INTERNALDATE");
    pub(super) const RFC822_SIZE: u128 = key(b"RFC822.SIZE");
    pub(super) const RFC822: u128 = key(b"RFC822");
    pub(super) const RFC822_HEADER: u128 = key(b"RFC822.HEADER");
    pub(super) const RFC822_TEXT: u128 = key(b"RFC822.TEXT");
    pub(super) const BINARY: u128 = key(b"BINARY");
    pub(super) const BINARY_SIZE: u128 = key(b"BINARY.SIZE");
    pub(super) const MODSEQ: u128 = key(b"MODSEQ");
    pub(super) const EMAILID: u128 = key(b"EMAILID");
    pub(super) const THREADID: u128 = key(b"THREADID");
    pub(super) const SAVEDATE: u128 = key(b"SAVEDATE");
    pub(super) const PREVIEW: u128 = key(b"PREVIEW");
}

/// `"UID" SP uniqueid`, with `uniqueid = nz-number` (0 accepted).
fn uid<'a>(input: &mut Input<'a>) -> ModalResult<FetchItem<'a>> {
    preceded(sp, number).map(FetchItem::Uid).parse_next(input)
}

/// `msg-att-dynamic = "FLAGS" SP "(" [flag-fetch *(SP flag-fetch)] ")"`.
/// Quirks (of [`flag_list`]): `\*` and `]` inside flags.
fn flags<'a>(input: &mut Input<'a>) -> ModalResult<FetchItem<'a>> {
    preceded(sp, flag_list).map(FetchItem::Flags).parse_next(input)
}

/// `"BODY" SP body` (non-extensible structure) or `"BODY" section ["<"
/// number ">"] SP nstring` (a section's content).
fn body_att<'a>(input: &mut Input<'a>) -> ModalResult<FetchItem<'a>> {
    if input.input.first() == Some(&b'[') {
        return body_section(input);
    }
    sp(input)?;
    or_raw(b"BODY", body.map(FetchItem::Body), input)
}

/// `"BODY" section ["<" number ">"] SP nstring`, after `BODY`.
fn body_section<'a>(input: &mut Input<'a>) -> ModalResult<FetchItem<'a>> {
    let (section, origin, _, data) = (section, opt(origin), sp, nstring).parse_next(input)?;
    Ok(FetchItem::BodySection { section, origin, data })
}

/// `"<" number ">"`: the offset of a partial fetch's first octet.
fn origin(input: &mut Input<'_>) -> ModalResult<u32> {
    delimited(b'<', number, b'>').parse_next(input)
}

/// `"BODYSTRUCTURE" SP body`.
fn bodystructure<'a>(input: &mut Input<'a>) -> ModalResult<FetchItem<'a>> {
    sp(input)?;
    or_raw(b"BODYSTRUCTURE", body.map(FetchItem::BodyStructure), input)
}

/// `"ENVELOPE" SP envelope`.
fn envelope_att<'a>(input: &mut Input<'a>) -> ModalResult<FetchItem<'a>> {
    sp(input)?;
    or_raw(b"ENVELOPE", envelope.map(FetchItem::Envelope), input)
}

/// Runs `parser`; if the value does not follow the grammar, keeps it raw
/// as [`FetchItem::Other`] named `name`, so the other attributes of the
/// message still parse.
///
/// Quirk: servers build ENVELOPE and BODYSTRUCTURE from the message's own
/// headers and MIME parts, and junk or script-made mail yields values the
/// grammar cannot read (Exchange, Domino and Gmail have all been seen to
/// send them). The raw value is still bounded by the nesting limit.
fn or_raw<'a>(
    name: &'static [u8],
    mut parser: impl Parser<Input<'a>, FetchItem<'a>, ErrMode<ParseFail>>,
    input: &mut Input<'a>,
) -> ModalResult<FetchItem<'a>> {
    let before = input.input;
    match parser.parse_next(input) {
        Ok(item) => Ok(item),
        Err(_) => {
            input.input = before;
            let value = raw_value.take().parse_next(input)?;
            Ok(FetchItem::Other { name: ByteStr::from(name), value: ByteStr::from(value) })
        }
    }
}

/// `"INTERNALDATE" SP date-time`.
fn internaldate<'a>(input: &mut Input<'a>) -> ModalResult<FetchItem<'a>> {
    preceded(sp, date_time).map(FetchItem::InternalDate).parse_next(input)
}

/// `"RFC822.SIZE" SP number64` (RFC 9051; `number` in RFC 3501).
fn rfc822_size<'a>(input: &mut Input<'a>) -> ModalResult<FetchItem<'a>> {
    preceded(sp, number64).map(FetchItem::Rfc822Size).parse_next(input)
}

/// `"RFC822" SP nstring` (RFC 3501).
fn rfc822<'a>(input: &mut Input<'a>) -> ModalResult<FetchItem<'a>> {
    preceded(sp, nstring).map(FetchItem::Rfc822).parse_next(input)
}

/// `"RFC822.HEADER" SP nstring` (RFC 3501).
fn rfc822_header<'a>(input: &mut Input<'a>) -> ModalResult<FetchItem<'a>> {
    preceded(sp, nstring).map(FetchItem::Rfc822Header).parse_next(input)
}

/// `"RFC822.TEXT" SP nstring` (RFC 3501).
fn rfc822_text<'a>(input: &mut Input<'a>) -> ModalResult<FetchItem<'a>> {
    preceded(sp, nstring).map(FetchItem::Rfc822Text).parse_next(input)
}

/// `"BINARY" section-binary SP (nstring / literal8)` (RFC 3516, RFC 9051),
/// with the `["<" number ">"]` origin that RFC 3516 section 4.3 describes
/// for partial fetches; `nstring` here also reads `literal8` (`~{n}`).
fn binary<'a>(input: &mut Input<'a>) -> ModalResult<FetchItem<'a>> {
    let (section, origin, _, data) = (section_binary, opt(origin), sp, nstring).parse_next(input)?;
    Ok(FetchItem::Binary { section, origin, data })
}

/// `"BINARY.SIZE" section-binary SP number` (RFC 3516, RFC 9051).
fn binary_size<'a>(input: &mut Input<'a>) -> ModalResult<FetchItem<'a>> {
    let (section, _, size) = (section_binary, sp, number).parse_next(input)?;
    Ok(FetchItem::BinarySize { section, size })
}

/// `fetch-mod-resp = "MODSEQ" SP "(" permsg-modsequence ")"` (RFC 7162),
/// with `permsg-modsequence = mod-sequence-value = 1*DIGIT` (63-bit).
fn fetch_mod_resp<'a>(input: &mut Input<'a>) -> ModalResult<FetchItem<'a>> {
    preceded(sp, delimited(b'(', number64, b')')).map(FetchItem::ModSeq).parse_next(input)
}

/// `fetch-emailid-resp = "EMAILID" SP "(" objectid ")"` (RFC 8474).
fn fetch_emailid_resp<'a>(input: &mut Input<'a>) -> ModalResult<FetchItem<'a>> {
    preceded(sp, delimited(b'(', objectid, b')')).map(FetchItem::EmailId).parse_next(input)
}

/// `fetch-threadid-resp = "THREADID" SP ( "(" objectid ")" / nil )`
/// (RFC 8474).
fn fetch_threadid_resp<'a>(input: &mut Input<'a>) -> ModalResult<FetchItem<'a>> {
    preceded(sp, alt((nil.value(None), delimited(b'(', objectid, b')').map(Some))))
        .map(FetchItem::ThreadId)
        .parse_next(input)
}

/// `objectid = 1*255(ALPHA / DIGIT / "_" / "-")` (RFC 8474).
fn objectid<'a>(input: &mut Input<'a>) -> ModalResult<ByteStr<'a>> {
    take_while(1..=255, |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        .map(ByteStr::from)
        .parse_next(input)
}

/// `"SAVEDATE" SP (date-time / nil)` (RFC 8514).
fn savedate<'a>(input: &mut Input<'a>) -> ModalResult<FetchItem<'a>> {
    preceded(sp, alt((nil.value(None), date_time.map(Some)))).map(FetchItem::SaveDate).parse_next(input)
}

/// `"PREVIEW" SP nstring` (RFC 8970).
fn preview<'a>(input: &mut Input<'a>) -> ModalResult<FetchItem<'a>> {
    preceded(sp, nstring).map(FetchItem::Preview).parse_next(input)
}

/// An unknown attribute: its name (from `start`, with any `[...]` and
/// `<...>` suffix) and, if present, `SP` and one raw value.
fn other_att<'a>(start: &'a [u8], input: &mut Input<'a>) -> ModalResult<FetchItem<'a>> {
    opt((b'[', take_till(0.., b']'), b']')).parse_next(input)?;
    opt((b'<', take_till(0.., b'>'), b'>')).parse_next(input)?;
    let name = &start[..start.len() - input.input.len()];
    let value = if field_follows(input)? { raw_value.take().parse_next(input)? } else { &[] };
    Ok(FetchItem::Other { name: ByteStr::from(name), value: ByteStr::from(value) })
}

/// One value of an unknown attribute, skipped: a quoted string, a literal,
/// a parenthesised list of values (depth bounded) or an atom-like run of
/// bytes.
fn raw_value(input: &mut Input<'_>) -> ModalResult<()> {
    alt((
        quoted.void(),
        literal_bytes.void(),
        raw_list,
        take_while(1.., |b| !matches!(b, b' ' | b'(' | b')' | b'"' | b'{' | b'\r' | b'\n')).void(),
    ))
    .parse_next(input)
}

/// `"(" [value *(SP value)] ")"`, nesting bounded.
fn raw_list(input: &mut Input<'_>) -> ModalResult<()> {
    if input.input.first() != Some(&b'(') {
        return Err(ErrMode::Backtrack(ParseFail::new()));
    }
    nested(input, paren_list(raw_value)).map(|_| ())
}

#[cfg(test)]
pub(crate) mod tests {
    use proptest::prelude::*;

    use crate::wire::parse::keyword::letters_key;
    use crate::wire::parse::{ParseError, ParseOptions, parse_frame};

    /// FETCH responses touching every attribute parser, as mutation seeds.
    pub(crate) const SEEDS: [&[u8]; 4] = [
        b"* 1 FETCH (UID 7 FLAGS (\\Seen \\*) BODY[1] {3}\r\nabc X-A (\"b\" (c)) BINARY[2]<0> ~{1}\r\nx \
MODSEQ (5) EMAILID (M1) THREADID NIL RFC822.SIZE 9 BODY[HEADER.FIELDS (A B)] NIL)\r\n",
        b"* 2 FETCH (ENVELOPE (\"d\" \"s\" ((\"n\" NIL \"m\" \"h\")) NIL NIL ((NIL NIL \"g\" NIL)(NIL NIL NIL NIL)) \
() NIL NIL \"<i>\") INTERNALDATE \" 1-Feb-2024 09:05:00 +0530\")\r\n",
        b"* 3 FETCH (BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 12 1 NIL \
(\"inline\" NIL) (\"en\") NIL 1 (2 \"x\"))(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 9 (NIL NIL NIL NIL NIL NIL \
NIL NIL NIL NIL) (\"text\" \"html\" NIL NIL NIL \"8bit\" -1 2) 3) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL))\r\n",
        b"* 4 FETCH (BODY (\"image\" \"png\" NIL NIL NIL \"base64\" 10) PREVIEW \"p\" SAVEDATE NIL)\r\n",
    ];

    /// `bytes` with each edit applied: `(offset, byte, 0)` replaces the
    /// byte there, `1` removes it, `2` inserts `byte`.
    pub(crate) fn mutate(mut bytes: Vec<u8>, edits: Vec<(usize, u8, u8)>) -> Vec<u8> {
        for (at, byte, op) in edits {
            let at = at % (bytes.len() + 1);
            match op {
                0 if at < bytes.len() => bytes[at] = byte,
                1 if at < bytes.len() => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at, byte),
            }
        }
        bytes
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Any byte changed, dropped or inserted in a FETCH response gives
        /// a response or an error, never a panic. The grammar alone: the
        /// bytes go straight to `parse_frame`, not through the framer.
        #[test]
        fn mutated_fetch_responses_never_panic(
            which in 0..SEEDS.len(),
            edits in proptest::collection::vec((any::<usize>(), any::<u8>(), 0u8..3), 1..8),
        ) {
            let bytes = mutate(SEEDS[which].to_vec(), edits);
            if let Err(ParseError::Malformed(m)) = parse_frame(&bytes, &ParseOptions::default()) {
                prop_assert!(m.position() <= bytes.len());
                prop_assert_eq!(m.response_len(), bytes.len());
            }
        }
    }

    #[test]
    fn seeds_parse_unmutated() {
        for seed in SEEDS {
            assert!(parse_frame(seed, &ParseOptions::default()).is_ok(), "{}", seed.escape_ascii());
        }
    }

    #[test]
    fn names_with_dots_and_digits_match_in_any_case_and_only_themselves() {
        let found = |name: &[u8]| letters_key(name).and_then(super::attribute_parser).is_some();
        for name in
            [&b"rfc822.size"[..], b"Rfc822.Header", b"BINARY.size", b"rfc822", b"uid", b"BodyStructure"]
        {
            assert!(found(name), "{}", name.escape_ascii());
        }
        for name in [&b"RFC822xSIZE"[..], b"RFC822.SIZ", b"RFC8222", b"UIDS", b"BINARY:SIZE", b"X-GM-MSGID"] {
            assert!(!found(name), "{}", name.escape_ascii());
        }
        assert_ne!(super::attribute_names::RFC822, super::attribute_names::RFC822_SIZE);
    }
}
