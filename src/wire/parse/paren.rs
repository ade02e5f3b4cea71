//! The parenthesised list shape shared by many rules:
//! `"(" [item *(SP item)] ")"`.

use winnow::combinator::{delimited, opt, separated};
use winnow::error::{ContextError, ErrMode};
use winnow::prelude::*;

use super::Input;
use super::core::sp;

/// `"(" [item *(SP item)] ")"`, possibly empty.
///
/// Quirk `spaces_inside_parens`: a space after `(` or before `)` is
/// accepted (`( "a" "b" )`), as some servers pad lists.
pub(crate) fn paren_list<'a, O>(
    item: impl Parser<Input<'a>, O, ErrMode<ContextError>>,
) -> impl Parser<Input<'a>, Vec<O>, ErrMode<ContextError>> {
    delimited((b'(', opt(sp)), separated(0.., item, sp), (opt(sp), b')'))
}
