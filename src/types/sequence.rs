//! `sequence-set` (RFC 3501 section 9, RFC 9051 section 9) and the saved
//! search result `$` (RFC 5182).
//!
//! ```text
//! sequence-set = (seq-number / seq-range) ["," sequence-set]
//! seq-range    = seq-number ":" seq-number
//! seq-number   = nz-number / "*"
//! seq-last-command = "$"
//! ```

use std::fmt;
use std::num::NonZeroU32;
use std::ops::{Range, RangeFrom, RangeInclusive};
use std::str::FromStr;

use super::ValidationError;
use crate::wire::encode::{Encode, Encoder};

/// One end of a range: a message number or UID, or `*` (the largest in use).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SeqNumber {
    /// A message sequence number or UID.
    Value(NonZeroU32),
    /// `*`: the largest number in use.
    Largest,
}

impl SeqNumber {
    /// The number `n`; fails for 0, which numbers no message.
    pub fn new(n: u32) -> Result<Self, ValidationError> {
        NonZeroU32::new(n)
            .map(SeqNumber::Value)
            .ok_or_else(|| ValidationError::other("sequence set", "0 numbers no message"))
    }

    /// The number, with `*` standing for `largest`.
    pub fn resolve(self, largest: u32) -> u32 {
        match self {
            SeqNumber::Value(n) => n.get(),
            SeqNumber::Largest => largest,
        }
    }

    /// Ordering key: `*` sorts after every number.
    fn key(self) -> u64 {
        match self {
            SeqNumber::Value(n) => u64::from(n.get()),
            SeqNumber::Largest => u64::from(u32::MAX) + 1,
        }
    }
}

impl fmt::Display for SeqNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SeqNumber::Value(n) => write!(f, "{n}"),
            SeqNumber::Largest => f.write_str("*"),
        }
    }
}

/// `seq-range = seq-number ":" seq-number`, or a single number when both
/// ends are equal.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
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

impl fmt::Display for SeqRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.start == self.end {
            true => write!(f, "{}", self.start),
            false => write!(f, "{}:{}", self.start, self.end),
        }
    }
}

/// A non-empty set of message numbers or UIDs, such as `1:3,6:*`, or `$`,
/// the result saved by the last `SEARCH RETURN (SAVE)` (RFC 5182).
///
/// ```
/// use typed_imap::types::SequenceSet;
///
/// let set: SequenceSet = "6:*,1:3,2".parse().unwrap();
/// assert_eq!(set.to_string(), "6:*,1:3,2");
/// assert_eq!(set.normalise().to_string(), "1:3,6:*");
/// assert_eq!(SequenceSet::try_from(3..).unwrap().to_string(), "3:*");
/// assert_eq!(SequenceSet::from_numbers([1, 2, 3, 7]).unwrap().to_string(), "1:3,7");
/// assert_eq!(set.numbers(8).collect::<Vec<_>>(), [1, 2, 3, 6, 7, 8]);
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct SequenceSet {
    ranges: Vec<SeqRange>,
    /// `$`; `ranges` is then empty.
    saved: bool,
}

impl SequenceSet {
    /// The set made of `ranges`, in the given order; fails when empty.
    pub fn from_ranges(ranges: impl IntoIterator<Item = SeqRange>) -> Result<Self, ValidationError> {
        let ranges: Vec<SeqRange> = ranges.into_iter().collect();
        if ranges.is_empty() {
            return Err(ValidationError::empty("sequence set"));
        }
        Ok(SequenceSet { ranges, saved: false })
    }

    /// The set of one number; fails for 0.
    pub fn single(n: u32) -> Result<Self, ValidationError> {
        Ok(SequenceSet { ranges: vec![SeqRange::single(SeqNumber::new(n)?)], saved: false })
    }

    /// `1:*`: every message.
    pub fn all() -> Self {
        SequenceSet {
            ranges: vec![SeqRange::new(SeqNumber::Value(NonZeroU32::MIN), SeqNumber::Largest)],
            saved: false,
        }
    }

    /// `$`: the result saved by `SEARCH RETURN (SAVE)` (RFC 5182 section 2.1).
    pub fn saved() -> Self {
        SequenceSet { ranges: Vec::new(), saved: true }
    }

    /// The set of the given numbers, runs of consecutive ascending numbers
    /// joined into ranges (`1,2,3,7` is `1:3,7`); fails when empty or for 0.
    pub fn from_numbers(numbers: impl IntoIterator<Item = u32>) -> Result<Self, ValidationError> {
        let mut ranges: Vec<SeqRange> = Vec::new();
        for n in numbers {
            let n = SeqNumber::new(n)?;
            match ranges.last_mut() {
                Some(last) if last.end.key() + 1 == n.key() => last.end = n,
                _ => ranges.push(SeqRange::single(n)),
            }
        }
        SequenceSet::from_ranges(ranges)
    }

    /// True for `$`.
    pub fn is_saved(&self) -> bool {
        self.saved
    }

    /// The ranges in the order they were given (empty for `$`).
    pub fn ranges(&self) -> &[SeqRange] {
        &self.ranges
    }

    /// The same set sorted, overlapping and adjacent ranges merged
    /// (`5,1:3,4` is `1:5`). `*` is taken to be at least every number in
    /// the set, as it is when those numbers exist.
    pub fn normalise(&self) -> SequenceSet {
        let keys = self.ranges.iter().map(|r| (r.start.key(), r.end.key()));
        let ranges = merge(keys).into_iter().map(|(a, b)| SeqRange::new(from_key(a), from_key(b))).collect();
        SequenceSet { ranges, saved: self.saved }
    }

    /// The numbers of the set in ascending order, each once, with `*`
    /// standing for `largest` (the number of messages, or the highest UID).
    /// Empty for `$`, which only the server can resolve.
    pub fn numbers(&self, largest: u32) -> impl Iterator<Item = u32> + use<> {
        let resolved = self.ranges.iter().map(|r| {
            let (a, b) = (r.start.resolve(largest), r.end.resolve(largest));
            (u64::from(a.min(b).max(1)), u64::from(a.max(b)))
        });
        let nonempty: Vec<(u64, u64)> = resolved.filter(|(a, b)| a <= b).collect();
        merge(nonempty).into_iter().flat_map(|(a, b)| (a..=b).filter_map(|n| u32::try_from(n).ok()))
    }
}

/// Sorts `(start, end)` pairs (either order) and merges overlapping and
/// adjacent ones.
fn merge(pairs: impl IntoIterator<Item = (u64, u64)>) -> Vec<(u64, u64)> {
    let mut sorted: Vec<(u64, u64)> = pairs.into_iter().map(|(a, b)| (a.min(b), a.max(b))).collect();
    sorted.sort_unstable();
    let mut merged: Vec<(u64, u64)> = Vec::with_capacity(sorted.len());
    for (a, b) in sorted {
        match merged.last_mut() {
            Some(last) if a <= last.1 + 1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// The inverse of [`SeqNumber::key`].
fn from_key(key: u64) -> SeqNumber {
    u32::try_from(key).ok().and_then(NonZeroU32::new).map_or(SeqNumber::Largest, SeqNumber::Value)
}

impl fmt::Display for SequenceSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.saved {
            return f.write_str("$");
        }
        for (i, range) in self.ranges.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{range}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for SeqRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SeqRange({self})")
    }
}

impl fmt::Debug for SequenceSet {
    /// `SequenceSet("1:3,6:*")`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SequenceSet(\"{self}\")")
    }
}

impl FromStr for SequenceSet {
    type Err = ValidationError;

    /// Parses `1:3,6:*` or `$`.
    fn from_str(s: &str) -> Result<Self, ValidationError> {
        if s == "$" {
            return Ok(SequenceSet::saved());
        }
        if let Some(index) = s.bytes().position(|b| !matches!(b, b'0'..=b'9' | b':' | b',' | b'*')) {
            return Err(ValidationError::byte("sequence set", s.as_bytes()[index], index));
        }
        let ranges = s.split(',').map(parse_range).collect::<Result<Vec<_>, _>>()?;
        SequenceSet::from_ranges(ranges)
    }
}

/// `seq-number / seq-range`.
fn parse_range(s: &str) -> Result<SeqRange, ValidationError> {
    match s.split_once(':') {
        Some((a, b)) => Ok(SeqRange::new(parse_number(a)?, parse_number(b)?)),
        None => Ok(SeqRange::single(parse_number(s)?)),
    }
}

/// `seq-number = nz-number / "*"`, its bytes already checked.
fn parse_number(s: &str) -> Result<SeqNumber, ValidationError> {
    match s {
        "*" => return Ok(SeqNumber::Largest),
        "" => return Err(ValidationError::other("sequence set", "a number is missing")),
        _ => {}
    }
    let n = s
        .parse::<u32>()
        .map_err(|_| ValidationError::other("sequence set", "expected a number up to 4294967295, or *"))?;
    SeqNumber::new(n)
}

impl TryFrom<&str> for SequenceSet {
    type Error = ValidationError;

    fn try_from(s: &str) -> Result<Self, ValidationError> {
        s.parse()
    }
}

impl TryFrom<u32> for SequenceSet {
    type Error = ValidationError;

    /// The set of one number; fails for 0.
    fn try_from(n: u32) -> Result<Self, ValidationError> {
        SequenceSet::single(n)
    }
}

impl TryFrom<RangeInclusive<u32>> for SequenceSet {
    type Error = ValidationError;

    /// `a..=b` is `a:b`; fails when empty or starting at 0.
    fn try_from(r: RangeInclusive<u32>) -> Result<Self, ValidationError> {
        if r.is_empty() {
            return Err(ValidationError::empty("sequence set"));
        }
        let range = SeqRange::new(SeqNumber::new(*r.start())?, SeqNumber::new(*r.end())?);
        SequenceSet::from_ranges([range])
    }
}

impl TryFrom<Range<u32>> for SequenceSet {
    type Error = ValidationError;

    /// `a..b` is `a:b-1`; fails when empty or starting at 0.
    fn try_from(r: Range<u32>) -> Result<Self, ValidationError> {
        match r.is_empty() {
            true => Err(ValidationError::empty("sequence set")),
            false => SequenceSet::try_from(r.start..=r.end - 1),
        }
    }
}

impl TryFrom<RangeFrom<u32>> for SequenceSet {
    type Error = ValidationError;

    /// `a..` is `a:*`; fails for 0.
    fn try_from(r: RangeFrom<u32>) -> Result<Self, ValidationError> {
        SequenceSet::from_ranges([SeqRange::new(SeqNumber::new(r.start)?, SeqNumber::Largest)])
    }
}

/// `sequence-set`, as its [`Display`](fmt::Display) writes it.
impl Encode for SequenceSet {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.sequence_set(self);
        Ok(())
    }
}
