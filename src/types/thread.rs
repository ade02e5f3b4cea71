//! `thread-data` (THREAD, RFC 5256 section 5): the thread tree.
//!
//! Adds to [`Data`](super::Data): `Thread`.

/// One `thread-list`: a chain of messages, each the parent of the next,
/// then the branches below the last of them.
///
/// `(3 6 (4 23)(44 7 96))` is `Thread { messages: [3, 6], children:
/// [Thread { messages: [4, 23], .. }, Thread { messages: [44, 7, 96], .. }] }`.
/// `messages` is empty when the root is missing (`((3)(5))`: 3 and 5 are
/// siblings whose parent is not in the mailbox).
///
/// ```text
/// thread-list    = "(" (thread-members / thread-nested) ")"
/// thread-members = nz-number *(SP nz-number) [SP thread-nested]
/// thread-nested  = 2*thread-list
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Thread {
    /// The chain of messages, parent first.
    pub messages: Vec<u32>,
    /// The branches below the last message of the chain.
    pub children: Vec<Thread>,
}
