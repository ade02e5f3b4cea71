//! `date-time` (RFC 3501 section 9).
//!
//! PLACEHOLDER for the FETCH work: the value-types work owns this file and
//! its version replaces this one at merge. Only [`date_time`] is used.

use chrono::{FixedOffset, NaiveDate, TimeZone};
use winnow::combinator::{alt, preceded};
use winnow::prelude::*;
use winnow::token::take_while;

use super::Input;
use crate::types::InternalDate;

const MONTHS: [&[u8]; 12] =
    [b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec"];

/// `date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time
/// SP zone DQUOTE`, where `date-day-fixed = (SP DIGIT) / 2DIGIT`.
pub(crate) fn date_time<'a>(input: &mut Input<'a>) -> ModalResult<InternalDate> {
    let (_, day, _, month, _, year, _) = (
        b'"',
        alt((preceded(b' ', digits(1)), digits(2))),
        b'-',
        take_while(3, |b: u8| b.is_ascii_alphabetic()),
        b'-',
        digits(4),
        b' ',
    )
        .parse_next(input)?;
    let (h, _, m, _, s, _, sign, zh, zm, _) =
        (digits(2), b':', digits(2), b':', digits(2), b' ', alt((b'+', b'-')), digits(2), digits(2), b'"')
            .parse_next(input)?;
    let month = MONTHS.iter().position(|n| n.eq_ignore_ascii_case(month)).map(|i| i as u32 + 1);
    let offset = (zh * 3600 + zm * 60) as i32 * if sign == b'-' { -1 } else { 1 };
    month
        .and_then(|mo| NaiveDate::from_ymd_opt(year as i32, mo, day))
        .and_then(|d| d.and_hms_opt(h, m, s))
        .and_then(|dt| FixedOffset::east_opt(offset)?.from_local_datetime(&dt).single())
        .map(InternalDate::from)
        .ok_or_else(|| winnow::error::ErrMode::Cut(winnow::error::ContextError::new()))
}

fn digits<'a>(n: usize) -> impl Parser<Input<'a>, u32, winnow::error::ErrMode<winnow::error::ContextError>> {
    take_while(n, |b: u8| b.is_ascii_digit())
        .map(|d: &[u8]| d.iter().fold(0, |a, b| a * 10 + u32::from(b - b'0')))
}
