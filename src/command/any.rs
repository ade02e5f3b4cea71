//! The commands valid in any state (RFC 3501 section 6.1, RFC 9051
//! section 6.1): CAPABILITY, NOOP and LOGOUT.

use crate::Error;
use crate::types::{ByteStr, Capability as Cap, Code, Data, Response, Status, StatusKind};

/// CAPABILITY (RFC 3501 section 6.1.1, RFC 9051 section 6.1.1): asks for
/// the server's capabilities.
///
/// The output comes from the untagged `CAPABILITY` response or, when the
/// server sent none, from a `[CAPABILITY ...]` code on the tagged OK.
///
/// ```
/// use typed_imap::command::{Capability, Command};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder};
///
/// let mut enc = Encoder::new(EncodeOptions::default());
/// Capability.encode_args(&mut enc).unwrap();
/// assert_eq!(Capability.name(), "CAPABILITY");
/// assert_eq!(format!("{:?}", enc.finish()), r#"[Line("\r\n")]"#);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, crate::Command)]
#[imap(command = "CAPABILITY", state = "any", collect = "CAPABILITY", output = Capabilities, decode = decode_capability)]
pub struct Capability;

/// The capabilities a server advertised (RFC 3501 section 7.2.1), in the
/// order it listed them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Capabilities(pub Vec<Cap<'static>>);

impl Capabilities {
    /// True when `name` is advertised, ignoring case (`has("idle")`).
    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|c| c.is(name))
    }

    /// The SASL mechanisms advertised as `AUTH=<name>`.
    pub fn auth_mechanisms(&self) -> impl Iterator<Item = &str> {
        self.0.iter().filter_map(Cap::auth_mechanism)
    }

    /// The capabilities, in the server's order.
    pub fn iter(&self) -> std::slice::Iter<'_, Cap<'static>> {
        self.0.iter()
    }
}

/// The capabilities in `collected` (the last `* CAPABILITY`) or else in
/// the `[CAPABILITY ...]` code of `done`; `None` when neither has them.
pub(crate) fn capabilities_of(
    collected: &[Response<'static>],
    done: &Status<'static>,
) -> Option<Capabilities> {
    let untagged = collected.iter().rev().find_map(|r| match r {
        Response::Data(Data::Capability(list)) => Some(list.clone()),
        _ => None,
    });
    let coded = || match &done.code {
        Some(Code::Capability(list)) => Some(list.clone()),
        _ => None,
    };
    untagged.or_else(coded).map(Capabilities)
}

fn decode_capability(
    _: &Capability,
    collected: Vec<Response<'static>>,
    done: &Status<'static>,
) -> Result<Capabilities, Error> {
    capabilities_of(&collected, done).ok_or_else(|| Error::Decode {
        command: "CAPABILITY".into(),
        reason: "no CAPABILITY response and no [CAPABILITY] code on the tagged OK".into(),
    })
}

/// NOOP (RFC 3501 section 6.1.2, RFC 9051 section 6.1.2): does nothing;
/// the updates it lets the server send (EXISTS, EXPUNGE, FETCH, ...) go to
/// the session's unsolicited events, so NOOP collects nothing.
///
/// ```
/// use typed_imap::command::{Command, Noop};
///
/// assert_eq!(Noop.name(), "NOOP");
/// assert!(Noop.capabilities().is_empty());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, crate::Command)]
#[imap(command = "NOOP", state = "any")]
pub struct Noop;

/// LOGOUT (RFC 3501 section 6.1.3, RFC 9051 section 6.1.3): ends the
/// session. The output is the server's BYE text, or the tagged OK's text
/// when no BYE came (conformance items 93 to 95).
///
/// ```
/// use typed_imap::command::{Command, Logout};
///
/// assert_eq!(Logout.name(), "LOGOUT");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, crate::Command)]
#[imap(command = "LOGOUT", state = "any", collect = "BYE", output = LoggedOut, decode = decode_logout)]
pub struct Logout;

/// How the server ended the session after LOGOUT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedOut {
    /// The text of the untagged BYE, or of the tagged OK when no BYE came.
    pub text: ByteStr<'static>,
    /// True when the text is the BYE's.
    pub bye: bool,
}

fn decode_logout(
    _: &Logout,
    collected: Vec<Response<'static>>,
    done: &Status<'static>,
) -> Result<LoggedOut, Error> {
    let bye = collected.into_iter().find_map(|r| match r {
        Response::Status(s) if s.kind == StatusKind::Bye => Some(s.text),
        _ => None,
    });
    Ok(match bye {
        Some(text) => LoggedOut { text, bye: true },
        None => LoggedOut { text: done.text.clone(), bye: false },
    })
}
