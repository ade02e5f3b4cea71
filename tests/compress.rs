//! COMPRESS=DEFLATE (RFC 4978): the `DeflateStream` wrapper against
//! flate2 on the other side, and `Session::compress` against a scripted
//! server that turns DEFLATE on after its OK.

#[path = "support/compress_steps.rs"]
mod compress_steps;
mod support;

use std::collections::VecDeque;
use std::io::{self, Cursor, ErrorKind, Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use compress_steps::{DeflateScript, DeflateServer, deflate_sync, inflate};
use flate2::{Compress, Compression, Decompress, FlushCompress};
use support::client::XSend;
use typed_imap::Error;
use typed_imap::command::{Noop, State};
use typed_imap::session::Config;
use typed_imap::session::blocking::Session;
use typed_imap::transport::compress::{DEFAULT_READ_LIMIT, DeflateStream};
use typed_imap::types::Code;
use typed_imap::wire::FrameLimits;
use typed_imap::wire::frame::FrameErrorKind;

/// A peer's stream: reads hand out `chunks` one per call (then EOF, or an
/// error when `then_block`); writes are kept, at most `max_write` bytes a
/// call, and the write numbered `fail_write` fails once.
#[derive(Default)]
struct Peer {
    chunks: VecDeque<Vec<u8>>,
    then_block: bool,
    written: Vec<u8>,
    max_write: Option<usize>,
    writes: usize,
    fail_write: Option<usize>,
}

impl Peer {
    fn reading(chunks: impl IntoIterator<Item = Vec<u8>>) -> Self {
        Peer { chunks: chunks.into_iter().collect(), ..Peer::default() }
    }
}

impl Read for Peer {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let Some(mut chunk) = self.chunks.pop_front() else {
            return match self.then_block {
                true => Err(io::Error::new(ErrorKind::WouldBlock, "the peer has nothing more")),
                false => Ok(0),
            };
        };
        let n = buf.len().min(chunk.len());
        buf[..n].copy_from_slice(&chunk[..n]);
        if n < chunk.len() {
            self.chunks.push_front(chunk.split_off(n));
        }
        Ok(n)
    }
}

impl Write for Peer {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writes += 1;
        if self.fail_write == Some(self.writes) {
            return Err(io::Error::new(ErrorKind::WouldBlock, "write timed out"));
        }
        let n = buf.len().min(self.max_write.unwrap_or(usize::MAX));
        self.written.extend_from_slice(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn server_compressor() -> Compress {
    Compress::new(Compression::fast(), false)
}

/// Text that compresses, `len` bytes of IMAP-like lines.
fn responses(len: usize) -> Vec<u8> {
    let mut text = Vec::new();
    for n in 1.. {
        if text.len() >= len {
            break;
        }
        text.extend(format!("* {n} FETCH (FLAGS (\\Seen) UID {})\r\n", n * 7).bytes());
    }
    text.truncate(len);
    text
}

/// Bytes that do not compress (a linear congruential generator).
fn noise(len: usize) -> Vec<u8> {
    let mut x: u32 = 12345;
    (0..len)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 16) as u8
        })
        .collect()
}

fn read_all(stream: &mut impl Read) -> io::Result<Vec<u8>> {
    let mut all = Vec::new();
    stream.read_to_end(&mut all).map(|_| all)
}

// ---- the wrapper ----

#[test]
fn each_flush_ends_in_a_sync_marker_and_inflates_alone() {
    let mut client = DeflateStream::new(Peer::default());
    let mut server = Decompress::new(false);
    for command in ["A1 LOGIN alice secret\r\n", "A2 SELECT INBOX\r\n", "A3 FETCH 1:* (FLAGS)\r\n"] {
        let before = client.get_ref().written.len();
        client.write_all(command.as_bytes()).unwrap();
        client.flush().unwrap();
        let sent = client.get_ref().written[before..].to_vec();
        assert!(sent.ends_with(&[0, 0, 0xff, 0xff]), "not sync-flushed: {sent:02x?}");
        assert_eq!(inflate(&mut server, &sent), command.as_bytes());
    }
}

#[test]
fn a_flush_with_nothing_written_sends_nothing() {
    let mut client = DeflateStream::new(Peer::default());
    client.flush().unwrap();
    assert!(client.get_ref().written.is_empty());
    client.write_all(b"A1 NOOP\r\n").unwrap();
    client.flush().unwrap();
    let once = client.get_ref().written.len();
    client.flush().unwrap();
    assert_eq!(client.get_ref().written.len(), once, "a second flush added bytes");
}

#[test]
fn large_writes_are_taken_in_bounded_pieces_and_round_trip() {
    let data = noise(100_000);
    let mut client = DeflateStream::new(Peer::default());
    assert_eq!(client.write(&data).unwrap(), 16 * 1024);
    client.write_all(&data[16 * 1024..]).unwrap();
    client.flush().unwrap();
    let (plain, compressed) = client.write_totals();
    assert_eq!(plain, 100_000);
    assert_eq!(compressed, client.get_ref().written.len() as u64);
    assert_eq!(inflate(&mut Decompress::new(false), &client.get_ref().written), data);
}

#[test]
fn short_writes_and_a_failed_write_lose_nothing() {
    let peer = Peer { max_write: Some(5), fail_write: Some(3), ..Peer::default() };
    let mut client = DeflateStream::new(peer);
    client.write_all(b"A1 APPEND INBOX {5}\r\n").unwrap();
    let err = client.flush().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::WouldBlock);
    client.flush().unwrap();
    client.write_all(b"hello\r\n").unwrap();
    client.flush().unwrap();
    let sent = client.get_ref().written.clone();
    assert_eq!(inflate(&mut Decompress::new(false), &sent), b"A1 APPEND INBOX {5}\r\nhello\r\n");
}

#[test]
fn reads_inflate_what_the_server_compressed_in_any_chunking() {
    let mut server = server_compressor();
    let (text, binary) = (responses(200_000), noise(100_000));
    let mut compressed = deflate_sync(&mut server, &text);
    compressed.extend(deflate_sync(&mut server, &binary));
    for chunk in [1, 7, 4096, compressed.len()] {
        let chunks = compressed.chunks(chunk).map(<[u8]>::to_vec);
        let mut client = DeflateStream::new(Peer::reading(chunks));
        let all = read_all(&mut client).unwrap();
        assert_eq!(all.len(), text.len() + binary.len(), "chunks of {chunk}");
        assert!(all.starts_with(&text) && all.ends_with(&binary), "chunks of {chunk}");
    }
}

#[test]
fn output_held_back_by_a_small_buffer_comes_without_reading_again() {
    // The server sent everything and waits for the client: reading the
    // socket again would block. What the inflater holds must come first.
    let text = responses(300_000);
    let compressed = deflate_sync(&mut server_compressor(), &text);
    let peer = Peer { then_block: true, ..Peer::reading([compressed]) };
    let mut client = DeflateStream::new(peer);
    let mut got = Vec::new();
    let mut buf = [0; 1000];
    while got.len() < text.len() {
        let n = client.read(&mut buf).unwrap();
        got.extend_from_slice(&buf[..n]);
    }
    assert_eq!(got, text);
    assert_eq!(client.read(&mut buf).unwrap_err().kind(), ErrorKind::WouldBlock);
}

#[test]
fn a_bomb_is_handed_on_one_bounded_chunk_per_read() {
    let bomb = deflate_sync(&mut server_compressor(), &vec![b'a'; 16 << 20]);
    assert!(bomb.len() < 200_000, "the bomb is {} bytes", bomb.len());
    let mut client = DeflateStream::new(Peer::reading([bomb.clone()]));
    let mut huge = vec![0; 32 << 20];
    let n = client.read(&mut huge).unwrap();
    assert!(n > 0 && n <= DEFAULT_READ_LIMIT, "one read gave {n} bytes");

    let mut client = DeflateStream::new(Peer::reading([bomb])).with_read_limit(4096);
    let mut total = 0;
    loop {
        match client.read(&mut huge).unwrap() {
            0 => break,
            n => {
                assert!(n <= 4096, "one read gave {n} bytes");
                total += n;
            }
        }
    }
    assert_eq!(total, 16 << 20);
}

#[test]
fn a_stream_cut_in_a_block_is_an_error_not_a_hang() {
    let text = responses(20_000);
    let compressed = deflate_sync(&mut server_compressor(), &text);
    let cut = compressed[..compressed.len() / 2].to_vec();
    let (done, result) = mpsc::channel();
    thread::spawn(move || {
        let mut client = DeflateStream::new(Peer::reading([cut]));
        let mut got = Vec::new();
        let end = client.read_to_end(&mut got);
        let _ = done.send((end.map_err(|e| e.kind()), got));
    });
    let (end, got) = result.recv_timeout(Duration::from_secs(10)).expect("the read hung");
    assert_eq!(end, Err(ErrorKind::UnexpectedEof));
    assert!(got.len() < text.len() && text.starts_with(&got), "{} bytes, not a prefix", got.len());
}

#[test]
fn partial_and_full_flushes_inflate_too() {
    // RFC 4978 section 4 lets a server pick its flushes; zlib's partial
    // flush ends in an empty fixed block, not in the sync marker.
    let mut server = server_compressor();
    let mut compressed = Vec::new();
    for (text, flush) in
        [(&b"* 1 EXISTS\r\n"[..], FlushCompress::Partial), (b"* 2 EXISTS\r\n", FlushCompress::Full)]
    {
        compressed.reserve(1024);
        server.compress_vec(text, &mut compressed, flush).unwrap();
    }
    let mut client = DeflateStream::new(Peer { then_block: true, ..Peer::reading([compressed]) });
    let mut got = Vec::new();
    let mut buf = [0; 64];
    while got.len() < 24 {
        let n = client.read(&mut buf).unwrap();
        got.extend_from_slice(&buf[..n]);
    }
    assert_eq!(got, b"* 1 EXISTS\r\n* 2 EXISTS\r\n");
}

#[test]
fn the_end_at_a_flush_point_is_a_clean_end() {
    let compressed = deflate_sync(&mut server_compressor(), b"* BYE logging out\r\n");
    let mut client = DeflateStream::new(Peer::reading([compressed]));
    assert_eq!(read_all(&mut client).unwrap(), b"* BYE logging out\r\n");
    let mut nothing = DeflateStream::new(Peer::default());
    assert_eq!(read_all(&mut nothing).unwrap(), b"");
}

#[test]
fn bytes_that_are_not_deflate_are_invalid_data() {
    let mut client = DeflateStream::new(Cursor::new(b"\xff\xff* OK plain text\r\n".to_vec()));
    let err = read_all(&mut client).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidData);
    assert!(err.to_string().contains("invalid compressed data"), "{err}");
}

// ---- the session ----

fn connect(server: &DeflateServer) -> Session {
    Session::builder().timeout(Duration::from_secs(5)).connect("127.0.0.1", server.port()).unwrap()
}

fn logout(script: DeflateScript) -> DeflateScript {
    script.expect("<tag> LOGOUT\r\n").send("* BYE bye\r\n<tag> OK done\r\n")
}

#[test]
fn commands_and_responses_are_compressed_after_the_ok() {
    let script = DeflateScript::preauth("IMAP4rev1 COMPRESS=DEFLATE")
        .compress("")
        .expect("<tag> NOOP\r\n")
        .send("* 3 EXISTS\r\n<tag> OK NOOP done\r\n");
    let server = DeflateServer::start(logout(script));
    let mut session = connect(&server);
    session.compress().unwrap();
    session.run(Noop).unwrap();
    assert_eq!(session.take_events("EXISTS").len(), 1);
    session.logout().unwrap();
    assert_eq!(server.finish().len(), 3);
}

/// A TCP stream that counts the bytes it reads: what crossed the wire.
struct Counting {
    tcp: TcpStream,
    read: Arc<AtomicUsize>,
}

impl Read for Counting {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.tcp.read(buf)?;
        self.read.fetch_add(n, Ordering::Relaxed);
        Ok(n)
    }
}

impl Write for Counting {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.tcp.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.tcp.flush()
    }
}

#[test]
fn what_crosses_the_wire_is_compressed() {
    let many = "* 1 EXISTS\r\n".repeat(10_000);
    let script = DeflateScript::preauth("IMAP4rev1 COMPRESS=DEFLATE")
        .compress("")
        .expect("<tag> NOOP\r\n")
        .send(&format!("{many}<tag> OK NOOP done\r\n"));
    let server = DeflateServer::start(logout(script));
    let tcp = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
    tcp.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let read = Arc::new(AtomicUsize::new(0));
    let mut session = Session::from_stream(Counting { tcp, read: read.clone() }).unwrap();
    session.compress().unwrap();
    let before = read.load(Ordering::Relaxed);
    session.run(Noop).unwrap();
    assert_eq!(session.take_events("EXISTS").len(), 10_000);
    let on_the_wire = read.load(Ordering::Relaxed) - before;
    assert!(on_the_wire < many.len() / 20, "{on_the_wire} bytes read for {} plain", many.len());
    session.logout().unwrap();
    server.finish();
}

#[test]
fn compressed_bytes_in_the_same_write_as_the_ok_are_inflated_not_parsed() {
    let script = DeflateScript::preauth("IMAP4rev1 COMPRESS=DEFLATE")
        .compress("* 7 EXISTS\r\n* OK [ALERT] compressed already\r\n")
        .expect("<tag> NOOP\r\n")
        .send("<tag> OK NOOP done\r\n");
    let server = DeflateServer::start(logout(script));
    let mut session = connect(&server);
    session.compress().unwrap();
    session.run(Noop).unwrap();
    assert_eq!(session.take_events("EXISTS").len(), 1);
    assert_eq!(session.take_events("OK").len(), 1);
    assert_eq!(session.take_events("MALFORMED").len(), 0);
    session.logout().unwrap();
    server.finish();
}

#[test]
fn untagged_responses_before_the_ok_are_plain_and_those_after_compressed() {
    let script = DeflateScript::preauth("IMAP4rev1 COMPRESS=DEFLATE")
        .expect("<tag> COMPRESS DEFLATE\r\n")
        .send("* 2 EXISTS\r\n")
        .ok_then_deflate("* 3 EXISTS\r\n")
        .expect("<tag> NOOP\r\n")
        .send("<tag> OK NOOP done\r\n");
    let server = DeflateServer::start(logout(script));
    let mut session = connect(&server);
    session.compress().unwrap();
    session.run(Noop).unwrap();
    assert_eq!(session.take_events("EXISTS").len(), 2);
    session.logout().unwrap();
    server.finish();
}

#[test]
fn a_synchronising_literal_waits_for_a_compressed_continuation() {
    // The command line must be flushed whole before the client waits for
    // `+`, or both sides wait for ever.
    let script = DeflateScript::preauth("IMAP4rev1 COMPRESS=DEFLATE")
        .compress("")
        .expect("<tag> XSEND {5}\r\n")
        .send("+ go ahead\r\n")
        .expect_bytes(b"hello\r\n")
        .send("<tag> OK sent\r\n");
    let server = DeflateServer::start(logout(script));
    let mut session = connect(&server);
    session.compress().unwrap();
    session.run(XSend { body: b"hello".to_vec() }).unwrap();
    session.logout().unwrap();
    server.finish();
}

#[test]
fn refused_without_the_capability_with_nothing_sent() {
    let server = DeflateServer::start(logout(DeflateScript::preauth("IMAP4rev1 IDLE")));
    let mut session = connect(&server);
    let err = session.compress().unwrap_err();
    assert!(
        matches!(&err, Error::Unsupported { capability, .. } if capability == "COMPRESS=DEFLATE"),
        "{err:?}"
    );
    session.logout().unwrap();
    assert_eq!(server.finish().len(), 1, "only LOGOUT was sent");
}

#[test]
fn refused_before_authentication() {
    let script = DeflateScript::default()
        .send("* OK [CAPABILITY IMAP4rev1 COMPRESS=DEFLATE] ready\r\n")
        .expect("<tag> LOGOUT\r\n")
        .send("* BYE bye\r\n<tag> OK done\r\n");
    let server = DeflateServer::start(script);
    let mut session = connect(&server);
    let err = session.compress().unwrap_err();
    assert!(matches!(err, Error::State { current: State::NotAuthenticated, .. }), "{err:?}");
    session.logout().unwrap();
    server.finish();
}

#[test]
fn a_no_leaves_the_connection_plain_and_usable() {
    let script = DeflateScript::preauth("IMAP4rev1 COMPRESS=DEFLATE")
        .expect("<tag> COMPRESS DEFLATE\r\n")
        .send("<tag> NO [COMPRESSIONACTIVE] DEFLATE active via TLS\r\n")
        .expect("<tag> NOOP\r\n")
        .send("<tag> OK NOOP done\r\n");
    let server = DeflateServer::start(logout(script));
    let mut session = connect(&server);
    let err = session.compress().unwrap_err();
    assert!(matches!(&err, Error::No(refusal) if refusal.code == Some(Code::CompressionActive)), "{err:?}");
    session.run(Noop).unwrap();
    session.logout().unwrap();
    server.finish();
}

#[test]
fn a_second_compress_is_refused_with_nothing_sent() {
    let script = DeflateScript::preauth("IMAP4rev1 COMPRESS=DEFLATE")
        .compress("")
        .expect("<tag> NOOP\r\n")
        .send("<tag> OK NOOP done\r\n");
    let server = DeflateServer::start(logout(script));
    let mut session = connect(&server);
    session.compress().unwrap();
    let err = session.compress().unwrap_err();
    assert!(matches!(&err, Error::Io(e) if e.kind() == ErrorKind::AlreadyExists), "{err:?}");
    session.run(Noop).unwrap();
    session.logout().unwrap();
    assert_eq!(server.finish().len(), 3, "COMPRESS, NOOP, LOGOUT");
}

#[test]
fn the_logout_on_drop_keeps_its_short_timeout_under_compress() {
    let script = DeflateScript::preauth("IMAP4rev1 COMPRESS=DEFLATE")
        .compress("")
        .expect("<tag> LOGOUT\r\n")
        .sleep(6000);
    let server = DeflateServer::start(script);
    let mut session = Session::builder().connect("127.0.0.1", server.port()).unwrap();
    session.compress().unwrap();
    let started = Instant::now();
    drop(session);
    assert!(started.elapsed() < Duration::from_secs(4), "drop took {:?}", started.elapsed());
    server.finish();
}

#[test]
fn a_server_silent_after_compress_times_out_and_breaks_the_connection() {
    let script =
        DeflateScript::preauth("IMAP4rev1 COMPRESS=DEFLATE").expect("<tag> COMPRESS DEFLATE\r\n").sleep(1500);
    let server = DeflateServer::start(script);
    let mut session =
        Session::builder().timeout(Duration::from_millis(300)).connect("127.0.0.1", server.port()).unwrap();
    let err = session.compress().unwrap_err();
    assert!(matches!(&err, Error::Io(e) if e.kind() == ErrorKind::TimedOut), "{err:?}");
    assert_eq!(session.state(), State::Logout);
    assert!(matches!(session.run(Noop), Err(Error::Aborted(_))));
    server.finish();
}

#[test]
fn a_close_instead_of_the_compress_answer_aborts() {
    let script =
        DeflateScript::preauth("IMAP4rev1 COMPRESS=DEFLATE").expect("<tag> COMPRESS DEFLATE\r\n").close();
    let server = DeflateServer::start(script);
    let mut session = connect(&server);
    let err = session.compress().unwrap_err();
    assert!(matches!(err, Error::Aborted(_)), "{err:?}");
    assert_eq!(session.state(), State::Logout);
    server.finish();
}

#[test]
fn a_bomb_stops_at_the_line_limit() {
    let limits = FrameLimits::default().with_max_line(64 * 1024);
    let line = format!("* OK {}", "a".repeat(8 << 20));
    let script = DeflateScript::preauth("IMAP4rev1 COMPRESS=DEFLATE")
        .compress("")
        .expect("<tag> NOOP\r\n")
        .send(&line)
        .close();
    let server = DeflateServer::start(script);
    let mut session = Session::builder()
        .timeout(Duration::from_secs(5))
        .config(Config::default().with_limits(limits))
        .connect("127.0.0.1", server.port())
        .unwrap();
    session.compress().unwrap();
    let err = session.run(Noop).unwrap_err();
    assert!(
        matches!(&err, Error::Frame(e) if matches!(e.kind(), FrameErrorKind::LineTooLong { .. })),
        "{err:?}"
    );
    assert_eq!(session.state(), State::Logout);
    drop(session);
    server.finish();
}

#[test]
fn bytes_that_are_not_deflate_break_the_connection() {
    let script = DeflateScript::preauth("IMAP4rev1 COMPRESS=DEFLATE")
        .compress("")
        .expect("<tag> NOOP\r\n")
        .send_raw(b"\xff\xff<tag> OK plain\r\n")
        .close();
    let server = DeflateServer::start(script);
    let mut session = connect(&server);
    session.compress().unwrap();
    let err = session.run(Noop).unwrap_err();
    assert!(matches!(&err, Error::Io(e) if e.kind() == ErrorKind::InvalidData), "{err:?}");
    assert_eq!(session.state(), State::Logout);
    drop(session);
    server.finish();
}

#[test]
fn a_close_in_the_middle_of_a_block_aborts_the_command() {
    let script = DeflateScript::preauth("IMAP4rev1 COMPRESS=DEFLATE")
        .compress("")
        .expect("<tag> NOOP\r\n")
        .send_cut(&format!("{}<tag> OK done\r\n", String::from_utf8(responses(10_000)).unwrap()))
        .close();
    let server = DeflateServer::start(script);
    let mut session = connect(&server);
    session.compress().unwrap();
    let err = session.run(Noop).unwrap_err();
    assert!(matches!(err, Error::Aborted(_)), "{err:?}");
    assert_eq!(session.state(), State::Logout);
    drop(session);
    server.finish();
}
