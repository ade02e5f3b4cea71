//! Case-insensitive keyword dispatch without allocating: the word is
//! copied, upper-cased, into a small buffer on the stack and matched
//! against byte-string patterns.

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

#[cfg(test)]
mod tests {
    use super::Upper;

    #[test]
    fn upper_cases_short_words_and_drops_long_ones() {
        assert_eq!(Upper::new(b"exists").as_bytes(), b"EXISTS");
        assert_eq!(Upper::new(b"Read-Write").as_bytes(), b"READ-WRITE");
        assert_eq!(Upper::new(&[b'A'; 25]).as_bytes(), b"");
    }
}
