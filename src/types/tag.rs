//! `tag = 1*<any ASTRING-CHAR except "+">` (RFC 3501 section 9).

use std::borrow::Cow;
use std::fmt;

use super::ValidationError;
use super::chars::{check_class, is_tag_char};
use crate::wire::encode::{Encode, Encoder};

/// A command tag, such as `A001`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Tag<'a>(Cow<'a, str>);

impl<'a> Tag<'a> {
    /// Checks that `value` is a non-empty run of tag characters.
    pub fn new(value: impl Into<Cow<'a, str>>) -> Result<Self, ValidationError> {
        let value = value.into();
        check_class("tag", value.as_bytes(), is_tag_char)?;
        Ok(Tag(value))
    }

    /// A tag as the server sent it (already checked by the parser).
    pub(crate) fn from_wire(value: Cow<'a, str>) -> Self {
        Tag(value)
    }

    /// The tag's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Detaches the value from the buffer it borrows from.
    pub fn into_owned(self) -> Tag<'static> {
        Tag(Cow::Owned(self.0.into_owned()))
    }
}

impl fmt::Debug for Tag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Tag({:?})", self.0)
    }
}

impl fmt::Display for Tag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `tag`, as it is.
impl Encode for Tag<'_> {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        check_class("tag", self.0.as_bytes(), is_tag_char)?;
        enc.raw(self.0.as_bytes()).map(drop)
    }
}
