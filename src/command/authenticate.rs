//! AUTHENTICATE (RFC 3501 section 6.2.2, RFC 9051 section 6.2.2), with
//! the SASL-IR initial response (RFC 4959).

use std::fmt;

use super::login::{Authenticated, authenticated};
use crate::Error;
use crate::types::{Atom, Response, Secret, Status, ValidationError};
use crate::wire::encode::{Encode, Encoder};

/// AUTHENTICATE: the command line that starts a SASL exchange.
///
/// This is only the first line: `AUTHENTICATE <mechanism>` and, with
/// SASL-IR, the initial response. The challenge/response loop that
/// follows (`+ <base64>` from the server, one base64 line from the
/// client each time) is the session's. `Debug` never shows the initial
/// response (conformance item 112).
///
/// The server must advertise `AUTH=<mechanism>`; that name is not
/// fixed at compile time, so the session checks it rather than
/// [`Command::capabilities`](super::Command::capabilities), which names
/// `SASL-IR` when an initial response is set (conformance item 58).
///
/// ```
/// use typed_imap::command::{Authenticate, Command};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder};
///
/// let auth = Authenticate::new("PLAIN").unwrap().initial_response(b"\0alice\0alicepw".to_vec());
/// let mut enc = Encoder::new(EncodeOptions::default());
/// auth.encode_args(&mut enc).unwrap();
/// assert_eq!(format!("{:?}", enc.finish()), r#"[Line(" PLAIN AGFsaWNlAGFsaWNlcHc=\r\n")]"#);
/// assert_eq!(auth.capabilities(), ["SASL-IR"]);
/// assert!(!format!("{auth:?}").contains("AGFsaWNl"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Command)]
#[imap(
    command = "AUTHENTICATE",
    state = "not_authenticated",
    collect = "CAPABILITY",
    output = Authenticated,
    decode = decode_authenticate
)]
pub struct Authenticate {
    /// `auth-type = atom`: the SASL mechanism, such as `PLAIN`.
    pub mechanism: Atom<'static>,
    /// The SASL-IR initial response, sent on the command line.
    #[imap(capability = "SASL-IR")]
    pub initial_response: Option<InitialResponse>,
}

impl Authenticate {
    /// AUTHENTICATE `mechanism`, without an initial response; fails when
    /// `mechanism` is not an atom.
    pub fn new(mechanism: &str) -> Result<Self, ValidationError> {
        Ok(Authenticate { mechanism: Atom::new(mechanism.to_owned())?, initial_response: None })
    }

    /// Sends `bytes` (not yet base64-encoded) as the initial response;
    /// empty bytes go as `=` (RFC 4959 section 3).
    pub fn initial_response(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.initial_response = Some(InitialResponse::new(bytes));
        self
    }

    /// The capability the server must advertise for this mechanism,
    /// `AUTH=<mechanism>` (RFC 3501 section 6.2.2), for the session to
    /// check: it is not a static name, so not in `capabilities()`.
    pub fn mechanism_capability(&self) -> String {
        format!("AUTH={}", self.mechanism)
    }
}

/// A SASL initial response (RFC 4959 section 3), kept as raw bytes and
/// sent in base64, `=` when empty. `Debug` redacts it.
#[derive(Clone, PartialEq, Eq)]
pub struct InitialResponse(Vec<u8>);

impl InitialResponse {
    /// The response `bytes`, before base64.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        InitialResponse(bytes.into())
    }

    /// The raw bytes: for the mechanism, never for logs.
    pub fn expose(&self) -> &[u8] {
        &self.0
    }
}

impl From<Secret> for InitialResponse {
    fn from(secret: Secret) -> Self {
        InitialResponse(secret.expose().to_vec())
    }
}

impl fmt::Debug for InitialResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("InitialResponse(<redacted>)")
    }
}

/// `(base64 / "=")` (RFC 4959 section 7).
impl Encode for InitialResponse {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        match self.0.is_empty() {
            true => enc.raw(b"="),
            false => enc.raw(base64(&self.0).as_bytes()),
        }
        .map(drop)
    }
}

/// `base64` (RFC 3501 section 9, RFC 4648 section 4), padded.
pub(crate) fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            let c = match i <= chunk.len() {
                true => char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]),
                false => '=',
            };
            out.push(c);
        }
    }
    out
}

fn decode_authenticate(
    _: &Authenticate,
    collected: Vec<Response<'static>>,
    done: &Status<'static>,
) -> Result<Authenticated, Error> {
    Ok(authenticated(&collected, done))
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn base64_rfc4648_vectors() {
        let cases = [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg==")];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
        assert_eq!(base64(b"fooba"), "Zm9vYmE=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }
}
