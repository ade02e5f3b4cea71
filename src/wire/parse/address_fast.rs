//! The common shape of an `address`, read without the grammar's error
//! values: `(name SP adl SP mailbox SP host)` where each field is `NIL`
//! or a quoted string without escapes or control bytes and each space is
//! single. Anything else (a literal, an escape, a doubled space, a
//! malformed address) answers `None`, and
//! [`address`](super::envelope::address) reads the same bytes with the
//! grammar, which gives the value, the quirks and the errors.
//!
//! Why a second reader: each rule returns its value through memory,
//! wrapped in a `ModalResult`, and an envelope holds four to ten addresses
//! of four strings; in the common shape plain `Option`s cost less (FETCH
//! metadata, interleaved runs: 526 -> 552 MB/s). Reading the whole
//! envelope this way was slower (495 MB/s: the 240-byte envelope then
//! travels through an `Option`), so it stops at the address. It accepts a
//! subset of what the grammar accepts and builds the same value: the
//! differential test below holds it to that.

use crate::types::{Address, ByteStr};

use super::core::plain_quoted;

/// An address at the start of `input`, in the common shape; on `None`
/// the caller reads it again with the grammar.
#[inline(always)]
pub(super) fn address<'a>(input: &mut &'a [u8]) -> Option<Address<'a>> {
    byte(input, b'(')?;
    let name = field(input)?;
    let adl = field(input)?;
    let mailbox = field(input)?;
    let host = nstring(input)?;
    byte(input, b')')?;
    Some(Address { name, adl, mailbox, host })
}

/// `nstring SP`, the space single.
#[inline(always)]
fn field<'a>(input: &mut &'a [u8]) -> Option<Option<ByteStr<'a>>> {
    let value = nstring(input)?;
    byte(input, b' ')?;
    Some(value)
}

/// Takes `expected` off the front.
#[inline(always)]
fn byte(input: &mut &[u8], expected: u8) -> Option<()> {
    let (&first, rest) = input.split_first()?;
    (first == expected).then(|| *input = rest)
}

/// `NIL` (any case) or a plain quoted string.
#[inline(always)]
fn nstring<'a>(input: &mut &'a [u8]) -> Option<Option<ByteStr<'a>>> {
    match *input {
        [b'"', rest @ ..] => {
            *input = rest;
            plain_quoted(input).map(|s| Some(ByteStr::from(s)))
        }
        [n, i, l, rest @ ..] if [*n, *i, *l].eq_ignore_ascii_case(b"NIL") => {
            *input = rest;
            Some(None)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::wire::parse::envelope::address_by_grammar;
    use crate::wire::parse::fetch::tests::mutate;
    use crate::wire::parse::{Input, ParseState};

    /// Addresses as servers send them, and the forms left to the grammar.
    const SEEDS: [&[u8]; 7] = [
        b"(\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")(NIL",
        b"(NIL NIL \"imap\" \"cac.washington.edu\"))",
        b"(nil NIL \"undisclosed-recipients\" NIL) x",
        b"(NIL NIL NIL NIL)",
        b"(\"a \\\"b\\\"\" NIL \"c\" \"d\")",
        b"({3}\r\nabc NIL \"c\" \"d\")",
        b"(NIL  NIL \"c\" \"d\")",
    ];

    fn fast(bytes: &[u8]) -> Option<(Address<'_>, &[u8])> {
        let mut rest = bytes;
        address(&mut rest).map(|a| (a, rest))
    }

    fn grammar(bytes: &[u8]) -> Option<(Address<'_>, &[u8])> {
        let mut input = Input { input: bytes, state: ParseState { depth_left: 8 } };
        address_by_grammar(&mut input).ok().map(|a| (a, input.input))
    }

    #[test]
    fn common_addresses_take_the_fast_reader_and_others_the_grammar() {
        for seed in &SEEDS[..4] {
            assert!(fast(seed).is_some(), "{}", seed.escape_ascii());
            assert_eq!(fast(seed), grammar(seed), "{}", seed.escape_ascii());
        }
        for seed in &SEEDS[4..] {
            assert!(fast(seed).is_none(), "{}", seed.escape_ascii());
            assert!(grammar(seed).is_some(), "{}", seed.escape_ascii());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// Whatever the fast reader accepts, the grammar reads to the same
        /// address and the same rest.
        #[test]
        fn the_fast_reader_accepts_only_what_the_grammar_reads_the_same(
            which in 0..SEEDS.len(),
            edits in proptest::collection::vec((any::<usize>(), any::<u8>(), 0u8..3), 1..5),
        ) {
            let bytes = mutate(SEEDS[which].to_vec(), edits);
            if let Some(fast) = fast(&bytes) {
                prop_assert_eq!(Some(fast), grammar(&bytes));
            }
        }
    }
}
