//! The framer on arbitrary bytes: never panics, always terminates, and
//! gives the same frames whether the bytes arrive at once or in chunks.
//!
//! The first byte picks the chunk size (1 to 16) and the second the limits
//! (small ones, so that every limit is reached, or the defaults).

#![no_main]

use libfuzzer_sys::fuzz_target;
use typed_imap::wire::frame;
use typed_imap::wire::{FrameError, FrameLimits, FrameStatus, Framer};

/// The frames' lengths, then the error if one stopped the framing.
type Outcome = (Vec<usize>, Option<FrameError>);

fn limits(selector: u8) -> FrameLimits {
    if selector & 1 == 0 {
        return FrameLimits::default();
    }
    let n = usize::from(selector >> 1);
    FrameLimits::default()
        .with_max_line(n % 40 + 1)
        .with_max_literal(u64::from(selector % 9))
        .with_max_response(n + 10)
}

fn whole(stream: &[u8], limits: &FrameLimits) -> Outcome {
    let (mut rest, mut frames) = (stream, Vec::new());
    loop {
        match frame::check(rest, limits) {
            Ok(FrameStatus::Complete(n)) => {
                assert!(n > 0 && n <= rest.len());
                frames.push(n);
                rest = &rest[n..];
            }
            Ok(FrameStatus::Incomplete { needed }) => {
                assert!(needed >= 1);
                return (frames, None);
            }
            Err(e) => return (frames, Some(e)),
        }
    }
}

fn chunked(stream: &[u8], chunk: usize, limits: FrameLimits) -> Outcome {
    let mut framer = Framer::new(limits);
    let (mut buf, mut fed, mut frames) = (Vec::new(), 0, Vec::new());
    loop {
        match framer.check(&buf) {
            Ok(FrameStatus::Complete(n)) => {
                frames.push(n);
                buf.drain(..n);
            }
            Ok(FrameStatus::Incomplete { .. }) if fed == stream.len() => return (frames, None),
            Ok(FrameStatus::Incomplete { .. }) => {
                let take = chunk.min(stream.len() - fed);
                buf.extend_from_slice(&stream[fed..fed + take]);
                fed += take;
            }
            Err(e) => return (frames, Some(e)),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let [chunk, selector, stream @ ..] = data else { return };
    let limits = limits(*selector);
    let chunk = usize::from(chunk % 16) + 1;
    assert_eq!(chunked(stream, chunk, limits), whole(stream, &limits));
});
