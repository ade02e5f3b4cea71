//! `search-response` (RFC 3501 section 9, CONDSTORE RFC 7162), `sort-data`
//! (SORT, RFC 5256 section 5) and `esearch-response` (ESEARCH RFC 4731,
//! RFC 9051 section 9, MULTISEARCH RFC 7377, PARTIAL RFC 9394).

use winnow::ascii::Caseless;
use winnow::combinator::{alt, delimited, opt, preceded, repeat, terminated};
use winnow::prelude::*;
use winnow::token::take_while;

use super::Input;
use super::ModalResult;
use super::byte_class::is_atom_char;
use super::core::{astring, atom, nil, number, number64, nz_number, sp};
use super::ext_value::tagged_ext_val;
use super::keyword::Upper;
use super::mailbox::mailbox;
use super::sequence::sequence_set;
use crate::types::{ByteStr, Esearch, EsearchItem, Mailbox, SearchResult};

/// `mailbox-data =/ "SEARCH" *(SP nz-number) [SP search-sort-mod-seq]`,
/// after the name; also `sort-data = "SORT" *(SP nz-number)
/// [SP search-sort-mod-seq]`.
///
/// `* SEARCH` alone (no match) is an empty list (conformance 80).
pub(crate) fn search_data(input: &mut Input<'_>) -> ModalResult<SearchResult> {
    let numbers = sp_nz_numbers(input);
    let modseq = opt(preceded(sp, search_sort_mod_seq)).parse_next(input)?;
    Ok(SearchResult { numbers, modseq })
}

/// `*(SP nz-number)`, as `repeat(0.., preceded(sp, nz_number))` would
/// read it (stopping, input untouched, before a space not followed by a
/// number that fits), in a plain loop.
///
/// A SEARCH or SORT line is nothing but numbers (a million UIDs are about
/// 8 MB): the combinators cost about 165 instructions per number, this
/// loop about 95 (callgrind, 2,000 UIDs: 330K -> 191K; about 790 -> 1,370 MB/s
/// on the full SEARCH corpus).
fn sp_nz_numbers(input: &mut Input<'_>) -> Vec<u32> {
    let bytes = input.input;
    // About 7 bytes per number in a real SEARCH: this rarely reallocates.
    let mut numbers = Vec::with_capacity(bytes.len() / 8);
    // `pos` is past the last number read; `i` runs ahead over `1*SP` and
    // at most 10 digits (as [`number`] reads them).
    let mut pos = 0;
    loop {
        let mut i = pos;
        while bytes.get(i) == Some(&b' ') {
            i += 1;
        }
        let start = i;
        let mut value = 0u64;
        while let Some(digit) = bytes.get(i).map(|b| b.wrapping_sub(b'0')).filter(|d| *d <= 9) {
            if i - start == 10 {
                break;
            }
            value = value * 10 + u64::from(digit);
            i += 1;
        }
        match u32::try_from(value) {
            Ok(n) if n != 0 && start > pos && i > start => numbers.push(n),
            _ => break,
        }
        pos = i;
    }
    input.input = &bytes[pos..];
    numbers
}

/// `search-sort-mod-seq = "(" "MODSEQ" SP mod-sequence-value ")"`.
fn search_sort_mod_seq(input: &mut Input<'_>) -> ModalResult<u64> {
    delimited((b'(', Caseless("MODSEQ"), sp), number64, b')').parse_next(input)
}

/// `esearch-response = "ESEARCH" [search-correlator] [SP "UID"]
/// *(SP search-return-data)`, after the name.
pub(crate) fn esearch_response<'a>(input: &mut Input<'a>) -> ModalResult<Esearch<'a>> {
    let correlator = opt(preceded(sp, search_correlator)).parse_next(input)?;
    let uid =
        opt(preceded(sp, atom.verify(|a: &str| a.eq_ignore_ascii_case("UID")))).parse_next(input)?.is_some();
    let items = repeat(0.., preceded(sp, search_return_data)).parse_next(input)?;
    let (tag, mailbox, uid_validity) = correlator.unwrap_or_default();
    Ok(Esearch { tag, mailbox, uid_validity, uid, items })
}

type Correlator<'a> = (Option<ByteStr<'a>>, Option<Mailbox<'a>>, Option<u32>);

/// `search-correlator = SP "(" "TAG" SP tag-string [SP "MAILBOX" SP
/// mailbox SP "UIDVALIDITY" SP nz-number] ")"` (RFC 7377), after `SP`.
fn search_correlator<'a>(input: &mut Input<'a>) -> ModalResult<Correlator<'a>> {
    let tag = preceded((b'(', Caseless("TAG"), sp), astring).parse_next(input)?;
    let multi = opt((
        preceded((sp, Caseless("MAILBOX"), sp), mailbox),
        preceded((sp, Caseless("UIDVALIDITY"), sp), nz_number),
    ))
    .parse_next(input)?;
    b')'.parse_next(input)?;
    let (mailbox, uid_validity) = multi.map_or((None, None), |(m, u)| (Some(m), Some(u)));
    Ok((Some(tag), mailbox, uid_validity))
}

/// `search-return-data = "MIN" SP nz-number / "MAX" SP nz-number /
/// "ALL" SP sequence-set / "COUNT" SP number / "MODSEQ" SP
/// mod-sequence-value / "PARTIAL" SP "(" partial-range SP partial-results
/// ")" / search-ret-data-ext`.
fn search_return_data<'a>(input: &mut Input<'a>) -> ModalResult<EsearchItem<'a>> {
    let name = terminated(take_while(1.., is_atom_char), sp).parse_next(input)?;
    match Upper::new(name).as_bytes() {
        b"MIN" => nz_number.map(EsearchItem::Min).parse_next(input),
        b"MAX" => nz_number.map(EsearchItem::Max).parse_next(input),
        b"COUNT" => number.map(EsearchItem::Count).parse_next(input),
        b"ALL" => sequence_set.map(EsearchItem::All).parse_next(input),
        b"MODSEQ" => number64.map(EsearchItem::ModSeq).parse_next(input),
        b"PARTIAL" => partial(input),
        _ => tagged_ext_val
            .map(|value| EsearchItem::Other { name: ByteStr::from(name), value })
            .parse_next(input),
    }
}

/// `"(" partial-range SP partial-results ")"` (RFC 9394), with
/// `partial-results = sequence-set / "NIL"`.
fn partial<'a>(input: &mut Input<'a>) -> ModalResult<EsearchItem<'a>> {
    let (first, last) = preceded(b'(', partial_range).parse_next(input)?;
    let set = delimited(sp, alt((nil.value(None), sequence_set.map(Some))), b')').parse_next(input)?;
    Ok(EsearchItem::Partial { first, last, set })
}

/// `partial-range = partial-range-first / partial-range-last`: `n:m` or
/// `-n:-m`.
fn partial_range(input: &mut Input<'_>) -> ModalResult<(i64, i64)> {
    (signed, b':', signed).map(|(a, _, b)| (a, b)).parse_next(input)
}

/// `["-"] nz-number`.
fn signed(input: &mut Input<'_>) -> ModalResult<i64> {
    (opt(b'-'), nz_number)
        .map(|(minus, n)| if minus.is_some() { -i64::from(n) } else { i64::from(n) })
        .parse_next(input)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::parse::ParseState;

    fn numbers(bytes: &[u8]) -> (Vec<u32>, &[u8]) {
        let mut input = Input { input: bytes, state: ParseState::new(4) };
        (sp_nz_numbers(&mut input), input.input)
    }

    #[test]
    fn numbers_stop_where_the_combinators_would() {
        assert_eq!(numbers(b" 1  22 4294967295\r\n"), (vec![1, 22, u32::MAX], &b"\r\n"[..]));
        assert_eq!(numbers(b" 1 0 2"), (vec![1], &b" 0 2"[..]));
        assert_eq!(numbers(b" 1 4294967296"), (vec![1], &b" 4294967296"[..]));
        assert_eq!(numbers(b" 1 00000000012"), (vec![1, 1], &b"2"[..]));
        assert_eq!(numbers(b" 7 (MODSEQ 3)"), (vec![7], &b" (MODSEQ 3)"[..]));
        assert_eq!(numbers(b"1"), (vec![], &b"1"[..]));
    }
}
