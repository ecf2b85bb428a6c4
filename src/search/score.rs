//! SkimMatcherV2's score (fuzzy-matcher 0.3.7, default config, a fresh
//! matcher per call), computed without its per-call costs.
//!
//! Why: a find-pane keystroke on a large corpus scores most bullets (a one
//! or two letter query matches nearly all of them), and `fuzzy_match` costs
//! 1.7 µs for a one-letter pattern on an 87-char line, 5 µs for ten letters:
//! it collects the text into a `Vec<char>`, allocates its bookkeeping, and a
//! fresh matcher also builds its thread-local caches. This is the same
//! dynamic programme over the same two rows, cell for cell, on the bytes of
//! ASCII text (chars otherwise), with scratch rows reused per thread. The
//! scores are SkimMatcherV2's exactly: `tests` compare them with a fresh
//! `SkimMatcherV2` on random and real texts, and highlighting still calls
//! fuzzy-matcher itself.
//!
//! "Exactly" includes its quirks: the matcher keeps two rows and reads back
//! cells an earlier pattern row left behind (a consecutive-run bonus, the
//! first cell of the last row), so those are reproduced, starting from the
//! default cells a fresh matcher starts from.

use std::cell::RefCell;

// SkimScoreConfig::default().
const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const FIRST_CHAR_MULTIPLIER: i32 = 2;
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
const PENALTY_CASE_MISMATCH: i32 = GAP_EXTENSION * 2;
/// A fresh matrix cell's scores.
const NEG_INFINITY: i32 = i16::MIN as i32;

/// One fuzzy term, ready to score many texts.
pub(crate) struct Pattern {
    chars: Vec<char>,
    /// The same pattern as bytes, when it is ASCII.
    ascii: Option<Vec<u8>>,
    case_sensitive: bool,
}

impl Pattern {
    pub fn new(text: &str, case_sensitive: bool) -> Pattern {
        Pattern {
            chars: text.chars().collect(),
            ascii: text.is_ascii().then(|| text.as_bytes().to_vec()),
            case_sensitive,
        }
    }

    /// What `SkimMatcherV2::fuzzy_match(text, pattern)` returns.
    pub fn score(&self, text: &str) -> Option<i64> {
        let cs = self.case_sensitive;
        match (&self.ascii, self.chars.as_slice()) {
            (Some(p), [_]) if text.is_ascii() => return single(text.bytes(), p[0], cs),
            (_, [pc]) => return single(text.chars(), *pc, cs),
            _ => {}
        }
        SCRATCH.with(|s| {
            let s = &mut *s.borrow_mut();
            match &self.ascii {
                Some(p) if text.is_ascii() => run(text.as_bytes(), p, self.case_sensitive, &mut s.rows),
                _ => {
                    s.chars.clear();
                    s.chars.extend(text.chars());
                    run(&s.chars, &self.chars, self.case_sensitive, &mut s.rows)
                }
            }
        })
    }
}

/// A text unit: a byte of ASCII text or a char. `fold` is what equality
/// compares: the unit itself, or with ASCII letters lowercased when case
/// does not matter (SkimMatcherV2's case folding is ASCII-only).
trait Sym: Copy + Eq {
    fn kind(self) -> CharType;
    fn fold(self, case_sensitive: bool) -> Self;
    /// The unit as a number, for comparing folded text kept in one buffer.
    fn key(self) -> u32;
}

impl Sym for u8 {
    fn kind(self) -> CharType {
        BYTE_TYPES[self as usize]
    }
    fn fold(self, case_sensitive: bool) -> u8 {
        if case_sensitive {
            self
        } else {
            self.to_ascii_lowercase()
        }
    }
    fn key(self) -> u32 {
        self as u32
    }
}

impl Sym for char {
    fn kind(self) -> CharType {
        char_type(self)
    }
    fn fold(self, case_sensitive: bool) -> char {
        if case_sensitive {
            self
        } else {
            self.to_ascii_lowercase()
        }
    }
    fn key(self) -> u32 {
        self as u32
    }
}

#[derive(Default)]
struct Rows {
    /// The text folded for comparison.
    folded: Vec<u32>,
    m: Vec<i32>,
    p: Vec<i32>,
    bonus: Vec<i32>,
    first: Vec<usize>,
}

#[derive(Default)]
struct Scratch {
    rows: Rows,
    chars: Vec<char>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

#[derive(Clone, Copy, PartialEq)]
enum CharType {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

const fn char_type(c: char) -> CharType {
    match c {
        '\0' => CharType::Empty,
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => CharType::HardSep,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => CharType::SoftSep,
        '0'..='9' => CharType::Number,
        'A'..='Z' => CharType::Upper,
        _ => CharType::Lower,
    }
}

const BYTE_TYPES: [CharType; 256] = {
    let mut t = [CharType::Lower; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = char_type(b as u8 as char);
        b += 1;
    }
    t
};

/// The bonus for matching a char of type `cur` after one of type `prev`.
fn in_place_bonus(prev: CharType, cur: CharType) -> i32 {
    use CharType::*;
    match (prev, cur) {
        (Empty | HardSep, _) => BONUS_HEAD,
        (SoftSep, _) => BONUS_BREAK,
        (Lower | Number, Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

/// `run` for a one-char pattern, where the programme reduces to its first
/// row: each match scores its in-place bonus less a gap, and the best wins.
/// A one-letter query scores nearly every bullet, so it skips the rows.
fn single<S: Sym>(choice: impl Iterator<Item = S>, pc: S, cs: bool) -> Option<i64> {
    let key = pc.fold(cs);
    let mut prev = CharType::Empty;
    let mut best = None;
    for (j, c) in choice.enumerate() {
        let cur = c.kind();
        if c.fold(cs) == key {
            let mut in_place = in_place_bonus(prev, cur);
            if j == 0 {
                in_place *= FIRST_CHAR_MULTIPLIER;
            }
            let score = SCORE_MATCH + if !cs && c != pc { PENALTY_CASE_MISMATCH } else { 0 };
            best = best.max(Some(GAP_EXTENSION + in_place + score));
        }
        prev = cur;
    }
    best.map(i64::from)
}

/// The score matrix pass of SkimMatcherV2::fuzzy with `with_pos` false.
fn run<S: Sym>(choice: &[S], pattern: &[S], cs: bool, r: &mut Rows) -> Option<i64> {
    if pattern.is_empty() {
        return Some(0);
    }
    r.folded.clear();
    r.folded.extend(choice.iter().map(|c| c.fold(cs).key()));
    // cheap_matches: the first greedy match of each pattern char.
    r.first.clear();
    let mut want = pattern.iter().map(|p| p.fold(cs).key());
    let mut next = want.next();
    for (j, &c) in r.folded.iter().enumerate() {
        match next {
            Some(p) if c == p => {
                r.first.push(j);
                next = want.next();
            }
            Some(_) => {}
            None => break,
        }
    }
    if next.is_some() {
        return None;
    }
    // Columns past the last occurrence of the pattern's last char hold no
    // match in the last row, and every cell up to it depends only on cells
    // to its left: the matcher computes them, but they cannot change the
    // score, so the rows stop there.
    let last_key = pattern[pattern.len() - 1].fold(cs).key();
    let end = r.folded.iter().rposition(|&c| c == last_key).unwrap_or(0) + 1;
    // Only cells up to `end` are ever written or read.
    let cols = end + 1;
    // The bonus for matching at a column, from the char before it: asked
    // for at matches only, so not tabulated.
    let in_place = |col: usize| match col {
        1 => in_place_bonus(CharType::Empty, choice[0].kind()) * FIRST_CHAR_MULTIPLIER,
        _ => in_place_bonus(choice[col - 2].kind(), choice[col - 1].kind()),
    };
    // A fresh matcher's two rows: default cells, then row 0 reset to
    // "nothing matched yet".
    for v in [&mut r.m, &mut r.p, &mut r.bonus] {
        v.clear();
    }
    r.m.resize(2 * cols, NEG_INFINITY);
    r.p.resize(cols, GAP_EXTENSION);
    r.p.resize(2 * cols, NEG_INFINITY);
    r.bonus.resize(2 * cols, 0);
    let (m0, m1) = r.m.split_at_mut(cols);
    let (p0, p1) = r.p.split_at_mut(cols);
    let (b0, b1) = r.bonus.split_at_mut(cols);
    let mut rows = [(m0, p0, b0), (m1, p1, b1)];
    for (i, &pc) in pattern.iter().enumerate() {
        let [even, odd] = &mut rows;
        // Row i + 1 of the full matrix lives in row (i + 1) % 2.
        let ((m, p, bonus), (m_prev, p_prev, _)) = if i % 2 == 0 { (odd, &*even) } else { (even, &*odd) };
        let key = pc.fold(cs).key();
        let start = r.first[i] + 1;
        // The cells left of `start` are whatever this row last held: the
        // matcher reads them, so this does too. Kept in registers along the
        // row, not re-read from memory, which is what makes the loop fast.
        let (mut left_m, mut left_p) = (m[start - 1], p[start - 1]);
        for col in start..=end {
            let gap = (GAP_START + GAP_EXTENSION + left_m).max(GAP_EXTENSION + left_p);
            left_m = if r.folded[col - 1] == key {
                let c = choice[col - 1];
                let score = SCORE_MATCH + if !cs && c != pc { PENALTY_CASE_MISMATCH } else { 0 };
                let in_place = in_place(col);
                let consecutive = bonus[col - 1].max(in_place.max(BONUS_CONSECUTIVE));
                bonus[col - 1] = consecutive;
                (m_prev[col - 1] + consecutive).max(p_prev[col - 1] + in_place) + score
            } else {
                bonus[col] = 0;
                NEG_INFINITY
            };
            left_p = gap;
            m[col] = left_m;
            p[col] = gap;
        }
    }
    let (m, _, _) = &rows[pattern.len() % 2];
    let from = r.first[pattern.len() - 1];
    m[from..=end].iter().max().map(|&s| s as i64)
}

#[cfg(test)]
#[path = "score_tests.rs"]
mod tests;
