//! `flag`, `flag-fetch`, `flag-perm`, `flag-list` (RFC 3501 section 9).

use std::borrow::Cow;

use winnow::prelude::*;

use super::Input;
use super::ModalResult;
use super::byte_class::is_astring_char;
use super::core::{ascii_str, skip_spaces, take_class};
use super::keyword::letters_key_at;
use crate::types::{Atom, Flag};

/// `flag = "\Answered" / "\Flagged" / "\Deleted" / "\Seen" / "\Draft" /
/// flag-keyword / flag-extension`, plus `\Recent` (`flag-fetch`) and `\*`
/// (`flag-perm`).
///
/// Quirk: `]` is accepted inside flags (`\[test]`, bpo-21815), as servers
/// send it.
///
/// The first byte decides the form (a `\` is no atom character, so
/// trying the keyword form after a failed `\` form, as `alt` did, could
/// never succeed).
pub(crate) fn flag<'a>(input: &mut Input<'a>) -> ModalResult<Flag<'a>> {
    match input.input {
        [b'\\', b'*', rest @ ..] => {
            input.input = rest;
            Ok(Flag::Wildcard)
        }
        [b'\\', rest @ ..] => {
            // A `\` alone fails after it, as `preceded` did.
            input.input = rest;
            let name = flag_bytes(input)?;
            Ok(system_flag(rest, name))
        }
        _ => flag_bytes(input).map(keyword),
    }
}

/// `flag-list = "(" [flag *(SP flag)] ")"`.
///
/// Read as `separated(0.., flag, sp)` would (a space not followed by a
/// flag is left for the closing `[SP] ")"`), in a plain loop: FLAGS lists
/// are in almost every FETCH and in the small responses around SELECT,
/// where the combinators' overhead showed (callgrind, 500 small
/// responses, with the `status_rest` change: 1.15M -> 1.04M instructions).
pub(crate) fn flag_list<'a>(input: &mut Input<'a>) -> ModalResult<Vec<Flag<'a>>> {
    b'('.parse_next(input)?;
    skip_spaces(input);
    // An empty list (`FLAGS ()`, common in FETCH) allocates nothing.
    let mut flags = Vec::new();
    if starts_flag(input) {
        // Room for the usual lists (a FLAGS response has 5 to 8) at once.
        flags = Vec::with_capacity(8);
        flags.push(flag(input)?);
        loop {
            let before = input.input;
            skip_spaces(input);
            if input.input.len() == before.len() || !starts_flag(input) {
                input.input = before;
                break;
            }
            flags.push(flag(input)?);
        }
    }
    skip_spaces(input);
    b')'.parse_next(input)?;
    Ok(flags)
}

/// Whether a `flag` starts here: `\` and a flag byte or `*`, or a flag
/// byte. Looked at before parsing, so the end of the list costs no failed
/// parse (for which winnow builds an error value); a flag that starts
/// always parses.
fn starts_flag(input: &Input<'_>) -> bool {
    match input.input {
        [b'\\', b'*', ..] => true,
        [b'\\', b, ..] => is_flag_char(*b),
        [b, ..] => is_flag_char(*b),
        [] => false,
    }
}

/// A flag's name: `1*ATOM-CHAR`, `]` included (the quirk of [`flag`]).
fn flag_bytes<'a>(input: &mut Input<'a>) -> ModalResult<&'a [u8]> {
    take_class(input, is_flag_char)
}

/// `ATOM-CHAR` or `]`: that is `ASTRING-CHAR`, one table lookup.
fn is_flag_char(b: u8) -> bool {
    is_astring_char(b)
}

/// `flag-keyword = "$MDNSent" / "$Forwarded" / "$Junk" / "$NotJunk" /
/// "$Phishing" / atom`.
///
/// The keywords the grammar names, as servers spell them, are kept as
/// `&'static str`s: `from_utf8` on a short name cost about 100
/// instructions, the match about 15 (callgrind, 76 keywords of 500 small
/// responses: 630K -> 624K). Another spelling is kept as sent.
fn keyword(name: &[u8]) -> Flag<'_> {
    let name = match name {
        b"$MDNSent" => "$MDNSent",
        b"$Forwarded" => "$Forwarded",
        b"$Junk" => "$Junk",
        b"$NotJunk" => "$NotJunk",
        b"$Phishing" => "$Phishing",
        _ => ascii_str(name),
    };
    Flag::Keyword(Atom::from_wire(Cow::Borrowed(name)))
}

/// `\name`, where `name` starts `rest`: a system flag is found on the
/// bytes, without the UTF-8 check that making a `&str` costs (callgrind,
/// 500 small responses, with the pre-sized flag list: 0.897M -> 0.852M
/// instructions), by the [`letters_key_at`] of the name.
fn system_flag<'a>(rest: &[u8], name: &'a [u8]) -> Flag<'a> {
    let known = letters_key_at(rest, name.len()).and_then(Flag::known_system_key);
    known.unwrap_or_else(|| Flag::from_wire_system(ascii_str(name)))
}

#[cfg(test)]
mod tests {
    use winnow::combinator::{opt, preceded};
    use winnow::token::take_while;

    use super::*;
    use crate::wire::parse::ParseState;
    use crate::wire::parse::byte_class::is_atom_char;
    use crate::wire::parse::core::sp;

    /// The combinator forms the loops replaced, kept as the reference.
    mod reference {
        use super::*;

        fn flag_bytes<'a>(input: &mut Input<'a>) -> ModalResult<&'a [u8]> {
            take_while(1.., |b| is_atom_char(b) || b == b']').parse_next(input)
        }

        pub(super) fn flag<'a>(input: &mut Input<'a>) -> ModalResult<Flag<'a>> {
            match input.input {
                [b'\\', b'*', ..] => {
                    input.input = &input.input[2..];
                    Ok(Flag::Wildcard)
                }
                [b'\\', ..] => preceded(b'\\', flag_bytes)
                    .map(|name| {
                        Flag::known_system(name).unwrap_or_else(|| Flag::from_wire_system(ascii_str(name)))
                    })
                    .parse_next(input),
                _ => flag_bytes
                    .map(|name| Flag::Keyword(Atom::from_wire(Cow::Borrowed(ascii_str(name)))))
                    .parse_next(input),
            }
        }

        pub(super) fn flag_list<'a>(input: &mut Input<'a>) -> ModalResult<Vec<Flag<'a>>> {
            (b'(', opt(sp)).parse_next(input)?;
            let mut flags = Vec::new();
            if let Some(first) = opt(flag).parse_next(input)? {
                flags.push(first);
                loop {
                    let before = input.input;
                    if sp(input).is_err() {
                        break;
                    }
                    match opt(flag).parse_next(input)? {
                        Some(next) => flags.push(next),
                        None => {
                            input.input = before;
                            break;
                        }
                    }
                }
            }
            (opt(sp), b')').parse_next(input)?;
            Ok(flags)
        }
    }

    #[test]
    fn loops_read_as_the_combinators_did() {
        let cases: &[&[u8]] = &[
            b"()",
            b"( )",
            b"(\\Seen)",
            b"(\\seen \\FLAGGED $Junk)",
            b"( \\Seen  $Forwarded )",
            b"(\\*)",
            b"(\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded \\*)",
            b"(\\[test] x])",
            b"(\\)",
            b"(\\Seen\\Draft)",
            b"(\\Seen",
            b"(\\Seen x",
            b"(\"a\")",
            b"(\\Custom $mdnsent)",
            b"x",
            b"",
        ];
        for case in cases {
            let mut got = Input { input: case, state: ParseState::new(4) };
            let mut want = got;
            let got = (flag_list(&mut got).map_err(|e| format!("{e:?}")), got.input);
            let want = (reference::flag_list(&mut want).map_err(|e| format!("{e:?}")), want.input);
            assert_eq!(got, want, "{}", case.escape_ascii());
        }
    }
}
