//! `Raw`: any command, by name and typed arguments; imaplib's `xatom`
//! and `_simple_command`.

use super::{Command, States};
use crate::Error;
use crate::types::{AString, Atom, Flag, Literal, Mailbox, Response, SequenceSet, Status, ValidationError};
use crate::wire::encode::{Encode, Encoder};

/// A command the library does not define: a name and a list of typed
/// arguments, each encoded by its own type, so no argument can end the
/// line and inject another command. The output is the tagged status and
/// every untagged response that arrived meanwhile, like imaplib's
/// `(typ, data)`.
///
/// Allowed in every state, with no capability check: the caller decides
/// (conformance item 40). For a command used more than once, declare it
/// with `#[derive(Command)]` instead and get a typed output.
///
/// ```
/// use typed_imap::command::{Command, Raw, RawArg};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder};
///
/// // imaplib: xatom("ID", '("name" "x")')
/// let id = Raw::new("ID", vec![RawArg::List(vec![RawArg::string("name")?, RawArg::string("x")?])])?;
/// let mut enc = Encoder::new(EncodeOptions::default());
/// id.encode_args(&mut enc)?;
/// assert_eq!(id.name(), "ID");
/// assert_eq!(format!("{:?}", enc.finish()), r#"[Line(" (\"name\" \"x\")\r\n")]"#);
/// # Ok::<(), typed_imap::types::ValidationError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raw {
    /// The command's name, an atom.
    pub name: Atom<'static>,
    /// The arguments, in order, each sent after a space.
    pub args: Vec<RawArg>,
}

impl Raw {
    /// The command `name` with `args`; fails when `name` is not an atom.
    pub fn new(name: &str, args: Vec<RawArg>) -> Result<Self, ValidationError> {
        Ok(Raw { name: Atom::new(name.to_owned())?, args })
    }
}

/// One argument of a [`Raw`] command, in the form its variant says.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RawArg {
    /// `atom`, as it is (checked when built and when sent).
    Atom(Atom<'static>),
    /// `astring`: an atom when it can be, else quoted or a literal.
    AString(AString<'static>),
    /// `string`: quoted, or a literal when it holds CR, LF or 8-bit bytes;
    /// never an atom. NUL is refused when sent.
    String(Vec<u8>),
    /// A literal whatever the bytes.
    Literal(Literal<'static>),
    /// `NIL`.
    Nil,
    /// `number64`.
    Number(u64),
    /// `sequence-set`, such as `1:5,7`.
    SequenceSet(SequenceSet),
    /// `mailbox`, in modified UTF-7 (or UTF-8 under UTF8=ACCEPT).
    Mailbox(Mailbox<'static>),
    /// `flag`, such as `\Seen`.
    Flag(Flag<'static>),
    /// `"(" [arg *(SP arg)] ")"`.
    List(Vec<RawArg>),
}

impl RawArg {
    /// An atom; fails on a byte that is not an `ATOM-CHAR`.
    pub fn atom(text: &str) -> Result<Self, ValidationError> {
        Atom::new(text.to_owned()).map(RawArg::Atom)
    }

    /// An astring; fails on NUL.
    pub fn astring(text: &str) -> Result<Self, ValidationError> {
        AString::new(text.as_bytes().to_vec()).map(RawArg::AString)
    }

    /// A string (quoted or literal); fails on NUL.
    pub fn string(text: impl Into<Vec<u8>>) -> Result<Self, ValidationError> {
        let bytes = text.into();
        crate::types::chars::refuse_nul("string", &bytes)?;
        Ok(RawArg::String(bytes))
    }

    /// A literal; fails on NUL.
    pub fn literal(bytes: impl Into<Vec<u8>>) -> Result<Self, ValidationError> {
        Literal::new(bytes.into()).map(RawArg::Literal)
    }

    /// A mailbox name; fails on NUL.
    pub fn mailbox(name: &str) -> Result<Self, ValidationError> {
        Mailbox::new(name).map(RawArg::Mailbox)
    }
}

impl Encode for RawArg {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        match self {
            RawArg::Atom(a) => a.encode(enc),
            RawArg::AString(s) => s.encode(enc),
            RawArg::String(s) => enc.string(s).map(drop),
            RawArg::Literal(l) => l.encode(enc),
            RawArg::Nil => {
                enc.nil();
                Ok(())
            }
            RawArg::Number(n) => n.encode(enc),
            RawArg::SequenceSet(s) => s.encode(enc),
            RawArg::Mailbox(m) => m.encode(enc),
            RawArg::Flag(f) => f.encode(enc),
            RawArg::List(items) => enc.list(items).map(drop),
        }
    }
}

/// What a [`Raw`] command gives: imaplib's `(typ, data)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawOutput {
    /// The tagged status: its `kind` is imaplib's `typ`.
    pub status: Status<'static>,
    /// Every untagged response that arrived while the command ran, in
    /// order.
    pub untagged: Vec<Response<'static>>,
}

impl Command for Raw {
    type Output = RawOutput;

    fn name(&self) -> &str {
        self.name.as_str()
    }

    fn states(&self) -> States {
        States::ANY
    }

    fn encode_args(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        self.args.iter().try_for_each(|arg| enc.sp().encode(arg).map(drop))
    }

    /// Every untagged response, data or status; not continuation requests.
    fn collects(&self, response: &Response<'_>) -> bool {
        !matches!(response, Response::Continue(_))
    }

    fn decode(&self, collected: Vec<Response<'static>>, done: &Status<'static>) -> Result<RawOutput, Error> {
        Ok(RawOutput { status: done.clone(), untagged: collected })
    }
}
