//! The rows over every cell, as SkimMatcherV2 computes them: two rows that
//! take turns, so each row starts out holding what the row two before it
//! left, and the matcher reads some of those cells back.

use super::*;

/// The two rows of the score matrix.
#[derive(Default)]
pub(super) struct Rows {
    m: Vec<i32>,
    p: Vec<i32>,
}

/// The best score in the last row, over columns `first[last]..=end`.
pub(super) fn score<S: Sym>(
    choice: &[S],
    pattern: &[S],
    cs: bool,
    folded: &[u32],
    first: &[usize],
    end: usize,
    r: &mut Rows,
) -> i32 {
    // Only cells up to `end` are ever written or read.
    let cols = end + 1;
    // A fresh matcher's two rows: default cells, then row 0 reset to
    // "nothing matched yet".
    for v in [&mut r.m, &mut r.p] {
        v.clear();
    }
    r.m.resize(2 * cols, NEG_INFINITY);
    r.p.resize(cols, GAP_EXTENSION);
    r.p.resize(2 * cols, NEG_INFINITY);
    let (m0, m1) = r.m.split_at_mut(cols);
    let (p0, p1) = r.p.split_at_mut(cols);
    let mut rows = [(m0, p0), (m1, p1)];
    for (i, &pc) in pattern.iter().enumerate() {
        let [even, odd] = &mut rows;
        // Row i + 1 of the full matrix lives in row (i + 1) % 2.
        let ((m, p), (m_prev, p_prev)) = if i % 2 == 0 { (odd, &*even) } else { (even, &*odd) };
        let key = pc.fold(cs).key();
        let start = first[i] + 1;
        // The cells left of `start` are whatever this row last held: the
        // matcher reads them, so this does too. Kept in registers along the
        // row, not re-read from memory, which is what makes the loop fast.
        let (mut left_m, mut left_p) = (m[start - 1], p[start - 1]);
        for col in start..=end {
            let gap = (GAP_START + GAP_EXTENSION + left_m).max(GAP_EXTENSION + left_p);
            left_m = if folded[col - 1] == key {
                let c = choice[col - 1];
                let score = SCORE_MATCH + if !cs && c != pc { PENALTY_CASE_MISMATCH } else { 0 };
                let in_place = in_place_at(choice, col);
                (m_prev[col - 1] + consecutive_bonus(in_place)).max(p_prev[col - 1] + in_place) + score
            } else {
                NEG_INFINITY
            };
            left_p = gap;
            m[col] = left_m;
            p[col] = gap;
        }
    }
    let (m, _) = &rows[pattern.len() % 2];
    let from = first[pattern.len() - 1];
    m[from..=end].iter().copied().max().unwrap_or(NEG_INFINITY)
}
