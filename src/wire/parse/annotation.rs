//! `annotate-data` (ANNOTATEMORE, draft-daboo-imap-annotatemore-08
//! section 6).

use winnow::combinator::{opt, preceded, repeat};
use winnow::error::StrContext;
use winnow::prelude::*;

use super::Input;
use super::ModalResult;
use super::core::{nstring, sp, string};
use super::mailbox::mailbox;
use super::paren::paren_list;
use crate::types::{Annotation, AnnotationEntry, ByteStr};

/// `annotate-data = "ANNOTATION" SP mailbox SP entry-att`, after the name;
/// several entries are accepted.
pub(crate) fn annotate_data<'a>(input: &mut Input<'a>) -> ModalResult<Annotation<'a>> {
    (preceded(sp, mailbox), repeat(1.., preceded(sp, entry_att)))
        .map(|(mailbox, entries)| Annotation { mailbox, entries })
        .context(StrContext::Label("ANNOTATION"))
        .parse_next(input)
}

/// `entry-att = entry [SP "(" att-value *(SP att-value) ")"]`.
fn entry_att<'a>(input: &mut Input<'a>) -> ModalResult<AnnotationEntry<'a>> {
    (string, opt(preceded(sp, paren_list(att_value))))
        .map(|(entry, attributes)| AnnotationEntry { entry, attributes: attributes.unwrap_or_default() })
        .parse_next(input)
}

/// `att-value = attrib SP value`, `value = nstring`.
fn att_value<'a>(input: &mut Input<'a>) -> ModalResult<(ByteStr<'a>, Option<ByteStr<'a>>)> {
    (string, preceded(sp, nstring)).parse_next(input)
}
