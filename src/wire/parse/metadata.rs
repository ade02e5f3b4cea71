//! `metadata-resp` (METADATA, RFC 5464 section 4.4).

use winnow::combinator::{alt, preceded, separated};
use winnow::error::StrContext;
use winnow::prelude::*;

use super::Input;
use super::ModalResult;
use super::core::{astring, nstring, sp};
use super::mailbox::mailbox;
use super::paren::paren_list;
use crate::types::{ByteStr, Metadata, MetadataEntries};

/// `metadata-resp = "METADATA" SP mailbox SP (entry-values /
/// entry-list)`, after the name.
pub(crate) fn metadata_resp<'a>(input: &mut Input<'a>) -> ModalResult<Metadata<'a>> {
    let entries = alt((entry_values.map(MetadataEntries::Values), entry_list.map(MetadataEntries::Names)));
    (preceded(sp, mailbox), preceded(sp, entries))
        .map(|(mailbox, entries)| Metadata { mailbox, entries })
        .context(StrContext::Label("METADATA"))
        .parse_next(input)
}

/// `entry-values = "(" entry-value *(SP entry-value) ")"`.
fn entry_values<'a>(input: &mut Input<'a>) -> ModalResult<Vec<(ByteStr<'a>, Option<ByteStr<'a>>)>> {
    paren_list(entry_value).parse_next(input)
}

/// `entry-value = entry SP value`, `value = nstring / literal8`: the value
/// borrowed from the input (a literal is a slice, never copied).
fn entry_value<'a>(input: &mut Input<'a>) -> ModalResult<(ByteStr<'a>, Option<ByteStr<'a>>)> {
    (astring, preceded(sp, nstring)).parse_next(input)
}

/// `entry-list = entry *(SP entry)`, `entry = astring`.
fn entry_list<'a>(input: &mut Input<'a>) -> ModalResult<Vec<ByteStr<'a>>> {
    separated(1.., astring, sp).parse_next(input)
}
