//! NAMESPACE (RFC 2342 section 5, RFC 9051 section 6.3.10).
//!
//! ```text
//! namespace = "NAMESPACE"
//! ```

use crate::Command;
use crate::Error;
use crate::types::{Data, Namespaces, Response, Status};

/// NAMESPACE: the prefixes and delimiters of the personal, other users'
/// and shared name spaces. Needs NAMESPACE (or IMAP4rev2).
///
/// The answer is the `* NAMESPACE` line (the last, if a server sent
/// several); none at all gives [`Error::Decode`].
///
/// ```
/// use typed_imap::command::{Command, Namespace};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let mut enc = Encoder::new(EncodeOptions::default());
/// Namespace.encode_args(&mut enc).unwrap();
/// assert_eq!(enc.finish(), [Fragment::Line(b"\r\n".to_vec())]);
/// assert_eq!(Namespace.capabilities(), ["NAMESPACE"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Command)]
#[imap(
    command = "NAMESPACE",
    state = "authenticated",
    capability = "NAMESPACE",
    collect = "NAMESPACE",
    output = Namespaces<'static>,
    decode = decode_namespace
)]
pub struct Namespace;

fn decode_namespace(
    _: &Namespace,
    collected: Vec<Response<'static>>,
    _: &Status<'static>,
) -> Result<Namespaces<'static>, Error> {
    let found = collected.into_iter().rev().find_map(|r| match r {
        Response::Data(Data::Namespace(n)) => Some(n),
        _ => None,
    });
    found.ok_or_else(|| Error::Decode {
        command: "NAMESPACE".to_owned(),
        reason: "no NAMESPACE response".to_owned(),
    })
}
