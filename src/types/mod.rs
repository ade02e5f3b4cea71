//! The protocol's value types, valid by construction.
//!
//! A value a caller builds can always be sent: constructors check their
//! input and return [`ValidationError`] naming the offending byte. Values
//! the parser builds from server bytes borrow from the read buffer
//! (`'a`); `into_owned()` detaches them (`'static`).
//!
//! One file per type. Command-argument types (atoms, strings, mailboxes,
//! sequence sets, flags, dates, search keys, fetch attributes) come first;
//! response data (status responses, FETCH items, ENVELOPE, BODYSTRUCTURE,
//! ...) follows, mirroring `wire::parse` file for file.

mod atom;
mod body;
mod byte_str;
mod capability;
pub(crate) mod chars;
mod datetime;
mod envelope;
mod error;
mod fetch;
mod flag;
mod mailbox;
mod response;
mod section;
mod sequence;
mod tag;

pub use atom::Atom;
pub use body::{
    BodyExtension, BodyFields, BodyParam, BodyStructure, Disposition, ExtensionValue, MultiExtension,
    MultiPart, SingleExtension, SinglePart, SinglePartKind,
};
pub use byte_str::ByteStr;
pub use capability::Capability;
pub use datetime::InternalDate;
pub use envelope::{Address, Envelope};
pub use error::ValidationError;
pub use fetch::FetchItem;
pub use flag::Flag;
pub use mailbox::Mailbox;
pub use response::*;
pub use section::{Section, SectionText};
pub use sequence::{SeqNumber, SeqRange, SequenceSet};
pub use tag::Tag;
