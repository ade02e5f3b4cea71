//! CHECK, CLOSE and UNSELECT: the selected-state commands that take no
//! argument and give nothing back but their tagged OK.
//!
//! - CHECK: RFC 3501 section 6.4.1 (removed in RFC 9051, App. E item 17:
//!   use NOOP).
//! - CLOSE: RFC 3501 section 6.4.2, RFC 9051 section 6.4.1. Expunges
//!   silently: no EXPUNGE (nor VANISHED, RFC 7162 section 3.2.8) is sent,
//!   so nothing is collected.
//! - UNSELECT: RFC 3691 section 2, RFC 9051 section 6.4.2. CLOSE without
//!   the expunge.
//!
//! After CLOSE and UNSELECT the session is authenticated, even when the
//! server answered NO (conformance item 90); the session recognises both
//! by name (`session::transition`).

use crate::Command;

/// CHECK (RFC 3501 section 6.4.1): asks the server to checkpoint the
/// selected mailbox. Output `()`.
///
/// ```
/// use typed_imap::command::{Check, Command};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let mut enc = Encoder::new(EncodeOptions::default());
/// Check.encode_args(&mut enc).unwrap();
/// assert_eq!(Check.name(), "CHECK");
/// assert_eq!(enc.finish(), [Fragment::Line(b"\r\n".to_vec())]);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Command)]
#[imap(command = "CHECK", state = "selected")]
pub struct Check;

/// CLOSE (RFC 3501 section 6.4.2, RFC 9051 section 6.4.1): expunges the
/// `\Deleted` messages silently and leaves the selected state. Output `()`.
///
/// ```
/// use typed_imap::command::{Close, Command};
///
/// assert_eq!(Close.name(), "CLOSE");
/// assert!(Close.capabilities().is_empty());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Command)]
#[imap(command = "CLOSE", state = "selected")]
pub struct Close;

/// UNSELECT (RFC 3691 section 2, RFC 9051 section 6.4.2): leaves the
/// selected state without expunging. Needs the `UNSELECT` capability.
/// Output `()`.
///
/// ```
/// use typed_imap::command::{Command, Unselect};
///
/// assert_eq!(Unselect.name(), "UNSELECT");
/// assert_eq!(Unselect.capabilities(), ["UNSELECT"]);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Command)]
#[imap(command = "UNSELECT", state = "selected", capability = "UNSELECT")]
pub struct Unselect;
