//! Picking a command's answer out of the responses it collected, for the
//! commands whose output is one untagged response (GETACL, MYRIGHTS,
//! LISTRIGHTS, GETQUOTA, GETQUOTAROOT).
//!
//! The rule, as for the mailbox commands (spec/commands-mailbox.md):
//! - a lone response is the answer, even when the server spelled the
//!   name differently (case, UTF-8 instead of modified UTF-7);
//! - of several, the one for this request (same mailbox, identifier or
//!   root) is the answer, and any other is a misfit;
//! - no response, or misfits, give `Error::Decode` naming the command;
//!   the reason quotes every misfit, so nothing the server said is lost
//!   silently.

use std::fmt::Debug;

use crate::Error;
use crate::types::Response;

/// The answer among the values `extract` finds in `collected`.
pub(crate) fn pick<T: Debug>(
    collected: Vec<Response<'static>>,
    command: &str,
    what: &str,
    extract: impl Fn(Response<'static>) -> Option<T>,
    matches: impl Fn(&T) -> bool,
) -> Result<T, Error> {
    choose(collected.into_iter().filter_map(extract).collect(), command, what, matches)
}

/// The answer among `found`, by the rule above.
pub(crate) fn choose<T: Debug>(
    mut found: Vec<T>,
    command: &str,
    what: &str,
    matches: impl Fn(&T) -> bool,
) -> Result<T, Error> {
    if found.len() <= 1 {
        return found
            .pop()
            .ok_or_else(|| decode_error(command, format!("the server sent no {what} response")));
    }
    let Some(index) = found.iter().position(matches) else {
        return Err(decode_error(command, format!("no {what} response for this request among {found:?}")));
    };
    let answer = found.remove(index);
    match found.is_empty() {
        true => Ok(answer),
        false => Err(decode_error(command, format!("{what} responses for another request: {found:?}"))),
    }
}

fn decode_error(command: &str, reason: String) -> Error {
    Error::Decode { command: command.to_owned(), reason }
}
