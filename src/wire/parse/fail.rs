//! The error value of the parsers: why a rule failed.

use std::fmt;

use winnow::error::{AddContext, ContextError, ParserError, StrContext};
use winnow::stream::Stream;

/// Why a rule failed: nothing at all in the common case of a rule that
/// fails as a matter of course (a list's end, a branch not taken, `NIL`
/// where a string may be), or the contexts that rules on the way added
/// (`invalid literal`, `expected CRLF`), boxed.
///
/// winnow's own [`ContextError`] is 40 bytes inline, which made the result
/// of every rule at least 48 bytes, `Result<(), _>` included: each call
/// wrote and read its result through memory, often at odd offsets that
/// defeat store-to-load forwarding (the reads of those results were half
/// the samples of the address-list parser). With one pointer here, a
/// rule's error is 16 bytes and a `ModalResult<()>` comes back in two
/// registers. It prints as `ContextError` does; an empty one prints
/// nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct ParseFail(Option<Box<ContextError>>);

impl ParseFail {
    /// A failure with no context (allocates nothing).
    pub(crate) fn new() -> Self {
        ParseFail(None)
    }

    /// Adds `context` (the first one allocates).
    pub(crate) fn push(&mut self, context: StrContext) {
        self.0.get_or_insert_with(Default::default).push(context);
    }
}

impl<I: Stream> ParserError<I> for ParseFail {
    type Inner = Self;

    fn from_input(_input: &I) -> Self {
        ParseFail::new()
    }

    fn into_inner(self) -> Result<Self, Self> {
        Ok(self)
    }
}

impl<I: Stream> AddContext<I, StrContext> for ParseFail {
    fn add_context(mut self, _input: &I, _token_start: &I::Checkpoint, context: StrContext) -> Self {
        self.push(context);
        self
    }
}

impl fmt::Display for ParseFail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Some(contexts) => contexts.fmt(f),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use winnow::error::StrContextValue;

    #[test]
    fn prints_as_context_error_does() {
        assert_eq!(ParseFail::new().to_string(), "");
        let mut fail = ParseFail::new();
        fail.push(StrContext::Label("literal"));
        fail.push(StrContext::Expected(StrContextValue::StringLiteral("CRLF")));
        assert_eq!(fail.to_string(), "invalid literal\nexpected `CRLF`");
    }

    #[test]
    fn results_are_small() {
        assert_eq!(size_of::<super::super::ModalResult<()>>(), 16);
        assert!(size_of::<super::super::ModalResult<Option<crate::types::ByteStr<'_>>>>() <= 32);
    }
}
