//! Case-insensitive keyword dispatch without allocating: the word is
//! copied, upper-cased, into a small buffer on the stack and matched
//! against byte-string patterns ([`Upper`]), or, for names of letters
//! only, folded into one integer matched against constants
//! ([`letters_key`]).

/// The longest keyword any dispatcher matches (`AUTHENTICATIONFAILED` is
/// 20 bytes).
const MAX_KEYWORD: usize = 24;

/// A word in ASCII upper case, or empty when it is too long to be a
/// keyword.
pub(crate) struct Upper {
    buf: [u8; MAX_KEYWORD],
    len: usize,
}

impl Upper {
    /// `word` in upper case.
    pub(crate) fn new(word: &[u8]) -> Self {
        let mut buf = [0; MAX_KEYWORD];
        let len = if word.len() <= MAX_KEYWORD { word.len() } else { 0 };
        for (to, from) in buf.iter_mut().zip(&word[..len]) {
            *to = from.to_ascii_uppercase();
        }
        Upper { buf, len }
    }

    /// The upper-cased bytes.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// A case-insensitive key of a name of at most 16 ASCII letters, for
/// matching it against known names (`match key(name) { k if k ==
/// key(b"Seen") => .. }`): each byte is folded to lower case with `| 0x20`,
/// in one integer, padded with zeros. `None` for a longer name.
///
/// Two names have the same key exactly when they have the same length and
/// agree byte by byte up to case, provided one of them is made of letters
/// only: `b | 0x20` is a lower-case letter only when `b` is a letter, and
/// never 0. Copying the name to the stack and upper-casing it byte by byte
/// before a `match` on byte strings cost more than twice as much
/// (callgrind, 79 LIST attributes: 12.0K -> 5.3K instructions).
pub(crate) const fn letters_key(name: &[u8]) -> Option<u128> {
    if name.len() > 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    let mut i = 0;
    while i < name.len() {
        buf[i] = name[i] | 0x20;
        i += 1;
    }
    Some(u128::from_le_bytes(buf))
}

/// [`letters_key`] of a known name, for the constants matched against;
/// compile time only (a name too long is a build error).
pub(crate) const fn key(name: &[u8]) -> u128 {
    match letters_key(name) {
        Some(key) => key,
        None => panic!("a known name has at most 16 bytes"),
    }
}

/// [`letters_key`] of `bytes[..len]`, the name at the start of the rest of
/// a response: when `bytes` has 16 bytes, they are read as one integer
/// and the bytes past the name masked off, instead of copying the name
/// byte by byte (callgrind: about 60 -> 12 instructions a name).
/// `#[inline]` into the dispatch and flag parsers of other codegen units
/// (500 small responses: 624K -> 619K).
#[inline]
pub(crate) fn letters_key_at(bytes: &[u8], len: usize) -> Option<u128> {
    if len > 16 {
        return None;
    }
    let Some(word) = bytes.get(..16).and_then(|w| <[u8; 16]>::try_from(w).ok()) else {
        return letters_key(bytes.get(..len)?);
    };
    // `len` bytes of ones; none for an empty name (a shift by 128 bits).
    let name_bits = u128::MAX.checked_shr(8 * (16 - len as u32)).unwrap_or(0);
    Some((u128::from_le_bytes(word) | u128::from_le_bytes([0x20; 16])) & name_bits)
}

#[cfg(test)]
mod tests {
    use super::{Upper, letters_key, letters_key_at};

    #[test]
    fn upper_cases_short_words_and_drops_long_ones() {
        assert_eq!(Upper::new(b"exists").as_bytes(), b"EXISTS");
        assert_eq!(Upper::new(b"Read-Write").as_bytes(), b"READ-WRITE");
        assert_eq!(Upper::new(&[b'A'; 25]).as_bytes(), b"");
    }

    #[test]
    fn letters_key_at_reads_the_name_in_its_window() {
        let text = b"HasNoChildren \\Sent) \"/\" INBOX\r\n";
        for len in 0..=17 {
            let name = &text[..len.min(text.len())];
            assert_eq!(letters_key_at(text, len), letters_key(name), "len {len}");
            assert_eq!(letters_key_at(name, len), letters_key(name), "short window, len {len}");
        }
        assert_eq!(letters_key(b"hasnochildren"), letters_key(b"HASNOCHILDREN"));
        assert_ne!(letters_key(b"Sent"), letters_key(b"Sent1"));
        assert_ne!(letters_key(b""), letters_key(b" "));
    }
}
