//! Shared test helpers: the scripted server and the test certificates.

pub mod certs;
pub mod scripted_server;
