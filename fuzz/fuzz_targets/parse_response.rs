//! The response parser on arbitrary bytes: never panics, always
//! terminates. Parses response after response, stepping over malformed
//! ones as a session would, until the bytes run out or cannot be framed.

#![no_main]

use libfuzzer_sys::fuzz_target;
use typed_imap::wire::{ParseError, parse_response};

fuzz_target!(|data: &[u8]| {
    let mut rest = data;
    loop {
        let used = match parse_response(rest) {
            Ok((response, used)) => {
                let _ = format!("{response:?}");
                used
            }
            Err(ParseError::Malformed(m)) => m.response_len(),
            Err(_) => return,
        };
        assert!(used > 0 && used <= rest.len());
        rest = &rest[used..];
    }
});
