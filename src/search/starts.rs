//! A node's word-start bits: which ASCII letters and digits start a word
//! of its text (case folded), and a few bits for the first two bytes of
//! each word. The index keeps them, 8 bytes a node, so that sorting hits
//! into close and loose (see `close`) reads few texts: a hit with no word
//! starting with a query word's first letter is loose without reading it,
//! and one with a word starting with a one-letter query word is close.
//!
//! Words start where `close` says: after a char that is not a letter or
//! digit, or at a step from lower to upper case.

/// Bit 0..26 for a letter, 26..36 for a digit: one starts a word.
const DIGITS_FROM: u32 = 26;
/// A char beyond ASCII that is a letter or digit starts a word.
const NON_ASCII: u64 = 1 << 36;
/// Bits 37..64 for a word's first two bytes, hashed.
const PAIRS_FROM: u32 = 37;
const PAIRS: u32 = 64 - PAIRS_FROM;

/// The bit of an ASCII letter or digit starting a word.
pub(crate) const fn start_bit(b: u8) -> Option<u64> {
    match b {
        b'a'..=b'z' => Some(1 << (b - b'a')),
        b'A'..=b'Z' => Some(1 << (b - b'A')),
        b'0'..=b'9' => Some(1 << (DIGITS_FROM + (b - b'0') as u32)),
        _ => None,
    }
}

/// The bit of a word starting with ASCII bytes `a` then `b` (case folded).
pub(crate) const fn pair_bit(a: u8, b: u8) -> u64 {
    let h = a.to_ascii_lowercase() as u32 * 131 + b.to_ascii_lowercase() as u32;
    1 << (PAIRS_FROM + h % PAIRS)
}

/// The word-start bits of `text`. Every node's are found when the index is
/// built, so ASCII text (most notes) goes through a loop of table look-ups
/// without a branch per word; other text a char at a time.
pub(crate) fn word_starts(text: &str) -> u64 {
    if !text.is_ascii() {
        return word_starts_of_chars(text);
    }
    let t = text.as_bytes();
    let mut bits = 0;
    let mut before = 0;
    for (i, &b) in t.iter().enumerate() {
        let kind = KIND[b as usize];
        if STARTS_AFTER[usize::from(before << 3 | kind)] {
            // The next byte, or 128 past the end.
            let next = t.get(i + 1).map_or(128, |&n| usize::from(n));
            bits |= START[b as usize] | PAIR[usize::from(FIRST[b as usize]) * 129 + next];
        }
        before = kind;
    }
    bits
}

/// `word_starts` for text beyond ASCII.
fn word_starts_of_chars(text: &str) -> u64 {
    let t = text.as_bytes();
    let mut bits = 0;
    let (mut after_letter, mut after_lower) = (false, false);
    let mut i = 0;
    while i < t.len() {
        let b = t[i];
        let (letter, lower, upper, len) = if b.is_ascii() {
            let letter = b.is_ascii_alphanumeric();
            (letter, b.is_ascii_lowercase(), b.is_ascii_uppercase(), 1)
        } else {
            let c = text[i..].chars().next().expect("a char starts here");
            (c.is_alphanumeric(), c.is_lowercase(), c.is_uppercase(), c.len_utf8())
        };
        if letter && (!after_letter || (after_lower && upper)) {
            bits |= match start_bit(b) {
                Some(bit) => bit | t.get(i + 1).filter(|n| n.is_ascii()).map_or(0, |&n| pair_bit(b, n)),
                None => NON_ASCII,
            };
        }
        (after_letter, after_lower) = (letter, lower);
        i += len;
    }
    bits
}

const LETTER: u8 = 1;
const LOWER: u8 = 2;
const UPPER: u8 = 4;

/// Of each ASCII byte: letter or digit, lower case, upper case.
static KIND: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = (c.is_ascii_alphanumeric() as u8) * LETTER
            + (c.is_ascii_lowercase() as u8) * LOWER
            + (c.is_ascii_uppercase() as u8) * UPPER;
        b += 1;
    }
    t
};

/// Whether a byte of the second `KIND` starts a word after one of the
/// first, by `first << 3 | second`: a letter or digit after none, or an
/// upper case letter after a lower case one.
static STARTS_AFTER: [bool; 64] = {
    let mut t = [false; 64];
    let mut i = 0;
    while i < 64 {
        let (before, kind) = ((i >> 3) as u8, (i & 7) as u8);
        t[i] = kind & LETTER != 0 && (before & LETTER == 0 || (before & LOWER != 0 && kind & UPPER != 0));
        i += 1;
    }
    t
};

/// `start_bit` of each byte, 0 for a byte that starts no word.
static START: [u64; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = match start_bit(b as u8) {
            Some(bit) => bit,
            None => 0,
        };
        b += 1;
    }
    t
};

/// Each ASCII letter or digit numbered from 1 (a letter's two cases
/// alike), every other byte 0: the row of `PAIR` a word's first byte reads.
static FIRST: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 128 {
        let c = (b as u8).to_ascii_lowercase();
        t[b] = match c {
            b'a'..=b'z' => c - b'a' + 1,
            b'0'..=b'9' => c - b'0' + 27,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// `pair_bit` of a word's first byte (by `FIRST`) and the ASCII byte after
/// it, or 0 for none (128: the text ends).
static PAIR: [u64; 37 * 129] = {
    let mut t = [0; 37 * 129];
    let mut a = 0;
    while a < 128 {
        let row = FIRST[a] as usize;
        let mut b = 0;
        while row > 0 && b < 128 {
            t[row * 129 + b] = pair_bit(a as u8, b as u8);
            b += 1;
        }
        a += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(text: &str) -> Vec<char> {
        let bits = word_starts(text);
        let letters = ('a'..='z').chain('0'..='9');
        letters.filter(|&c| bits & start_bit(c as u8).unwrap() != 0).collect()
    }

    #[test]
    fn the_letters_that_start_words_and_their_pairs() {
        assert_eq!(starts("is anyone using Riemann?"), ['a', 'i', 'r', 'u']);
        assert_eq!(starts("useRiemann (v2) µs"), ['r', 'u', 'v']);
        assert_eq!(starts("naïve x"), ['n', 'x'], "ï is a letter inside the word");
        assert_eq!(starts("“quoted” and—dashed"), ['a', 'd', 'q']);
        assert_eq!(word_starts("µs") & NON_ASCII, NON_ASCII);
        assert_eq!(word_starts("aµ") & NON_ASCII, 0);
        let bits = word_starts("is anyone using Riemann?");
        assert_ne!(bits & pair_bit(b'r', b'i'), 0);
        assert_ne!(bits & pair_bit(b'R', b'I'), 0, "folded");
        assert_eq!(word_starts(""), 0);
    }

    proptest::proptest! {
        /// The table-driven loop for ASCII finds what the char at a time
        /// one does.
        #[test]
        fn ascii_text_has_the_bits_its_chars_give(text in "[ -~]{0,24}") {
            proptest::prop_assert_eq!(word_starts(&text), word_starts_of_chars(&text));
        }
    }
}
