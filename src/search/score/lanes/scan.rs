//! The greedy matches and the span of a text, 32 bytes at a time: the
//! same answer as `Slots::span_and_greedy`, without a `memchr` call per
//! pattern byte (on one-line bullets, a call's set-up costs more than the
//! search).

use std::arch::x86_64::*;
use std::ops::Range;

const BLOCK: usize = 32;

/// How a pattern byte is found: a text byte b matches when
/// `b | or == want`. Or-ing 0x20 folds exactly the ASCII letters onto
/// their lowercase, so a letter compared without case has `or` 0x20 and
/// its lowercase as `want`; every other byte is compared as it is.
#[derive(Clone, Copy)]
pub(super) struct Needle {
    or: u8,
    want: u8,
}

impl Needle {
    pub fn new(p: u8, cs: bool) -> Needle {
        match cs || !p.is_ascii_alphabetic() {
            true => Needle { or: 0, want: p },
            false => Needle {
                or: 0x20,
                want: p.to_ascii_lowercase(),
            },
        }
    }
}

/// Bytes `from..from + 32` of `text` as a vector, and how far its bits
/// are shifted: past the end, the last 32 bytes are read (the bits of
/// those before `from` are shifted out), and a text shorter than that is
/// copied out with zeros after it. No needle wants a zero (patterns with
/// a NUL take no lanes), nor 0x20 from an or-ed zero (a space is
/// compared as it is).
#[target_feature(enable = "avx2")]
#[inline]
fn window(text: &[u8], from: usize) -> (__m256i, u32) {
    let mut padded = [0u8; BLOCK];
    let (bytes, shift): (&[u8; BLOCK], usize) = match text.get(from..from + BLOCK) {
        Some(b) => (b.try_into().expect("32 bytes"), 0),
        None if text.len() >= BLOCK => {
            let start = text.len() - BLOCK;
            (text[start..].try_into().expect("32 bytes"), from - start)
        }
        None => {
            super::copy_short(text, &mut padded);
            (&padded, from)
        }
    };
    // SAFETY: reads the 32 bytes of `bytes`; loadu needs no alignment.
    (unsafe { _mm256_loadu_si256(bytes.as_ptr().cast()) }, shift as u32)
}

/// Bit i set where byte i of the window matches `needle`.
#[target_feature(enable = "avx2")]
#[inline]
fn hits((bytes, shift): (__m256i, u32), needle: Needle) -> u32 {
    let folded = _mm256_or_si256(bytes, _mm256_set1_epi8(needle.or as i8));
    let found = _mm256_movemask_epi8(_mm256_cmpeq_epi8(folded, _mm256_set1_epi8(needle.want as i8))) as u32;
    found >> shift
}

/// From the greedy match of the first needle to the last match of the
/// last, each needle's greedy match written to `greedy`; None when the
/// needles are not a subsequence of `text`.
///
/// # Safety
/// Compiled for AVX2: callers outside such code must make sure the CPU
/// has it.
#[target_feature(enable = "avx2")]
pub(super) fn span(text: &[u8], needles: &[Needle], greedy: &mut [usize]) -> Option<Range<usize>> {
    let mut want = needles.iter().zip(greedy.iter_mut());
    let mut next = want.next()?;
    let mut from = 0;
    'blocks: while from < text.len() {
        let bytes = window(text, from);
        // Bits below `skip` are at or before the last match.
        let mut skip = 0;
        loop {
            let found = hits(bytes, *next.0) >> skip;
            if found == 0 {
                break;
            }
            let at = skip + found.trailing_zeros();
            *next.1 = from + at as usize;
            match want.next() {
                Some(n) => next = n,
                None => break 'blocks,
            }
            if at as usize + 1 == BLOCK {
                break;
            }
            skip = at + 1;
        }
        from += BLOCK;
    }
    if from >= text.len() {
        return None;
    }
    let last = *needles.last()?;
    // Windows back from the end; where they overlap, the bytes read again
    // were found not to match.
    let mut end = text.len();
    loop {
        let start = end.saturating_sub(BLOCK);
        let found = hits(window(text, start), last);
        if found != 0 {
            return Some(greedy[0]..start + BLOCK - found.leading_zeros() as usize);
        }
        // The last needle's greedy match is in the text, so this stops.
        end = start;
    }
}

/// Appends to `out` each byte of `text` from `from` on that `needle`
/// matches, in order, as `byte | col << 16`: its offset and 1-based char
/// column (every byte a char when `ascii`). Both must fit in 16 bits.
///
/// # Safety
/// Compiled for AVX2, POPCNT and BMI1: callers outside such code must make
/// sure the CPU has them.
#[target_feature(enable = "avx2,popcnt,bmi1")]
pub(super) fn push_matches(text: &[u8], from: usize, needle: Needle, ascii: bool, out: &mut Vec<u32>) {
    let is_continuation = |b: &u8| b & 0xC0 == 0x80;
    let mut continuations = if ascii {
        0
    } else {
        text[..from].iter().filter(|b| is_continuation(b)).count()
    };
    // Written through the spare capacity: pushed one by one, each match
    // reloaded and stored the vector's length.
    out.reserve(text.len() - from);
    let spare = out.spare_capacity_mut();
    let mut written = 0;
    let mut at = from;
    while at < text.len() {
        let bytes = window(text, at);
        let mut found = hits(bytes, needle);
        // Continuation bytes are 0x80..=0xBF: below -64 as i8.
        let below = _mm256_cmpgt_epi8(_mm256_set1_epi8(-64), bytes.0);
        let continued = if ascii {
            0
        } else {
            (_mm256_movemask_epi8(below) as u32) >> bytes.1
        };
        while found != 0 {
            let bit = found.trailing_zeros();
            let before = continuations + (continued & ((1 << bit) - 1)).count_ones() as usize;
            let byte = at + bit as usize;
            spare[written].write((byte | (byte + 1 - before) << 16) as u32);
            written += 1;
            found &= found - 1;
        }
        continuations += continued.count_ones() as usize;
        at += BLOCK;
    }
    // SAFETY: the first `written` spare elements were just written (at
    // most one per byte from `from` on, which was reserved).
    unsafe { out.set_len(out.len() + written) };
}
