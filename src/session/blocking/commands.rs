//! The commands the driver itself sends: CAPABILITY after the greeting
//! and after STARTTLS, STARTTLS, and LOGOUT (also on drop).
//!
//! Private stand-ins until the public commands land; the session only
//! needs their names, states and what they collect.

use crate::Error;
use crate::types::{Response, Status, StatusKind};

/// CAPABILITY (RFC 3501 section 6.1.1). The session keeps what the server
/// answers; the collected responses are not needed.
#[derive(Debug, Clone, crate::Command)]
#[imap(command = "CAPABILITY", state = "any", collect = "CAPABILITY")]
pub(crate) struct Capability;

/// STARTTLS (RFC 3501 section 6.2.1): refused by the core unless the
/// server advertises it and the session is not authenticated.
#[derive(Debug, Clone, crate::Command)]
#[imap(command = "STARTTLS", state = "not_authenticated", capability = "STARTTLS")]
pub(crate) struct StartTls;

/// LOGOUT (RFC 3501 section 6.1.3): the server's BYE, or its tagged OK
/// when it sent no BYE (conformance items 93-95).
#[derive(Debug, Clone, crate::Command)]
#[imap(command = "LOGOUT", state = "any", collect = "BYE", output = Status<'static>, decode = bye_or_ok)]
pub(crate) struct Logout;

fn bye_or_ok(
    _: &Logout,
    collected: Vec<Response<'static>>,
    done: &Status<'static>,
) -> Result<Status<'static>, Error> {
    let bye = collected.into_iter().find_map(|r| match r {
        Response::Status(status) if status.kind == StatusKind::Bye => Some(status),
        _ => None,
    });
    Ok(bye.unwrap_or_else(|| done.clone()))
}
