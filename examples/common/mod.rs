//! What the examples share: connection settings from arguments or the
//! environment, connecting and logging in, and RFC 2047 header decoding
//! for display.
//!
//! Each setting is looked up as a `--name value` argument, then as
//! `TYPED_IMAP_<NAME>`, then as `IMAP_<NAME>`:
//!
//! | setting | default | meaning |
//! |---|---|---|
//! | `host` | `localhost` | the server |
//! | `tls` | `implicit` | `implicit` (IMAP4_SSL), `starttls`, or `none` (clear text) |
//! | `port` | 993 for `implicit`, else 143 | |
//! | `user` | required | the user name |
//! | `password` | required for LOGIN | the password |
//! | `ca` | the Mozilla roots | a PEM file of CA certificates to trust instead |
//! | `tls-name` | the host | the name the certificate must carry |
//! | `mailbox` | `INBOX` | the mailbox to work on |
//!
//! `scripts/test-servers env` prints `TYPED_IMAP_CA` and `TYPED_IMAP_TLS_NAME`
//! for the local test servers; `scripts/demo` sets the rest.

// Each example uses a different part of this module.
#![allow(dead_code)]

use std::borrow::Cow;
use std::path::PathBuf;
use std::time::Duration;

use base64::Engine;
use typed_imap::command::Login;
use typed_imap::session::blocking::{DEFAULT_PORT, DEFAULT_TLS_PORT, Session};

/// How the connection is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Security {
    /// TLS from the first byte (imaplib's `IMAP4_SSL`).
    Implicit,
    /// Plain TCP upgraded with STARTTLS before login.
    StartTls,
    /// Plain TCP all the way (only for a server on loopback).
    Clear,
}

/// Where to connect and as whom.
#[derive(Clone, Debug)]
pub struct Settings {
    pub host: String,
    pub port: u16,
    pub tls: Security,
    pub ca: Option<PathBuf>,
    pub tls_name: Option<String>,
    pub user: String,
    /// `None` when not given: only LOGIN needs it.
    pub password: Option<String>,
    pub mailbox: String,
}

/// A setting: `--name value`, else `TYPED_IMAP_NAME`, else `IMAP_NAME`.
pub fn setting(name: &str) -> Option<String> {
    let flag = format!("--{name}");
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| *a == flag) {
        return args.get(i + 1).cloned();
    }
    let var = name.to_uppercase().replace('-', "_");
    std::env::var(format!("TYPED_IMAP_{var}")).or_else(|_| std::env::var(format!("IMAP_{var}"))).ok()
}

/// True when `--name` is among the arguments.
pub fn flag(name: &str) -> bool {
    std::env::args().any(|a| a == format!("--{name}"))
}

fn required(name: &str) -> Result<String, String> {
    setting(name).ok_or_else(|| {
        let var = name.to_uppercase();
        format!("missing {name}: pass --{name} or set TYPED_IMAP_{var} (or IMAP_{var}); --help lists every setting")
    })
}

/// What `--help` prints.
const USAGE: &str = "\
settings (--name value, or TYPED_IMAP_<NAME> / IMAP_<NAME> in the environment):
  --host H         the server (default localhost)
  --tls MODE       implicit (default), starttls or none
  --port N         default 993 with implicit TLS, else 143
  --ca FILE        trust the CA certificates in this PEM file instead of the Mozilla roots
  --tls-name N     the name the server's certificate must carry (default: the host)
  --user U         the user name (required)
  --password P     the password (better in TYPED_IMAP_PASSWORD: arguments show in ps)
  --mailbox M      the mailbox to work on (default INBOX)";

impl Settings {
    /// Reads every setting; fails with a message that says what is missing.
    /// `--help` prints the settings and exits.
    pub fn from_env() -> Result<Settings, String> {
        if flag("help") {
            println!("{USAGE}");
            std::process::exit(0);
        }
        let tls = match setting("tls").as_deref().unwrap_or("implicit") {
            "implicit" | "ssl" => Security::Implicit,
            "starttls" => Security::StartTls,
            "none" | "plain" => Security::Clear,
            other => return Err(format!("tls must be implicit, starttls or none, not {other:?}")),
        };
        let port = match setting("port") {
            Some(p) => p.parse().map_err(|_| format!("port {p:?} is not a number"))?,
            None if tls == Security::Implicit => DEFAULT_TLS_PORT,
            None => DEFAULT_PORT,
        };
        Ok(Settings {
            host: setting("host").unwrap_or_else(|| "localhost".into()),
            port,
            tls,
            ca: setting("ca").map(PathBuf::from),
            tls_name: setting("tls-name"),
            user: required("user")?,
            password: setting("password"),
            mailbox: setting("mailbox").unwrap_or_else(|| "INBOX".into()),
        })
    }

    /// `alice@127.0.0.1:11143 (STARTTLS)`, for the first line of output.
    pub fn describe(&self) -> String {
        let how = match self.tls {
            Security::Implicit => "implicit TLS",
            Security::StartTls => "STARTTLS",
            Security::Clear => "no TLS",
        };
        let trust = match (&self.ca, self.tls) {
            (_, Security::Clear) => String::new(),
            (Some(ca), _) => format!(", trusting {}", ca.display()),
            (None, _) => ", trusting the Mozilla roots".into(),
        };
        format!("{}@{}:{} ({how}{trust})", self.user, self.host, self.port)
    }

    /// Connects (TLS as asked, certificate verified) without logging in.
    pub fn connect(&self) -> Result<Session, typed_imap::Error> {
        let mut builder = Session::builder().timeout(Duration::from_secs(30));
        if let Some(ca) = &self.ca {
            builder = builder.ca_pem_file(ca);
        }
        if let Some(name) = &self.tls_name {
            builder = builder.server_name(name);
        }
        let mut session = match self.tls {
            Security::Implicit => builder.connect_tls(&self.host, self.port)?,
            Security::StartTls | Security::Clear => builder.connect(&self.host, self.port)?,
        };
        if self.tls == Security::StartTls {
            session.starttls()?;
        }
        Ok(session)
    }

    /// Connects and logs in with LOGIN; fails before connecting when no
    /// password is set.
    pub fn login(&self) -> Result<Session, Box<dyn std::error::Error>> {
        let password = required("password")?;
        let mut session = self.connect()?;
        session.run(Login::new(&self.user, password.as_bytes())?)?;
        Ok(session)
    }
}

/// Decodes the RFC 2047 encoded words of a header value for display
/// (`=?UTF-8?B?...?=`, `=?ISO-8859-1?Q?...?=`). The library hands header
/// fields over as the server sent them; an application would use a MIME
/// crate for this. Unknown charsets and broken words are left as they are.
pub fn decode_words(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    let mut out = String::new();
    let mut rest: &str = &text;
    let mut last_was_word = false;
    while let Some(start) = rest.find("=?") {
        let Some((decoded, len)) = encoded_word(&rest[start..]) else {
            out.push_str(&rest[..start + 2]);
            rest = &rest[start + 2..];
            last_was_word = false;
            continue;
        };
        let between = &rest[..start];
        // Whitespace between two encoded words is dropped (RFC 2047 section 6.2).
        if !(last_was_word && between.trim().is_empty()) {
            out.push_str(between);
        }
        out.push_str(&decoded);
        rest = &rest[start + len..];
        last_was_word = true;
    }
    out.push_str(rest);
    out
}

/// One `=?charset?enc?text?=` at the start of `s`: its text and length.
fn encoded_word(s: &str) -> Option<(String, usize)> {
    let mut fields = s[2..].splitn(3, '?');
    let (charset, encoding, tail) = (fields.next()?, fields.next()?, fields.next()?);
    let end = tail.find("?=")?;
    let payload = &tail[..end];
    let bytes = match encoding {
        "B" | "b" => base64::engine::general_purpose::STANDARD.decode(payload).ok()?,
        "Q" | "q" => quoted_printable(payload)?,
        _ => return None,
    };
    let text: Cow<'_, str> = match charset.to_ascii_uppercase().as_str() {
        "UTF-8" | "US-ASCII" => String::from_utf8_lossy(&bytes),
        "ISO-8859-1" | "LATIN1" => bytes.iter().map(|b| char::from(*b)).collect::<String>().into(),
        _ => return None,
    };
    Some((text.into_owned(), 2 + charset.len() + 1 + encoding.len() + 1 + end + 2))
}

/// The `Q` encoding: `_` is a space, `=XX` a byte.
fn quoted_printable(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut bytes = s.bytes();
    while let Some(b) = bytes.next() {
        match b {
            b'_' => out.push(b' '),
            b'=' => {
                let hex = [bytes.next()?, bytes.next()?];
                out.push(u8::from_str_radix(std::str::from_utf8(&hex).ok()?, 16).ok()?);
            }
            _ => out.push(b),
        }
    }
    Some(out)
}
