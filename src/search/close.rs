//! Close or loose: a hit is *close* when its text holds every word of the
//! query where a word of the text starts (give or take one typo in a word of
//! five chars or more); otherwise its letters were found scattered and it is
//! *loose*. Ranking lists close hits first. Run on hits only, after they are
//! scored: it never decides what matches.
//!
//! The rules, and why:
//! - A query word may be the start of a longer text word ("monitor" is close
//!   in "monitoring"): the find pane searches as the reader types, and a
//!   word half typed should already bring its texts up first.
//! - A word starts after a char that is not a letter or digit, or at a
//!   lowercase-to-uppercase step ("Riemann" in "useRiemann"). A query word
//!   that itself starts with punctuation ("#sre", ".net") may sit anywhere.
//! - One typo (a char added, missing, replaced, or two neighbours swapped)
//!   is allowed in words of `TYPO_FROM` chars or more, never in the first
//!   char, and a char the typo puts in is a letter or digit ("a void" is
//!   not "avoid"): "mentring" is close to "mentoring" and to "mentorship".
//!   Short words have too many neighbours one edit away ("the" and "she").
//!   Only hits are classified, so a typo that breaks the letters' order
//!   ("reimann") finds no hit to begin with, as in fzf.
//! - Exact terms (`'word`, or any plain word in exact mode) are judged the
//!   same way: in exact mode "the" inside "other" is loose. Anchored terms
//!   (`^word`, `word$`) are close by their nature; exclusions do not count.
//! - Case follows the term's smart case, folding ASCII only, as the scorer.
//!
//! So a text loose for a word stays loose for any longer word that starts
//! with it (if both or neither may have a typo): typing on, only the hits
//! that were close are read again (see `keeps_loose_of`).

use super::query::{byte_eq, Query, TermKind};
use super::starts;

/// Words of this many chars or more may be close with one typo.
pub const TYPO_FROM: usize = 5;
/// Longer words are compared exactly: no word is this long, and the typo
/// test keeps the text's chars in a buffer of this size on the stack.
const MAX_TYPO_WORD: usize = 48;

/// The words of a query that decide closeness, ready to test texts.
pub(crate) struct Closeness {
    words: Vec<Word>,
    starts: StartBits,
}

/// What the words ask of a text's word-start bits.
struct StartBits {
    /// Every bit a close text has: each word's first letter, and the first
    /// two bytes of a word that may have no typo.
    need: u64,
    /// Whether having them makes a text close: every word is one letter
    /// or digit (the bits fold case, so a capital letter is read).
    tell: bool,
}

impl StartBits {
    fn of(words: &[Word]) -> StartBits {
        let mut bits = StartBits { need: 0, tell: true };
        for w in words {
            let first = w.bytes[0];
            let Some(bit) = starts::start_bit(first).filter(|_| w.at_word_start) else {
                bits.tell = false;
                continue;
            };
            bits.need |= bit;
            match w.bytes.get(1) {
                Some(&second) => {
                    if !w.typos && second.is_ascii() {
                        bits.need |= starts::pair_bit(first, second);
                    }
                    bits.tell = false;
                }
                None => bits.tell &= !(w.case_sensitive && first.is_ascii_alphabetic()),
            }
        }
        bits
    }
}

struct Word {
    bytes: Vec<u8>,
    /// The word's chars, ASCII folded when case-insensitive (for typos).
    chars: Vec<char>,
    case_sensitive: bool,
    /// Starts with a letter or digit, so must start a text word.
    at_word_start: bool,
    typos: bool,
    /// Only ASCII letters and digits (most words): most places are ruled
    /// out for a typo by two bytes.
    ascii_alphanumeric: bool,
}

impl Closeness {
    pub fn new(q: &Query) -> Closeness {
        let words = q
            .terms()
            .iter()
            .filter(|t| !t.negated && matches!(t.kind, TermKind::Fuzzy | TermKind::Exact))
            .map(|t| {
                let cs = t.case_sensitive;
                let chars: Vec<char> = t.text.chars().map(|c| fold(c, cs)).collect();
                Word {
                    bytes: t.text.as_bytes().to_vec(),
                    at_word_start: chars.first().is_some_and(|c| c.is_alphanumeric()),
                    typos: (TYPO_FROM..=MAX_TYPO_WORD).contains(&chars.len()),
                    ascii_alphanumeric: t.text.bytes().all(|b| b.is_ascii_alphanumeric()),
                    chars,
                    case_sensitive: cs,
                }
            })
            .collect::<Vec<Word>>();
        let starts = StartBits::of(&words);
        Closeness { words, starts }
    }

    /// True when every text is close (no word to judge): callers skip the
    /// texts altogether.
    pub fn all_close(&self) -> bool {
        self.words.is_empty()
    }

    pub fn is_close(&self, text: &str) -> bool {
        self.words.iter().all(|w| w.found_in(text))
    }

    /// Close or loose by a text's word-start bits (see `starts`), when they
    /// tell: loose when a word's first letter starts no word of the text
    /// (nor, for a word that may have no typo, its first two bytes); close
    /// when every word is one letter or digit starting a word.
    pub fn by_starts(&self, bits: u64) -> Option<bool> {
        if self.starts.need & bits != self.starts.need {
            return Some(false);
        }
        self.starts.tell.then_some(true)
    }
    /// Whether every text loose for `base` is loose for this query too:
    /// when each of `base`'s words starts one of these, none of which may
    /// have a typo its start could not. (A longer word close at a place,
    /// cut back to the shorter one, is close there: its typo, if any,
    /// falls inside the shorter word or goes with the cut.)
    pub fn keeps_loose_of(&self, base: &Closeness) -> bool {
        base.words.iter().all(|a| self.words.iter().any(|b| b.extends(a)))
    }
}

impl Word {
    fn found_in(&self, text: &str) -> bool {
        let t = text.as_bytes();
        let p = &self.bytes;
        let cs = self.case_sensitive;
        let whole =
            |i: usize| t.len() - i >= p.len() && t[i..i + p.len()].iter().zip(p).all(|(&a, &b)| byte_eq(a, b, cs));
        // One pass over the starts: the word itself, else a typo of it.
        self.starts(text)
            .any(|i| whole(i) || (self.typos && self.may_be_one_edit(t, i) && self.one_edit_at(&text[i..])))
    }

    /// Whether a word one edit from this one can start at byte `i`, by the
    /// two bytes after its first: an edit at the second char leaves the
    /// word's second or third char second or third. Most hits are loose,
    /// with many text words starting with the word's first letter: this
    /// rules out most of them before any char is decoded.
    fn may_be_one_edit(&self, t: &[u8], i: usize) -> bool {
        let (Some(&x), Some(&y)) = (t.get(i + 1), t.get(i + 2)) else {
            return true;
        };
        if !self.ascii_alphanumeric || !x.is_ascii() || !y.is_ascii() {
            return true;
        }
        let (w1, w2) = (self.bytes[1], self.bytes[2]);
        let cs = self.case_sensitive;
        [x, y].iter().any(|&v| byte_eq(v, w1, cs) || byte_eq(v, w2, cs))
    }

    /// Whether this word is the longer form of `a` (see `keeps_loose_of`).
    fn extends(&self, a: &Word) -> bool {
        // A typo replacing the last char of `a` by the next of this word
        // must be one `a` allows: that char is a letter or digit.
        let typo_allowed_in_start = a.typos || !self.typos;
        self.bytes.starts_with(&a.bytes)
            && typo_allowed_in_start
            && (!self.typos || self.chars.iter().all(|c| c.is_alphanumeric()))
    }

    /// Byte offsets in `text` where the word's first char is, at a word
    /// start when it must be.
    fn starts<'t>(&self, text: &'t str) -> impl Iterator<Item = usize> + 't {
        let t = text.as_bytes();
        let first = self.bytes[0];
        let (a, b) = if self.case_sensitive {
            (first, first)
        } else {
            (first.to_ascii_lowercase(), first.to_ascii_uppercase())
        };
        let at_word_start = self.at_word_start;
        memchr::memchr2_iter(a, b, t).filter(move |&i| !at_word_start || starts_word(text, i))
    }

    /// Whether `rest` starts with a string one edit from this word, its
    /// first char untouched. `rest` starts on a char boundary.
    fn one_edit_at(&self, rest: &str) -> bool {
        let w = &self.chars;
        let n = w.len();
        // The text's chars up to the longest string one edit away.
        let mut buf = ['\0'; MAX_TYPO_WORD + 1];
        let mut len = 0;
        for (slot, c) in buf.iter_mut().zip(rest.chars().take(n + 1)) {
            *slot = c;
            len += 1;
        }
        let raw = &buf[..len];
        let cs = self.case_sensitive;
        let s = |i: usize| fold(raw[i], cs);
        // w[from..] equals the text's chars from `at` on.
        let same = |from: usize, at: usize| {
            let rest = &w[from.min(n)..];
            raw.len() >= at + rest.len() && rest.iter().enumerate().all(|(j, &c)| s(at + j) == c)
        };
        let k = (0..n.min(len)).take_while(|&i| w[i] == s(i)).count();
        if k == 0 {
            return false;
        }
        if k == n {
            return true;
        }
        // A char of the text that an edit stands for is a letter or digit.
        let in_word = raw.get(k).is_some_and(|c| c.is_alphanumeric());
        // Replaced: w[k] stands for the text's k-th char.
        (in_word && same(k + 1, k + 1))
            // Missing from the text: w[k].
            || same(k + 1, k)
            // Added in the text: its k-th char.
            || (in_word && same(k, k + 1))
            // Swapped: w[k], w[k+1] are the text's k+1-th and k-th.
            || (k + 1 < n && len > k + 1 && w[k] == s(k + 1) && w[k + 1] == s(k) && same(k + 2, k + 2))
    }
}

fn fold(c: char, case_sensitive: bool) -> char {
    if case_sensitive {
        c
    } else {
        c.to_ascii_lowercase()
    }
}

/// Whether a word starts at byte `i` of `text` (a char boundary).
fn starts_word(text: &str, i: usize) -> bool {
    let t = text.as_bytes();
    // ASCII on both sides (most text): no char decoded.
    if i == 0 {
        return true;
    }
    if t[i - 1].is_ascii() && t[i].is_ascii() {
        let (before, at) = (t[i - 1], t[i]);
        return !before.is_ascii_alphanumeric() || (before.is_ascii_lowercase() && at.is_ascii_uppercase());
    }
    let Some(before) = text[..i].chars().next_back() else {
        return true;
    };
    let Some(at) = text[i..].chars().next() else {
        return false;
    };
    !before.is_alphanumeric() || (before.is_lowercase() && at.is_uppercase())
}

#[cfg(test)]
#[path = "close_tests.rs"]
mod tests;
