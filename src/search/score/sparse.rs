//! The same rows computed at their match cells only. Between two matches a
//! row holds no score (`m` is minus infinity) and its gap score `p` falls by
//! one a column, so every cell the next row reads follows from the match
//! cells before it. A typical query letter matches a few columns of a line,
//! against the hundred cells per row of the dense pass.
//!
//! The matcher's reused cells are reproduced from the same rule the dense
//! pass follows: a row starts out holding what the row two before it left
//! (`stale_*` below), down to the fresh matrix's cells.

use super::*;

const NO_SLOT: u16 = u16::MAX;

/// A match cell: its column and its score.
#[derive(Clone, Copy)]
struct Cell {
    col: usize,
    m: i32,
}

#[derive(Default)]
pub(super) struct Rows {
    /// Slot of each distinct folded pattern char below 256 (others are
    /// looked up in `keys`); NO_SLOT between calls.
    slot: Vec<u16>,
    keys: Vec<u32>,
    /// The slot of each pattern char, row by row.
    row_slot: Vec<u16>,
    /// Columns (1-based) where each slot's char occurs.
    columns: Vec<Vec<u32>>,
    cells: Vec<Cell>,
    /// Row r's cells are `cells[row_start[r]..row_start[r + 1]]`.
    row_start: Vec<usize>,
    /// `p` at each row's first column, from the cells left of it.
    p_first: Vec<i32>,
    first: Vec<usize>,
    end: usize,
}

impl Rows {
    /// Finds the columns every row matches at, up to `end`; returns how
    /// many match cells the rows have.
    pub fn collect<S: Sym>(&mut self, pattern: &[S], cs: bool, folded: &[u32], first: &[usize], end: usize) -> usize {
        self.slot.resize(256, NO_SLOT);
        self.keys.clear();
        self.row_slot.clear();
        for p in pattern {
            let key = p.fold(cs).key();
            let slot = match self.keys.iter().position(|&k| k == key) {
                Some(s) => s,
                None => {
                    self.keys.push(key);
                    self.keys.len() - 1
                }
            };
            self.row_slot.push(slot as u16);
        }
        let wide = self.keys.iter().any(|&k| k >= 256);
        for (s, &k) in self.keys.iter().enumerate() {
            if k < 256 {
                self.slot[k as usize] = s as u16;
            }
        }
        if self.columns.len() < self.keys.len() {
            self.columns.resize_with(self.keys.len(), Vec::new);
        }
        for c in &mut self.columns[..self.keys.len()] {
            c.clear();
        }
        for (j, &k) in folded.iter().enumerate().take(end).skip(first[0]) {
            let slot = match k {
                0..256 => self.slot[k as usize],
                _ if wide => self.keys.iter().position(|&x| x == k).map_or(NO_SLOT, |s| s as u16),
                _ => NO_SLOT,
            };
            if slot != NO_SLOT {
                self.columns[slot as usize].push(j as u32 + 1);
            }
        }
        for &k in &self.keys {
            if k < 256 {
                self.slot[k as usize] = NO_SLOT;
            }
        }
        self.first.clear();
        self.first.extend_from_slice(first);
        self.end = end;
        (0..pattern.len()).map(|r| self.row_columns(r).len()).sum()
    }

    /// Columns where row r's char matches, from the row's first column.
    fn row_columns(&self, r: usize) -> &[u32] {
        let all = &self.columns[self.row_slot[r] as usize];
        let start = self.start(r);
        &all[all.partition_point(|&c| (c as usize) < start)..]
    }

    fn start(&self, r: usize) -> usize {
        self.first[r] + 1
    }

    fn row(&self, r: usize) -> &[Cell] {
        &self.cells[self.row_start[r]..self.row_start[r + 1]]
    }

    /// Reads row r (finished) from left to right.
    fn cursor(&self, r: usize) -> Cursor {
        Cursor {
            next: self.row_start[r],
            end: self.row_start[r + 1],
            start: self.start(r),
            p_first: self.p_first[r],
            best: None,
            run: None,
        }
    }

    /// The best score in the last row; `collect` must have run first.
    pub fn score<S: Sym>(&mut self, choice: &[S], pattern: &[S], cs: bool) -> i32 {
        self.cells.clear();
        self.row_start.clear();
        self.p_first.clear();
        for (r, &pc) in pattern.iter().enumerate() {
            let start = self.start(r);
            // The reused row's cell left of the start: what row r - 2 left
            // there, or for the first two rows a fresh matrix's defaults
            // (row r is stored where matrix row r + 1 goes: rows 1 and 0).
            let (stale_m, stale_p) = match r {
                0 => (NEG_INFINITY, NEG_INFINITY),
                1 => (NEG_INFINITY, GAP_EXTENSION),
                _ => self.cursor(r - 2).at(&self.cells, start - 1),
            };
            self.p_first
                .push((GAP_START + GAP_EXTENSION + stale_m).max(GAP_EXTENSION + stale_p));
            self.row_start.push(self.cells.len());
            let mut above = (r > 0).then(|| self.cursor(r - 1));
            let slot = self.row_slot[r] as usize;
            let columns = std::mem::take(&mut self.columns[slot]);
            for &col in &columns[columns.partition_point(|&c| (c as usize) < start)..] {
                let col = col as usize;
                let (m_prev, p_prev) = match &mut above {
                    // Row 0 reads matrix row 0: m minus infinity, p -1.
                    None => (NEG_INFINITY, GAP_EXTENSION),
                    Some(cursor) => cursor.at(&self.cells, col - 1),
                };
                let c = choice[col - 1];
                let score = SCORE_MATCH + if !cs && c != pc { PENALTY_CASE_MISMATCH } else { 0 };
                let in_place = in_place_at(choice, col);
                let m = (m_prev + consecutive_bonus(in_place)).max(p_prev + in_place) + score;
                self.cells.push(Cell { col, m });
            }
            self.columns[slot] = columns;
        }
        self.row_start.push(self.cells.len());
        let last = pattern.len() - 1;
        // The last row's first column is read as the row two before left it.
        let stale = if last >= 2 {
            self.cursor(last - 2).at(&self.cells, self.first[last]).0
        } else {
            NEG_INFINITY
        };
        self.row(last).iter().map(|c| c.m).fold(stale, i32::max)
    }
}

/// A finished row read at increasing columns: `m` and `p` there, from its
/// match cells. Between matches `m` is minus infinity and `p` falls by one
/// a column from the best of the row's first gap score, each match, and
/// each empty cell (minus infinity's own gap score).
struct Cursor {
    /// The next cell not yet passed, and the row's end, in `cells`.
    next: usize,
    end: usize,
    start: usize,
    p_first: i32,
    /// The best `m - GAP_EXTENSION * col` of the cells passed.
    best: Option<i32>,
    /// The last run of adjacent match columns passed, first and last.
    run: Option<(usize, usize)>,
}

impl Cursor {
    /// `(m, p)` at `col`, at or right of the row's start and of any column
    /// asked before.
    fn at(&mut self, cells: &[Cell], col: usize) -> (i32, i32) {
        while self.next < self.end && cells[self.next].col < col {
            let c = cells[self.next];
            self.best = self.best.max(Some(c.m - GAP_EXTENSION * c.col as i32));
            self.run = match self.run {
                Some((first, last)) if last + 1 == c.col => Some((first, c.col)),
                _ => Some((c.col, c.col)),
            };
            self.next += 1;
        }
        let mut p = self.p_first + GAP_EXTENSION * (col - self.start) as i32;
        if let Some(best) = self.best {
            p = p.max(best + GAP_START + GAP_EXTENSION * col as i32);
        }
        // An empty cell's m is "minus infinity", a finite i32 here as in
        // the matcher, so its gap score is a (very low) candidate too. It
        // only wins where nothing finite reaches, which no complete match
        // reads; it is kept so that every cell equals the matcher's.
        let empty = match self.run {
            Some((first, last)) if last + 1 == col => first - 1,
            _ => col - 1,
        };
        if empty >= self.start {
            p = p.max(NEG_INFINITY + GAP_START + GAP_EXTENSION * (col - empty) as i32);
        }
        let m = match cells.get(self.next) {
            Some(c) if self.next < self.end && c.col == col => c.m,
            _ => NEG_INFINITY,
        };
        (m, p)
    }
}
