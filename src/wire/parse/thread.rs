//! `thread-data` (THREAD, RFC 5256 section 5).

use winnow::combinator::{opt, preceded, repeat, separated, terminated};
use winnow::error::{ErrMode, StrContext};
use winnow::prelude::*;

use super::Input;
use super::core::{nested, nz_number, sp};
use super::{ModalResult, ParseFail};
use crate::types::Thread;

/// `thread-data = "THREAD" [SP 1*thread-list]`, after the name.
///
/// Quirk `spaces_between_threads`: spaces between thread lists are
/// accepted (`(1) (2)`).
pub(crate) fn thread_data(input: &mut Input<'_>) -> ModalResult<Vec<Thread>> {
    opt(preceded(sp, thread_lists)).map(Option::unwrap_or_default).parse_next(input)
}

/// `1*thread-list`, separated by optional spaces.
fn thread_lists(input: &mut Input<'_>) -> ModalResult<Vec<Thread>> {
    repeat(1.., terminated(thread_list, opt(sp))).parse_next(input)
}

/// `thread-list = "(" (thread-members / thread-nested) ")"`, one nesting
/// level deeper.
fn thread_list(input: &mut Input<'_>) -> ModalResult<Thread> {
    b'('.parse_next(input)?;
    let thread = nested(input, thread_body)?;
    b')'.context(StrContext::Label("thread-list")).parse_next(input)?;
    Ok(thread)
}

/// `thread-members = nz-number *(SP nz-number) [SP thread-nested]` or
/// `thread-nested = 2*thread-list`.
///
/// Lenient: one nested list is accepted where the grammar wants two.
fn thread_body(input: &mut Input<'_>) -> ModalResult<Thread> {
    let messages: Vec<u32> = separated(0.., nz_number, sp).parse_next(input)?;
    opt(sp).parse_next(input)?;
    let children: Vec<Thread> = repeat(0.., terminated(thread_list, opt(sp))).parse_next(input)?;
    if messages.is_empty() && children.is_empty() {
        return Err(ErrMode::Backtrack(ParseFail::new()));
    }
    Ok(Thread { messages, children })
}
