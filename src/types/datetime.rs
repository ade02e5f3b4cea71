//! `date-time` (RFC 3501 section 9): `"DD-Mon-YYYY HH:MM:SS +ZZZZ"`.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};
use winnow::Parser;

use super::ValidationError;
use crate::wire::encode::{Encode, Encoder};
use crate::wire::parse::datetime::{MONTHS, date_time_text};
use crate::wire::parse::{Input, ParseState};

/// A message's internal date (RFC 3501 section 2.3.3), with the zone the
/// server gave; sent and received as `"17-Jul-1996 02:44:25 -0700"`.
///
/// Month names are English whatever the locale; a space-padded day
/// (` 7-Jul-1996`) is read, and a zero-padded one is written.
///
/// ```
/// use typed_imap::types::InternalDate;
///
/// let d: InternalDate = " 7-Jul-1996 02:44:25 -0700".parse().unwrap();
/// assert_eq!(d.to_string(), "07-Jul-1996 02:44:25 -0700");
/// ```
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

impl fmt::Display for InternalDate {
    /// `DD-Mon-YYYY HH:MM:SS +ZZZZ`, the text inside the DQUOTEs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        write!(f, "{:02}-{}-{:04} ", d.day(), month_name(d.month()), d.year())?;
        write!(f, "{:02}:{:02}:{:02} ", d.hour(), d.minute(), d.second())?;
        let offset = d.offset().local_minus_utc();
        let sign = if offset < 0 { '-' } else { '+' };
        let minutes = offset.unsigned_abs() / 60;
        write!(f, "{sign}{:02}{:02}", minutes / 60, minutes % 60)
    }
}

impl FromStr for InternalDate {
    type Err = ValidationError;

    /// Reads `DD-Mon-YYYY HH:MM:SS +ZZZZ` (no DQUOTEs), the day padded with
    /// a space or a zero, the month in any case.
    fn from_str(s: &str) -> Result<Self, ValidationError> {
        let mut input = Input { input: s.as_bytes(), state: ParseState::new(0) };
        match date_time_text.parse_next(&mut input) {
            Ok(d) if input.input.is_empty() => Ok(d),
            _ => Err(ValidationError::other("date-time", "expected DD-Mon-YYYY HH:MM:SS +ZZZZ")),
        }
    }
}

/// The English abbreviation of month `m` (1 to 12).
pub(crate) fn month_name(m: u32) -> &'static str {
    MONTHS.get(m.wrapping_sub(1) as usize).copied().unwrap_or("???")
}

/// `date-text = date-day "-" date-month "-" date-year` (RFC 3501
/// section 9), as SEARCH dates are written: `1-Feb-1994`.
/// Fails for years outside `0000` to `9999` (`date-year = 4DIGIT`).
pub(crate) fn date_text(d: NaiveDate) -> Result<String, ValidationError> {
    check_year(d.year())?;
    Ok(format!("{}-{}-{:04}", d.day(), month_name(d.month()), d.year()))
}

/// `date-year = 4DIGIT`.
fn check_year(year: i32) -> Result<(), ValidationError> {
    match (0..=9999).contains(&year) {
        true => Ok(()),
        false => Err(ValidationError::other("date", "year outside 0000-9999")),
    }
}

/// `date-time`, quoted: `"17-Jul-1996 02:44:25 -0700"`; fails for years
/// outside `0000` to `9999`.
impl Encode for InternalDate {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        check_year(self.0.year())?;
        enc.raw(format!("\"{self}\"").as_bytes()).map(drop)
    }
}
