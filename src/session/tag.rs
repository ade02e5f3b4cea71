//! Command tags as imaplib makes them (conformance items 16 and 108).

use std::hash::{BuildHasher, Hasher};

/// Makes unique tags: a random prefix of four letters from `A`-`P` (the
/// first from `B`-`P`), then a decimal counter from 0 with no padding:
/// `KDCB0`, `KDCB1`, ..., `KDCB10`.
#[derive(Clone, Debug)]
pub struct TagGenerator {
    prefix: String,
    next: u64,
}

impl TagGenerator {
    /// A generator with a random prefix. The randomness comes from the
    /// standard library's per-process hash keys; tags need to differ
    /// between connections, not to be secret.
    pub fn new() -> Self {
        let random = std::hash::RandomState::new().build_hasher().finish();
        let n = 4096 + (random % (65536 - 4096)) as u32;
        TagGenerator::with_prefix(int_to_ap(n))
    }

    /// A generator with a fixed prefix (for tests and transcripts).
    pub fn with_prefix(prefix: impl Into<String>) -> Self {
        TagGenerator { prefix: prefix.into(), next: 0 }
    }

    /// The next tag.
    pub fn next_tag(&mut self) -> String {
        let tag = format!("{}{}", self.prefix, self.next);
        self.next += 1;
        tag
    }
}

impl Default for TagGenerator {
    fn default() -> Self {
        TagGenerator::new()
    }
}

/// imaplib's `Int2AP`: `n` in base 16 with the digits `A`-`P`, most
/// significant first; `0` gives the empty string.
pub fn int_to_ap(mut n: u32) -> String {
    const DIGITS: &[u8; 16] = b"ABCDEFGHIJKLMNOP";
    let mut out = Vec::new();
    while n > 0 {
        out.push(DIGITS[(n % 16) as usize]);
        n /= 16;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c16_tags_count_from_zero_without_padding() {
        let mut g = TagGenerator::with_prefix("KDCB");
        let tags: Vec<String> = (0..11).map(|_| g.next_tag()).collect();
        assert_eq!(tags[0], "KDCB0");
        assert_eq!(tags[9], "KDCB9");
        assert_eq!(tags[10], "KDCB10");
    }

    #[test]
    fn c16_random_prefix_is_four_letters_first_b_to_p() {
        for _ in 0..200 {
            let tag = TagGenerator::new().next_tag();
            let (prefix, counter) = tag.split_at(4);
            assert_eq!(counter, "0");
            assert!(prefix.bytes().all(|b| (b'A'..=b'P').contains(&b)), "{prefix}");
            assert!((b'B'..=b'P').contains(&prefix.as_bytes()[0]), "{prefix}");
        }
    }
}
