// Why this exists: the scripted server (scripted_server.rs) speaks plain
// text. COMPRESS (RFC 4978) needs a server that turns DEFLATE on right
// after the CRLF of its tagged OK, that can put its first compressed bytes
// in the same write as that OK (the bytes the client must inflate, not
// parse as text), and that can send what no real server sends: a
// compression bomb, bytes that are not DEFLATE, a stream cut in the middle
// of a block. Same shape as the scripted server: a script of steps, played
// to the first client on a loopback port, every byte received checked.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress};

use crate::support::scripted_server::show;

/// How long the server waits for the client at any step.
const PATIENCE: Duration = Duration::from_secs(5);

enum Step {
    /// Text (`<tag>` replaced by the last tag), compressed once DEFLATE is on.
    Send(String),
    /// Bytes exactly as given, compressed or not.
    SendRaw(Vec<u8>),
    /// Reads a line `TAG rest` (inflated once DEFLATE is on), checks `rest`.
    Expect(String),
    /// Reads exactly these bytes (inflated once DEFLATE is on).
    ExpectBytes(Vec<u8>),
    /// In one write: `<tag> OK` plain, then this text compressed; DEFLATE
    /// stays on.
    OkThenDeflate(String),
    /// Compresses this text with a sync flush and sends only the first
    /// half of the compressed bytes.
    SendCut(String),
    /// Waits this long.
    Sleep(Duration),
    /// Sends FIN and drains until the client closes.
    Close,
}

/// A COMPRESS-aware server's script.
#[derive(Default)]
pub struct DeflateScript {
    steps: Vec<Step>,
}

impl DeflateScript {
    /// `* PREAUTH` with `caps` in a CAPABILITY code: authenticated at once.
    pub fn preauth(caps: &str) -> Self {
        DeflateScript::default().send(&format!("* PREAUTH [CAPABILITY {caps}] ready\r\n"))
    }

    pub fn send(mut self, text: &str) -> Self {
        self.steps.push(Step::Send(text.into()));
        self
    }

    pub fn send_raw(mut self, bytes: &[u8]) -> Self {
        self.steps.push(Step::SendRaw(bytes.to_vec()));
        self
    }

    /// Expects `<tag> rest`: `expect("<tag> NOOP\r\n")`.
    pub fn expect(mut self, line: &str) -> Self {
        let rest = line.strip_prefix("<tag> ").unwrap_or(line);
        self.steps.push(Step::Expect(rest.into()));
        self
    }

    /// Expects exactly `bytes` (a literal's data), with no tag.
    pub fn expect_bytes(mut self, bytes: &[u8]) -> Self {
        self.steps.push(Step::ExpectBytes(bytes.to_vec()));
        self
    }

    /// Expects `COMPRESS DEFLATE`, answers OK and turns DEFLATE on, with
    /// `first` (may be empty) compressed in the same write as the OK.
    pub fn compress(self, first: &str) -> Self {
        self.expect("<tag> COMPRESS DEFLATE\r\n").ok_then_deflate(first)
    }

    /// Answers OK to the last command and turns DEFLATE on, with `first`
    /// (may be empty) compressed in the same write as the OK.
    pub fn ok_then_deflate(mut self, first: &str) -> Self {
        self.steps.push(Step::OkThenDeflate(first.into()));
        self
    }

    pub fn send_cut(mut self, text: &str) -> Self {
        self.steps.push(Step::SendCut(text.into()));
        self
    }

    pub fn sleep(mut self, ms: u64) -> Self {
        self.steps.push(Step::Sleep(Duration::from_millis(ms)));
        self
    }

    pub fn close(mut self) -> Self {
        self.steps.push(Step::Close);
        self
    }
}

/// A server playing a [`DeflateScript`] on 127.0.0.1.
pub struct DeflateServer {
    port: u16,
    handle: JoinHandle<Vec<String>>,
}

impl DeflateServer {
    pub fn start(script: DeflateScript) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let handle = thread::spawn(move || play(listener, script));
        DeflateServer { port, handle }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Waits for the script's end and returns the tags received; a failed
    /// server assertion fails the test.
    pub fn finish(self) -> Vec<String> {
        match self.handle.join() {
            Ok(tags) => tags,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
}

fn play(listener: TcpListener, script: DeflateScript) -> Vec<String> {
    let (tcp, _) = listener.accept().unwrap();
    tcp.set_read_timeout(Some(PATIENCE)).unwrap();
    let mut conn = Conn { tcp, deflate: None, plain: Vec::new(), tag: String::new(), tags: Vec::new() };
    for step in script.steps {
        match step {
            Step::Send(text) => conn.send(&text),
            Step::SendRaw(bytes) => conn.write(&bytes),
            Step::Expect(rest) => conn.expect(&rest),
            Step::ExpectBytes(bytes) => conn.expect_bytes(&bytes),
            Step::OkThenDeflate(first) => conn.ok_then_deflate(&first),
            Step::SendCut(text) => conn.send_cut(&text),
            Step::Sleep(wait) => thread::sleep(wait),
            Step::Close => conn.close(),
        }
    }
    conn.tags
}

/// The server's two DEFLATE streams.
struct Streams {
    out: Compress,
    inflate: Decompress,
}

struct Conn {
    tcp: TcpStream,
    deflate: Option<Streams>,
    /// Plain (inflated) bytes received and not yet checked.
    plain: Vec<u8>,
    tag: String,
    tags: Vec<String>,
}

impl Conn {
    fn write(&mut self, bytes: &[u8]) {
        // The client may already have closed (hostile tests): not an error.
        let _ = self.tcp.write_all(bytes).and_then(|()| self.tcp.flush());
    }

    fn send(&mut self, text: &str) {
        let bytes = text.replace("<tag>", &self.tag).into_bytes();
        let bytes = match &mut self.deflate {
            Some(streams) => deflate_sync(&mut streams.out, &bytes),
            None => bytes,
        };
        self.write(&bytes);
    }

    fn ok_then_deflate(&mut self, first: &str) {
        let mut out = Compress::new(Compression::fast(), false);
        let mut bytes = format!("{} OK DEFLATE active\r\n", self.tag).into_bytes();
        if !first.is_empty() {
            bytes.extend(deflate_sync(&mut out, first.as_bytes()));
        }
        assert!(self.plain.is_empty(), "the client sent more before the OK: {:?}", show(&self.plain));
        self.deflate = Some(Streams { out, inflate: Decompress::new(false) });
        self.write(&bytes);
    }

    fn send_cut(&mut self, text: &str) {
        let streams = self.deflate.as_mut().expect("DEFLATE is on");
        let bytes = deflate_sync(&mut streams.out, text.as_bytes());
        self.write(&bytes[..bytes.len() / 2]);
    }

    fn expect(&mut self, rest: &str) {
        let line = self.take_line();
        let space = line.iter().position(|&b| b == b' ').unwrap_or(line.len());
        let (tag, got) = line.split_at(space);
        assert_eq!(
            show(got.get(1..).unwrap_or_default()),
            show(rest.as_bytes()),
            "the client sent another command"
        );
        self.tag = String::from_utf8(tag.to_vec()).unwrap();
        self.tags.push(self.tag.clone());
    }

    fn expect_bytes(&mut self, bytes: &[u8]) {
        while self.plain.len() < bytes.len() {
            self.receive();
        }
        let got: Vec<u8> = self.plain.drain(..bytes.len()).collect();
        assert_eq!(show(&got), show(bytes), "the client sent other bytes");
    }

    fn take_line(&mut self) -> Vec<u8> {
        loop {
            if let Some(i) = self.plain.iter().position(|&b| b == b'\n') {
                return self.plain.drain(..=i).collect();
            }
            self.receive();
        }
    }

    /// Reads what the client sent into `plain`, inflated once DEFLATE is on.
    fn receive(&mut self) {
        let mut buf = [0; 4096];
        let n = self.tcp.read(&mut buf).unwrap_or(0);
        assert!(n > 0, "the client closed; received so far: {:?}", show(&self.plain));
        match &mut self.deflate {
            Some(streams) => self.plain.extend(inflate(&mut streams.inflate, &buf[..n])),
            None => self.plain.extend_from_slice(&buf[..n]),
        }
    }

    fn close(&mut self) {
        let _ = self.tcp.shutdown(Shutdown::Write);
        // Drain so that unread client bytes do not turn the close into a reset.
        while matches!(self.tcp.read(&mut [0; 4096]), Ok(n) if n > 0) {}
    }
}

/// `data` compressed and ended with a sync flush, as RFC 4978 servers do.
pub fn deflate_sync(out: &mut Compress, data: &[u8]) -> Vec<u8> {
    let mut compressed = Vec::with_capacity(data.len() / 2 + 1024);
    let mut input = data;
    loop {
        compressed.reserve(64 * 1024);
        let before = out.total_in();
        out.compress_vec(input, &mut compressed, FlushCompress::Sync).unwrap();
        input = &input[(out.total_in() - before) as usize..];
        if input.is_empty() && compressed.len() < compressed.capacity() {
            return compressed;
        }
    }
}

/// Everything `data` inflates to (a whole sync-flushed piece).
pub fn inflate(d: &mut Decompress, data: &[u8]) -> Vec<u8> {
    let mut plain = Vec::new();
    let mut input = data;
    loop {
        plain.reserve(64 * 1024);
        let before = d.total_in();
        d.decompress_vec(input, &mut plain, FlushDecompress::None).unwrap();
        input = &input[(d.total_in() - before) as usize..];
        if input.is_empty() && plain.len() < plain.capacity() {
            return plain;
        }
    }
}
