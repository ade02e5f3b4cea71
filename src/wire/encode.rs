//! Command arguments to bytes (RFC 3501 section 4, RFC 7888).
//!
//! CONTRACT STUB: the encoder work fills this in.
