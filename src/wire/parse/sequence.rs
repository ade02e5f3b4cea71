//! `sequence-set`, `seq-range`, `seq-number` and `uid-set` (RFC 3501
//! section 9, RFC 9051 section 9, UIDPLUS RFC 4315).

use std::num::NonZeroU32;

use winnow::error::{ErrMode, StrContext};

use super::Input;
use super::core::{backtrack, decimal};
use super::{ModalResult, ParseFail};
use crate::types::{SeqNumber, SeqRange, SequenceSet};

/// `sequence-set = (seq-number / seq-range) ["," sequence-set]`, also
/// used for `uid-set` and `known-uids`.
///
/// Read as `separated(1.., seq_range, b',')` would (a `,` not followed by
/// a range is left unread), in a plain loop over the bytes into a `Vec`
/// with room for 4 ranges, without the `Vec`'s growth path on the first
/// push (callgrind, the ESEARCH `ALL` sets of 30 ESEARCH/SORT/THREAD
/// responses: 492K -> 354K instructions with parsers for the ranges and
/// numbers, see [`seq_range`] for the rest).
pub(crate) fn sequence_set(input: &mut Input<'_>) -> ModalResult<SequenceSet> {
    let bytes = input.input;
    let Some((first, mut pos)) = seq_range(bytes) else {
        // The error of `separated(1.., ..).context(..)`: a labelled backtrack.
        let mut e = ParseFail::new();
        e.push(StrContext::Label("sequence-set"));
        return Err(ErrMode::Backtrack(e));
    };
    let mut ranges = Vec::with_capacity(4);
    ranges.push(first);
    while let Some(b',') = bytes.get(pos) {
        let Some((range, len)) = seq_range(&bytes[pos + 1..]) else { break };
        ranges.push(range);
        pos += 1 + len;
    }
    input.input = &bytes[pos..];
    SequenceSet::from_ranges(ranges).map_err(|_| backtrack())
}

/// `seq-range = seq-number ":" seq-number`, or one `seq-number`, at the
/// start of `bytes`, and its length (a `:` not followed by a number is
/// left unread, as `opt(preceded(':', seq_number))` did).
///
/// On bytes, returning an `Option`: the `ModalResult` of a parser is 48
/// bytes, written and read back for each number of a set that can hold
/// thousands.
pub(crate) fn seq_range(bytes: &[u8]) -> Option<(SeqRange, usize)> {
    let (start, len) = seq_number(bytes)?;
    if bytes.get(len) == Some(&b':')
        && let Some((end, end_len)) = seq_number(&bytes[len + 1..])
    {
        return Some((SeqRange::new(start, end), len + 1 + end_len));
    }
    Some((SeqRange::single(start), len))
}

/// `seq-number = nz-number / "*"` at the start of `bytes`, and its length:
/// at most 10 digits, as [`nz_number`](super::core::nz_number) reads them.
pub(crate) fn seq_number(bytes: &[u8]) -> Option<(SeqNumber, usize)> {
    if bytes.first() == Some(&b'*') {
        return Some((SeqNumber::Largest, 1));
    }
    let (value, len) = decimal(bytes, 10);
    let n = NonZeroU32::new(u32::try_from(value).ok()?)?;
    Some((SeqNumber::Value(n), len))
}

#[cfg(test)]
mod tests {
    use winnow::prelude::*;

    use super::*;
    use crate::wire::parse::{ModalResult, ParseState};

    fn parse(bytes: &[u8]) -> Option<(SequenceSet, &[u8])> {
        let mut input = Input { input: bytes, state: ParseState::new(4) };
        sequence_set(&mut input).ok().map(|s| (s, input.input))
    }

    fn n(v: u32) -> SeqNumber {
        SeqNumber::Value(NonZeroU32::new(v).unwrap())
    }

    #[test]
    fn ranges_singles_and_star() {
        let (set, rest) = parse(b"1:3,6,9:* x").unwrap();
        assert_eq!(
            set.ranges(),
            [SeqRange::new(n(1), n(3)), SeqRange::single(n(6)), SeqRange::new(n(9), SeqNumber::Largest)]
        );
        assert_eq!(rest, b" x");
    }

    #[test]
    fn zero_and_empty_are_refused() {
        assert!(parse(b"0").is_none());
        assert!(parse(b"").is_none());
        assert!(parse(b",1").is_none());
    }

    /// The combinator form the loop replaced, kept as the reference.
    fn reference(input: &mut Input<'_>) -> ModalResult<SequenceSet> {
        use winnow::combinator::{alt, opt, preceded, separated};

        use crate::wire::parse::core::nz_number;
        let seq_number = || {
            alt((b'*'.value(SeqNumber::Largest), nz_number.verify_map(NonZeroU32::new).map(SeqNumber::Value)))
        };
        let seq_range = (seq_number(), opt(preceded(b':', seq_number()))).map(|(start, end)| match end {
            Some(end) => SeqRange::new(start, end),
            None => SeqRange::single(start),
        });
        separated(1.., seq_range, b',')
            .verify_map(|ranges: Vec<SeqRange>| SequenceSet::from_ranges(ranges).ok())
            .context(StrContext::Label("sequence-set"))
            .parse_next(input)
    }

    #[test]
    fn loop_reads_as_the_combinators_did() {
        let cases: &[&[u8]] = &[
            b"",
            b"1",
            b"1:3,6,9:* x",
            b"*",
            b"*:*",
            b"1:",
            b"1:x",
            b"1,",
            b"1,,2",
            b"1,2:",
            b"0",
            b"1,0",
            b"1:0",
            b"4294967295",
            b"4294967296",
            b"12345678901",
            b",1",
            b"1:2:3",
            b"1 2",
            b"$",
        ];
        for case in cases {
            let mut got = Input { input: case, state: ParseState::new(4) };
            let mut want = got;
            let got = (sequence_set(&mut got).map_err(|e| format!("{e:?}")), got.input);
            let want = (reference(&mut want).map_err(|e| format!("{e:?}")), want.input);
            assert_eq!(got, want, "{}", case.escape_ascii());
        }
    }

    #[test]
    fn trailing_comma_is_left_unparsed() {
        let (set, rest) = parse(b"4,").unwrap();
        assert_eq!((set.ranges().len(), rest), (1, &b","[..]));
    }
}
