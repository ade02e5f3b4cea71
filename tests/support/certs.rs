// Test certificates: a CA made for the test run and a server certificate
// it signs, so the TLS tests need no files and no network.

#![allow(dead_code)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rcgen::{BasicConstraints, Certificate, CertificateParams, DnType, IsCa, KeyPair};
use rustls::ServerConfig;
use rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};

/// Counts CAs, so that each has its own name: another CA is then an
/// unknown issuer, not the same issuer with a bad signature.
static CAS: AtomicUsize = AtomicUsize::new(0);

/// A CA and a server configuration with a leaf it signed.
pub struct Pki {
    /// The CA certificate, PEM.
    pub ca_pem: String,
    /// The server's TLS configuration (leaf + key).
    pub server: Arc<ServerConfig>,
}

/// A server that requires a client certificate signed by its CA, and one
/// such certificate.
pub struct ClientAuthPki {
    /// The CA certificate, PEM (trusted by both sides).
    pub ca_pem: String,
    /// The server's TLS configuration.
    pub server: Arc<ServerConfig>,
    /// A client certificate the server accepts, PEM.
    pub client_cert_pem: String,
    /// Its private key, PEM.
    pub client_key_pem: String,
}

/// A CA and a leaf for the subject alternative names `names` (DNS names,
/// or IP addresses when they parse as one).
pub fn pki(names: &[&str]) -> Pki {
    let (ca, ca_key) = ca();
    let (leaf, leaf_key) = issue(names, &ca, &ca_key);
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let server = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![leaf.der().clone(), ca.der().clone()], key_der(&leaf_key))
        .unwrap();
    Pki { ca_pem: ca.pem(), server: Arc::new(server) }
}

/// A CA, a server leaf for `localhost` and a client leaf; the server
/// refuses clients without a certificate from the CA.
pub fn client_auth_pki() -> ClientAuthPki {
    let (ca, ca_key) = ca();
    let (leaf, leaf_key) = issue(&["localhost"], &ca, &ca_key);
    let (client, client_key) = issue(&["client.example"], &ca, &ca_key);
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut roots = rustls::RootCertStore::empty();
    roots.add(ca.der().clone()).unwrap();
    let verifier =
        rustls::server::WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider.clone())
            .build()
            .unwrap();
    let server = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_client_cert_verifier(verifier)
        .with_single_cert(vec![leaf.der().clone()], key_der(&leaf_key))
        .unwrap();
    ClientAuthPki {
        ca_pem: ca.pem(),
        server: Arc::new(server),
        client_cert_pem: client.pem(),
        client_key_pem: client_key.serialize_pem(),
    }
}

fn ca() -> (Certificate, KeyPair) {
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let n = CAS.fetch_add(1, Ordering::Relaxed);
    params.distinguished_name.push(DnType::CommonName, format!("typed-imap test CA {n}"));
    let key = KeyPair::generate().unwrap();
    (params.self_signed(&key).unwrap(), key)
}

fn issue(names: &[&str], ca: &Certificate, ca_key: &KeyPair) -> (Certificate, KeyPair) {
    let key = KeyPair::generate().unwrap();
    let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    (CertificateParams::new(names).unwrap().signed_by(&key, ca, ca_key).unwrap(), key)
}

fn key_der(key: &KeyPair) -> PrivateKeyDer<'static> {
    PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()))
}
