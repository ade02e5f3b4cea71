//! Shared test helpers: the scripted server, the test certificates, and
//! the driver tests' commands.

pub mod certs;
pub mod client;
pub mod scripted_server;
