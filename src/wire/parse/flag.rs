//! `flag`, `flag-fetch`, `flag-perm`, `flag-list` (RFC 3501 section 9).

use std::borrow::Cow;

use winnow::combinator::{opt, preceded};
use winnow::prelude::*;
use winnow::token::take_while;

use super::Input;
use super::ModalResult;
use super::byte_class::is_atom_char;
use super::core::{ascii_str, sp};
use crate::types::{Atom, Flag};

/// `flag = "\Answered" / "\Flagged" / "\Deleted" / "\Seen" / "\Draft" /
/// flag-keyword / flag-extension`, plus `\Recent` (`flag-fetch`) and `\*`
/// (`flag-perm`).
///
/// Quirk: `]` is accepted inside flags (`\[test]`, bpo-21815), as servers
/// send it.
///
/// The first byte decides the form (a `\` is no atom character, so
/// trying the keyword form after a failed `\` form, as `alt` did, could
/// never succeed).
pub(crate) fn flag<'a>(input: &mut Input<'a>) -> ModalResult<Flag<'a>> {
    match input.input {
        [b'\\', b'*', ..] => {
            input.input = &input.input[2..];
            Ok(Flag::Wildcard)
        }
        [b'\\', ..] => preceded(b'\\', flag_bytes.map(system_flag)).parse_next(input),
        _ => flag_bytes.map(|name| keyword(ascii_str(name))).parse_next(input),
    }
}

/// `flag-list = "(" [flag *(SP flag)] ")"`.
///
/// Read as `separated(0.., flag, sp)` would (a space not followed by a
/// flag is left for the closing `[SP] ")"`), in a plain loop: FLAGS lists
/// are in almost every FETCH and in the small responses around SELECT,
/// where the combinators' overhead showed (callgrind, 500 small
/// responses, with the `status_rest` change: 1.15M -> 1.04M instructions).
pub(crate) fn flag_list<'a>(input: &mut Input<'a>) -> ModalResult<Vec<Flag<'a>>> {
    (b'(', opt(sp)).parse_next(input)?;
    // Room for the usual lists (a FLAGS response has 5 to 8) at once.
    let mut flags = Vec::with_capacity(8);
    if let Some(first) = opt(flag).parse_next(input)? {
        flags.push(first);
        loop {
            let before = input.input;
            if sp(input).is_err() {
                break;
            }
            match opt(flag).parse_next(input)? {
                Some(next) => flags.push(next),
                None => {
                    input.input = before;
                    break;
                }
            }
        }
    }
    (opt(sp), b')').parse_next(input)?;
    Ok(flags)
}

fn flag_bytes<'a>(input: &mut Input<'a>) -> ModalResult<&'a [u8]> {
    take_while(1.., |b| is_atom_char(b) || b == b']').parse_next(input)
}

fn keyword(name: &str) -> Flag<'_> {
    Flag::Keyword(Atom::from_wire(Cow::Borrowed(name)))
}

/// `\name`: a system flag is found on the bytes, without the UTF-8 check
/// that making a `&str` costs (callgrind, 500 small responses, with the
/// pre-sized flag list: 0.897M -> 0.852M instructions).
fn system_flag(name: &[u8]) -> Flag<'_> {
    Flag::known_system(name).unwrap_or_else(|| Flag::from_wire_system(ascii_str(name)))
}
