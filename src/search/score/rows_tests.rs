//! Records extended char by char give a fresh SkimMatcherV2's scores, as
//! records made from nothing do.

use fuzzy_matcher::FuzzyMatcher;
use proptest::prelude::*;

use super::rows::Extender;
use super::tests::text_and_pattern;
use crate::search::plan::matcher;

/// The term's score of `text` after each char of `term` typed in turn,
/// each from the record of the one before; and what a fresh record for
/// the whole term says. Stops at the first prefix that does not match.
fn typed(text: &str, term: &str, cs: bool, portable: bool) -> (Vec<Option<i64>>, Option<i64>) {
    let extender = |t: &str| {
        let e = Extender::new(t, cs).expect("an ASCII term");
        if portable {
            e.portable()
        } else {
            e
        }
    };
    let mut scores = Vec::new();
    let mut record: Vec<u32> = Vec::new();
    for end in 1..=term.len() {
        let ext = extender(&term[..end]);
        let mut next = Vec::new();
        let score = match end {
            1 => ext.start(text, &mut next),
            _ => ext.extend(text, &record, &mut next),
        };
        scores.push(score.map(i64::from));
        if score.is_none() {
            break;
        }
        assert_eq!(Extender::score_of(&next), score.unwrap());
        record = next;
    }
    let whole = extender(term).start(text, &mut Vec::new());
    (scores, whole.map(i64::from))
}

fn check(text: &str, term: &str, cs: bool) -> Result<(), TestCaseError> {
    for portable in [false, true] {
        let (scores, whole) = typed(text, term, cs, portable);
        for (end, got) in scores.iter().enumerate() {
            let want = matcher(cs).fuzzy_match(text, &term[..=end]);
            prop_assert_eq!(
                *got,
                want,
                "text {:?} term {:?} cs {} portable {}",
                text,
                &term[..=end],
                cs,
                portable
            );
        }
        let want = matcher(cs).fuzzy_match(text, term);
        prop_assert_eq!(whole, want, "from nothing: {:?} {:?} portable {}", text, term, portable);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    /// Texts rich in case changes, separators, repeated letters and
    /// non-ASCII chars; terms mostly drawn from the text, so that they
    /// match (see `tests::text_and_pattern`).
    #[test]
    fn extended_records_score_as_a_fresh_skim_matcher((text, term) in text_and_pattern(), cs in any::<bool>()) {
        let term: String = term.chars().filter(char::is_ascii).collect();
        let term = if cs { term } else { term.to_ascii_lowercase() };
        prop_assume!(!term.is_empty());
        check(&text, &term, cs)?;
    }

    /// Longer texts from a small alphabet: many cells a row, and the
    /// stale cells of the matrix quirk (see `score`) often read.
    #[test]
    fn extended_records_score_as_a_fresh_skim_matcher_on_repetitive_texts(
        text in "[abAB _]{0,80}",
        term in "[ab_]{1,8}",
        cs in any::<bool>(),
    ) {
        check(&text, &term, cs)?;
    }
}

#[test]
fn long_gaps_and_long_texts() {
    let long = format!("{}Consistent/hashing_in-Dynamo (2007) ü", "x".repeat(40_000));
    check(&long, "consistent", false).unwrap();
    check(&long, "ch", true).unwrap();
    // Past what a u16 column holds: scored whole, still exactly.
    let huge = format!("c{}onsistent", "é".repeat(40_000));
    check(&huge, "cons", false).unwrap();
}

#[test]
fn terms_it_does_not_keep() {
    assert!(Extender::new("é", false).is_none(), "non-ASCII");
    assert!(Extender::new("Con", false).is_none(), "folded terms are lowercase");
    assert!(Extender::new(&"a".repeat(201), true).is_none(), "too long");
    assert!(Extender::new("", true).is_none());
}

#[test]
fn extension_is_one_more_char_of_the_same_case() {
    let e = |t: &str, cs| Extender::new(t, cs).unwrap();
    assert!(e("co", false).is_extended_by(&e("con", false)));
    assert!(!e("co", false).is_extended_by(&e("cons", false)));
    assert!(!e("co", false).is_extended_by(&e("con", true)));
    assert!(!e("co", false).is_extended_by(&e("xon", false)));
}
