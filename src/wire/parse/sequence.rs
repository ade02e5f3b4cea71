//! `sequence-set`, `seq-range`, `seq-number` and `uid-set` (RFC 3501
//! section 9, RFC 9051 section 9, UIDPLUS RFC 4315).

use std::num::NonZeroU32;

use winnow::combinator::{alt, opt, preceded, separated};
use winnow::error::StrContext;
use winnow::prelude::*;

use super::Input;
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
