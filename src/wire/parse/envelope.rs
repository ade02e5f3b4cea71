//! `envelope` and `address` (RFC 3501 section 9, RFC 9051 section 9).
//!
//! Written as plain sequences of calls rather than winnow tuples: an
//! envelope holds ten fields and usually four to ten addresses of four
//! fields each, and each tuple returned its values through one more copy
//! (callgrind, 200 FETCH-metadata responses: 5.31M to 5.20M instructions
//! in all).

use winnow::error::ErrMode;
use winnow::prelude::*;

use super::ModalResult;
use super::core::{cut_with_label, nil, nstring};
use super::paren::{field, paren_list_sized};
use super::{Input, fast};
use crate::types::{Address, Envelope};

/// `envelope = "(" env-date SP env-subject SP env-from SP env-sender SP
/// env-reply-to SP env-to SP env-cc SP env-bcc SP env-in-reply-to SP
/// env-message-id ")"`, where `env-date`, `env-subject`,
/// `env-in-reply-to` and `env-message-id` are `nstring`.
///
/// Boxed here, where it is made (the fetch item and a message/rfc822
/// part keep it boxed): returned bare, the 240-byte value was copied once
/// more into its box.
pub(crate) fn envelope<'a>(input: &mut Input<'a>) -> ModalResult<Box<Envelope<'a>>> {
    b'('.parse_next(input)?;
    envelope_fields(input).map_err(|e| cut_with_label(e, "envelope"))
}

fn envelope_fields<'a>(input: &mut Input<'a>) -> ModalResult<Box<Envelope<'a>>> {
    let date = field(input, nstring)?;
    let subject = field(input, nstring)?;
    let from = field(input, env_address_list)?;
    let sender = field(input, env_address_list)?;
    let reply_to = field(input, env_address_list)?;
    let to = field(input, env_address_list)?;
    let cc = field(input, env_address_list)?;
    let bcc = field(input, env_address_list)?;
    let in_reply_to = field(input, nstring)?;
    let message_id = nstring(input)?;
    b')'.parse_next(input)?;
    Ok(Box::new(Envelope { date, subject, from, sender, reply_to, to, cc, bcc, in_reply_to, message_id }))
}

/// `env-from = "(" 1*address ")" / nil`, and likewise `env-sender`,
/// `env-reply-to`, `env-to`, `env-cc` and `env-bcc`.
///
/// Quirks: an empty list `()` is read as `NIL` (empty), and spaces
/// between addresses are accepted.
pub(crate) fn env_address_list<'a>(input: &mut Input<'a>) -> ModalResult<Vec<Address<'a>>> {
    // The first byte decides (cheaper than `alt`, which would build an
    // error for `NIL` before every list). Room for 4 reserved at once, as
    // the first push would: `with_capacity` skips `Vec`'s growth path
    // (FETCH metadata, with the same for body parameters: +2%).
    match input.input.first() {
        Some(b'(') => paren_list_sized(4, address).parse_next(input),
        _ => nil(input).map(|()| Vec::new()),
    }
}

/// `address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"`,
/// each an `nstring`.
///
/// The common shape is read by [`fast`]
/// first; whatever it leaves, the grammar reads.
pub(crate) fn address<'a>(input: &mut Input<'a>) -> ModalResult<Address<'a>> {
    let mut rest = input.input;
    if let Some(address) = fast::address(&mut rest) {
        input.input = rest;
        return Ok(address);
    }
    address_by_grammar(input)
}

/// [`address`] by the grammar alone.
pub(crate) fn address_by_grammar<'a>(input: &mut Input<'a>) -> ModalResult<Address<'a>> {
    b'('.parse_next(input)?;
    address_fields(input).map_err(ErrMode::cut)
}

fn address_fields<'a>(input: &mut Input<'a>) -> ModalResult<Address<'a>> {
    let name = field(input, nstring)?;
    let adl = field(input, nstring)?;
    let mailbox = field(input, nstring)?;
    let host = nstring(input)?;
    b')'.parse_next(input)?;
    Ok(Address { name, adl, mailbox, host })
}
