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

mod acl;
mod annotation;
mod astring;
mod atom;
mod body;
mod byte_str;
mod capability;
pub(crate) mod chars;
mod code;
mod common_token;
mod datetime;
mod envelope;
mod error;
mod ext_value;
mod fetch;
mod fetch_attr;
mod flag;
mod id;
mod list;
mod mailbox;
mod metadata;
mod namespace;
mod quota;
mod response;
mod search_data;
mod search_key;
mod secret;
mod section;
mod sequence;
mod status_attr;
mod status_data;
mod tag;
mod thread;
mod utf7;

pub use acl::{Acl, AclEntry, ListRights, MyRights};
pub use annotation::{Annotation, AnnotationEntry};
pub use astring::{AString, Literal, NString};
pub use atom::Atom;
pub use body::{
    BodyExtension, BodyFields, BodyParam, BodyStructure, Disposition, ExtensionValue, MultiExtension,
    MultiPart, SingleExtension, SinglePart, SinglePartKind,
};
pub use byte_str::ByteStr;
pub use capability::Capability;
pub use code::{Code, MetadataCode};
pub use datetime::InternalDate;
pub(crate) use datetime::date_text;
pub use envelope::{Address, Envelope};
pub use error::ValidationError;
pub use ext_value::ExtValue;
pub use fetch::FetchItem;
pub use fetch_attr::{FetchAttr, FetchItems, Partial};
pub use flag::Flag;
pub use id::IdParam;
pub use list::{ListData, ListExtItem, MailboxAttr};
pub use mailbox::Mailbox;
pub use metadata::{Metadata, MetadataEntries};
pub use namespace::{Namespace, Namespaces};
pub use quota::{Quota, QuotaResource, QuotaRoot};
pub use response::*;
pub use search_data::{Esearch, EsearchItem, SearchResult};
pub use search_key::{EntryType, SearchKey};
pub use secret::Secret;
pub use section::{Section, SectionText};
pub use sequence::{SeqNumber, SeqRange, SequenceSet};
pub use status_attr::StatusAttr;
pub use status_data::{StatusData, StatusItem};
pub use tag::Tag;
pub use thread::Thread;
