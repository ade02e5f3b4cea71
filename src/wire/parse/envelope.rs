//! `envelope` and `address` (RFC 3501 section 9, RFC 9051 section 9).

use winnow::combinator::cut_err;
use winnow::error::StrContext;
use winnow::prelude::*;

use super::Input;
use super::core::{nil, nstring, sp};
use super::paren::paren_list;
use crate::types::{Address, Envelope};

/// `envelope = "(" env-date SP env-subject SP env-from SP env-sender SP
/// env-reply-to SP env-to SP env-cc SP env-bcc SP env-in-reply-to SP
/// env-message-id ")"`, where `env-date`, `env-subject`,
/// `env-in-reply-to` and `env-message-id` are `nstring`.
pub(crate) fn envelope<'a>(input: &mut Input<'a>) -> ModalResult<Envelope<'a>> {
    b'('.parse_next(input)?;
    cut_err(envelope_fields).context(StrContext::Label("envelope")).parse_next(input)
}

fn envelope_fields<'a>(input: &mut Input<'a>) -> ModalResult<Envelope<'a>> {
    let (date, _, subject, _) = (nstring, sp, nstring, sp).parse_next(input)?;
    let (from, _, sender, _, reply_to, _) =
        (env_address_list, sp, env_address_list, sp, env_address_list, sp).parse_next(input)?;
    let (to, _, cc, _, bcc, _) =
        (env_address_list, sp, env_address_list, sp, env_address_list, sp).parse_next(input)?;
    let (in_reply_to, _, message_id, _) = (nstring, sp, nstring, b')').parse_next(input)?;
    Ok(Envelope { date, subject, from, sender, reply_to, to, cc, bcc, in_reply_to, message_id })
}

/// `env-from = "(" 1*address ")" / nil`, and likewise `env-sender`,
/// `env-reply-to`, `env-to`, `env-cc` and `env-bcc`.
///
/// Quirks: an empty list `()` is read as `NIL` (empty), and spaces
/// between addresses are accepted.
pub(crate) fn env_address_list<'a>(input: &mut Input<'a>) -> ModalResult<Vec<Address<'a>>> {
    // The first byte decides (cheaper than `alt`, which would build an
    // error for `NIL` before every list).
    match input.input.first() {
        Some(b'(') => paren_list(address).parse_next(input),
        _ => nil.value(Vec::new()).parse_next(input),
    }
}

/// `address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"`,
/// each an `nstring`.
pub(crate) fn address<'a>(input: &mut Input<'a>) -> ModalResult<Address<'a>> {
    b'('.parse_next(input)?;
    let (name, _, adl, _, mailbox, _, host, _) =
        cut_err((nstring, sp, nstring, sp, nstring, sp, nstring, b')')).parse_next(input)?;
    Ok(Address { name, adl, mailbox, host })
}
