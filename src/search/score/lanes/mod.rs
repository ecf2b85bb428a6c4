//! The score matrix of many texts at once, one text per SIMD lane.
//!
//! `online` touches only match cells, but each costs a few dependent steps
//! and a branch the text decides, so a long pattern of common letters
//! costs many such steps a text. Here the whole matrix is computed,
//! column by column, every row at every column, for LANES texts side by
//! side: no branch depends on the text, and each step is one vector
//! instruction for all lanes. The recurrence is `online`'s, dense:
//!
//! - m(r, c) = match ? max(m(r-1, c-1) + consecutive, p(r-1, c-1) +
//!   in_place) + score : minus infinity
//! - p(r, c) = max(m(r, c-1) + GAP_START + GAP_EXTENSION,
//!   p(r, c-1) + GAP_EXTENSION)
//!
//! At a row's greedy start its "c-1" cells are the stale ones of row r-2
//! (or a fresh matrix's), and the final maximum takes that stale m too (see
//! `score`'s module doc). Updating rows highest first leaves rows r-1 and r-2
//! at the previous column when row r reads them. A row is computed from
//! the first column where it starts in any lane; its cells left of its
//! start in the other lanes are never read where it matters, as rows r+1
//! and r+2 start right of row r's start.
//!
//! The texts are queued as rows of bytes, one a lane, and the kernel turns
//! each 16 columns of them into 16 column vectors with a byte transpose:
//! writing them lane by lane into column vectors would cost a store a byte.
//! Queued shortest first (`score_each` sorts them), 16 neighbours have
//! spans of nearly one length, so few columns are computed past a text's
//! end.
//!
//! Scores are i16 with saturating adds, exact because two ranges never
//! meet. Minus infinity is i16::MIN itself, and what is built on it stays
//! below i16::MIN plus a bonus of at most 32 a row (upstream, in i32, may
//! go lower still: either way it loses every comparison with a real
//! score). A real score is at least minus the span's length and 4 a row
//! (gaps), and at most 32 a row: asserted below `MAX_ROWS`.

use std::ops::Range;

use super::*;

mod kernel;
mod kinds;
mod scan;

/// Finds one pattern byte in texts 32 bytes at a time (`scan::push_matches`).
#[derive(Clone, Copy)]
pub(super) struct ByteFinder(scan::Needle);

impl ByteFinder {
    /// None without AVX2 (or POPCNT and BMI1, which come with it).
    pub fn new(p: u8, cs: bool) -> Option<ByteFinder> {
        use std::arch::is_x86_feature_detected as has;
        (has!("avx2") && has!("popcnt") && has!("bmi1")).then(|| ByteFinder(scan::Needle::new(p, cs)))
    }

    /// See `scan::push_matches`.
    pub fn push_matches(self, text: &[u8], from: usize, ascii: bool, out: &mut Vec<u32>) {
        // SAFETY: a `ByteFinder` exists only where `new` found the features.
        unsafe { scan::push_matches(text, from, self.0, ascii, out) }
    }
}

/// Texts side by side: 16 lanes of i16, one AVX2 register. Without AVX2
/// (checked at run time) texts are scored one by one, by `online`.
const LANES: usize = 16;
/// A value for each lane.
type Units = [i16; LANES];

/// Longer spans are scored one by one. A real score is at least about
/// minus the span's length, far above i16::MIN plus any bonus.
const MAX_SPAN: usize = 4096;
/// From one lane's row of bytes to the next: a cache line more than the
/// longest span, so that the same column of the 16 rows, read together,
/// does not fall in one L1 set.
const STRIDE: usize = MAX_SPAN + 64;
/// The longest pattern: at most 32 a row keeps scores below i16::MAX.
const MAX_ROWS: usize = 64;
// Real scores fit (see the module doc), checked as the crate compiles:
// the lowest stays above the highest value built on minus infinity, and
// the highest below i16::MAX.
const _: () = {
    let rows = MAX_ROWS as i32;
    let built_on_minus_infinity = i16::MIN as i32 + 32 * rows;
    assert!(built_on_minus_infinity < -(MAX_SPAN as i32) - 4 * rows - 1000);
    assert!(32 * rows < i16::MAX as i32);
};

thread_local! {
    /// The rows of bytes, all zero, kept from one `Lanes` to the next: a
    /// scan makes one per term every thousand nodes. (So each thread that
    /// scores keeps 66 KB for good, outside the outline's memory count.)
    static SPARE_ROWS: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Matching texts queued for scoring against one ASCII pattern, LANES at a
/// time.
pub(super) struct Lanes {
    /// The pattern's bytes folded as the text is compared.
    folded: Vec<u8>,
    /// The same, as `scan` looks for them.
    needles: Vec<scan::Needle>,
    cs: bool,
    /// Lane l's columns are `rows[l * STRIDE..]`: its span's chars
    /// (continuation bytes are left out, as they are no columns: the lead byte before
    /// them has the kind of the whole char, and never matches an ASCII
    /// pattern), then zeros, which match no pattern byte (no pattern holds
    /// NUL). All zero between two `Lanes`.
    rows: Vec<u8>,
    /// How far each row may hold bytes that are not zero: a text is
    /// written over the one before in its lane, and only what that one
    /// left past its end is cleared (texts come shortest first, so mostly
    /// nothing).
    written: [usize; LANES],
    /// The kernel's cells, kept from one group to the next.
    cells: Vec<kernel::Cells>,
    /// The byte before each lane's span: 0, of kind Empty, for none.
    before: [u8; LANES],
    /// All ones where the span starts the text: its first column has the
    /// first char's bonus.
    first: Units,
    /// Per pattern row, the column of its greedy first match in each lane.
    starts: Vec<Units>,
    len: [usize; LANES],
    tags: [usize; LANES],
    filled: usize,
}

impl Drop for Lanes {
    fn drop(&mut self) {
        if self.filled > 0 {
            // Only after a panic in `push`: a row may be written further
            // than `written` says.
            self.rows.fill(0);
        } else {
            for (lane, &end) in self.written.iter().enumerate() {
                self.rows[lane * STRIDE..][..end].fill(0);
            }
        }
        SPARE_ROWS.set(std::mem::take(&mut self.rows));
    }
}

impl Lanes {
    /// None when the CPU lacks AVX2, or the pattern does not suit lanes:
    /// one char (scored more simply), a NUL (it would match the padding),
    /// too long for i16, or uppercase yet case-insensitive (smart case
    /// never makes one; the kernel counts a case mismatch as an uppercase
    /// char matching a lowercase byte).
    pub fn new(pattern: &[u8], cs: bool) -> Option<Lanes> {
        if !std::arch::is_x86_feature_detected!("avx2")
            || pattern.len() < 2
            || pattern.len() > MAX_ROWS
            || pattern.contains(&0)
            || (!cs && pattern.iter().any(u8::is_ascii_uppercase))
        {
            return None;
        }
        let mut rows = SPARE_ROWS.take();
        rows.resize(LANES * STRIDE, 0);
        Some(Lanes {
            folded: pattern.iter().map(|&b| b.fold(cs)).collect(),
            needles: pattern.iter().map(|&b| scan::Needle::new(b, cs)).collect(),
            cs,
            rows,
            written: [0; LANES],
            cells: Vec::with_capacity(pattern.len() + 2),
            before: [0; LANES],
            first: [0; LANES],
            starts: vec![[0; LANES]; pattern.len()],
            len: [0; LANES],
            tags: [0; LANES],
            filled: 0,
        })
    }

    /// What `Slots::span_and_greedy` finds for the pattern, `greedy`
    /// holding a place for each of its bytes.
    pub fn span(&self, text: &[u8], greedy: &mut [usize]) -> Option<Range<usize>> {
        debug_assert!(greedy.len() >= self.needles.len());
        // SAFETY: a `Lanes` exists only where `new` found AVX2.
        unsafe { scan::span(text, &self.needles, greedy) }
    }

    /// Queues `text` under `tag`: it has the pattern as a subsequence
    /// within `span`, whose greedy matches are `greedy` (see `span`). A
    /// full group of lanes is scored at once and handed to `out`. False,
    /// with nothing queued, when the span is longer than MAX_SPAN.
    pub fn push(
        &mut self,
        tag: usize,
        text: &[u8],
        (span, greedy): (Range<usize>, &[usize]),
        out: &mut impl FnMut(usize, Option<i64>),
    ) -> bool {
        if span.len() > MAX_SPAN {
            return false;
        }
        let lane = self.filled;
        // Counted before the row is written: should anything below panic,
        // `Drop` sees a row in use and clears them.
        self.filled += 1;
        self.before[lane] = span.start.checked_sub(1).map_or(0, |b| text[b]);
        self.first[lane] = -i16::from(span.start == 0);
        let row = &mut self.rows[lane * STRIDE..][..MAX_SPAN];
        let read = &text[span.clone()];
        let cols = if read.is_ascii() {
            // Every byte a column: the greedy matches are where they were found.
            copy(read, row);
            for (starts, &at) in self.starts.iter_mut().zip(greedy) {
                starts[lane] = (at - span.start) as i16;
            }
            read.len()
        } else {
            let (mut col, mut next) = (0, 0);
            for &b in read {
                if !b.starts_char() {
                    continue;
                }
                row[col] = b;
                if next < self.folded.len() && b.fold(self.cs) == self.folded[next] {
                    self.starts[next][lane] = col as i16;
                    next += 1;
                }
                col += 1;
            }
            debug_assert_eq!(next, self.folded.len(), "the span holds the pattern");
            col
        };
        if self.written[lane] > cols {
            row[cols..self.written[lane]].fill(0);
        }
        self.written[lane] = cols;
        self.len[lane] = cols;
        self.tags[lane] = tag;
        if self.filled == LANES {
            self.flush(out);
        }
        true
    }

    /// Scores every text still queued.
    pub fn finish(&mut self, out: &mut impl FnMut(usize, Option<i64>)) {
        self.flush(out);
    }

    fn flush(&mut self, out: &mut impl FnMut(usize, Option<i64>)) {
        let filled = self.filled;
        if filled == 0 {
            return;
        }
        let cols = self.len[..filled].iter().copied().max().unwrap_or(0);
        // Empty lanes never start a row.
        for s in &mut self.starts {
            s[filled..].fill(i16::MAX);
        }
        let mut cells = std::mem::take(&mut self.cells);
        // SAFETY: a `Lanes` exists only where `new` found AVX2.
        let best = unsafe { kernel::run(self, &mut cells, cols) };
        self.cells = cells;
        self.filled = 0;
        for (&tag, &score) in self.tags[..filled].iter().zip(&best) {
            out(tag, Some(score.into()));
        }
    }
}

/// `to.copy_from_slice(from)` into the front of a longer `to`, as whole
/// blocks of 32 bytes, the last one overlapping the one before: inline
/// vector moves, as a `memcpy` call for every bullet costs more than the
/// copy.
fn copy(from: &[u8], to: &mut [u8]) {
    const BLOCK: usize = 32;
    let n = from.len();
    if n < BLOCK {
        copy_short(from, to);
        return;
    }
    for (to, from) in to[..n].chunks_exact_mut(BLOCK).zip(from.chunks_exact(BLOCK)) {
        to.copy_from_slice(from);
    }
    to[n - BLOCK..n].copy_from_slice(&from[n - BLOCK..]);
}

/// `to[..n].copy_from_slice(from)` for n below 32: two moves of the
/// widest power of two that fits, overlapping, rather than a `memcpy`
/// call of variable length (most bullets are short, and most scans end in
/// a short window).
#[inline(always)]
fn copy_short(from: &[u8], to: &mut [u8]) {
    fn both_ends<const W: usize>(from: &[u8], to: &mut [u8]) {
        let n = from.len();
        let (head, tail): ([u8; W], [u8; W]) = (
            from[..W].try_into().expect("W bytes"),
            from[n - W..].try_into().expect("W bytes"),
        );
        to[..W].copy_from_slice(&head);
        to[n - W..n].copy_from_slice(&tail);
    }
    match from.len() {
        16.. => both_ends::<16>(from, to),
        8.. => both_ends::<8>(from, to),
        4.. => both_ends::<4>(from, to),
        n => to[..n].iter_mut().zip(from).for_each(|(t, &f)| *t = f),
    }
}

#[cfg(test)]
mod tests;
