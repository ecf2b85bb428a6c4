//! What SkimMatcherV2 reads of a text unit: its kind (`char_type`) and
//! the bonus a match earns for the kind before it.

use super::{BONUS_BREAK, BONUS_CAMEL, BONUS_HEAD};

/// A text unit: a char, or a byte of UTF-8 text searched for an ASCII
/// pattern. Such a pattern only matches ASCII bytes, a continuation byte
/// is not a column of its own (`starts_char`), and every byte outside
/// ASCII has the kind a non-ASCII char has, so the bytes score as the
/// chars would. `fold` is what equality compares: the unit itself, or with
/// ASCII letters lowercased when case does not matter (SkimMatcherV2's
/// case folding is ASCII-only).
pub(super) trait Sym: Copy + Eq + Into<u32> {
    /// The unit before the first: its kind is "nothing before".
    const NUL: Self;
    fn kind(self) -> CharType;
    fn ascii_lower(self) -> Self;
    fn fold(self, case_sensitive: bool) -> Self {
        if case_sensitive {
            self
        } else {
            self.ascii_lower()
        }
    }
    /// The unit as a number, for comparing folded units.
    fn key(self) -> u32 {
        self.into()
    }
    /// Whether the unit begins a char (a column of the score matrix).
    fn starts_char(self) -> bool {
        true
    }
}

impl Sym for u8 {
    const NUL: u8 = 0;
    fn kind(self) -> CharType {
        BYTE_TYPES[self as usize]
    }
    fn ascii_lower(self) -> u8 {
        self.to_ascii_lowercase()
    }
    fn starts_char(self) -> bool {
        self & 0xC0 != 0x80
    }
}

impl Sym for char {
    const NUL: char = '\0';
    fn kind(self) -> CharType {
        char_type(self)
    }
    fn ascii_lower(self) -> char {
        self.to_ascii_lowercase()
    }
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum CharType {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

pub(super) const fn char_type(c: char) -> CharType {
    match c {
        '\0' => CharType::Empty,
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => CharType::HardSep,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => CharType::SoftSep,
        '0'..='9' => CharType::Number,
        'A'..='Z' => CharType::Upper,
        _ => CharType::Lower,
    }
}

pub(super) const BYTE_TYPES: [CharType; 256] = {
    let mut t = [CharType::Lower; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = char_type(b as u8 as char);
        b += 1;
    }
    t
};

/// The bonus for matching a char of type `cur` after one of type `prev`.
pub(super) const fn in_place_bonus(prev: CharType, cur: CharType) -> i32 {
    use CharType::*;
    match (prev, cur) {
        (Empty | HardSep, _) => BONUS_HEAD,
        (SoftSep, _) => BONUS_BREAK,
        (Lower | Number, Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

/// `in_place_bonus` of a byte after each byte (by the byte before), for a
/// byte that is not an uppercase letter ([0]) and one that is ([1]): no
/// other kind of the byte itself changes the bonus.
pub(super) const BONUS_AFTER: [[i8; 256]; 2] = {
    let mut t = [[0; 256]; 2];
    let mut b = 0;
    while b < 256 {
        t[0][b] = in_place_bonus(BYTE_TYPES[b], CharType::Lower) as i8;
        t[1][b] = in_place_bonus(BYTE_TYPES[b], CharType::Upper) as i8;
        b += 1;
    }
    t
};
