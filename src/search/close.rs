//! Close or loose: a hit is *close* when its text holds every word of the
//! query where a word of the text starts (or, for a word of five chars or
//! more, a text word one typo away); otherwise its letters were found
//! scattered and it is *loose*. Ranking lists close hits first. Run on hits
//! only, after they are scored: it never decides what matches.
//!
//! The rules, and why:
//! - A query word may be the start of a longer text word ("monitor" is close
//!   in "monitoring"): the find pane searches as the reader types, and a
//!   word half typed should already bring its texts up first.
//! - A word starts after a char that is not a letter or digit, or at a
//!   lowercase-to-uppercase step ("Riemann" in "useRiemann"). A query word
//!   that itself starts with punctuation ("#sre", ".net") may sit anywhere.
//! - One typo (a char added, missing, replaced, or two neighbours swapped)
//!   is allowed in words of `TYPO_FROM` chars or more, against a whole text
//!   word, never in its first char: "mentring" is close to "mentoring".
//!   Short words have too many neighbours one edit away ("the" and "she"),
//!   and a typo plus a prefix would make "stats" close to "statement".
//!   Only hits are classified, so a typo that breaks the letters' order
//!   ("reimann") finds no hit to begin with, as in fzf.
//! - Exact terms (`'word`, or any plain word in exact mode) are judged the
//!   same way: in exact mode "the" inside "other" is loose. Anchored terms
//!   (`^word`, `word$`) are close by their nature; exclusions do not count.
//! - Case follows the term's smart case, folding ASCII only, as the scorer.

use super::query::{byte_eq, Query, TermKind};

/// Words of this many chars or more may be close with one typo.
pub const TYPO_FROM: usize = 5;
/// Longer words are compared exactly: no word is this long, and the typo
/// test keeps the text's chars in a buffer of this size on the stack.
const MAX_TYPO_WORD: usize = 48;

/// The words of a query that decide closeness, ready to test texts.
pub(crate) struct Closeness {
    words: Vec<Word>,
}

struct Word {
    bytes: Vec<u8>,
    /// The word's chars, ASCII folded when case-insensitive (for typos).
    chars: Vec<char>,
    case_sensitive: bool,
    /// Starts with a letter or digit, so must start a text word.
    at_word_start: bool,
    typos: bool,
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
                    chars,
                    case_sensitive: cs,
                }
            })
            .collect();
        Closeness { words }
    }

    /// True when every text is close (no word to judge): callers skip the
    /// texts altogether.
    pub fn all_close(&self) -> bool {
        self.words.is_empty()
    }

    pub fn is_close(&self, text: &str) -> bool {
        self.words.iter().all(|w| w.found_in(text))
    }
}

impl Word {
    fn found_in(&self, text: &str) -> bool {
        let t = text.as_bytes();
        let p = &self.bytes;
        let cs = self.case_sensitive;
        let whole =
            |i: usize| t.len() - i >= p.len() && t[i..i + p.len()].iter().zip(p).all(|(&a, &b)| byte_eq(a, b, cs));
        // Exact first: it is the common case, and cheaper than the typo test
        // (the starts are found again for that: no list kept per text).
        self.starts(text).any(whole) || (self.typos && self.starts(text).any(|i| self.one_typo_from_word(&text[i..])))
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

    /// Whether the text word at the start of `rest` is one edit from this
    /// word, its first char untouched. `rest` starts on a char boundary.
    fn one_typo_from_word(&self, rest: &str) -> bool {
        let w = &self.chars;
        let n = w.len();
        // The text's chars up to one past the longest word one edit away,
        // so that where that word ends can be checked.
        let mut buf = ['\0'; MAX_TYPO_WORD + 2];
        let mut len = 0;
        for (slot, c) in buf.iter_mut().zip(rest.chars().take(n + 2)) {
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
        let ends_at = |m: usize| m <= raw.len() && ends_word(raw, m);
        let k = (0..n.min(len)).take_while(|&i| w[i] == s(i)).count();
        if k == 0 {
            return false;
        }
        if k == n {
            return ends_at(n);
        }
        // A char of the text that an edit stands for is a letter or digit:
        // "a void" is two words, not a typo of "avoid".
        let in_word = len > k && raw[k].is_alphanumeric();
        // Replaced: w[k] stands for the text's k-th char.
        (in_word && same(k + 1, k + 1) && ends_at(n))
            // Added: w[k] is extra.
            || (same(k + 1, k) && ends_at(n - 1))
            // Missing: the text's k-th char is not in w.
            || (in_word && same(k, k + 1) && ends_at(n + 1))
            // Swapped: w[k], w[k+1] are the text's k+1-th and k-th.
            || (k + 1 < n && len > k + 1 && w[k] == s(k + 1) && w[k + 1] == s(k) && same(k + 2, k + 2) && ends_at(n))
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
    let Some(before) = text[..i].chars().next_back() else {
        return true;
    };
    let Some(at) = text[i..].chars().next() else {
        return false;
    };
    !before.is_alphanumeric() || (before.is_lowercase() && at.is_uppercase())
}

/// Whether a word ends after `m` of `chars` (the text from a word start;
/// cut short only where the text ends).
fn ends_word(chars: &[char], m: usize) -> bool {
    match (chars.get(m.wrapping_sub(1)), chars.get(m)) {
        (_, None) => true,
        (Some(before), Some(after)) => !after.is_alphanumeric() || (before.is_lowercase() && after.is_uppercase()),
        (None, Some(_)) => false,
    }
}

#[cfg(test)]
#[path = "close_tests.rs"]
mod tests;
