//! Adding a server extension in your own crate: Gmail's `XLIST`, declared
//! with `#[derive(Command)]`, encoded, and decoded from a canned server
//! answer. No server needed:
//!
//! ```sh
//! cargo run --example extension
//! ```
//!
//! With a session, the same value would go to `session.run(XList::all())`.

use typed_imap::command::Command;
use typed_imap::types::{AString, Data, ListData, Mailbox, Response, Status};
use typed_imap::wire::encode::{EncodeOptions, Encoder, Fragment};
use typed_imap::wire::parse_response;

/// `XLIST reference pattern`: Gmail's LIST with special-use attributes
/// (before RFC 6154), answered with `* XLIST` lines.
///
/// The derive writes the encoding (each field by its type: a mailbox, an
/// astring), the state check, the capability check, which untagged
/// responses belong to the command, and calls `decode_xlist` for the
/// result.
#[derive(Debug, Clone, typed_imap::Command)]
#[imap(command = "XLIST", capability = "XLIST", collect = "XLIST", output = Vec<ListData<'static>>, decode = decode_xlist)]
struct XList {
    reference: Mailbox<'static>,
    pattern: AString<'static>,
}

impl XList {
    /// `XLIST "" *`: every folder.
    fn all() -> Result<Self, typed_imap::types::ValidationError> {
        Ok(XList { reference: Mailbox::new("")?, pattern: AString::try_from("*")? })
    }
}

/// Each `* XLIST` line has the shape of a LIST response: the library keeps
/// it raw (`Data::Other`), and we parse it with the LIST grammar.
fn decode_xlist(
    _: &XList,
    collected: Vec<Response<'static>>,
    _: &Status<'static>,
) -> Result<Vec<ListData<'static>>, typed_imap::Error> {
    let bad = |reason: &str| typed_imap::Error::Decode { command: "XLIST".into(), reason: reason.into() };
    let mut folders = Vec::new();
    for response in collected {
        let Response::Data(Data::Other { rest, .. }) = response else { return Err(bad("not XLIST data")) };
        let line = [b"* LIST ", rest.as_bytes(), b"\r\n"].concat();
        match parse_response(&line) {
            Ok((Response::Data(Data::List(list)), _)) => folders.push(list.into_owned()),
            _ => return Err(bad("an XLIST line that is not a LIST")),
        }
    }
    Ok(folders)
}

/// What the server would answer, one response a line.
const ANSWER: &[&[u8]] = &[
    b"* XLIST (\\HasNoChildren \\Inbox) \"/\" \"Inbox\"\r\n",
    b"* XLIST (\\HasChildren \\Noselect) \"/\" \"[Gmail]\"\r\n",
    b"* XLIST (\\HasNoChildren \\Sent) \"/\" \"[Gmail]/Sent Mail\"\r\n",
    b"* 12 EXISTS\r\n",
    b"A1 OK Success\r\n",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cmd = XList::all()?;

    // What the session sends: tag, name, then the encoded arguments.
    let mut enc = Encoder::new(EncodeOptions::default());
    enc.raw(b"A1 ")?.raw(cmd.name().as_bytes())?;
    cmd.encode_args(&mut enc)?;
    for fragment in enc.finish() {
        if let Fragment::Line(line) = fragment {
            print!("C: {}", String::from_utf8_lossy(&line));
        }
    }
    println!("   (needs capability {:?}, states {:?})", cmd.capabilities(), cmd.states());

    // What the session does with the answer: collect what belongs to the
    // command, leave the rest (EXISTS) to the unsolicited events, decode.
    let mut collected = Vec::new();
    let mut done = None;
    for bytes in ANSWER {
        print!("S: {}", String::from_utf8_lossy(bytes));
        match parse_response(bytes)?.0.into_owned() {
            Response::Status(status) if status.tag.is_some() => done = Some(status),
            response if cmd.collects(&response) => collected.push(response),
            response => println!("   (unsolicited: {})", response.name()),
        }
    }
    let done = done.ok_or("no tagged status")?;
    for folder in cmd.decode(collected, &done)? {
        println!("folder {:?}: {:?}", folder.mailbox.name(), folder.attributes);
    }
    Ok(())
}
