//! The byte classes of [`crate::types::chars`] as one lookup table, for
//! the parser's inner loops.
//!
//! `take_while(1.., is_atom_char)` called the `chars` function (in another
//! codegen unit, so not inlined) once per byte, with its chain of
//! comparisons: about 13% of the instructions on the small-response
//! corpus. Here each test is one indexed load, inlined (callgrind: 500
//! small responses 1.018M -> 0.897M instructions, 50 LIST lines 126.9K ->
//! 116.5K, 200 FETCH metadata responses 6.72M -> 6.58M). The table is built
//! at compile time from its own copy of the definitions; a test checks
//! every byte against `chars`, which stays the one definition of record.

const ATOM: u8 = 1;
const ASTRING: u8 = 2;
const TAG: u8 = 4;
const TEXT: u8 = 8;
const ATOM_OR_SP: u8 = 16;

/// The classes of each byte, as bits.
static CLASSES: [u8; 256] = build();

const fn build() -> [u8; 256] {
    let mut table = [0; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        let ctl = b < 0x20 || b == 0x7f;
        let atom = b.is_ascii()
            && !ctl
            && !matches!(b, b'(' | b')' | b'{' | b' ' | b'%' | b'*' | b'"' | b'\\' | b']');
        let astring = atom || b == b']';
        let tag = astring && b != b'+';
        let text = b != b'\r' && b != b'\n' && b != 0;
        table[i] = bit(atom, ATOM)
            | bit(astring, ASTRING)
            | bit(tag, TAG)
            | bit(text, TEXT)
            | bit(atom || b == b' ', ATOM_OR_SP);
        i += 1;
    }
    table
}

/// `class` when `yes`, else no bits.
const fn bit(yes: bool, class: u8) -> u8 {
    if yes { class } else { 0 }
}

/// `ATOM-CHAR` (RFC 3501 section 9), as [`crate::types::chars`].
#[inline]
pub(crate) fn is_atom_char(b: u8) -> bool {
    CLASSES[usize::from(b)] & ATOM != 0
}

/// `ASTRING-CHAR = ATOM-CHAR / resp-specials`.
#[inline]
pub(crate) fn is_astring_char(b: u8) -> bool {
    CLASSES[usize::from(b)] & ASTRING != 0
}

/// `tag = 1*<any ASTRING-CHAR except "+">`.
#[inline]
pub(crate) fn is_tag_char(b: u8) -> bool {
    CLASSES[usize::from(b)] & TAG != 0
}

/// `TEXT-CHAR`: any byte but CR, LF and NUL.
#[inline]
pub(crate) fn is_text_char(b: u8) -> bool {
    CLASSES[usize::from(b)] & TEXT != 0
}

/// `ATOM-CHAR / SP`: the bytes of a list of atoms, such as the
/// capabilities of a CAPABILITY response, found in one test a byte.
#[inline]
pub(crate) fn is_atom_char_or_sp(b: u8) -> bool {
    CLASSES[usize::from(b)] & ATOM_OR_SP != 0
}

#[cfg(test)]
mod tests {
    use crate::types::chars;

    #[test]
    fn every_byte_is_classed_as_chars_says() {
        for b in 0..=255u8 {
            assert_eq!(super::is_atom_char(b), chars::is_atom_char(b), "atom {b:#x}");
            assert_eq!(super::is_astring_char(b), chars::is_astring_char(b), "astring {b:#x}");
            assert_eq!(super::is_tag_char(b), chars::is_tag_char(b), "tag {b:#x}");
            assert_eq!(super::is_text_char(b), chars::is_text_char(b), "text {b:#x}");
            let atom_or_sp = chars::is_atom_char(b) || b == b' ';
            assert_eq!(super::is_atom_char_or_sp(b), atom_or_sp, "atom or SP {b:#x}");
        }
    }
}
