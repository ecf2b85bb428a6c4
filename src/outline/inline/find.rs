//! Finding the next byte that may start markup. Every note's text passes
//! through here at load and most of it holds none, so this is the inline
//! pass's whole cost for most texts: sixteen bytes are classified at once
//! with two table look-ups (SSSE3's byte shuffle, checked at run time), and
//! byte by byte from a table elsewhere.

/// A syntax's trigger bytes, as a table and as the two nibble tables of the
/// vector scan: byte `b` is a trigger when `lo[b & 15] & hi[b >> 4] != 0`.
/// Triggers are ASCII, so each high nibble (0–7) has a bit of its own and
/// the classification is exact.
pub struct Triggers {
    table: [bool; 256],
    lo: [u8; 16],
    hi: [u8; 16],
}

pub const fn triggers(set: &[u8]) -> Triggers {
    let mut t = Triggers {
        table: [false; 256],
        lo: [0; 16],
        hi: [0; 16],
    };
    let mut h = 0;
    while h < 8 {
        t.hi[h] = 1 << h;
        h += 1;
    }
    let mut i = 0;
    while i < set.len() {
        let b = set[i];
        assert!(b < 0x80, "triggers are ASCII");
        t.table[b as usize] = true;
        t.lo[(b & 15) as usize] |= 1 << (b >> 4);
        i += 1;
    }
    t
}

/// The first byte of `b` at or after `from` that is a trigger, or `b.len()`.
pub fn next_trigger(b: &[u8], from: usize, t: &Triggers) -> usize {
    #[cfg(all(target_arch = "x86_64", not(feature = "scalar-only")))]
    if b.len() >= 16 && std::arch::is_x86_feature_detected!("ssse3") {
        // SAFETY: SSSE3 was just detected.
        return unsafe { next_ssse3(b, from, t) };
    }
    let mut i = from;
    while i < b.len() && !t.table[b[i] as usize] {
        i += 1;
    }
    i
}

/// `next_trigger` sixteen bytes a step; the last step overlaps what was
/// already looked at rather than going byte by byte. `b` is at least
/// sixteen long.
#[cfg(all(target_arch = "x86_64", not(feature = "scalar-only")))]
#[target_feature(enable = "ssse3")]
unsafe fn next_ssse3(b: &[u8], from: usize, t: &Triggers) -> usize {
    use std::arch::x86_64::*;
    let lo = _mm_loadu_si128(t.lo.as_ptr().cast());
    let hi = _mm_loadu_si128(t.hi.as_ptr().cast());
    let nibble = _mm_set1_epi8(0x0F);
    // Bit k set when byte k of the sixteen at `at` is a trigger.
    let found = |at: usize| {
        // SAFETY: callers keep `at + 16 <= b.len()`: the load reads inside `b`.
        let v = _mm_loadu_si128(b.as_ptr().add(at).cast());
        let lo_bits = _mm_shuffle_epi8(lo, _mm_and_si128(v, nibble));
        let hi_bits = _mm_shuffle_epi8(hi, _mm_and_si128(_mm_srli_epi16(v, 4), nibble));
        let none = _mm_cmpeq_epi8(_mm_and_si128(lo_bits, hi_bits), _mm_setzero_si128());
        _mm_movemask_epi8(none) as u32 ^ 0xFFFF
    };
    let mut i = from;
    while i + 16 <= b.len() {
        let f = found(i);
        if f != 0 {
            return i + f.trailing_zeros() as usize;
        }
        i += 16;
    }
    if i < b.len() {
        // The last sixteen bytes; those before `i` were seen already.
        let at = b.len() - 16;
        let f = found(at) >> (i - at);
        if f != 0 {
            return i + f.trailing_zeros() as usize;
        }
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_same_byte_as_a_plain_search() {
        let t = triggers(b"\\`*_~[<&{:");
        let text = "plain words, then more plain words: a *b* and [c] é日本 {x} ~ ` \\ & < end";
        let bytes = text.as_bytes();
        for from in 0..bytes.len() {
            for len in from..=bytes.len() {
                let b = &bytes[..len];
                let want = (from..len).find(|&k| b"\\`*_~[<&{:".contains(&b[k])).unwrap_or(len);
                assert_eq!(next_trigger(b, from, &t), want, "from {from} in {len}");
            }
        }
    }
}
