//! The greedy matches and the span of a text, 32 bytes at a time: the
//! same answer as `Slots::span_and_greedy`, without a `memchr` call per
//! pattern byte (on one-line bullets, their set-up cost more than the
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
            padded[..text.len()].copy_from_slice(text);
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
