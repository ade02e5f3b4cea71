//! What an argument's value needs from the server: `THREAD=REFERENCES` for
//! one algorithm, CONDSTORE for a MODSEQ search key, SEARCHRES for `$`.
//!
//! A field marked `#[imap(requires)]` adds its value's requirements to
//! [`Command::capabilities`](super::Command::capabilities), so the session
//! refuses the command with `Error::Unsupported` before anything is sent,
//! rather than the server answering BAD. A value the crate does not know
//! (an `Other(atom)`) requires nothing: the server decides.

use crate::types::SequenceSet;

/// The capabilities a value needs the server to have (advertised, or
/// implied: see [`implied`](super::implied)), each named as the server
/// advertises it.
///
/// Implemented by the argument types whose values belong to extensions,
/// and by `Option`, `Vec`, slices, `Box` and references of them. A type of
/// the user's own can implement it and be marked `#[imap(requires)]` too.
///
/// ```
/// use typed_imap::command::Requirements;
/// use typed_imap::types::FetchAttr;
///
/// let mut needs = Vec::new();
/// vec![FetchAttr::Flags, FetchAttr::ModSeq].requirements(&mut needs);
/// assert_eq!(needs, ["CONDSTORE"]);
/// ```
pub trait Requirements {
    /// Pushes onto `out` each capability this value needs (duplicates are
    /// allowed; the derive drops them).
    fn requirements(&self, out: &mut Vec<&'static str>);
}

impl<T: Requirements + ?Sized> Requirements for &T {
    fn requirements(&self, out: &mut Vec<&'static str>) {
        (**self).requirements(out);
    }
}

impl<T: Requirements + ?Sized> Requirements for Box<T> {
    fn requirements(&self, out: &mut Vec<&'static str>) {
        (**self).requirements(out);
    }
}

/// `None` requires nothing.
impl<T: Requirements> Requirements for Option<T> {
    fn requirements(&self, out: &mut Vec<&'static str>) {
        if let Some(value) = self {
            value.requirements(out);
        }
    }
}

impl<T: Requirements> Requirements for [T] {
    fn requirements(&self, out: &mut Vec<&'static str>) {
        self.iter().for_each(|item| item.requirements(out));
    }
}

impl<T: Requirements> Requirements for Vec<T> {
    fn requirements(&self, out: &mut Vec<&'static str>) {
        self.as_slice().requirements(out);
    }
}

/// `$`, the saved search result, needs SEARCHRES (RFC 5182 section 2.1,
/// where "all commands accepting message sets" take it; RFC 9051 section
/// 6.4.4.1).
impl Requirements for SequenceSet {
    fn requirements(&self, out: &mut Vec<&'static str>) {
        if self.is_saved() {
            out.push("SEARCHRES");
        }
    }
}

/// The requirements of `value`, in order, each once.
pub fn requirements_of<T: Requirements + ?Sized>(value: &T) -> Vec<&'static str> {
    let mut out = Vec::new();
    value.requirements(&mut out);
    dedup(&mut out);
    out
}

/// Drops the later copies of each name, keeping the order.
pub(crate) fn dedup(names: &mut Vec<&'static str>) {
    let mut seen = Vec::with_capacity(names.len());
    names.retain(|name| {
        let first = !seen.contains(name);
        seen.push(*name);
        first
    });
}
