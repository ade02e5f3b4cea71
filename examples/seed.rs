//! Fills a mailbox with six realistic messages for the tour (`scripts/demo`
//! runs it): plain text, multipart/alternative with HTML, an attachment, a
//! non-ASCII subject as an RFC 2047 encoded word, and a reply thread.
//!
//! ```sh
//! cargo run --example seed -- --host 127.0.0.1 --port 11143 --tls starttls \
//!     --ca ca.pem --user alice --password alicepw --mailbox Demo
//! cargo run --example seed -- ... --late 2   # wait 2 s, then deliver one more
//! ```
//!
//! Idempotent: the mailbox is deleted and created again each run, so the
//! messages are never duplicated. Never point it at a mailbox you keep
//! mail in. Settings as in every example: see `examples/common/mod.rs`.

mod common;

use std::time::Duration;

use chrono::DateTime;
use typed_imap::Error;
use typed_imap::command::{Append, AppendMessage, Create, Delete};
use typed_imap::types::{Flag, Mailbox};

fn main() {
    if let Err(e) = run() {
        eprintln!("seed: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let settings = common::Settings::from_env()?;
    if settings.mailbox.eq_ignore_ascii_case("INBOX") {
        return Err(
            "refusing to empty INBOX: set --mailbox (or TYPED_IMAP_MAILBOX) to a scratch mailbox".into()
        );
    }
    if let Some(delay) = common::setting("late") {
        std::thread::sleep(Duration::from_secs_f64(delay.parse()?));
        let mut session = settings.login()?;
        session.run(Append::mailbox(Mailbox::new(&settings.mailbox)?, message(LATE)?))?;
        return Ok(());
    }
    let mut session = settings.login()?;
    match session.run(Delete::new(&settings.mailbox)?) {
        Ok(()) | Err(Error::No(_)) => {} // NO: it did not exist yet
        Err(e) => return Err(e.into()),
    }
    session.run(Create::new(&settings.mailbox)?)?;
    let target = Mailbox::new(&settings.mailbox)?;
    for (i, text) in MESSAGES.iter().enumerate() {
        let mut msg = message(text)?;
        if i < 2 {
            msg = msg.flags([Flag::Seen])?;
        }
        session.run(Append::mailbox(target.clone(), msg))?;
    }
    println!("seed: {} messages in {}", MESSAGES.len(), settings.mailbox);
    session.logout()?;
    Ok(())
}

/// The message with CRLF line endings and its Date: header as internal date.
fn message(text: &str) -> Result<AppendMessage, Error> {
    let msg = AppendMessage::new(text.as_bytes().to_vec())?.normalize_line_endings();
    let date = text.lines().find_map(|l| l.strip_prefix("Date: "));
    Ok(match date.and_then(|d| DateTime::parse_from_rfc2822(d).ok()) {
        Some(date) => msg.date(date),
        None => msg,
    })
}

const MESSAGES: [&str; 6] = [PLAIN, NEWSLETTER, ATTACHMENT, UMLAUTS, REPLY, REPLY2];

const PLAIN: &str = "\
From: Bob Builder <bob@example.org>
To: Alice Liddell <alice@example.org>
Subject: Lunch on Friday?
Date: Mon, 23 Nov 2026 09:12:00 +0100
Message-ID: <lunch-1@example.org>
Content-Type: text/plain; charset=utf-8

Hi Alice,

the new place on Canal Street opens on Friday. Noon?

Bob
";

const NEWSLETTER: &str = "\
From: Rust Weekly <news@this-week-in-rust.example>
To: alice@example.org
Subject: This Week in Rust 600
Date: Tue, 24 Nov 2026 06:00:00 +0000
Message-ID: <twir-600@this-week-in-rust.example>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary=\"alt\"

--alt
Content-Type: text/plain; charset=utf-8

Hello and welcome to another issue of This Week in Rust!

--alt
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: quoted-printable

<html><body><h1>This Week in Rust 600</h1>
<p>Hello and welcome to another issue of <b>This Week in Rust</b>!</p>
</body></html>

--alt--
";

const ATTACHMENT: &str = "\
From: Carol Danvers <carol@example.org>
To: Alice Liddell <alice@example.org>
Subject: Q3 report
Date: Wed, 25 Nov 2026 14:30:00 -0500
Message-ID: <q3-report@example.org>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary=\"mix\"

--mix
Content-Type: text/plain; charset=utf-8

Alice, the report is attached. Numbers are up!

--mix
Content-Type: application/pdf; name=\"q3-report.pdf\"
Content-Disposition: attachment; filename=\"q3-report.pdf\"
Content-Transfer-Encoding: base64

JVBERi0xLjQKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMiAwIFIgPj4KZW5kb2Jq
CjIgMCBvYmoKPDwgL1R5cGUgL1BhZ2VzIC9LaWRzIFtdIC9Db3VudCAwID4+CmVuZG9iagp0cmFp
bGVyCjw8IC9Sb290IDEgMCBSID4+CiUlRU9GCg==
--mix--
";

const UMLAUTS: &str = "\
From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen@example.de>
To: alice@example.org
Subject: =?UTF-8?B?R3LDvMOfZSBhdXMgTcO8bmNoZW4g4piV?=
Date: Thu, 26 Nov 2026 08:05:00 +0100
Message-ID: <gruesse@example.de>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Liebe Alice, viele Grüße aus München!
";

const REPLY: &str = "\
From: Alice Liddell <alice@example.org>
To: Bob Builder <bob@example.org>
Subject: Re: Lunch on Friday?
Date: Mon, 23 Nov 2026 10:01:00 +0100
Message-ID: <lunch-2@example.org>
In-Reply-To: <lunch-1@example.org>
References: <lunch-1@example.org>
Content-Type: text/plain; charset=utf-8

Noon works. I'll book a table.

> the new place on Canal Street opens on Friday. Noon?
";

const REPLY2: &str = "\
From: Bob Builder <bob@example.org>
To: Alice Liddell <alice@example.org>
Subject: Re: Lunch on Friday?
Date: Mon, 23 Nov 2026 10:15:00 +0100
Message-ID: <lunch-3@example.org>
In-Reply-To: <lunch-2@example.org>
References: <lunch-1@example.org> <lunch-2@example.org>
Content-Type: text/plain; charset=utf-8

Great, see you there!
";

/// Delivered during the tour's watch (`--late`).
const LATE: &str = "\
From: Dave Lister <dave@example.org>
To: alice@example.org
Subject: Are you coming to the demo?
Date: Fri, 27 Nov 2026 16:00:00 +0000
Message-ID: <demo-late@example.org>
Content-Type: text/plain; charset=utf-8

It starts in five minutes.
";
