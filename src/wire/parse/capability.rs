//! `capability-data`, `capability` (RFC 3501 section 9) and
//! `enable-data` (ENABLE, RFC 5161 section 4).

use std::borrow::Cow;

use winnow::combinator::{preceded, repeat};
use winnow::prelude::*;

use super::Input;
use super::ModalResult;
use super::core::{atom, sp};
use crate::types::Capability;

/// `capability-data = "CAPABILITY" *(SP capability) SP "IMAP4rev1"
/// *(SP capability)`, after the name.
///
/// Lenient: the list may be empty and need not name IMAP4rev1.
pub(crate) fn capability_data<'a>(input: &mut Input<'a>) -> ModalResult<Vec<Capability<'a>>> {
    repeat(0.., preceded(sp, capability)).parse_next(input)
}

/// `enable-data = "ENABLED" *(SP capability)`, after the name.
pub(crate) fn enable_data<'a>(input: &mut Input<'a>) -> ModalResult<Vec<Capability<'a>>> {
    capability_data(input)
}

/// `capability = ("AUTH=" auth-type) / atom`.
pub(crate) fn capability<'a>(input: &mut Input<'a>) -> ModalResult<Capability<'a>> {
    atom.map(|a| Capability::from_wire(Cow::Borrowed(a))).parse_next(input)
}
