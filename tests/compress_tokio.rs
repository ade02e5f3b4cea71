#![cfg(feature = "tokio")]
//! `DeflateStream` over tokio streams (RFC 4978's raw DEFLATE both ways):
//! through a 64-byte duplex pipe, so that every read and write of the
//! inner stream is cut and waits (`Pending`) many times, what one side
//! writes the other reads back whole, both ways at once; and the async
//! side speaks the same DEFLATE as the blocking one.

use std::io::{Read, Write};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use typed_imap::transport::compress::DeflateStream;

/// Bytes that compress somewhat but not trivially.
fn payload(len: usize, seed: u32) -> Vec<u8> {
    let mut x = seed;
    (0..len)
        .map(|i| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            if i % 7 == 0 { b'\n' } else { b'a' + (x >> 16) as u8 % 26 }
        })
        .collect()
}

#[tokio::test(flavor = "current_thread")]
async fn both_ways_at_once_through_a_tiny_pipe() {
    let (a, b) = tokio::io::duplex(64);
    let (mut a, b) = (DeflateStream::new(a), DeflateStream::new(b));
    let (to_b, to_a) = (payload(300_000, 1), payload(200_000, 2));
    // a writes as a session does, a command at a time, each flushed, and
    // reads b's data only afterwards; b reads and writes at once.
    let side_a = async {
        for piece in to_b.chunks(10_000) {
            a.write_all(piece).await.unwrap();
            a.flush().await.unwrap();
        }
        let mut got = vec![0; to_a.len()];
        a.read_exact(&mut got).await.unwrap();
        got
    };
    let side_b = async {
        let (mut reader, mut writer) = tokio::io::split(b);
        let mut got = vec![0; to_b.len()];
        let write = async {
            writer.write_all(&to_a).await.unwrap();
            writer.flush().await.unwrap();
        };
        let (read, ()) = tokio::join!(reader.read_exact(&mut got), write);
        read.unwrap();
        got
    };
    let (got_a, got_b) = tokio::join!(side_a, side_b);
    assert!(got_b == to_b, "b read what a wrote");
    assert!(got_a == to_a, "a read what b wrote");
}

#[tokio::test(flavor = "current_thread")]
async fn the_async_side_speaks_the_blocking_sides_deflate() {
    let data = payload(100_000, 3);
    // Async compresses into memory; blocking inflates.
    let mut async_writer = DeflateStream::new(std::io::Cursor::new(Vec::new()));
    AsyncWriteExt::write_all(&mut async_writer, &data).await.unwrap();
    AsyncWriteExt::flush(&mut async_writer).await.unwrap();
    let compressed = async_writer.into_inner().into_inner();
    assert!(compressed.len() < data.len() && compressed.ends_with(&[0, 0, 0xff, 0xff]));
    let mut inflated = Vec::new();
    Read::read_to_end(&mut DeflateStream::new(std::io::Cursor::new(compressed)), &mut inflated).unwrap();
    assert!(inflated == data);
    // Blocking compresses; async inflates.
    let mut blocking_writer = DeflateStream::new(Vec::new());
    Write::write_all(&mut blocking_writer, &data).unwrap();
    Write::flush(&mut blocking_writer).unwrap();
    let mut async_reader = DeflateStream::new(std::io::Cursor::new(blocking_writer.into_inner()));
    let mut back = Vec::new();
    AsyncReadExt::read_to_end(&mut async_reader, &mut back).await.unwrap();
    assert!(back == data);
}

#[tokio::test(flavor = "current_thread")]
async fn a_stream_cut_in_a_block_is_an_error_and_garbage_is_invalid_data() {
    let mut writer = DeflateStream::new(Vec::new());
    Write::write_all(&mut writer, &payload(10_000, 4)).unwrap();
    Write::flush(&mut writer).unwrap();
    let compressed = writer.into_inner();
    let cut = &compressed[..compressed.len() / 2];
    let mut reader = DeflateStream::new(std::io::Cursor::new(cut.to_vec()));
    let err = AsyncReadExt::read_to_end(&mut reader, &mut Vec::new()).await.unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::UnexpectedEof);
    let mut garbage = DeflateStream::new(std::io::Cursor::new(vec![0xff; 64]));
    let err = AsyncReadExt::read_to_end(&mut garbage, &mut Vec::new()).await.unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
}
