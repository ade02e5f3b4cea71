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
//! It uses IDLE (RFC 2177): the server pushes the events as they happen.
//! To fetch a new message's subject the example ends IDLE (`done()`),
//! fetches, and idles again; IDLE is re-issued at least every 29 minutes
//! as the RFC asks.

mod common;

use std::time::{Duration, Instant};

use typed_imap::command::{Examine, Fetch};
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
    println!("watching {} ({} messages) for {seconds} s with IDLE", settings.mailbox, selected.exists);
    let until = Instant::now() + Duration::from_secs(seconds);
    let mut exists = selected.exists;
    while Instant::now() < until {
        for event in idle_for_events(&mut session, exists, until)? {
            exists = report(&mut session, event, exists)?;
        }
    }
    session.logout()?;
    Ok(())
}

/// RFC 2177 section 3: re-issue IDLE at least every 29 minutes.
const MAX_IDLE: Duration = Duration::from_secs(29 * 60);

/// IDLEs until new mail, `until`, or 29 minutes; the events meanwhile.
/// Fetching a new message's subject needs the IDLE ended first.
fn idle_for_events(
    session: &mut Session,
    exists: u32,
    until: Instant,
) -> Result<Vec<Event>, typed_imap::Error> {
    let mut events = Vec::new();
    let stop = Instant::now() + until.saturating_duration_since(Instant::now()).min(MAX_IDLE);
    let mut idle = session.idle()?;
    while let Some(event) = idle.wait(stop.saturating_duration_since(Instant::now()))? {
        let grew = matches!(event, Event::Data(Data::Exists(n)) if n > exists);
        events.push(event);
        if grew {
            break;
        }
    }
    idle.done()?;
    Ok(events)
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
