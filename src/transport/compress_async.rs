//! [`DeflateStream`] over a tokio stream (feature `tokio`): the same
//! inflater and deflater as the blocking one, driven through
//! `AsyncRead`/`AsyncWrite`.
//!
//! How: the sync halves read and write an inner `Read + Write`; here that
//! inner is the tokio stream seen through [`Polled`], which turns a
//! `Poll::Pending` of the stream into a `WouldBlock` error, and the
//! `WouldBlock` back into `Poll::Pending` on the way out. The halves keep
//! their state consistent across such an error (a read that blocks takes
//! nothing; a write that blocks keeps what waits to be sent), so calling
//! them again when the stream is ready goes on where they stopped. The
//! waker is the stream's own, registered by its `poll_*`. A tokio stream
//! reports "not ready" as `Pending`, never as a `WouldBlock` error, so no
//! error of its own is mistaken for one.

use std::io::{self, Read, Write};
use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use super::compress::DeflateStream;

/// A tokio stream borrowed with the task's context, as a sync stream.
struct Polled<'s, 'c, 'w, S> {
    stream: &'s mut S,
    cx: &'c mut Context<'w>,
}

impl<S: AsyncRead + Unpin> Read for Polled<'_, '_, '_, S> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let mut read = ReadBuf::new(buf);
        match Pin::new(&mut *self.stream).poll_read(self.cx, &mut read) {
            Poll::Ready(Ok(())) => Ok(read.filled().len()),
            Poll::Ready(Err(e)) => Err(e),
            Poll::Pending => Err(io::ErrorKind::WouldBlock.into()),
        }
    }
}

impl<S: AsyncWrite + Unpin> Write for Polled<'_, '_, '_, S> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        pending_as_error(Pin::new(&mut *self.stream).poll_write(self.cx, buf))
    }

    fn flush(&mut self) -> io::Result<()> {
        pending_as_error(Pin::new(&mut *self.stream).poll_flush(self.cx))
    }
}

fn pending_as_error<T>(poll: Poll<io::Result<T>>) -> io::Result<T> {
    match poll {
        Poll::Ready(result) => result,
        Poll::Pending => Err(io::ErrorKind::WouldBlock.into()),
    }
}

/// The other way: a `WouldBlock` from the halves is `Pending`.
fn error_as_pending<T>(result: io::Result<T>) -> Poll<io::Result<T>> {
    match result {
        Err(e) if e.kind() == io::ErrorKind::WouldBlock => Poll::Pending,
        other => Poll::Ready(other),
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for DeflateStream<S> {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let (inner, inflater, _) = self.get_mut().parts();
        let read = inflater.read(&mut Polled { stream: inner, cx }, buf.initialize_unfilled());
        error_as_pending(read).map_ok(|n| buf.advance(n))
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for DeflateStream<S> {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let (inner, _, deflater) = self.get_mut().parts();
        error_as_pending(deflater.write(&mut Polled { stream: inner, cx }, buf))
    }

    /// Ends what was written with a sync flush and sends it (RFC 4978
    /// section 3), then flushes the stream.
    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let (inner, _, deflater) = self.get_mut().parts();
        error_as_pending(deflater.flush(&mut Polled { stream: inner, cx }))
    }

    /// Flushes, then shuts the stream down.
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.as_mut().poll_flush(cx) {
            Poll::Ready(Ok(())) => {}
            not_flushed => return not_flushed,
        }
        let (inner, _, _) = self.get_mut().parts();
        Pin::new(inner).poll_shutdown(cx)
    }
}
