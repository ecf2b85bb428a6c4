//! The AVX2 side of `lanes`: one column of 16 texts at a time.

use std::arch::x86_64::*;

use super::kinds::{in_place, kinds, Bytes};
use super::{Lanes, Units, LANES, MAX_ROWS, MAX_SPAN, STRIDE};
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

/// `a` where `mask` is all ones, else `b`.
#[target_feature(enable = "avx2")]
#[inline]
fn pick(mask: V, a: V, b: V) -> V {
    _mm256_blendv_epi8(b, a, mask)
}

/// Column `c` of a block of 16 rows of 16 bytes: byte l is row l's byte c.
/// Four rounds of interleaving, each of twice the width: pairs of bytes,
/// then of two bytes, four and eight.
#[target_feature(enable = "avx2")]
#[inline]
fn transpose(rows: [Bytes; 16]) -> [Bytes; 16] {
    let pairs = interleave(rows, 16, |x, y| (_mm_unpacklo_epi8(x, y), _mm_unpackhi_epi8(x, y)));
    let quads = interleave(pairs, 8, |x, y| (_mm_unpacklo_epi16(x, y), _mm_unpackhi_epi16(x, y)));
    let eights = interleave(quads, 4, |x, y| (_mm_unpacklo_epi32(x, y), _mm_unpackhi_epi32(x, y)));
    interleave(eights, 2, |x, y| (_mm_unpacklo_epi64(x, y), _mm_unpackhi_epi64(x, y)))
}

/// One round of `transpose`: within each group of `size` vectors, the
/// vectors are paired in order, and each pair's low and high
/// interleavings go to the group's first and second half. After the first
/// round, vector h * 8 + i holds rows 2i and 2i + 1 at columns 8h..8h + 8;
/// each round doubles the rows a vector holds and halves its columns.
#[target_feature(enable = "avx2")]
#[inline]
fn interleave(v: [Bytes; 16], size: usize, lo_hi: impl Fn(Bytes, Bytes) -> (Bytes, Bytes)) -> [Bytes; 16] {
    let mut out = v;
    let half = size / 2;
    for group in (0..16).step_by(size) {
        for i in 0..half {
            let (lo, hi) = lo_hi(v[group + 2 * i], v[group + 2 * i + 1]);
            out[group + i] = lo;
            out[group + half + i] = hi;
        }
    }
    out
}

/// Columns `from..from + 16` of every lane's row, each as one vector.
#[target_feature(enable = "avx2")]
#[inline]
fn columns(rows: &[u8], from: usize) -> [Bytes; 16] {
    let rows: &[u8; LANES * STRIDE] = rows.try_into().expect("a row of bytes a lane");
    assert!(from + 16 <= STRIDE, "the block lies in a row");
    let mut block = [_mm_setzero_si128(); 16];
    for (lane, bytes) in block.iter_mut().enumerate() {
        let row: &[u8; 16] = rows[lane * STRIDE + from..][..16].try_into().expect("16 bytes");
        // SAFETY: reads the 16 bytes of `row`; loadu needs no alignment.
        *bytes = unsafe { _mm_loadu_si128(row.as_ptr().cast()) };
    }
    transpose(block)
}

/// `columns` as arrays, for tests.
///
/// # Safety
/// Compiled for AVX2: callers outside such code must make sure the CPU
/// has it.
#[cfg(test)]
#[target_feature(enable = "avx2")]
pub(super) fn columns_as_bytes(rows: &[u8], from: usize) -> [[u8; 16]; 16] {
    // SAFETY: a __m128i and a [u8; 16] are the same 16 bytes.
    columns(rows, from).map(|c| unsafe { std::mem::transmute::<Bytes, [u8; 16]>(c) })
}

/// One row's m and p at the last column.
pub(super) type Cells = (V, V);

/// The lowest of the units, none of them negative.
#[target_feature(enable = "avx2")]
#[inline]
fn lowest(units: &Units) -> usize {
    let v = load(units);
    let halves = _mm_min_epu16(_mm256_castsi256_si128(v), _mm256_extracti128_si256::<1>(v));
    (_mm_cvtsi128_si32(_mm_minpos_epu16(halves)) & 0xFFFF) as usize
}

/// The best last-row score of every lane of `lanes`, over `cols` columns.
/// `cells` is scratch space.
///
/// # Safety
/// Compiled for AVX2: callers outside such code must make sure the CPU
/// has it.
#[target_feature(enable = "avx2")]
pub(super) fn run(lanes: &Lanes, cells: &mut Vec<Cells>, cols: usize) -> Units {
    let n = lanes.folded.len();
    assert!(
        (1..=MAX_ROWS).contains(&n) && lanes.starts.len() == n,
        "Lanes::new takes 2 to MAX_ROWS bytes"
    );
    let (folded, starts) = (&lanes.folded[..n], &lanes.starts[..n]);
    let neg = splat(NEG_INFINITY);
    let (gap_open, gap) = (splat(GAP_START + GAP_EXTENSION), splat(GAP_EXTENSION));
    // The first column each row starts at in any lane. Greedy starts rise
    // with the row in every lane, so their minima do too: at a column, the
    // rows started somewhere are the first `open` ones, and the others are
    // not computed (a row reads the row above only from its own start on,
    // and that row started before it).
    let mut opens = [0; MAX_ROWS];
    for (open, starts) in opens.iter_mut().zip(starts) {
        *open = lowest(starts);
    }
    let opens = &opens[..n];
    // Each row's m and p at the last column, after two rows that stand
    // for a fresh matrix: what rows 0 and 1 find left of their start,
    // and what row 0 reads from the row above.
    cells.clear();
    cells.resize(n + 2, (neg, neg));
    cells[1] = (neg, gap);
    let cells = &mut cells[..n + 2];
    let mut open = 0;
    let mut best = neg;
    // SAFETY: reads the 16 bytes of `before`; loadu needs no alignment.
    let mut prev = kinds(unsafe { _mm_loadu_si128(lanes.before.as_ptr().cast()) });
    let first = load(&lanes.first);
    let mut at = splat(-1);
    assert!(
        cols <= MAX_SPAN && MAX_SPAN.is_multiple_of(16),
        "whole blocks of 16 columns lie in a row"
    );
    let mut block = [_mm_setzero_si128(); 16];
    for col in 0..cols {
        if col % 16 == 0 {
            block = columns(&lanes.rows, col);
        }
        at = _mm256_add_epi16(at, splat(1));
        while open < n && opens[open] <= col {
            open += 1;
        }
        let column = block[col % 16];
        let cur = kinds(column);
        let mut in_place = _mm256_cvtepu8_epi16(in_place(prev, cur));
        if col == 0 {
            // Doubled where the span starts the text: the first char's
            // multiplier.
            const _: () = assert!(FIRST_CHAR_MULTIPLIER == 2);
            in_place = _mm256_adds_epi16(in_place, _mm256_and_si256(first, in_place));
        }
        prev = cur;
        // A match scores SCORE_MATCH, less the case penalty where an
        // uppercase char matches a lowercase pattern byte (`Lanes::new`
        // leaves out other case-insensitive patterns), and a case-sensitive
        // match has the pattern's case. So the score is the column's,
        // whatever the row, and goes in with the bonuses. (All are
        // positive: the saturating adds regroup exactly.)
        let (fold, score) = match lanes.cs {
            true => (_mm256_cvtepu8_epi16(column), splat(SCORE_MATCH)),
            false => {
                let upper = _mm256_cvtepi8_epi16(cur.upper);
                let lower = _mm_add_epi8(column, _mm_and_si128(cur.upper, _mm_set1_epi8(32)));
                let penalty = _mm256_and_si256(upper, splat(PENALTY_CASE_MISMATCH));
                (
                    _mm256_cvtepu8_epi16(lower),
                    _mm256_add_epi16(splat(SCORE_MATCH), penalty),
                )
            }
        };
        let after_gap = _mm256_adds_epi16(in_place, score);
        let in_run = _mm256_adds_epi16(_mm256_max_epi16(in_place, splat(BONUS_CONSECUTIVE)), score);
        // Highest row first: the rows above still hold the last column.
        for r in (0..open).rev() {
            let (folded, start) = (splat(folded[r].into()), load(&starts[r]));
            let (stale, up, own) = (cells[r], cells[r + 1], cells[r + 2]);
            let starts_here = _mm256_cmpeq_epi16(at, start);
            let own_m = pick(starts_here, stale.0, own.0);
            let own_p = pick(starts_here, stale.1, own.1);
            let diagonal = _mm256_max_epi16(_mm256_adds_epi16(up.0, in_run), _mm256_adds_epi16(up.1, after_gap));
            let m = pick(_mm256_cmpeq_epi16(fold, folded), diagonal, neg);
            let p = _mm256_max_epi16(_mm256_adds_epi16(own_m, gap_open), _mm256_adds_epi16(own_p, gap));
            cells[r + 2] = (m, p);
            if r == n - 1 {
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
