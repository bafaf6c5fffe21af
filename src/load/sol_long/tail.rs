//! The cells of a row after its region, crime and year, read on the raw bytes eight at a
//! time: what the fast paths for runs of rows ([`super::runs`], [`super::kept`]) look at.

use super::fast::plain_year;
use super::{Columns, MAX_FIELDS};

/// Where the next cell starts when `line` holds the cell `cell` and a `;` from `at` on.
pub(super) fn cell_after(line: &[u8], at: usize, cell: &[u8]) -> Option<usize> {
    let end = at + cell.len();
    (line.get(at..end) == Some(cell) && line.get(end) == Some(&b';')).then_some(end + 1)
}

/// The cells of a row after its prefix (region, crime, year: cells 0–2) that the fast paths
/// read: the period and the count, and the length of the tail through its line end.
pub(super) struct Tail<'t> {
    pub length: usize,
    pub period: &'t [u8],
    pub count: &'t [u8],
}

/// The [`Tail`] of a row whose tail is `tail`, when the row has as many cells as the header
/// (at most [`MAX_FIELDS`]) and ends in a line end. Eight bytes are looked at a time.
#[inline(always)]
pub(super) fn row_tail(tail: &[u8], col: Columns) -> Option<Tail<'_>> {
    let mut cells = Cells {
        col,
        next: super::fast::PREFIX_CELLS,
        start: 0,
        period: None,
        count: None,
    };
    let mut base = 0;
    while let Some(word) = tail.get(base..).and_then(|t| t.first_chunk::<8>()) {
        let word = u64::from_le_bytes(*word);
        let line_end = bytes_equal(word, b'\n');
        let width = if line_end == 0 {
            8
        } else {
            line_end.trailing_zeros() / 8
        };
        let mut semicolons = bytes_equal(word, b';') & below(width);
        while semicolons != 0 {
            cells.end(tail, base + (semicolons.trailing_zeros() / 8) as usize);
            semicolons &= semicolons - 1;
        }
        if line_end != 0 {
            return cells.last(tail, base + width as usize);
        }
        base += 8;
    }
    let line_end = base + memchr::memchr(b'\n', &tail[base..])?;
    for i in memchr::memchr_iter(b';', &tail[base..line_end]) {
        cells.end(tail, base + i);
    }
    cells.last(tail, line_end)
}

/// The cells of a row's tail as they end, keeping the period and the count.
struct Cells<'t> {
    col: Columns,
    /// The index of the cell being read.
    next: usize,
    /// Where it starts in the tail.
    start: usize,
    period: Option<&'t [u8]>,
    count: Option<&'t [u8]>,
}

impl<'t> Cells<'t> {
    /// The cell being read ends at `end` (exclusive).
    #[inline(always)]
    fn end(&mut self, tail: &'t [u8], end: usize) {
        let value = &tail[self.start..end];
        if self.next == self.col.period {
            self.period = Some(value);
        } else if self.next == self.col.count_col {
            self.count = Some(value);
        }
        self.next += 1;
        self.start = end + 1;
    }

    /// The line ends at `line_end` (the `\n`): the last cell ends before any `\r`; the tail
    /// when the row has as many cells as the header.
    #[inline(always)]
    fn last(mut self, tail: &'t [u8], line_end: usize) -> Option<Tail<'t>> {
        let mut end = line_end;
        while end > self.start && tail[end - 1] == b'\r' {
            end -= 1;
        }
        self.end(tail, end);
        if !(self.col.n_fields..=MAX_FIELDS).contains(&self.next) {
            return None;
        }
        Some(Tail {
            length: line_end + 1,
            period: self.period?,
            count: self.count?,
        })
    }
}

/// A year in `Period` as the line reader takes it: `2024`, or `2025 prel.` as BRÅ writes the
/// latest, preliminary year (other spellings are left to the line reader).
#[inline]
pub(super) fn year_cell(value: &[u8]) -> Option<i32> {
    match value {
        [year @ .., b' ', b'p', b'r', b'e', b'l', b'.'] => plain_year(year),
        _ => plain_year(value),
    }
}

const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;

/// The high bit of every byte of `word` that equals `byte` (exact: no false matches).
#[inline]
pub(super) fn bytes_equal(word: u64, byte: u8) -> u64 {
    let x = word ^ (u64::from(byte) * 0x0101_0101_0101_0101);
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// The high bits of the first `width` bytes of a word (0–8).
#[inline]
fn below(width: u32) -> u64 {
    if width >= 8 {
        u64::MAX
    } else {
        (1u64 << (width * 8)) - 1
    }
}

/// True when `line` starts with `prefix`, compared eight bytes at a time (no call: the prefix
/// is some forty bytes and compared on nearly every line of a national export).
#[inline]
pub(super) fn starts_with(line: &[u8], prefix: &[u8]) -> bool {
    let Some(head) = line.get(..prefix.len()) else {
        return false;
    };
    let (words, _) = prefix.as_chunks::<8>();
    let (line_words, _) = head.as_chunks::<8>();
    let word = |b: &[u8]| b.last_chunk::<8>().map(|w| u64::from_le_bytes(*w));
    words.iter().zip(line_words).all(|(a, b)| a == b)
        // The last (partial) word: the last eight bytes, overlapping the words before.
        && match (word(prefix), word(head)) {
            (Some(a), Some(b)) => a == b,
            _ => prefix == head,
        }
}
