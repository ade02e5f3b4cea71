//! The strings servers send over and over: the MIME tokens that fill
//! almost every BODYSTRUCTURE (media types and subtypes, transfer
//! encodings, parameter names and common values, disposition kinds,
//! languages) and the keywords mail clients set (`$Forwarded`, `$Junk`,
//! `$label1`, ...), each in the cases servers send.
//!
//! Detaching a response from the read buffer (`into_owned`, which the
//! session does for every response it keeps) would allocate each of them
//! once per part or message; a detached copy of one of these borrows the
//! static bytes instead (`Cow::Borrowed(&'static ...)`, which a `'static`
//! value allows). The bytes, and so every value, are the same as the
//! server sent: the match is exact, case included. FETCH metadata through
//! the session: about a third fewer allocations, 11-13% faster (D24).

/// The static copy of `bytes` when it is one of the common MIME tokens.
pub(crate) fn mime(bytes: &[u8]) -> Option<&'static [u8]> {
    // A `match` on byte strings compiles to a switch on the length, then a
    // compare against the few tokens of that length: a miss costs little.
    macro_rules! tokens {
        ($($token:literal)*) => {
            match bytes {
                $($token => Some(&$token[..]),)*
                _ => None,
            }
        };
    }
    tokens! {
        // Media types (RFC 2046) and the usual subtypes.
        b"TEXT" b"text" b"PLAIN" b"plain" b"HTML" b"html" b"CALENDAR" b"calendar" b"APPLICATION"
        b"application" b"OCTET-STREAM" b"octet-stream" b"PDF" b"pdf" b"ZIP" b"zip"
        b"PKCS7-SIGNATURE" b"pkcs7-signature" b"PGP-SIGNATURE" b"pgp-signature" b"IMAGE" b"image"
        b"JPEG" b"jpeg" b"PNG" b"png" b"GIF" b"gif" b"MESSAGE" b"message" b"RFC822" b"rfc822"
        b"DELIVERY-STATUS" b"delivery-status" b"MIXED" b"mixed" b"ALTERNATIVE" b"alternative"
        b"RELATED" b"related" b"SIGNED" b"signed" b"REPORT" b"report"
        // Transfer encodings (RFC 2045 section 6).
        b"7BIT" b"7bit" b"8BIT" b"8bit" b"BINARY" b"binary" b"BASE64" b"base64" b"Base64"
        b"QUOTED-PRINTABLE" b"quoted-printable"
        // Parameter names and the usual values.
        b"CHARSET" b"charset" b"UTF-8" b"utf-8" b"US-ASCII" b"us-ascii" b"ISO-8859-1" b"iso-8859-1"
        b"ISO-8859-15" b"iso-8859-15" b"WINDOWS-1252" b"windows-1252" b"FORMAT" b"format" b"FLOWED"
        b"flowed" b"DELSP" b"delsp" b"yes" b"no" b"BOUNDARY" b"boundary" b"NAME" b"name" b"FILENAME"
        b"filename" b"SIZE" b"size" b"TYPE" b"type" b"PROTOCOL" b"protocol" b"MICALG" b"micalg"
        // Disposition kinds (RFC 2183).
        b"ATTACHMENT" b"attachment" b"INLINE" b"inline"
        // Languages (RFC 3066 tags) seen most.
        b"en" b"EN" b"en-US" b"en-us" b"de" b"fr" b"es"
    }
}

/// The static copy of `text` when it is one of the common keywords
/// (RFC 9051 section 2.3.2, and the IANA "IMAP and JMAP Keywords"
/// registry).
pub(crate) fn keyword(text: &str) -> Option<&'static str> {
    macro_rules! keywords {
        ($($keyword:literal)*) => {
            match text {
                $($keyword => Some($keyword),)*
                _ => None,
            }
        };
    }
    keywords! {
        "$Forwarded" "$MDNSent" "$Junk" "$NotJunk" "Junk" "NonJunk" "$Phishing" "$Important"
        "$SubmitPending" "$Submitted" "$label1" "$label2" "$label3" "$label4" "$label5"
        "$MailFlagBit0" "$MailFlagBit1" "$MailFlagBit2" "$HasAttachment" "$HasNoAttachment"
    }
}

#[cfg(test)]
mod tests {
    use super::{keyword, mime as common};

    #[test]
    fn a_common_token_is_the_same_bytes_and_case() {
        for token in [&b"TEXT"[..], b"text", b"utf-8", b"QUOTED-PRINTABLE", b"attachment", b"en"] {
            assert_eq!(common(token), Some(token));
        }
    }

    #[test]
    fn common_keywords_exactly() {
        assert_eq!(keyword("$Forwarded"), Some("$Forwarded"));
        assert_eq!(keyword("$forwarded"), None);
        assert_eq!(keyword("$label6"), None);
    }

    #[test]
    fn anything_else_is_not_common() {
        for other in [&b"Text"[..], b"UTF8", b"", b"report.pdf", b"\"TEXT\"", b"text "] {
            assert_eq!(common(other), None, "{}", other.escape_ascii());
        }
    }
}
