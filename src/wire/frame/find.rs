//! Finding the first of a few given bytes in a short run of bytes, eight
//! bytes at a time (SWAR: SIMD within a register), without `unsafe`.
//!
//! `memchr` is the tool for long runs; on the short distances between the
//! special bytes of IMAP metadata (a `"`, `(` or `)` every few bytes) its
//! per-call cost dominates, and this plain-Rust search is cheaper.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The offset of the first byte of `bytes` that is one of `set`.
pub(crate) fn first_of<const N: usize>(bytes: &[u8], set: [u8; N]) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    for (i, chunk) in chunks.by_ref().enumerate() {
        let word = u64::from_le_bytes(chunk.try_into().ok()?);
        let found = matches(word, set);
        if found != 0 {
            return Some(i * 8 + found.trailing_zeros() as usize / 8);
        }
    }
    let rest = chunks.remainder();
    let at = rest.iter().position(|b| set.contains(b))?;
    Some(bytes.len() - rest.len() + at)
}

/// The offset of the first byte of `bytes` that may end or interrupt the
/// plain run of a quoted string: `"`, `\`, or a byte below 0x0E (CR, LF,
/// and the rare other controls, which the caller looks at again).
///
/// Three tests a word instead of the four of `first_of(bytes, [b'"',
/// b'\\', b'\r', b'\n'])`, and whole words while eight bytes remain, so
/// the bytes after a short string are read instead of a byte-by-byte
/// remainder loop (the content of quoted strings is most of the bytes of
/// FETCH metadata).
#[inline]
pub(crate) fn first_quoted_special(bytes: &[u8]) -> Option<usize> {
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().ok()?);
        let found = matches(word, [b'"', b'\\']) | below(word, 0x0e);
        if found != 0 {
            return Some(at + found.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    let rest = &bytes[at..];
    rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x0e).map(|i| at + i)
}

/// The high bit of each byte of `word` below `limit` (at most 0x80), and
/// possibly of bytes above such a byte (a borrow), as in [`matches()`].
fn below(word: u64, limit: u8) -> u64 {
    word.wrapping_sub(ONES * u64::from(limit)) & !word & HIGH
}

/// The high bit of each byte of `word` that is one of `set`, and possibly
/// of bytes above such a byte: a byte equal to `c` is a zero byte of
/// `word ^ c`, and `(x - 0x01..) & !x & 0x80..` flags zero bytes, where a
/// borrow can flag only bytes above a true zero. So the lowest flag is
/// exact, which is all [`first_of`] uses.
fn matches<const N: usize>(word: u64, set: [u8; N]) -> u64 {
    set.iter().fold(0, |acc, &c| {
        let x = word ^ (ONES * u64::from(c));
        acc | (x.wrapping_sub(ONES) & !x & HIGH)
    })
}

#[cfg(test)]
mod tests {
    use super::{first_of, first_quoted_special};

    #[test]
    fn finds_the_first_byte_of_the_set_at_every_offset() {
        for len in 0..40 {
            for special in [b'"', b'\\', b'(', 0x80, 0xff] {
                let mut bytes = vec![b'a'; len];
                bytes.push(special);
                bytes.extend_from_slice(b"\"\\((");
                assert_eq!(first_of(&bytes, [b'"', b'\\', b'(', 0x80, 0xff]), Some(len), "{len} {special}");
            }
            assert_eq!(first_of(&vec![b'a'; len], [b'"']), None);
        }
    }

    #[test]
    fn quoted_specials_are_found_at_every_offset() {
        for len in 0..40 {
            for special in [b'"', b'\\', b'\r', b'\n', 0x00, 0x09, 0x0d] {
                let mut bytes = vec![b'a'; len];
                bytes.push(special);
                bytes.extend_from_slice(b"\"\\\r\n");
                assert_eq!(first_quoted_special(&bytes), Some(len), "{len} {special}");
            }
            // 0x0e and up, 8-bit bytes included, are plain.
            let plain: Vec<u8> =
                (0..len).map(|i| [0x0e, b'!', b'#', b'[', b']', 0x7f, 0x80, 0xff][i % 8]).collect();
            assert_eq!(first_quoted_special(&plain), None, "{len}");
        }
    }

    #[test]
    fn bytes_next_to_the_set_are_not_found() {
        // 0x21 and 0x23 differ from `"` (0x22) by one: no borrow mix-up.
        assert_eq!(first_of(b"!#!#!#!#!#\"", [b'"']), Some(10));
        assert_eq!(first_of(&[0x01, 0x00, 0x02, 0x00, 0x22, 0, 0, 0, 0], [0x00]), Some(1));
    }
}
