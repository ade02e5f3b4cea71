//! `section`, `section-binary` and their parts (RFC 3501 section 9, RFC
//! 9051 section 9, RFC 3516): the `[...]` after BODY and BINARY in FETCH
//! responses.

use winnow::ascii::Caseless;
use winnow::combinator::{alt, cut_err, delimited, opt, preceded, separated};
use winnow::error::StrContext;
use winnow::prelude::*;

use super::Input;
use super::ModalResult;
use super::core::{astring, nz_number, sp};
use super::paren::paren_list;
use crate::types::{ByteStr, Section, SectionText};

/// `section = "[" [section-spec] "]"`.
pub(crate) fn section<'a>(input: &mut Input<'a>) -> ModalResult<Section<'a>> {
    delimited(b'[', opt(section_spec), cut_err(b']'))
        .map(Option::unwrap_or_default)
        .context(StrContext::Label("section"))
        .parse_next(input)
}

/// `section-binary = "[" [section-part] "]"`.
pub(crate) fn section_binary(input: &mut Input<'_>) -> ModalResult<Vec<u32>> {
    delimited(b'[', opt(section_part), cut_err(b']'))
        .map(Option::unwrap_or_default)
        .context(StrContext::Label("section-binary"))
        .parse_next(input)
}

/// `section-spec = section-msgtext / (section-part ["." section-text])`.
pub(crate) fn section_spec<'a>(input: &mut Input<'a>) -> ModalResult<Section<'a>> {
    alt((
        section_msgtext.map(|text| Section { part: Vec::new(), text: Some(text) }),
        (section_part, opt(preceded(b'.', cut_err(section_text)))).map(|(part, text)| Section { part, text }),
    ))
    .parse_next(input)
}

/// `section-part = nz-number *("." nz-number)`.
pub(crate) fn section_part(input: &mut Input<'_>) -> ModalResult<Vec<u32>> {
    separated(1.., nz_number, b'.').parse_next(input)
}

/// `section-text = section-msgtext / "MIME"`.
pub(crate) fn section_text<'a>(input: &mut Input<'a>) -> ModalResult<SectionText<'a>> {
    alt((section_msgtext, Caseless("MIME").value(SectionText::Mime))).parse_next(input)
}

/// `section-msgtext = "HEADER" / "HEADER.FIELDS" [".NOT"] SP header-list /
/// "TEXT"`.
pub(crate) fn section_msgtext<'a>(input: &mut Input<'a>) -> ModalResult<SectionText<'a>> {
    alt((
        preceded((Caseless("HEADER.FIELDS.NOT"), sp), cut_err(header_list)).map(SectionText::HeaderFieldsNot),
        preceded((Caseless("HEADER.FIELDS"), sp), cut_err(header_list)).map(SectionText::HeaderFields),
        Caseless("HEADER").value(SectionText::Header),
        Caseless("TEXT").value(SectionText::Text),
    ))
    .parse_next(input)
}

/// `header-list = "(" header-fld-name *(SP header-fld-name) ")"`, with
/// `header-fld-name = astring`. Quirk: an empty list `()` is accepted.
pub(crate) fn header_list<'a>(input: &mut Input<'a>) -> ModalResult<Vec<ByteStr<'a>>> {
    paren_list(astring).parse_next(input)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::parse::ParseState;

    fn run(bytes: &[u8]) -> Option<(Section<'_>, &[u8])> {
        let mut input = Input { input: bytes, state: ParseState::new(4) };
        section(&mut input).ok().map(|s| (s, input.input))
    }

    #[test]
    fn part_paths_and_texts() {
        assert_eq!(run(b"[] x").unwrap(), (Section::default(), &b" x"[..]));
        let (s, _) = run(b"[1.2.3]").unwrap();
        assert_eq!((s.part, s.text), (vec![1, 2, 3], None));
        let (s, _) = run(b"[4.2.header]").unwrap();
        assert_eq!((s.part, s.text), (vec![4, 2], Some(SectionText::Header)));
        let (s, _) = run(b"[2.MIME]").unwrap();
        assert_eq!(s.text, Some(SectionText::Mime));
        let (s, _) = run(b"[TEXT]").unwrap();
        assert_eq!((s.part, s.text), (vec![], Some(SectionText::Text)));
    }

    #[test]
    fn header_field_lists() {
        let (s, _) = run(b"[HEADER.FIELDS.NOT (Received \"X-Y\")]").unwrap();
        let names = vec![ByteStr::from("Received"), ByteStr::from("X-Y")];
        assert_eq!(s.text, Some(SectionText::HeaderFieldsNot(names)));
        let (s, _) = run(b"[1.HEADER.FIELDS ()]").unwrap();
        assert_eq!(s.text, Some(SectionText::HeaderFields(vec![])), "quirk: empty list");
    }

    #[test]
    fn refuses_what_is_not_a_section() {
        for bad in [&b"[0]"[..], b"[1.]", b"[MIME]", b"[1.2", b"[HEADER.FIELDS]", b"[1.BOGUS]"] {
            assert!(run(bad).is_none(), "{}", bad.escape_ascii());
        }
    }

    #[test]
    fn binary_sections_are_part_paths_only() {
        let mut input = Input { input: b"[1.2]", state: ParseState::new(1) };
        assert_eq!(section_binary(&mut input).unwrap(), [1, 2]);
        let mut input = Input { input: b"[1.TEXT]", state: ParseState::new(1) };
        assert!(section_binary(&mut input).is_err());
    }
}
