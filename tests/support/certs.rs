// Test certificates: a CA made for the test run and a server certificate
// it signs, so the TLS tests need no files and no network.

#![allow(dead_code)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair};
use rustls::ServerConfig;
use rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};

static CAS: AtomicUsize = AtomicUsize::new(0);

/// A CA and a server configuration with a leaf it signed.
pub struct Pki {
    /// The CA certificate, PEM.
    pub ca_pem: String,
    /// The server's TLS configuration (leaf + key).
    pub server: Arc<ServerConfig>,
}

/// A CA and a leaf for the subject alternative names `names` (DNS names,
/// or IP addresses when they parse as one).
pub fn pki(names: &[&str]) -> Pki {
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    // A distinct name per CA, so that another CA is an unknown issuer, not
    // the same issuer with a bad signature.
    let n = CAS.fetch_add(1, Ordering::Relaxed);
    ca_params.distinguished_name.push(DnType::CommonName, format!("typed-imap test CA {n}"));
    let ca_key = KeyPair::generate().unwrap();
    let ca = ca_params.self_signed(&ca_key).unwrap();
    let leaf_key = KeyPair::generate().unwrap();
    let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    let leaf = CertificateParams::new(names).unwrap().signed_by(&leaf_key, &ca, &ca_key).unwrap();
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(leaf_key.serialize_der()));
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let server = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![leaf.der().clone(), ca.der().clone()], key)
        .unwrap();
    Pki { ca_pem: ca.pem(), server: Arc::new(server) }
}
