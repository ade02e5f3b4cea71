//! `flag`, `flag-fetch`, `flag-perm`, `flag-list` (RFC 3501 section 9).

use std::borrow::Cow;

use winnow::combinator::{alt, delimited, opt, preceded, separated};
use winnow::prelude::*;
use winnow::token::take_while;

use super::Input;
use super::core::{ascii_str, sp};
use crate::types::chars::is_atom_char;
use crate::types::{Atom, Flag};

/// `flag = "\Answered" / "\Flagged" / "\Deleted" / "\Seen" / "\Draft" /
/// flag-keyword / flag-extension`, plus `\Recent` (`flag-fetch`) and `\*`
/// (`flag-perm`).
///
/// Quirk: `]` is accepted inside flags (`\[test]`, bpo-21815), as servers
/// send it.
pub(crate) fn flag<'a>(input: &mut Input<'a>) -> ModalResult<Flag<'a>> {
    alt((
        preceded(b'\\', alt((b'*'.value(Flag::Wildcard), flag_name.map(system_flag)))),
        flag_name.map(keyword),
    ))
    .parse_next(input)
}

/// `flag-list = "(" [flag *(SP flag)] ")"`.
pub(crate) fn flag_list<'a>(input: &mut Input<'a>) -> ModalResult<Vec<Flag<'a>>> {
    delimited((b'(', opt(sp)), separated(0.., flag, sp), (opt(sp), b')')).parse_next(input)
}

fn flag_name<'a>(input: &mut Input<'a>) -> ModalResult<&'a str> {
    take_while(1.., |b| is_atom_char(b) || b == b']').map(ascii_str).parse_next(input)
}

fn keyword(name: &str) -> Flag<'_> {
    Flag::Keyword(Atom::from_wire(Cow::Borrowed(name)))
}

fn system_flag(name: &str) -> Flag<'_> {
    Flag::from_wire_system(name)
}
