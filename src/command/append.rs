//! APPEND (RFC 3501 section 6.3.11, RFC 9051 section 6.3.12), with
//! MULTIAPPEND (RFC 3502), BINARY (RFC 3516 section 4.4), UTF8=ACCEPT
//! (RFC 6855 section 4) and UIDPLUS's APPENDUID (RFC 4315 section 3).
//!
//! ```text
//! append         = "APPEND" SP mailbox 1*append-message
//!                  ; more than one append-message needs MULTIAPPEND
//! append-message = [SP flag-list] [SP date-time] SP append-data
//! append-data    = literal / literal8 / "UTF8" SP "(" literal8 ")"
//! ```

use crate::Command;
use crate::Error;
use crate::types::chars::refuse_nul;
use crate::types::{Code, Flag, InternalDate, Mailbox, Response, SequenceSet, Status, ValidationError};
use crate::wire::encode::{Encode, Encoder};

/// APPEND: adds messages to a mailbox. Each message goes as a literal:
/// `{n}` (the session waits for `+`), `{n+}` under LITERAL+ / LITERAL-,
/// `~{n}` for a binary message (BINARY), and `UTF8 (~{n})` once
/// UTF8=ACCEPT is enabled. More than one message needs MULTIAPPEND.
///
/// The answer is the tagged OK's `[APPENDUID uidvalidity uids]` when the
/// server sends one (UIDPLUS, IMAP4rev2), else `None`.
///
/// ```
/// use typed_imap::command::{Append, Command};
/// use typed_imap::types::Flag;
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let cmd = Append::new("Sent Items", b"Subject: hi\r\n\r\nhello\r\n".to_vec()).unwrap().flags([Flag::Seen]).unwrap();
/// let mut enc = Encoder::new(EncodeOptions::default());
/// cmd.encode_args(&mut enc).unwrap();
/// assert_eq!(enc.finish()[0], Fragment::Line(b" \"Sent Items\" (\\Seen) {22}\r\n".to_vec()));
/// ```
#[derive(Debug, Clone, PartialEq, Command)]
#[imap(command = "APPEND", state = "authenticated", output = Option<AppendUid>, decode = decode_append)]
pub struct Append {
    mailbox: Mailbox<'static>,
    first: AppendMessage,
    #[imap(capability = "MULTIAPPEND")]
    more: Option<Messages>,
}

impl Append {
    /// `APPEND name {n}` with `message`; fails when the name or message
    /// holds NUL.
    pub fn new(name: &str, message: impl Into<Vec<u8>>) -> Result<Self, Error> {
        Ok(Append::mailbox(Mailbox::new(name)?, AppendMessage::new(message)?))
    }

    /// `APPEND INBOX {n}`, as imaplib's `append(None, ...)`.
    pub fn inbox(message: impl Into<Vec<u8>>) -> Result<Self, Error> {
        Ok(Append::mailbox(Mailbox::inbox(), AppendMessage::new(message)?))
    }

    /// `APPEND mailbox` with one message.
    pub fn mailbox(mailbox: Mailbox<'static>, message: AppendMessage) -> Self {
        Append { mailbox, first: message, more: None }
    }

    /// Adds another message (MULTIAPPEND, RFC 3502).
    pub fn message(mut self, message: AppendMessage) -> Self {
        self.more.get_or_insert_with(|| Messages(Vec::new())).0.push(message);
        self
    }

    /// Sets the flags of the message added last; see [`AppendMessage::flags`].
    pub fn flags(mut self, flags: impl IntoIterator<Item = Flag<'static>>) -> Result<Self, ValidationError> {
        self.last_mut().flags = Some(settable(flags)?);
        Ok(self)
    }

    /// Sets the internal date of the message added last.
    pub fn date(mut self, date: impl Into<InternalDate>) -> Self {
        self.last_mut().date = Some(date.into());
        self
    }

    /// The target mailbox.
    pub fn target(&self) -> &Mailbox<'static> {
        &self.mailbox
    }

    /// The messages, in the order they are sent.
    pub fn messages(&self) -> impl Iterator<Item = &AppendMessage> {
        std::iter::once(&self.first).chain(self.more.iter().flat_map(|m| &m.0))
    }

    fn last_mut(&mut self) -> &mut AppendMessage {
        match self.more.as_mut().and_then(|m| m.0.last_mut()) {
            Some(last) => last,
            None => &mut self.first,
        }
    }
}

/// One message to append: its flags, its internal date and its bytes.
///
/// ```
/// use typed_imap::command::AppendMessage;
/// let m = AppendMessage::new(b"Subject: hi\nbody\r\nmore\r".to_vec()).unwrap().normalize_line_endings();
/// assert_eq!(m.data(), b"Subject: hi\r\nbody\r\nmore\r\n");
/// assert_eq!(m.data().len(), 25);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppendMessage {
    flags: Option<Vec<Flag<'static>>>,
    date: Option<InternalDate>,
    data: Vec<u8>,
    binary: bool,
}

impl AppendMessage {
    /// A message sent as a plain literal; fails on NUL (use
    /// [`AppendMessage::binary`] for such data). The bytes go as they are:
    /// see [`AppendMessage::normalize_line_endings`].
    pub fn new(data: impl Into<Vec<u8>>) -> Result<Self, ValidationError> {
        let data = data.into();
        refuse_nul("APPEND message", &data)?;
        Ok(AppendMessage { flags: None, date: None, data, binary: false })
    }

    /// A message sent as a `literal8` (`~{n}`, RFC 3516), which may hold
    /// any octet; encoding fails unless the server advertises BINARY.
    pub fn binary(data: impl Into<Vec<u8>>) -> Self {
        AppendMessage { flags: None, date: None, data: data.into(), binary: true }
    }

    /// The flags to set (always sent as a parenthesised list); fails on
    /// `\Recent` and `\*`, which a client cannot set.
    pub fn flags(self, flags: impl IntoIterator<Item = Flag<'static>>) -> Result<Self, ValidationError> {
        Ok(AppendMessage { flags: Some(settable(flags)?), ..self })
    }

    /// The internal date to give the message.
    pub fn date(self, date: impl Into<InternalDate>) -> Self {
        AppendMessage { date: Some(date.into()), ..self }
    }

    /// Turns every bare CR and bare LF into CRLF, as imaplib does always
    /// (conformance item 47); off unless asked for.
    pub fn normalize_line_endings(self) -> Self {
        AppendMessage { data: crlf(&self.data), ..self }
    }

    /// The bytes that will be sent.
    pub fn data(&self) -> &[u8] {
        &self.data
    }
}

/// The flags, unless one is `\Recent` or `\*`, which a client cannot set.
fn settable(flags: impl IntoIterator<Item = Flag<'static>>) -> Result<Vec<Flag<'static>>, ValidationError> {
    let flags: Vec<_> = flags.into_iter().collect();
    match flags.iter().any(|f| matches!(f, Flag::Recent | Flag::Wildcard)) {
        true => Err(ValidationError::other("APPEND flags", "\\Recent and \\* cannot be set")),
        false => Ok(flags),
    }
}

/// `data` with bare CR and bare LF made CRLF.
fn crlf(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + data.len() / 32);
    let mut i = 0;
    while i < data.len() {
        match (data[i], data.get(i + 1)) {
            (b'\r', Some(b'\n')) => i += 1,
            (b'\r' | b'\n', _) => {}
            (b, _) => {
                out.push(b);
                i += 1;
                continue;
            }
        }
        out.extend_from_slice(b"\r\n");
        i += 1;
    }
    out
}

/// `[flag-list SP] [date-time SP] append-data`: a literal, a literal8,
/// or `UTF8 (literal8)` once UTF8=ACCEPT is enabled (RFC 6855 section 4).
impl Encode for AppendMessage {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        if let Some(flags) = &self.flags {
            enc.list(flags)?.sp();
        }
        if let Some(date) = &self.date {
            enc.encode(date)?.sp();
        }
        match (enc.options().utf8, self.binary) {
            (true, _) => enc.raw(b"UTF8 (")?.literal8(&self.data)?.raw(b")"),
            (false, true) => enc.literal8(&self.data),
            (false, false) => enc.literal(&self.data),
        }
        .map(drop)
    }
}

/// The messages after the first, each preceded by a space.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Messages(Vec<AppendMessage>);

impl Encode for Messages {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        enc.separated(&self.0).map(drop)
    }
}

/// `[APPENDUID uidvalidity uid-set]` (RFC 4315 section 3): where the
/// appended messages went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppendUid {
    /// The target mailbox's UIDVALIDITY.
    pub uid_validity: u32,
    /// The new messages' UIDs, in the order they were appended.
    pub uids: SequenceSet,
}

fn decode_append(
    _: &Append,
    _: Vec<Response<'static>>,
    done: &Status<'static>,
) -> Result<Option<AppendUid>, Error> {
    Ok(match &done.code {
        Some(Code::AppendUid { uid_validity, uids }) => {
            Some(AppendUid { uid_validity: *uid_validity, uids: uids.clone() })
        }
        _ => None,
    })
}
