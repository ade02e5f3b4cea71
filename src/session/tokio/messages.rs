//! imaplib's methods for the selected mailbox's messages over the tokio
//! driver, as the blocking driver's `messages.rs`: each a thin
//! wrapper over [`Session::run`] with typed arguments (a [`SequenceSet`],
//! [`FetchItems`], a [`SearchKey`], flags) and a typed result.

use tokio::io::{AsyncRead, AsyncWrite};

use super::Session;
use crate::Error;
use crate::command::{
    Check, Close, Copy, CopyUid, Expunge, Expunged, Fetch, FetchCommand, Fetched, FetchedMessage,
    FlagsAction, Move, Moved, Partial, PartialItem, Searched, Sort, SortCriterion, Stored, Thread,
    ThreadAlgorithm, Uid, UidCapable, Unselect,
};
use crate::session::shared;
use crate::types::{self as t, FetchItems, Flag, SearchKey, SearchResult, SequenceSet};

impl<S: AsyncRead + AsyncWrite + Unpin + Send> Session<S> {
    /// imaplib `check`: CHECK (RFC 3501 section 6.4.1).
    pub async fn check(&mut self) -> Result<(), Error> {
        self.run(Check).await
    }

    /// imaplib `close`: CLOSE (RFC 3501 section 6.4.2); the state is
    /// authenticated afterwards even when the server says NO
    /// (conformance item 90).
    pub async fn close(&mut self) -> Result<(), Error> {
        self.run(Close).await
    }

    /// imaplib `unselect`: UNSELECT (RFC 3691, RFC 9051 section 6.4.2),
    /// which does not expunge; authenticated afterwards (item 90).
    pub async fn unselect(&mut self) -> Result<(), Error> {
        self.run(Unselect).await
    }

    /// imaplib `expunge`: EXPUNGE (RFC 3501 section 6.4.3); the result
    /// lists the expunged message numbers in the order sent.
    pub async fn expunge(&mut self) -> Result<Expunged, Error> {
        self.run(Expunge).await
    }

    /// imaplib `fetch(message_set, message_parts)`: FETCH (RFC 3501
    /// section 6.4.5). Only the FETCH responses for `set` are in the
    /// result; others arrive as events (conformance item 89).
    pub async fn fetch(
        &mut self,
        set: SequenceSet,
        items: impl Into<FetchItems<'static>>,
    ) -> Result<Fetched, Error> {
        self.run(Fetch::new(set, items)).await
    }

    /// FETCH (or UID FETCH: `Fetch::uid()`) with each message handed to
    /// `each` as it arrives: the blocking
    /// [`fetch_each`](crate::session::blocking::Session::fetch_each), as
    /// an `async fn`. Memory stays bounded by what one read brings; the
    /// result holds the rest (`vanished`, `unsolicited`) with `messages`
    /// empty.
    pub async fn fetch_each<C: FetchCommand + Sync>(
        &mut self,
        cmd: C,
        mut each: impl FnMut(FetchedMessage) + Send,
    ) -> Result<Fetched, Error> {
        if !cmd.capabilities().is_empty() && self.protocol.capabilities().is_none() {
            self.refresh_capabilities().await?;
        }
        let mut rest = Fetched::default();
        let result = self
            .drive_with(&cmd, |protocol| {
                shared::hand_over(shared::collected_part(&cmd, protocol), &mut rest, &mut each)
            })
            .await;
        self.close_if_over().await;
        shared::hand_over(result?, &mut rest, &mut each);
        Ok(rest)
    }

    /// imaplib `store(message_set, command, flags)`: STORE (RFC 3501
    /// section 6.4.6; conformance item 30). `action` is imaplib's
    /// `command` (`+FLAGS`, `-FLAGS.SILENT`, ...).
    pub async fn store<'f>(
        &mut self,
        set: SequenceSet,
        action: FlagsAction,
        flags: impl IntoIterator<Item = Flag<'f>>,
    ) -> Result<Stored, Error> {
        self.run(shared::store_command(set, action, flags)?).await
    }

    /// imaplib `copy(message_set, new_mailbox)`: COPY (RFC 3501 section
    /// 6.4.7; conformance item 38); the `[COPYUID]` code when sent.
    pub async fn copy(&mut self, set: SequenceSet, mailbox: &str) -> Result<Option<CopyUid>, Error> {
        self.run(Copy::new(set, mailbox)?).await
    }

    /// imaplib `move(message_set, new_mailbox)`: MOVE (RFC 6851, RFC 9051
    /// section 6.4.8; conformance item 38). `move` is a Rust keyword:
    /// call it as `session.r#move(..)`.
    pub async fn r#move(&mut self, set: SequenceSet, mailbox: &str) -> Result<Moved, Error> {
        self.run(Move::new(set, mailbox)?).await
    }

    /// imaplib `search(charset, *criteria)`: SEARCH (RFC 3501 section
    /// 6.4.4; conformance item 32), with `CHARSET` when given.
    pub async fn search(
        &mut self,
        charset: Option<&str>,
        criteria: SearchKey<'static>,
    ) -> Result<Searched, Error> {
        self.run(shared::search_command(charset, criteria)?).await
    }

    /// imaplib `sort(sort_criteria, charset, *search_criteria)`: SORT
    /// (RFC 5256 section 3; conformance item 31).
    pub async fn sort(
        &mut self,
        criteria: impl IntoIterator<Item = SortCriterion>,
        charset: &str,
        search: SearchKey<'static>,
    ) -> Result<SearchResult, Error> {
        self.run(Sort::new(criteria, charset, search)?).await
    }

    /// imaplib `thread(threading_algorithm, charset, *search_criteria)`:
    /// THREAD (RFC 5256 section 3; conformance item 33); the thread trees.
    pub async fn thread(
        &mut self,
        algorithm: ThreadAlgorithm,
        charset: &str,
        search: SearchKey<'static>,
    ) -> Result<Vec<t::Thread>, Error> {
        self.run(Thread::new(algorithm, charset, search)?).await
    }

    /// imaplib `partial(message_num, message_part, start, length)`:
    /// PARTIAL (RFC 1730 section 6.4.6, obsolete).
    pub async fn partial(
        &mut self,
        seq: u32,
        item: PartialItem,
        start: u32,
        count: u32,
    ) -> Result<Option<FetchedMessage>, Error> {
        self.run(Partial::new(seq, item, start, count)?).await
    }

    /// imaplib `uid(command, *args)`: the `UID` form of a command that
    /// has one (RFC 3501 section 6.4.8; conformance item 34): `UID FETCH`,
    /// `UID STORE`, `UID COPY`, `UID MOVE`, `UID SEARCH`, `UID SORT`,
    /// `UID THREAD`, `UID EXPUNGE` ([`UidExpunge`](crate::command::UidExpunge)
    /// runs by itself). Any other command does not compile; one illegal in
    /// the current state is refused before anything is sent (item 35).
    pub async fn uid<C: UidCapable>(&mut self, cmd: C) -> Result<C::Output, Error> {
        self.run(Uid::new(cmd)).await
    }
}
