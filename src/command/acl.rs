//! The ACL commands (RFC 4314 section 3): GETACL, SETACL, DELETEACL,
//! LISTRIGHTS and MYRIGHTS. All need the `ACL` capability.

use super::answer::pick;
use crate::Error;
use crate::types::{self as t, AString, Data, Mailbox, Response, Status, ValidationError};
use crate::wire::encode::{Encode, Encoder};

/// A set of rights (RFC 4314 section 2.1): lower-case letters (`l r s w i
/// p k x t e a`, and `c d` of RFC 2086) and digits (rights of the
/// server's own), checked when built.
///
/// ```
/// use typed_imap::command::Rights;
///
/// assert_eq!(Rights::new("lrswi").unwrap().as_str(), "lrswi");
/// assert!(Rights::new("LR").is_err());
/// assert!(Rights::new("l r").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Rights(String);

impl Rights {
    /// The rights `letters`; fails on anything but `a`-`z` and `0`-`9`.
    pub fn new(letters: &str) -> Result<Self, ValidationError> {
        match letters.bytes().position(|b| !(b.is_ascii_lowercase() || b.is_ascii_digit())) {
            Some(i) => Err(ValidationError::byte("rights", letters.as_bytes()[i], i)),
            None => Ok(Rights(letters.to_owned())),
        }
    }

    /// The letters.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `rights = astring` (RFC 4314 section 7).
impl Encode for Rights {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.astring(self.0.as_bytes()).map(drop)
    }
}

/// `mod-rights = astring` (RFC 4314 section 7): rights to set, or with
/// `+` to add, with `-` to remove.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ModRights {
    /// Replaces the identifier's rights.
    Set(Rights),
    /// `+rights`: adds to them.
    Add(Rights),
    /// `-rights`: removes from them.
    Remove(Rights),
}

impl Encode for ModRights {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        let text = match self {
            ModRights::Set(r) => r.0.clone(),
            ModRights::Add(r) => format!("+{}", r.0),
            ModRights::Remove(r) => format!("-{}", r.0),
        };
        enc.astring(text.as_bytes()).map(drop)
    }
}

/// `identifier = astring` (RFC 4314 section 7), such as `anyone` or `-bob`.
fn identifier(id: &str) -> Result<AString<'static>, ValidationError> {
    AString::new(id.as_bytes().to_vec())
}

/// GETACL (RFC 4314 section 3.3): the access control list of a mailbox.
///
/// ```
/// use typed_imap::command::{Command, GetAcl};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder};
///
/// let mut enc = Encoder::new(EncodeOptions::default());
/// GetAcl::new("INBOX").unwrap().encode_args(&mut enc).unwrap();
/// assert_eq!(format!("{:?}", enc.finish()), r#"[Line(" INBOX\r\n")]"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Command)]
#[imap(command = "GETACL", capability = "ACL", collect = "ACL", output = t::Acl<'static>, decode = decode_getacl)]
pub struct GetAcl {
    /// The mailbox.
    pub mailbox: Mailbox<'static>,
}

impl GetAcl {
    /// GETACL `mailbox`; fails when the name holds NUL.
    pub fn new(mailbox: &str) -> Result<Self, ValidationError> {
        Ok(GetAcl { mailbox: Mailbox::new(mailbox)? })
    }
}

fn decode_getacl(
    cmd: &GetAcl,
    collected: Vec<Response<'static>>,
    _: &Status<'static>,
) -> Result<t::Acl<'static>, Error> {
    let extract = |r| match r {
        Response::Data(Data::Acl(acl)) => Some(acl),
        _ => None,
    };
    pick(collected, "GETACL", "ACL", extract, |a| a.mailbox == cmd.mailbox)
}

/// SETACL (RFC 4314 section 3.1): sets, adds to or removes from an
/// identifier's rights on a mailbox.
///
/// ```
/// use typed_imap::command::{Command, ModRights, Rights, SetAcl};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder};
///
/// let cmd = SetAcl::new("Shared", "bob", ModRights::Add(Rights::new("lr").unwrap())).unwrap();
/// let mut enc = Encoder::new(EncodeOptions::default());
/// cmd.encode_args(&mut enc).unwrap();
/// assert_eq!(format!("{:?}", enc.finish()), r#"[Line(" Shared bob +lr\r\n")]"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Command)]
#[imap(command = "SETACL", capability = "ACL")]
pub struct SetAcl {
    /// The mailbox.
    pub mailbox: Mailbox<'static>,
    /// Whose rights change: a user, a group, `anyone`, or a negative
    /// identifier (`-bob`).
    pub identifier: AString<'static>,
    /// The change.
    pub rights: ModRights,
}

impl SetAcl {
    /// SETACL `mailbox` `identifier` `rights`; fails when a name holds NUL.
    pub fn new(mailbox: &str, identifier_: &str, rights: ModRights) -> Result<Self, ValidationError> {
        Ok(SetAcl { mailbox: Mailbox::new(mailbox)?, identifier: identifier(identifier_)?, rights })
    }
}

/// DELETEACL (RFC 4314 section 3.2): removes an identifier from a
/// mailbox's access control list.
///
/// ```
/// use typed_imap::command::{Command, DeleteAcl};
///
/// assert_eq!(DeleteAcl::new("INBOX", "bob").unwrap().name(), "DELETEACL");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Command)]
#[imap(command = "DELETEACL", capability = "ACL")]
pub struct DeleteAcl {
    /// The mailbox.
    pub mailbox: Mailbox<'static>,
    /// The identifier to remove.
    pub identifier: AString<'static>,
}

impl DeleteAcl {
    /// DELETEACL `mailbox` `identifier`; fails when a name holds NUL.
    pub fn new(mailbox: &str, identifier_: &str) -> Result<Self, ValidationError> {
        Ok(DeleteAcl { mailbox: Mailbox::new(mailbox)?, identifier: identifier(identifier_)? })
    }
}

/// LISTRIGHTS (RFC 4314 section 3.4): the rights an identifier can be
/// granted on a mailbox, required and optional.
///
/// ```
/// use typed_imap::command::{Command, ListRights};
///
/// assert_eq!(ListRights::new("INBOX", "bob").unwrap().capabilities(), ["ACL"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Command)]
#[imap(
    command = "LISTRIGHTS",
    capability = "ACL",
    collect = "LISTRIGHTS",
    output = t::ListRights<'static>,
    decode = decode_listrights
)]
pub struct ListRights {
    /// The mailbox.
    pub mailbox: Mailbox<'static>,
    /// The identifier asked about.
    pub identifier: AString<'static>,
}

impl ListRights {
    /// LISTRIGHTS `mailbox` `identifier`; fails when a name holds NUL.
    pub fn new(mailbox: &str, identifier_: &str) -> Result<Self, ValidationError> {
        Ok(ListRights { mailbox: Mailbox::new(mailbox)?, identifier: identifier(identifier_)? })
    }
}

fn decode_listrights(
    cmd: &ListRights,
    collected: Vec<Response<'static>>,
    _: &Status<'static>,
) -> Result<t::ListRights<'static>, Error> {
    let extract = |r| match r {
        Response::Data(Data::ListRights(l)) => Some(l),
        _ => None,
    };
    let fits = |l: &t::ListRights<'_>| {
        l.mailbox == cmd.mailbox && l.identifier.as_bytes() == cmd.identifier.as_bytes()
    };
    pick(collected, "LISTRIGHTS", "LISTRIGHTS", extract, fits)
}

/// MYRIGHTS (RFC 4314 section 3.5): the rights the logged-in user has on
/// a mailbox.
///
/// ```
/// use typed_imap::command::{Command, MyRights};
///
/// assert_eq!(MyRights::new("INBOX").unwrap().name(), "MYRIGHTS");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Command)]
#[imap(
    command = "MYRIGHTS",
    capability = "ACL",
    collect = "MYRIGHTS",
    output = t::MyRights<'static>,
    decode = decode_myrights
)]
pub struct MyRights {
    /// The mailbox.
    pub mailbox: Mailbox<'static>,
}

impl MyRights {
    /// MYRIGHTS `mailbox`; fails when the name holds NUL.
    pub fn new(mailbox: &str) -> Result<Self, ValidationError> {
        Ok(MyRights { mailbox: Mailbox::new(mailbox)? })
    }
}

fn decode_myrights(
    cmd: &MyRights,
    collected: Vec<Response<'static>>,
    _: &Status<'static>,
) -> Result<t::MyRights<'static>, Error> {
    let extract = |r| match r {
        Response::Data(Data::MyRights(m)) => Some(m),
        _ => None,
    };
    pick(collected, "MYRIGHTS", "MYRIGHTS", extract, |m| m.mailbox == cmd.mailbox)
}
