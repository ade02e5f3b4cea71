//! Typed spot checks: does a parser give back the right value, not just
//! the right length? The subject probe catches parsers that keep the
//! `\"` escapes of a quoted string; the body probe checks that the whole
//! literal comes back.
//!
//! For the peers the values are read from their typed results. For ours
//! the check reads the `Debug` of the response: the grammar is being
//! written in parallel and the FETCH item types are not final, so the
//! check must not name them (the UIDVALIDITY probe names only the
//! contract's `Response::Status` and `Status::code`). `ByteStr`'s `Debug` is the value between
//! quotes with `"` and `\` escaped, so the unescaped subject prints as
//! exactly its wire form, and a value that kept its escapes prints with
//! doubled backslashes.

use std::fmt;

use super::corpus::{Corpus, Probe};
use super::parsers::Which;
use super::peers::{self, Value};

/// The result of one probe.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// The value is right.
    Ok,
    /// The parser has no typed value to check (the floor).
    NotApplicable,
    /// The response did not parse, or the value is missing.
    NotParsed,
    /// The quoted string came back with its escapes still in it.
    KeptEscapes,
    /// Some other value.
    Wrong,
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Outcome::Ok => "ok",
            Outcome::NotApplicable => "-",
            Outcome::NotParsed => "not parsed / missing",
            Outcome::KeptEscapes => "keeps `\\\"` escapes",
            Outcome::Wrong => "wrong value",
        })
    }
}

/// The worst outcome of the corpus' probes for `which` (`NotApplicable`
/// when the corpus has none).
pub fn run(corpus: &Corpus, which: Which) -> Outcome {
    let outcomes = corpus.probes.iter().map(|p| probe(corpus, which, p));
    outcomes.max().unwrap_or(Outcome::NotApplicable)
}

fn probe(corpus: &Corpus, which: Which, probe: &Probe) -> Outcome {
    let (Probe::Subject { response, .. }
    | Probe::Body { response, .. }
    | Probe::UidValidity { response, .. }) = probe;
    let buf = corpus.response(*response);
    let code = matches!(probe, Probe::UidValidity { .. });
    let values = match (which, code) {
        (Which::Floor, _) => return Outcome::NotApplicable,
        (Which::Ours, _) => return ours(buf, probe),
        (Which::Proto016, false) => peers::proto016_values(buf),
        (Which::Proto017, false) => peers::proto017_values(buf),
        (Which::Codec1, false) => peers::codec1_values(buf),
        (Which::Codec2, false) => peers::codec2_values(buf),
        (Which::Proto016, true) => peers::proto016_code(buf),
        (Which::Proto017, true) => peers::proto017_code(buf),
        (Which::Codec1, true) => peers::codec1_code(buf),
        (Which::Codec2, true) => peers::codec2_code(buf),
    };
    values.iter().map(|v| judge(probe, v)).min().unwrap_or(Outcome::NotParsed)
}

fn judge(probe: &Probe, value: &Value) -> Outcome {
    match (probe, value) {
        (Probe::Subject { unescaped, .. }, Value::Subject(Some(got))) if got == unescaped => Outcome::Ok,
        (Probe::Subject { unescaped, .. }, Value::Subject(Some(got))) if *got == escape(unescaped) => {
            Outcome::KeptEscapes
        }
        (Probe::Body { data, .. }, Value::BodyLen(len)) if *len == data.len() => Outcome::Ok,
        (Probe::UidValidity { value, .. }, Value::UidValidity(got)) if got == value => Outcome::Ok,
        (Probe::Subject { .. }, Value::Subject(_))
        | (Probe::Body { .. }, Value::BodyLen(_))
        | (Probe::UidValidity { .. }, Value::UidValidity(_)) => Outcome::Wrong,
        _ => Outcome::NotParsed,
    }
}

/// Whether `ByteStr`'s `Debug` still prints as the probes of ours expect
/// (quoted, `"` and `\` escaped); when not, those probes cannot say `ok`.
pub fn debug_format_holds() -> bool {
    let value = b"a \"b\" \\ c";
    let debug = format!("{:?}", typed_imap::types::ByteStr::from(&value[..]));
    debug == format!("\"{}\"", value.escape_ascii())
}

/// Ours, through the `Debug` of the response (see the module doc).
fn ours(buf: &[u8], probe: &Probe) -> Outcome {
    let Ok((response, _)) = typed_imap::wire::parse_response(buf) else {
        return Outcome::NotParsed;
    };
    let debug = format!("{response:?}");
    let shown = |bytes: &[u8]| format!("\"{}\"", bytes.escape_ascii());
    match probe {
        Probe::Subject { unescaped, .. } if debug.contains(&shown(unescaped)) => Outcome::Ok,
        Probe::Subject { unescaped, .. } if debug.contains(&shown(&escape(unescaped))) => {
            Outcome::KeptEscapes
        }
        Probe::Body { data, .. } => {
            let (head, tail) = (&buf[data.start..data.start + 64], &buf[data.end - 64..data.end]);
            let head_ok = debug.contains(&format!("\"{}", head.escape_ascii()));
            let tail_ok = debug.contains(&format!("{}\"", tail.escape_ascii()));
            if head_ok && tail_ok { Outcome::Ok } else { Outcome::NotParsed }
        }
        Probe::Subject { .. } => Outcome::NotParsed,
        Probe::UidValidity { value, .. } => ours_code(&response, *value),
    }
}

/// Ours: the status has a known code whose `Debug` shows the number. Only
/// the contract's `Status::code` is named: the `Code` variants are being
/// written, and an unknown code (`Other`) means the code was not parsed.
fn ours_code(response: &typed_imap::types::Response<'_>, value: u32) -> Outcome {
    let typed_imap::types::Response::Status(status) = response else {
        return Outcome::NotParsed;
    };
    let Some(code) = &status.code else {
        return Outcome::NotParsed;
    };
    let shown = format!("{code:?}");
    match (shown.starts_with("Other"), shown.contains(&value.to_string())) {
        (true, _) => Outcome::NotParsed,
        (false, true) => Outcome::Ok,
        (false, false) => Outcome::Wrong,
    }
}

/// `s` with `"` and `\` escaped, as it is on the wire.
fn escape(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() + 4);
    for &b in s {
        if b == b'"' || b == b'\\' {
            out.push(b'\\');
        }
        out.push(b);
    }
    out
}
