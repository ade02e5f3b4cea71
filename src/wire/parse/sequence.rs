//! `sequence-set`, `seq-range`, `seq-number` and `uid-set` (RFC 3501
//! section 9, RFC 9051 section 9, UIDPLUS RFC 4315).

use std::num::NonZeroU32;

use winnow::combinator::{alt, opt, preceded, separated};
use winnow::error::StrContext;
use winnow::prelude::*;

use super::Input;
use super::ModalResult;
use super::core::nz_number;
use crate::types::{SeqNumber, SeqRange, SequenceSet};

/// `sequence-set = (seq-number / seq-range) ["," sequence-set]`, also
/// used for `uid-set` and `known-uids`.
pub(crate) fn sequence_set(input: &mut Input<'_>) -> ModalResult<SequenceSet> {
    separated(1.., seq_range, b',')
        .verify_map(|ranges: Vec<SeqRange>| SequenceSet::from_ranges(ranges).ok())
        .context(StrContext::Label("sequence-set"))
        .parse_next(input)
}

/// `seq-range = seq-number ":" seq-number`, or one `seq-number`.
pub(crate) fn seq_range(input: &mut Input<'_>) -> ModalResult<SeqRange> {
    (seq_number, opt(preceded(b':', seq_number)))
        .map(|(start, end)| match end {
            Some(end) => SeqRange::new(start, end),
            None => SeqRange::single(start),
        })
        .parse_next(input)
}

/// `seq-number = nz-number / "*"`.
pub(crate) fn seq_number(input: &mut Input<'_>) -> ModalResult<SeqNumber> {
    alt((b'*'.value(SeqNumber::Largest), nz_number.verify_map(NonZeroU32::new).map(SeqNumber::Value)))
        .parse_next(input)
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

    #[test]
    fn trailing_comma_is_left_unparsed() {
        let (set, rest) = parse(b"4,").unwrap();
        assert_eq!((set.ranges().len(), rest), (1, &b","[..]));
    }
}
