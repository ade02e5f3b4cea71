//! ID (RFC 2971 sections 3.1 and 4).
//!
//! ```text
//! id             = "ID" SP id-params-list
//! id-params-list = "(" *(string SP nstring) ")" / nil
//! ```

use crate::Command;
use crate::Error;
use crate::types::chars::refuse_nul;
use crate::types::{Data, IdParam, Response, Status, ValidationError};
use crate::wire::encode::{Encode, Encoder};

/// Longest field name (RFC 2971 section 3.3).
const MAX_KEY: usize = 30;
/// Longest field value (RFC 2971 section 3.3).
const MAX_VALUE: usize = 1024;
/// Most fields (RFC 2971 section 3.3).
const MAX_FIELDS: usize = 30;

/// ID: tells the server who the client is and asks who the server is.
/// Needs ID; valid in every state.
///
/// The answer is the server's fields, `None` for `ID NIL`; no `* ID` line
/// at all gives [`Error::Decode`].
///
/// ```
/// use typed_imap::command::{Command, Id};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
///
/// let cmd = Id::new([("name", Some("typed-imap")), ("os", None)]).unwrap();
/// let mut enc = Encoder::new(EncodeOptions::default());
/// cmd.encode_args(&mut enc).unwrap();
/// assert_eq!(enc.finish(), [Fragment::Line(b" (\"name\" \"typed-imap\" \"os\" NIL)\r\n".to_vec())]);
/// ```
#[derive(Debug, Clone, PartialEq, Default, Command)]
#[imap(command = "ID", state = "any", capability = "ID", collect = "ID", output = Option<Vec<IdParam<'static>>>, decode = decode_id)]
pub struct Id {
    /// The client's fields.
    pub params: IdParams,
}

impl Id {
    /// `ID NIL`: the client says nothing about itself.
    pub fn nil() -> Self {
        Id { params: IdParams(None) }
    }

    /// `ID ("key" "value" ...)`; fails on NUL, a name over 30 octets, a
    /// value over 1024 octets or more than 30 fields (RFC 2971 section 3.3).
    pub fn new<'k>(
        fields: impl IntoIterator<Item = (&'k str, Option<&'k str>)>,
    ) -> Result<Self, ValidationError> {
        IdParams::new(fields).map(|params| Id { params })
    }
}

/// `id-params-list`: the client's fields, or `NIL` (the default).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IdParams(Option<Vec<(String, Option<String>)>>);

impl IdParams {
    /// The fields, checked as [`Id::new`] says.
    pub fn new<'k>(
        fields: impl IntoIterator<Item = (&'k str, Option<&'k str>)>,
    ) -> Result<Self, ValidationError> {
        let fields: Vec<_> = fields.into_iter().map(|(k, v)| (k.to_owned(), v.map(str::to_owned))).collect();
        if fields.len() > MAX_FIELDS {
            return Err(ValidationError::other("ID", "more than 30 fields"));
        }
        for (key, value) in &fields {
            check_len("ID field name", key, MAX_KEY)?;
            value.as_deref().map_or(Ok(()), |v| check_len("ID field value", v, MAX_VALUE))?;
        }
        Ok(IdParams(Some(fields)))
    }

    /// The fields, `None` for `NIL`.
    pub fn fields(&self) -> Option<&[(String, Option<String>)]> {
        self.0.as_deref()
    }
}

/// Fails on NUL or when `s` is longer than `max` octets.
fn check_len(what: &'static str, s: &str, max: usize) -> Result<(), ValidationError> {
    refuse_nul(what, s.as_bytes())?;
    match s.len() > max {
        true => Err(ValidationError::other(what, "too long (RFC 2971 section 3.3)")),
        false => Ok(()),
    }
}

/// `"(" *(string SP nstring) ")" / nil`: names and values are always
/// strings, never atoms.
impl Encode for IdParams {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        let Some(fields) = &self.0 else {
            enc.nil();
            return Ok(());
        };
        enc.raw(b"(")?;
        for (i, (key, value)) in fields.iter().enumerate() {
            if i > 0 {
                enc.sp();
            }
            enc.string(key.as_bytes())?.sp().nstring(value.as_deref().map(str::as_bytes))?;
        }
        enc.raw(b")").map(drop)
    }
}

/// The server's parameters; none when it sent no `* ID` line at all (Cyrus
/// answers a second ID with a bare tagged OK), as for `* ID NIL`.
fn decode_id(
    _: &Id,
    collected: Vec<Response<'static>>,
    _: &Status<'static>,
) -> Result<Option<Vec<IdParam<'static>>>, Error> {
    Ok(collected.into_iter().rev().find_map(|r| match r {
        Response::Data(Data::Id(params)) => params,
        _ => None,
    }))
}
