//! # typed-imap
//!
//! An IMAP4rev1 ([RFC 3501]) and IMAP4rev2 ([RFC 9051]) client library:
//! everything Python's `imaplib` does, with each command and each result a
//! typed Rust value.
//!
//! ## Layout
//!
//! The crate is built in layers, each a module; a reader starts at the top
//! and goes down only as far as needed:
//!
//! | layer | module | what it holds |
//! |---|---|---|
//! | values | [`types`] | the protocol's value types, valid by construction |
//! | wire | [`wire`] | bytes to types and back: the encoder, the framer and the response parser |
//! | errors | [`Error`] | the one error type of the crate |
//!
//! Commands (`command`), sessions (`session`), transports and SASL follow
//! the same layering and are added on top of the wire layer.
//!
//! ## Parsing a response
//!
//! ```
//! use typed_imap::wire::parse_response;
//!
//! let (response, used) = parse_response(b"* 3 EXISTS\r\n").unwrap();
//! assert_eq!(used, 12);
//! assert!(format!("{response:?}").contains("Exists(3)"));
//! ```
//!
//! [RFC 3501]: https://www.rfc-editor.org/rfc/rfc3501
//! [RFC 9051]: https://www.rfc-editor.org/rfc/rfc9051

#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]

extern crate self as typed_imap;

pub mod auth;
pub mod command;
pub mod compat;
pub mod error;
pub mod session;
pub mod transport;
pub mod types;
pub mod wire;

pub use command::Command;
pub use error::Error;
/// `#[derive(Command)]`: see [`command`] for the attributes.
pub use imap_macros::Command;

/// What `#[derive(Command)]` generates code against. Not public API: it
/// may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::Error;
    pub use crate::command::support::{arg, collects, keyword, list, literal, raw};
    pub use crate::command::{Command, Decode, Modifiers, States, Uid, UidCapable};
    pub use crate::types::{Response, Status, ValidationError};
    pub use crate::wire::encode::Encoder;
}

/// The README's code blocks, compiled (and those without `no_run` run) as
/// doc-tests by `cargo test --doc`.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
