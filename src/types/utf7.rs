//! Modified UTF-7 (RFC 3501 section 5.1.3), the encoding of mailbox names
//! on the wire when UTF8=ACCEPT is not in force.
//!
//! Printable US-ASCII except `&` stands for itself, `&` is `&-`, and any
//! other run of characters is `&`, the modified base64 (`,` for `/`, no
//! padding) of its UTF-16BE code units, and `-`.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

/// Encodes `name` in modified UTF-7.
pub(crate) fn encode(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut run: Vec<u16> = Vec::new();
    for c in name.chars() {
        if (' '..='~').contains(&c) {
            flush(&mut run, &mut out);
            out.push(c);
            if c == '&' {
                out.push('-');
            }
        } else {
            run.extend_from_slice(c.encode_utf16(&mut [0; 2]));
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Writes a pending run of UTF-16 units as `&base64-` and empties it.
fn flush(run: &mut Vec<u16>, out: &mut String) {
    if run.is_empty() {
        return;
    }
    let bytes: Vec<u8> = run.drain(..).flat_map(u16::to_be_bytes).collect();
    out.push('&');
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, b)| acc | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 0x3f) as usize]));
        }
    }
    out.push('-');
}

/// Decodes modified UTF-7; `None` when `wire` is not valid modified UTF-7
/// (a byte outside printable ASCII, a bad base64 run, broken UTF-16).
pub(crate) fn decode(wire: &[u8]) -> Option<String> {
    let mut out = String::with_capacity(wire.len());
    let mut rest = wire;
    while let Some((&b, tail)) = rest.split_first() {
        if !(0x20..=0x7e).contains(&b) {
            return None;
        }
        if b != b'&' {
            out.push(char::from(b));
            rest = tail;
            continue;
        }
        let end = tail.iter().position(|&c| c == b'-')?;
        if end == 0 {
            out.push('&');
        } else {
            out.push_str(&decode_run(&tail[..end])?);
        }
        rest = &tail[end + 1..];
    }
    Some(out)
}

/// Decodes the modified base64 between `&` and `-`.
fn decode_run(run: &[u8]) -> Option<String> {
    let mut bytes = Vec::with_capacity(run.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in run {
        let v = ALPHABET.iter().position(|&a| a == c)? as u32;
        acc = (acc << 6 | v) & 0xffff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((acc >> bits) as u8);
        }
    }
    // Leftover bits must be padding: fewer than 6, all zero.
    if bits >= 6 || acc & ((1 << bits) - 1) != 0 || bytes.len() % 2 != 0 {
        return None;
    }
    let units = bytes.chunks(2).map(|p| u16::from_be_bytes([p[0], p[1]]));
    char::decode_utf16(units).collect::<Result<String, _>>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_3501_examples() {
        assert_eq!(encode("~peter/mail/台北/日本語"), "~peter/mail/&U,BTFw-/&ZeVnLIqe-");
        assert_eq!(decode(b"~peter/mail/&U,BTFw-/&ZeVnLIqe-").unwrap(), "~peter/mail/台北/日本語");
    }

    #[test]
    fn ampersand_and_umlaut() {
        assert_eq!(encode("Entwürfe"), "Entw&APw-rfe");
        assert_eq!(encode("A&B"), "A&-B");
        assert_eq!(decode(b"A&-B").unwrap(), "A&B");
    }

    #[test]
    fn cyrillic_and_astral() {
        assert_eq!(decode(b"&BB4EQgQ,BEAEMAQyBDsENQQ9BD0ESwQ1-").unwrap(), "Отправленные");
        assert_eq!(decode(encode("📬 box").as_bytes()).unwrap(), "📬 box");
    }

    #[test]
    fn refuses_broken_input() {
        assert!(decode(b"&Jjo").is_none(), "unterminated");
        assert!(decode(b"&A-").is_none(), "too few bits");
        assert!(decode(b"&AGE!-").is_none(), "bad base64");
        assert!(decode(b"&2D0-").is_none(), "lone surrogate");
        assert!(decode("ü".as_bytes()).is_none(), "8-bit");
    }
}
