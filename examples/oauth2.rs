//! Logging in with an OAuth 2.0 access token (SASL XOAUTH2), as Gmail and
//! Outlook.com / Microsoft 365 require instead of passwords.
//!
//! ```sh
//! export TYPED_IMAP_OAUTH2_TOKEN=ya29.a0Af...   # from your OAuth 2.0 flow
//! cargo run --example oauth2 -- --host imap.gmail.com --user someone@gmail.com
//! ```
//!
//! Getting the token is not IMAP's business: it is your provider's OAuth
//! 2.0 flow (Google: scope `https://mail.google.com/`; Microsoft: scope
//! `https://outlook.office.com/IMAP.AccessAsUser.All`), done by your
//! application or by a tool such as `oauth2l`. Tokens expire within about
//! an hour; fetch a fresh one for each login.
//!
//! The token is read from `--oauth2-token`, `TYPED_IMAP_OAUTH2_TOKEN` or
//! `IMAP_OAUTH2_TOKEN` (the environment is the better place: arguments show
//! in `ps`). The other settings as in every example (`examples/common/mod.rs`);
//! the default is implicit TLS on port 993 with the Mozilla roots.
//!
//! What it does: connects, checks that the server offers `AUTH=XOAUTH2`,
//! sends `AUTHENTICATE XOAUTH2` with `user=<user>^Aauth=Bearer
//! <token>^A^A` (base64; on the command line when the server offers
//! SASL-IR), and on success lists the mailboxes. `XOAuth2`'s `Debug` never
//! shows the token. A server that refuses the token sends an error
//! challenge (JSON) before its NO: `Session::authenticate` answers it, and
//! the example prints the server's reason from `server_error()`.

mod common;

use typed_imap::auth::XOAuth2;
use typed_imap::command::List;

fn main() {
    if let Err(e) = run() {
        eprintln!("oauth2: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let Some(token) = common::setting("oauth2-token") else {
        println!("oauth2: no token set, so nothing to do.");
        println!("Set TYPED_IMAP_OAUTH2_TOKEN to an OAuth 2.0 access token for the account, and");
        println!("TYPED_IMAP_HOST / TYPED_IMAP_USER to the server and the mail address, then run again:");
        println!("the example logs in with AUTHENTICATE XOAUTH2 and lists the mailboxes.");
        return Ok(());
    };
    let settings = common::Settings::from_env()?;
    let mut session = settings.connect()?;
    println!("connected to {}", settings.describe());
    if !session.has_capability("AUTH=XOAUTH2") {
        return Err("the server does not offer AUTH=XOAUTH2".into());
    }
    let mut xoauth2 = XOAuth2::new(settings.user.as_str(), token)?;
    match session.authenticate(&mut xoauth2) {
        Ok(_) => println!("authenticated as {}", settings.user),
        Err(typed_imap::Error::No(refusal)) => {
            let detail = xoauth2.server_error().map(String::from_utf8_lossy).unwrap_or_default();
            return Err(format!("token refused: {} {detail}", refusal.raw).into());
        }
        Err(e) => return Err(e.into()),
    }

    for item in session.run(List::new("", "*")?)? {
        println!("  {}", item.mailbox.name());
    }
    session.logout()?;
    Ok(())
}
