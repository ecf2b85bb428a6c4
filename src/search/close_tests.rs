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
fn one_typo_in_a_long_word_where_a_text_word_starts() {
    // Missing, added, replaced, swapped.
    assert!(close("mentring", "stop mentoring now"));
    assert!(close("mentorring", "stop mentoring now"));
    assert!(close("mentoting", "stop mentoring now"));
    assert!(close("mentroing", "stop mentoring now"));
    assert!(close("riemann", "rieman"));
    // Where a longer word starts, as a word's start is close: the typo is
    // the last char missing from "stat" or "mentorin".
    assert!(close("stats", "statement"));
    assert!(close("mentorinf", "mentorship and mentoring"));
    // Two edits, a typo in the first char, or a char put in that is no
    // letter.
    assert!(!close("mentrng", "stop mentoring now"));
    assert!(!close("tentoring", "stop mentoring now"));
    assert!(!close("statss", "stat.s"));
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
/// starts with the query word, or (five chars or more) starts with a string
/// one edit from it (optimal string alignment), their first chars equal.
fn close_by_definition(word: &str, text: &str) -> bool {
    let t: Vec<char> = text.chars().collect();
    let w: Vec<char> = word.chars().collect();
    (0..t.len())
        .filter(|&i| t[i].is_alphanumeric() && (i == 0 || !t[i - 1].is_alphanumeric()))
        .any(|i| {
            let end = i + t[i..].iter().take_while(|c| c.is_alphanumeric()).count();
            let tw = &t[i..end];
            let typo = |m: usize| m <= tw.len() && tw[0] == w[0] && edit_distance(&tw[..m], &w) <= 1;
            tw.starts_with(&w) || (w.len() >= TYPO_FROM && (w.len() - 1..=w.len() + 1).any(typo))
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

proptest::proptest! {
    /// Typing on keeps a loose text loose: a narrowing search reads only
    /// the texts that were close (see `keeps_loose_of`).
    #[test]
    fn a_loose_text_stays_loose_for_a_longer_word(
        word in "[abcA]{1,7}",
        more in "[abcA]{1,2}",
        other in "( [abc]{1,3})?",
        edits in proptest::collection::vec((0u8..4, 0usize..9, proptest::sample::select(vec!['a', 'b', 'A', ' '])), 0..3),
        before in "[abc .]{0,3}",
        after in "[abcA .]{0,3}",
    ) {
        let (short, long) = (Query::parse(&word), Query::parse(&format!("{word}{more}{other}")));
        let (short, long) = (Closeness::new(&short), Closeness::new(&long));
        let text = edited(&format!("{word}{more}"), &edits, &before, &after);
        if long.keeps_loose_of(&short) && !short.is_close(&text) {
            proptest::prop_assert!(!long.is_close(&text), "{:?} then {:?}{:?} in {:?}", word, more, other, text);
        }
    }
}

#[test]
fn which_longer_queries_keep_a_loose_text_loose() {
    let keeps = |a: &str, b: &str| Closeness::new(&Query::parse(b)).keeps_loose_of(&Closeness::new(&Query::parse(a)));
    assert!(keeps("rie", "riem"));
    assert!(keeps("riema", "riemann"));
    assert!(keeps("riemann", "riemann hashing"));
    assert!(keeps("riema", "riemaN"));
    assert!(keeps("^is riema", "riemann ^is"));
    // From five chars on a word may have a typo its start could not.
    assert!(!keeps("ment", "mento"));
    assert!(!keeps("riem", "riemann"));
    assert!(keeps("mento", "mentor"));
    // Another word, or the word anchored, is judged afresh.
    assert!(!keeps("riem", "graphite"));
    assert!(!keeps("riem", "^riemann"));
    assert!(!keeps("Riem", "riemann"));
}

proptest::proptest! {
    /// What a text's word-start bits tell is what reading it tells.
    #[test]
    fn word_start_bits_never_contradict_the_text(
        text in "[abcAB1 .ü-]{0,16}",
        query in "[!^']?[abcAB1ü.]{1,6}( [abcAB1]{1,3})?",
    ) {
        let c = Closeness::new(&Query::parse(&query));
        if let Some(told) = c.by_starts(starts::word_starts(&text)) {
            proptest::prop_assert_eq!(told, c.is_close(&text), "{:?} in {:?}", query, text);
        }
    }
}

#[test]
fn word_start_bits_tell_one_letter_words_and_rule_out_missing_starts() {
    let told = |q: &str, text: &str| Closeness::new(&Query::parse(q)).by_starts(starts::word_starts(text));
    assert_eq!(told("c", "a cat"), Some(true));
    assert_eq!(told("c", "a hat"), Some(false));
    assert_eq!(told("C", "a Cat"), None, "case is not in the bits");
    assert_eq!(told("cat", "a cap"), None, "read to know");
    assert_eq!(told("cat", "a cop"), Some(false), "no word starts with ca");
    assert_eq!(told("catalog", "a cop"), None, "a typo may change the second letter");
    assert_eq!(told(".net", "asp.net"), None);
}
