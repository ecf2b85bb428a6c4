//! The score matrix of many texts at once, one text per SIMD lane.
//!
//! `online` touches only match cells, but each costs a few dependent steps
//! and a branch the text decides: ~15 ns a cell, so a long pattern of
//! common letters costs microseconds a text. Here the whole matrix is
//! computed, column by column, every row at every column, for LANES texts
//! side by side: no branch depends on the text, and each step is one
//! vector instruction for all lanes. The recurrence is `online`'s, dense:
//!
//! - m(r, c) = match ? max(m(r-1, c-1) + consecutive, p(r-1, c-1) +
//!   in_place) + score : minus infinity
//! - p(r, c) = max(m(r, c-1) + GAP_START + GAP_EXTENSION,
//!   p(r, c-1) + GAP_EXTENSION)
//!
//! At a row's greedy start its "c-1" cells are the stale ones of row r-2
//! (or a fresh matrix's), and the final maximum takes that stale m too (see
//! `score`'s module doc). Updating rows highest first leaves rows r-1 and r-2
//! at the previous column when row r reads them. Cells left of a row's
//! start are computed and never read where it matters: rows r+1 and r+2
//! start right of row r's start.
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

/// Texts side by side: 16 lanes of i16, one AVX2 register. Without AVX2
/// (checked at run time) texts are scored one by one, by `online`.
const LANES: usize = 16;
/// Lanes as they are filled, one text at a time.
type Units = [i16; LANES];

/// Lanes are filled by span length, in sets of spans up to 32, 64, ...,
/// MAX_SPAN bytes: every lane of a set is computed as far as its longest,
/// so a paragraph must not share lanes with one-line bullets.
const SETS: usize = 8;
const SHORTEST: usize = 32;
/// Longer spans are scored one by one. A real score is at least about
/// minus the span's length, far above i16::MIN plus any bonus.
const MAX_SPAN: usize = SHORTEST << (SETS - 1);
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

/// Texts of one length class waiting for their lanes, column by column.
/// A lane's columns are its text's chars from the start of its span:
/// continuation bytes are left out, as they are no columns (the lead byte
/// before them has the kind of the whole char, and never matches an ASCII
/// pattern).
struct Set {
    /// Per column, each lane's unit; 0 past its text, which matches no
    /// pattern byte (no pattern holds NUL).
    unit: Vec<Units>,
    /// The unit before each lane's span: 0, of kind Empty, for none.
    before: Units,
    /// All ones where the span starts the text: its first column has the
    /// first char's bonus.
    first: Units,
    /// Per row, the column of its greedy first match in each lane.
    starts: Vec<Units>,
    len: [usize; LANES],
    tags: [usize; LANES],
    filled: usize,
}

thread_local! {
    /// Sets of lanes, all empty with their units zero, kept from one
    /// `Lanes` to the next: a scan makes one per term every thousand nodes,
    /// and the longest set's columns are 128 KB. (So each thread that
    /// scores keeps ~260 KB for good, outside the outline's memory count.)
    static SPARE_SETS: std::cell::Cell<Vec<Set>> = const { std::cell::Cell::new(Vec::new()) };
}

impl Drop for Lanes {
    fn drop(&mut self) {
        for set in &mut self.sets {
            // Only if `finish` was not called: clear what is queued.
            if set.filled > 0 {
                set.unit.fill([0; LANES]);
                set.filled = 0;
            }
        }
        SPARE_SETS.set(std::mem::take(&mut self.sets));
    }
}

/// Matching texts queued for scoring against one ASCII pattern, LANES at a
/// time, in sets by span length.
pub(super) struct Lanes {
    /// The pattern's bytes folded as the text is compared, and as typed.
    folded: Vec<u8>,
    typed: Vec<u8>,
    cs: bool,
    sets: Vec<Set>,
}

impl Lanes {
    /// None when the CPU lacks AVX2, or the pattern does not suit lanes:
    /// one char (scored more simply), a NUL (it would match the padding),
    /// or too long for i16.
    pub fn new(pattern: &[u8], cs: bool) -> Option<Lanes> {
        if !std::arch::is_x86_feature_detected!("avx2")
            || pattern.len() < 2
            || pattern.len() > MAX_ROWS
            || pattern.contains(&0)
        {
            return None;
        }
        let mut sets = SPARE_SETS.take();
        if sets.is_empty() {
            sets = (0..SETS)
                .map(|_| Set {
                    unit: Vec::new(),
                    before: [0; LANES],
                    first: [0; LANES],
                    starts: Vec::new(),
                    len: [0; LANES],
                    tags: [0; LANES],
                    filled: 0,
                })
                .collect();
        }
        for set in &mut sets {
            set.starts.resize(pattern.len(), [0; LANES]);
        }
        Some(Lanes {
            folded: pattern.iter().map(|&b| b.fold(cs)).collect(),
            typed: pattern.to_vec(),
            cs,
            sets,
        })
    }

    /// Queues `text` under `tag`: it has the pattern as a subsequence
    /// within `span` (see `Slots::span_bytes`). A full set of lanes is
    /// scored at once and handed to `out`. False, with nothing queued, when
    /// the span is longer than MAX_SPAN.
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
        // Spans up to 32 bytes go to set 0, up to 64 to set 1, and so on.
        let k = span
            .len()
            .div_ceil(SHORTEST)
            .max(1)
            .next_power_of_two()
            .trailing_zeros() as usize;
        let set = &mut self.sets[k];
        if set.unit.is_empty() {
            set.unit = vec![[0; LANES]; SHORTEST << k];
        }
        let lane = set.filled;
        // Counted before the units are written: should anything below
        // panic, `Drop` sees the set in use and clears it.
        set.filled += 1;
        set.before[lane] = span.start.checked_sub(1).map_or(0, |b| text[b].into());
        set.first[lane] = -i16::from(span.start == 0);
        let read = &text[span.clone()];
        let cols = if read.is_ascii() {
            // Every byte a column: the greedy matches are where they were found.
            for (units, &b) in set.unit[..read.len()].iter_mut().zip(read) {
                units[lane] = b.into();
            }
            for (starts, &at) in set.starts.iter_mut().zip(greedy) {
                starts[lane] = (at - span.start) as i16;
            }
            read.len()
        } else {
            let (mut col, mut next) = (0, 0);
            for &b in read {
                if !b.starts_char() {
                    continue;
                }
                set.unit[col][lane] = b.into();
                if next < self.folded.len() && b.fold(self.cs) == self.folded[next] {
                    set.starts[next][lane] = col as i16;
                    next += 1;
                }
                col += 1;
            }
            debug_assert_eq!(next, self.folded.len(), "the span holds the pattern");
            col
        };
        set.len[lane] = cols;
        set.tags[lane] = tag;
        if set.filled == LANES {
            self.flush(k, out);
        }
        true
    }

    /// Scores every text still queued.
    pub fn finish(&mut self, out: &mut impl FnMut(usize, Option<i64>)) {
        for k in 0..SETS {
            self.flush(k, out);
        }
    }

    fn flush(&mut self, k: usize, out: &mut impl FnMut(usize, Option<i64>)) {
        let set = &mut self.sets[k];
        let filled = set.filled;
        if filled == 0 {
            return;
        }
        let cols = set.len[..filled].iter().copied().max().unwrap_or(0);
        // Empty lanes never start a row.
        for s in &mut set.starts {
            s[filled..].fill(i16::MAX);
        }
        let best = self.run(k, cols);
        let set = &mut self.sets[k];
        set.unit[..cols].fill([0; LANES]);
        // Only now, the units clear: a panic before leaves it to `Drop`.
        set.filled = 0;
        for (&tag, &score) in set.tags[..filled].iter().zip(&best) {
            out(tag, Some(score.into()));
        }
    }

    fn run(&self, k: usize, cols: usize) -> Units {
        // SAFETY: a `Lanes` exists only where `new` found AVX2.
        unsafe { kernel::run(self, &self.sets[k], cols) }
    }
}
