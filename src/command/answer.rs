//! Picking a command's answer out of the responses it collected, for the
//! commands whose output is one untagged response (GETACL, MYRIGHTS,
//! LISTRIGHTS, GETQUOTA).
//!
//! The rule: the response that answers this request (same mailbox or
//! quota root) wins; a server that spells the name differently (case,
//! UTF-8 instead of modified UTF-7) still gets its only answer used; a
//! command with no answer at all is `Error::Decode` naming the command.
//! Responses that answer another request are left out of the output.

use crate::Error;
use crate::types::Response;

/// The first value `extract` finds that `matches`, else the first value
/// it finds at all, else `Error::Decode` saying `what` was missing.
pub(crate) fn pick<T>(
    collected: Vec<Response<'static>>,
    command: &str,
    what: &str,
    extract: impl Fn(Response<'static>) -> Option<T>,
    matches: impl Fn(&T) -> bool,
) -> Result<T, Error> {
    choose(collected.into_iter().filter_map(extract).collect(), command, what, matches)
}

/// The first of `found` that `matches`, else the first, else
/// `Error::Decode` saying `what` was missing.
pub(crate) fn choose<T>(
    mut found: Vec<T>,
    command: &str,
    what: &str,
    matches: impl Fn(&T) -> bool,
) -> Result<T, Error> {
    match found.iter().position(matches) {
        Some(i) => Ok(found.swap_remove(i)),
        None if !found.is_empty() => Ok(found.swap_remove(0)),
        None => Err(missing(command, what)),
    }
}

/// `Error::Decode` for a command whose answer never came.
fn missing(command: &str, what: &str) -> Error {
    Error::Decode { command: command.to_owned(), reason: format!("the server sent no {what} response") }
}
