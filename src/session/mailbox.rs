//! The selected mailbox as the server last described it.

use crate::types::{Code, Data, Flag, Status};

/// The selected mailbox's state, kept current from every response: SELECT
/// and EXAMINE answers, and later EXISTS, RECENT, EXPUNGE, VANISHED, FLAGS
/// and response codes (RFC 3501 sections 7.1-7.4, RFC 7162 section 3.2).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct MailboxState {
    /// `n EXISTS`: the number of messages.
    pub exists: u32,
    /// `n RECENT` (IMAP4rev1 only).
    pub recent: u32,
    /// `[UIDVALIDITY n]`.
    pub uid_validity: Option<u32>,
    /// `[UIDNEXT n]`.
    pub uid_next: Option<u32>,
    /// `[UNSEEN n]`: the first unseen message (IMAP4rev1 only).
    pub first_unseen: Option<u32>,
    /// `FLAGS (...)`: the flags defined in the mailbox.
    pub flags: Vec<Flag<'static>>,
    /// `[PERMANENTFLAGS (...)]`: the flags that can be changed for good.
    pub permanent_flags: Vec<Flag<'static>>,
    /// `[HIGHESTMODSEQ n]` (CONDSTORE); `None` after `[NOMODSEQ]`.
    pub highest_modseq: Option<u64>,
    /// `[READ-ONLY]` (true) or `[READ-WRITE]` (false).
    pub read_only: bool,
}

impl MailboxState {
    /// Takes in untagged data. EXPUNGE lowers EXISTS by one, a live
    /// VANISHED (not EARLIER) by the number of UIDs it names that the
    /// server had (the count of the set, as `*` cannot appear in it).
    pub fn apply_data(&mut self, data: &Data<'_>) {
        match data {
            Data::Exists(n) => self.exists = *n,
            Data::Recent(n) => self.recent = *n,
            Data::Expunge(_) => self.exists = self.exists.saturating_sub(1),
            Data::Vanished { earlier: false, uids } => {
                let gone = uids.numbers(u32::MAX).count();
                self.exists = self.exists.saturating_sub(u32::try_from(gone).unwrap_or(u32::MAX));
            }
            Data::Flags(flags) => self.flags = flags.iter().cloned().map(Flag::into_owned).collect(),
            _ => {}
        }
    }

    /// Takes in the code of a status response, tagged or not.
    pub fn apply_status(&mut self, status: &Status<'_>) {
        match &status.code {
            Some(Code::UidValidity(n)) => self.uid_validity = Some(*n),
            Some(Code::UidNext(n)) => self.uid_next = Some(*n),
            Some(Code::Unseen(n)) => self.first_unseen = Some(*n),
            Some(Code::PermanentFlags(flags)) => {
                self.permanent_flags = flags.iter().cloned().map(Flag::into_owned).collect();
            }
            Some(Code::HighestModSeq(n)) => self.highest_modseq = Some(*n),
            Some(Code::NoModSeq) => self.highest_modseq = None,
            Some(Code::ReadOnly) => self.read_only = true,
            Some(Code::ReadWrite) => self.read_only = false,
            _ => {}
        }
    }
}
