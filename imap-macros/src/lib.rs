//! Procedural macros for `typed-imap`.
//!
//! `#[derive(Command)]` (issue 3) turns a struct into an IMAP command: the
//! argument encoding and the response decoding are generated from its fields
//! and `#[imap(...)]` attributes. Use it through `typed_imap`, which
//! re-exports it; this crate is an implementation detail pinned to the
//! exact version of `typed-imap`.
