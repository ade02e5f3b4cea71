//! `tagged-ext-val` (RFC 4466 section 2.1, RFC 9051 section 9): values of
//! extension items this library does not know, kept raw.

use winnow::combinator::alt;
use winnow::error::ErrMode;
use winnow::prelude::*;
use winnow::token::take_while;

use super::Input;
use super::byte_class::is_astring_char;
use super::core::{nested, string};
use super::paren::paren_list;
use super::{ModalResult, ParseFail};
use crate::types::{ByteStr, ExtValue};

/// `tagged-ext-val = tagged-ext-simple / "(" [tagged-ext-comp] ")"`,
/// where `tagged-ext-simple = sequence-set / number / number64` and
/// `tagged-ext-comp = astring / tagged-ext-comp *(SP tagged-ext-comp) /
/// "(" tagged-ext-comp ")"`. Nesting is bounded by the depth budget.
pub(crate) fn tagged_ext_val<'a>(input: &mut Input<'a>) -> ModalResult<ExtValue<'a>> {
    alt((ext_list, string.map(ExtValue::String), ext_token)).parse_next(input)
}

/// A parenthesised list of values, one nesting level deeper.
fn ext_list<'a>(input: &mut Input<'a>) -> ModalResult<ExtValue<'a>> {
    if input.input.first() != Some(&b'(') {
        return Err(ErrMode::Backtrack(ParseFail::new()));
    }
    nested(input, paren_list(tagged_ext_val)).map(ExtValue::List)
}

/// A bare token: a number, a sequence set (`1:*`) or an atom; `NIL` is
/// [`ExtValue::Nil`].
fn ext_token<'a>(input: &mut Input<'a>) -> ModalResult<ExtValue<'a>> {
    take_while(1.., |b| is_astring_char(b) || b == b'*')
        .map(
            |t: &'a [u8]| {
                if t.eq_ignore_ascii_case(b"NIL") { ExtValue::Nil } else { ExtValue::Atom(ByteStr::from(t)) }
            },
        )
        .parse_next(input)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::parse::ParseState;

    fn parse(bytes: &[u8], depth: usize) -> Option<ExtValue<'_>> {
        let mut input = Input { input: bytes, state: ParseState::new(depth) };
        tagged_ext_val(&mut input).ok()
    }

    #[test]
    fn tokens_strings_nil_and_lists() {
        assert_eq!(parse(b"1:*", 4), Some(ExtValue::Atom(ByteStr::from("1:*"))));
        assert_eq!(parse(b"\"a b\"", 4), Some(ExtValue::String(ByteStr::from("a b"))));
        assert_eq!(parse(b"nil", 4), Some(ExtValue::Nil));
        assert_eq!(parse(b"()", 4), Some(ExtValue::List(vec![])));
        assert_eq!(parse(b"(1 (2))", 4).and_then(|v| v.as_number()), None);
        assert_eq!(parse(b"42", 4).and_then(|v| v.as_number()), Some(42));
    }

    #[test]
    fn nesting_is_bounded() {
        assert!(parse(b"((((1))))", 4).is_some());
        assert!(parse(b"(((((1)))))", 4).is_none());
    }
}
