//! The server responses of the RFC examples, `spec/vectors/rfcNNNN.txt`
//! (format: `spec/vectors/README.md`), through `parse_response`.
//!
//! One test per RFC file. Each vector must parse and use all of its bytes
//! (or, when its comment says `!error`, fail to parse); then the file's
//! parsed responses are compared with the insta snapshot
//! `tests/snapshots/vectors__rfcNNNN.snap`.
//!
//! `VECTORS_REPORT=1 cargo test --test vectors -- --nocapture`
//! prints, per file, how many vectors behave as expected instead of
//! asserting.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use typed_imap::wire::frame::{self, FrameLimits, FrameStatus};
use typed_imap::wire::parse_response;

/// One vector: a complete server response and where it comes from.
struct Vector {
    /// `rfcNNNN.txt:line`, for messages.
    place: String,
    /// The comment line above it: the RFC section, page and line.
    comment: String,
    /// The vector as written in the file (escaped).
    escaped: String,
    /// The response's bytes.
    bytes: Vec<u8>,
    /// The parser must reject it (`!error` in its comment).
    error: bool,
}

fn vector_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("spec/vectors")
}

/// Reads `spec/vectors/<name>.txt`: every non-comment, non-blank line is a
/// vector, and the comment line right above it describes it.
fn read_vectors(name: &str) -> Vec<Vector> {
    let file = format!("{name}.txt");
    let text = std::fs::read_to_string(vector_dir().join(&file)).unwrap();
    let mut vectors = Vec::new();
    let mut previous = "";
    for (i, line) in text.lines().enumerate() {
        let place = format!("spec/vectors/{file}:{}", i + 1);
        if !line.is_empty() && !line.starts_with('#') {
            let comment = previous.strip_prefix("# ").unwrap_or_else(|| panic!("{place}: no comment above"));
            let bytes = unescape(line).unwrap_or_else(|e| panic!("{place}: {e}"));
            let error = comment.split_whitespace().any(|w| w == "!error");
            vectors.push(Vector { place, comment: comment.into(), escaped: line.into(), bytes, error });
        }
        previous = line;
    }
    vectors
}

/// Undoes the escapes of the vector files: `\r`, `\n`, `\\` and `\xNN`.
fn unescape(line: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(line.len());
    let mut bytes = line.bytes();
    while let Some(b) = bytes.next() {
        if b != b'\\' {
            out.push(b);
            continue;
        }
        match bytes.next() {
            Some(b'r') => out.push(b'\r'),
            Some(b'n') => out.push(b'\n'),
            Some(b'\\') => out.push(b'\\'),
            Some(b'x') => {
                let hex = [bytes.next().unwrap_or(b'?'), bytes.next().unwrap_or(b'?')];
                let hex = std::str::from_utf8(&hex).map_err(|e| e.to_string())?;
                out.push(u8::from_str_radix(hex, 16).map_err(|_| format!("bad escape \\x{hex}"))?);
            }
            other => return Err(format!("bad escape after `\\`: {:?}", other.map(char::from))),
        }
    }
    Ok(out)
}

/// Whether the parser did what the vector asks, and if not, why.
fn check(v: &Vector) -> Result<(), String> {
    match (parse_response(&v.bytes), v.error) {
        (Ok((_, used)), false) if used == v.bytes.len() => Ok(()),
        (Ok((_, used)), false) => Err(format!("used {used} of {} bytes", v.bytes.len())),
        (Err(e), false) => Err(format!("did not parse: {e}")),
        (Ok(_), true) => Err("parsed, but is marked !error".into()),
        (Err(_), true) => Ok(()),
    }
}

/// The snapshot text of a file: each vector and what it parses to.
fn render(vectors: &[Vector]) -> String {
    let mut text = String::new();
    for v in vectors {
        let parsed = parse_response(&v.bytes).map(|(response, _)| response);
        writeln!(text, "--- {}  # {}\n{}\n{parsed:#?}\n", v.place, v.comment, v.escaped).unwrap();
    }
    text
}

/// Runs the vectors of `spec/vectors/<name>.txt` and returns the snapshot
/// text, or `None` in report mode (`VECTORS_REPORT=1`), which prints the
/// counts instead of asserting.
fn run(name: &str) -> Option<String> {
    let vectors = read_vectors(name);
    let failures: Vec<String> = vectors
        .iter()
        .filter_map(|v| check(v).err().map(|e| format!("{}: {e}\n    {}", v.place, v.escaped)))
        .collect();
    if std::env::var_os("VECTORS_REPORT").is_some_and(|v| v == "1") {
        let failed = failures.len();
        println!(
            "{name}.txt: {} vectors, {} as expected, {failed} not",
            vectors.len(),
            vectors.len() - failed
        );
        return None;
    }
    assert!(
        failures.is_empty(),
        "{} of {} vectors failed:\n{}",
        failures.len(),
        vectors.len(),
        failures.join("\n")
    );
    Some(render(&vectors))
}

/// One test per vector file, and the list of them.
macro_rules! vector_tests {
    ($($name:ident)*) => {
        const FILES: &[&str] = &[$(stringify!($name)),*];
        $(
            #[test]
            fn $name() {
                if let Some(text) = run(stringify!($name)) {
                    insta::assert_snapshot!(stringify!($name), text);
                }
            }
        )*
    };
}

vector_tests! {
    rfc2060 rfc2086 rfc2087 rfc2177 rfc2195 rfc2342 rfc2595 rfc2971 rfc3501 rfc3502 rfc3691 rfc4314
    rfc4315 rfc4466 rfc4731 rfc4959 rfc4978 rfc5161 rfc5182 rfc5256 rfc5258 rfc5464 rfc5465
    rfc5530 rfc5819 rfc6154 rfc6851 rfc7162 rfc7628 rfc7888 rfc7889 rfc8474 rfc9051 rfc9208
}

/// Every vector file has its test above.
#[test]
fn every_file_has_a_test() {
    let mut on_disk: Vec<String> = std::fs::read_dir(vector_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter_map(|n| n.strip_suffix(".txt").map(str::to_owned))
        .collect();
    on_disk.sort();
    assert_eq!(on_disk, FILES);
}

/// The vector files themselves are sound, whatever the parser does: every
/// vector unescapes, ends in CRLF, and is exactly one response for the
/// framer (so literal counts match the bytes given).
#[test]
fn vectors_are_single_framed_responses() {
    let mut count = 0;
    for name in FILES {
        let vectors = read_vectors(name);
        assert!(!vectors.is_empty(), "{name}.txt has no vectors");
        for v in &vectors {
            assert!(v.bytes.ends_with(b"\r\n"), "{}: no CRLF at the end", v.place);
            let status = frame::check(&v.bytes, &FrameLimits::default());
            assert_eq!(status, Ok(FrameStatus::Complete(v.bytes.len())), "{}: not one response", v.place);
        }
        count += vectors.len();
    }
    assert!(count > 1000, "only {count} vectors");
}

#[test]
fn unescape_undoes_every_escape() {
    assert_eq!(unescape(r"a\\b\r\n\x00\xff").unwrap(), b"a\\b\r\n\x00\xff");
    assert!(unescape(r"\q").is_err());
    assert!(unescape(r"\x4").is_err());
}
