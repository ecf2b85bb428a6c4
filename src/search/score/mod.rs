//! SkimMatcherV2's score (fuzzy-matcher 0.3.7, default config, a fresh
//! matcher per call: see `plan::matcher` for why fresh), computed without
//! its per-call costs.
//!
//! Why: a find-pane keystroke on a large corpus scores most bullets (a one
//! or two letter query matches nearly all of them), and `fuzzy_match` costs
//! 1.7 µs for a one-letter pattern on an 87-char line, 5 µs for ten letters:
//! it collects the text into a `Vec<char>`, allocates its bookkeeping, and a
//! fresh matcher also builds its thread-local caches. This is the same
//! dynamic programme on the bytes of ASCII text (chars otherwise), with
//! scratch reused per thread: `dense` over every cell as the matcher does,
//! `sparse` over the match cells only, one-char patterns in one scan. The
//! scores are SkimMatcherV2's exactly: `tests` compare every pass with a
//! fresh `SkimMatcherV2` on random, exhaustive and real texts, and
//! highlighting still calls fuzzy-matcher itself.
//!
//! "Exactly" includes its quirks. With `with_pos` false, upstream's
//! `build_score_matrix` keeps two matrix rows that take turns, and starts
//! each pattern row at the column after its char's first greedy match, so
//! the cells left of that hold what the row two before left there (or a
//! fresh matrix's defaults: m minus infinity, p -1 in row 0 and minus
//! infinity in row 1). They are read: the first gap score of a row builds
//! on them, and the final maximum over the last row starts one column
//! early. Both change real scores (the seeds test fails without them), so
//! both are reproduced.

use std::cell::RefCell;

mod dense;
mod sparse;

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
                Some(p) if text.is_ascii() => run(text.as_bytes(), p, self.case_sensitive, s),
                _ => {
                    let mut chars = std::mem::take(&mut s.chars);
                    chars.clear();
                    chars.extend(text.chars());
                    let score = run(&chars, &self.chars, self.case_sensitive, s);
                    s.chars = chars;
                    score
                }
            }
        })
    }
}

/// A text unit: a byte of ASCII text or a char. `fold` is what equality
/// compares: the unit itself, or with ASCII letters lowercased when case
/// does not matter (SkimMatcherV2's case folding is ASCII-only).
trait Sym: Copy + Eq + Into<u32> {
    fn kind(self) -> CharType;
    fn ascii_lower(self) -> Self;
    fn fold(self, case_sensitive: bool) -> Self {
        if case_sensitive {
            self
        } else {
            self.ascii_lower()
        }
    }
    /// The unit as a number, for comparing folded text kept in one buffer.
    fn key(self) -> u32 {
        self.into()
    }
}

impl Sym for u8 {
    fn kind(self) -> CharType {
        BYTE_TYPES[self as usize]
    }
    fn ascii_lower(self) -> u8 {
        self.to_ascii_lowercase()
    }
}

impl Sym for char {
    fn kind(self) -> CharType {
        char_type(self)
    }
    fn ascii_lower(self) -> char {
        self.to_ascii_lowercase()
    }
}

/// Per-thread buffers, reused from call to call.
#[derive(Default)]
struct Scratch {
    /// The text folded for comparison.
    folded: Vec<u32>,
    /// The first greedy match of each pattern char.
    first: Vec<usize>,
    dense: dense::Rows,
    sparse: sparse::Rows,
    /// A non-ASCII text as chars.
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
/// row: a match reads the fresh row 0 (m minus infinity, p -1), so it
/// scores its in-place bonus plus GAP_EXTENSION (the -1) plus the match
/// score, and the best match wins.
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

/// The score matrix pass of SkimMatcherV2::fuzzy with `with_pos` false:
/// the greedy first matches, then the rows, over every cell or over the
/// match cells only, whichever is less work for this text.
fn run<S: Sym>(choice: &[S], pattern: &[S], cs: bool, r: &mut Scratch) -> Option<i64> {
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
    // match in the last row, so its maximum is found left of them. Every
    // cell depends only on cells in its own column or to its left (in its
    // row, the row above, or the row two above for the reused cells), so
    // computing every row up to that column gives those cells exactly the
    // matcher's values: the rows stop there.
    let last_key = pattern[pattern.len() - 1].fold(cs).key();
    let end = r.folded.iter().rposition(|&c| c == last_key).unwrap_or(0) + 1;
    let cells: usize = r.first.iter().map(|&f| end - f).sum();
    let matches = r.sparse.collect(pattern, cs, &r.folded, &r.first, end);
    // A match cell costs a few times an ordinary one (lookups in the rows
    // around it); repetitive text with many matches stays dense.
    #[cfg(test)]
    let cells = match tests::FORCE.get() {
        Some(tests::Pass::Sparse) => usize::MAX,
        Some(tests::Pass::Dense) => 0,
        None => cells,
    };
    let score = if matches * SPARSE_COST < cells {
        r.sparse.score(choice, pattern, cs)
    } else {
        dense::score(choice, pattern, cs, &r.folded, &r.first, end, &mut r.dense)
    };
    Some(score as i64)
}

/// How many ordinary cells one match cell of the sparse pass costs, about:
/// a cursor step and a lookup in the row above against a compare and two
/// maxima. A round figure, not tuned; both passes give the same score.
const SPARSE_COST: usize = 6;

/// The bonus for extending a run of matches with a match of in-place bonus
/// `in_place`. Upstream keeps a bonus row meant to carry a run's first
/// bonus along it (`matrix[idx_last].bonus`, read before it is written at a
/// match), but in the two-row matrix that cell is the current row's column
/// j - 1, which it only ever sets to 0 (no match at j - 1) or to this same
/// value for column j (a match at j; by induction over its writes). So the
/// carried part never exceeds what is added anyway and never changes a
/// score; no bonus row is kept here.
fn consecutive_bonus(in_place: i32) -> i32 {
    in_place.max(BONUS_CONSECUTIVE)
}

/// The bonus for matching the char before column `col` (1-based).
fn in_place_at<S: Sym>(choice: &[S], col: usize) -> i32 {
    match col {
        1 => in_place_bonus(CharType::Empty, choice[0].kind()) * FIRST_CHAR_MULTIPLIER,
        _ => in_place_bonus(choice[col - 2].kind(), choice[col - 1].kind()),
    }
}

#[cfg(test)]
mod tests;
