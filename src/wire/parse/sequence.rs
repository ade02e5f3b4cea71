//! `sequence-set`, `seq-range`, `seq-number` and `uid-set` (RFC 3501
//! section 9, RFC 9051 section 9, UIDPLUS RFC 4315).

use std::num::NonZeroU32;

use winnow::combinator::separated;
use winnow::error::StrContext;
use winnow::prelude::*;

use super::Input;
use super::core::{backtrack, nz_number};
use crate::types::{SeqNumber, SeqRange, SequenceSet};

/// `sequence-set = (seq-number / seq-range) ["," sequence-set]`, also
/// used for `uid-set` and `known-uids`.
///
/// Read as `separated(1.., seq_range, b',')` would (a `,` not followed by
/// a range is left unread), in a plain loop into a `Vec` with room for 4
/// ranges, without the `Vec`'s growth path on the first push (callgrind,
/// the ESEARCH `ALL` sets of 30 ESEARCH/SORT/THREAD responses: 492K ->
/// 354K instructions). When not even one range parses, the combinator
/// form runs, for its labelled error.
pub(crate) fn sequence_set(input: &mut Input<'_>) -> ModalResult<SequenceSet> {
    let Ok(first) = seq_range(input) else {
        return separated(1.., seq_range, b',')
            .verify_map(|ranges: Vec<SeqRange>| SequenceSet::from_ranges(ranges).ok())
            .context(StrContext::Label("sequence-set"))
            .parse_next(input);
    };
    let mut ranges = Vec::with_capacity(4);
    ranges.push(first);
    while let [b',', rest @ ..] = input.input {
        let before = input.input;
        input.input = rest;
        match seq_range(input) {
            Ok(range) => ranges.push(range),
            Err(_) => {
                input.input = before;
                break;
            }
        }
    }
    SequenceSet::from_ranges(ranges).map_err(|_| backtrack())
}

/// `seq-range = seq-number ":" seq-number`, or one `seq-number`.
pub(crate) fn seq_range(input: &mut Input<'_>) -> ModalResult<SeqRange> {
    let start = seq_number(input)?;
    if let [b':', rest @ ..] = input.input {
        let before = input.input;
        input.input = rest;
        match seq_number(input) {
            Ok(end) => return Ok(SeqRange::new(start, end)),
            Err(_) => input.input = before,
        }
    }
    Ok(SeqRange::single(start))
}

/// `seq-number = nz-number / "*"`.
pub(crate) fn seq_number(input: &mut Input<'_>) -> ModalResult<SeqNumber> {
    if let [b'*', rest @ ..] = input.input {
        input.input = rest;
        return Ok(SeqNumber::Largest);
    }
    let n = nz_number(input)?;
    NonZeroU32::new(n).map(SeqNumber::Value).ok_or_else(backtrack)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::parse::ParseState;

    fn parse(bytes: &[u8]) -> Option<(SequenceSet, &[u8])> {
        let mut input = Input { input: bytes, state: ParseState { depth_left: 4 } };
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
        use winnow::combinator::{alt, opt, preceded};
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
            let mut got = Input { input: case, state: ParseState { depth_left: 4 } };
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
