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

mod astring;
mod atom;
mod byte_str;
mod capability;
pub(crate) mod chars;
mod datetime;
mod error;
mod fetch;
mod fetch_attr;
mod flag;
mod mailbox;
mod response;
mod search_key;
mod section;
mod sequence;
mod status_attr;
mod tag;
mod utf7;

pub use astring::{AString, Literal, NString};
pub use atom::Atom;
pub use byte_str::ByteStr;
pub use capability::Capability;
pub use datetime::InternalDate;
pub(crate) use datetime::date_text;
pub use error::ValidationError;
pub use fetch::FetchItem;
pub use fetch_attr::{FetchAttr, FetchItems, Partial};
pub use flag::Flag;
pub use mailbox::Mailbox;
pub use response::*;
pub use search_key::{EntryType, SearchKey};
pub use section::{Section, SectionText};
pub use sequence::{SeqNumber, SeqRange, SequenceSet};
pub use status_attr::StatusAttr;
pub use tag::Tag;
