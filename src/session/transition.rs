//! How a command's outcome changes the connection state (RFC 3501
//! sections 3 and 6). The session core recognises the few commands that
//! change state by name, so that user-defined commands need no say in it.

use crate::command::State;

/// The commands whose outcome the session core must know about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// LOGIN, AUTHENTICATE
    Login,
    /// SELECT
    Select,
    /// EXAMINE
    Examine,
    /// CLOSE, UNSELECT
    Close,
    /// LOGOUT
    Logout,
    /// STARTTLS
    StartTls,
    /// Any other command.
    Other,
}

/// The state after a command, and whether the capabilities must be asked
/// for again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Outcome {
    pub(crate) state: State,
    pub(crate) forget_capabilities: bool,
}

impl Kind {
    /// The kind of the command called `name`.
    pub(crate) fn of(name: &str) -> Kind {
        const NAMES: [(&str, Kind); 8] = [
            ("LOGIN", Kind::Login),
            ("AUTHENTICATE", Kind::Login),
            ("SELECT", Kind::Select),
            ("EXAMINE", Kind::Examine),
            ("CLOSE", Kind::Close),
            ("UNSELECT", Kind::Close),
            ("LOGOUT", Kind::Logout),
            ("STARTTLS", Kind::StartTls),
        ];
        NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map_or(Kind::Other, |(_, k)| *k)
    }

    /// SELECT or EXAMINE: the mailbox state starts afresh.
    pub(crate) fn selects(self) -> bool {
        matches!(self, Kind::Select | Kind::Examine)
    }

    /// Commands allowed after the mailbox turned read-only under us: those
    /// that leave or re-open it, and LOGOUT.
    pub(crate) fn clears_read_only(self) -> bool {
        matches!(self, Kind::Select | Kind::Examine | Kind::Close | Kind::Logout)
    }
}

/// Non-UID FETCH, STORE and SEARCH: while one runs the server sends no
/// EXPUNGE (RFC 9051 section 5.5), so sequence numbers stay valid.
pub(crate) fn holds_expunges(name: &str, uid: bool) -> bool {
    !uid && ["FETCH", "STORE", "SEARCH"].iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Commands whose arguments or results are message sequence numbers:
/// the non-UID forms of the message commands.
pub(crate) fn uses_sequence_numbers(name: &str, uid: bool) -> bool {
    const NAMES: [&str; 8] = ["FETCH", "STORE", "SEARCH", "COPY", "MOVE", "SORT", "THREAD", "PARTIAL"];
    !uid && NAMES.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// The state after a command of `kind` ended, `ok` or not, from `state`.
///
/// - LOGIN/AUTHENTICATE OK: authenticated; the capabilities change.
/// - SELECT/EXAMINE: selected when OK; else authenticated, even if a
///   mailbox was selected before (RFC 3501 6.3.1; conformance item 86).
/// - CLOSE/UNSELECT: authenticated, even on NO (conformance item 90).
/// - LOGOUT: logout. STARTTLS OK: the capabilities change.
pub(crate) fn after(kind: Kind, ok: bool, state: State) -> Outcome {
    let keep = |state| Outcome { state, forget_capabilities: false };
    match kind {
        Kind::Login if ok => Outcome { state: State::Authenticated, forget_capabilities: true },
        Kind::Select | Kind::Examine if ok => keep(State::Selected),
        Kind::Select | Kind::Examine | Kind::Close => keep(State::Authenticated),
        Kind::Logout => keep(State::Logout),
        Kind::StartTls if ok => Outcome { state, forget_capabilities: true },
        _ => keep(state),
    }
}
