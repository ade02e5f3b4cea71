//! Logging in over the tokio driver: LOGIN, AUTHENTICATE with any
//! [`Authenticator`], and imaplib's `login_cram_md5` (RFC 3501 sections
//! 6.2.2 and 6.2.3), as the blocking driver's `auth.rs`.
//!
//! After a successful login the server's capabilities may have changed
//! (RFC 3501 section 6.2.2); the session takes them from the tagged OK's
//! `[CAPABILITY ...]` code or asks again at once, so
//! [`Session::capabilities`] is right when the method returns
//! (conformance item 60).
//!
//! AUTHENTICATE does not check that the server advertises
//! `AUTH=<mechanism>`, as imaplib does not: servers accept mechanisms they
//! do not list (XOAUTH2 behind a flag, say), and a server that does not
//! know the mechanism answers NO (vector V6), which is the error the
//! caller gets. LOGIN, in contrast, is refused before the password leaves
//! when the server advertises `LOGINDISABLED` (conformance item 62).

use tokio::io::{AsyncRead, AsyncWrite};

use super::Session;
use crate::Error;
use crate::auth::{Authenticator, CramMd5};
use crate::command::{Authenticated, Capabilities, Login};
use crate::session::shared;

impl<S: AsyncRead + AsyncWrite + Unpin + Send> Session<S> {
    /// imaplib `login`: LOGIN (RFC 3501 section 6.2.3) with a user name
    /// and a password; the password always goes as a quoted string or a
    /// literal (conformance items 20, 21, 61), never logged.
    ///
    /// Refused with [`Error::Insecure`], with nothing sent, when the
    /// server advertises `LOGINDISABLED` (item 62) or when `require_tls`
    /// is set on a connection without TLS. A NO from the server is
    /// [`Error::No`]. The result holds the capabilities the server sent
    /// with its answer, if any.
    pub async fn login(&mut self, user: &str, password: &str) -> Result<Authenticated, Error> {
        let login = Login::new(user, password.as_bytes().to_vec())?;
        let authenticated = self.run(login).await?;
        self.after_login().await?;
        Ok(authenticated)
    }

    /// imaplib `authenticate(mechanism, authobject)`: AUTHENTICATE (RFC
    /// 3501 section 6.2.2) with `auth` answering each challenge; its
    /// initial response goes on the command line when the server
    /// advertises SASL-IR (RFC 4959, conformance item 58).
    ///
    /// A tagged NO is [`Error::No`] with the code and text (item 55); an
    /// authenticator that fails cancels with `*` and its error comes back
    /// as [`Error::Auth`] once the server answered, the connection still
    /// usable (item 59). `AUTH=<mechanism>` is not checked (see the module
    /// documentation). The result holds the capabilities the server sent
    /// in its tagged OK, if any.
    pub async fn authenticate<A: Authenticator + ?Sized>(
        &mut self,
        auth: &mut A,
    ) -> Result<Authenticated, Error> {
        shared::refuse_clear_text_credentials("AUTHENTICATE", self.require_tls, self.encrypted)?;
        let result = self.drive_sasl(auth).await;
        self.close_if_over().await;
        result?;
        let sent = self.capabilities().map(|caps| Capabilities(caps.to_vec()));
        self.after_login().await?;
        Ok(Authenticated { capabilities: sent })
    }

    /// imaplib `login_cram_md5`: AUTHENTICATE CRAM-MD5 (RFC 2195) with
    /// `user` and `password` (conformance item 56, vector V7).
    pub async fn login_cram_md5(&mut self, user: &str, password: &str) -> Result<Authenticated, Error> {
        self.authenticate(&mut CramMd5::new(user, password)).await
    }

    /// The capabilities after a login: those of the tagged OK, or asked
    /// for again.
    async fn after_login(&mut self) -> Result<(), Error> {
        match self.capabilities() {
            Some(_) => Ok(()),
            None => self.refresh_capabilities().await.map(drop),
        }
    }
}
