//! The QUOTA commands (RFC 9208, which replaces RFC 2087): GETQUOTA,
//! GETQUOTAROOT and SETQUOTA.
//!
//! All three ask for the `QUOTA` capability. RFC 9208 servers may
//! advertise only `QUOTA=RES-*` names and `QUOTASET` for SETQUOTA, but
//! the servers in use (Dovecot, Cyrus, both RFC 2087 level) advertise
//! plain `QUOTA` and accept SETQUOTA under it; a capability check here is
//! one static name, so `QUOTA` it is.

use super::answer::{choose, pick};
use crate::Error;
use crate::types::{self as t, AString, Atom, ByteStr, Data, Mailbox, Response, Status, ValidationError};
use crate::wire::encode::{Encode, Encoder};

fn root(name: &str) -> Result<AString<'static>, ValidationError> {
    AString::new(name.as_bytes().to_vec())
}

/// GETQUOTA (RFC 9208 section 4.1.1): the usage and limits of a quota
/// root.
///
/// ```
/// use typed_imap::command::{Command, GetQuota};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder};
///
/// let mut enc = Encoder::new(EncodeOptions::default());
/// GetQuota::new("User quota").unwrap().encode_args(&mut enc).unwrap();
/// assert_eq!(format!("{:?}", enc.finish()), r#"[Line(" \"User quota\"\r\n")]"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Command)]
#[imap(command = "GETQUOTA", capability = "QUOTA", collect = "QUOTA", output = t::Quota<'static>, decode = decode_getquota)]
pub struct GetQuota {
    /// `quota-root-name = astring`; may be empty (`""`).
    pub root: AString<'static>,
}

impl GetQuota {
    /// GETQUOTA `root`; fails when it holds NUL.
    pub fn new(root_name: &str) -> Result<Self, ValidationError> {
        Ok(GetQuota { root: root(root_name)? })
    }
}

fn decode_getquota(
    cmd: &GetQuota,
    collected: Vec<Response<'static>>,
    _: &Status<'static>,
) -> Result<t::Quota<'static>, Error> {
    let extract = |r| match r {
        Response::Data(Data::Quota(q)) => Some(q),
        _ => None,
    };
    pick(collected, "GETQUOTA", "QUOTA", extract, |q| q.root.as_bytes() == cmd.root.as_bytes())
}

/// GETQUOTAROOT (RFC 9208 section 4.1.2): the quota roots of a mailbox
/// and each root's usage and limits.
///
/// ```
/// use typed_imap::command::{Command, GetQuotaRoot};
///
/// assert_eq!(GetQuotaRoot::new("INBOX").unwrap().name(), "GETQUOTAROOT");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Command)]
#[imap(
    command = "GETQUOTAROOT",
    capability = "QUOTA",
    collect = "QUOTAROOT, QUOTA",
    output = QuotaRoots,
    decode = decode_getquotaroot
)]
pub struct GetQuotaRoot {
    /// The mailbox.
    pub mailbox: Mailbox<'static>,
}

impl GetQuotaRoot {
    /// GETQUOTAROOT `mailbox`; fails when the name holds NUL.
    pub fn new(mailbox: &str) -> Result<Self, ValidationError> {
        Ok(GetQuotaRoot { mailbox: Mailbox::new(mailbox)? })
    }
}

/// The answer to GETQUOTAROOT: the `QUOTAROOT` response and the `QUOTA`
/// responses that follow it (RFC 9208 section 4.1.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaRoots {
    /// The mailbox, as the server named it.
    pub mailbox: Mailbox<'static>,
    /// Its quota roots; empty when no quota applies.
    pub roots: Vec<ByteStr<'static>>,
    /// The usage and limits of each root the server reported.
    pub quotas: Vec<t::Quota<'static>>,
}

impl QuotaRoots {
    /// The quota of the root `name`, if the server reported it.
    pub fn quota(&self, name: &[u8]) -> Option<&t::Quota<'static>> {
        self.quotas.iter().find(|q| q.root.as_bytes() == name)
    }
}

fn decode_getquotaroot(
    cmd: &GetQuotaRoot,
    collected: Vec<Response<'static>>,
    _: &Status<'static>,
) -> Result<QuotaRoots, Error> {
    let (mut roots, mut quotas) = (Vec::new(), Vec::new());
    for response in collected {
        match response {
            Response::Data(Data::QuotaRoot(r)) => roots.push(r),
            Response::Data(Data::Quota(q)) => quotas.push(q),
            _ => {}
        }
    }
    let root = choose(roots, "GETQUOTAROOT", "QUOTAROOT", |r| r.mailbox == cmd.mailbox)?;
    Ok(QuotaRoots { mailbox: root.mailbox, roots: root.roots, quotas })
}

/// SETQUOTA (RFC 9208 section 4.1.3): sets the limits of a quota root;
/// an empty list removes them. Usually for administrators only.
///
/// The output is the `QUOTA` responses the server sends back, often none.
///
/// ```
/// use typed_imap::command::{Command, QuotaLimit, SetQuota};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder};
///
/// let cmd = SetQuota::new("", vec![QuotaLimit::new("STORAGE", 512).unwrap()]).unwrap();
/// let mut enc = Encoder::new(EncodeOptions::default());
/// cmd.encode_args(&mut enc).unwrap();
/// assert_eq!(format!("{:?}", enc.finish()), r#"[Line(" \"\" (STORAGE 512)\r\n")]"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Command)]
#[imap(
    command = "SETQUOTA",
    capability = "QUOTA",
    collect = "QUOTA",
    output = Vec<t::Quota<'static>>,
    decode = decode_setquota
)]
pub struct SetQuota {
    /// `quota-root-name = astring`.
    pub root: AString<'static>,
    /// `"(" [setquota-resource *(SP setquota-resource)] ")"`.
    pub limits: Vec<QuotaLimit>,
}

impl SetQuota {
    /// SETQUOTA `root` `(limits)`; fails when the root holds NUL.
    pub fn new(root_name: &str, limits: Vec<QuotaLimit>) -> Result<Self, ValidationError> {
        Ok(SetQuota { root: root(root_name)?, limits })
    }
}

fn decode_setquota(
    _: &SetQuota,
    collected: Vec<Response<'static>>,
    _: &Status<'static>,
) -> Result<Vec<t::Quota<'static>>, Error> {
    let quotas = collected.into_iter().filter_map(|r| match r {
        Response::Data(Data::Quota(q)) => Some(q),
        _ => None,
    });
    Ok(quotas.collect())
}

/// `setquota-resource = resource-name SP resource-limit` (RFC 9208
/// section 9): a limit on one resource, such as `STORAGE 512` (KiB) or
/// `MESSAGE 1000`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct QuotaLimit {
    /// `resource-name = atom` (RFC 9208 section 5: STORAGE, MESSAGE,
    /// MAILBOX, ANNOTATION-STORAGE, or a server's own).
    pub resource: Atom<'static>,
    /// `resource-limit = number64`.
    pub limit: u64,
}

impl QuotaLimit {
    /// The limit `limit` on `resource`; fails when `resource` is not an
    /// atom.
    pub fn new(resource: &str, limit: u64) -> Result<Self, ValidationError> {
        Ok(QuotaLimit { resource: Atom::new(resource.to_owned())?, limit })
    }
}

impl Encode for QuotaLimit {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.encode(&self.resource)?.sp().encode(&self.limit).map(drop)
    }
}
