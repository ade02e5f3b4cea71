//! Commands as typed values (RFC 3501 section 6, RFC 9051 section 6).
//!
//! Each command is a struct that implements [`Command`], usually through
//! `#[derive(Command)]`: the derive writes the argument encoding (each
//! field in declaration order, through its type's
//! [`Encode`](crate::wire::encode::Encode)) and the decoding of the result
//! from the untagged responses the command collects. A server extension
//! is the same derive in the user's own crate.
//!
//! # The attributes
//!
//! On the struct, `#[imap(...)]` takes:
//!
//! | key | meaning |
//! |---|---|
//! | `command = "NAME"` | the command's name as sent (required) |
//! | `uid_capable` | the command has a `UID NAME` form; `.uid()` on a value gives it (only COPY, FETCH, STORE, SEARCH, EXPUNGE, MOVE, SORT, THREAD) |
//! | `state = "..."` | `not_authenticated`, `authenticated` (the default; includes selected), `authenticated_only` (not while a mailbox is selected), `selected` or `any`: checked before anything is sent |
//! | `capability = "X"` | the server must have `X` (advertise it, or a capability that includes it: [`implied`]); else the session refuses with `Error::Unsupported` before sending |
//! | `collect = "FETCH"` | the untagged responses that belong to the result, by name (`FETCH`, `EXISTS`, `OK`, ...); repeat the key or separate names with commas |
//! | `collect_if = path` | `fn(&Self, &Response<'_>) -> bool`: of the responses `collect` names, takes only those it accepts (FETCH takes the FETCHes of the messages it asked for; the others are unsolicited events) |
//! | `output = Type` | the result type; built by its [`Decode`] impl unless `decode` is given |
//! | `decode = path` | `fn(&Self, Vec<Response<'static>>, &Status<'static>) -> Result<Output, Error>` |
//!
//! Without `output`, a command that collects returns the collected
//! `Vec<Response<'static>>`, and one that does not returns `()`.
//!
//! On a field: nothing (sent as a space and the value), `Option<T>` (left
//! out when `None`), and:
//!
//! | key | meaning |
//! |---|---|
//! | `prefix = "CHARSET"` | sends the keyword before the value |
//! | `keyword = "SILENT"` | on a `bool`: sends the keyword when true |
//! | `list` | sends the items as a parenthesised list |
//! | `literal` | sends the bytes as a literal whatever they hold |
//! | `raw` | sends pre-encoded bytes as they are (CR, LF and NUL are refused) |
//! | `modifier = "CHANGEDSINCE"` | on `Option<T>` or `bool`: a command modifier, gathered with the others into one `(NAME value ...)` group after the arguments (RFC 4466) |
//! | `capability = "X"` | the server must have `X` when the field is set (`Some`, `true`) |
//! | `requires` | the value's own needs join the command's: the field's type implements [`Requirements`] (`FetchItems`, `SearchKey`, `StatusAttr`, `SequenceSet` for `$`, `ThreadAlgorithm`, the LIST options, and `Option`/`Vec`/slices of them); not on a `bool` |
//!
//! [`Command::capabilities`] lists each name once, in declaration order:
//! the command's `capability`, then each field's `capability`, then each
//! `requires` field's needs. `THREAD REFERENCES` thus requires
//! `THREAD=REFERENCES`, and `FETCH 1 (MODSEQ)` requires CONDSTORE.
//!
//! Misuse (an unknown key, a `bool` that says nothing, a field type with no
//! encoding, `requires` on a type that does not implement
//! [`Requirements`] or on a `bool`, `uid_capable` on a command without a
//! UID form) is a compile error pointing at the mistake.

mod acl;
mod annotation;
mod answer;
mod any;
mod append;
mod authenticate;
mod close;
mod compress;
mod copy;
mod enable;
mod expunge;
mod fetch;
mod fetched_message;
mod id;
mod idle;
pub mod implied;
mod list;
mod login;
mod mailbox;
mod metadata;
mod namespace;
mod partial;
mod proxyauth;
mod quota;
mod raw;
mod requirements;
mod search;
mod select;
mod sort;
mod special_use;
mod starttls;
mod status;
mod store;
pub(crate) mod support;
mod thread;

pub use acl::{DeleteAcl, GetAcl, ListRights, ModRights, MyRights, Rights, SetAcl};
pub use annotation::{
    AnnotationName, AnnotationNames, AnnotationValue, AnnotationValues, GetAnnotation, SetAnnotation,
};
pub use any::{Capabilities, Capability, LoggedOut, Logout, Noop};
pub use append::{Append, AppendMessage, AppendUid};
pub use authenticate::{Authenticate, InitialResponse};
pub use close::{Check, Close, Unselect};
pub use compress::{Compress, CompressAlgorithm};
pub use copy::{Copy, CopyUid, Move, Moved};
pub use enable::Enable;
pub use expunge::{Expunge, Expunged, UidExpunge};
pub use fetch::{Fetch, FetchCommand, Fetched};
pub use fetched_message::FetchedMessage;
pub use id::{Id, IdParams};
pub use idle::Idle;
pub use list::{List, ListItem, ListPattern, ListReturn, ListSelect, Lsub};
pub use login::{Authenticated, Login};
pub use mailbox::{Create, Created, Delete, Rename, Subscribe, Unsubscribe};
pub use metadata::{
    Depth, Entry, EntryValues, GetMetadata, MetadataOptions, MetadataValue, MetadataValues, SetMetadata,
};
pub use namespace::Namespace;
pub use partial::{Partial, PartialItem};
pub use proxyauth::ProxyAuth;
pub use quota::{GetQuota, GetQuotaRoot, QuotaLimit, QuotaRoots, SetQuota};
pub use raw::{Raw, RawArg, RawOutput};
pub use requirements::{Requirements, requirements_of};
pub use search::{Criteria, Search, SearchReturn, Searched};
pub use select::{Changed, Examine, QResync, Select, Selected};
pub use sort::{Sort, SortCriterion, SortKey};
pub use special_use::SpecialUse;
pub use starttls::StartTls;
pub use status::StatusCommand;
pub use store::{FlagsAction, Store, StoreMode, Stored, UnchangedSince};
pub use support::Modifiers;
pub use thread::{Thread, ThreadAlgorithm};

use crate::Error;
use crate::types::{Response, Status, ValidationError};
use crate::wire::encode::Encoder;

/// A command the session can send: its name, where it may be sent, its
/// arguments, and how its result is built.
///
/// `#[derive(Command)]` implements it; it can also be implemented by hand.
pub trait Command {
    /// What running the command gives.
    type Output;

    /// The command's name as sent, e.g. `FETCH`.
    fn name(&self) -> &str;

    /// True for the `UID` form (RFC 3501 section 6.4.8).
    fn is_uid(&self) -> bool {
        false
    }

    /// The session states in which the command may be sent.
    fn states(&self) -> States;

    /// The capabilities the server must have for this value (advertised,
    /// or included in one it advertises: [`implied::is_met`]), each once.
    /// The session refuses the command with `Error::Unsupported` naming
    /// the first one missing, before sending anything.
    fn capabilities(&self) -> Vec<&'static str> {
        Vec::new()
    }

    /// Writes the arguments, each preceded by its space, after the name.
    fn encode_args(&self, enc: &mut Encoder) -> Result<(), ValidationError>;

    /// True when the untagged `response` (data, or an untagged OK, NO,
    /// BAD) belongs to this command's result; everything else goes to the
    /// session's unsolicited events.
    fn collects(&self, response: &Response<'_>) -> bool {
        let _ = response;
        false
    }

    /// Builds the result from the collected responses and the tagged OK.
    fn decode(
        &self,
        collected: Vec<Response<'static>>,
        done: &Status<'static>,
    ) -> Result<Self::Output, Error>;
}

/// A result type that can be built from a command's collected responses.
pub trait Decode: Sized {
    /// Builds the value; fails with an error naming what did not fit.
    fn decode(collected: Vec<Response<'static>>, done: &Status<'static>) -> Result<Self, Error>;
}

/// A connection state (RFC 3501 section 3, RFC 9051 section 3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum State {
    /// Connected, not logged in.
    NotAuthenticated,
    /// Logged in, no mailbox selected.
    Authenticated,
    /// A mailbox is selected.
    Selected,
    /// The connection is closing or closed.
    Logout,
}

/// A set of [`State`]s: where a command may be sent.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct States(u8);

impl States {
    /// Before login only (LOGIN, AUTHENTICATE, STARTTLS).
    pub const NOT_AUTHENTICATED: States = States(1);
    /// After login, with or without a selected mailbox (RFC 3501 6.3).
    pub const AUTHENTICATED: States = States(2 | 4);
    /// After login with no mailbox selected (PROXYAUTH in imaplib's state
    /// table).
    pub const AUTHENTICATED_ONLY: States = States(2);
    /// With a selected mailbox only (RFC 3501 6.4).
    pub const SELECTED: States = States(4);
    /// In every state but logout (CAPABILITY, NOOP, LOGOUT).
    pub const ANY: States = States(1 | 2 | 4);

    fn bit(state: State) -> u8 {
        match state {
            State::NotAuthenticated => 1,
            State::Authenticated => 2,
            State::Selected => 4,
            State::Logout => 8,
        }
    }

    /// True when `state` is in the set.
    pub fn contains(self, state: State) -> bool {
        self.0 & Self::bit(state) != 0
    }

    /// The states in the set.
    pub fn iter(self) -> impl Iterator<Item = State> {
        [State::NotAuthenticated, State::Authenticated, State::Selected, State::Logout]
            .into_iter()
            .filter(move |s| self.contains(*s))
    }
}

impl std::fmt::Debug for States {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// Marks commands that have a `UID` form; `#[derive(Command)]` with
/// `uid_capable` implements it.
pub trait UidCapable: Command {}

/// A command in its `UID` form (RFC 3501 section 6.4.8): `UID FETCH`,
/// `UID STORE`, ... Built by the command's `.uid()`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Uid<C>(C);

impl<C: UidCapable> Uid<C> {
    /// Wraps `command`.
    pub fn new(command: C) -> Self {
        Uid(command)
    }

    /// The wrapped command.
    pub fn into_inner(self) -> C {
        self.0
    }

    /// The wrapped command, borrowed.
    pub fn inner(&self) -> &C {
        &self.0
    }
}

impl<C: UidCapable> Command for Uid<C> {
    type Output = C::Output;

    fn name(&self) -> &str {
        self.0.name()
    }

    fn is_uid(&self) -> bool {
        true
    }

    fn states(&self) -> States {
        self.0.states()
    }

    fn capabilities(&self) -> Vec<&'static str> {
        self.0.capabilities()
    }

    fn encode_args(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        self.0.encode_args(enc)
    }

    fn collects(&self, response: &Response<'_>) -> bool {
        self.0.collects(response)
    }

    fn decode(
        &self,
        collected: Vec<Response<'static>>,
        done: &Status<'static>,
    ) -> Result<Self::Output, Error> {
        self.0.decode(collected, done)
    }
}
