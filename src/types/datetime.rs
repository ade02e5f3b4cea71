//! `date-time` (RFC 3501 section 9): `"DD-Mon-YYYY HH:MM:SS +ZZZZ"`.

use chrono::{DateTime, FixedOffset};

/// A message's internal date, with the zone the server gave.
///
/// CONTRACT STUB: the types work adds the wire format both ways.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct InternalDate(DateTime<FixedOffset>);

impl InternalDate {
    /// The date and time with its zone offset.
    pub fn as_datetime(&self) -> DateTime<FixedOffset> {
        self.0
    }
}

impl From<DateTime<FixedOffset>> for InternalDate {
    fn from(dt: DateTime<FixedOffset>) -> Self {
        InternalDate(dt)
    }
}
