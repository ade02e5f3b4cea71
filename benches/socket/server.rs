//! A scripted IMAP server on loopback for the session benchmark: a
//! greeting, CAPABILITY, OK to LOGIN, a SELECT with EXISTS, and the corpus as the
//! answer to FETCH, whatever is asked. One thread per connection; it reads
//! the client's command lines and writes from memory, so what is measured
//! is the client.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;

/// Starts the server for `corpus` (`messages` FETCH responses); its port.
pub fn start(corpus: Arc<Vec<u8>>, messages: usize) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let port = listener.local_addr().expect("bound").port();
    std::thread::spawn(move || {
        for connection in listener.incoming().flatten() {
            let corpus = Arc::clone(&corpus);
            std::thread::spawn(move || {
                // A client that goes away ends its connection; nothing to report.
                let _ = serve(connection, &corpus, messages);
            });
        }
    });
    port
}

/// Answers one client until LOGOUT or end of stream.
fn serve(connection: TcpStream, corpus: &[u8], messages: usize) -> std::io::Result<()> {
    connection.set_nodelay(true)?;
    let mut out = connection.try_clone()?;
    let mut lines = BufReader::new(connection);
    out.write_all(b"* OK [CAPABILITY IMAP4rev1] bench server ready\r\n")?;
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let mut words = line.split_whitespace();
        let tag = words.next().unwrap_or("*").to_owned();
        let mut command = words.next().unwrap_or_default().to_ascii_uppercase();
        if command == "UID" {
            command = words.next().unwrap_or_default().to_ascii_uppercase();
        }
        match command.as_str() {
            "CAPABILITY" => write!(out, "* CAPABILITY IMAP4rev1\r\n{tag} OK done\r\n")?,
            "LOGIN" => write!(out, "{tag} OK [CAPABILITY IMAP4rev1] logged in\r\n")?,
            "SELECT" | "EXAMINE" => write!(
                out,
                "* {messages} EXISTS\r\n* OK [UIDVALIDITY 1] UIDs valid\r\n{tag} OK [READ-WRITE] done\r\n"
            )?,
            "FETCH" => {
                out.write_all(corpus)?;
                write!(out, "{tag} OK FETCH done\r\n")?;
            }
            "LOGOUT" => {
                write!(out, "* BYE bench server\r\n{tag} OK done\r\n")?;
                return Ok(());
            }
            _ => write!(out, "{tag} OK done\r\n")?,
        }
    }
}
