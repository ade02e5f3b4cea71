//! The tour: first what the example in Python's imaplib documentation does
//! (log in, select, search ALL, fetch each message), then what imaplib
//! cannot: each message's ENVELOPE and MIME structure as typed values, and
//! a few seconds of watching the mailbox for new mail.
//!
//! ```sh
//! scripts/demo                                     # a local Dovecot, seeded, then this
//! cargo run --example tour -- --host imap.example.org --user me --mailbox INBOX
//! ```
//!
//! Settings (`--name value`, `TYPED_IMAP_<NAME>` or `IMAP_<NAME>`): host,
//! port, tls (implicit, starttls, none), ca, tls-name, user, password,
//! mailbox; `watch` is how many seconds to wait for new mail (default 5).
//! The tour only reads: `BODY.PEEK` leaves `\Seen` alone.

mod common;

use std::time::{Duration, Instant};

use typed_imap::command::{Fetch, FetchedMessage, Search, Select};
use typed_imap::session::Event;
use typed_imap::session::blocking::Session;
use typed_imap::types::{
    Address, BodyStructure, Data, FetchAttr, Section, SequenceSet, SinglePart, SinglePartKind,
};

fn main() {
    if let Err(e) = run() {
        eprintln!("tour: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let settings = common::Settings::from_env()?;
    println!("connecting to {}", settings.describe());
    let mut session = settings.login()?;
    let caps = session.refresh_capabilities()?;
    println!("logged in; the server has {} capabilities\n", caps.len());

    imaplib_example(&mut session, &settings.mailbox)?;
    typed_view(&mut session)?;
    watch(&mut session, &settings.mailbox)?;

    let bye = session.logout()?;
    println!("\nlogged out: {}", bye.text);
    Ok(())
}

/// imaplib's documentation example, typed: `M.select()`, `M.search(None,
/// 'ALL')`, then `M.fetch(num, '(RFC822)')` for each number.
fn imaplib_example(session: &mut Session, mailbox: &str) -> Result<(), Box<dyn std::error::Error>> {
    println!("== imaplib's example: select, search ALL, fetch each message");
    let selected = session.run(Select::new(mailbox)?)?;
    let validity = selected.uid_validity.unwrap_or(0);
    println!("SELECT {mailbox}: {} messages, UIDVALIDITY {validity}", selected.exists);
    let found = session.run(Search::default())?;
    println!("SEARCH ALL: {:?}", found.numbers);
    for n in found.numbers {
        let whole = FetchAttr::body_peek(Section::default());
        let fetched = session.run(Fetch::new(SequenceSet::single(n)?, vec![whole]))?;
        let bytes = fetched.messages.first().and_then(FetchedMessage::body).unwrap_or_default();
        let first = String::from_utf8_lossy(bytes.split(|b| *b == b'\n').next().unwrap_or_default());
        println!("message {n}: {} bytes, begins {:?}", bytes.len(), first.trim_end());
    }
    Ok(())
}

/// One FETCH for every message: UID, FLAGS, ENVELOPE and BODYSTRUCTURE,
/// each item a typed value.
fn typed_view(session: &mut Session) -> Result<(), Box<dyn std::error::Error>> {
    println!("\n== what imaplib cannot: typed ENVELOPE and BODYSTRUCTURE");
    if session.mailbox().exists == 0 {
        println!("(the mailbox is empty)");
        return Ok(());
    }
    let items = vec![FetchAttr::Uid, FetchAttr::Flags, FetchAttr::Envelope, FetchAttr::BodyStructure];
    let fetched = session.run(Fetch::new("1:*".parse()?, items))?;
    for message in &fetched.messages {
        print_message(message);
    }
    Ok(())
}

fn print_message(message: &FetchedMessage) {
    let flags: Vec<String> = message.flags().unwrap_or_default().iter().map(|f| f.to_string()).collect();
    let uid = message.uid().unwrap_or(0);
    if let Some(env) = message.envelope() {
        let date = env.date.as_ref().map(|d| d.to_string()).unwrap_or_default();
        let subject = env.subject.as_deref().map(common::decode_words).unwrap_or_default();
        let from = env.from.first().map(address).unwrap_or_default();
        println!("#{} uid {uid} ({}) {date}", message.seq, flags.join(" "));
        println!("  from {from}: {subject:?}");
        if let Some(parent) = &env.in_reply_to {
            println!("  in reply to {parent}");
        }
    }
    if let Some(body) = message.body_structure() {
        print_part(body, "", 1);
    }
}

/// `Name <local@host>`, the name decoded.
fn address(a: &Address<'_>) -> String {
    let mailbox = a.mailbox.as_ref().map(|m| m.to_string()).unwrap_or_default();
    let host = a.host.as_ref().map(|h| h.to_string()).unwrap_or_default();
    match &a.name {
        Some(name) => format!("{} <{mailbox}@{host}>", common::decode_words(name)),
        None => format!("<{mailbox}@{host}>"),
    }
}

/// The MIME tree: one line per part, numbered as `BODY[1.2]` addresses it.
fn print_part(body: &BodyStructure<'_>, path: &str, depth: usize) {
    let indent = "  ".repeat(depth);
    match body {
        BodyStructure::Multi(multi) => {
            let label = if path.is_empty() { String::new() } else { format!("{path} ") };
            println!("{indent}{label}multipart/{}", multi.subtype.to_string().to_lowercase());
            for (i, part) in multi.parts.iter().enumerate() {
                let sub = if path.is_empty() { format!("{}", i + 1) } else { format!("{path}.{}", i + 1) };
                print_part(part, &sub, depth + 1);
            }
        }
        BodyStructure::Single(single) => {
            let label = if path.is_empty() { "1" } else { path };
            println!("{indent}{label} {}", describe(single));
            if let SinglePartKind::Message { body, .. } = &single.kind {
                print_part(body, label, depth + 1);
            }
        }
        _ => println!("{indent}(a structure this tour does not know)"),
    }
}

/// `text/plain utf-8, 7bit, 213 bytes, 6 lines, attachment "a.pdf"`.
fn describe(part: &SinglePart<'_>) -> String {
    let mime = format!("{}/{}", part.media_type, part.media_subtype).to_lowercase();
    let mut out = vec![mime];
    if let Some(charset) = part.fields.params.iter().find(|p| p.name.eq_ignore_ascii_case(b"charset")) {
        out[0] = format!("{} {}", out[0], charset.value.to_string().to_lowercase());
    }
    out.push(part.fields.encoding.to_string().to_lowercase());
    out.push(format!("{} bytes", part.fields.octets));
    if let SinglePartKind::Text { lines } = part.kind {
        out.push(format!("{lines} line{}", if lines == 1 { "" } else { "s" }));
    }
    let disposition = part.extension.as_ref().and_then(|e| e.common.disposition.as_ref());
    if let Some(d) = disposition {
        let name = d.params.iter().find(|p| p.name.eq_ignore_ascii_case(b"filename"));
        let name = name.map(|p| format!(" {:?}", p.value.to_string())).unwrap_or_default();
        out.push(format!("{}{name}", d.kind.to_string().to_lowercase()));
    }
    out.join(", ")
}

/// Watches the selected mailbox for new mail for a few seconds with IDLE
/// (RFC 2177): the server pushes EXISTS when mail arrives.
fn watch(session: &mut Session, mailbox: &str) -> Result<(), Box<dyn std::error::Error>> {
    let seconds: u64 = common::setting("watch").map_or(Ok(5), |s| s.parse())?;
    println!("\n== watching {mailbox} for {seconds} s (IDLE)");
    let until = Instant::now() + Duration::from_secs(seconds);
    let mut known = session.mailbox().exists;
    loop {
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(());
        }
        let newest = idle_until_new_mail(session, known, left)?;
        if newest > known {
            show_new(session, known + 1, newest)?;
        }
        known = newest;
    }
}

/// IDLEs until a message beyond `known` arrives or `timeout` passes; the
/// message count the server last reported.
fn idle_until_new_mail(
    session: &mut Session,
    known: u32,
    timeout: Duration,
) -> Result<u32, typed_imap::Error> {
    let until = Instant::now() + timeout;
    let mut exists = known;
    let mut idle = session.idle()?;
    while exists <= known {
        match idle.wait(until.saturating_duration_since(Instant::now()))? {
            Some(Event::Data(Data::Exists(n))) => exists = n,
            Some(_) => {}
            None => break,
        }
    }
    idle.done()?;
    Ok(exists)
}

/// Prints the envelopes of messages `from..=to`, which just arrived.
fn show_new(session: &mut Session, from: u32, to: u32) -> Result<(), Box<dyn std::error::Error>> {
    let set = format!("{from}:{to}").parse()?;
    let fetched =
        session.run(Fetch::new(set, vec![FetchAttr::Uid, FetchAttr::Flags, FetchAttr::Envelope]))?;
    for message in &fetched.messages {
        print!("new mail: ");
        print_message(message);
    }
    Ok(())
}
