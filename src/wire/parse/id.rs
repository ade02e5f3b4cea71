//! `id-response` (ID, RFC 2971 section 4).

use winnow::combinator::{alt, preceded};
use winnow::error::StrContext;
use winnow::prelude::*;

use super::Input;
use super::ModalResult;
use super::core::{nil, nstring, sp, string};
use super::paren::paren_list;
use crate::types::IdParam;

/// `id-response = "ID" SP id-params-list`, after the name;
/// `id-params-list = "(" *(string SP nstring) ")" / nil`.
pub(crate) fn id_response<'a>(input: &mut Input<'a>) -> ModalResult<Option<Vec<IdParam<'a>>>> {
    preceded(sp, alt((nil.value(None), paren_list(id_param).map(Some))))
        .context(StrContext::Label("ID"))
        .parse_next(input)
}

/// `string SP nstring`: one field and its value.
fn id_param<'a>(input: &mut Input<'a>) -> ModalResult<IdParam<'a>> {
    (string, preceded(sp, nstring)).map(|(key, value)| IdParam { key, value }).parse_next(input)
}
