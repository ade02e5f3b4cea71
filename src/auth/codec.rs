//! Base64 on the AUTHENTICATE wire (RFC 3501 section 6.2.2, RFC 4959).
//!
//! Every challenge and response of an AUTHENTICATE exchange travels as one
//! line of base64. These helpers are the only place the session touches
//! base64: it decodes each `+` line with [`decode_challenge`], hands the
//! bytes to the [`Authenticator`], and sends its answer with
//! [`encode_response`] (or [`encode_initial_response`] on the command line).
//!
//! [`Authenticator`]: super::Authenticator

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_PAD_INDIFFERENT};

use super::AuthError;

/// Encodes a client response as one base64 line, without CRLF.
///
/// The result never contains a line break, however long the response
/// (RFC 3501 section 6.2.2 allows one line only; imaplib's conformance item
/// 57). An empty response encodes as an empty line (RFC 4422 section 5).
///
/// ```
/// use typed_imap::auth::encode_response;
///
/// assert_eq!(encode_response(b"fake"), "ZmFrZQ==");
/// assert_eq!(encode_response(b""), "");
/// ```
pub fn encode_response(response: &[u8]) -> String {
    STANDARD.encode(response)
}

/// Encodes an initial response for the AUTHENTICATE command line (SASL-IR,
/// RFC 4959 section 3): base64, except that an empty response is `=`.
///
/// ```
/// use typed_imap::auth::encode_initial_response;
///
/// assert_eq!(encode_initial_response(b"fake"), "ZmFrZQ==");
/// assert_eq!(encode_initial_response(b""), "=");
/// ```
pub fn encode_initial_response(response: &[u8]) -> String {
    if response.is_empty() { String::from("=") } else { encode_response(response) }
}

/// Decodes the text of a `+` continuation line into challenge bytes
/// (RFC 3501 section 6.2.2).
///
/// `text` is what follows `+` on the line. Leading and trailing spaces,
/// tabs, CR and LF are ignored, so `+` with no text and `+ ` with a
/// trailing space both give an empty challenge (conformance items 51, 52).
/// Quirk: padding is optional (`YQ` and `YQ==` both decode to `a`), as some
/// servers drop it; any byte outside the base64 alphabet is refused with
/// [`AuthError::InvalidBase64`].
///
/// ```
/// use typed_imap::auth::decode_challenge;
///
/// assert_eq!(decode_challenge(b"Y2hhbGxlbmdl").unwrap(), b"challenge");
/// assert_eq!(decode_challenge(b" ").unwrap(), b"");
/// assert!(decode_challenge(b"not base64!").is_err());
/// ```
pub fn decode_challenge(text: &[u8]) -> Result<Vec<u8>, AuthError> {
    let trimmed = text.trim_ascii();
    STANDARD_PAD_INDIFFERENT.decode(trimmed).map_err(|_| AuthError::InvalidBase64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_response_is_one_line() {
        let encoded = encode_response(&[b'x'; 300]);
        assert_eq!(encoded.len(), 400);
        assert!(!encoded.contains(['\r', '\n']));
    }

    #[test]
    fn missing_padding_is_accepted() {
        assert_eq!(decode_challenge(b"YQ").unwrap(), b"a");
        assert_eq!(decode_challenge(b"YQ==").unwrap(), b"a");
    }

    #[test]
    fn crlf_and_tabs_around_the_text_are_ignored() {
        assert_eq!(decode_challenge(b"\tZmFrZQ==\r\n").unwrap(), b"fake");
    }

    #[test]
    fn internal_space_is_refused() {
        assert!(matches!(decode_challenge(b"Zm Fr"), Err(AuthError::InvalidBase64)));
    }
}
