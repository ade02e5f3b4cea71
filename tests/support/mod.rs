//! Shared test helpers: the scripted server, the test certificates, the
//! driver tests' commands, and a sans-I/O protocol in a given state.

pub mod certs;
pub mod client;
pub mod sans_io;
pub mod scripted_server;
