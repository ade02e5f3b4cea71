//! The core rules of RFC 3501 section 9 that every other rule builds on:
//! numbers, atoms, strings, literals, `nil`, spaces and line ends.

use winnow::combinator::{cut_err, opt, preceded};
use winnow::error::{ErrMode, StrContext, StrContextValue};
use winnow::prelude::*;
use winnow::token::{any, take};

use super::Input;
use super::byte_class::{is_astring_char, is_atom_char};
use super::{ModalResult, ParseFail};
use crate::types::ByteStr;
use crate::wire::frame::find::first_quoted_special;

/// `SP`. Quirk: some servers double spaces; one or more are accepted.
///
/// No error context here and in the other small rules that fail as a
/// matter of course (at the end of every list): winnow allocates for each
/// context pushed onto a failure.
///
/// By hand, as the other small rules below (`number`, `atom`, ...): they
/// run between and inside almost every two tokens, and each combinator
/// level (`take_while`, `verify_map`, `map`) cost more than the scan.
#[inline]
pub(crate) fn sp(input: &mut Input<'_>) -> ModalResult<()> {
    // One space, the usual case, without counting.
    if let [b' ', rest @ ..] = input.input
        && rest.first() != Some(&b' ')
    {
        input.input = rest;
        return Ok(());
    }
    let spaces = input.input.iter().take_while(|b| **b == b' ').count();
    if spaces == 0 {
        return Err(backtrack());
    }
    input.input = &input.input[spaces..];
    Ok(())
}

/// `CRLF`. Quirk: trailing spaces before CRLF are accepted.
///
/// By hand, with the same outcome as `(take_while(0.., ' '), "\r\n")`
/// with a `CRLF` context: on failure the spaces stay consumed. It ends
/// every response; the combinator form cost about 58 instructions a call
/// (callgrind: 500 small responses 0.786M -> 0.775M, 50 LIST lines 99.0K
/// -> 97.9K).
pub(crate) fn crlf(input: &mut Input<'_>) -> ModalResult<()> {
    if let [b'\r', b'\n', rest @ ..] = input.input {
        input.input = rest;
        return Ok(());
    }
    let spaces = input.input.iter().take_while(|b| **b == b' ').count();
    input.input = &input.input[spaces..];
    match input.input.strip_prefix(b"\r\n") {
        Some(rest) => {
            input.input = rest;
            Ok(())
        }
        None => {
            let mut e = ParseFail::new();
            e.push(StrContext::Expected(StrContextValue::StringLiteral("CRLF")));
            Err(ErrMode::Backtrack(e))
        }
    }
}

/// `number = 1*DIGIT` (unsigned 32-bit).
///
/// Reads at most 10 digits, as `take_while(1..=10, ..)` did; a value
/// that does not fit fails with the input untouched.
#[inline]
pub(crate) fn number(input: &mut Input<'_>) -> ModalResult<u32> {
    let (value, len) = decimal(input.input, 10);
    match u32::try_from(value) {
        Ok(n) if len > 0 => {
            input.input = &input.input[len..];
            Ok(n)
        }
        _ => Err(backtrack()),
    }
}

/// `number64 = 1*DIGIT` (unsigned 63-bit, RFC 9051), at most 19 digits.
#[inline]
pub(crate) fn number64(input: &mut Input<'_>) -> ModalResult<u64> {
    let (value, len) = decimal(input.input, 19);
    if len == 0 || value > i64::MAX as u64 {
        return Err(backtrack());
    }
    input.input = &input.input[len..];
    Ok(value)
}

/// The value of the leading digits of `bytes`, at most `max` of them (19
/// at most, which cannot overflow a u64), and how many there were.
#[inline]
pub(crate) fn decimal(bytes: &[u8], max: usize) -> (u64, usize) {
    let digits = &bytes[..bytes.len().min(max)];
    let mut value = 0;
    for (len, b) in digits.iter().enumerate() {
        let digit = b.wrapping_sub(b'0');
        if digit > 9 {
            return (value, len);
        }
        value = value * 10 + u64::from(digit);
    }
    (value, digits.len())
}

/// `nz-number = digit-nz *DIGIT`.
#[inline]
pub(crate) fn nz_number(input: &mut Input<'_>) -> ModalResult<u32> {
    let before = input.input;
    match number(input)? {
        0 => {
            input.input = before;
            Err(backtrack())
        }
        n => Ok(n),
    }
}

/// `atom = 1*ATOM-CHAR`.
pub(crate) fn atom<'a>(input: &mut Input<'a>) -> ModalResult<&'a str> {
    take_class(input, is_atom_char).map(ascii_str)
}

/// `1*ASTRING-CHAR`, the atom form of `astring`.
pub(crate) fn astring_atom<'a>(input: &mut Input<'a>) -> ModalResult<&'a [u8]> {
    take_class(input, is_astring_char)
}

/// `astring = 1*ASTRING-CHAR / string`, chosen by the first byte.
pub(crate) fn astring<'a>(input: &mut Input<'a>) -> ModalResult<ByteStr<'a>> {
    match starts_string(input) {
        true => string(input),
        false => astring_atom.map(ByteStr::from).parse_next(input),
    }
}

/// The input starts with a quoted string or a literal: `"`, `{` or `~{`
/// (`~` alone is an atom character).
fn starts_string(input: &Input<'_>) -> bool {
    matches!(input.input, [b'"' | b'{', ..] | [b'~', b'{', ..])
}

/// `string = quoted / literal`, chosen by the first byte.
pub(crate) fn string<'a>(input: &mut Input<'a>) -> ModalResult<ByteStr<'a>> {
    match input.input.first() {
        Some(b'"') => quoted(input),
        _ => literal_bytes(input).map(ByteStr::from),
    }
}

/// `nstring = string / nil`, chosen by the first byte.
///
/// A plain `match`: through `starts_string` and winnow's `map`/`value`
/// adapters this, the most called rule of FETCH metadata, cost about 34
/// instructions a call before any byte of the value was read.
pub(crate) fn nstring<'a>(input: &mut Input<'a>) -> ModalResult<Option<ByteStr<'a>>> {
    match input.input {
        [b'"', ..] => quoted(input).map(Some),
        [b'{', ..] | [b'~', b'{', ..] => literal_bytes(input).map(|b| Some(ByteStr::from(b))),
        _ => nil(input).map(|()| None),
    }
}

/// `nil = "NIL"` (case-insensitive).
///
/// A direct comparison of three bytes: `literal(Caseless("NIL"))` went
/// through winnow's generic case-insensitive comparison, about 8% of the
/// instructions of the FETCH metadata corpus (where `NIL` is the most
/// common value). It fails the same way: a backtrack, input untouched.
pub(crate) fn nil(input: &mut Input<'_>) -> ModalResult<()> {
    match input.input {
        [n, i, l, rest @ ..] if [*n, *i, *l].eq_ignore_ascii_case(b"NIL") => {
            input.input = rest;
            Ok(())
        }
        _ => Err(ErrMode::Backtrack(ParseFail::new())),
    }
}

/// `quoted = DQUOTE *QUOTED-CHAR DQUOTE`, with the escapes removed.
///
/// Quirks: 8-bit bytes are accepted (RFC 9051 allows UTF-8, and RFC 3501
/// servers send it anyway); a backslash before any other character keeps
/// that character.
///
/// Inlined: called, its result went back through the stack in 8-byte
/// stores that the caller read as 16-byte loads, which cannot be forwarded
/// (perf: half the samples of `nstring` sat on that load).
#[inline(always)]
pub(crate) fn quoted<'a>(input: &mut Input<'a>) -> ModalResult<ByteStr<'a>> {
    b'"'.parse_next(input)?;
    match plain_quoted(&mut input.input) {
        Some(plain) => Ok(ByteStr::from(plain)),
        None => quoted_rest(input),
    }
}

/// The common case of `quoted`, after its opening `"`: a short string
/// without escapes or control bytes, found by [`first_quoted_special`] and
/// borrowed. Anything else (`None`, input untouched) takes the general
/// path.
///
/// Quoted strings in FETCH metadata are mostly under 30 bytes, where the
/// call overhead of `memchr3` plus a second pass for CR dominate.
#[inline(always)]
pub(crate) fn plain_quoted<'a>(input: &mut &'a [u8]) -> Option<&'a [u8]> {
    let bytes: &'a [u8] = input;
    let window = &bytes[..bytes.len().min(64)];
    let end = first_quoted_special(window)?;
    if bytes[end] != b'"' {
        return None;
    }
    *input = &bytes[end + 1..];
    Some(&bytes[..end])
}

/// The general path of `quoted`, after its opening `"`: long strings,
/// escapes, control bytes and errors.
///
/// Kept out of line: inlined, its registers and stack were saved and
/// restored on every call of the short path too (17 of the 115
/// instructions a quoted string cost).
#[inline(never)]
fn quoted_rest<'a>(input: &mut Input<'a>) -> ModalResult<ByteStr<'a>> {
    let end = memchr::memchr3(b'"', b'\\', b'\n', input.input).unwrap_or(input.input.len());
    let body = take(end).parse_next(input)?;
    if body.contains(&b'\r') {
        return Err(ErrMode::Cut(ParseFail::new()));
    }
    if input.input.first() == Some(&b'"') {
        b'"'.parse_next(input)?;
        return Ok(ByteStr::from(body));
    }
    // Room for the rest of a typical escaped name or subject: growing from
    // exactly `body` reallocated about twice per string (LIST: 1.35 -> 1.12
    // allocations a line, 5% fewer instructions).
    let mut owned = Vec::with_capacity(body.len() + 32);
    owned.extend_from_slice(body);
    loop {
        // Runs of plain bytes are copied at once (names with an escape or
        // 8-bit bytes come here); each special byte is read as before.
        let run = input.input.iter().position(|b| matches!(b, b'"' | b'\\' | b'\r' | b'\n'));
        let run = take(run.unwrap_or(input.input.len())).parse_next(input)?;
        owned.extend_from_slice(run);
        match cut_err(any).parse_next(input)? {
            b'"' => return Ok(ByteStr::from(owned)),
            b'\\' => owned.push(cut_err(any.verify(|b| *b != b'\r' && *b != b'\n')).parse_next(input)?),
            _ => return Err(ErrMode::Cut(ParseFail::new())),
        }
    }
}

/// `literal = "{" number64 ["+"] "}" CRLF *CHAR8` and
/// `literal8 = "~{" number64 "}" CRLF *OCTET` (RFC 3516): the literal's
/// bytes, borrowed.
pub(crate) fn literal_bytes<'a>(input: &mut Input<'a>) -> ModalResult<&'a [u8]> {
    let len = preceded((opt(b'~'), b'{'), cut_err((number64, opt(b'+'), b'}', b"\r\n")))
        .map(|(n, _, _, _)| n)
        .context(StrContext::Label("literal"))
        .parse_next(input)?;
    let len = usize::try_from(len).map_err(|_| ErrMode::Cut(ParseFail::new()))?;
    let data = cut_err(take(len)).parse_next(input)?;
    if input.state.in_msg_att && input.input.starts_with(b"\r\n") {
        // Quirk: an empty line right after a literal inside a FETCH, which
        // the framer keeps in the response ([`ParseState::in_msg_att`]).
        input.input = &input.input[2..];
    }
    Ok(data)
}

/// `text = 1*TEXT-CHAR`, possibly empty (quirk: servers omit it). Returns
/// the bytes up to CRLF.
pub(crate) fn text<'a>(input: &mut Input<'a>) -> ModalResult<ByteStr<'a>> {
    let bytes = input.input;
    // The first byte that is not TEXT-CHAR, found by `memchr3`: less than
    // testing each byte even on short status texts (callgrind, 500 small
    // responses: 665K -> 658K instructions).
    let len = memchr::memchr3(b'\r', b'\n', 0, bytes).unwrap_or(bytes.len());
    input.input = &bytes[len..];
    Ok(ByteStr::from(trim_end_spaces(&bytes[..len])))
}

fn trim_end_spaces(b: &[u8]) -> &[u8] {
    let end = b.iter().rposition(|c| *c != b' ').map_or(0, |i| i + 1);
    &b[..end]
}

/// Bytes that the parser already checked are ASCII, as `&str`.
pub(crate) fn ascii_str(b: &[u8]) -> &str {
    // Only called on runs of ASCII bytes; the fallback never happens.
    std::str::from_utf8(b).unwrap_or_default()
}

/// What `cut_err(parser).context(StrContext::Label(label))` makes of a
/// failure: final, and labelled. For rules written as plain calls.
pub(crate) fn cut_with_label(error: ErrMode<ParseFail>, label: &'static str) -> ErrMode<ParseFail> {
    error.cut().map(|mut e| {
        e.push(StrContext::Label(label));
        e
    })
}

/// Runs `parser` one nesting level deeper, failing (without recursing)
/// when the depth budget of [`ParseOptions`](super::ParseOptions) is spent.
pub(crate) fn nested<'a, O>(
    input: &mut Input<'a>,
    mut parser: impl Parser<Input<'a>, O, ErrMode<ParseFail>>,
) -> ModalResult<O> {
    if input.state.depth_left == 0 {
        let mut e = ParseFail::new();
        e.push(StrContext::Expected(StrContextValue::Description("less deeply nested data")));
        return Err(ErrMode::Cut(e));
    }
    input.state.depth_left -= 1;
    let result = parser.parse_next(input);
    input.state.depth_left += 1;
    result
}

/// The error of a small rule that did not match: a backtrack without
/// context, as winnow's `take_while` and `verify_map` build it.
///
/// The hand-written rules above return it, so that the combinators
/// around them (`opt`, `alt`, `cut_err`) see the same errors as before.
#[inline]
pub(crate) fn backtrack() -> ErrMode<ParseFail> {
    ErrMode::Backtrack(ParseFail::new())
}

/// `1*<byte of class>`: the bytes, borrowed; fails, input untouched, when
/// the first byte is not of the class. `take_while(1.., class)` by hand.
#[inline]
pub(crate) fn take_class<'a>(input: &mut Input<'a>, class: impl Fn(u8) -> bool) -> ModalResult<&'a [u8]> {
    let bytes = input.input;
    let len = bytes.iter().position(|b| !class(*b)).unwrap_or(bytes.len());
    if len == 0 {
        return Err(backtrack());
    }
    input.input = &bytes[len..];
    Ok(&bytes[..len])
}

/// `*SP`: skips any spaces (quirk: servers put extra spaces inside
/// lists); never fails.
#[inline]
pub(crate) fn skip_spaces(input: &mut Input<'_>) {
    if input.input.first() == Some(&b' ') {
        let spaces = input.input.iter().take_while(|b| **b == b' ').count();
        input.input = &input.input[spaces..];
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::wire::parse::ParseState;
    use winnow::combinator::alt;

    fn run<'a, O>(
        mut p: impl Parser<Input<'a>, O, ErrMode<ParseFail>>,
        bytes: &'a [u8],
    ) -> Option<(O, &'a [u8])> {
        let mut input = Input { input: bytes, state: ParseState::new(4) };
        p.parse_next(&mut input).ok().map(|o| (o, input.input))
    }

    #[test]
    fn quoted_unescapes_and_borrows_when_it_can() {
        let (s, rest) = run(quoted, br#""a\"b\\c" x"#).unwrap();
        assert_eq!(s.as_bytes(), br#"a"b\c"#);
        assert_eq!(rest, b" x");
        let (s, _) = run(quoted, b"\"plain\"").unwrap();
        assert!(matches!(s.into_inner(), Cow::Borrowed(b"plain")));
    }

    #[test]
    fn quoted_fast_and_general_paths_agree() {
        for len in [0, 7, 8, 9, 63, 64, 65, 100] {
            let body = "a".repeat(len);
            let plain = format!("\"{body}\" x");
            let (s, rest) = run(quoted, plain.as_bytes()).unwrap();
            assert_eq!((s.as_bytes(), rest), (body.as_bytes(), &b" x"[..]));
            let escaped = format!("\"{body}\\\\\"");
            let (s, _) = run(quoted, escaped.as_bytes()).unwrap();
            assert_eq!(s.as_bytes(), format!("{body}\\").as_bytes());
            assert!(run(quoted, format!("\"{body}\r\"").as_bytes()).is_none());
        }
    }

    #[test]
    fn quoted_keeps_8bit_and_refuses_cr() {
        assert_eq!(run(quoted, "\"Grüße\"".as_bytes()).unwrap().0.to_str(), Some("Grüße"));
        assert!(run(quoted, b"\"a\r\nb\"").is_none());
    }

    #[test]
    fn literal_is_a_slice_of_the_input() {
        let (s, rest) = run(string, b"{5}\r\nde\r\nf)").unwrap();
        assert_eq!(s.as_bytes(), b"de\r\nf");
        assert_eq!(rest, b")");
        assert_eq!(run(string, b"{0}\r\n").unwrap().0.as_bytes(), b"");
        assert!(run(string, b"{9}\r\nshort").is_none());
        assert!(run(string, b"{9223372036854775808}\r\n").is_none());
    }

    #[test]
    fn nstring_accepts_nil_in_any_case() {
        assert_eq!(run(nstring, b"nil").unwrap().0, None);
        assert_eq!(run(nstring, b"\"x\"").unwrap().0.unwrap().as_bytes(), b"x");
    }

    #[test]
    fn numbers_refuse_overflow() {
        assert_eq!(run(number, b"4294967295").unwrap().0, u32::MAX);
        assert!(run(number, b"4294967296").is_none());
        assert!(run(nz_number, b"0").is_none());
        assert_eq!(run(number64, b"9223372036854775807").unwrap().0, i64::MAX as u64);
    }

    #[test]
    fn nesting_budget_is_enforced() {
        fn deep<'a>(input: &mut Input<'a>) -> ModalResult<usize> {
            alt((b'x'.value(0), (b'(', |i: &mut Input<'a>| nested(i, deep), b')').map(|(_, n, _)| n + 1)))
                .parse_next(input)
        }
        assert_eq!(run(deep, b"((((x))))").unwrap().0, 4);
        assert!(run(deep, b"(((((x)))))").is_none());
    }
}
