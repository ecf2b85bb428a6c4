//! A fuzzy term's score kept extendable, so that typing one more char of
//! it costs one row of the score matrix per text, not the whole matrix.
//!
//! Row r of the matrix depends only on rows r - 1 and r - 2 (see
//! `online`): computed row by row rather than column by column, it gives
//! the same cells. A text's *record* keeps the term's last two rows and
//! its score; extending the term by one char reads the record, computes
//! the new row over that char's occurrences in the text, and writes the
//! next record. A row is kept as its start and its match cells only
//! (between matches its gap score falls by one a column).
//!
//! Record layout, in u32 words: `[score, ascii, row, row]`, a row being
//! `[start byte | cells << 16, base, cell...]`, a cell `col | m << 16`
//! (m as i16), `base` as in `online::Row`. A record of only `[score]`
//! holds no rows (a text too long for u16 columns, or a score outside
//! i16): its next extension scores the text whole.

use std::cell::RefCell;

use super::chars::BONUS_AFTER;
use super::lanes::ByteFinder;
use super::*;

/// Terms longer than this are not kept extendable: their cells could
/// leave i16, and nobody types them.
pub(crate) const MAX_TERM: usize = 200;

/// One fuzzy term (ASCII, at most MAX_TERM bytes) whose records can be
/// made from scratch or from the records of the term less its last char.
pub(crate) struct Extender {
    pattern: Vec<u8>,
    cs: bool,
    /// Each pattern byte's vectorised search, where there is one.
    finders: Vec<Option<ByteFinder>>,
    whole: Pattern,
}

/// A row as stored: where it starts (the greedy match of its char), its
/// gap base and its match cells.
#[derive(Clone, Copy)]
struct RowView<'a> {
    start: usize,
    base: i32,
    cells: &'a [u32],
}

impl<'a> RowView<'a> {
    /// The row at the front of `words`, and the words after it.
    fn read(words: &'a [u32]) -> (RowView<'a>, &'a [u32]) {
        let n = (words[0] >> 16) as usize;
        let row = RowView {
            start: (words[0] & 0xFFFF) as usize,
            base: words[1] as i32,
            cells: &words[2..2 + n],
        };
        (row, &words[2 + n..])
    }
}

fn cell_col(c: u32) -> i32 {
    (c & 0xFFFF) as i32
}

fn cell_m(c: u32) -> i32 {
    i32::from((c >> 16) as u16 as i16)
}

/// Reads a row's `(m, p)` at columns that never decrease.
struct Cursor<'a> {
    base: i32,
    cells: &'a [u32],
}

impl<'a> Cursor<'a> {
    fn new(row: RowView<'a>) -> Cursor<'a> {
        Cursor {
            base: row.base,
            cells: row.cells,
        }
    }

    /// As `online::Row::at`: the gap from every cell left of `col`, the
    /// match score of a cell at `col`.
    fn at(&mut self, col: i32) -> (i32, i32) {
        while let Some((&c, rest)) = self.cells.split_first() {
            if cell_col(c) >= col {
                break;
            }
            self.base = self.base.max(cell_m(c) - GAP_EXTENSION * cell_col(c) + GAP_START);
            self.cells = rest;
        }
        let m = match self.cells.first() {
            Some(&c) if cell_col(c) == col => cell_m(c),
            _ => NEG_INFINITY,
        };
        (m, self.base + GAP_EXTENSION * col)
    }
}

/// Why a record could not be made.
enum Fail {
    /// A char of the term does not occur where it must: no match.
    NoMatch,
    /// Columns or scores outside what a cell holds.
    TooBig,
}

/// The 1-based char column of a byte, for bytes visited left to right.
struct Cols<'a> {
    bytes: &'a [u8],
    ascii: bool,
    counted: usize,
    continuations: usize,
}

impl Cols<'_> {
    fn at(&mut self, byte: usize) -> i32 {
        if !self.ascii {
            let skipped = &self.bytes[self.counted..byte];
            self.continuations += skipped.iter().filter(|&&b| b & 0xC0 == 0x80).count();
            self.counted = byte;
        }
        (byte + 1 - self.continuations) as i32
    }
}

thread_local! {
    /// Rows computed from nothing, reused from text to text.
    static SCRATCH: RefCell<[Vec<u32>; 3]> = const { RefCell::new([Vec::new(), Vec::new(), Vec::new()]) };
}

impl Extender {
    pub fn new(term: &str, cs: bool) -> Option<Extender> {
        let folded = cs || !term.bytes().any(|b| b.is_ascii_uppercase());
        let ok = !term.is_empty() && term.is_ascii() && term.len() <= MAX_TERM && folded;
        ok.then(|| Extender {
            pattern: term.as_bytes().to_vec(),
            cs,
            finders: term.bytes().map(|b| ByteFinder::new(b, cs)).collect(),
            whole: Pattern::new(term, cs),
        })
    }

    /// The same, with the portable search for bytes (the vectorised one
    /// is picked wherever the CPU has it).
    #[cfg(test)]
    pub fn portable(mut self) -> Extender {
        self.finders.fill(None);
        self
    }

    /// Whether `longer` is this term with one more char: its records
    /// extend this term's.
    pub fn is_extended_by(&self, longer: &Extender) -> bool {
        self.cs == longer.cs
            && longer.pattern.len() == self.pattern.len() + 1
            && longer.pattern.starts_with(&self.pattern)
    }

    /// The term's score of the text a record was made for.
    pub fn score_of(record: &[u32]) -> i32 {
        record[0] as i32
    }

    /// The term's score of `text` (None: no match), its record appended
    /// to `out`, computed from nothing.
    pub fn start(&self, text: &str, out: &mut Vec<u32>) -> Option<i32> {
        let at = out.len();
        let ascii = text.is_ascii();
        let made = SCRATCH.with(|s| {
            let [two_up, one_up, new] = &mut *s.borrow_mut();
            // Row "-1" and "-2": never read (see `row`), stored as empty.
            two_up.clear();
            two_up.extend([0, 0]);
            one_up.clone_from(two_up);
            let mut best = NEG_INFINITY;
            for r in 0..self.pattern.len() {
                new.clear();
                let (prev, stale) = (RowView::read(one_up).0, RowView::read(two_up).0);
                best = self.row(text.as_bytes(), ascii, r, (prev, stale), new)?;
                std::mem::swap(two_up, one_up);
                std::mem::swap(one_up, new);
            }
            out.extend([best as u32, u32::from(ascii)]);
            out.extend_from_slice(two_up);
            out.extend_from_slice(one_up);
            Ok(best)
        });
        self.finish(text, at, made, out)
    }

    /// As `start`, from `old`, the record of `text` for this term less its
    /// last char (see `is_extended_by`): one row computed.
    pub fn extend(&self, text: &str, old: &[u32], out: &mut Vec<u32>) -> Option<i32> {
        let at = out.len();
        if old.len() == 1 {
            return self.finish(text, at, Err(Fail::TooBig), out);
        }
        let (stale, rest) = RowView::read(&old[2..]);
        let (prev, _) = RowView::read(rest);
        let ascii = old[1] == 1;
        out.extend([0, old[1]]);
        out.extend_from_slice(rest);
        let made = self.row(text.as_bytes(), ascii, self.pattern.len() - 1, (prev, stale), out);
        if let Ok(best) = made {
            out[at] = best as u32;
        }
        self.finish(text, at, made, out)
    }

    /// The score from a record made (or not) at `at` in `out`: a record
    /// of just the score when cells could not hold it.
    fn finish(&self, text: &str, at: usize, made: Result<i32, Fail>, out: &mut Vec<u32>) -> Option<i32> {
        match made {
            Ok(best) => Some(best),
            Err(fail) => {
                out.truncate(at);
                if matches!(fail, Fail::NoMatch) {
                    return None;
                }
                let score = self.whole.score(text)?.clamp(i32::MIN.into(), i32::MAX.into()) as i32;
                out.push(score as u32);
                Some(score)
            }
        }
    }

    /// Row `r` of the matrix over `bytes` (`ascii` when all are), appended
    /// to `out`, from the row above (`prev`) and the one above that
    /// (`stale`, read where the row starts: see `online`). Returns the
    /// best cell of the row, counting the quirk's stale start.
    fn row(
        &self,
        bytes: &[u8],
        ascii: bool,
        r: usize,
        (prev, stale): (RowView, RowView),
        out: &mut Vec<u32>,
    ) -> Result<i32, Fail> {
        if bytes.len() > 0xFFFF {
            return Err(Fail::TooBig);
        }
        let pc = self.pattern[r];
        // A row starts at its char's greedy match: after the row above's.
        let from = if r == 0 { 0 } else { prev.start + 1 };
        let head = out.len();
        out.extend([0, 0]);
        // The row's cells: first each match as `byte | col << 16`, then
        // rewritten in place as `col | m << 16`.
        match self.finders[r] {
            Some(finder) => finder.push_matches(bytes, from, ascii, out),
            None => {
                let (lower, upper) = match self.cs {
                    true => (pc, pc),
                    false => (pc.to_ascii_lowercase(), pc.to_ascii_uppercase()),
                };
                let mut cols = Cols {
                    bytes,
                    ascii,
                    counted: 0,
                    continuations: 0,
                };
                for b in memchr::memchr2_iter(lower, upper, &bytes[from..]).map(|b| b + from) {
                    out.push(b as u32 | (cols.at(b) as u32) << 16);
                }
            }
        }
        let Some(&first) = out.get(head + 2) else {
            out.truncate(head);
            return Err(Fail::NoMatch);
        };
        let (start, start_col) = ((first & 0xFFFF) as usize, (first >> 16) as i32);
        let (stale_m, stale_p) = match r {
            0 => (NEG_INFINITY, NEG_INFINITY),
            1 => (NEG_INFINITY, GAP_EXTENSION),
            _ => Cursor::new(stale).at(start_col - 1),
        };
        let p_first = (GAP_START + GAP_EXTENSION + stale_m).max(GAP_EXTENSION + stale_p);
        out[head] = start as u32 | ((out.len() - head - 2) as u32) << 16;
        out[head + 1] = (p_first - GAP_EXTENSION * start_col) as u32;
        let mut best = stale_m;
        // Cells are checked to fit i16 once, from the lowest.
        let mut lowest = 0;
        let mut above = Cursor::new(prev);
        for cell in &mut out[head + 2..] {
            let (b, col) = ((*cell & 0xFFFF) as usize, (*cell >> 16) as i32);
            let (m_prev, p_prev) = match r {
                0 => (NEG_INFINITY, GAP_EXTENSION),
                _ => above.at(col - 1),
            };
            // The byte before the first is NUL, whose kind is "nothing".
            let before = if b == 0 { 0 } else { bytes[b - 1] };
            let byte = bytes[b];
            let mut in_place = i32::from(BONUS_AFTER[usize::from(byte.is_ascii_uppercase())][before as usize]);
            if col == 1 {
                in_place *= FIRST_CHAR_MULTIPLIER;
            }
            let score = SCORE_MATCH + if byte != pc { PENALTY_CASE_MISMATCH } else { 0 };
            let m = (m_prev + consecutive_bonus(in_place)).max(p_prev + in_place) + score;
            lowest = lowest.min(m);
            *cell = col as u32 | u32::from(m as u16) << 16;
            best = best.max(m);
        }
        // The highest cell is at most 32 a char of the term: no overflow.
        if lowest < i32::from(i16::MIN) {
            return Err(Fail::TooBig);
        }
        Ok(best)
    }
}
