//! LIST and LSUB (RFC 3501 sections 6.3.8 and 6.3.9, RFC 9051 section
//! 6.3.9), with LIST-EXTENDED (RFC 5258), LIST-STATUS (RFC 5819) and
//! SPECIAL-USE (RFC 6154).
//!
//! ```text
//! list             = "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat
//!                    [SP list-return-opts]
//! list-select-opts = "(" [list-select-option *(SP list-select-option)] ")"
//! mbox-or-pat      = list-mailbox / patterns
//! patterns         = "(" list-mailbox *(SP list-mailbox) ")"
//! list-return-opts = "RETURN" SP "(" [return-option *(SP return-option)] ")"
//! return-option    = "SUBSCRIBED" / "CHILDREN" / "SPECIAL-USE"
//!                  / "STATUS" SP "(" status-att *(SP status-att) ")"
//! lsub             = "LSUB" SP mailbox SP list-mailbox
//! ```
//!
//! Both give a `Vec<ListItem>`. Under LIST-STATUS each `* STATUS` is
//! paired with the `* LIST` of the same mailbox, whatever their order. A
//! STATUS with no LIST of its name fits nowhere: decoding still builds
//! every item, then fails with [`Error::Decode`] naming LIST and quoting
//! each such response.

use crate::Command;
use crate::Error;
use crate::command::Requirements;
use crate::types::chars::is_list_char;
use crate::types::{
    Atom, Data, ListData, ListExtItem, Mailbox, MailboxAttr, Response, Status, StatusAttr, StatusData,
    StatusItem, ValidationError,
};
use crate::wire::encode::{Encode, Encoder};

/// LIST (RFC 3501 section 6.3.8, RFC 9051 section 6.3.9, RFC 5258):
/// the mailboxes whose names match a pattern. `List::default()` is
/// `LIST "" *`, as imaplib's `list()`.
///
/// The selection and RETURN options ask for LIST-EXTENDED; `STATUS` in
/// RETURN also needs LIST-STATUS (and what its items need, such as
/// STATUS=SIZE), and the `SPECIAL-USE` options need SPECIAL-USE. The
/// session refuses a LIST the server lacks one of these for with
/// `Error::Unsupported`, before sending it (IMAP4rev2 includes all but
/// SPECIAL-USE).
///
/// ```
/// use typed_imap::command::{Command, List, ListReturn};
/// use typed_imap::types::StatusAttr;
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let cmd = List::default().returning(ListReturn::Status(vec![StatusAttr::Messages, StatusAttr::Unseen]));
/// let mut enc = Encoder::new(EncodeOptions::default());
/// cmd.encode_args(&mut enc).unwrap();
/// assert_eq!(enc.finish(), [Fragment::Line(b" \"\" * RETURN (STATUS (MESSAGES UNSEEN))\r\n".to_vec())]);
/// ```
#[derive(Debug, Clone, PartialEq, Command)]
#[imap(command = "LIST", state = "authenticated", collect = "LIST, STATUS", output = Vec<ListItem>, decode = decode_list)]
pub struct List {
    #[imap(capability = "LIST-EXTENDED", requires)]
    selection: Option<Selection>,
    reference: Mailbox<'static>,
    patterns: Patterns,
    #[imap(prefix = "RETURN", list, capability = "LIST-EXTENDED", requires)]
    returns: Option<Vec<ListReturn>>,
}

impl List {
    /// `LIST reference pattern`; fails when either holds NUL.
    pub fn new(reference: &str, pattern: &str) -> Result<Self, Error> {
        Ok(List::patterns(reference, [ListPattern::new(pattern)?])?)
    }

    /// `LIST reference (pattern pattern ...)` (several patterns need
    /// LIST-EXTENDED; one is sent bare); fails when there is none.
    pub fn patterns(
        reference: &str,
        patterns: impl IntoIterator<Item = ListPattern>,
    ) -> Result<Self, ValidationError> {
        let patterns: Vec<ListPattern> = patterns.into_iter().collect();
        if patterns.is_empty() {
            return Err(ValidationError::empty("LIST patterns"));
        }
        let reference = Mailbox::new(reference)?;
        Ok(List { selection: None, reference, patterns: Patterns(patterns), returns: None })
    }

    /// Adds a selection option (`LIST (SUBSCRIBED) ...`).
    pub fn selecting(mut self, option: ListSelect) -> Self {
        self.selection.get_or_insert_with(Selection::default).0.push(option);
        self
    }

    /// Adds a RETURN option (`... RETURN (CHILDREN)`).
    pub fn returning(mut self, option: ListReturn) -> Self {
        self.returns.get_or_insert_with(Vec::new).push(option);
        self
    }

    /// The patterns.
    pub fn pattern_list(&self) -> &[ListPattern] {
        &self.patterns.0
    }
}

impl Default for List {
    /// `LIST "" *`.
    fn default() -> Self {
        let patterns = Patterns(vec![ListPattern(Mailbox::new("*").unwrap_or_else(|_| Mailbox::inbox()))]);
        List { selection: None, reference: empty_reference(), patterns, returns: None }
    }
}

/// The reference `""`.
fn empty_reference() -> Mailbox<'static> {
    Mailbox::new("").unwrap_or_else(|_| Mailbox::inbox())
}

/// LSUB (RFC 3501 section 6.3.9; deprecated by RFC 9051, which uses `LIST
/// (SUBSCRIBED)`): the subscribed mailboxes matching a pattern.
/// `Lsub::default()` is `LSUB "" *`.
///
/// ```
/// use typed_imap::command::{Command, Lsub};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let mut enc = Encoder::new(EncodeOptions::default());
/// Lsub::new("#news.", "comp.mail.*").unwrap().encode_args(&mut enc).unwrap();
/// assert_eq!(enc.finish(), [Fragment::Line(b" #news. comp.mail.*\r\n".to_vec())]);
/// ```
#[derive(Debug, Clone, PartialEq, Command)]
#[imap(command = "LSUB", state = "authenticated", collect = "LSUB", output = Vec<ListItem>, decode = decode_lsub)]
pub struct Lsub {
    /// The reference name (`""` for none).
    pub reference: Mailbox<'static>,
    /// The pattern.
    pub pattern: ListPattern,
}

impl Lsub {
    /// `LSUB reference pattern`; fails when either holds NUL.
    pub fn new(reference: &str, pattern: &str) -> Result<Self, Error> {
        Ok(Lsub { reference: Mailbox::new(reference)?, pattern: ListPattern::new(pattern)? })
    }
}

impl Default for Lsub {
    /// `LSUB "" *`.
    fn default() -> Self {
        let pattern = ListPattern(Mailbox::new("*").unwrap_or_else(|_| Mailbox::inbox()));
        Lsub { reference: empty_reference(), pattern }
    }
}

/// `list-mailbox` (RFC 3501 section 9): a mailbox name that may hold the
/// wildcards `*` and `%`. Sent bare when every byte is a `list-char`, so
/// `*` and `INBOX.%` need no quotes; otherwise as a string. Non-ASCII
/// names go in modified UTF-7, like mailbox names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListPattern(Mailbox<'static>);

impl ListPattern {
    /// The pattern `pattern`; fails when it holds NUL.
    pub fn new(pattern: &str) -> Result<Self, ValidationError> {
        Mailbox::new(pattern).map(ListPattern).map_err(|e| e.within("list-mailbox"))
    }
}

/// `list-mailbox = 1*list-char / string`.
impl Encode for ListPattern {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        let wire = self.0.wire_for(enc.options().utf8);
        match !wire.is_empty() && wire.iter().all(|b| is_list_char(*b)) {
            true => enc.raw(&wire),
            false => enc.string(&wire),
        }
        .map(drop)
    }
}

/// `mbox-or-pat`: one pattern bare, several in parentheses (RFC 5258).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Patterns(Vec<ListPattern>);

impl Encode for Patterns {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        match self.0.as_slice() {
            [one] => one.encode(enc),
            many => enc.list(many).map(drop),
        }
    }
}

/// `list-select-opt` (RFC 5258 section 3.1, RFC 6154 section 5.1): which
/// mailboxes LIST returns.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ListSelect {
    /// `SUBSCRIBED`: only subscribed mailboxes.
    Subscribed,
    /// `REMOTE`: remote mailboxes too.
    Remote,
    /// `RECURSIVEMATCH`: parents of matches (needs another option such as
    /// SUBSCRIBED; sending it alone is refused).
    RecursiveMatch,
    /// `SPECIAL-USE`: only mailboxes with a special use (RFC 6154).
    SpecialUse,
    /// Another option, for extensions.
    Other(Atom<'static>),
}

impl ListSelect {
    /// The option's name on the wire.
    pub fn name(&self) -> &str {
        match self {
            ListSelect::Subscribed => "SUBSCRIBED",
            ListSelect::Remote => "REMOTE",
            ListSelect::RecursiveMatch => "RECURSIVEMATCH",
            ListSelect::SpecialUse => "SPECIAL-USE",
            ListSelect::Other(a) => a.as_str(),
        }
    }

    /// True for a `list-select-base-opt` (or an extension, which may be one).
    fn is_base(&self) -> bool {
        matches!(self, ListSelect::Subscribed | ListSelect::Other(_))
    }
}

/// `SPECIAL-USE` needs SPECIAL-USE (RFC 6154 section 2); `SUBSCRIBED`,
/// `REMOTE` and `RECURSIVEMATCH` are LIST-EXTENDED's own (RFC 5258
/// section 3.1), which the selection field requires whatever the options;
/// `Other` requires nothing.
impl Requirements for ListSelect {
    fn requirements(&self, out: &mut Vec<&'static str>) {
        if *self == ListSelect::SpecialUse {
            out.push("SPECIAL-USE");
        }
    }
}

/// `list-select-opt`, an atom.
impl Encode for ListSelect {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.atom(self.name()).map(drop)
    }
}

/// `list-select-opts`: the parenthesised options, checked as a whole.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Selection(Vec<ListSelect>);

impl Requirements for Selection {
    fn requirements(&self, out: &mut Vec<&'static str>) {
        self.0.requirements(out);
    }
}

/// `"(" [list-select-opt *(SP list-select-opt)] ")"`; fails when
/// RECURSIVEMATCH comes without a base option (RFC 5258 section 3.1).
impl Encode for Selection {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        let recursive = self.0.contains(&ListSelect::RecursiveMatch);
        if recursive && !self.0.iter().any(ListSelect::is_base) {
            return Err(ValidationError::other("LIST selection", "RECURSIVEMATCH needs SUBSCRIBED"));
        }
        enc.list(&self.0).map(drop)
    }
}

/// `return-option` (RFC 5258 section 3.2, RFC 5819, RFC 6154 section
/// 5.2): what LIST returns about each mailbox.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ListReturn {
    /// `SUBSCRIBED`: mark subscribed mailboxes with `\Subscribed`.
    Subscribed,
    /// `CHILDREN`: `\HasChildren` / `\HasNoChildren`.
    Children,
    /// `SPECIAL-USE`: the special-use attributes (RFC 6154).
    SpecialUse,
    /// `STATUS (...)`: a STATUS response per mailbox (LIST-STATUS, RFC
    /// 5819); the list may not be empty.
    Status(Vec<StatusAttr<'static>>),
    /// Another option, for extensions.
    Other(Atom<'static>),
}

/// What each option needs beyond LIST-EXTENDED (which the RETURN field
/// requires whatever the options; `SUBSCRIBED` and `CHILDREN` are its own,
/// RFC 5258 section 3.2):
///
/// - `STATUS (...)`: LIST-STATUS (RFC 5819 section 2), and what each item
///   needs from STATUS ([`StatusAttr`]'s `Requirements`: STATUS=SIZE for
///   SIZE, ...);
/// - `SPECIAL-USE`: SPECIAL-USE (RFC 6154 section 2);
/// - `Other`: nothing.
impl Requirements for ListReturn {
    fn requirements(&self, out: &mut Vec<&'static str>) {
        match self {
            ListReturn::Status(items) => {
                out.push("LIST-STATUS");
                items.requirements(out);
            }
            ListReturn::SpecialUse => out.push("SPECIAL-USE"),
            _ => {}
        }
    }
}

/// `return-option`: an atom, or `STATUS (att ...)`.
impl Encode for ListReturn {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        let name = match self {
            ListReturn::Subscribed => "SUBSCRIBED",
            ListReturn::Children => "CHILDREN",
            ListReturn::SpecialUse => "SPECIAL-USE",
            ListReturn::Other(a) => a.as_str(),
            ListReturn::Status(atts) if atts.is_empty() => {
                return Err(ValidationError::empty("LIST RETURN STATUS"));
            }
            ListReturn::Status(atts) => return enc.atom("STATUS")?.sp().list(atts).map(drop),
        };
        enc.atom(name).map(drop)
    }
}

/// One mailbox of a LIST or LSUB answer, with its LIST-STATUS values.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListItem {
    /// The name attributes (`\Noselect`, `\HasChildren`, `\Sent`, ...).
    pub attributes: Vec<MailboxAttr<'static>>,
    /// The hierarchy delimiter, `None` for a flat name space.
    pub delimiter: Option<char>,
    /// The mailbox; its decoded name is `mailbox.name()`.
    pub mailbox: Mailbox<'static>,
    /// LIST-EXTENDED items (`CHILDINFO`, `OLDNAME`, ...).
    pub extended: Vec<ListExtItem<'static>>,
    /// The STATUS values LIST-STATUS returned for this mailbox, if any.
    pub status: Option<Vec<StatusItem<'static>>>,
}

impl ListItem {
    /// True when the mailbox has the attribute `attr`.
    pub fn has(&self, attr: &MailboxAttr<'_>) -> bool {
        self.attributes.iter().any(|a| a == attr)
    }
}

impl From<ListData<'static>> for ListItem {
    fn from(l: ListData<'static>) -> Self {
        ListItem {
            attributes: l.attributes,
            delimiter: l.delimiter,
            mailbox: l.mailbox,
            extended: l.extended,
            status: None,
        }
    }
}

fn decode_list(
    _: &List,
    collected: Vec<Response<'static>>,
    _: &Status<'static>,
) -> Result<Vec<ListItem>, Error> {
    let mut items = Vec::new();
    let mut statuses = Vec::new();
    let mut misfits = Vec::new();
    for response in collected {
        match response {
            Response::Data(Data::List(list)) => items.push(ListItem::from(list)),
            Response::Data(Data::Status(status)) => statuses.push(status),
            other => misfits.push(other),
        }
    }
    for status in statuses {
        if let Some(orphan) = pair_status(&mut items, status) {
            misfits.push(Response::Data(Data::Status(orphan)));
        }
    }
    finish("LIST", items, misfits)
}

/// Puts `status` in the last item of its mailbox that has none yet;
/// gives it back when there is no such item.
fn pair_status(items: &mut [ListItem], status: StatusData<'static>) -> Option<StatusData<'static>> {
    match items.iter_mut().rev().find(|i| i.mailbox == status.mailbox && i.status.is_none()) {
        Some(item) => {
            item.status = Some(status.items);
            None
        }
        None => Some(status),
    }
}

fn decode_lsub(
    _: &Lsub,
    collected: Vec<Response<'static>>,
    _: &Status<'static>,
) -> Result<Vec<ListItem>, Error> {
    let mut items = Vec::new();
    let mut misfits = Vec::new();
    for response in collected {
        match response {
            Response::Data(Data::Lsub(list)) => items.push(ListItem::from(list)),
            other => misfits.push(other),
        }
    }
    finish("LSUB", items, misfits)
}

/// The items, or an error quoting every response that fitted nowhere.
fn finish(
    command: &str,
    items: Vec<ListItem>,
    misfits: Vec<Response<'static>>,
) -> Result<Vec<ListItem>, Error> {
    if misfits.is_empty() {
        return Ok(items);
    }
    let quoted: Vec<String> = misfits.iter().map(|r| format!("{r:?}")).collect();
    let reason = format!("{} entries decoded; these fit none: {}", items.len(), quoted.join("; "));
    Err(Error::Decode { command: command.to_owned(), reason })
}
