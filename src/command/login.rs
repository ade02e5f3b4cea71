//! LOGIN (RFC 3501 section 6.2.3, RFC 9051 section 6.2.3).

use super::any::{Capabilities, capabilities_of};
use crate::Error;
use crate::types::{AString, Response, Secret, Status, ValidationError};

/// LOGIN: authenticates with a user name and a password sent in the
/// clear (use it over TLS).
///
/// The user is an `astring` (an atom when it can be); the password is a
/// [`Secret`], always sent as a quoted string or a literal, never an atom
/// (conformance items 20, 21, 61), and never shown by `Debug`. The
/// session refuses LOGIN when the server advertises `LOGINDISABLED`
/// (conformance item 62).
///
/// ```
/// use typed_imap::command::{Command, Login};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder};
///
/// let login = Login::new("u", "p").unwrap();
/// let mut enc = Encoder::new(EncodeOptions::default());
/// login.encode_args(&mut enc).unwrap();
/// assert_eq!(format!("{:?}", enc.finish()), r#"[Line(" u \"p\"\r\n")]"#);
/// assert!(!format!("{login:?}").contains("\"p\""));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Command)]
#[imap(
    command = "LOGIN",
    state = "not_authenticated",
    collect = "CAPABILITY",
    output = Authenticated,
    decode = decode_login
)]
pub struct Login {
    /// `userid = astring`.
    pub user: AString<'static>,
    /// `password = astring`, sent as a string.
    pub password: Secret,
}

impl Login {
    /// LOGIN `user` `password`; fails when either holds NUL.
    pub fn new(user: &str, password: impl Into<Vec<u8>>) -> Result<Self, ValidationError> {
        Ok(Login { user: AString::new(user.as_bytes().to_vec())?, password: Secret::new(password)? })
    }
}

/// What a successful LOGIN or AUTHENTICATE gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Authenticated {
    /// The capabilities the server sent with its answer (an untagged
    /// CAPABILITY or a `[CAPABILITY ...]` code on the tagged OK), if any;
    /// else the session asks for them (conformance item 60).
    pub capabilities: Option<Capabilities>,
}

/// The output of LOGIN and AUTHENTICATE: never fails, the capabilities
/// are optional.
pub(crate) fn authenticated(collected: &[Response<'static>], done: &Status<'static>) -> Authenticated {
    Authenticated { capabilities: capabilities_of(collected, done) }
}

fn decode_login(
    _: &Login,
    collected: Vec<Response<'static>>,
    done: &Status<'static>,
) -> Result<Authenticated, Error> {
    Ok(authenticated(&collected, done))
}
