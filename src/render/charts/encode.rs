//! The canvas as a PNG file, byte for byte what the `image` crate's encoder writes with the
//! Paeth filter and fast compression (`fdeflate`), only faster where the charts are flat.
//!
//! Most of a chart is white or one flat colour, and encoding it took most of a chart's time.
//! Paeth predicts a byte from its left, upper and upper-left neighbours; where a byte equals
//! the one above it and its left neighbour equals the upper-left one, the filtered byte is
//! 0 whatever the values. Rows equal to the row above (a quarter of a chart's rows) and such
//! 16-byte runs within a row are written as zeros without working out the predictor. The
//! compression is `fdeflate` fed row by row as the `png` crate feeds it, so the files stay
//! identical (a test compares them with the `image` crate's).

use fdeflate::{Compressor, StoredOnlyCompressor};
use std::io::Cursor;

/// PNG's file signature.
const SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
/// The largest IDAT chunk the `png` crate writes.
const MAX_IDAT: usize = (u32::MAX >> 1) as usize;
/// PNG's filter type byte for Paeth.
const PAETH: u8 = 4;
/// Bytes per pixel (RGB, 8 bits a channel).
const BPP: usize = 3;
/// Bytes compared at a time when looking for runs that filter to zero.
const RUN: usize = 16;

/// An 8-bit RGB image (`rgb` row by row, `w` × `h` pixels) as a PNG file.
pub(crate) fn png(rgb: &[u8], w: u32, h: u32) -> std::io::Result<Vec<u8>> {
    let row = w as usize * BPP;
    assert_eq!(rgb.len(), row * h as usize, "image buffer size");
    let data = deflate(rgb, row, h as usize)?;
    let mut out = Vec::with_capacity(data.len() + 64);
    out.extend_from_slice(&SIGNATURE);
    let mut header = [0u8; 13];
    header[..4].copy_from_slice(&w.to_be_bytes());
    header[4..8].copy_from_slice(&h.to_be_bytes());
    // Bit depth 8, colour type 2 (RGB), compression, filter method and interlace 0.
    header[8] = 8;
    header[9] = 2;
    chunk(&mut out, b"IHDR", &header);
    for part in data.chunks(MAX_IDAT) {
        chunk(&mut out, b"IDAT", part);
    }
    chunk(&mut out, b"IEND", &[]);
    Ok(out)
}

/// One chunk: length, type, data, CRC of type and data.
fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut crc = crc32fast::Hasher::new();
    crc.update(kind);
    crc.update(data);
    out.extend_from_slice(&crc.finalize().to_be_bytes());
}

/// The zlib stream of the filtered rows, as the `png` crate's fast compression makes it
/// (stored instead when compressing would make it larger).
fn deflate(rgb: &[u8], row: usize, h: usize) -> std::io::Result<Vec<u8>> {
    let mut z = Compressor::new(Cursor::new(Vec::with_capacity(rgb.len() / 16)))?;
    let above = vec![0u8; row];
    let mut prev = above.as_slice();
    let mut line = vec![0u8; row + 1];
    line[0] = PAETH;
    for cur in rgb.chunks_exact(row) {
        paeth(prev, cur, &mut line[1..]);
        z.write_data(&line)?;
        prev = cur;
    }
    let compressed = z.finish()?.into_inner();
    if compressed.len() <= StoredOnlyCompressor::<()>::compressed_size((row + 1) * h) {
        return Ok(compressed);
    }
    let mut stored = StoredOnlyCompressor::new(Cursor::new(Vec::new()))?;
    for cur in rgb.chunks_exact(row) {
        stored.write_data(&[0])?;
        stored.write_data(cur)?;
    }
    Ok(stored.finish()?.into_inner())
}

/// PNG's Paeth filter of one row (`prev` the unfiltered row above, zeros for the first).
fn paeth(prev: &[u8], cur: &[u8], out: &mut [u8]) {
    if cur == prev {
        // Every byte equals the one above and its left neighbour the upper-left one.
        out.fill(0);
        return;
    }
    for i in 0..BPP.min(cur.len()) {
        out[i] = cur[i].wrapping_sub(predict(0, prev[i], 0));
    }
    if cur.len() <= BPP {
        return;
    }
    let n = cur.len();
    let (x, a, b, c) = (&cur[BPP..], &cur[..n - BPP], &prev[BPP..], &prev[..n - BPP]);
    let out = &mut out[BPP..];
    let whole = x.len() / RUN * RUN;
    for k in (0..whole).step_by(RUN) {
        let (xs, as_, bs, cs) = (run(x, k), run(a, k), run(b, k), run(c, k));
        // Compared as 128-bit words: a slice comparison would call memcmp for every run.
        let zero = u128::from_ne_bytes(xs) == u128::from_ne_bytes(bs)
            && u128::from_ne_bytes(as_) == u128::from_ne_bytes(cs);
        let filtered: [u8; RUN] = if zero {
            [0; RUN]
        } else {
            std::array::from_fn(|i| xs[i].wrapping_sub(predict(as_[i], bs[i], cs[i])))
        };
        out[k..k + RUN].copy_from_slice(&filtered);
    }
    for i in whole..x.len() {
        out[i] = x[i].wrapping_sub(predict(a[i], b[i], c[i]));
    }
}

/// The `RUN` bytes of `s` from `k`.
fn run(s: &[u8], k: usize) -> [u8; RUN] {
    s[k..k + RUN].try_into().expect("a whole run")
}

/// The Paeth predictor of a byte from its left (`a`), upper (`b`) and upper-left (`c`)
/// neighbours.
fn predict(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let pa = (p - i16::from(a)).abs();
    let pb = (p - i16::from(b)).abs();
    let pc = (p - i16::from(c)).abs();
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

#[cfg(test)]
#[path = "encode_tests.rs"]
mod tests;
