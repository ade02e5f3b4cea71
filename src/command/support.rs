//! The helpers `#[derive(Command)]` calls, one per way a field is sent.
//! They are public (through `typed_imap::__private`) only so that
//! generated code can reach them.

use crate::types::{Response, ValidationError};
use crate::wire::encode::{Encode, Encoder};

/// ` value`, by the value's own encoding.
pub fn arg<T: Encode + ?Sized>(enc: &mut Encoder, value: &T) -> Result<(), ValidationError> {
    enc.sp();
    value.encode(enc)
}

/// ` KEYWORD`.
pub fn keyword(enc: &mut Encoder, keyword: &str) -> Result<(), ValidationError> {
    enc.sp().atom(keyword).map(|_| ())
}

/// ` (item item ...)`.
pub fn list<'v, V, T>(enc: &mut Encoder, items: &'v V) -> Result<(), ValidationError>
where
    &'v V: IntoIterator<Item = &'v T>,
    V: ?Sized,
    T: Encode + 'v,
{
    enc.sp().list(items).map(|_| ())
}

/// ` {n}` and the bytes, whatever they hold.
pub fn literal<B: AsRef<[u8]> + ?Sized>(enc: &mut Encoder, bytes: &B) -> Result<(), ValidationError> {
    enc.sp().literal(bytes.as_ref()).map(|_| ())
}

/// ` bytes`, pre-encoded; CR, LF and NUL are refused.
pub fn raw<B: AsRef<[u8]> + ?Sized>(enc: &mut Encoder, bytes: &B) -> Result<(), ValidationError> {
    enc.sp().raw(bytes.as_ref()).map(|_| ())
}

/// True when `response` is one of the untagged responses `names`
/// (`FETCH`, `ESEARCH`, `OK`, ...), ignoring case.
pub fn collects(response: &Response<'_>, names: &[&str]) -> bool {
    let name = response.name();
    names.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Gathers command modifiers into one ` (NAME value NAME ...)` group
/// (RFC 4466 section 2.1: `fetch-modifiers`, `store-modifiers`,
/// `select-params`, ...).
#[derive(Debug, Default)]
pub struct Modifiers {
    open: bool,
}

impl Modifiers {
    fn start<'e>(&mut self, enc: &'e mut Encoder) -> Result<&'e mut Encoder, ValidationError> {
        let opening: &[u8] = if self.open { b" " } else { b" (" };
        self.open = true;
        enc.raw(opening)
    }

    /// `NAME` alone (e.g. `CONDSTORE`).
    pub fn flag(&mut self, enc: &mut Encoder, name: &str) -> Result<(), ValidationError> {
        self.start(enc)?.atom(name).map(|_| ())
    }

    /// `NAME value` (e.g. `CHANGEDSINCE 12345`).
    pub fn value<T: Encode + ?Sized>(
        &mut self,
        enc: &mut Encoder,
        name: &str,
        value: &T,
    ) -> Result<(), ValidationError> {
        self.start(enc)?.atom(name)?.sp();
        value.encode(enc)
    }

    /// Closes the group, if one was opened.
    pub fn finish(self, enc: &mut Encoder) -> Result<(), ValidationError> {
        if self.open {
            enc.raw(b")")?;
        }
        Ok(())
    }
}
