//! [`Secret`]: a password or token that never shows in `Debug` output and
//! is overwritten when dropped.

use std::fmt;

/// A credential (password, OAuth token) held by an [`Authenticator`].
///
/// Its `Debug` prints `Secret(<redacted>)` in every build, debug and
/// release alike, so neither a `{:?}` of a mechanism nor a log line that
/// includes one can leak it. When dropped, the bytes it owns are
/// overwritten with zeros (see [`Wipe`]).
///
/// Security note (RFC 4422 section 9, RFC 4616 section 5): this protects
/// against accidental disclosure through logs and stale memory, not against
/// an attacker who can read the process's memory while the secret is alive.
///
/// ```
/// use typed_imap::auth::Secret;
///
/// let password = Secret::new(String::from("hunter2"));
/// assert_eq!(format!("{password:?}"), "Secret(<redacted>)");
/// assert_eq!(password.expose(), "hunter2");
/// ```
///
/// [`Authenticator`]: super::Authenticator
pub struct Secret<T: Wipe>(T);

impl<T: Wipe> Secret<T> {
    /// Wraps `value`. The caller's value is moved in, not copied.
    pub fn new(value: T) -> Self {
        Secret(value)
    }

    /// The secret itself, for the code that has to put it on the wire.
    pub fn expose(&self) -> &T {
        &self.0
    }
}

impl<T: Wipe> From<T> for Secret<T> {
    fn from(value: T) -> Self {
        Secret(value)
    }
}

/// So constructors that take `impl Into<Secret<String>>` accept a `&str`.
impl From<&str> for Secret<String> {
    fn from(value: &str) -> Self {
        Secret(value.to_owned())
    }
}

/// So constructors that take `impl Into<Secret<Vec<u8>>>` accept a `&[u8]`.
impl From<&[u8]> for Secret<Vec<u8>> {
    fn from(value: &[u8]) -> Self {
        Secret(value.to_vec())
    }
}

impl<T: Wipe + Clone> Clone for Secret<T> {
    fn clone(&self) -> Self {
        Secret(self.0.clone())
    }
}

impl<T: Wipe> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl<T: Wipe> Drop for Secret<T> {
    fn drop(&mut self) {
        self.0.wipe();
    }
}

/// A value whose bytes can be overwritten in place before it is freed.
///
/// Implemented for `String` and `Vec<u8>` in safe code, without an extra
/// crate: the whole allocation (spare capacity included) is filled with
/// zeros, then passed through [`std::hint::black_box`] so the compiler
/// cannot drop the writes as dead stores. This is best effort: copies the
/// value left behind before it was wrapped (a `String` that grew and was
/// reallocated, a clone the caller kept) are not reached.
pub trait Wipe {
    /// Overwrites every byte the value owns; the value is left empty.
    fn wipe(&mut self);
}

impl Wipe for Vec<u8> {
    fn wipe(&mut self) {
        let capacity = self.capacity();
        self.clear();
        // Within capacity, so no reallocation: the old bytes are overwritten
        // in place.
        self.resize(capacity, 0);
        std::hint::black_box(self.as_slice());
        self.clear();
    }
}

impl Wipe for String {
    fn wipe(&mut self) {
        // `into_bytes` keeps the allocation, so the wipe reaches the text.
        std::mem::take(self).into_bytes().wipe();
    }
}

/// Joins `parts` into one vector allocated at its final size, so a message
/// that holds a secret is never reallocated and leaves no partial copy
/// behind in freed memory.
pub(crate) fn concat(parts: &[&[u8]]) -> Vec<u8> {
    let mut message = Vec::with_capacity(parts.iter().map(|part| part.len()).sum());
    for part in parts {
        message.extend_from_slice(part);
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wipe_zeroes_vec_and_leaves_it_empty() {
        let mut bytes = b"hunter2".to_vec();
        bytes.wipe();
        assert!(bytes.is_empty());
        // Wiped in place: the allocation was kept, not swapped for a new one.
        assert!(bytes.capacity() >= 7);
    }

    #[test]
    fn wipe_empties_string() {
        let mut text = String::from("hunter2");
        text.wipe();
        assert_eq!(text, "");
    }

    #[test]
    fn concat_allocates_once() {
        let message = concat(&[b"user", b"\0", b"pass"]);
        assert_eq!(message, b"user\0pass");
        assert_eq!(message.capacity(), message.len());
    }

    #[test]
    fn debug_is_redacted() {
        let secret = Secret::new(b"hunter2".to_vec());
        assert_eq!(format!("{secret:?}"), "Secret(<redacted>)");
        assert_eq!(format!("{secret:#?}"), "Secret(<redacted>)");
    }
}
