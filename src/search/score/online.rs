//! The score matrix computed in one left-to-right pass over the text,
//! touching only its match cells.
//!
//! Cell (r, col) depends on row r - 1 at col - 1 and on row r left of col,
//! and a row starts at its char's first greedy match. So reading the text
//! once, a match of a pattern char updates every started row with that
//! char, highest row first (each reads the row above as it was before this
//! column), and the greedy match of the next row starts that row there.
//! Between its matches a row holds no score (`m` is minus infinity) and its
//! gap score `p` falls by one a column, so a row is kept as a few numbers
//! (`Row`), not as cells: no pass over the text gathers match columns, and
//! nothing is allocated per text.
//!
//! The matcher's reused cells (see `score`'s module doc) come from the same
//! rule: a row starts out holding what the row two before it left.

use std::cell::RefCell;
use std::ops::Range;

use super::greedy::greedy_each;
use super::*;

/// Which rows each char of the text updates, built once per pattern.
/// Slots number the pattern's distinct (folded) chars from 1; building
/// them sorts, so even a huge pasted query costs n log n, not n squared.
pub(super) struct Slots {
    /// The slot of each code point below 256, case folded when case does
    /// not matter; 0 for chars not in the pattern.
    /// (Boxed: a pattern is moved around whole.)
    table: Box<[u32; 256]>,
    /// Slots of the pattern's chars at or above 256 (never case folded),
    /// sorted by char.
    wide: Vec<(u32, u32)>,
    /// Slot s covers `rows[ranges[s - 1].0..ranges[s - 1].1]`: the rows of
    /// that char, highest first.
    rows: Vec<u32>,
    ranges: Vec<(usize, usize)>,
    /// The slot of each row.
    row_slot: Vec<u32>,
}

impl Slots {
    pub fn new<S: Sym>(pattern: &[S], cs: bool) -> Slots {
        // Rows grouped by char, highest row first within a char.
        let mut by_key: Vec<(u32, std::cmp::Reverse<u32>)> = (0..pattern.len())
            .map(|r| (pattern[r].fold(cs).key(), std::cmp::Reverse(r as u32)))
            .collect();
        by_key.sort_unstable();
        let mut slots = Slots {
            table: Box::new([0; 256]),
            wide: Vec::new(),
            rows: Vec::with_capacity(pattern.len()),
            ranges: Vec::new(),
            row_slot: vec![0; pattern.len()],
        };
        for group in by_key.chunk_by(|a, b| a.0 == b.0) {
            let key = group[0].0;
            let slot = slots.ranges.len() as u32 + 1;
            let start = slots.rows.len();
            for &(_, std::cmp::Reverse(r)) in group {
                slots.rows.push(r);
                slots.row_slot[r as usize] = slot;
            }
            slots.ranges.push((start, slots.rows.len()));
            match u8::try_from(key) {
                Ok(b) => {
                    slots.table[b as usize] = slot;
                    if !cs && b.is_ascii_lowercase() {
                        slots.table[b.to_ascii_uppercase() as usize] = slot;
                    }
                }
                // Keys come sorted, so `wide` is too.
                Err(_) => slots.wide.push((key, slot)),
            }
        }
        slots
    }

    /// The bytes of `text` the pass must read, None when the pattern is
    /// not a subsequence of it: from the first greedy match of the first
    /// char (no row starts before it) to the last occurrence of the last
    /// char (past it the last row has no cell). Found by a cheap scan, one
    /// compare a char, that spares the pass most texts that do not match.
    pub fn span_chars(&self, text: &str) -> Option<Range<usize>> {
        let mut want = self.row_slot.iter();
        let mut next = want.next().copied();
        let mut from = None;
        for (at, c) in text.char_indices() {
            match next {
                Some(slot) if self.of(c.into()) == slot => {
                    from = from.or(Some(at));
                    next = want.next().copied();
                }
                Some(_) => {}
                None => break,
            }
        }
        if next.is_some() {
            return None;
        }
        let last = *self.row_slot.last()?;
        let (at, c) = text.char_indices().rev().find(|&(_, c)| self.of(c.into()) == last)?;
        Some(from?..at + c.len_utf8())
    }

    /// `span_chars` for an ASCII pattern, over the text's bytes: the greedy
    /// matches by `greedy_bytes`, the last char by a vectorised search from
    /// the end (both cases when case does not matter).
    pub fn span_bytes(&self, text: &[u8], pattern: &[u8], cs: bool) -> Option<Range<usize>> {
        self.span_and_greedy(text, pattern, cs, &mut [])
    }

    /// `span_bytes`, also writing where each pattern byte's greedy match
    /// is into `greedy` (as many as it holds).
    pub fn span_and_greedy(&self, text: &[u8], pattern: &[u8], cs: bool, greedy: &mut [usize]) -> Option<Range<usize>> {
        let from = greedy_each(text, pattern, cs, |row, at| {
            if let Some(g) = greedy.get_mut(row) {
                *g = at;
            }
        })?;
        let last = pattern[pattern.len() - 1];
        let end = match cs || !last.is_ascii_alphabetic() {
            true => memchr::memrchr(last, text),
            false => memchr::memrchr2(last.to_ascii_lowercase(), last.to_ascii_uppercase(), text),
        };
        Some(from..end? + 1)
    }

    fn of(&self, code: u32) -> u32 {
        match self.table.get(code as usize) {
            Some(&slot) => slot,
            None => self
                .wide
                .binary_search_by_key(&code, |w| w.0)
                .map_or(0, |i| self.wide[i].1),
        }
    }

    fn rows(&self, slot: u32) -> &[u32] {
        let (from, to) = self.ranges[slot as usize - 1];
        &self.rows[from..to]
    }
}

/// A started row, as far as the pass has read: enough to give `m` and `p`
/// at the current column or the one before. Columns are 1-based, as i32
/// because they enter the scores.
#[derive(Clone, Copy)]
struct Row {
    /// The gap runs so far, as `p - GAP_EXTENSION * col` (so that a run
    /// read further right just adds `GAP_EXTENSION * col`): the best of the
    /// run from the row's first column (from the cells the matcher left of
    /// it) and the runs after each match cell before the latest. `at` adds
    /// the run after the latest cell itself.
    base: i32,
    /// The latest match cell (0 before the first) and its score.
    last_col: i32,
    last_m: i32,
}

impl Row {
    const UNSET: Row = Row::new(0, 0);

    /// A row starting at `start` with gap score `p_first` there.
    const fn new(start: i32, p_first: i32) -> Row {
        Row {
            base: p_first - GAP_EXTENSION * start,
            last_col: 0,
            // Low enough that its gap never counts, and no overflow.
            last_m: i32::MIN / 4,
        }
    }

    /// `(m, p)` at column `col`: at or right of the row's start, and at or
    /// right of its latest match cell.
    fn at(&self, col: i32) -> (i32, i32) {
        let mut base = self.base;
        if self.last_col < col {
            base = base.max(self.last_m - GAP_EXTENSION * self.last_col + GAP_START);
        }
        // The matcher's p is also at least the gap from an empty cell (m
        // "minus infinity", a finite i32 there): at most NEG_INFINITY - 4.
        // Left out: p is only ever read against m_prev plus a bonus of at
        // least the in-place one, or carried (only falling) into the first
        // gap score of the row two below, read the same way; m_prev is
        // NEG_INFINITY or more (every match scores above it), so that gap
        // never wins where it is read.
        let p = base + GAP_EXTENSION * col;
        let m = if self.last_col == col {
            self.last_m
        } else {
            NEG_INFINITY
        };
        (m, p)
    }

    /// Records a match cell at `col`, right of every earlier one.
    fn push(&mut self, col: i32, m: i32) {
        self.base = self.base.max(self.last_m - GAP_EXTENSION * self.last_col + GAP_START);
        self.last_col = col;
        self.last_m = m;
    }
}

thread_local! {
    /// The rows, reused from text to text.
    static ROWS: RefCell<Vec<Row>> = const { RefCell::new(Vec::new()) };
}

/// The best score in the last row (None when the pattern is not a
/// subsequence): SkimMatcherV2's score for a pattern of two or more chars.
/// `units` are the text's chars, or its bytes when the pattern is ASCII,
/// from its `span` on: `before` is how many chars come before that, `prev`
/// the unit just before (NUL for none).
pub(super) fn score<S: Sym>(
    units: impl Iterator<Item = S>,
    (before, prev): (usize, S),
    pattern: &[S],
    cs: bool,
    slots: &Slots,
) -> Option<i64> {
    ROWS.with(|rows| {
        let rows = &mut *rows.borrow_mut();
        rows.clear();
        rows.resize(pattern.len(), Row::UNSET);
        let last = pattern.len() - 1;
        // The row whose greedy first match comes next.
        let mut next = 0;
        let mut best = NEG_INFINITY;
        let mut col = i32::try_from(before).unwrap_or(i32::MAX);
        let mut prev = prev;
        for c in units {
            col += i32::from(c.starts_char());
            let slot = slots.of(c.into());
            if slot != 0 {
                let mut in_place = in_place_bonus(prev.kind(), c.kind());
                if col == 1 {
                    in_place *= FIRST_CHAR_MULTIPLIER;
                }
                for &r in slots.rows(slot) {
                    let r = r as usize;
                    if r > next {
                        continue;
                    }
                    if r == next {
                        // The row starts here, holding what row r - 2 left
                        // in the column before, or for the first two rows a
                        // fresh matrix's defaults (row r is matrix row
                        // r + 1, stored where rows 1 and 0 go).
                        let (stale_m, stale_p) = match r {
                            0 => (NEG_INFINITY, NEG_INFINITY),
                            1 => (NEG_INFINITY, GAP_EXTENSION),
                            _ => rows[r - 2].at(col - 1),
                        };
                        let p_first = (GAP_START + GAP_EXTENSION + stale_m).max(GAP_EXTENSION + stale_p);
                        rows[r] = Row::new(col, p_first);
                        // The final maximum starts one column early, on
                        // that same stale cell.
                        if r == last {
                            best = stale_m;
                        }
                        next += 1;
                    }
                    let (m_prev, p_prev) = match r {
                        // Row 0 reads matrix row 0: m minus infinity, p -1.
                        0 => (NEG_INFINITY, GAP_EXTENSION),
                        _ => rows[r - 1].at(col - 1),
                    };
                    let score = SCORE_MATCH
                        + if !cs && c != pattern[r] {
                            PENALTY_CASE_MISMATCH
                        } else {
                            0
                        };
                    let m = (m_prev + consecutive_bonus(in_place)).max(p_prev + in_place) + score;
                    rows[r].push(col, m);
                    if r == last {
                        best = best.max(m);
                    }
                }
            }
            prev = c;
        }
        (next == pattern.len()).then_some(i64::from(best))
    })
}
