//! `char_type`, as `in_place_bonus` reads it, for a column of 16 bytes at
//! once: two table look-ups a byte, by its low and its high half.
//!
//! Each bit of a look-up stands for a group of bytes that share a high
//! half and whose low halves are in a set: the table by high half says
//! which groups the high half belongs to, the table by low half which
//! groups' sets hold the low half, and a byte is in the groups whose bits
//! both set. The groups were chosen so that no byte outside a kind is in
//! one of its groups (two high halves share a group only when every low
//! half of it lands in the kind for both); `every_byte_has_its_kind`
//! checks all 256 bytes. Bytes from 0x80 up have a high half with no
//! group: Lower, as a char outside ASCII is.

use std::arch::x86_64::*;

use crate::search::score::{BONUS_BREAK, BONUS_CAMEL, BONUS_HEAD};

pub(super) type Bytes = __m128i;

/// Groups 0..3 are heads (Empty or HardSep), 3..8 soft separators:
/// 0: 0x00; 1: space ( ) /; 2: [ \ ] { | }; 3: ! " # $ % & ' * + , - .;
/// 4: : ; < = > ?; 5: @ `; 6: ^ _; 7: ~.
const HEAD_GROUPS: u8 = 0b0000_0111;
const SOFT_GROUPS: u8 = 0b1111_1000;
const GROUPS_BY_HIGH: [u8; 16] = [
    0b0000_0001,
    0,
    0b0000_1010,
    0b0001_0000,
    0b0010_0000,
    0b0100_0100,
    0b0010_0000,
    0b1000_0100,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
];
const GROUPS_BY_LOW: [u8; 16] = {
    let mut t = [0; 16];
    let mut low = 0;
    while low < 16 {
        let mut g = 0;
        if low == 0 {
            g |= 0b0010_0001;
        }
        if matches!(low, 0 | 8 | 9 | 15) {
            g |= 0b0000_0010;
        }
        if matches!(low, 11..=13) {
            g |= 0b0000_0100;
        }
        if matches!(low, 1..=7 | 10..=14) {
            g |= 0b0000_1000;
        }
        if low >= 10 {
            g |= 0b0001_0000;
        }
        if low >= 14 {
            g |= 0b0100_0000;
        }
        if low == 14 {
            g |= 0b1000_0000;
        }
        t[low] = g;
        low += 1;
    }
    t
};
/// Uppercase letters: group 0 is A..O, group 1 P..Z.
const UPPER_BY_HIGH: [u8; 16] = [0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const UPPER_BY_LOW: [u8; 16] = [2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 1, 1, 1, 1];

/// A column's bytes, as what they mean to a match in the next column.
#[derive(Clone, Copy)]
pub(super) struct Kinds {
    /// BONUS_HEAD after Empty or HardSep, BONUS_BREAK after SoftSep, else 0.
    gives: Bytes,
    /// All ones on Lower or Number: an uppercase match after it is camel case.
    lower_or_number: Bytes,
    /// All ones on an ASCII uppercase letter.
    pub upper: Bytes,
}

#[target_feature(enable = "avx2")]
#[inline]
fn table(t: [u8; 16]) -> Bytes {
    // SAFETY: reads the 16 bytes of `t`; loadu needs no alignment.
    unsafe { _mm_loadu_si128(t.as_ptr().cast()) }
}

#[target_feature(enable = "avx2")]
#[inline]
fn all(b: u8) -> Bytes {
    _mm_set1_epi8(b as i8)
}

/// The kinds of a column's bytes.
///
/// # Safety
/// Compiled for AVX2: callers outside such code must make sure the CPU
/// has it.
#[target_feature(enable = "avx2")]
#[inline]
pub(super) fn kinds(bytes: Bytes) -> Kinds {
    let low = _mm_and_si128(bytes, all(0x0F));
    let high = _mm_and_si128(_mm_srli_epi16(bytes, 4), all(0x0F));
    let groups = |by_low, by_high| {
        _mm_and_si128(
            _mm_shuffle_epi8(table(by_low), low),
            _mm_shuffle_epi8(table(by_high), high),
        )
    };
    let kind = groups(GROUPS_BY_LOW, GROUPS_BY_HIGH);
    let none = _mm_setzero_si128();
    let not_head = _mm_cmpeq_epi8(_mm_and_si128(kind, all(HEAD_GROUPS)), none);
    let not_soft = _mm_cmpeq_epi8(_mm_and_si128(kind, all(SOFT_GROUPS)), none);
    let not_upper = _mm_cmpeq_epi8(groups(UPPER_BY_LOW, UPPER_BY_HIGH), none);
    Kinds {
        gives: _mm_or_si128(
            _mm_andnot_si128(not_head, all(BONUS_HEAD as u8)),
            _mm_andnot_si128(not_soft, all(BONUS_BREAK as u8)),
        ),
        lower_or_number: _mm_and_si128(_mm_and_si128(not_head, not_soft), not_upper),
        upper: _mm_cmpeq_epi8(not_upper, none),
    }
}

/// `in_place_bonus(prev, cur)` for each byte: the kinds are disjoint, so
/// the bonuses can be or-ed.
///
/// # Safety
/// Compiled for AVX2: callers outside such code must make sure the CPU
/// has it.
#[target_feature(enable = "avx2")]
#[inline]
pub(super) fn in_place(prev: Kinds, cur: Kinds) -> Bytes {
    let camel = _mm_and_si128(prev.lower_or_number, cur.upper);
    _mm_or_si128(prev.gives, _mm_and_si128(camel, all(BONUS_CAMEL as u8)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::score::chars::{in_place_bonus, CharType, BYTE_TYPES};

    fn lanes(v: Bytes) -> [u8; 16] {
        // SAFETY: a __m128i and a [u8; 16] are the same 16 bytes.
        unsafe { std::mem::transmute::<Bytes, [u8; 16]>(v) }
    }

    #[test]
    fn every_byte_has_its_kind() {
        if !std::arch::is_x86_feature_detected!("avx2") {
            return;
        }
        let bytes: Vec<u8> = (0..=255).collect();
        for prev in 0..=255u8 {
            for cur in bytes.chunks(16) {
                let cur: [u8; 16] = cur.try_into().unwrap();
                // SAFETY: AVX2 was found above.
                let got = unsafe { lanes(in_place(kinds(table([prev; 16])), kinds(table(cur)))) };
                // SAFETY: as above.
                let upper = unsafe { lanes(kinds(table(cur)).upper) };
                for (k, &c) in cur.iter().enumerate() {
                    let want = in_place_bonus(BYTE_TYPES[prev as usize], BYTE_TYPES[c as usize]);
                    assert_eq!(i32::from(got[k]), want, "{prev:#04x} then {c:#04x}");
                    let is_upper = BYTE_TYPES[c as usize] == CharType::Upper;
                    assert_eq!(upper[k] == 0xFF, is_upper, "{c:#04x} uppercase");
                }
            }
        }
    }
}
