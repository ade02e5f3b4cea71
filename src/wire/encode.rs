//! Command arguments to bytes (RFC 3501 sections 4 and 9, RFC 7888
//! LITERAL+/LITERAL-, RFC 3516 BINARY, RFC 6855 UTF8=ACCEPT).
//!
//! An [`Encoder`] builds one command. Each argument picks its own form from
//! its content: an atom when every byte is an `ASTRING-CHAR`, a quoted
//! string when it is printable text, a literal otherwise. CR, LF, 8-bit
//! text and anything longer than 1024 bytes go as a literal, so no argument
//! can end the command line early and inject another. NUL is refused,
//! except in a `literal8` when the server advertises BINARY.
//!
//! The result is a list of [`Fragment`]s. A synchronising literal makes
//! the client wait for the server's go-ahead before sending the literal's
//! bytes (RFC 3501 section 7.5):
//!
//! ```text
//! C: A001 LOGIN {11}
//! S: + Ready for additional command text
//! C: FRED FOOBAR {7}
//! S: + Ready for additional command text
//! C: fat man
//! S: A001 OK LOGIN completed
//! ```
//!
//! With LITERAL+ (RFC 7888), the client announces `{11+}` and sends the
//! bytes at once: the session writes every fragment without waiting.
//!
//! ```
//! use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment, LiteralMode};
//!
//! let mut enc = Encoder::new(EncodeOptions::default());
//! enc.raw(b"A001 LOGIN").unwrap().sp().astring(b"FRED FOOBAR").unwrap().sp().literal(b"fat man").unwrap();
//! let fragments = enc.finish();
//! assert_eq!(fragments[0], Fragment::Line(b"A001 LOGIN \"FRED FOOBAR\" {7}\r\n".to_vec()));
//! assert_eq!(
//!     fragments[1],
//!     Fragment::Literal { data: b"fat man".to_vec(), mode: LiteralMode::Sync, binary: false }
//! );
//! assert_eq!(fragments[2], Fragment::Line(b"\r\n".to_vec()));
//! ```

mod impls;
#[cfg(test)]
mod roundtrip;

use std::fmt;

use crate::types::chars::{check_class, is_astring_char, is_atom_char, refuse_nul};
use crate::types::{Capability, Mailbox, SequenceSet, ValidationError};

/// Longest string sent inline (atom or quoted); longer ones go as literals.
pub const MAX_INLINE: usize = 1024;

/// Longest non-synchronising literal under LITERAL- (RFC 7888 section 5).
pub const LITERAL_MINUS_MAX: usize = 4096;

/// One piece of an encoded command.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fragment {
    /// Bytes of the command line. A line followed by a literal ends with
    /// the literal's announcement (`{n}`, `{n+}`, `~{n}`) and CRLF; the
    /// last line ends the command with CRLF.
    Line(Vec<u8>),
    /// A literal's bytes. Before a [`LiteralMode::Sync`] literal the client
    /// waits for a continuation request (`+`).
    Literal {
        /// The bytes, sent as they are.
        data: Vec<u8>,
        /// Whether to wait for `+` first.
        mode: LiteralMode,
        /// A `literal8` (`~{n}`, RFC 3516), which may hold any octet.
        binary: bool,
    },
}

impl fmt::Debug for Fragment {
    /// `Line("A LOGIN {3}\r\n")` / `Literal(Sync, "abc")`: bytes escaped.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fragment::Line(l) => write!(f, "Line(\"{}\")", l.escape_ascii()),
            Fragment::Literal { data, mode, binary } => {
                let eight = if *binary { "8" } else { "" };
                write!(f, "Literal{eight}({mode:?}, \"{}\")", data.escape_ascii())
            }
        }
    }
}

/// How a literal is announced (RFC 3501 section 4.3, RFC 7888).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LiteralMode {
    /// `{n}`: the client waits for `+` before sending the bytes.
    Sync,
    /// `{n+}`: the bytes follow at once (LITERAL+, or LITERAL- up to 4096
    /// bytes).
    NonSync,
}

/// What the server allows, taken from its capabilities (RFC 7888, RFC
/// 3516, RFC 6855). The default allows nothing beyond RFC 3501.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct EncodeOptions {
    /// LITERAL+: every literal may be non-synchronising.
    pub literal_plus: bool,
    /// LITERAL- (implied by IMAP4rev2): literals up to 4096 bytes may be
    /// non-synchronising.
    pub literal_minus: bool,
    /// BINARY: `literal8` (`~{n}`) may carry NUL.
    pub binary: bool,
    /// UTF8=ACCEPT enabled (RFC 6855): UTF-8 text may go in quoted
    /// strings, mailbox names are sent in UTF-8.
    pub utf8: bool,
}

impl EncodeOptions {
    /// The options the server's capabilities allow. `utf8` stays off: it
    /// takes an `ENABLE UTF8=ACCEPT` first (RFC 6855 section 3).
    ///
    /// IMAP4rev2 gives LITERAL- (RFC 9051 Appendix E item 2) but not
    /// `binary`: it takes only the FETCH side of BINARY, not `literal8` in
    /// APPEND (Appendix B), so that needs BINARY itself.
    pub fn from_capabilities<'c>(caps: impl IntoIterator<Item = &'c Capability<'c>>) -> Self {
        let mut o = EncodeOptions::default();
        for cap in caps {
            o.literal_plus |= cap.is("LITERAL+");
            o.literal_minus |= cap.is("LITERAL-") || cap.is("IMAP4rev2");
            o.binary |= cap.is("BINARY");
        }
        o
    }

    /// These options with LITERAL+ set to `on`.
    pub fn with_literal_plus(mut self, on: bool) -> Self {
        self.literal_plus = on;
        self
    }

    /// These options with LITERAL- set to `on`.
    pub fn with_literal_minus(mut self, on: bool) -> Self {
        self.literal_minus = on;
        self
    }

    /// These options with BINARY set to `on`.
    pub fn with_binary(mut self, on: bool) -> Self {
        self.binary = on;
        self
    }

    /// These options with UTF8=ACCEPT set to `on`.
    pub fn with_utf8(mut self, on: bool) -> Self {
        self.utf8 = on;
        self
    }

    /// The mode of a literal of `len` bytes.
    fn mode_for(&self, len: usize) -> LiteralMode {
        match self.literal_plus || (self.literal_minus && len <= LITERAL_MINUS_MAX) {
            true => LiteralMode::NonSync,
            false => LiteralMode::Sync,
        }
    }
}

/// A value that can be written as a command argument. Every argument type
/// implements it; `#[derive(Command)]` calls it on each field in turn.
pub trait Encode {
    /// Writes `self` into `enc`; fails, writing nothing usable, when the
    /// value cannot be sent under `enc`'s options.
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError>;
}

/// The form a string takes on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    Atom,
    Quoted,
    Literal,
}

/// Builds one command as [`Fragment`]s. Methods chain; those that can
/// refuse their input return `Result<&mut Self, _>`, so `?` keeps the chain.
#[derive(Debug)]
pub struct Encoder {
    options: EncodeOptions,
    fragments: Vec<Fragment>,
    line: Vec<u8>,
}

impl Encoder {
    /// An empty command under `options`.
    pub fn new(options: EncodeOptions) -> Self {
        Encoder { options, fragments: Vec::new(), line: Vec::new() }
    }

    /// The options the encoder follows.
    pub fn options(&self) -> &EncodeOptions {
        &self.options
    }

    /// Writes `bytes` as they are: for the program's own tokens (a command
    /// name, a keyword, punctuation), never for data, which goes through
    /// [`Encoder::astring`] and friends. Fails on CR, LF and NUL, which
    /// would break the line.
    pub fn raw(&mut self, bytes: &[u8]) -> Result<&mut Self, ValidationError> {
        if let Some(index) = bytes.iter().position(|b| matches!(b, b'\r' | b'\n' | 0)) {
            return Err(ValidationError::byte("raw token", bytes[index], index));
        }
        self.line.extend_from_slice(bytes);
        Ok(self)
    }

    /// `SP`.
    pub fn sp(&mut self) -> &mut Self {
        self.line.push(b' ');
        self
    }

    /// `atom = 1*ATOM-CHAR`; fails when `atom` is empty or holds another byte.
    pub fn atom(&mut self, atom: &str) -> Result<&mut Self, ValidationError> {
        check_class("atom", atom.as_bytes(), is_atom_char)?;
        self.line.extend_from_slice(atom.as_bytes());
        Ok(self)
    }

    /// `number` / `number64`, in decimal.
    pub fn number(&mut self, n: u64) -> &mut Self {
        self.line.extend_from_slice(n.to_string().as_bytes());
        self
    }

    /// `astring = 1*ASTRING-CHAR / string`: an atom when it can be, else a
    /// string. Fails on NUL.
    pub fn astring(&mut self, s: &[u8]) -> Result<&mut Self, ValidationError> {
        let form = self.form("astring", s, true)?;
        self.write_as(form, s)
    }

    /// `string = quoted / literal`, never an atom. Fails on NUL.
    pub fn string(&mut self, s: &[u8]) -> Result<&mut Self, ValidationError> {
        let form = self.form("string", s, false)?;
        self.write_as(form, s)
    }

    /// `nstring = string / nil`: `None` is `NIL`.
    pub fn nstring(&mut self, s: Option<&[u8]>) -> Result<&mut Self, ValidationError> {
        match s {
            Some(s) => self.string(s),
            None => Ok(self.nil()),
        }
    }

    /// `nil = "NIL"`.
    pub fn nil(&mut self) -> &mut Self {
        self.line.extend_from_slice(b"NIL");
        self
    }

    /// `s` as a literal whatever its content (for passwords, message
    /// bodies), in the mode the options allow. Fails on NUL.
    pub fn literal(&mut self, s: &[u8]) -> Result<&mut Self, ValidationError> {
        refuse_nul("literal", s)?;
        let mode = self.options.mode_for(s.len());
        Ok(self.push_literal(s, mode, false))
    }

    /// `literal8 = "~{" number ["+"] "}" CRLF *OCTET` (RFC 3516, RFC 4466):
    /// may hold NUL under BINARY; under UTF8=ACCEPT alone it may be sent
    /// without NUL (RFC 6855 section 4); fails otherwise.
    pub fn literal8(&mut self, s: &[u8]) -> Result<&mut Self, ValidationError> {
        self.check_literal8(s)?;
        let mode = self.options.mode_for(s.len());
        Ok(self.push_literal(s, mode, true))
    }

    /// A `literal8` needs BINARY, or UTF8=ACCEPT for APPEND's `UTF8
    /// (~{n})` (RFC 6855 section 4); only BINARY lets it hold NUL.
    fn check_literal8(&self, s: &[u8]) -> Result<(), ValidationError> {
        if !self.options.binary && !self.options.utf8 {
            return Err(ValidationError::other("literal8", "the server does not advertise BINARY"));
        }
        if !self.options.binary {
            refuse_nul("literal8", s)?;
        }
        Ok(())
    }

    /// A literal in exactly the given mode; fails when `mode` is
    /// [`LiteralMode::NonSync`] and the options do not allow it for this
    /// length, or when a non-binary literal holds NUL.
    pub fn literal_with(
        &mut self,
        s: &[u8],
        mode: LiteralMode,
        binary: bool,
    ) -> Result<&mut Self, ValidationError> {
        if mode == LiteralMode::NonSync && self.options.mode_for(s.len()) != LiteralMode::NonSync {
            return Err(ValidationError::other("literal", "the server does not allow {n+} for this length"));
        }
        if binary {
            self.check_literal8(s)?;
        } else {
            refuse_nul("literal", s)?;
        }
        Ok(self.push_literal(s, mode, binary))
    }

    /// `mailbox`: `INBOX` for any case of it, else the name as an astring,
    /// in modified UTF-7, or in UTF-8 when UTF8=ACCEPT is on.
    pub fn mailbox(&mut self, mailbox: &Mailbox<'_>) -> Result<&mut Self, ValidationError> {
        let wire = mailbox.wire_for(self.options.utf8);
        self.astring(&wire)
    }

    /// `sequence-set`, such as `1:3,6:*`, or `$`.
    pub fn sequence_set(&mut self, set: &SequenceSet) -> &mut Self {
        self.line.extend_from_slice(set.to_string().as_bytes());
        self
    }

    /// `value` by its own [`Encode`].
    pub fn encode<T: Encode + ?Sized>(&mut self, value: &T) -> Result<&mut Self, ValidationError> {
        value.encode(self)?;
        Ok(self)
    }

    /// `"(" [item *(SP item)] ")"`.
    pub fn list<I>(&mut self, items: I) -> Result<&mut Self, ValidationError>
    where
        I: IntoIterator,
        I::Item: Encode,
    {
        self.line.push(b'(');
        self.separated(items)?;
        self.line.push(b')');
        Ok(self)
    }

    /// `item *(SP item)`, without parentheses.
    pub fn separated<I>(&mut self, items: I) -> Result<&mut Self, ValidationError>
    where
        I: IntoIterator,
        I::Item: Encode,
    {
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                self.sp();
            }
            item.encode(self)?;
        }
        Ok(self)
    }

    /// Ends the command with CRLF and returns its fragments.
    pub fn finish(mut self) -> Vec<Fragment> {
        self.line.extend_from_slice(b"\r\n");
        self.fragments.push(Fragment::Line(self.line));
        self.fragments
    }

    /// The form `s` takes: NUL refused; empty quoted; long, CR/LF and
    /// 8-bit (unless UTF-8 is allowed) as a literal.
    fn form(&self, what: &'static str, s: &[u8], atom_ok: bool) -> Result<Form, ValidationError> {
        refuse_nul(what, s)?;
        Ok(match s {
            [] => Form::Quoted,
            _ if s.len() > MAX_INLINE => Form::Literal,
            _ if atom_ok && s.iter().all(|b| is_astring_char(*b)) => Form::Atom,
            _ if s.iter().all(|b| (0x20..0x7f).contains(b)) => Form::Quoted,
            _ if self.options.utf8 && is_printable_utf8(s) => Form::Quoted,
            _ => Form::Literal,
        })
    }

    fn write_as(&mut self, form: Form, s: &[u8]) -> Result<&mut Self, ValidationError> {
        match form {
            Form::Atom => self.line.extend_from_slice(s),
            Form::Quoted => self.quoted(s),
            Form::Literal => return self.literal(s),
        }
        Ok(self)
    }

    /// `quoted = DQUOTE *QUOTED-CHAR DQUOTE`, escaping `"` and `\`.
    fn quoted(&mut self, s: &[u8]) {
        self.line.push(b'"');
        for &b in s {
            if b == b'"' || b == b'\\' {
                self.line.push(b'\\');
            }
            self.line.push(b);
        }
        self.line.push(b'"');
    }

    /// Ends the current line with the announcement and CRLF, then adds the
    /// literal's bytes.
    fn push_literal(&mut self, s: &[u8], mode: LiteralMode, binary: bool) -> &mut Self {
        let plus = if mode == LiteralMode::NonSync { "+" } else { "" };
        let tilde = if binary { "~" } else { "" };
        self.line.extend_from_slice(format!("{tilde}{{{}{plus}}}\r\n", s.len()).as_bytes());
        self.fragments.push(Fragment::Line(std::mem::take(&mut self.line)));
        self.fragments.push(Fragment::Literal { data: s.to_vec(), mode, binary });
        self
    }
}

/// Valid UTF-8 without control characters (RFC 9051 `QUOTED-CHAR` with
/// `UTF8-2` to `UTF8-4`).
fn is_printable_utf8(s: &[u8]) -> bool {
    std::str::from_utf8(s).is_ok_and(|t| !t.chars().any(char::is_control))
}

/// The fragments as one line of text for `Display`: the final CRLF left
/// out, literals written as their announcement line followed by their
/// escaped bytes.
pub(crate) fn fragments_text(fragments: &[Fragment]) -> String {
    let mut text = String::new();
    for fragment in fragments {
        match fragment {
            Fragment::Line(l) => {
                text.extend(l.strip_suffix(b"\r\n").unwrap_or(l).escape_ascii().map(char::from))
            }
            Fragment::Literal { data, .. } => text.extend(data.escape_ascii().map(char::from)),
        }
    }
    text
}
