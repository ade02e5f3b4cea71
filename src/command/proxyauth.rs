//! PROXYAUTH: an old Cyrus extension that imaplib sends as
//! `PROXYAUTH user` (no RFC, no capability).

use crate::types::{AString, ValidationError};

/// PROXYAUTH: after logging in as an administrator, act as `user`.
///
/// No capability announces it; servers that lack it answer BAD (both
/// test servers do; SASL PLAIN with an authorization identity is the
/// modern way). Valid in the authenticated state with no mailbox selected (imaplib's state table; conformance item 42).
///
/// ```
/// use typed_imap::command::{Command, ProxyAuth};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder};
///
/// let mut enc = Encoder::new(EncodeOptions::default());
/// ProxyAuth::new("alice").unwrap().encode_args(&mut enc).unwrap();
/// assert_eq!(format!("{:?}", enc.finish()), r#"[Line(" alice\r\n")]"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Command)]
#[imap(command = "PROXYAUTH", state = "authenticated_only")]
pub struct ProxyAuth {
    /// The user to act as, an `astring`.
    pub user: AString<'static>,
}

impl ProxyAuth {
    /// PROXYAUTH `user`; fails when `user` holds NUL.
    pub fn new(user: &str) -> Result<Self, ValidationError> {
        Ok(ProxyAuth { user: AString::new(user.as_bytes().to_vec())? })
    }
}
