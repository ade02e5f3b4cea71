//! `date-time` (RFC 3501 section 9): the internal date of a message, in
//! FETCH INTERNALDATE responses.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use winnow::combinator::{alt, cut_err, delimited, preceded};
use winnow::error::{StrContext, StrContextValue};
use winnow::prelude::*;
use winnow::token::{one_of, take, take_while};

use super::Input;
use super::{ModalResult, ParseFail};
use crate::types::InternalDate;

/// English month abbreviations, in order (RFC 3501 section 9, `date-month`).
pub(crate) const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// `date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE`.
///
/// Lenient: the month name in any case, and a day written `7`, ` 7` or `07`.
pub(crate) fn date_time<'a>(input: &mut Input<'a>) -> ModalResult<InternalDate> {
    if let Some(date) = fixed_date_time(input.input) {
        input.input = &input.input[FIXED_LEN..];
        return Ok(date);
    }
    delimited(b'"', cut_err(date_time_text), cut_err(b'"'))
        .context(StrContext::Label("date-time"))
        .parse_next(input)
}

/// The length of `"DD-Mon-YYYY HH:MM:SS +ZZZZ"`, quotes included.
const FIXED_LEN: usize = 28;

/// The common case of `date-time`, read at fixed offsets: a two-character
/// day (`07` or ` 7`). Anything else, or a value that is not a valid date,
/// gives `None` and the general parser decides (and reports the error).
///
/// Every FETCH INTERNALDATE goes through here: the combinators cost about
/// 960 instructions per date, this about half (callgrind, 200 FETCH
/// metadata responses: 6.81M -> 6.72M instructions).
fn fixed_date_time(bytes: &[u8]) -> Option<InternalDate> {
    let b = bytes.get(..FIXED_LEN)?;
    let seps = [(0, b'"'), (3, b'-'), (7, b'-'), (12, b' '), (15, b':'), (18, b':'), (21, b' '), (27, b'"')];
    if seps.iter().any(|&(at, sep)| b[at] != sep) {
        return None;
    }
    let num = |range: std::ops::Range<usize>| {
        b[range].iter().try_fold(0, |n, d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    let day = if b[1] == b' ' { num(2..3)? } else { num(1..3)? };
    let month = MONTHS.iter().position(|m| m.as_bytes().eq_ignore_ascii_case(&b[4..7]))? as u32 + 1;
    let date = NaiveDate::from_ymd_opt(num(8..12)? as i32, month, day)?;
    let naive = date.and_hms_opt(num(13..15)?, num(16..18)?, num(19..21)?)?;
    let (zone_hours, zone_minutes) = (num(23..25)?, num(25..27)?);
    let secs = (zone_hours * 3600 + zone_minutes * 60) as i32;
    let offset = match b[22] {
        b'+' if zone_minutes < 60 => FixedOffset::east_opt(secs)?,
        b'-' if zone_minutes < 60 => FixedOffset::east_opt(-secs)?,
        _ => return None,
    };
    // The UTC instant directly: `from_local_datetime` goes through
    // `LocalResult`, which a fixed offset never needs.
    let utc = naive.checked_sub_offset(offset)?;
    Some(InternalDate::from(DateTime::from_naive_utc_and_offset(utc, offset)))
}

/// The text of `date-time` between its DQUOTEs:
/// `date-day-fixed "-" date-month "-" date-year SP time SP zone`.
pub(crate) fn date_time_text<'a>(input: &mut Input<'a>) -> ModalResult<InternalDate> {
    let (day, _, month, _, year, _) =
        (date_day_fixed, b'-', date_month, b'-', digits(4), b' ').parse_next(input)?;
    let (hour, _, minute, _, second, _) =
        (digits(2), b':', digits(2), b':', digits(2), b' ').parse_next(input)?;
    let offset = zone.parse_next(input)?;
    let date = NaiveDate::from_ymd_opt(year as i32, month, day);
    let naive = date.and_then(|d| d.and_hms_opt(hour, minute, second));
    naive
        .and_then(|n| offset.from_local_datetime(&n).single())
        .map(InternalDate::from)
        .ok_or_else(|| invalid("a valid date and time"))
}

/// `date-day-fixed = (SP DIGIT) / 2DIGIT`; a lone digit is accepted too.
fn date_day_fixed(input: &mut Input<'_>) -> ModalResult<u32> {
    alt((preceded(b' ', digits(1)), take_while(1..=2, |b: u8| b.is_ascii_digit()).map(to_number)))
        .parse_next(input)
}

/// `date-month = "Jan" / "Feb" / ... / "Dec"`, in any case.
fn date_month(input: &mut Input<'_>) -> ModalResult<u32> {
    take(3usize)
        .verify_map(|m: &[u8]| MONTHS.iter().position(|n| n.as_bytes().eq_ignore_ascii_case(m)))
        .map(|i| i as u32 + 1)
        .context(StrContext::Label("date-month"))
        .parse_next(input)
}

/// `zone = ("+" / "-") 4DIGIT`: hours and minutes east of UTC.
fn zone(input: &mut Input<'_>) -> ModalResult<FixedOffset> {
    (one_of([b'+', b'-']), digits(2), digits(2))
        .verify_map(|(sign, h, m)| {
            let secs = (h * 3600 + m * 60) as i32;
            if m >= 60 { None } else { FixedOffset::east_opt(if sign == b'-' { -secs } else { secs }) }
        })
        .context(StrContext::Label("zone"))
        .parse_next(input)
}

/// Exactly `n` digits, as a number.
fn digits<'a>(n: usize) -> impl Parser<Input<'a>, u32, winnow::error::ErrMode<ParseFail>> {
    take_while(n..=n, |b: u8| b.is_ascii_digit()).map(to_number)
}

fn to_number(d: &[u8]) -> u32 {
    d.iter().fold(0, |acc, b| acc * 10 + u32::from(b - b'0'))
}

fn invalid(what: &'static str) -> winnow::error::ErrMode<ParseFail> {
    let mut e = ParseFail::new();
    e.push(StrContext::Expected(StrContextValue::Description(what)));
    winnow::error::ErrMode::Cut(e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::parse::ParseState;

    fn parse(bytes: &[u8]) -> Option<String> {
        let mut input = Input { input: bytes, state: ParseState::new(4) };
        let d = date_time(&mut input).ok()?;
        input.input.is_empty().then(|| d.to_string())
    }

    #[test]
    fn rfc_example_and_padding() {
        assert_eq!(parse(b"\"17-Jul-1996 02:44:25 -0700\"").unwrap(), "17-Jul-1996 02:44:25 -0700");
        assert_eq!(parse(b"\" 7-Jul-1996 02:44:25 +0000\"").unwrap(), "07-Jul-1996 02:44:25 +0000");
        assert_eq!(parse(b"\"7-JUL-1996 02:44:25 +0530\"").unwrap(), "07-Jul-1996 02:44:25 +0530");
    }

    #[test]
    fn fixed_and_general_paths_agree() {
        for text in ["17-Jul-1996 02:44:25 -0700", " 7-jUL-1996 02:44:25 +0000", "29-Feb-2024 23:59:59 +1400"]
        {
            let quoted = format!("\"{text}\"");
            let fast = fixed_date_time(quoted.as_bytes()).map(|d| d.to_string());
            let mut input = Input { input: text.as_bytes(), state: ParseState::new(4) };
            let general = date_time_text(&mut input).ok().map(|d| d.to_string());
            assert_eq!(fast, general, "{text}");
            assert!(fast.is_some(), "{text}");
        }
        for bad in [
            "\"31-Feb-1996 02:44:25 -0700\"",
            "\"17-Jul-1996 02:44:25 -0760\"",
            "\"7-Jul-1996 02:44:25 +0000\"",
        ] {
            assert!(fixed_date_time(bad.as_bytes()).is_none(), "{bad}");
        }
    }

    #[test]
    fn refuses_impossible_dates() {
        assert!(parse(b"\"31-Feb-1996 02:44:25 -0700\"").is_none());
        assert!(parse(b"\"17-Jux-1996 02:44:25 -0700\"").is_none());
        assert!(parse(b"\"17-Jul-1996 24:44:25 -0700\"").is_none());
        assert!(parse(b"\"17-Jul-1996 02:44:25 -0760\"").is_none());
        assert!(parse(b"\"17-Jul-1996 02:44:25\"").is_none());
    }
}
