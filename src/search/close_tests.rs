//! Close or loose, on synthetic texts: word starts, smart case, typos
//! (checked against a plain edit distance), exact mode.

use super::*;
use crate::search::query::Matching;

fn close(query: &str, text: &str) -> bool {
    Closeness::new(&Query::parse(query)).is_close(text)
}

#[test]
fn a_word_is_close_where_a_text_word_starts_with_it() {
    assert!(close("mentoring", "Session 5: mentoring"));
    assert!(close("mentor", "how do you know when to stop mentoring?"));
    assert!(close("riemann", "is anyone using riemann?"));
    assert!(close("riemann", "useRiemann in prod"));
    assert!(close("riemann", "(riemann)"));
    assert!(close("we’ve", "so we’ve been trying"));
    // Inside a word, or letters apart, is loose.
    assert!(!close("mentoring", "the documentation is going to be awful and boring"));
    assert!(!close("tail", "a cocktail"));
    assert!(!close("the", "other"));
    // Smart case: a lowercase word matches either case, a capital only
    // itself.
    assert!(close("riemann", "Riemann"));
    assert!(close("Riemann", "Riemann"));
    assert!(!close("Riemann", "riemann"));
}

#[test]
fn every_positive_word_must_be_close() {
    assert!(close("avoid the long tail", "the tail is long, avoid it"));
    assert!(close("tail long", "longer tails"));
    assert!(
        close("avoid the long tail", "avoid the tail of a longitude"),
        "a word's start"
    );
    assert!(!close("avoid the long tail", "avoid the tail, or go along"));
    assert!(!close("avoid the long tail", "a void the long tail"));
    // Exclusions do not count; anchored terms are close as they stand.
    assert!(close("riemann !statsd", "riemann"));
    assert!(close("riemann ^is", "is anyone using riemann?"));
    assert!(close("tail$", "a cocktail"));
}

#[test]
fn one_typo_in_a_long_word_against_a_whole_text_word() {
    // Missing, added, replaced, swapped.
    assert!(close("mentring", "stop mentoring now"));
    assert!(close("mentorring", "stop mentoring now"));
    assert!(close("mentoting", "stop mentoring now"));
    assert!(close("mentroing", "stop mentoring now"));
    assert!(close("riemann", "rieman"));
    // Two edits, a typo in the first char, or a typo plus a longer word.
    assert!(!close("mentrng", "stop mentoring now"));
    assert!(!close("tentoring", "stop mentoring now"));
    assert!(!close("stats", "statement"));
    assert!(close("stats", "state"));
    // Short words get no typo.
    assert!(!close("tial", "tail"));
    assert!(!close("thr", "the"));
}

#[test]
fn words_starting_with_punctuation_may_sit_anywhere() {
    assert!(close(".net", "asp.net core"));
    assert!(close("#sre", "team#sre"));
}

#[test]
fn exact_mode_words_are_judged_the_same_way() {
    let c = |q: &str, text: &str| Closeness::new(&Query::parse_with(q, Matching::Exact)).is_close(text);
    assert!(c("the", "the long tail"));
    assert!(c("the", "there"));
    assert!(!c("the", "other"));
    assert!(Closeness::new(&Query::parse("^a b$ !c")).all_close());
    assert!(!Closeness::new(&Query::parse("a")).all_close());
}

#[test]
fn non_ascii_text_and_words() {
    assert!(close("naïve", "µservices are naïve"));
    assert!(close("naïv", "µservices are naïve"));
    assert!(close("naive", "so naïve"), "one replaced char");
    assert!(!close("µs", "aµservices"));
    assert!(!close("services", "µservices? no: µ is a letter"));
    assert!(!close("über", "Über alles"), "ASCII folding only");
}

/// The rule for lowercase words in texts of lowercase words: a text word
/// starts with the query word, or (five chars or more) is one edit from it
/// (optimal string alignment), their first chars equal.
fn close_by_definition(word: &str, text: &str) -> bool {
    let t: Vec<char> = text.chars().collect();
    let w: Vec<char> = word.chars().collect();
    (0..t.len())
        .filter(|&i| t[i].is_alphanumeric() && (i == 0 || !t[i - 1].is_alphanumeric()))
        .any(|i| {
            let end = i + t[i..].iter().take_while(|c| c.is_alphanumeric()).count();
            let tw = &t[i..end];
            tw.starts_with(&w) || (w.len() >= TYPO_FROM && tw[0] == w[0] && edit_distance(tw, &w) <= 1)
        })
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// `word` with up to two edits (a char replaced, added, dropped, or two
/// swapped; the chars may be spaces and dots), between two other texts.
fn edited(word: &str, edits: &[(u8, usize, char)], before: &str, after: &str) -> String {
    let mut w: Vec<char> = word.chars().collect();
    for &(op, at, c) in edits {
        let at = at % (w.len() + 1);
        match op % 4 {
            0 if at < w.len() => w[at] = c,
            1 => w.insert(at, c),
            2 if at < w.len() => _ = w.remove(at),
            3 if at + 1 < w.len() => w.swap(at, at + 1),
            _ => {}
        }
    }
    format!("{before}{}{after}", w.into_iter().collect::<String>())
}

proptest::proptest! {
    #[test]
    fn typos_are_one_edit_as_an_edit_distance_counts_them(
        word in "[abc]{1,8}",
        edits in proptest::collection::vec((0u8..4, 0usize..9, proptest::sample::select(vec!['a', 'b', 'c', ' ', '.'])), 0..3),
        before in "[abc .]{0,4}",
        after in "[abc .]{0,4}",
    ) {
        let text = edited(&word, &edits, &before, &after);
        proptest::prop_assert_eq!(close(&word, &text), close_by_definition(&word, &text), "{:?} in {:?}", word, text);
    }
}
