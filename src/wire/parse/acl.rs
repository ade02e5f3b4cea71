//! `acl-data`, `listrights-data` and `myrights-data` (ACL, RFC 4314
//! section 4).

use winnow::combinator::{preceded, repeat};
use winnow::error::StrContext;
use winnow::prelude::*;

use super::Input;
use super::ModalResult;
use super::core::{astring, sp};
use super::mailbox::mailbox;
use crate::types::{Acl, AclEntry, ListRights, MyRights};

/// `acl-data = "ACL" SP mailbox *(SP identifier SP rights)`, after the
/// name; `identifier = astring`, `rights = astring`.
pub(crate) fn acl_data<'a>(input: &mut Input<'a>) -> ModalResult<Acl<'a>> {
    let mailbox = preceded(sp, mailbox).parse_next(input)?;
    let entries = repeat(0.., (preceded(sp, astring), preceded(sp, astring)))
        .fold(Vec::new, |mut v: Vec<AclEntry<'a>>, (identifier, rights)| {
            v.push(AclEntry { identifier, rights });
            v
        })
        .context(StrContext::Label("ACL"))
        .parse_next(input)?;
    Ok(Acl { mailbox, entries })
}

/// `listrights-data = "LISTRIGHTS" SP mailbox SP identifier SP rights
/// *(SP rights)`, after the name.
pub(crate) fn listrights_data<'a>(input: &mut Input<'a>) -> ModalResult<ListRights<'a>> {
    (preceded(sp, mailbox), preceded(sp, astring), preceded(sp, astring), repeat(0.., preceded(sp, astring)))
        .map(|(mailbox, identifier, required, optional)| ListRights {
            mailbox,
            identifier,
            required,
            optional,
        })
        .context(StrContext::Label("LISTRIGHTS"))
        .parse_next(input)
}

/// `myrights-data = "MYRIGHTS" SP mailbox SP rights`, after the name.
pub(crate) fn myrights_data<'a>(input: &mut Input<'a>) -> ModalResult<MyRights<'a>> {
    (preceded(sp, mailbox), preceded(sp, astring))
        .map(|(mailbox, rights)| MyRights { mailbox, rights })
        .context(StrContext::Label("MYRIGHTS"))
        .parse_next(input)
}
