//! `mailbox = "INBOX" / astring` (RFC 3501 section 9).

use winnow::prelude::*;

use super::Input;
use super::ModalResult;
use super::core::astring;
use crate::types::Mailbox;

/// `mailbox = "INBOX" / astring`: the name as sent, quoting removed,
/// borrowed unless it had escapes.
///
/// Quirk `nil_mailbox`: `NIL` in a mailbox position is the astring atom
/// `NIL`, a mailbox named "NIL", as the grammar says; it is not refused.
pub(crate) fn mailbox<'a>(input: &mut Input<'a>) -> ModalResult<Mailbox<'a>> {
    astring.map(|s| Mailbox::from_wire(s.into_inner())).parse_next(input)
}
