//! `quota-response` and `quotaroot-response` (QUOTA, RFC 9208 section 6,
//! formerly RFC 2087).
//!
//! Adds to [`Data`](super::Data): `Quota`, `QuotaRoot`.

use super::{ByteStr, Mailbox};

/// `quota-response = "QUOTA" SP quota-root-name SP quota-list`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quota<'a> {
    /// The quota root (often `""`).
    pub root: ByteStr<'a>,
    /// The resources limited under this root.
    pub resources: Vec<QuotaResource<'a>>,
}

/// `quota-resource = resource-name SP resource-usage SP resource-limit`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuotaResource<'a> {
    /// `STORAGE` (in KiB), `MESSAGE`, `MAILBOX`, `ANNOTATION-STORAGE`, ...
    pub name: ByteStr<'a>,
    /// The current usage.
    pub usage: u64,
    /// The limit.
    pub limit: u64,
}

/// `quotaroot-response = "QUOTAROOT" SP mailbox *(SP quota-root-name)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuotaRoot<'a> {
    /// The mailbox asked about.
    pub mailbox: Mailbox<'a>,
    /// The quota roots that apply to it.
    pub roots: Vec<ByteStr<'a>>,
}

impl Quota<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> Quota<'static> {
        Quota {
            root: self.root.into_owned(),
            resources: self
                .resources
                .into_iter()
                .map(|r| QuotaResource { name: r.name.into_owned(), usage: r.usage, limit: r.limit })
                .collect(),
        }
    }
}

impl QuotaRoot<'_> {
    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> QuotaRoot<'static> {
        QuotaRoot {
            mailbox: self.mailbox.into_owned(),
            roots: self.roots.into_iter().map(ByteStr::into_owned).collect(),
        }
    }
}
