//! The floor: a memchr scan that finds where each response ends (lines,
//! and `{n}` literals skipped by their length) without parsing anything.
//! No parser can be faster than the framing it must do anyway.

/// The length of the response at the start of `buf`, or `None` when it
/// is incomplete.
pub fn response_len(buf: &[u8]) -> Option<usize> {
    let mut pos = 0;
    loop {
        let end = pos + memchr::memchr(b'\n', &buf[pos..])? + 1;
        match literal_len(&buf[pos..end]) {
            Some(n) if end + n <= buf.len() => pos = end + n,
            Some(_) => return None,
            None => return Some(end),
        }
    }
}

/// The `n` of a line ending in `{n}\r\n` (or `{n+}`, `~{n}`), if it does.
fn literal_len(line: &[u8]) -> Option<usize> {
    let body = line.strip_suffix(b"}\r\n")?;
    let body = body.strip_suffix(b"+").unwrap_or(body);
    let open = memchr::memrchr(b'{', body)?;
    let digits = &body[open + 1..];
    if digits.is_empty() || digits.len() > 19 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    digits.iter().try_fold(0usize, |n, d| n.checked_mul(10)?.checked_add(usize::from(d - b'0')))
}

/// Checks that the scan finds exactly the ends the generator recorded: a
/// self-check of the corpus, so a generator bug cannot pass for a parser
/// failure.
pub fn verify(corpus: &super::corpus::Corpus) {
    let mut pos = 0;
    for (i, &end) in corpus.ends.iter().enumerate() {
        let len = response_len(&corpus.bytes[pos..]);
        assert_eq!(len.map(|n| pos + n), Some(end), "{}: response {i} misframed", corpus.name);
        pos = end;
    }
}
