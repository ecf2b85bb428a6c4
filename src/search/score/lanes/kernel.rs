//! The AVX2 side of `lanes`: one column of 16 texts at a time.

use std::arch::x86_64::*;

use super::{Lanes, Set, Units, LANES, MAX_ROWS};
use crate::search::score::*;

type V = __m256i;

// The helpers are compiled for AVX2, as `run` is, and inlined into it.

#[target_feature(enable = "avx2")]
#[inline]
fn splat(v: i32) -> V {
    debug_assert!(i16::try_from(v).is_ok(), "{v} fits a lane");
    _mm256_set1_epi16(v as i16)
}

#[target_feature(enable = "avx2")]
#[inline]
fn load(units: &Units) -> V {
    // SAFETY: reads the 32 bytes of `units`; loadu needs no alignment.
    unsafe { _mm256_loadu_si256(units.as_ptr().cast()) }
}

#[target_feature(enable = "avx2")]
#[inline]
fn within(x: V, lo: u8, hi: u8) -> V {
    let above = _mm256_cmpgt_epi16(x, splat(i32::from(lo) - 1));
    let below = _mm256_cmpgt_epi16(splat(i32::from(hi) + 1), x);
    _mm256_and_si256(above, below)
}

/// `a` where `mask` is all ones, else `b`.
#[target_feature(enable = "avx2")]
#[inline]
fn pick(mask: V, a: V, b: V) -> V {
    _mm256_blendv_epi8(b, a, mask)
}

/// What `in_place_bonus` needs to know of a column's units, as masks.
#[derive(Clone, Copy)]
struct Kinds {
    /// Empty or HardSep: a match after it is a word head.
    head: V,
    soft: V,
    upper: V,
    /// Lower or Number (any byte not ASCII is Lower).
    lower_or_number: V,
}

/// `char_type` of each unit; the ranges are its match arms.
#[target_feature(enable = "avx2")]
#[inline]
fn kinds(unit: V) -> Kinds {
    let head = or4(
        or4(is(unit, 0), is(unit, b' '), is(unit, b'/'), within(unit, b'(', b')')),
        within(unit, b'[', b']'),
        within(unit, b'{', b'}'),
        splat(0),
    );
    let soft = or4(
        or4(
            within(unit, b'!', b'\''),
            within(unit, b'*', b'.'),
            within(unit, b':', b'@'),
            within(unit, b'^', b'`'),
        ),
        is(unit, b'~'),
        splat(0),
        splat(0),
    );
    let upper = within(unit, b'A', b'Z');
    let lower_or_number = _mm256_cmpeq_epi16(or4(head, soft, upper, splat(0)), splat(0));
    Kinds {
        head,
        soft,
        upper,
        lower_or_number,
    }
}

#[target_feature(enable = "avx2")]
#[inline]
fn is(unit: V, b: u8) -> V {
    _mm256_cmpeq_epi16(unit, splat(b.into()))
}

#[target_feature(enable = "avx2")]
#[inline]
fn or4(a: V, b: V, c: V, d: V) -> V {
    _mm256_or_si256(_mm256_or_si256(a, b), _mm256_or_si256(c, d))
}

/// `in_place_bonus(prev, cur)` lane by lane: the kinds are disjoint, so
/// the bonuses can be or-ed.
#[target_feature(enable = "avx2")]
#[inline]
fn in_place(prev: Kinds, cur: Kinds) -> V {
    let camel = _mm256_and_si256(prev.lower_or_number, cur.upper);
    or4(
        _mm256_and_si256(prev.head, splat(BONUS_HEAD)),
        _mm256_and_si256(prev.soft, splat(BONUS_BREAK)),
        _mm256_and_si256(camel, splat(BONUS_CAMEL)),
        splat(0),
    )
}

/// The best last-row score of every lane of `set`, over `cols` columns.
#[target_feature(enable = "avx2")]
pub(super) fn run(lanes: &Lanes, set: &Set, cols: usize) -> Units {
    let neg = splat(NEG_INFINITY);
    let (gap_open, gap) = (splat(GAP_START + GAP_EXTENSION), splat(GAP_EXTENSION));
    let (base_score, case_matches) = (
        splat(SCORE_MATCH + PENALTY_CASE_MISMATCH),
        splat(-PENALTY_CASE_MISMATCH),
    );
    // On the stack: a set of lanes is scored every 16 texts.
    let mut rows = [(neg, neg, neg); MAX_ROWS];
    for (r, row) in rows.iter_mut().enumerate().take(lanes.folded.len()) {
        *row = (
            splat(lanes.folded[r].into()),
            splat(lanes.typed[r].into()),
            load(&set.starts[r]),
        );
    }
    // Each row's m and p at the last column, after two rows that stand
    // for a fresh matrix: what rows 0 and 1 find left of their start,
    // and what row 0 reads from the row above.
    let mut cells = [(neg, neg); MAX_ROWS + 2];
    cells[1] = (neg, gap);
    let cells = &mut cells[..lanes.folded.len() + 2];
    let last = cells.len() - 1;
    let mut best = neg;
    let mut prev = kinds(load(&set.before));
    let first = load(&set.first);
    for (col, units) in set.unit[..cols].iter().enumerate() {
        let unit = load(units);
        let cur = kinds(unit);
        let mut in_place = in_place(prev, cur);
        if col == 0 {
            // Doubled where the span starts the text: the first char's
            // multiplier.
            const _: () = assert!(FIRST_CHAR_MULTIPLIER == 2);
            in_place = _mm256_adds_epi16(in_place, _mm256_and_si256(first, in_place));
        }
        prev = cur;
        let fold = match lanes.cs {
            true => unit,
            false => _mm256_add_epi16(unit, _mm256_and_si256(cur.upper, splat(32))),
        };
        let consecutive = _mm256_max_epi16(in_place, splat(BONUS_CONSECUTIVE));
        let at = splat(col as i32);
        // Highest row first: the rows above still hold the last column.
        for at_row in (2..=last).rev() {
            let (folded, typed, start) = rows[at_row - 2];
            let (above, row) = cells.split_at_mut(at_row);
            let (up, stale) = (above[at_row - 1], above[at_row - 2]);
            let starts_here = _mm256_cmpeq_epi16(at, start);
            let own_m = pick(starts_here, stale.0, row[0].0);
            let own_p = pick(starts_here, stale.1, row[0].1);
            let score = _mm256_adds_epi16(
                base_score,
                _mm256_and_si256(_mm256_cmpeq_epi16(unit, typed), case_matches),
            );
            let diagonal = _mm256_max_epi16(_mm256_adds_epi16(up.0, consecutive), _mm256_adds_epi16(up.1, in_place));
            let m = pick(
                _mm256_cmpeq_epi16(fold, folded),
                _mm256_adds_epi16(diagonal, score),
                neg,
            );
            let p = _mm256_max_epi16(_mm256_adds_epi16(own_m, gap_open), _mm256_adds_epi16(own_p, gap));
            row[0] = (m, p);
            if at_row == last {
                let not_yet = _mm256_cmpgt_epi16(start, at);
                best = _mm256_max_epi16(best, pick(not_yet, neg, m));
                best = _mm256_max_epi16(best, pick(starts_here, own_m, neg));
            }
        }
    }
    let mut out = [0; LANES];
    // SAFETY: writes the 32 bytes of `out`; storeu needs no alignment.
    unsafe { _mm256_storeu_si256(out.as_mut_ptr().cast(), best) };
    out
}
