//! `capability-data`, `capability` (RFC 3501 section 9) and
//! `enable-data` (ENABLE, RFC 5161 section 4).

use std::borrow::Cow;

use winnow::prelude::*;

use super::Input;
use super::byte_class::is_atom_char_or_sp;
use super::core::ascii_str;
use crate::types::Capability;

/// `capability-data = "CAPABILITY" *(SP capability) SP "IMAP4rev1"
/// *(SP capability)`, after the name.
///
/// Lenient: the list may be empty and need not name IMAP4rev1.
pub(crate) fn capability_data<'a>(input: &mut Input<'a>) -> ModalResult<Vec<Capability<'a>>> {
    Ok(sp_capabilities(input))
}

/// `enable-data = "ENABLED" *(SP capability)`, after the name.
pub(crate) fn enable_data<'a>(input: &mut Input<'a>) -> ModalResult<Vec<Capability<'a>>> {
    capability_data(input)
}

/// `*(SP capability)`, where `capability = ("AUTH=" auth-type) / atom`,
/// as `repeat(0.., preceded(sp, capability))` reads it
/// (a space not followed by a capability is left unread), in a plain
/// loop. Also the list of the `CAPABILITY` response code.
///
/// A server lists 20 to 60 capabilities, at login and in every
/// CAPABILITY response. The run of atoms and spaces is found with one
/// table lookup a byte and checked as UTF-8 once (a long run takes the
/// word-at-a-time path of `from_utf8`, where a call per short atom cost
/// some 60 instructions), and the `Vec` is made with room for the usual
/// list: `repeat` grew it 5 times for 40 (callgrind, 12 lists of 42: about
/// 10.1K -> 7.0K instructions a list).
pub(crate) fn sp_capabilities<'a>(input: &mut Input<'a>) -> Vec<Capability<'a>> {
    let bytes = input.input;
    let len = bytes.iter().position(|b| !is_atom_char_or_sp(*b)).unwrap_or(bytes.len());
    let run = ascii_str(&bytes[..len]);
    // Capabilities average 8 bytes and a space; a longer list grows once.
    let mut caps = Vec::with_capacity(len / 8 + 1);
    // `pos` is past the last capability read, `i` runs over a word's
    // spaces and then its bytes.
    let mut pos = 0;
    while run.as_bytes().get(pos) == Some(&b' ') {
        let mut i = pos + 1;
        while run.as_bytes().get(i) == Some(&b' ') {
            i += 1;
        }
        let start = i;
        while run.as_bytes().get(i).is_some_and(|b| *b != b' ') {
            i += 1;
        }
        match run.get(start..i) {
            Some(word) if i > start => caps.push(Capability::from_wire(Cow::Borrowed(word))),
            _ => break,
        }
        pos = i;
    }
    input.input = &bytes[pos..];
    caps
}
