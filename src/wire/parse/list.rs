//! `mailbox-list` (RFC 3501 section 9, RFC 9051 section 9, LIST-EXTENDED
//! RFC 5258 section 9, SPECIAL-USE RFC 6154).

use std::borrow::Cow;

use winnow::combinator::{cut_err, delimited, opt, preceded, terminated};
use winnow::error::StrContext;
use winnow::prelude::*;

use super::Input;
use super::ModalResult;
use super::byte_class::is_atom_char;
use super::core::{ascii_str, astring, nil, quoted, skip_spaces, sp, take_class};
use super::ext_value::tagged_ext_val;
use super::keyword::{Upper, letters_key_at};
use super::mailbox::mailbox;
use super::paren::paren_list;
use crate::types::{Atom, ByteStr, ListData, ListExtItem, MailboxAttr};

/// `mailbox-list = "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR DQUOTE
/// / nil) SP mailbox [SP mbox-list-extended]`.
pub(crate) fn mailbox_list<'a>(input: &mut Input<'a>) -> ModalResult<ListData<'a>> {
    let attributes = mbx_list_flags(input)?;
    sp(input)?;
    let delimiter = delimiter(input)?;
    sp(input)?;
    let mailbox = mailbox(input)?;
    // Most lines end here: `opt` would build and drop an error for each.
    let extended = match input.input.first() {
        Some(b' ') => opt(preceded(sp, mbox_list_extended)).parse_next(input)?.unwrap_or_default(),
        _ => Vec::new(),
    };
    Ok(ListData { attributes, delimiter, mailbox, extended })
}

/// `"(" [mbx-list-flags] ")"`, where `mbx-list-flags = *(mbx-list-oflag
/// SP) mbx-list-sflag *(SP mbx-list-oflag) / mbx-list-oflag *(SP
/// mbx-list-oflag)`: the attributes in any order, spaces optional, as
/// [`paren_list`] reads lists.
///
/// A plain loop into a `Vec` made with room for 4 (what its first push
/// reserved anyway): `paren_list` and the `Vec`'s growth path on the
/// first push cost about 150 instructions a line (`grow_one` alone 120).
fn mbx_list_flags<'a>(input: &mut Input<'a>) -> ModalResult<Vec<MailboxAttr<'a>>> {
    b'('.parse_next(input)?;
    skip_spaces(input);
    if input.input.first() == Some(&b')') {
        input.input = &input.input[1..];
        return Ok(Vec::new());
    }
    let mut attributes = Vec::with_capacity(4);
    loop {
        attributes.push(cut_err(mbx_list_flag).parse_next(input)?);
        skip_spaces(input);
        if input.input.first() == Some(&b')') {
            input.input = &input.input[1..];
            return Ok(attributes);
        }
    }
}

/// `mbx-list-flags`: one of `mbx-list-sflag / mbx-list-oflag /
/// child-mbox-flag / use-attr / flag-extension`, all `"\" atom`. (No
/// error context: failing here is how the list ends.)
///
/// A known attribute is recognised on the bytes; only the others are made
/// a `&str` (callgrind, 50 LIST lines: 110.0K -> 99.0K instructions).
fn mbx_list_flag<'a>(input: &mut Input<'a>) -> ModalResult<MailboxAttr<'a>> {
    b'\\'.parse_next(input)?;
    let at = input.input;
    let name = take_class(input, is_atom_char)?;
    let known = letters_key_at(at, name.len()).and_then(MailboxAttr::known_key);
    Ok(known.unwrap_or_else(|| MailboxAttr::from_name(Atom::from_wire(Cow::Borrowed(ascii_str(name))))))
}

/// `DQUOTE QUOTED-CHAR DQUOTE / nil`: a hierarchy delimiter.
///
/// Quirk `empty_delimiter`: `""` is read as `NIL` (no hierarchy).
///
/// The first byte decides the form: `alt` tried `NIL` first and built an
/// error for it on every LIST line, which sends a quoted delimiter. The
/// usual `"/"` or `"."` is read on the spot, without `quoted` and the
/// UTF-8 check of [`one_char`].
pub(crate) fn delimiter(input: &mut Input<'_>) -> ModalResult<Option<char>> {
    if let [b'"', c, b'"', rest @ ..] = input.input
        && c.is_ascii()
        && !matches!(c, b'"' | b'\\' | b'\r' | b'\n')
    {
        let c = char::from(*c);
        input.input = rest;
        return Ok(Some(c));
    }
    let form = |input: &mut Input<'_>| match input.input.first() {
        Some(b'"') => quoted.verify_map(|q| one_char(&q)).parse_next(input),
        _ => nil.value(None).parse_next(input),
    };
    form.context(StrContext::Label("delimiter")).parse_next(input)
}

/// `Some(None)` for an empty string, `Some(Some(c))` for one character.
fn one_char(q: &ByteStr<'_>) -> Option<Option<char>> {
    let mut chars = q.to_str()?.chars();
    match (chars.next(), chars.next()) {
        (None, _) => Some(None),
        (Some(c), None) => Some(Some(c)),
        _ => None,
    }
}

/// `mbox-list-extended = "(" [mbox-list-extended-item
/// *(SP mbox-list-extended-item)] ")"`.
fn mbox_list_extended<'a>(input: &mut Input<'a>) -> ModalResult<Vec<ListExtItem<'a>>> {
    paren_list(mbox_list_extended_item).parse_next(input)
}

/// `mbox-list-extended-item = mbox-list-extended-item-tag SP
/// tagged-ext-val`, with `CHILDINFO` (RFC 5258) and `OLDNAME` (RFC 9051)
/// typed.
fn mbox_list_extended_item<'a>(input: &mut Input<'a>) -> ModalResult<ListExtItem<'a>> {
    let tag = terminated(astring, sp).parse_next(input)?;
    match Upper::new(&tag).as_bytes() {
        b"CHILDINFO" => paren_list(astring).map(ListExtItem::ChildInfo).parse_next(input),
        b"OLDNAME" => delimited(b'(', mailbox, b')').map(ListExtItem::OldName).parse_next(input),
        _ => Ok(ListExtItem::Other { value: tagged_ext_val(input)?, tag }),
    }
}
