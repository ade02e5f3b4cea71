//! Bytes to types and back.
//!
//! - [`encode`]: command arguments to bytes, as fragments (lines and
//!   literals) so a session can wait for `+` before each synchronising
//!   literal.
//! - [`frame`]: finds where one complete response ends in a byte buffer,
//!   without parsing it, and enforces the size limits before anything is
//!   allocated.
//! - [`parse`]: the winnow grammar of every server response.
//!
//! Data flow: `socket -> Framer -> parse_response -> Response<'buf>`.

pub mod encode;
pub mod frame;
pub mod parse;

pub use frame::{FrameError, FrameLimits, FrameStatus, Framer};
pub use parse::{ParseError, ParseOptions, parse_response, parse_response_with};
