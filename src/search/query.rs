//! The query language, after fzf's extended mode: space-separated terms that
//! must all match. Parsing, which query implies which, and the byte
//! comparisons under the case rule that both this and `plan` make; scoring
//! lives in `plan`.

/// How one term is compared with a node's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TermKind {
    /// `term`: the chars in order, scored by SkimMatcherV2.
    Fuzzy,
    /// `'term`, or the text of `!term`: a substring.
    Exact,
    /// `^term`: the text starts with it.
    Prefix,
    /// `term$`: the text ends with it.
    Suffix,
    /// `^term$`: the whole text.
    Whole,
}

/// One parsed term. `text` has its operators stripped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub kind: TermKind,
    pub text: String,
    /// `!term`: the node must NOT match.
    pub negated: bool,
    /// Smart case: set when the term holds any uppercase letter.
    pub case_sensitive: bool,
}

/// How a plain term (no operator) is read: fzf's default, or its `--exact`.
/// In exact mode `'term` turns a term fuzzy again, as in fzf; `!term` stays
/// an exact exclusion in both (see `parse_term`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Matching {
    /// `term` is fuzzy, `'term` exact.
    #[default]
    Fuzzy,
    /// `term` is exact, `'term` fuzzy.
    Exact,
}

/// A parsed query. Two queries that differ only in spacing are equal, which
/// is what the backspace cache keys on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    terms: Vec<Term>,
}

impl Query {
    /// Never fails: a term left empty once its operators are stripped (a lone
    /// `!`, `^`, `'` or `$`, as typed on the way to a longer term) is dropped.
    pub fn parse(input: &str) -> Query {
        Query::parse_with(input, Matching::Fuzzy)
    }

    /// `parse`, reading plain terms as `matching` says.
    pub fn parse_with(input: &str, matching: Matching) -> Query {
        let terms = input
            .split_whitespace()
            .filter_map(|t| parse_term(t, matching))
            .collect();
        Query { terms }
    }

    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// An empty query matches nothing (not everything): a blank find box
    /// should show no hits rather than the whole corpus.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// True when every node matching `self` also matches `previous`, so
    /// `self` may be searched within `previous`'s hits. Judged term by term
    /// rather than on the raw strings: `!a` to `!ab` and `ab$` to `ab$c`
    /// extend the text yet match more nodes, not fewer.
    pub fn narrows(&self, previous: &Query) -> bool {
        previous
            .terms
            .iter()
            .all(|old| self.terms.iter().any(|new| new.implies(old)))
    }
}

impl Term {
    /// Whether every text matching `self` also matches `old`.
    fn implies(&self, old: &Term) -> bool {
        if self.negated || old.negated {
            // Not containing Y implies not containing any X that holds Y, as
            // long as Y is looked for at least as loosely as X was.
            return self.negated
                && old.negated
                && ((self.kind == TermKind::Exact
                    && old.kind == TermKind::Exact
                    && (old.case_sensitive || !self.case_sensitive)
                    && contains(&old.text, &self.text, self.case_sensitive))
                    || (self.kind == old.kind && self.text == old.text));
        }
        // A case-insensitive term matches more than its case-sensitive twin.
        if old.case_sensitive && !self.case_sensitive {
            return false;
        }
        let cs = old.case_sensitive;
        use TermKind::*;
        match (old.kind, self.kind) {
            // Any positive match of the new text puts it, hence its
            // subsequence, in the node.
            (Fuzzy, _) => subsequence(&self.text, &old.text, cs),
            (Exact, Fuzzy) => false,
            (Exact, _) => contains(&self.text, &old.text, cs),
            (Prefix, Prefix | Whole) => starts_with(&self.text, &old.text, cs),
            (Suffix, Suffix | Whole) => ends_with(&self.text, &old.text, cs),
            (Whole, Whole) => eq(&self.text, &old.text, cs),
            _ => false,
        }
    }
}

fn parse_term(raw: &str, matching: Matching) -> Option<Term> {
    let (negated, rest) = match raw.strip_prefix('!') {
        Some(r) => (true, r),
        None => (false, raw),
    };
    let (quoted, rest) = match rest.strip_prefix('\'') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let (prefix, rest) = match rest.strip_prefix('^') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let (suffix, rest) = match rest.strip_suffix('$') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    if rest.is_empty() {
        return None;
    }
    let kind = match (prefix, suffix) {
        (true, true) => TermKind::Whole,
        (true, false) => TermKind::Prefix,
        (false, true) => TermKind::Suffix,
        // fzf makes `!term` an inverse exact match: "not fuzzily anywhere"
        // would exclude almost every node. (fzf reads `!'term` as an inverse
        // fuzzy match; here it stays exact, for the same reason.)
        (false, false) if negated => TermKind::Exact,
        // A quote flips the mode's reading, as fzf's `'` does.
        (false, false) if quoted == (matching == Matching::Fuzzy) => TermKind::Exact,
        (false, false) => TermKind::Fuzzy,
    };
    Some(Term {
        kind,
        text: rest.to_string(),
        negated,
        case_sensitive: rest.chars().any(char::is_uppercase),
    })
}

/// Byte equality under the matcher's case rule: ASCII letters fold when the
/// term is case-insensitive, everything else compares exactly (as in
/// SkimMatcherV2, whose case-insensitive mode is ASCII-only).
pub(crate) fn byte_eq(a: u8, b: u8, case_sensitive: bool) -> bool {
    if case_sensitive {
        a == b
    } else {
        a.eq_ignore_ascii_case(&b)
    }
}

fn eq(a: &str, b: &str, cs: bool) -> bool {
    a.len() == b.len() && starts_with(a, b, cs)
}

fn starts_with(text: &str, pat: &str, cs: bool) -> bool {
    let (t, p) = (text.as_bytes(), pat.as_bytes());
    t.len() >= p.len() && t.iter().zip(p).all(|(&a, &b)| byte_eq(a, b, cs))
}

fn ends_with(text: &str, pat: &str, cs: bool) -> bool {
    let (t, p) = (text.as_bytes(), pat.as_bytes());
    t.len() >= p.len() && t[t.len() - p.len()..].iter().zip(p).all(|(&a, &b)| byte_eq(a, b, cs))
}

fn contains(text: &str, pat: &str, cs: bool) -> bool {
    find(text, pat, cs).is_some()
}

/// Byte offset of the first occurrence of `pat` in `text`. With no case to
/// fold, std's substring search (SIMD-assisted) does it.
pub(crate) fn find(text: &str, pat: &str, cs: bool) -> Option<usize> {
    let (t, p) = (text.as_bytes(), pat.as_bytes());
    if cs || !p.iter().any(u8::is_ascii_alphabetic) {
        return text.find(pat);
    }
    let (lower, upper) = (p[0].to_ascii_lowercase(), p[0].to_ascii_uppercase());
    let last = t.len().checked_sub(p.len())?;
    // The first byte's either case found by a vectorised search, which
    // skips most of the text; the rest compared only where it is found.
    memchr::memchr2_iter(lower, upper, &t[..=last]).find(|&i| t[i + 1..i + p.len()].eq_ignore_ascii_case(&p[1..]))
}

/// Char-wise so a multi-byte char is never matched piecewise.
fn subsequence(text: &str, pat: &str, cs: bool) -> bool {
    let same = |a: char, b: char| if cs { a == b } else { a.eq_ignore_ascii_case(&b) };
    let mut chars = text.chars();
    pat.chars().all(|p| chars.any(|c| same(c, p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(s: &str) -> Term {
        Query::parse(s).terms()[0].clone()
    }

    #[test]
    fn every_term_type_parses() {
        let t = |kind, text: &str, negated| (kind, text.to_string(), negated);
        let got = |s: &str| {
            let x = term(s);
            (x.kind, x.text, x.negated)
        };
        assert_eq!(got("riem"), t(TermKind::Fuzzy, "riem", false));
        assert_eq!(got("'riem"), t(TermKind::Exact, "riem", false));
        assert_eq!(got("^riem"), t(TermKind::Prefix, "riem", false));
        assert_eq!(got("riem$"), t(TermKind::Suffix, "riem", false));
        assert_eq!(got("^riem$"), t(TermKind::Whole, "riem", false));
        assert_eq!(got("!riem"), t(TermKind::Exact, "riem", true));
        assert_eq!(got("!^riem"), t(TermKind::Prefix, "riem", true));
        assert_eq!(got("!riem$"), t(TermKind::Suffix, "riem", true));
    }

    #[test]
    fn exact_mode_reads_plain_terms_exactly_and_quoted_ones_fuzzily() {
        let got = |s: &str| {
            let q = Query::parse_with(s, Matching::Exact);
            let x = &q.terms()[0];
            (x.kind, x.text.clone(), x.negated)
        };
        assert_eq!(got("riem"), (TermKind::Exact, "riem".into(), false));
        assert_eq!(got("'riem"), (TermKind::Fuzzy, "riem".into(), false));
        assert_eq!(got("!riem"), (TermKind::Exact, "riem".into(), true));
        assert_eq!(got("!'riem"), (TermKind::Exact, "riem".into(), true));
        assert_eq!(got("^riem"), (TermKind::Prefix, "riem".into(), false));
        assert_eq!(got("riem$"), (TermKind::Suffix, "riem".into(), false));
        assert_eq!(got("^riem$"), (TermKind::Whole, "riem".into(), false));
        // The same text is another query in the other mode: the cache keys
        // on the parsed query, so switching modes never reuses hits.
        assert_ne!(Query::parse_with("riem", Matching::Exact), Query::parse("riem"));
        assert_eq!(Query::parse_with("'riem", Matching::Exact), Query::parse("riem"));
    }

    #[test]
    fn smart_case_and_spacing() {
        assert!(!term("riemann").case_sensitive);
        assert!(term("Riemann").case_sensitive);
        assert!(term("'Über").case_sensitive);
        let q = Query::parse("  a   'b\tc$ ");
        assert_eq!(q.terms().len(), 3);
        assert_eq!(q, Query::parse("a 'b c$"));
    }

    #[test]
    fn empty_and_operator_only_terms_are_dropped() {
        assert!(Query::parse("").is_empty());
        assert!(Query::parse("   ").is_empty());
        assert!(Query::parse("! ^ ' $ !^$").is_empty());
        assert_eq!(Query::parse("foo !").terms().len(), 1);
    }

    #[test]
    fn narrowing_is_judged_per_term() {
        let n = |new: &str, old: &str| Query::parse(new).narrows(&Query::parse(old));
        assert!(n("riema", "riem"));
        assert!(n("riem stats", "riem"));
        assert!(n("stats riem", "riem"));
        assert!(n("rieM", "rie"));
        assert!(!n("riem", "Riem"));
        assert!(n("'riem", "rim"));
        assert!(n("^riem", "'rie"));
        assert!(!n("ab$c", "ab$"));
        assert!(!n("!ab", "!a"));
        assert!(n("!a", "!ab"));
        assert!(n("!a", "!AB"));
        assert!(!n("!A", "!ab"));
        assert!(n("x", ""));
        assert!(!n("ab", "ab cd"));
    }
}
