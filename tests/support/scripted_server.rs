// Why this exists: the real test servers (Dovecot, Cyrus) answer correctly.
// The driver must also be shown against what no real server will send: a
// greeting cut off before CRLF, a literal of 2^63 bytes, BYE in the middle
// of a command, a tag nobody sent, bytes injected after the STARTTLS OK, a
// server that stops answering, and exact wire bytes at each step. This
// server follows a script and asserts every byte it receives.

#![allow(dead_code)]

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use rustls::{ServerConfig, ServerConnection, StreamOwned};

/// How long the server waits for the client at any step.
const PATIENCE: Duration = Duration::from_secs(5);

/// One step of a script.
enum Step {
    /// Writes these bytes; `<tag>` stands for the last tag received.
    Send(Vec<u8>),
    /// Reads a line `TAG rest` and checks `rest`; remembers `TAG`.
    ExpectCommand(Vec<u8>),
    /// Reads exactly these bytes.
    Expect(Vec<u8>),
    Sleep(Duration),
    /// Sends FIN and drains until the client closes.
    Close,
    /// Closes the TCP connection without a TLS close_notify.
    HangUp,
    /// Checks the client sends nothing more before it closes.
    ExpectEof,
    /// Checks the client sends nothing for this long.
    Silence(Duration),
    /// Runs the server side of a TLS handshake.
    Tls(Arc<ServerConfig>),
}

/// A server's script, built step by step.
#[derive(Default)]
pub struct Script {
    steps: Vec<Step>,
}

impl Script {
    pub fn new() -> Self {
        Script::default()
    }

    /// Sends `text` as is (`<tag>` replaced by the last tag received).
    pub fn send(mut self, text: &str) -> Self {
        self.steps.push(Step::Send(text.as_bytes().to_vec()));
        self
    }

    /// Sends raw bytes.
    pub fn send_bytes(mut self, bytes: &[u8]) -> Self {
        self.steps.push(Step::Send(bytes.to_vec()));
        self
    }

    /// Expects `<tag> rest`: `expect("<tag> CAPABILITY\r\n")`; anything
    /// else is expected byte for byte.
    pub fn expect(mut self, text: &str) -> Self {
        let step = match text.strip_prefix("<tag> ") {
            Some(rest) => Step::ExpectCommand(rest.as_bytes().to_vec()),
            None => Step::Expect(text.as_bytes().to_vec()),
        };
        self.steps.push(step);
        self
    }

    pub fn sleep(mut self, ms: u64) -> Self {
        self.steps.push(Step::Sleep(Duration::from_millis(ms)));
        self
    }

    /// Checks the client sends nothing for `ms` milliseconds.
    pub fn expect_silence(mut self, ms: u64) -> Self {
        self.steps.push(Step::Silence(Duration::from_millis(ms)));
        self
    }

    pub fn close(mut self) -> Self {
        self.steps.push(Step::Close);
        self
    }

    /// Closes TCP under TLS without close_notify (a truncation, to rustls).
    pub fn hang_up(mut self) -> Self {
        self.steps.push(Step::HangUp);
        self
    }

    pub fn expect_eof(mut self) -> Self {
        self.steps.push(Step::ExpectEof);
        self
    }

    pub fn tls(mut self, config: Arc<ServerConfig>) -> Self {
        self.steps.push(Step::Tls(config));
        self
    }

    /// `* OK IMAP4rev1\r\n`, then the automatic CAPABILITY answered with
    /// `caps`: what most tests start with.
    pub fn greet(self, caps: &str) -> Self {
        self.send("* OK IMAP4rev1 ready\r\n")
            .expect("<tag> CAPABILITY\r\n")
            .send(&format!("* CAPABILITY {caps}\r\n<tag> OK CAPABILITY completed\r\n"))
    }
}

/// What the server saw.
#[derive(Debug, Default)]
pub struct Report {
    /// A client connected.
    pub connected: bool,
    /// Every tag received, in order.
    pub tags: Vec<String>,
    /// The server-side TLS handshake failed with this.
    pub tls_error: Option<String>,
}

/// A scripted server listening on 127.0.0.1.
pub struct Server {
    port: u16,
    handle: JoinHandle<Report>,
}

impl Server {
    /// Listens on an ephemeral port and plays `script` to the first client.
    pub fn start(script: Script) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let handle = thread::spawn(move || play(listener, script));
        Server { port, handle }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Waits for the script's end; a failed server assertion fails the test.
    pub fn finish(self) -> Report {
        match self.handle.join() {
            Ok(report) => report,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
}

fn accept(listener: &TcpListener) -> Option<TcpStream> {
    listener.set_nonblocking(true).unwrap();
    let deadline = Instant::now() + PATIENCE;
    while Instant::now() < deadline {
        match listener.accept() {
            Ok((tcp, _)) => {
                tcp.set_nonblocking(false).unwrap();
                tcp.set_read_timeout(Some(PATIENCE)).unwrap();
                return Some(tcp);
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => thread::sleep(Duration::from_millis(5)),
            Err(e) => panic!("accept: {e}"),
        }
    }
    None
}

fn play(listener: TcpListener, script: Script) -> Report {
    let mut report = Report::default();
    let Some(tcp) = accept(&listener) else { return report };
    report.connected = true;
    let mut conn = Conn { stream: Stream::Plain(tcp), pending: Vec::new(), tag: String::new() };
    for step in script.steps {
        match step {
            Step::Send(bytes) => conn.send(&bytes),
            Step::ExpectCommand(rest) => {
                let tag = conn.expect_command(&rest);
                report.tags.push(tag);
            }
            Step::Expect(bytes) => conn.expect(&bytes),
            Step::Sleep(d) => thread::sleep(d),
            Step::Close => return conn.close(report),
            Step::HangUp => return conn.hang_up(report),
            Step::ExpectEof => conn.expect_eof(),
            Step::Silence(d) => conn.expect_silence(d),
            Step::Tls(config) => {
                if let Err(e) = conn.start_tls(config) {
                    report.tls_error = Some(e.to_string());
                    return report;
                }
            }
        }
    }
    report
}

enum Stream {
    Plain(TcpStream),
    Tls(Box<StreamOwned<ServerConnection, TcpStream>>),
    Gone,
}

struct Conn {
    stream: Stream,
    pending: Vec<u8>,
    tag: String,
}

impl Conn {
    fn io(&mut self) -> &mut dyn ReadWrite {
        match &mut self.stream {
            Stream::Plain(tcp) => tcp,
            Stream::Tls(tls) => tls.as_mut(),
            Stream::Gone => panic!("stream gone"),
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        let text = String::from_utf8_lossy(bytes);
        let bytes = match text.contains("<tag>") {
            true => text.replace("<tag>", &self.tag).into_bytes(),
            false => bytes.to_vec(),
        };
        // The client may already have closed (hostile tests): not an error.
        let _ = self.io().write_all(&bytes).and_then(|_| self.io().flush());
    }

    /// Reads more bytes into `pending`; false at EOF.
    fn fill(&mut self) -> bool {
        let mut buf = [0; 4096];
        match self.io().read(&mut buf) {
            Ok(0) => false,
            Ok(n) => {
                self.pending.extend_from_slice(&buf[..n]);
                true
            }
            Err(e) if e.kind() == io::ErrorKind::ConnectionReset => false,
            Err(e) => panic!("server read: {e} (pending {:?})", show(&self.pending)),
        }
    }

    fn take(&mut self, n: usize) -> Vec<u8> {
        while self.pending.len() < n {
            assert!(self.fill(), "client closed; expected {n} bytes, have {:?}", show(&self.pending));
        }
        self.pending.drain(..n).collect()
    }

    fn take_line(&mut self) -> Vec<u8> {
        loop {
            if let Some(i) = self.pending.iter().position(|&b| b == b'\n') {
                return self.pending.drain(..=i).collect();
            }
            assert!(self.fill(), "client closed mid-line: {:?}", show(&self.pending));
        }
    }

    fn expect(&mut self, bytes: &[u8]) {
        let got = self.take(bytes.len());
        assert_eq!(show(&got), show(bytes), "the client sent other bytes");
    }

    fn expect_command(&mut self, rest: &[u8]) -> String {
        let line = self.take_line();
        let space = line.iter().position(|&b| b == b' ').unwrap_or(line.len());
        let (tag, got) = line.split_at(space);
        assert_eq!(show(got.get(1..).unwrap_or_default()), show(rest), "the client sent another command");
        self.tag = String::from_utf8(tag.to_vec()).unwrap();
        self.tag.clone()
    }

    fn expect_eof(&mut self) {
        while self.fill() {}
        assert!(self.pending.is_empty(), "the client sent more: {:?}", show(&self.pending));
    }

    fn expect_silence(&mut self, wait: Duration) {
        let Stream::Plain(tcp) = &mut self.stream else { panic!("silence is checked on plain TCP only") };
        tcp.set_read_timeout(Some(wait)).unwrap();
        let mut buf = [0; 64];
        match tcp.read(&mut buf) {
            Ok(n) => assert_eq!(n, 0, "the client spoke: {:?}", show(&buf[..n])),
            Err(e) => assert!(matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut), "{e}"),
        }
        tcp.set_read_timeout(Some(PATIENCE)).unwrap();
        assert!(self.pending.is_empty(), "the client spoke: {:?}", show(&self.pending));
    }

    fn close(mut self, report: Report) -> Report {
        if let Stream::Plain(tcp) = &self.stream {
            let _ = tcp.shutdown(Shutdown::Write);
        }
        if let Stream::Tls(tls) = &mut self.stream {
            tls.conn.send_close_notify();
            let _ = tls.conn.write_tls(&mut tls.sock);
            let _ = tls.sock.shutdown(Shutdown::Write);
        }
        // Drain so that unread client bytes do not turn the close into a reset.
        while matches!(self.io().read(&mut [0; 4096]), Ok(n) if n > 0) {}
        report
    }

    fn hang_up(mut self, report: Report) -> Report {
        let tcp = match &self.stream {
            Stream::Plain(tcp) => tcp,
            Stream::Tls(tls) => &tls.sock,
            Stream::Gone => return report,
        };
        let _ = tcp.shutdown(Shutdown::Write);
        let mut tcp = tcp.try_clone().unwrap();
        while matches!(tcp.read(&mut [0; 4096]), Ok(n) if n > 0) {}
        self.stream = Stream::Gone;
        report
    }

    fn start_tls(&mut self, config: Arc<ServerConfig>) -> Result<(), rustls::Error> {
        assert!(self.pending.is_empty(), "the client sent bytes before the handshake");
        let Stream::Plain(mut tcp) = std::mem::replace(&mut self.stream, Stream::Gone) else {
            panic!("TLS over TLS");
        };
        let mut tls = ServerConnection::new(config)?;
        while tls.is_handshaking() {
            if let Err(e) = tls.complete_io(&mut tcp) {
                return Err(rustls::Error::General(e.to_string()));
            }
        }
        self.stream = Stream::Tls(Box::new(StreamOwned::new(tls, tcp)));
        Ok(())
    }
}

trait ReadWrite: Read + Write {}
impl<T: Read + Write> ReadWrite for T {}

/// Bytes as text with CR and LF visible.
pub fn show(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).replace('\r', "\\r").replace('\n', "\\n")
}
