//! THREAD (RFC 5256 sections 3 and 4).
//!
//! ```text
//! thread          = ["UID" SP] "THREAD" SP thread-alg SP search-criteria
//! thread-alg      = "ORDEREDSUBJECT" / "REFERENCES" / thread-alg-ext
//! thread-alg-ext  = atom
//! search-criteria = charset 1*(SP search-key)
//! ```
//!
//! The capability THREAD needs is `THREAD=<algorithm>` (RFC 5256 section
//! 1), which depends on the value: the algorithm field is
//! `#[imap(requires)]`, so the session refuses `THREAD REFERENCES` with
//! `Error::Unsupported` when the server lacks `THREAD=REFERENCES`. An
//! algorithm of [`ThreadAlgorithm::Other`] requires nothing (a requirement
//! is a `&'static str`, and an unknown atom is not one): check
//! `THREAD=<atom>` in the capabilities yourself.

use crate::Error;
use crate::command::Requirements;
use crate::command::search::Criteria;
use crate::types::{Atom, Data, Response, SearchKey, Status, Thread as ThreadTree, ValidationError};
use crate::wire::encode::{Encode, Encoder};

/// THREAD (RFC 5256 section 3): the matching messages as conversation
/// trees. `.uid()` gives UID THREAD. Output `Vec<types::Thread>`: the
/// trees of every `* THREAD` line, in order.
///
/// ```
/// use typed_imap::command::{Command, Thread, ThreadAlgorithm};
/// use typed_imap::types::SearchKey;
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let cmd = Thread::new(ThreadAlgorithm::References, "UTF-8", SearchKey::All).unwrap();
/// let mut enc = Encoder::new(EncodeOptions::default());
/// cmd.encode_args(&mut enc).unwrap();
/// assert_eq!(enc.finish(), [Fragment::Line(b" REFERENCES UTF-8 ALL\r\n".to_vec())]);
/// ```
#[derive(Debug, Clone, PartialEq, crate::Command)]
#[imap(command = "THREAD", uid_capable, state = "selected", collect = "THREAD", output = Vec<ThreadTree>, decode = decode_thread)]
pub struct Thread {
    #[imap(requires)]
    algorithm: ThreadAlgorithm,
    charset: Atom<'static>,
    #[imap(requires)]
    search: Criteria,
}

/// `thread-alg` (RFC 5256 section 3; REFS: RFC 5256's successor draft,
/// advertised by Dovecot and Cyrus).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ThreadAlgorithm {
    /// `ORDEREDSUBJECT`: by base subject, then date.
    OrderedSubject,
    /// `REFERENCES`: by the References and In-Reply-To headers.
    References,
    /// `REFS`: REFERENCES ordered by the latest message.
    Refs,
    /// Another algorithm (`thread-alg-ext = atom`).
    Other(Atom<'static>),
}

/// `THREAD=<algorithm>`: a server advertises one such capability per
/// algorithm it supports (RFC 5256 section 1). `Other` requires nothing.
impl Requirements for ThreadAlgorithm {
    fn requirements(&self, out: &mut Vec<&'static str>) {
        match self {
            ThreadAlgorithm::OrderedSubject => out.push("THREAD=ORDEREDSUBJECT"),
            ThreadAlgorithm::References => out.push("THREAD=REFERENCES"),
            ThreadAlgorithm::Refs => out.push("THREAD=REFS"),
            ThreadAlgorithm::Other(_) => {}
        }
    }
}

impl Encode for ThreadAlgorithm {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        match self {
            ThreadAlgorithm::OrderedSubject => enc.raw(b"ORDEREDSUBJECT").map(drop),
            ThreadAlgorithm::References => enc.raw(b"REFERENCES").map(drop),
            ThreadAlgorithm::Refs => enc.raw(b"REFS").map(drop),
            ThreadAlgorithm::Other(atom) => atom.encode(enc),
        }
    }
}

impl Thread {
    /// `THREAD algorithm charset search`; fails when `charset` is not an
    /// atom. The charset is mandatory.
    pub fn new(algorithm: ThreadAlgorithm, charset: &str, search: SearchKey<'static>) -> Result<Self, Error> {
        Ok(Thread { algorithm, charset: Atom::new(charset.to_owned())?, search: Criteria(search) })
    }

    /// The algorithm asked for.
    pub fn algorithm(&self) -> &ThreadAlgorithm {
        &self.algorithm
    }
}

/// THREAD's decode: the trees of every `* THREAD` line; never fails.
fn decode_thread(
    _: &Thread,
    collected: Vec<Response<'static>>,
    _: &Status<'static>,
) -> Result<Vec<ThreadTree>, Error> {
    let trees = collected.into_iter().flat_map(|response| match response {
        Response::Data(Data::Thread(trees)) => trees,
        _ => Vec::new(),
    });
    Ok(trees.collect())
}
