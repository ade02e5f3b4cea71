//! imaplib's methods for the connection and its mailboxes over the tokio
//! driver, as the blocking driver's `mailboxes.rs`: each a thin
//! wrapper over [`Session::run`] with typed arguments and a typed result.
//!
//! Where imaplib takes pre-formatted strings, these take values that
//! encode themselves (a mailbox name is a `&str`, sent as an atom, a
//! quoted string or a literal, in modified UTF-7 when needed), so no
//! argument can break the command line (conformance items 22 to 25).

use tokio::io::{AsyncRead, AsyncWrite};

use super::Session;
use crate::Error;
use crate::command::{
    AppendUid, Capabilities, Capability, Create, Created, Delete, DeleteAcl, Enable, Examine, GetAcl,
    GetAnnotation, GetQuota, GetQuotaRoot, List, ListItem, Lsub, ModRights, MyRights, Namespace, Noop,
    ProxyAuth, QuotaLimit, QuotaRoots, Raw, RawArg, RawOutput, Rename, Select, Selected, SetAcl,
    SetAnnotation, SetQuota, StatusCommand, Subscribe, Unsubscribe,
};
use crate::session::shared;
use crate::types::{self as t, Flag, InternalDate, StatusAttr, StatusData};

impl<S: AsyncRead + AsyncWrite + Unpin + Send> Session<S> {
    /// imaplib `capability`: CAPABILITY (RFC 3501 section 6.1.1), which
    /// also refreshes [`capabilities`](Self::capabilities).
    pub async fn capability(&mut self) -> Result<Capabilities, Error> {
        self.run(Capability).await
    }

    /// imaplib `noop`: NOOP (RFC 3501 section 6.1.2); what the server
    /// sends meanwhile is queued as events.
    pub async fn noop(&mut self) -> Result<(), Error> {
        self.run(Noop).await
    }

    /// imaplib `select(mailbox, readonly)`: SELECT, or EXAMINE when
    /// `readonly` (RFC 3501 sections 6.3.1, 6.3.2; conformance items 28,
    /// 29, 85 to 87). Queued events are dropped first, as imaplib clears
    /// its untagged responses (item 82). The result holds EXISTS, RECENT,
    /// FLAGS, PERMANENTFLAGS, UIDVALIDITY, UIDNEXT, UNSEEN and read-only.
    pub async fn select(&mut self, mailbox: &str, readonly: bool) -> Result<Selected, Error> {
        self.clear_events();
        match readonly {
            true => self.run(Examine::new(mailbox)?).await,
            false => self.run(Select::new(mailbox)?).await,
        }
    }

    /// imaplib `create`: CREATE (RFC 3501 section 6.3.3).
    pub async fn create(&mut self, mailbox: &str) -> Result<Created, Error> {
        self.run(Create::new(mailbox)?).await
    }

    /// imaplib `delete`: DELETE (RFC 3501 section 6.3.4).
    pub async fn delete(&mut self, mailbox: &str) -> Result<(), Error> {
        self.run(Delete::new(mailbox)?).await
    }

    /// imaplib `rename`: RENAME (RFC 3501 section 6.3.5).
    pub async fn rename(&mut self, old: &str, new: &str) -> Result<(), Error> {
        self.run(Rename::new(old, new)?).await
    }

    /// imaplib `subscribe`: SUBSCRIBE (RFC 3501 section 6.3.6).
    pub async fn subscribe(&mut self, mailbox: &str) -> Result<(), Error> {
        self.run(Subscribe::new(mailbox)?).await
    }

    /// imaplib `unsubscribe`: UNSUBSCRIBE (RFC 3501 section 6.3.7).
    pub async fn unsubscribe(&mut self, mailbox: &str) -> Result<(), Error> {
        self.run(Unsubscribe::new(mailbox)?).await
    }

    /// imaplib `list(directory, pattern)`: LIST (RFC 3501 section 6.3.8);
    /// imaplib's defaults are `("", "*")` (conformance item 27). Names are
    /// decoded from modified UTF-7 (item 26).
    pub async fn list(&mut self, reference: &str, pattern: &str) -> Result<Vec<ListItem>, Error> {
        self.run(List::new(reference, pattern)?).await
    }

    /// imaplib `lsub(directory, pattern)`: LSUB (RFC 3501 section 6.3.9).
    pub async fn lsub(&mut self, reference: &str, pattern: &str) -> Result<Vec<ListItem>, Error> {
        self.run(Lsub::new(reference, pattern)?).await
    }

    /// imaplib `status(mailbox, names)`: STATUS (RFC 3501 section
    /// 6.3.10; conformance item 37); the result maps each item to its
    /// value.
    pub async fn status(
        &mut self,
        mailbox: &str,
        items: impl IntoIterator<Item = StatusAttr<'static>>,
    ) -> Result<StatusData<'static>, Error> {
        self.run(StatusCommand::new(mailbox, items)?).await
    }

    /// imaplib `append(mailbox, flags, date_time, message)`: APPEND (RFC
    /// 3501 section 6.3.11; conformance items 44 to 48). `None` for the
    /// mailbox is INBOX, as imaplib; no flags and no date are left out.
    /// The result is the `[APPENDUID]` code when the server sends one.
    pub async fn append(
        &mut self,
        mailbox: Option<&str>,
        flags: &[Flag<'static>],
        date: Option<InternalDate>,
        message: impl Into<Vec<u8>>,
    ) -> Result<Option<AppendUid>, Error> {
        self.run(shared::append_command(mailbox, flags, date, message)?).await
    }

    /// imaplib `namespace`: NAMESPACE (RFC 2342).
    pub async fn namespace(&mut self) -> Result<t::Namespaces<'static>, Error> {
        self.run(Namespace).await
    }

    /// imaplib `enable(capability)`: ENABLE (RFC 5161; conformance item
    /// 41); refused, with nothing sent, unless the server advertises
    /// ENABLE. The result lists what the server enabled; `UTF8=ACCEPT`
    /// turns on UTF-8 mode.
    pub async fn enable(&mut self, names: &[&str]) -> Result<Vec<t::Capability<'static>>, Error> {
        self.run(Enable::new(names.iter().copied())?).await
    }

    /// imaplib `proxyauth(user)`: PROXYAUTH (a Sun/Netscape extension),
    /// only with no mailbox selected (conformance item 42).
    pub async fn proxyauth(&mut self, user: &str) -> Result<(), Error> {
        self.run(ProxyAuth::new(user)?).await
    }

    /// imaplib `xatom(name, *args)`: any command, by name, with typed
    /// arguments (conformance item 40). The result is the tagged status
    /// and every untagged response, imaplib's `(typ, data)`.
    pub async fn xatom(&mut self, name: &str, args: Vec<RawArg>) -> Result<RawOutput, Error> {
        self.run(Raw::new(name, args)?).await
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin + Send> Session<S> {
    /// imaplib `getacl(mailbox)`: GETACL (RFC 4314 section 3.3).
    pub async fn getacl(&mut self, mailbox: &str) -> Result<t::Acl<'static>, Error> {
        self.run(GetAcl::new(mailbox)?).await
    }

    /// imaplib `setacl(mailbox, who, what)`: SETACL (RFC 4314 section
    /// 3.1).
    pub async fn setacl(&mut self, mailbox: &str, who: &str, rights: ModRights) -> Result<(), Error> {
        self.run(SetAcl::new(mailbox, who, rights)?).await
    }

    /// imaplib `deleteacl(mailbox, who)`: DELETEACL (RFC 4314 section
    /// 3.2).
    pub async fn deleteacl(&mut self, mailbox: &str, who: &str) -> Result<(), Error> {
        self.run(DeleteAcl::new(mailbox, who)?).await
    }

    /// imaplib `myrights(mailbox)`: MYRIGHTS (RFC 4314 section 3.5).
    pub async fn myrights(&mut self, mailbox: &str) -> Result<t::MyRights<'static>, Error> {
        self.run(MyRights::new(mailbox)?).await
    }

    /// imaplib `getquota(root)`: GETQUOTA (RFC 9208 section 4.2).
    pub async fn getquota(&mut self, root: &str) -> Result<t::Quota<'static>, Error> {
        self.run(GetQuota::new(root)?).await
    }

    /// imaplib `getquotaroot(mailbox)`: GETQUOTAROOT (RFC 9208 section
    /// 4.3): the roots and their quotas.
    pub async fn getquotaroot(&mut self, mailbox: &str) -> Result<QuotaRoots, Error> {
        self.run(GetQuotaRoot::new(mailbox)?).await
    }

    /// imaplib `setquota(root, limits)`: SETQUOTA (RFC 9208 section 4.4);
    /// the result is the quotas the server reports back.
    pub async fn setquota(
        &mut self,
        root: &str,
        limits: Vec<QuotaLimit>,
    ) -> Result<Vec<t::Quota<'static>>, Error> {
        self.run(SetQuota::new(root, limits)?).await
    }

    /// imaplib `getannotation(mailbox, entry, attribute)`: GETANNOTATION
    /// (draft-daboo-imap-annotatemore).
    pub async fn getannotation(
        &mut self,
        mailbox: &str,
        entries: &[&str],
        attributes: &[&str],
    ) -> Result<Vec<t::Annotation<'static>>, Error> {
        self.run(GetAnnotation::new(mailbox, entries, attributes)?).await
    }

    /// imaplib `setannotation(*args)`: SETANNOTATION
    /// (draft-daboo-imap-annotatemore), built with
    /// [`SetAnnotation::set`] for each entry and attribute.
    pub async fn setannotation(&mut self, annotation: SetAnnotation) -> Result<(), Error> {
        self.run(annotation).await
    }
}
