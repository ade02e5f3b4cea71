//! The response parser on arbitrary bytes: never panics, always
//! terminates, and every response it reads is exactly the frame the
//! framer draws (message data is parsed before it is framed: the two must
//! agree). Parses response after response, stepping over malformed ones
//! as a session would, until the bytes run out or cannot be framed.

#![no_main]

use libfuzzer_sys::fuzz_target;
use typed_imap::wire::{FrameLimits, FrameStatus, ParseError, frame, parse_response};

fuzz_target!(|data: &[u8]| {
    let mut rest = data;
    loop {
        let used = match parse_response(rest) {
            Ok((response, used)) => {
                let _ = format!("{response:?}");
                assert_eq!(frame::check(rest, &FrameLimits::default()), Ok(FrameStatus::Complete(used)));
                used
            }
            Err(ParseError::Malformed(m)) => m.response_len(),
            Err(_) => return,
        };
        assert!(used > 0 && used <= rest.len());
        rest = &rest[used..];
    }
});
