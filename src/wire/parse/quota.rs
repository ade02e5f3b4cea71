//! `quota-response` and `quotaroot-response` (QUOTA, RFC 9208 section 6).

use winnow::combinator::{preceded, repeat};
use winnow::error::StrContext;
use winnow::prelude::*;

use super::Input;
use super::ModalResult;
use super::core::{astring, atom, number64, sp};
use super::mailbox::mailbox;
use super::paren::paren_list;
use crate::types::{ByteStr, Quota, QuotaResource, QuotaRoot};

/// `quota-response = "QUOTA" SP quota-root-name SP quota-list`, after the
/// name; `quota-list = "(" quota-resource *(SP quota-resource) ")"`.
///
/// Lenient: an empty `()` list is accepted.
pub(crate) fn quota_response<'a>(input: &mut Input<'a>) -> ModalResult<Quota<'a>> {
    (preceded(sp, astring), preceded(sp, paren_list(quota_resource)))
        .map(|(root, resources)| Quota { root, resources })
        .context(StrContext::Label("QUOTA"))
        .parse_next(input)
}

/// `quota-resource = resource-name SP resource-usage SP resource-limit`,
/// 64-bit numbers.
fn quota_resource<'a>(input: &mut Input<'a>) -> ModalResult<QuotaResource<'a>> {
    (atom, preceded(sp, number64), preceded(sp, number64))
        .map(|(name, usage, limit)| QuotaResource { name: ByteStr::from(name), usage, limit })
        .parse_next(input)
}

/// `quotaroot-response = "QUOTAROOT" SP mailbox *(SP quota-root-name)`,
/// after the name.
pub(crate) fn quotaroot_response<'a>(input: &mut Input<'a>) -> ModalResult<QuotaRoot<'a>> {
    (preceded(sp, mailbox), repeat(0.., preceded(sp, astring)))
        .map(|(mailbox, roots)| QuotaRoot { mailbox, roots })
        .context(StrContext::Label("QUOTAROOT"))
        .parse_next(input)
}
