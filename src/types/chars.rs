//! Byte classes of RFC 3501 section 9 and RFC 9051 section 9, shared by the
//! parser and the encoder so that both agree on what an atom is.

use super::ValidationError;

/// Fails when `s` is empty or holds a byte outside `class`, naming `what`
/// and the first offending byte.
pub(crate) fn check_class(
    what: &'static str,
    s: &[u8],
    class: fn(u8) -> bool,
) -> Result<(), ValidationError> {
    if s.is_empty() {
        return Err(ValidationError::empty(what));
    }
    match s.iter().position(|b| !class(*b)) {
        Some(index) => Err(ValidationError::byte(what, s[index], index)),
        None => Ok(()),
    }
}

/// Fails on the first NUL in `s`: no IMAP string but `literal8` may hold
/// one (RFC 3501 section 4.3, RFC 3516).
pub(crate) fn refuse_nul(what: &'static str, s: &[u8]) -> Result<(), ValidationError> {
    match s.iter().position(|b| *b == 0) {
        Some(index) => Err(ValidationError::byte(what, 0, index)),
        None => Ok(()),
    }
}

/// `CTL = %x00-1F / %x7F` (RFC 5234).
pub(crate) fn is_ctl(b: u8) -> bool {
    b < 0x20 || b == 0x7f
}

/// `ATOM-CHAR = <any CHAR except atom-specials>` where
/// `atom-specials = "(" / ")" / "{" / SP / CTL / list-wildcards / quoted-specials / resp-specials`.
pub(crate) fn is_atom_char(b: u8) -> bool {
    b.is_ascii() && !is_ctl(b) && !matches!(b, b'(' | b')' | b'{' | b' ' | b'%' | b'*' | b'"' | b'\\' | b']')
}

/// `ASTRING-CHAR = ATOM-CHAR / resp-specials`.
pub(crate) fn is_astring_char(b: u8) -> bool {
    is_atom_char(b) || b == b']'
}

/// `tag = 1*<any ASTRING-CHAR except "+">`.
pub(crate) fn is_tag_char(b: u8) -> bool {
    is_astring_char(b) && b != b'+'
}

/// `TEXT-CHAR = <any CHAR except CR and LF>`; 8-bit bytes are accepted from
/// servers (quirk: many send UTF-8 in human-readable text). Only the
/// parser reads text, through its byte table (`wire::parse::byte_class`),
/// which is tested against this definition.
#[cfg(test)]
pub(crate) fn is_text_char(b: u8) -> bool {
    b != b'\r' && b != b'\n' && b != 0
}

/// `list-char = ATOM-CHAR / list-wildcards / resp-specials`.
pub(crate) fn is_list_char(b: u8) -> bool {
    is_atom_char(b) || matches!(b, b'%' | b'*' | b']')
}
