//! TLS with rustls: implicit TLS (RFC 8314 section 3.2, port 993) and the
//! handshake after STARTTLS (RFC 3501 section 6.2.1).
//!
//! Certificates and host names are verified by default, against the
//! Mozilla roots compiled in (`webpki-roots`): imaplib verifies nothing
//! by default (conformance item 13). A private server's CA is given as PEM
//! with [`TlsOptions::ca_pem`] or [`TlsOptions::ca_pem_file`]; a client
//! certificate and key (imaplib's `certfile`/`keyfile`) with
//! [`TlsOptions::client_cert_pem`].

use std::io;
use std::net::TcpStream;
use std::path::PathBuf;
use std::sync::Arc;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
use rustls::{ClientConfig, ClientConnection, RootCertStore, StreamOwned};

/// A TLS connection over TCP, as rustls drives it.
pub type TlsStream = StreamOwned<ClientConnection, TcpStream>;

/// PEM text, given as bytes or as a file to read when connecting.
#[derive(Clone, Debug)]
enum Pem {
    Bytes(Vec<u8>),
    File(PathBuf),
}

/// How to verify the server and what to show it: the trusted roots, an
/// optional client certificate, the name to verify.
///
/// `Default` trusts the webpki (Mozilla) roots, sends no client
/// certificate, and verifies the host name connected to.
#[derive(Clone, Debug, Default)]
pub struct TlsOptions {
    ca: Option<Pem>,
    client: Option<(Pem, Pem)>,
    server_name: Option<String>,
}

impl TlsOptions {
    /// Trusts the CA certificates in `pem` (PEM text) instead of the
    /// default roots: for a private server.
    pub fn ca_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.ca = Some(Pem::Bytes(pem.into()));
        self
    }

    /// Trusts the CA certificates in the PEM file at `path`, read when
    /// connecting, instead of the default roots.
    pub fn ca_pem_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.ca = Some(Pem::File(path.into()));
        self
    }

    /// Shows the server this certificate chain and key, both PEM text
    /// (imaplib's `certfile` and `keyfile`).
    pub fn client_cert_pem(mut self, cert_chain: impl Into<Vec<u8>>, key: impl Into<Vec<u8>>) -> Self {
        self.client = Some((Pem::Bytes(cert_chain.into()), Pem::Bytes(key.into())));
        self
    }

    /// Shows the server the certificate chain and key in these PEM files,
    /// read when connecting.
    pub fn client_cert_pem_files(mut self, cert_chain: impl Into<PathBuf>, key: impl Into<PathBuf>) -> Self {
        self.client = Some((Pem::File(cert_chain.into()), Pem::File(key.into())));
        self
    }

    /// Verifies (and sends as SNI) `name` instead of the host connected to.
    pub fn server_name(mut self, name: impl Into<String>) -> Self {
        self.server_name = Some(name.into());
        self
    }

    /// The rustls client configuration these options describe, with the
    /// `ring` provider. Fails on unreadable or malformed PEM.
    pub(crate) fn client_config(&self) -> io::Result<Arc<ClientConfig>> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(invalid)?
            .with_root_certificates(self.roots()?);
        let config = match &self.client {
            Some((chain, key)) => {
                builder.with_client_auth_cert(certs(chain)?, private_key(key)?).map_err(invalid)?
            }
            None => builder.with_no_client_auth(),
        };
        Ok(Arc::new(config))
    }

    fn roots(&self) -> io::Result<RootCertStore> {
        let Some(ca) = &self.ca else {
            return Ok(RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() });
        };
        let mut roots = RootCertStore::empty();
        for cert in certs(ca)? {
            roots.add(cert).map_err(invalid)?;
        }
        Ok(roots)
    }

    /// The name to verify and send as SNI: the override, else `host`.
    pub(crate) fn name_for(&self, host: &str) -> io::Result<ServerName<'static>> {
        let name = self.server_name.as_deref().unwrap_or(host);
        ServerName::try_from(name.to_owned()).map_err(invalid)
    }
}

/// Runs the TLS handshake over `tcp` for `host`, verifying the server's
/// certificate and name, and returns the encrypted stream. Fails (with
/// [`io::ErrorKind::InvalidData`] for a refused certificate) before any
/// IMAP byte is exchanged.
pub fn wrap(mut tcp: TcpStream, host: &str, options: &TlsOptions) -> io::Result<TlsStream> {
    let mut conn =
        ClientConnection::new(options.client_config()?, options.name_for(host)?).map_err(invalid)?;
    while conn.is_handshaking() {
        conn.complete_io(&mut tcp)?;
    }
    Ok(StreamOwned::new(conn, tcp))
}

/// Sends close_notify (best effort) and shuts the socket down.
pub(super) fn close(tls: &mut TlsStream) {
    tls.conn.send_close_notify();
    let _ = tls.conn.write_tls(&mut tls.sock);
    let _ = tls.sock.shutdown(std::net::Shutdown::Both);
}

fn read_pem(pem: &Pem) -> io::Result<Vec<u8>> {
    match pem {
        Pem::Bytes(bytes) => Ok(bytes.clone()),
        Pem::File(path) => std::fs::read(path),
    }
}

/// Every certificate in a PEM text; none is an error.
fn certs(pem: &Pem) -> io::Result<Vec<CertificateDer<'static>>> {
    let bytes = read_pem(pem)?;
    let certs = CertificateDer::pem_slice_iter(&bytes).collect::<Result<Vec<_>, _>>().map_err(invalid)?;
    match certs.is_empty() {
        true => Err(invalid("no certificate in the PEM text")),
        false => Ok(certs),
    }
}

fn private_key(pem: &Pem) -> io::Result<PrivateKeyDer<'static>> {
    PrivateKeyDer::from_pem_slice(&read_pem(pem)?).map_err(invalid)
}

fn invalid(e: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, e)
}
