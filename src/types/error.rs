//! Why a caller's value was refused.

use std::fmt;

/// A value that cannot be sent: it names what was being built and the
/// first offending byte, e.g. "invalid byte 0x0a at index 3 in atom".
///
/// ```
/// use typed_imap::types::Atom;
///
/// let e = Atom::new("two words").unwrap_err();
/// assert_eq!(e.to_string(), "invalid byte 0x20 at index 3 in atom");
/// assert_eq!(e.offending_byte(), Some((b' ', 3)));
/// assert_eq!(format!("{e:?}"), "ValidationError(\"invalid byte 0x20 at index 3 in atom\")");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct ValidationError {
    what: &'static str,
    kind: Kind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Kind {
    Empty,
    Byte { byte: u8, index: usize },
    Other(&'static str),
}

impl ValidationError {
    /// `what` may not be empty.
    pub(crate) fn empty(what: &'static str) -> Self {
        ValidationError { what, kind: Kind::Empty }
    }

    /// `what` holds a byte it may not hold.
    pub(crate) fn byte(what: &'static str, byte: u8, index: usize) -> Self {
        ValidationError { what, kind: Kind::Byte { byte, index } }
    }

    /// `what` is wrong for another reason, said in `reason`.
    pub(crate) fn other(what: &'static str, reason: &'static str) -> Self {
        ValidationError { what, kind: Kind::Other(reason) }
    }

    /// The same error, said of `what` (a flag keyword rather than the atom
    /// it is made of).
    pub(crate) fn within(self, what: &'static str) -> Self {
        ValidationError { what, ..self }
    }

    /// The kind of value that was refused ("atom", "tag", "mailbox", ...).
    pub fn what(&self) -> &'static str {
        self.what
    }

    /// The offending byte and its index, when one byte is to blame.
    pub fn offending_byte(&self) -> Option<(u8, usize)> {
        match self.kind {
            Kind::Byte { byte, index } => Some((byte, index)),
            _ => None,
        }
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Kind::Empty => write!(f, "{} may not be empty", self.what),
            Kind::Byte { byte, index } => {
                write!(f, "invalid byte 0x{byte:02x} at index {index} in {}", self.what)
            }
            Kind::Other(reason) => write!(f, "invalid {}: {reason}", self.what),
        }
    }
}

impl fmt::Debug for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ValidationError(\"{self}\")")
    }
}

impl std::error::Error for ValidationError {}
