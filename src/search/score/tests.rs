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
    let ours = Pattern::new(pattern, cs).score(text);
    assert_eq!(ours, want, "text {text:?} pattern {pattern:?} case-sensitive {cs}");
}

/// Texts rich in what the score reacts to: case changes, digits, both kinds
/// of separator, repeats of the same letters, and some non-ASCII.
fn texts() -> impl Strategy<Value = String> {
    "[aAbBcCdD0 ./_\\-(é€ü]{0,40}"
}

/// A pattern taken from the text (so it usually matches), case flipped at
/// random, or any short string.
fn text_and_pattern() -> impl Strategy<Value = (String, String)> {
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
            for node in 0..o.len() {
                check(o.text(node), pattern, false);
                check(o.text(node), pattern, true);
                scored += 1;
            }
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
