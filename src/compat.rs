//! imaplib's module helpers, typed: `Internaldate2tuple`, `Int2AP`,
//! `ParseFlags` and `Time2Internaldate`.
//!
//! | imaplib | here |
//! |---|---|
//! | `Internaldate2tuple(resp)` | [`internaldate_to_datetime`] |
//! | `Int2AP(num)` | [`int_to_ap`] |
//! | `ParseFlags(resp)` | [`parse_flags`] |
//! | `Time2Internaldate(date_time)` | [`datetime_to_internaldate`] |

use chrono::{DateTime, FixedOffset, Local, NaiveDateTime, TimeZone};
use winnow::Parser;

pub use crate::session::int_to_ap;
use crate::types::{Flag, InternalDate, ValidationError};
use crate::wire::parse::{Input, ParseState, flag::flag_list};

/// imaplib's `Internaldate2tuple`: the date of an `INTERNALDATE
/// "DD-Mon-YYYY HH:MM:SS +ZZZZ"` in a FETCH response (or the date text
/// alone, quoted or not), with its zone kept.
///
/// `None` when there is no such date or it is malformed, an unknown month
/// included (imaplib raises `KeyError` there). A day padded with a space
/// is read.
///
/// ```
/// use typed_imap::compat::internaldate_to_datetime;
/// let d = internaldate_to_datetime(b"25 (INTERNALDATE \"01-Jan-2000 11:30:00 +1130\")").unwrap();
/// assert_eq!(d.timestamp(), 946684800);
/// assert_eq!(d.offset().local_minus_utc(), 11 * 3600 + 30 * 60);
/// ```
pub fn internaldate_to_datetime(response: &[u8]) -> Option<DateTime<FixedOffset>> {
    let text = std::str::from_utf8(response).ok()?;
    let date = match find_ignore_case(text, "INTERNALDATE \"") {
        Some(start) => text[start..].split('"').next()?,
        None => text.trim().trim_matches('"'),
    };
    date.parse::<InternalDate>().ok().map(|d| d.as_datetime())
}

/// imaplib's `ParseFlags`: the flags of the `FLAGS (...)` in a FETCH
/// response, or none when there is no FLAGS item.
///
/// ```
/// use typed_imap::compat::parse_flags;
/// use typed_imap::types::Flag;
/// let flags = parse_flags(b"1 (FLAGS (\\Seen \\Deleted foo))");
/// assert_eq!(flags, [Flag::Seen, Flag::Deleted, Flag::keyword("foo").unwrap()]);
/// ```
pub fn parse_flags(response: &[u8]) -> Vec<Flag<'static>> {
    let text = String::from_utf8_lossy(response);
    let Some(start) = find_ignore_case(&text, "FLAGS (") else { return Vec::new() };
    let list = &response[start - 1..];
    let mut input = Input { input: list, state: ParseState::new(1) };
    flag_list
        .parse_next(&mut input)
        .map(|f| f.into_iter().map(Flag::into_owned).collect())
        .unwrap_or_default()
}

/// The byte offset just after the first `needle` in `haystack`, ignoring
/// ASCII case.
fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    let upper = haystack.to_ascii_uppercase();
    upper.find(needle).map(|i| i + needle.len())
}

/// What [`datetime_to_internaldate`] takes, as imaplib's
/// `Time2Internaldate` does.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeInput {
    /// Seconds since the epoch, shown in the machine's local zone.
    Epoch(i64),
    /// Seconds since the epoch, shown at the given offset.
    EpochAt(i64, FixedOffset),
    /// A date and time with its zone.
    DateTime(DateTime<FixedOffset>),
    /// A date and time without a zone: refused, as imaplib refuses naive
    /// datetimes.
    Naive(NaiveDateTime),
    /// Text already in the quoted form `"DD-Mon-YYYY HH:MM:SS +ZZZZ"`:
    /// passed through.
    Quoted(String),
}

impl From<i64> for TimeInput {
    fn from(secs: i64) -> Self {
        TimeInput::Epoch(secs)
    }
}

impl<Tz: TimeZone> From<DateTime<Tz>> for TimeInput {
    fn from(dt: DateTime<Tz>) -> Self {
        TimeInput::DateTime(dt.fixed_offset())
    }
}

impl From<NaiveDateTime> for TimeInput {
    fn from(dt: NaiveDateTime) -> Self {
        TimeInput::Naive(dt)
    }
}

impl From<&str> for TimeInput {
    fn from(s: &str) -> Self {
        TimeInput::Quoted(s.to_owned())
    }
}

/// imaplib's `Time2Internaldate`: the quoted IMAP form of a time,
/// `"18-May-2033 05:33:20 +0200"`, with English month names whatever the
/// locale.
///
/// Refuses a datetime without a zone, a time chrono cannot represent, and
/// text that is not already a quoted date.
///
/// ```
/// use chrono::FixedOffset;
/// use typed_imap::compat::{TimeInput, datetime_to_internaldate};
/// let utc2 = FixedOffset::east_opt(2 * 3600).unwrap();
/// let text = datetime_to_internaldate(TimeInput::EpochAt(2_000_000_000, utc2)).unwrap();
/// assert_eq!(text, "\"18-May-2033 05:33:20 +0200\"");
/// ```
pub fn datetime_to_internaldate(time: impl Into<TimeInput>) -> Result<String, ValidationError> {
    let out_of_range = || ValidationError::other("date-time", "out of range");
    let dt = match time.into() {
        TimeInput::Epoch(secs) => {
            Local.timestamp_opt(secs, 0).single().ok_or_else(out_of_range)?.fixed_offset()
        }
        TimeInput::EpochAt(secs, offset) => {
            offset.timestamp_opt(secs, 0).single().ok_or_else(out_of_range)?
        }
        TimeInput::DateTime(dt) => dt,
        TimeInput::Naive(_) => {
            return Err(ValidationError::other("date-time", "a date and time without a zone is ambiguous"));
        }
        TimeInput::Quoted(text) => return quoted_passthrough(text),
    };
    Ok(format!("\"{}\"", InternalDate::from(dt)))
}

fn quoted_passthrough(text: String) -> Result<String, ValidationError> {
    let inner = text.strip_prefix('"').and_then(|t| t.strip_suffix('"'));
    match inner.map(str::parse::<InternalDate>) {
        Some(Ok(_)) => Ok(text),
        _ => Err(ValidationError::other("date-time", "expected \"DD-Mon-YYYY HH:MM:SS +ZZZZ\" in quotes")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c108_int_to_ap() {
        assert_eq!(int_to_ap(4096), "BAAA");
        assert_eq!(int_to_ap(65535), "PPPP");
        assert_eq!(int_to_ap(17), "BB");
        assert_eq!(int_to_ap(0), "");
    }

    #[test]
    fn c109_internaldates_in_three_zones_are_one_instant() {
        let dates =
            ["01-Jan-2000 00:00:00 +0000", "01-Jan-2000 11:30:00 +1130", "31-Dec-1999 12:30:00 -1130"];
        let instants: Vec<i64> = dates
            .iter()
            .map(|d| format!("25 (INTERNALDATE \"{d}\")"))
            .map(|r| internaldate_to_datetime(r.as_bytes()).unwrap().timestamp())
            .collect();
        assert_eq!(instants, [946684800; 3]);
    }

    #[test]
    fn c109_space_padded_day_malformed_and_unknown_month() {
        assert!(internaldate_to_datetime(b"INTERNALDATE \" 1-Jan-2000 00:00:00 +0000\"").is_some());
        assert_eq!(internaldate_to_datetime(b"INTERNALDATE \"garbage\""), None);
        assert_eq!(internaldate_to_datetime(b"INTERNALDATE \"01-Foo-2000 00:00:00 +0000\""), None);
        assert_eq!(internaldate_to_datetime(b"25 (UID 3)"), None);
    }

    #[test]
    fn c109_zone_is_kept() {
        let d = internaldate_to_datetime(b"31-Dec-1999 12:30:00 -1130").unwrap();
        assert_eq!(d.offset().local_minus_utc(), -(11 * 3600 + 30 * 60));
    }

    #[test]
    fn c110_time2internaldate_forms() {
        let utc2 = FixedOffset::east_opt(7200).unwrap();
        assert_eq!(
            datetime_to_internaldate(TimeInput::EpochAt(2_000_000_000, utc2)).unwrap(),
            "\"18-May-2033 05:33:20 +0200\""
        );
        let minus_0430 = FixedOffset::west_opt(4 * 3600 + 30 * 60).unwrap();
        let dt = minus_0430.with_ymd_and_hms(2033, 5, 18, 0, 3, 20).unwrap();
        assert_eq!(datetime_to_internaldate(dt).unwrap(), "\"18-May-2033 00:03:20 -0430\"");
        assert!(datetime_to_internaldate(dt.naive_utc()).is_err());
        let quoted = "\"18-May-2033 05:33:20 +0200\"";
        assert_eq!(datetime_to_internaldate(quoted).unwrap(), quoted);
        assert!(datetime_to_internaldate("18-May-2033").is_err());
    }

    #[test]
    fn c110_local_epoch_has_the_local_offset() {
        let text = datetime_to_internaldate(2_000_000_000).unwrap();
        let back = internaldate_to_datetime(text.as_bytes()).unwrap();
        assert_eq!(back.timestamp(), 2_000_000_000);
    }

    #[test]
    fn c111_parse_flags() {
        assert_eq!(
            parse_flags(b"1 (FLAGS (\\Seen \\Deleted foo))"),
            [Flag::Seen, Flag::Deleted, Flag::keyword("foo").unwrap()]
        );
        assert!(parse_flags(b"1 (UID 4)").is_empty());
        assert!(parse_flags(b"1 (flags ())").is_empty());
    }
}
