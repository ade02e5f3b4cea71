//! `namespace-response` (NAMESPACE, RFC 2342 section 5, RFC 9051
//! section 9).

use winnow::combinator::{alt, delimited, opt, preceded, repeat, terminated};
use winnow::error::StrContext;
use winnow::prelude::*;

use super::Input;
use super::ModalResult;
use super::core::{nil, sp, string};
use super::list::delimiter;
use super::paren::paren_list;
use crate::types::{ByteStr, Namespace, Namespaces};

/// `namespace-response = "NAMESPACE" SP namespace SP namespace SP
/// namespace`, after the name: personal, other users', shared.
pub(crate) fn namespace_response<'a>(input: &mut Input<'a>) -> ModalResult<Namespaces<'a>> {
    (preceded(sp, namespace), preceded(sp, namespace), preceded(sp, namespace))
        .map(|(personal, other_users, shared)| Namespaces { personal, other_users, shared })
        .context(StrContext::Label("NAMESPACE"))
        .parse_next(input)
}

/// `namespace = nil / "(" 1*namespace-descr ")"`; `NIL` is empty.
///
/// Quirk `spaces_between_namespaces`: spaces between descriptions are
/// accepted.
fn namespace<'a>(input: &mut Input<'a>) -> ModalResult<Vec<Namespace<'a>>> {
    alt((
        nil.value(Vec::new()),
        delimited((b'(', opt(sp)), repeat(1.., terminated(namespace_descr, opt(sp))), b')'),
    ))
    .parse_next(input)
}

/// `namespace-descr = "(" string SP (DQUOTE QUOTED-CHAR DQUOTE / nil)
/// [namespace-response-extensions] ")"`.
fn namespace_descr<'a>(input: &mut Input<'a>) -> ModalResult<Namespace<'a>> {
    let prefix = preceded(b'(', prefix).parse_next(input)?;
    let delimiter = preceded(sp, delimiter).parse_next(input)?;
    let extensions = repeat(0.., preceded(sp, namespace_response_extension)).parse_next(input)?;
    (opt(sp), b')').parse_next(input)?;
    Ok(Namespace { prefix, delimiter, extensions })
}

/// The prefix, a `string`. Quirk `nil_namespace_prefix`: `NIL` is read
/// as the empty prefix.
fn prefix<'a>(input: &mut Input<'a>) -> ModalResult<ByteStr<'a>> {
    alt((string, nil.map(|()| ByteStr::default()))).parse_next(input)
}

/// `namespace-response-extension = SP string SP "(" string *(SP string)
/// ")"`, after the first `SP`.
fn namespace_response_extension<'a>(input: &mut Input<'a>) -> ModalResult<(ByteStr<'a>, Vec<ByteStr<'a>>)> {
    (string, preceded(sp, paren_list(string))).parse_next(input)
}
