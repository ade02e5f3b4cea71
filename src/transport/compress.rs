//! COMPRESS=DEFLATE (RFC 4978): a stream that compresses what is written
//! and inflates what is read, raw DEFLATE (RFC 1951) both ways.
//!
//! RFC 4978 section 3: once the server has answered COMPRESS with OK,
//! every byte after the CRLF of that OK, both ways, is part of one DEFLATE
//! stream per direction. Section 4: the streams are raw, with no zlib
//! header or checksum (zlib's `windowBits` of -15, a 32 KiB window).
//!
//! - Writing: bytes are compressed as they are written, and
//!   [`flush`](Write::flush) ends them with a sync flush (zlib's
//!   `Z_SYNC_FLUSH`: an empty stored block, `00 00 ff ff`) so that the
//!   server can inflate everything written so far. The blocking driver
//!   flushes after each command line and each literal, so the server sees
//!   every command whole. Nothing is sent before `flush`, as with any
//!   buffered writer.
//! - Reading: compressed bytes are inflated as they come, straight into
//!   the caller's buffer, and one read returns at most
//!   [`DEFAULT_READ_LIMIT`] bytes (see [`DeflateStream::with_read_limit`]).
//!   A compression bomb (a few KiB that inflate to gigabytes) is thus
//!   handed on one chunk at a time: the session's frame limits, checked
//!   after every read, stop it at most one chunk past them. Nothing here
//!   grows with the data: 16 KiB of compressed input, the inflater's
//!   32 KiB window, and the compressed output of one write.
//! - The end: the inner stream's end at a flush point (after a sync or
//!   full flush, or after the final block) reads as the end of the stream;
//!   in the middle of a block it is an `UnexpectedEof` error. Bytes that
//!   are not DEFLATE are an `InvalidData` error.

use std::fmt;
use std::io::{self, Read, Write};

use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};

use super::{Inner, Transport};

/// The most inflated bytes one read returns, unless changed with
/// [`DeflateStream::with_read_limit`]: the blocking driver's read size.
pub const DEFAULT_READ_LIMIT: usize = 64 * 1024;

/// Compressed bytes read from the inner stream at a time.
const INPUT_CHUNK: usize = 16 * 1024;

/// The most plain bytes one write takes: the compressed output waiting to
/// be sent stays about this size.
const WRITE_CHUNK: usize = 16 * 1024;

/// Room made in the output buffer before each compression step.
const OUTPUT_STEP: usize = 4 * 1024;

/// How a sync or full flush ends: the LEN and NLEN of an empty stored
/// block (RFC 1951 section 3.2.4).
const SYNC_MARKER: [u8; 4] = [0x00, 0x00, 0xff, 0xff];

/// A stream whose both directions are raw DEFLATE (RFC 4978): writes are
/// compressed (and sent on [`flush`](Write::flush)), reads are inflated.
///
/// The session wraps its transport in one after the server's OK to
/// `COMPRESS DEFLATE` ([`Session::compress`]); it can also wrap any other
/// stream, for a server or a test. With the feature `tokio` it is also
/// `AsyncRead + AsyncWrite` over a tokio stream, with the same behaviour.
///
/// ```
/// use std::io::{Read, Write};
/// use typed_imap::transport::compress::DeflateStream;
///
/// // What a client writes, read back by a peer that inflates it.
/// let mut client = DeflateStream::new(Vec::new());
/// client.write_all(b"A1 NOOP\r\n").unwrap();
/// client.flush().unwrap();
/// let mut server = DeflateStream::new(std::io::Cursor::new(client.into_inner()));
/// let mut line = [0; 9];
/// server.read_exact(&mut line).unwrap();
/// assert_eq!(&line, b"A1 NOOP\r\n");
/// ```
///
/// [`Session::compress`]: crate::session::blocking::Session::compress
pub struct DeflateStream<S> {
    inner: S,
    inflater: Inflater,
    deflater: Deflater,
}

impl<S> DeflateStream<S> {
    /// Compresses and inflates over `inner`, which must be at the first
    /// byte of both DEFLATE streams.
    pub fn new(inner: S) -> Self {
        DeflateStream { inner, inflater: Inflater::new(), deflater: Deflater::new() }
    }

    /// Returns at most `limit` inflated bytes per read (at least 1).
    pub fn with_read_limit(mut self, limit: usize) -> Self {
        self.inflater.limit = limit.max(1);
        self
    }

    /// The stream underneath.
    pub fn get_ref(&self) -> &S {
        &self.inner
    }

    /// The stream underneath. Reading or writing it directly breaks both
    /// DEFLATE streams.
    pub fn get_mut(&mut self) -> &mut S {
        &mut self.inner
    }

    /// The stream underneath. Compressed bytes not yet flushed, and input
    /// read but not yet inflated, are lost: flush first.
    pub fn into_inner(self) -> S {
        self.inner
    }

    /// The stream and the two halves, for the tokio impls
    /// (`compress_async.rs`).
    #[cfg(feature = "tokio")]
    pub(super) fn parts(&mut self) -> (&mut S, &mut Inflater, &mut Deflater) {
        (&mut self.inner, &mut self.inflater, &mut self.deflater)
    }

    /// Plain bytes returned by reads so far, and the compressed bytes they
    /// came from.
    pub fn read_totals(&self) -> (u64, u64) {
        (self.inflater.state.total_out(), self.inflater.state.total_in())
    }

    /// Plain bytes written so far, and the compressed bytes made of them.
    pub fn write_totals(&self) -> (u64, u64) {
        (self.deflater.state.total_in(), self.deflater.state.total_out())
    }
}

impl<S: Read> Read for DeflateStream<S> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inflater.read(&mut self.inner, buf)
    }
}

impl<S: Write> Write for DeflateStream<S> {
    /// Compresses up to 16 KiB of `buf`, after sending what earlier writes
    /// left; the bytes leave on [`flush`](Write::flush).
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.deflater.write(&mut self.inner, buf)
    }

    /// Ends what was written with a sync flush, sends it and flushes the
    /// inner stream.
    fn flush(&mut self) -> io::Result<()> {
        self.deflater.flush(&mut self.inner)
    }
}

impl<S: fmt::Debug> fmt::Debug for DeflateStream<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DeflateStream")
            .field("inner", &self.inner)
            .field("read_totals", &self.read_totals())
            .field("write_totals", &self.write_totals())
            .finish_non_exhaustive()
    }
}

impl Transport {
    /// Compresses everything from here on, both ways (RFC 4978): the
    /// transport becomes a [`DeflateStream`] over what it was. For the
    /// session, right after the server's OK to COMPRESS.
    /// TLS, timeouts and `close` reach the stream underneath.
    pub(crate) fn start_deflate(&mut self) {
        let plain = Transport { inner: std::mem::replace(&mut self.inner, Inner::Closed) };
        self.inner = Inner::Deflate(Box::new(DeflateStream::new(plain)));
    }
}

/// The reading half: compressed input buffered, inflated on demand.
pub(super) struct Inflater {
    state: Decompress,
    /// Compressed bytes read; `input[start..end]` not inflated yet.
    input: Box<[u8]>,
    start: usize,
    end: usize,
    /// The last four compressed bytes inflated: the sync marker means the
    /// stream may end here.
    tail: [u8; 4],
    /// The final block was inflated: nothing follows.
    ended: bool,
    limit: usize,
}

impl Inflater {
    fn new() -> Self {
        Inflater {
            state: Decompress::new(false),
            input: vec![0; INPUT_CHUNK].into_boxed_slice(),
            start: 0,
            end: 0,
            tail: [0xff; 4],
            ended: false,
            limit: DEFAULT_READ_LIMIT,
        }
    }

    /// Inflates into `buf`, reading the inner stream only when what was
    /// read is used up and the inflater holds nothing more: output
    /// pending from a full buffer is returned without waiting for the
    /// server.
    pub(super) fn read(&mut self, inner: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
        let len = buf.len().min(self.limit);
        let out = buf.get_mut(..len).unwrap_or_default();
        if out.is_empty() {
            return Ok(0);
        }
        loop {
            if self.ended {
                return Ok(0);
            }
            let before = self.start;
            let produced = self.inflate(out)?;
            if produced > 0 {
                return Ok(produced);
            }
            let more_to_inflate = self.start > before && self.start < self.end;
            if !self.ended && !more_to_inflate && !self.fill(inner)? {
                return self.end_of_input();
            }
        }
    }

    /// One inflation step over the buffered input: the bytes produced.
    fn inflate(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let input = self.input.get(self.start..self.end).unwrap_or_default();
        let (total_in, total_out) = (self.state.total_in(), self.state.total_out());
        let status = self.state.decompress(input, out, FlushDecompress::None).map_err(|e| {
            io::Error::new(io::ErrorKind::InvalidData, format!("invalid compressed data: {e}"))
        })?;
        let consumed = delta(self.state.total_in(), total_in).min(input.len());
        remember_tail(&mut self.tail, input.get(..consumed).unwrap_or_default());
        self.start += consumed;
        self.ended = status == Status::StreamEnd;
        Ok(delta(self.state.total_out(), total_out))
    }

    /// Moves what is left to the front and reads more after it; false at
    /// the end of the inner stream.
    fn fill(&mut self, inner: &mut impl Read) -> io::Result<bool> {
        self.input.copy_within(self.start..self.end, 0);
        self.end -= self.start;
        self.start = 0;
        let free = self.input.get_mut(self.end..).unwrap_or_default();
        if free.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "the compressed stream makes no progress",
            ));
        }
        let n = inner.read(free)?;
        self.end += n.min(free.len());
        Ok(n > 0)
    }

    /// The inner stream ended: cleanly at a flush point (or before any
    /// byte), else in the middle of a block.
    fn end_of_input(&self) -> io::Result<usize> {
        match self.state.total_in() == 0 || self.tail == SYNC_MARKER {
            true => Ok(0),
            false => Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the compressed stream ended in the middle of a block",
            )),
        }
    }
}

/// The writing half: compressed output waiting to be sent.
pub(super) struct Deflater {
    state: Compress,
    output: Vec<u8>,
    /// `output[..sent]` is already written.
    sent: usize,
    /// Bytes were taken since the last sync flush.
    unflushed: bool,
}

impl Deflater {
    fn new() -> Self {
        Deflater {
            state: Compress::new(Compression::default(), false),
            output: Vec::new(),
            sent: 0,
            unflushed: false,
        }
    }

    /// Sends what is waiting (an error there takes nothing from `buf`),
    /// then compresses the first 16 KiB of `buf`.
    pub(super) fn write(&mut self, inner: &mut impl Write, buf: &[u8]) -> io::Result<usize> {
        self.send(inner)?;
        let taken = buf.get(..WRITE_CHUNK).unwrap_or(buf);
        self.deflate(taken, FlushCompress::None)?;
        self.unflushed |= !taken.is_empty();
        Ok(taken.len())
    }

    /// A sync flush (once per batch of writes), then sends everything.
    pub(super) fn flush(&mut self, inner: &mut impl Write) -> io::Result<()> {
        if self.unflushed {
            self.deflate(&[], FlushCompress::Sync)?;
            self.unflushed = false;
        }
        self.send(inner)?;
        inner.flush()
    }

    /// Compresses all of `input` into `output`, and with a flush, until
    /// the compressor has nothing more to give (it left room).
    fn deflate(&mut self, mut input: &[u8], flush: FlushCompress) -> io::Result<()> {
        loop {
            self.output.reserve(OUTPUT_STEP);
            let (total_in, total_out) = (self.state.total_in(), self.state.total_out());
            self.state.compress_vec(input, &mut self.output, flush).map_err(io::Error::other)?;
            let used = delta(self.state.total_in(), total_in);
            input = input.get(used..).unwrap_or_default();
            if input.is_empty() && self.output.len() < self.output.capacity() {
                return Ok(());
            }
            if used == 0 && delta(self.state.total_out(), total_out) == 0 {
                return Err(io::Error::other("the compressor makes no progress"));
            }
        }
    }

    /// Writes the waiting output; on error what is left waits for the
    /// next write or flush.
    fn send(&mut self, inner: &mut impl Write) -> io::Result<()> {
        while let Some(rest) = self.output.get(self.sent..).filter(|rest| !rest.is_empty()) {
            match inner.write(rest) {
                Ok(0) => {
                    return Err(io::Error::new(
                        io::ErrorKind::WriteZero,
                        "the connection takes no more bytes",
                    ));
                }
                Ok(n) => self.sent += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        self.output.clear();
        self.sent = 0;
        Ok(())
    }
}

/// How much a counter grew, as a buffer length.
fn delta(after: u64, before: u64) -> usize {
    usize::try_from(after.saturating_sub(before)).unwrap_or(usize::MAX)
}

/// Keeps the last four bytes of the compressed stream in `tail`.
fn remember_tail(tail: &mut [u8; 4], consumed: &[u8]) {
    for &byte in consumed.iter().skip(consumed.len().saturating_sub(tail.len())) {
        tail.rotate_left(1);
        tail[3] = byte;
    }
}
