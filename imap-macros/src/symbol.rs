//! The attribute keys, in one place so that a typo is a compile error here
//! and not a silently ignored key.

/// The attribute's path: `#[imap(...)]`.
pub const IMAP: &str = "imap";

/// Container: the command's name as sent, `command = "FETCH"`.
pub const COMMAND: &str = "command";
/// Container: the command may be sent as `UID <name>`.
pub const UID_CAPABLE: &str = "uid_capable";
/// Container: the session states in which the command may be sent.
pub const STATE: &str = "state";
/// Container and field: a capability the server must advertise.
pub const CAPABILITY: &str = "capability";
/// Container: the untagged responses the command gathers.
pub const COLLECT: &str = "collect";
/// Container: the result type.
pub const OUTPUT: &str = "output";
/// Container: the function that builds the result.
pub const DECODE: &str = "decode";
/// Container: a predicate that narrows what `collect` takes.
pub const COLLECT_IF: &str = "collect_if";

/// Field: a `(NAME value)` command modifier (RFC 4466).
pub const MODIFIER: &str = "modifier";
/// Field: a keyword sent before the value, e.g. `CHARSET`.
pub const PREFIX: &str = "prefix";
/// Field: a `bool` sent as a keyword when true, e.g. `SILENT`.
pub const KEYWORD: &str = "keyword";
/// Field: items sent as a parenthesised list.
pub const LIST: &str = "list";
/// Field: bytes always sent as a literal.
pub const LITERAL: &str = "literal";
/// Field: pre-encoded arguments, sent as they are.
pub const RAW: &str = "raw";
/// Field: the value's own requirements (`Requirements`) join the
/// command's capabilities.
pub const REQUIRES: &str = "requires";

/// Every container key, for "expected one of" messages.
pub const CONTAINER_KEYS: &[&str] =
    &[COMMAND, UID_CAPABLE, STATE, CAPABILITY, COLLECT, COLLECT_IF, OUTPUT, DECODE];
/// Every field key, for "expected one of" messages.
pub const FIELD_KEYS: &[&str] = &[MODIFIER, PREFIX, KEYWORD, LIST, LITERAL, RAW, CAPABILITY, REQUIRES];

/// The states, as written in `state = "..."`.
pub const STATES: &[&str] = &["not_authenticated", "authenticated", "authenticated_only", "selected", "any"];

/// Commands that have a `UID` form: RFC 3501 6.4.8 (COPY, FETCH, STORE,
/// SEARCH), RFC 4315 (EXPUNGE), RFC 6851 (MOVE), RFC 5256 (SORT, THREAD).
pub const UID_COMMANDS: &[&str] = &["COPY", "FETCH", "STORE", "SEARCH", "EXPUNGE", "MOVE", "SORT", "THREAD"];
