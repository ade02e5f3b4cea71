//! `sequence-set` (RFC 3501 section 9, RFC 9051 section 9).

use std::num::NonZeroU32;

use super::ValidationError;

/// One end of a range: a message number or UID, or `*` (the largest in use).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SeqNumber {
    /// A message sequence number or UID.
    Value(NonZeroU32),
    /// `*`: the largest number in use.
    Largest,
}

/// `seq-range = seq-number ":" seq-number`, or a single number when both
/// ends are equal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SeqRange {
    start: SeqNumber,
    end: SeqNumber,
}

impl SeqRange {
    /// The range from `start` to `end` as written (IMAP ranges are
    /// unordered: `5:3` is `3:5`).
    pub fn new(start: SeqNumber, end: SeqNumber) -> Self {
        SeqRange { start, end }
    }

    /// One number.
    pub fn single(n: SeqNumber) -> Self {
        SeqRange { start: n, end: n }
    }

    /// The first end as written.
    pub fn start(&self) -> SeqNumber {
        self.start
    }

    /// The second end as written.
    pub fn end(&self) -> SeqNumber {
        self.end
    }
}

/// A non-empty set of message numbers or UIDs, such as `1:3,6:*`.
///
/// CONTRACT STUB: the types work adds parsing from text, Display,
/// normalising, `$`, and builders; `from_ranges` keeps its signature.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SequenceSet {
    ranges: Vec<SeqRange>,
}

impl SequenceSet {
    /// The set made of `ranges`, in the given order; fails when empty.
    pub fn from_ranges(ranges: impl IntoIterator<Item = SeqRange>) -> Result<Self, ValidationError> {
        let ranges: Vec<SeqRange> = ranges.into_iter().collect();
        if ranges.is_empty() {
            return Err(ValidationError::empty("sequence set"));
        }
        Ok(SequenceSet { ranges })
    }

    /// The ranges in the order they were given.
    pub fn ranges(&self) -> &[SeqRange] {
        &self.ranges
    }
}
