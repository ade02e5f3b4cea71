//! Typed spot checks: does a parser give back the right value, not just
//! the right length? The subject probe catches parsers that keep the
//! `\"` escapes of a quoted string; the body probe checks that the whole
//! literal comes back.
//!
//! Every parser's values, ours included, are read from its typed results
//! and judged by the same rules ([`judge`]).

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
        (Which::Ours, false) => ours_values(buf),
        (Which::Ours, true) => ours_code(buf),
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

/// The envelope subject and body length as typed-imap parses them.
fn ours_values(buf: &[u8]) -> Vec<Value> {
    use typed_imap::types::{Data, FetchItem, Response};
    let Ok((Response::Data(Data::Fetch { items, .. }), _)) = typed_imap::wire::parse_response(buf) else {
        return Vec::new();
    };
    let value = |item: &FetchItem<'_>| match item {
        FetchItem::Envelope(e) => Some(Value::Subject(e.subject.as_ref().map(|s| s.to_vec()))),
        FetchItem::BodySection { data: Some(d), .. } => Some(Value::BodyLen(d.len())),
        _ => None,
    };
    items.iter().filter_map(value).collect()
}

/// The UIDVALIDITY code as typed-imap parses it.
fn ours_code(buf: &[u8]) -> Vec<Value> {
    use typed_imap::types::{Code, Response, Status};
    match typed_imap::wire::parse_response(buf) {
        Ok((Response::Status(Status { code: Some(Code::UidValidity(v)), .. }), _)) => {
            vec![Value::UidValidity(v)]
        }
        _ => Vec::new(),
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
