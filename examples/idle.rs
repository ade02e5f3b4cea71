//! Watching a mailbox for changes: new mail, expunges, flag changes by
//! other clients, each printed as it arrives.
//!
//! ```sh
//! cargo run --example idle -- --host imap.example.org --user me --mailbox INBOX --seconds 60
//! ```
//!
//! Settings as in every example (`examples/common/mod.rs`); `--seconds`
//! (or `TYPED_IMAP_SECONDS`) is how long to watch, default 30. The mailbox
//! is opened with EXAMINE (read-only), so watching changes nothing.
//!
//! This version polls: a NOOP every second, then the session's
//! unsolicited events. IMAP's IDLE (RFC 2177) lets the server push the
//! same events without polling; the example moves to `session.idle()`
//! once the session's IDLE handle lands (see the README's tour). The
//! events and their handling stay the same.

mod common;

use std::time::{Duration, Instant};

use typed_imap::command::{Examine, Fetch, Noop};
use typed_imap::session::Event;
use typed_imap::session::blocking::Session;
use typed_imap::types::{Data, FetchAttr, FetchItem};

fn main() {
    if let Err(e) = run() {
        eprintln!("idle: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let settings = common::Settings::from_env()?;
    let seconds: u64 = common::setting("seconds").map_or(Ok(30), |s| s.parse())?;
    let mut session = settings.login()?;
    let selected = session.run(Examine::new(&settings.mailbox)?)?;
    println!("watching {} ({} messages) for {seconds} s", settings.mailbox, selected.exists);
    let until = Instant::now() + Duration::from_secs(seconds);
    let mut exists = selected.exists;
    while Instant::now() < until {
        std::thread::sleep(Duration::from_secs(1));
        session.run(Noop)?;
        let events: Vec<Event> = session.events().collect();
        for event in events {
            exists = report(&mut session, event, exists)?;
        }
    }
    session.logout()?;
    Ok(())
}

/// Prints one event; returns the message count it leaves.
fn report(session: &mut Session, event: Event, exists: u32) -> Result<u32, Box<dyn std::error::Error>> {
    match event {
        Event::Data(Data::Exists(n)) if n > exists => {
            println!("{} new message(s)", n - exists);
            show_subjects(session, exists + 1, n)?;
            return Ok(n);
        }
        Event::Data(Data::Exists(n)) => return Ok(n),
        Event::Data(Data::Recent(_)) => {} // IMAP4rev1's \Recent count: EXISTS says it all
        Event::Data(Data::Expunge(seq)) => println!("message {seq} was expunged"),
        Event::Data(Data::Vanished { uids, .. }) => println!("UIDs {uids} were expunged"),
        Event::Data(Data::Fetch { seq, items }) => {
            let flags = items.iter().find_map(|i| if let FetchItem::Flags(f) = i { Some(f) } else { None });
            let names: Vec<String> = flags.into_iter().flatten().map(|f| f.to_string()).collect();
            println!("message {seq} now has flags ({})", names.join(" "));
        }
        Event::Status(status) => println!("server says: {} {}", status.kind.as_str(), status.text),
        other => println!("{other:?}"),
    }
    Ok(exists)
}

/// The subjects of messages `from..=to`.
fn show_subjects(session: &mut Session, from: u32, to: u32) -> Result<(), Box<dyn std::error::Error>> {
    let fetched = session.run(Fetch::new(format!("{from}:{to}").parse()?, vec![FetchAttr::Envelope]))?;
    for message in fetched.messages {
        for item in message.items {
            if let FetchItem::Envelope(env) = item {
                let subject = env.subject.as_deref().map(common::decode_words).unwrap_or_default();
                println!("  #{}: {subject:?}", message.seq);
            }
        }
    }
    Ok(())
}
