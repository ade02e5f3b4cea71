//! ENABLE (RFC 5161 section 3.1, RFC 9051 section 6.3.1).
//!
//! ```text
//! enable = "ENABLE" 1*(SP capability)
//! ```

use crate::Command;
use crate::Error;
use crate::types::{Capability, Data, Response, Status, ValidationError};
use crate::wire::encode::{Encode, Encoder};

/// ENABLE: turns on extensions that change the server's behaviour
/// (CONDSTORE, QRESYNC, UTF8=ACCEPT, ...). Needs ENABLE (or IMAP4rev2).
/// RFC 5161 section 3.1 allows it only before a mailbox is selected.
///
/// The answer is every capability of the `* ENABLED` lines, in order; a
/// server that enabled nothing (or, as Dovecot for UTF8=ACCEPT, sends no
/// ENABLED line) gives an empty list.
///
/// ```
/// use typed_imap::command::{Command, Enable};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let cmd = Enable::new(["CONDSTORE", "QRESYNC"]).unwrap();
/// let mut enc = Encoder::new(EncodeOptions::default());
/// cmd.encode_args(&mut enc).unwrap();
/// assert_eq!(enc.finish(), [Fragment::Line(b" CONDSTORE QRESYNC\r\n".to_vec())]);
/// assert!(Enable::new(Vec::<&str>::new()).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Command)]
#[imap(
    command = "ENABLE",
    state = "authenticated_only",
    capability = "ENABLE",
    collect = "ENABLED",
    output = Vec<Capability<'static>>,
    decode = decode_enable
)]
pub struct Enable {
    capabilities: Capabilities,
}

impl Enable {
    /// `ENABLE name ...`; fails when a name is not an atom or none is given.
    pub fn new<'n>(names: impl IntoIterator<Item = &'n str>) -> Result<Self, Error> {
        let caps: Result<Vec<_>, _> = names.into_iter().map(|n| Capability::new(n.to_owned())).collect();
        Ok(Enable::capabilities(caps?)?)
    }

    /// `ENABLE cap ...`; fails when none is given.
    pub fn capabilities(
        caps: impl IntoIterator<Item = Capability<'static>>,
    ) -> Result<Self, ValidationError> {
        let caps: Vec<_> = caps.into_iter().collect();
        match caps.is_empty() {
            true => Err(ValidationError::empty("ENABLE capabilities")),
            false => Ok(Enable { capabilities: Capabilities(caps) }),
        }
    }

    /// The capabilities asked for.
    pub fn requested(&self) -> &[Capability<'static>] {
        &self.capabilities.0
    }
}

/// `capability *(SP capability)`, without parentheses.
#[derive(Clone, Debug, PartialEq)]
struct Capabilities(Vec<Capability<'static>>);

impl Encode for Capabilities {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.separated(&self.0).map(drop)
    }
}

fn decode_enable(
    _: &Enable,
    collected: Vec<Response<'static>>,
    _: &Status<'static>,
) -> Result<Vec<Capability<'static>>, Error> {
    let enabled = collected.into_iter().flat_map(|r| match r {
        Response::Data(Data::Enabled(caps)) => caps,
        _ => Vec::new(),
    });
    Ok(enabled.collect())
}
