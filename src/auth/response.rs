//! [`Response`]: what an authenticator answers to a challenge.

use std::fmt;

use super::encode_response;

/// The client's answer to one server challenge (RFC 3501 section 6.2.2).
///
/// Not `#[non_exhaustive]`: RFC 3501 gives a client exactly these two
/// answers, and a session must handle both.
///
/// Its `Debug` shows the length of the bytes, never the bytes themselves:
/// they usually carry a password or token.
#[derive(Clone, PartialEq, Eq)]
pub enum Response {
    /// Bytes to send, base64-encoded on one line. May be empty (an empty
    /// line is sent).
    Bytes(Vec<u8>),
    /// Abort the exchange: the session sends `*` and the server answers with
    /// a tagged BAD or NO (RFC 3501 section 6.2.2; RFC 4422 section 3.5).
    Cancel,
}

impl Response {
    /// The line the session sends for this response, without CRLF:
    /// base64 of the bytes ([`encode_response`]), or `*` for a cancel.
    ///
    /// ```
    /// use typed_imap::auth::Response;
    ///
    /// assert_eq!(Response::from("fake").to_line(), "ZmFrZQ==");
    /// assert_eq!(Response::Cancel.to_line(), "*");
    /// ```
    pub fn to_line(&self) -> String {
        match self {
            Response::Bytes(bytes) => encode_response(bytes),
            Response::Cancel => String::from("*"),
        }
    }
}

impl fmt::Debug for Response {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Response::Bytes(bytes) => write!(f, "Bytes(<{} bytes redacted>)", bytes.len()),
            Response::Cancel => f.write_str("Cancel"),
        }
    }
}

impl From<Vec<u8>> for Response {
    fn from(bytes: Vec<u8>) -> Self {
        Response::Bytes(bytes)
    }
}

impl From<&[u8]> for Response {
    fn from(bytes: &[u8]) -> Self {
        Response::Bytes(bytes.to_vec())
    }
}

/// Text is sent as its UTF-8 bytes (conformance item 54).
impl From<String> for Response {
    fn from(text: String) -> Self {
        Response::Bytes(text.into_bytes())
    }
}

/// Text is sent as its UTF-8 bytes (conformance item 54).
impl From<&str> for Response {
    fn from(text: &str) -> Self {
        Response::Bytes(text.as_bytes().to_vec())
    }
}
