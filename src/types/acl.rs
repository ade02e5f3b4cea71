//! `acl-data`, `listrights-data`, `myrights-data` (ACL, RFC 4314
//! section 4).
//!
//! Adds to [`Data`](super::Data): `Acl`, `ListRights`, `MyRights`.

use super::{ByteStr, Mailbox};

/// `acl-data = "ACL" SP mailbox *(SP identifier SP rights)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Acl<'a> {
    /// The mailbox.
    pub mailbox: Mailbox<'a>,
    /// Who holds which rights (`("anyone", "lr")`).
    pub entries: Vec<AclEntry<'a>>,
}

/// One identifier and its rights in an ACL response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AclEntry<'a> {
    /// The user or group (`anyone`, `-fred` for negative rights).
    pub identifier: ByteStr<'a>,
    /// The rights, one letter each (`lrswipkxtecda`).
    pub rights: ByteStr<'a>,
}

/// `listrights-data = "LISTRIGHTS" SP mailbox SP identifier SP rights *(SP rights)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListRights<'a> {
    /// The mailbox.
    pub mailbox: Mailbox<'a>,
    /// The identifier asked about.
    pub identifier: ByteStr<'a>,
    /// The rights always granted.
    pub required: ByteStr<'a>,
    /// Groups of rights that may be granted, each group as a whole.
    pub optional: Vec<ByteStr<'a>>,
}

/// `myrights-data = "MYRIGHTS" SP mailbox SP rights`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MyRights<'a> {
    /// The mailbox.
    pub mailbox: Mailbox<'a>,
    /// The logged-in user's rights.
    pub rights: ByteStr<'a>,
}

impl Acl<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> Acl<'static> {
        Acl {
            mailbox: self.mailbox.into_owned(),
            entries: self
                .entries
                .into_iter()
                .map(|e| AclEntry { identifier: e.identifier.into_owned(), rights: e.rights.into_owned() })
                .collect(),
        }
    }
}

impl ListRights<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> ListRights<'static> {
        ListRights {
            mailbox: self.mailbox.into_owned(),
            identifier: self.identifier.into_owned(),
            required: self.required.into_owned(),
            optional: self.optional.into_iter().map(ByteStr::into_owned).collect(),
        }
    }
}

impl MyRights<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> MyRights<'static> {
        MyRights { mailbox: self.mailbox.into_owned(), rights: self.rights.into_owned() }
    }
}
