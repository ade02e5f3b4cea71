//! Parenthesised lists and optional trailing fields, as the FETCH grammar
//! uses them (`msg-att`, address lists, `body-fld-param`, extension data).
//!
//! Both helpers look at the next byte before parsing, so the end of a list
//! or of a body's optional fields is found without a failed parse (winnow
//! builds an error value for each failure, which costs more than the
//! look-ahead).
//!
//! Quirk: servers put extra spaces after `(`, between items and before
//! `)` (and some omit the one between `)(`); all are accepted.

use winnow::combinator::cut_err;
use winnow::error::ErrMode;
use winnow::prelude::*;

use super::Input;
use super::core::{skip_spaces, sp};
use super::{ModalResult, ParseFail};

/// `"(" [item *(SP item)] ")"`, spaces optional. Once `(` matched, an item
/// that does not parse is an error (`cut_err`).
pub(crate) fn paren_list<'a, O>(
    item: impl Parser<Input<'a>, O, ErrMode<ParseFail>>,
) -> impl Parser<Input<'a>, Vec<O>, ErrMode<ParseFail>> {
    paren_list_sized(0, item)
}

/// [`paren_list`] with room for `capacity` items reserved up front, where
/// lists are usually longer than the 4 items `Vec` starts with (FETCH
/// responses carry 6 or more attributes: growing the `Vec` copied each
/// large `FetchItem`).
pub(crate) fn paren_list_sized<'a, O>(
    capacity: usize,
    mut item: impl Parser<Input<'a>, O, ErrMode<ParseFail>>,
) -> impl Parser<Input<'a>, Vec<O>, ErrMode<ParseFail>> {
    move |input: &mut Input<'a>| {
        b'('.parse_next(input)?;
        let mut items = Vec::with_capacity(capacity);
        loop {
            spaces(input)?;
            if input.input.first() == Some(&b')') {
                b')'.parse_next(input)?;
                return Ok(items);
            }
            let before = input.input.len();
            items.push(cut_err(item.by_ref()).parse_next(input)?);
            if input.input.len() == before {
                // An item that consumes nothing would loop forever.
                return Err(ErrMode::Cut(ParseFail::new()));
            }
        }
    }
}

/// `value SP`: one field of a fixed sequence (an envelope, an address, a
/// body's fields) and the space after it, as plain calls: a winnow tuple
/// of such fields returned each value through one more copy.
#[inline(always)]
pub(crate) fn field<'a, O>(
    input: &mut Input<'a>,
    value: fn(&mut Input<'a>) -> ModalResult<O>,
) -> ModalResult<O> {
    let parsed = value(input)?;
    sp(input)?;
    Ok(parsed)
}

/// `[SP field]` where a list may end instead: skips spaces and says
/// whether a field follows (the next byte is there and is not `)`).
pub(crate) fn field_follows(input: &mut Input<'_>) -> ModalResult<bool> {
    spaces(input)?;
    Ok(input.input.first().is_some_and(|b| *b != b')'))
}

/// Zero or more `SP`; never fails. [`skip_spaces`] as a rule.
pub(crate) fn spaces(input: &mut Input<'_>) -> ModalResult<()> {
    skip_spaces(input);
    Ok(())
}
