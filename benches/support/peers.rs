//! The peer crates behind the common call, and the typed values the
//! probes read from their results. Entry points, as their docs give them:
//! imap-proto 0.16 `parser::parse_response`, imap-proto 0.17
//! `Response::parse`, imap-codec `ResponseCodec::default().decode` (trait
//! `decode::Decoder`), all on `&[u8]`, returning the rest of the input.

use std::hint::black_box;

use imap_codec_1::decode::Decoder as _;
use imap_codec_2::decode::Decoder as _;

/// imap-proto 0.16.
pub fn proto016(buf: &[u8]) -> Option<usize> {
    let (rest, response) = imap_proto_016::parser::parse_response(buf).ok()?;
    black_box(&response);
    Some(buf.len() - rest.len())
}

/// imap-proto 0.17.
pub fn proto017(buf: &[u8]) -> Option<usize> {
    let (rest, response) = imap_proto_017::Response::parse(buf).ok()?;
    black_box(&response);
    Some(buf.len() - rest.len())
}

/// imap-codec 1.x.
pub fn codec1(buf: &[u8]) -> Option<usize> {
    let (rest, response) = imap_codec_1::ResponseCodec::default().decode(buf).ok()?;
    black_box(&response);
    Some(buf.len() - rest.len())
}

/// imap-codec 2.0 alpha.
pub fn codec2(buf: &[u8]) -> Option<usize> {
    let (rest, response) = imap_codec_2::ResponseCodec::default().decode(buf).ok()?;
    black_box(&response);
    Some(buf.len() - rest.len())
}

/// What a parser gave back for one probed value: `None` when the response
/// did not parse or the value was not found.
pub enum Value {
    /// The ENVELOPE subject (`None` for NIL).
    Subject(Option<Vec<u8>>),
    /// The length of the BODY[] data.
    BodyLen(usize),
    /// The value of a UIDVALIDITY response code.
    UidValidity(u32),
}

/// The UIDVALIDITY code as imap-proto 0.16 parses it.
pub fn proto016_code(buf: &[u8]) -> Vec<Value> {
    use imap_proto_016::{Response, ResponseCode};
    match imap_proto_016::parser::parse_response(buf) {
        Ok((_, Response::Data { code: Some(ResponseCode::UidValidity(v)), .. })) => {
            vec![Value::UidValidity(v)]
        }
        _ => Vec::new(),
    }
}

/// The UIDVALIDITY code as imap-proto 0.17 parses it.
pub fn proto017_code(buf: &[u8]) -> Vec<Value> {
    use imap_proto_017::{Response, ResponseCode};
    match Response::parse(buf) {
        Ok((_, Response::Data { outcome, .. })) => match outcome.code {
            Some(ResponseCode::UidValidity(v)) => vec![Value::UidValidity(v)],
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// The UIDVALIDITY code as imap-codec 1.x parses it.
pub fn codec1_code(buf: &[u8]) -> Vec<Value> {
    use imap_codec_1::imap_types::response::{Code, Response, Status};
    match imap_codec_1::ResponseCodec::default().decode(buf) {
        Ok((_, Response::Status(Status::Ok { code: Some(Code::UidValidity(v)), .. }))) => {
            vec![Value::UidValidity(v.get())]
        }
        _ => Vec::new(),
    }
}

/// The UIDVALIDITY code as imap-codec 2.0 alpha parses it.
pub fn codec2_code(buf: &[u8]) -> Vec<Value> {
    use imap_codec_2::imap_types::response::{Code, Response, Status};
    match imap_codec_2::ResponseCodec::default().decode(buf) {
        Ok((_, Response::Status(Status::Untagged(body)))) => match body.code {
            Some(Code::UidValidity(v)) => vec![Value::UidValidity(v.get())],
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// The envelope subject and body length as imap-proto 0.16 parses them.
pub fn proto016_values(buf: &[u8]) -> Vec<Value> {
    use imap_proto_016::{AttributeValue as A, Response};
    let Ok((_, Response::Fetch(_, attrs))) = imap_proto_016::parser::parse_response(buf) else {
        return Vec::new();
    };
    let value = |a: &A<'_>| match a {
        A::Envelope(e) => Some(Value::Subject(e.subject.as_ref().map(|s| s.to_vec()))),
        A::BodySection { data: Some(d), .. } => Some(Value::BodyLen(d.len())),
        _ => None,
    };
    attrs.iter().filter_map(value).collect()
}

/// The envelope subject and body length as imap-proto 0.17 parses them.
pub fn proto017_values(buf: &[u8]) -> Vec<Value> {
    use imap_proto_017::{AttributeValue as A, Response};
    let Ok((_, Response::Fetch(_, attrs))) = Response::parse(buf) else {
        return Vec::new();
    };
    let value = |a: &A<'_>| match a {
        A::Envelope(e) => Some(Value::Subject(e.subject.as_ref().map(|s| s.to_vec()))),
        A::BodySection { data: Some(d), .. } => Some(Value::BodyLen(d.len())),
        _ => None,
    };
    attrs.iter().filter_map(value).collect()
}

/// The envelope subject and body length as imap-codec 1.x parses them.
pub fn codec1_values(buf: &[u8]) -> Vec<Value> {
    use imap_codec_1::imap_types::fetch::MessageDataItem as M;
    use imap_codec_1::imap_types::response::{Data, Response};
    let Ok((_, Response::Data(Data::Fetch { items, .. }))) =
        imap_codec_1::ResponseCodec::default().decode(buf)
    else {
        return Vec::new();
    };
    let value = |m: &M<'_>| match m {
        M::Envelope(e) => {
            Some(Value::Subject(e.subject.0.as_ref().map(|s| AsRef::<[u8]>::as_ref(s).to_vec())))
        }
        M::BodyExt { data, .. } => data.0.as_ref().map(|d| Value::BodyLen(AsRef::<[u8]>::as_ref(d).len())),
        _ => None,
    };
    items.as_ref().iter().filter_map(value).collect()
}

/// The envelope subject and body length as imap-codec 2.0 alpha parses them.
pub fn codec2_values(buf: &[u8]) -> Vec<Value> {
    use imap_codec_2::imap_types::fetch::MessageDataItem as M;
    use imap_codec_2::imap_types::response::{Data, Response};
    let Ok((_, Response::Data(Data::Fetch { items, .. }))) =
        imap_codec_2::ResponseCodec::default().decode(buf)
    else {
        return Vec::new();
    };
    let value = |m: &M<'_>| match m {
        M::Envelope(e) => {
            Some(Value::Subject(e.subject.0.as_ref().map(|s| AsRef::<[u8]>::as_ref(s).to_vec())))
        }
        M::BodyExt { data, .. } => data.0.as_ref().map(|d| Value::BodyLen(AsRef::<[u8]>::as_ref(d).len())),
        _ => None,
    };
    items.as_ref().iter().filter_map(value).collect()
}
