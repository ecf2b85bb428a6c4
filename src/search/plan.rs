//! A parsed query compiled for scoring one node's text: byte-level checks
//! first, SkimMatcherV2's score last. Also the per-node char masks the index keeps.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use super::query::{byte_eq, find, Query, Term, TermKind};
use super::score::{greedy_bytes, Pattern};

/// What an exact, prefix, suffix or whole term adds to a score. Every hit
/// matches every such term, so the value cannot reorder hits; it only keeps
/// them on the scale of a fuzzy term (SkimMatcherV2 gives 16 per char).
pub(crate) const EXACT_TERM_SCORE: i64 = 16;

/// Mask bit set on nodes searched in `Scope::All`.
pub(crate) const SEARCHABLE: u64 = 1 << 63;
/// Mask bit set on sessions, the only nodes of `Scope::Sessions`.
pub(crate) const SESSION: u64 = 1 << 62;
const NON_ASCII: u64 = 1 << 36;

/// The bit for one byte, ASCII letters folded: letters 0..26, digits 26..36,
/// any byte of a non-ASCII char 36, other ASCII spread over 37..62. A text
/// lacking a bit a term needs cannot match it, whatever the case rule.
const fn byte_bit(b: u8) -> u64 {
    match b {
        b'a'..=b'z' => 1 << (b - b'a'),
        b'A'..=b'Z' => 1 << (b - b'A'),
        b'0'..=b'9' => 1 << (26 + b - b'0'),
        128.. => NON_ASCII,
        _ => 1 << (37 + b % 25),
    }
}

/// `byte_bit` for every byte, looked up rather than branched on: masks are
/// computed for every node at load, so this loop is on the load profile.
const BYTE_BITS: [u64; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = byte_bit(b as u8);
        b += 1;
    }
    table
};

/// The bits of every byte in `text`.
pub(crate) fn char_mask(text: &str) -> u64 {
    text.bytes().fold(0, |m, b| m | BYTE_BITS[b as usize])
}

/// A matcher with empty scratch state. SkimMatcherV2 0.3 keeps its score
/// matrix between calls and reads a few cells it has not written in this
/// call, so a shared matcher's scores depend on what it scored before. A new
/// matcher per call makes the score a function of text and pattern alone;
/// `score::Pattern` computes that same score for ranking, this is for the
/// highlighted positions of the rows on screen.
/// Smart case is decided per term here (Unicode uppercase), not by the
/// matcher (ASCII only).
pub(crate) fn matcher(case_sensitive: bool) -> SkimMatcherV2 {
    if case_sensitive {
        SkimMatcherV2::default().respect_case()
    } else {
        SkimMatcherV2::default().ignore_case()
    }
}

/// A query ready to test node texts.
pub(crate) struct Plan<'q> {
    /// Bits every matching text must carry.
    pub need: u64,
    /// Byte-level tests made on every text, cheap ones first.
    checks: Vec<&'q Term>,
    /// Tests made only on texts that pass the first fuzzy term's
    /// subsequence test: the other fuzzy terms' (as a prefilter) and the
    /// exclusions, which reject few.
    after_first: Vec<&'q Term>,
    /// Fuzzy terms in scoring order: the longest first.
    fuzzy: Vec<Pattern>,
    fixed: i64,
}

impl<'q> Plan<'q> {
    pub fn new(q: &'q Query) -> Self {
        let mut terms: Vec<&Term> = q.terms().iter().collect();
        // Anchored tests read a few bytes, exact ones scan the text, the
        // subsequence prefilter scans it too but rejects less; exclusions
        // rarely reject at all.
        let cost = |t: &&Term| match t.kind {
            _ if t.negated => 3,
            TermKind::Prefix | TermKind::Suffix | TermKind::Whole => 0,
            TermKind::Exact => 1,
            TermKind::Fuzzy => 2,
        };
        terms.sort_by_key(cost);
        let positive_fuzzy = |t: &&Term| t.kind == TermKind::Fuzzy && !t.negated;
        // The longest fuzzy term rejects the most texts: scored first, its
        // vectorised subsequence test stands in front of the other terms'
        // scalar ones, which then run on the few texts it lets through
        // (in "consistent has", "has" rejects little).
        let mut fuzzy: Vec<&Term> = terms.iter().copied().filter(positive_fuzzy).collect();
        fuzzy.sort_by_key(|t| std::cmp::Reverse(t.text.len()));
        let first = fuzzy.first().copied();
        // The first fuzzy term needs no subsequence test before it: its
        // scorer starts with one.
        let rest = terms
            .iter()
            .copied()
            .filter(|&t| !first.is_some_and(|f| std::ptr::eq(f, t)));
        let (checks, after_first) = match first {
            Some(_) => rest.partition(|t| cost(t) < 2),
            None => (rest.collect(), Vec::new()),
        };
        Plan {
            need: terms
                .iter()
                .filter(|t| !t.negated)
                .fold(0, |m, t| m | char_mask(&t.text)),
            fuzzy: fuzzy.iter().map(|t| Pattern::new(&t.text, t.case_sensitive)).collect(),
            fixed: terms.iter().filter(|t| !t.negated && t.kind != TermKind::Fuzzy).count() as i64 * EXACT_TERM_SCORE,
            checks,
            after_first,
        }
    }

    /// The query's score for each of `texts`, into `out` (one per text):
    /// None where some term fails. Each fuzzy term scores the texts that
    /// passed everything before it together (see `Pattern::score_each`).
    pub fn score_all(&self, texts: &[&str], out: &mut [Option<i64>]) {
        for (score, text) in out.iter_mut().zip(texts) {
            *score = self.checks.iter().all(|t| passes(text, t)).then_some(self.fixed);
        }
        let Some((first, rest)) = self.fuzzy.split_first() else {
            return;
        };
        let also = |i: usize| self.after_first.iter().all(|t| passes(texts[i], t));
        add_each_where(first, texts, out, 1, also);
        for t in rest {
            add_each(t, texts, out, 1);
        }
    }
}

/// Adds `sign` times `pattern`'s score of each text still scored in `out`;
/// a text it does not match is no longer scored.
fn add_each(pattern: &Pattern, texts: &[&str], out: &mut [Option<i64>], sign: i64) {
    add_each_where(pattern, texts, out, sign, |_| true);
}

/// As `add_each`, a matched text staying scored only where `also(index)`.
fn add_each_where(pattern: &Pattern, texts: &[&str], out: &mut [Option<i64>], sign: i64, also: impl Fn(usize) -> bool) {
    let add = |out: &mut [Option<i64>], i: usize, s: Option<i64>| out[i] = out[i].zip(s).map(|(a, s)| a + sign * s);
    // Mostly every text is still scored (one fuzzy term, no other): then
    // no list of those that are.
    if out.iter().all(Option::is_some) {
        pattern.score_each_where(texts.iter().copied().enumerate(), also, |i, s| add(out, i, s));
        return;
    }
    let alive: Vec<(usize, &str)> = (0..texts.len())
        .filter(|&i| out[i].is_some())
        .map(|i| (i, texts[i]))
        .collect();
    pattern.score_each_where(alive, also, |i, s| add(out, i, s));
}

/// How a query differs from an earlier one whose hits it is searched
/// within, when only its last term differs and that term is a plain fuzzy
/// one: a hit's score is then the earlier score plus the new term's part,
/// less the old term's part when it replaced one. (Scores are sums over
/// terms plus a bonus that depends on the node alone.)
pub(crate) enum Delta {
    Added(Pattern),
    Replaced { old: Pattern, new: Pattern },
}

impl Delta {
    pub fn between(base: &Query, q: &Query) -> Option<Delta> {
        let (before, now) = (base.terms(), q.terms());
        let fuzzy = |t: &Term| t.kind == TermKind::Fuzzy && !t.negated;
        let pattern = |t: &Term| Pattern::new(&t.text, t.case_sensitive);
        let (last, kept) = now.split_last()?;
        if !fuzzy(last) {
            return None;
        }
        if kept == before {
            return Some(Delta::Added(pattern(last)));
        }
        // Exchanging costs scoring the old term too: worth it only when the
        // terms kept are the longer work (typing a second word, not a first).
        let kept_chars: usize = kept.iter().filter(|t| fuzzy(t)).map(|t| t.text.len()).sum();
        match before.split_last() {
            Some((old, same)) if same == kept && fuzzy(old) && kept_chars > old.text.len() => Some(Delta::Replaced {
                old: pattern(old),
                new: pattern(last),
            }),
            _ => None,
        }
    }

    /// What the score of each hit of the earlier query (by its text)
    /// changes by, into `out`: None where the new term does not match.
    pub fn change_all(&self, texts: &[&str], out: &mut [Option<i64>]) {
        out.fill(Some(0));
        match self {
            Delta::Added(new) => add_each(new, texts, out, 1),
            Delta::Replaced { old, new } => {
                add_each(new, texts, out, 1);
                // The old term matched: the text was a hit of the earlier query.
                add_each(old, texts, out, -1);
            }
        }
    }
}

/// Exact for every term kind but Fuzzy, where it is the necessary
/// subsequence condition. A valid UTF-8 pattern found in valid UTF-8 bytes
/// always sits on char boundaries, so byte tests agree with char tests.
fn passes(text: &str, t: &Term) -> bool {
    let (b, p, cs) = (text.as_bytes(), t.text.as_bytes(), t.case_sensitive);
    let eq = |a: &[u8]| a.iter().zip(p).all(|(&x, &y)| byte_eq(x, y, cs));
    let hit = match t.kind {
        TermKind::Fuzzy => p.is_empty() || greedy_bytes(b, p, cs).is_some(),
        TermKind::Exact => find(text, &t.text, cs).is_some(),
        TermKind::Prefix => b.len() >= p.len() && eq(b),
        TermKind::Suffix => b.len() >= p.len() && eq(&b[b.len() - p.len()..]),
        TermKind::Whole => b.len() == p.len() && eq(b),
    };
    hit != t.negated
}

/// Char indices of `text` to highlight for `q`: the union of what each
/// positive term matched (the first occurrence for exact terms). Meant for
/// the rows on screen only; it runs the matcher with position tracking.
pub fn highlight_text(text: &str, q: &Query) -> Vec<usize> {
    let chars_before = |byte: usize| text[..byte].chars().count();
    let mut out = Vec::new();
    for t in q.terms().iter().filter(|t| !t.negated) {
        let cs = t.case_sensitive;
        let start = match t.kind {
            TermKind::Fuzzy => {
                if let Some((_, idx)) = matcher(cs).fuzzy_indices(text, &t.text) {
                    out.extend(idx);
                }
                continue;
            }
            _ if !passes(text, t) => continue,
            TermKind::Exact => find(text, &t.text, cs),
            TermKind::Prefix | TermKind::Whole => Some(0),
            TermKind::Suffix => Some(text.len() - t.text.len()),
        };
        if let Some(b) = start {
            let first = chars_before(b);
            out.extend(first..first + t.text.chars().count());
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}
