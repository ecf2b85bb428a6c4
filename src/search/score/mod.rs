//! SkimMatcherV2's score (fuzzy-matcher 0.3.7, default config, a fresh
//! matcher per call: see `plan::matcher` for why fresh), computed without
//! its per-call costs.
//!
//! Why: a find-pane keystroke on a large corpus scores most bullets (a one
//! or two letter query matches nearly all of them), and most of what
//! `fuzzy_match` costs is paid per call: it collects the text into a
//! `Vec<char>`, allocates its bookkeeping, and a fresh matcher also builds
//! its thread-local caches. This is the same dynamic programme in one pass
//! over the text (its bytes when the pattern is ASCII) that touches only
//! the match cells (`online`), one-char patterns in a simpler scan. A
//! search scores many texts at once (`Pattern::score_each`): with AVX2 and
//! an ASCII pattern, 16 texts side by side, the whole matrix a column at a
//! time (`lanes`), which costs less than `online`'s branchy steps once a
//! pattern has a few letters. Elsewhere, or built with the `scalar-only`
//! feature, `lanes` is a stub that takes no text. The scores are
//! SkimMatcherV2's exactly: `tests` compare them with a fresh
//! `SkimMatcherV2` on random, exhaustive and real texts (CI runs them on
//! both paths), and highlighting still calls fuzzy-matcher itself.
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

mod chars;
mod greedy;
#[cfg(all(target_arch = "x86_64", not(feature = "scalar-only")))]
mod lanes;
mod online;
pub(crate) mod rows;

use std::ops::Range;

use super::counting::sort_by_small_key;

use chars::{in_place_bonus, CharType, Sym};

/// Elsewhere (or with the `scalar-only` feature) every text is scored on
/// its own, and bytes are found by `memchr`.
#[cfg(not(all(target_arch = "x86_64", not(feature = "scalar-only"))))]
mod lanes {
    pub(super) struct Lanes;
    impl Lanes {
        pub fn new(_: &[u8], _: bool) -> Option<Lanes> {
            None
        }
        pub fn push(
            &mut self,
            _: usize,
            _: &[u8],
            _: (std::ops::Range<usize>, &[usize]),
            _: &mut impl FnMut(usize, Option<i64>),
        ) -> bool {
            false
        }
        pub fn span(&self, _: &[u8], _: &mut [usize]) -> Option<std::ops::Range<usize>> {
            None
        }
        pub fn finish(&mut self, _: &mut impl FnMut(usize, Option<i64>)) {}
    }
    #[derive(Clone, Copy)]
    pub(super) enum ByteFinder {}
    impl ByteFinder {
        pub fn new(_: u8, _: bool) -> Option<ByteFinder> {
            None
        }
        pub fn push_matches(self, _: &[u8], _: usize, _: bool, _: &mut Vec<u32>) {
            match self {}
        }
    }
}

pub(crate) use greedy::greedy_bytes;

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
    slots: online::Slots,
}

impl Pattern {
    pub fn new(text: &str, case_sensitive: bool) -> Pattern {
        let chars: Vec<char> = text.chars().collect();
        Pattern {
            slots: online::Slots::new(&chars, case_sensitive),
            chars,
            ascii: text.is_ascii().then(|| text.as_bytes().to_vec()),
            case_sensitive,
        }
    }

    /// What `SkimMatcherV2::fuzzy_match(text, pattern)` returns.
    pub fn score(&self, text: &str) -> Option<i64> {
        let cs = self.case_sensitive;
        // An ASCII pattern reads any text as bytes: see `Sym for u8`.
        match (&self.ascii, self.chars.as_slice()) {
            (_, []) => Some(0),
            (Some(p), [_]) => single_byte(text.as_bytes(), p[0], cs),
            (None, [pc]) => single(text.chars(), *pc, cs),
            (Some(p), _) => {
                let span = self.slots.span_bytes(text.as_bytes(), p, cs)?;
                let skipped = &text.as_bytes()[..span.start];
                let before = skipped.iter().filter(|b| b.starts_char()).count();
                let prev = skipped.last().copied().unwrap_or(u8::NUL);
                let read = text.as_bytes()[span].iter().copied();
                online::score(read, (before, prev), p, cs, &self.slots)
            }
            (None, _) => {
                let span = self.slots.span_chars(text)?;
                let skipped = &text[..span.start];
                let before = (
                    skipped.chars().count(),
                    skipped.chars().next_back().unwrap_or(char::NUL),
                );
                online::score(text[span].chars(), before, &self.chars, cs, &self.slots)
            }
        }
    }

    /// `score` of each `(tag, text)`, handed to `out` with its tag, not
    /// necessarily in order: an ASCII pattern scores matching texts
    /// LANES at a time (`lanes`), the rest one by one.
    #[cfg(test)]
    pub fn score_each<'t>(
        &self,
        texts: impl IntoIterator<Item = (usize, &'t str)>,
        out: impl FnMut(usize, Option<i64>),
    ) {
        self.score_each_where(texts, |_| true, out);
    }

    /// As `score_each`, but a text the pattern matches scores only when
    /// `also(tag)` holds too (None otherwise). `also` is asked after the
    /// pattern's subsequence test, so it runs on the few texts that pass
    /// it; its cost then often spares a text the score matrix.
    pub fn score_each_where<'t>(
        &self,
        texts: impl IntoIterator<Item = (usize, &'t str)>,
        also: impl Fn(usize) -> bool,
        mut out: impl FnMut(usize, Option<i64>),
    ) {
        let cs = self.case_sensitive;
        let lanes = self.ascii.as_deref().and_then(|p| Some((p, lanes::Lanes::new(p, cs)?)));
        let Some((pattern, mut lanes)) = lanes else {
            for (tag, text) in texts {
                out(tag, self.score(text).filter(|_| also(tag)));
            }
            return;
        };
        // Matching texts are queued shortest span first: lanes scored
        // together run as far as the longest of them, so neighbours in
        // that order waste the fewest columns.
        let rows = pattern.len();
        let texts = texts.into_iter();
        let mut queue: Vec<(usize, &str, Range<usize>)> = Vec::with_capacity(texts.size_hint().0);
        // The greedy matches of the k-th text queued, at k * rows.
        let mut greedy: Vec<usize> = vec![0; texts.size_hint().0 * rows];
        for (tag, text) in texts {
            let k = queue.len();
            if greedy.len() < (k + 1) * rows {
                greedy.resize((k + 1) * rows, 0);
            }
            match lanes.span(text.as_bytes(), &mut greedy[k * rows..][..rows]) {
                Some(span) if also(tag) => queue.push((tag, text, span)),
                _ => out(tag, None),
            }
        }
        // Shortest first, to eight bytes (near enough for filling lanes, and
        // past 4 KB all one): a counting sort, as sorting by comparison
        // would be a large part of a short pattern's scoring.
        let bucket = |k: &u32| queue[*k as usize].2.len().min(4097).div_ceil(8);
        let order: Vec<u32> = (0..queue.len() as u32).collect();
        for k in sort_by_small_key(&order, 4097usize.div_ceil(8) + 1, bucket) {
            let (tag, text, span) = queue[k as usize].clone();
            let found_at = &greedy[k as usize * rows..][..rows];
            if !lanes.push(tag, text.as_bytes(), (span, found_at), &mut out) {
                out(tag, self.score(text));
            }
        }
        lanes.finish(&mut out);
    }
}

/// SkimMatcherV2's score for a one-char pattern, where the programme
/// reduces to its first row: a match reads the fresh row 0 (m minus infinity, p -1), so it
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
            best = best.max(Some(single_match(prev, cur, j == 0, !cs && c != pc)));
        }
        prev = cur;
    }
    best.map(i64::from)
}

/// `single` over bytes for an ASCII pattern char, visiting only its
/// matches, found by a vectorised search rather than byte by byte: a
/// query whose other term is long ("consistent h") scores the one char
/// over the long texts that hold the other.
fn single_byte(text: &[u8], pc: u8, cs: bool) -> Option<i64> {
    let key = pc.fold(cs);
    let other = if cs { key } else { key.to_ascii_uppercase() };
    let matches = memchr::memchr2_iter(key, other, text).map(|j| {
        let prev = j.checked_sub(1).map_or(CharType::Empty, |i| text[i].kind());
        single_match(prev, text[j].kind(), j == 0, text[j] != pc && !cs)
    });
    matches.max().map(i64::from)
}

/// A one-char pattern's score at a match: the fresh row 0's p (-1), the
/// match, its in-place bonus (doubled on the first char), less the case
/// penalty.
fn single_match(prev: CharType, cur: CharType, first: bool, case_mismatch: bool) -> i32 {
    let mut in_place = in_place_bonus(prev, cur);
    if first {
        in_place *= FIRST_CHAR_MULTIPLIER;
    }
    let score = SCORE_MATCH + if case_mismatch { PENALTY_CASE_MISMATCH } else { 0 };
    GAP_EXTENSION + in_place + score
}

/// The bonus for extending a run of matches with a match of in-place bonus
/// `in_place`. Upstream keeps a bonus row meant to carry a run's first
/// bonus along it (`matrix[idx_last].bonus`, read before it is written at a
/// match), but in the two-row matrix that cell is column j - 1 of the row
/// being written, which any row only ever sets to 0 (no match at j - 1) or
/// to this same value for column j (a match at j; by induction over its
/// writes), whichever row last wrote it. So the
/// carried part never exceeds what is added anyway and never changes a
/// score; no bonus row is kept here.
fn consecutive_bonus(in_place: i32) -> i32 {
    in_place.max(BONUS_CONSECUTIVE)
}

#[cfg(test)]
mod rows_tests;
#[cfg(test)]
mod tests;
