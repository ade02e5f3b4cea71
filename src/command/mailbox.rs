//! The commands that manage mailboxes by name: CREATE, DELETE, RENAME,
//! SUBSCRIBE and UNSUBSCRIBE (RFC 3501 sections 6.3.3 to 6.3.7, RFC 9051
//! sections 6.3.4 to 6.3.8; CREATE-SPECIAL-USE RFC 6154 section 3;
//! OBJECTID RFC 8474 section 4.1).
//!
//! ```text
//! create        = "CREATE" SP mailbox [create-params]
//! create-params = SP "(" create-param *(SP create-param) ")"
//! create-param  =/ "USE" SP "(" [use-attr *(SP use-attr)] ")"
//! delete        = "DELETE" SP mailbox
//! rename        = "RENAME" SP mailbox SP mailbox
//! subscribe     = "SUBSCRIBE" SP mailbox
//! unsubscribe   = "UNSUBSCRIBE" SP mailbox
//! ```
//!
//! None of them collects untagged data; CREATE's result comes from the
//! tagged OK's code.

use crate::Command;
use crate::Error;
use crate::types::{ByteStr, Code, Mailbox, Response, Status};

use super::SpecialUse;

/// CREATE (RFC 3501 section 6.3.3, RFC 9051 section 6.3.4): makes a
/// mailbox, optionally with a special use (`(USE (\Sent))`, RFC 6154
/// section 3).
///
/// ```
/// use typed_imap::command::{Command, Create, SpecialUse};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let cmd = Create::new("Sent Items").unwrap().special_use([SpecialUse::Sent]);
/// let mut enc = Encoder::new(EncodeOptions::default());
/// cmd.encode_args(&mut enc).unwrap();
/// assert_eq!(enc.finish(), [Fragment::Line(b" \"Sent Items\" (USE (\\Sent))\r\n".to_vec())]);
/// assert_eq!(cmd.capabilities(), ["CREATE-SPECIAL-USE"]);
/// ```
#[derive(Debug, Clone, PartialEq, Command)]
#[imap(command = "CREATE", state = "authenticated", output = Created, decode = decode_create)]
pub struct Create {
    /// The mailbox to create.
    pub mailbox: Mailbox<'static>,
    /// `USE (...)`: the special uses the new mailbox should have.
    #[imap(modifier = "USE", capability = "CREATE-SPECIAL-USE")]
    pub special_use: Option<Vec<SpecialUse>>,
}

impl Create {
    /// `CREATE name`; fails when the name holds NUL.
    pub fn new(name: &str) -> Result<Self, Error> {
        Ok(Create::mailbox(Mailbox::new(name)?))
    }

    /// `CREATE mailbox`.
    pub fn mailbox(mailbox: Mailbox<'static>) -> Self {
        Create { mailbox, special_use: None }
    }

    /// Adds `(USE (...))` with these attributes.
    pub fn special_use(self, uses: impl IntoIterator<Item = SpecialUse>) -> Self {
        Create { special_use: Some(uses.into_iter().collect()), ..self }
    }
}

/// The answer to CREATE.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Created {
    /// `[MAILBOXID (id)]` from the tagged OK (OBJECTID, RFC 8474 section
    /// 4.1), when the server gives one.
    pub mailbox_id: Option<ByteStr<'static>>,
}

fn decode_create(_: &Create, _: Vec<Response<'static>>, done: &Status<'static>) -> Result<Created, Error> {
    let mailbox_id = match &done.code {
        Some(Code::MailboxId(id)) => Some(id.clone()),
        _ => None,
    };
    Ok(Created { mailbox_id })
}

/// DELETE (RFC 3501 section 6.3.4, RFC 9051 section 6.3.5): removes a
/// mailbox.
///
/// ```
/// use typed_imap::command::{Command, Delete};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let mut enc = Encoder::new(EncodeOptions::default());
/// Delete::new("Old Stuff").unwrap().encode_args(&mut enc).unwrap();
/// assert_eq!(enc.finish(), [Fragment::Line(b" \"Old Stuff\"\r\n".to_vec())]);
/// ```
#[derive(Debug, Clone, PartialEq, Command)]
#[imap(command = "DELETE", state = "authenticated")]
pub struct Delete {
    /// The mailbox to delete.
    pub mailbox: Mailbox<'static>,
}

impl Delete {
    /// `DELETE name`; fails when the name holds NUL.
    pub fn new(name: &str) -> Result<Self, Error> {
        Ok(Delete { mailbox: Mailbox::new(name)? })
    }
}

/// RENAME (RFC 3501 section 6.3.5, RFC 9051 section 6.3.6): gives a
/// mailbox a new name (renaming INBOX moves its messages).
///
/// ```
/// use typed_imap::command::{Command, Rename};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let mut enc = Encoder::new(EncodeOptions::default());
/// Rename::new("Drafts", "Entwürfe").unwrap().encode_args(&mut enc).unwrap();
/// assert_eq!(enc.finish(), [Fragment::Line(b" Drafts Entw&APw-rfe\r\n".to_vec())]);
/// ```
#[derive(Debug, Clone, PartialEq, Command)]
#[imap(command = "RENAME", state = "authenticated")]
pub struct Rename {
    /// The existing mailbox.
    pub from: Mailbox<'static>,
    /// Its new name.
    pub to: Mailbox<'static>,
}

impl Rename {
    /// `RENAME from to`; fails when a name holds NUL.
    pub fn new(from: &str, to: &str) -> Result<Self, Error> {
        Ok(Rename { from: Mailbox::new(from)?, to: Mailbox::new(to)? })
    }
}

/// SUBSCRIBE (RFC 3501 section 6.3.6, RFC 9051 section 6.3.7): adds a
/// mailbox to the subscription list.
///
/// ```
/// use typed_imap::command::{Command, Subscribe};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let mut enc = Encoder::new(EncodeOptions::default());
/// Subscribe::new("Other Users/alice").unwrap().encode_args(&mut enc).unwrap();
/// assert_eq!(enc.finish(), [Fragment::Line(b" \"Other Users/alice\"\r\n".to_vec())]);
/// ```
#[derive(Debug, Clone, PartialEq, Command)]
#[imap(command = "SUBSCRIBE", state = "authenticated")]
pub struct Subscribe {
    /// The mailbox to subscribe to.
    pub mailbox: Mailbox<'static>,
}

impl Subscribe {
    /// `SUBSCRIBE name`; fails when the name holds NUL.
    pub fn new(name: &str) -> Result<Self, Error> {
        Ok(Subscribe { mailbox: Mailbox::new(name)? })
    }
}

/// UNSUBSCRIBE (RFC 3501 section 6.3.7, RFC 9051 section 6.3.8): removes a
/// mailbox from the subscription list.
///
/// ```
/// use typed_imap::command::{Command, Unsubscribe};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let mut enc = Encoder::new(EncodeOptions::default());
/// Unsubscribe::new("Archive").unwrap().encode_args(&mut enc).unwrap();
/// assert_eq!(enc.finish(), [Fragment::Line(b" Archive\r\n".to_vec())]);
/// ```
#[derive(Debug, Clone, PartialEq, Command)]
#[imap(command = "UNSUBSCRIBE", state = "authenticated")]
pub struct Unsubscribe {
    /// The mailbox to unsubscribe from.
    pub mailbox: Mailbox<'static>,
}

impl Unsubscribe {
    /// `UNSUBSCRIBE name`; fails when the name holds NUL.
    pub fn new(name: &str) -> Result<Self, Error> {
        Ok(Unsubscribe { mailbox: Mailbox::new(name)? })
    }
}
