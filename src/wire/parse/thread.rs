//! `thread-data` (THREAD, RFC 5256 section 5).
//!
//! The rules are plain loops rather than `repeat`/`separated`: a THREAD
//! response is thousands of numbers in hundreds of nested lists, and each
//! combinator level, and each failed attempt at the end of a list (winnow
//! builds an error value for it), cost more than the numbers themselves
//! (callgrind, the 10 THREAD responses of 30 ESEARCH/SORT/THREAD: 1.16M ->
//! 0.91M instructions, most of the rest is allocating the tree). Each
//! loop backtracks exactly where the combinator did, so the same input is
//! read and the same errors surface (a test compares them with the
//! combinator form).

use winnow::error::{ErrMode, StrContext};
use winnow::prelude::*;

use super::Input;
use super::core::{backtrack, nested, nz_number, skip_spaces, sp};
use super::{ModalResult, ParseFail};
use crate::types::Thread;

/// `thread-data = "THREAD" [SP 1*thread-list]`, after the name.
///
/// Quirk `spaces_between_threads`: spaces between thread lists are
/// accepted (`(1) (2)`).
pub(crate) fn thread_data(input: &mut Input<'_>) -> ModalResult<Vec<Thread>> {
    // `opt(preceded(sp, thread_lists))`.
    let before = input.input;
    if sp(input).is_err() {
        return Ok(Vec::new());
    }
    match thread_lists(input, 1) {
        Err(ErrMode::Backtrack(_)) => {
            input.input = before;
            Ok(Vec::new())
        }
        result => result,
    }
}

/// `1*thread-list` (or `*thread-list` for `min` 0), separated by
/// optional spaces, as `repeat(min.., terminated(thread_list, opt(sp)))`.
fn thread_lists(input: &mut Input<'_>, min: usize) -> ModalResult<Vec<Thread>> {
    // A list starts with `(`: anything else fails `thread_list` at once,
    // input untouched, which ends the repetition.
    let mut threads = match input.input.first() {
        Some(b'(') => Vec::with_capacity(4),
        _ => Vec::new(),
    };
    while input.input.first() == Some(&b'(') {
        let before = input.input;
        match thread_list(input) {
            Ok(thread) => threads.push(thread),
            Err(ErrMode::Backtrack(e)) => {
                input.input = before;
                if threads.len() < min {
                    return Err(ErrMode::Backtrack(e));
                }
                return Ok(threads);
            }
            Err(e) => return Err(e),
        }
        skip_spaces(input);
    }
    if threads.len() < min {
        return Err(backtrack());
    }
    Ok(threads)
}

/// `thread-list = "(" (thread-members / thread-nested) ")"`, one nesting
/// level deeper.
fn thread_list(input: &mut Input<'_>) -> ModalResult<Thread> {
    b'('.parse_next(input)?;
    let thread = nested(input, thread_body)?;
    match input.input {
        [b')', rest @ ..] => {
            input.input = rest;
            Ok(thread)
        }
        _ => {
            let mut e = ParseFail::new();
            e.push(StrContext::Label("thread-list"));
            Err(ErrMode::Backtrack(e))
        }
    }
}

/// `thread-members = nz-number *(SP nz-number) [SP thread-nested]` or
/// `thread-nested = 2*thread-list`.
///
/// Lenient: one nested list is accepted where the grammar wants two.
fn thread_body(input: &mut Input<'_>) -> ModalResult<Thread> {
    let messages = thread_members(input);
    skip_spaces(input);
    let children = thread_lists(input, 0)?;
    if messages.is_empty() && children.is_empty() {
        return Err(backtrack());
    }
    Ok(Thread { messages, children })
}

/// `[nz-number *(SP nz-number)]`, as `separated(0.., nz_number, sp)`: a
/// space not followed by a number is left unread.
fn thread_members(input: &mut Input<'_>) -> Vec<u32> {
    let Ok(first) = nz_number(input) else {
        return Vec::new();
    };
    // Room for 4 from the start: what the first push reserves, without
    // the `Vec`'s growth path.
    let mut messages = Vec::with_capacity(4);
    messages.push(first);
    loop {
        let before = input.input;
        match sp(input).and_then(|()| nz_number(input)) {
            Ok(n) => messages.push(n),
            Err(_) => {
                input.input = before;
                return messages;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use winnow::combinator::{opt, preceded, repeat, separated, terminated};

    use super::*;
    use crate::wire::parse::ParseState;

    /// The combinator form these loops replaced, kept as the reference.
    mod reference {
        use super::*;

        pub(super) fn thread_data(input: &mut Input<'_>) -> ModalResult<Vec<Thread>> {
            opt(preceded(sp, thread_lists)).map(Option::unwrap_or_default).parse_next(input)
        }

        fn thread_lists(input: &mut Input<'_>) -> ModalResult<Vec<Thread>> {
            repeat(1.., terminated(thread_list, opt(sp))).parse_next(input)
        }

        fn thread_list(input: &mut Input<'_>) -> ModalResult<Thread> {
            b'('.parse_next(input)?;
            let thread = nested(input, thread_body)?;
            b')'.context(StrContext::Label("thread-list")).parse_next(input)?;
            Ok(thread)
        }

        fn thread_body(input: &mut Input<'_>) -> ModalResult<Thread> {
            let messages: Vec<u32> = separated(0.., nz_number, sp).parse_next(input)?;
            opt(sp).parse_next(input)?;
            let children: Vec<Thread> = repeat(0.., terminated(thread_list, opt(sp))).parse_next(input)?;
            if messages.is_empty() && children.is_empty() {
                return Err(ErrMode::Backtrack(ParseFail::new()));
            }
            Ok(Thread { messages, children })
        }
    }

    type Outcome<'a> = (Result<Vec<Thread>, String>, &'a [u8]);

    fn run<'a>(parser: fn(&mut Input<'a>) -> ModalResult<Vec<Thread>>, bytes: &'a [u8]) -> Outcome<'a> {
        let mut input = Input { input: bytes, state: ParseState::new(6) };
        let result = parser(&mut input).map_err(|e| format!("{e:?}"));
        (result, input.input)
    }

    #[test]
    fn loops_read_as_the_combinators_did() {
        let cases: &[&[u8]] = &[
            b"",
            b" ",
            b" (1)",
            b" (1)(2 3)\r\n",
            b" (1) (2)  (3 4) x",
            b" (2)(3 6 (4 23)(44 7 96))",
            b" ((3)(5))",
            b" (3 (4))",
            b" (1 2 x)",
            b" (1 2 )",
            b" (1  2)",
            b" ( 1)",
            b" (1)(",
            b" (1)()",
            b" ()",
            b" (0)",
            b" (1 0)",
            b" (4294967296)",
            b" (1 (2",
            b" (1 (2)",
            b" ((((((1))))))",
            b" (((((((1)))))))",
            b" (1)(((((((2)))))))",
            b"(1)",
            b" x",
        ];
        for case in cases {
            let got = run(thread_data, case);
            let want = run(reference::thread_data, case);
            assert_eq!(got, want, "{}", case.escape_ascii());
        }
    }
}
