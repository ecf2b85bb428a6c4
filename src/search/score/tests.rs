//! The scorer against fuzzy-matcher itself: a fresh SkimMatcherV2 per call,
//! the meaning the ranking is defined by.

use fuzzy_matcher::FuzzyMatcher;
use proptest::prelude::*;

use super::Pattern;
use crate::search::plan::matcher;

fn reference(text: &str, pattern: &str, cs: bool) -> Option<i64> {
    matcher(cs).fuzzy_match(text, pattern)
}

fn check(text: &str, pattern: &str, cs: bool) {
    let want = reference(text, pattern, cs);
    let p = Pattern::new(pattern, cs);
    assert_eq!(
        p.score(text),
        want,
        "text {text:?} pattern {pattern:?} case-sensitive {cs}"
    );
    assert_eq!(
        score_each(&p, &[text]),
        [want],
        "lanes: text {text:?} pattern {pattern:?} case-sensitive {cs}"
    );
}

/// `Pattern::score_each` over `texts`, in their order; every text must be
/// answered exactly once.
fn score_each(p: &Pattern, texts: &[&str]) -> Vec<Option<i64>> {
    let mut out = vec![None; texts.len()];
    p.score_each(texts.iter().copied().enumerate(), |i, s| {
        assert!(out[i].is_none(), "text {i} answered twice");
        out[i] = Some(s);
    });
    out.into_iter()
        .enumerate()
        .map(|(i, s)| s.unwrap_or_else(|| panic!("text {i} never answered")))
        .collect()
}

/// Texts rich in what the score reacts to: case changes, digits, both kinds
/// of separator, repeats of the same letters, and some non-ASCII.
pub(super) fn texts() -> impl Strategy<Value = String> {
    "[aAbBcCdD0 ./_\\-(é€ü]{0,40}"
}

/// A pattern taken from the text (so it usually matches), case flipped at
/// random, or any short string.
pub(super) fn text_and_pattern() -> impl Strategy<Value = (String, String)> {
    texts().prop_flat_map(|t| {
        let n = t.chars().count();
        let picked = prop::collection::vec((0..n.max(1), any::<bool>()), 1..6);
        let random = "[abAB0 .é]{1,4}";
        (Just(t), picked, random, any::<bool>()).prop_map(|(t, picks, random, use_random)| {
            let chars: Vec<char> = t.chars().collect();
            let mut idx: Vec<usize> = picks.iter().map(|p| p.0).filter(|&i| i < chars.len()).collect();
            idx.sort_unstable();
            let flips = picks.iter().map(|p| p.1);
            let from_text: String = idx
                .iter()
                .zip(flips)
                .map(|(&i, flip)| if flip { chars[i].to_ascii_uppercase() } else { chars[i] })
                .collect();
            let pattern = if use_random || from_text.is_empty() {
                random
            } else {
                from_text
            };
            (t, pattern)
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]
    #[test]
    fn scores_equal_a_fresh_skim_matcher((text, pattern) in text_and_pattern(), cs in any::<bool>()) {
        let want = reference(&text, &pattern, cs);
        let ours = Pattern::new(&pattern, cs).score(&text);
        prop_assert_eq!(ours, want, "text {:?} pattern {:?}", text, pattern);
    }

    /// Many texts scored together share lanes: lengths, starts and case
    /// differ from lane to lane, and a text may fill a lane freed by another.
    #[test]
    fn scores_of_texts_scored_together_equal_a_fresh_skim_matcher(
        (first, pattern) in text_and_pattern(),
        more in prop::collection::vec(texts(), 0..40),
        cs in any::<bool>(),
    ) {
        let texts: Vec<&str> = std::iter::once(first.as_str()).chain(more.iter().map(String::as_str)).collect();
        let want: Vec<Option<i64>> = texts.iter().map(|t| reference(t, &pattern, cs)).collect();
        prop_assert_eq!(score_each(&Pattern::new(&pattern, cs), &texts), want, "pattern {:?}", pattern);
    }
}

#[test]
fn scores_equal_on_real_notes_for_typed_queries() {
    let o = crate::outline::load_seeds();
    let mut scored = 0;
    for typed in [
        "consistent hashing",
        "riemann",
        "db",
        "Jepsen",
        "wil",
        "k8s",
        "the talk",
    ] {
        for end in 1..=typed.len() {
            let pattern = &typed[..end];
            let texts: Vec<&str> = (0..o.len()).map(|n| o.text(n)).collect();
            for cs in [false, true] {
                let want: Vec<Option<i64>> = texts.iter().map(|t| reference(t, pattern, cs)).collect();
                let p = Pattern::new(pattern, cs);
                let one_by_one: Vec<Option<i64>> = texts.iter().map(|t| p.score(t)).collect();
                assert_eq!(one_by_one, want, "pattern {pattern:?} case-sensitive {cs}");
                assert_eq!(
                    score_each(&p, &texts),
                    want,
                    "lanes: pattern {pattern:?} case-sensitive {cs}"
                );
            }
            scored += texts.len();
        }
    }
    assert!(scored > 10_000, "the seeds should give many texts, got {scored}");
}

#[test]
fn long_texts_and_patterns_that_do_not_match() {
    let long = "x".repeat(5000) + "Consistent/hashing_in-Dynamo (2007) ü";
    for p in ["ch", "CH", "dynamo", "2007ü", "zz", "hashing dynamo", ""] {
        check(&long, p, false);
        check(&long, p, true);
    }
    // A gap deeper than the matcher's "minus infinity" (i16::MIN, a finite
    // number there): a match after it scores from that number instead.
    let far = format!("a{}b ab", "x".repeat(40_000));
    check(&far, "ab", false);
    check(&far[..far.len() - 3], "ab", true);
    check("", "a", false);
    check("abc", "abcd", false);
}
/// Every text of up to 6 chars over an alphabet that exercises case, word
/// heads and repeats, against patterns with repeated letters: the cases
/// where the matcher's reused cells decide the score.
#[test]
fn every_short_text_over_a_small_alphabet() {
    let alphabet = ['a', 'A', ' ', 'b', '.'];
    let mut texts = vec![String::new()];
    let mut last = texts.clone();
    for _ in 0..6 {
        last = last
            .iter()
            .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
            .collect();
        texts.extend(last.iter().cloned());
    }
    for t in &texts {
        for p in ["a", "A", "ab", "aa", "aba", "aaa", "ba", "abab", "aab", "a.b"] {
            check(t, p, false);
            check(t, p, true);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]
    /// Spans up to the longest a lane takes, patterns up to the most rows
    /// it takes, and past both (scored one by one): scores stay exact in
    /// i16 at those extremes.
    #[test]
    fn long_spans_and_patterns_score_exactly(
        texts in prop::collection::vec("[ab A.-]{1,4200}", 1..8),
        picks in prop::collection::vec(0..4200usize, 2..70),
        cs in any::<bool>(),
    ) {
        let chars: Vec<char> = texts[0].chars().collect();
        let mut picks: Vec<usize> = picks.into_iter().filter(|&i| i < chars.len()).collect();
        picks.sort_unstable();
        let pattern: String = picks.iter().map(|&i| chars[i]).collect();
        prop_assume!(pattern.len() >= 2);
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let want: Vec<Option<i64>> = refs.iter().map(|t| reference(t, &pattern, cs)).collect();
        prop_assert_eq!(score_each(&Pattern::new(&pattern, cs), &refs), want, "pattern {:?}", pattern);
    }
}

/// Every ASCII char before and after a match, and as the match: the
/// in-place bonus of each kind pair, which lanes compute by ranges of
/// bytes rather than by `char_type`.
#[test]
fn every_ascii_char_around_a_match() {
    for x in (1..128u8).map(char::from) {
        for y in ['a', 'B', '7', ' ', '-', 'é'] {
            let text = format!("{x}{y}{y}{x}a{x}B{y}{x}");
            for pattern in [
                format!("{x}{y}"),
                format!("{y}{x}"),
                format!("{x}a"),
                format!("{x}b{x}"),
            ] {
                check(&text, &pattern, false);
                check(&text, &pattern, true);
            }
        }
    }
}

/// A pasted query of thousands of distinct chars (CJK here, above 256):
/// built and scored without the work growing with its square.
#[test]
fn long_queries_of_many_distinct_chars() {
    let pattern: String = (0x4E00u32..0x4E00 + 1500).filter_map(char::from_u32).collect();
    let text = format!("notes: {pattern} end");
    check(&text, &pattern, false);
    check("short", &pattern, false);
    let huge: String = (0x4E00u32..0x4E00 + 60_000).filter_map(char::from_u32).collect();
    assert_eq!(Pattern::new(&huge, false).score(&text), None);
}
