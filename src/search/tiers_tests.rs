//! Close hits before loose ones, exact mode, and copies folded, on small
//! outlines: the ranking a reader sees, and what `--search` prints.

use super::*;
use crate::outline::{build_outline, parse_document, Block};

fn bullets(texts: &[&str]) -> Outline {
    let blocks: Vec<Block> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Block::new(0, Kind::Bullet, *t, i as u32 + 1))
        .collect();
    let mut o = Outline::new();
    o.push_document("notes", tests::info(), &blocks);
    o
}

/// (text, tier) of each hit, in rank order.
fn ranked<'o>(o: &'o Outline, query: &str, options: Options) -> Vec<(&'o str, Tier)> {
    let r = find(o, query, options);
    r.iter()
        .enumerate()
        .map(|(i, h)| (o.text(h.node as usize), r.tier(i)))
        .collect()
}

fn exact() -> Options {
    Options {
        matching: Matching::Exact,
        ..Options::default()
    }
}

/// Two texts holding the word, two its letters apart: over a sentence, and
/// over three words that SkimMatcherV2 scores above the word itself.
const MENTORING: [&str; 4] = [
    "we’ve come to the realization that part of the solution is hiring",
    "Session 5: mentoring matters",
    "what did mentoring give you?",
    "men to ring the bell on Tuesday at noon",
];

#[test]
fn whole_words_rank_before_letters_found_apart() {
    let o = bullets(&MENTORING);
    let r = find(&o, "mentoring", Options::default());
    let tiers: Vec<(u32, Tier)> = r.iter().enumerate().map(|(i, h)| (h.node, r.tier(i))).collect();
    assert_eq!((r.close, r.loose()), (2, 2), "{tiers:?}");
    let mut close: Vec<u32> = r[..2].iter().map(|h| h.node).collect();
    close.sort_unstable();
    assert_eq!(close, [2, 3], "the texts holding the word");
    // Each tier best first; the tier decides before the score: a loose
    // hit scores above a close one, yet comes after it.
    assert!(r[0].score >= r[1].score && r[2].score >= r[3].score);
    assert!(r[2].score > r[1].score, "{:?}", &r[..]);
    // n and N: the close hits in document order, then the loose ones.
    let loose: Vec<u32> = r[2..].iter().map(|h| h.node).collect();
    assert!(loose.contains(&1) && loose.contains(&4));
    assert_eq!(stepping_order(&r, r.close, o.len()), vec![2, 3, 1, 4]);
}

#[test]
fn a_typo_in_a_long_word_is_close_and_a_short_word_has_none() {
    let o = bullets(&["stop mentoring now", "the mentor speaks", "a cat in a hat"]);
    // One char missing from a word of eight: close.
    assert_eq!(
        ranked(&o, "mentorng", Options::default()),
        [("stop mentoring now", Tier::Close)]
    );
    // A word half typed is close where a text word starts with it.
    assert_eq!(
        ranked(&o, "mentori", Options::default()),
        [("stop mentoring now", Tier::Close)]
    );
    // "cht" (a typo of "cat"?) is too short to be forgiven.
    assert_eq!(
        ranked(&o, "caht", Options::default()),
        [("a cat in a hat", Tier::Loose)]
    );
}

#[test]
fn every_word_of_the_query_must_be_close() {
    let o = bullets(&[
        "avoid the long tail",
        "avoid the tail, going along",
        "a void, the long tail",
    ]);
    let got = ranked(&o, "avoid the long tail", Options::default());
    assert_eq!(got[0], ("avoid the long tail", Tier::Close));
    assert!(got[1..].iter().all(|&(_, t)| t == Tier::Loose), "{got:?}");
    assert_eq!(got.len(), 3);
}

#[test]
fn exact_mode_needs_every_word_as_typed_and_a_quote_makes_one_fuzzy() {
    let o = bullets(&MENTORING);
    assert_eq!(
        ranked(&o, "mentoring", exact()),
        [(MENTORING[1], Tier::Close), (MENTORING[2], Tier::Close)]
    );
    // 'word is fuzzy again, as in fzf --exact.
    assert_eq!(find(&o, "'mentoring", exact()).len(), 4);
    // Inside a word is loose, in exact mode as in fuzzy.
    let o = bullets(&["the other one", "then another"]);
    assert_eq!(
        ranked(&o, "the", exact()),
        [("the other one", Tier::Close), ("then another", Tier::Close)]
    );
    assert_eq!(
        ranked(&o, "other", exact()),
        [("the other one", Tier::Close), ("then another", Tier::Loose)]
    );
}

#[test]
fn the_rest_of_fzf_syntax_still_filters_and_anchors_are_close() {
    let o = bullets(&MENTORING);
    assert_eq!(ranked(&o, "mentoring !matters", Options::default()).len(), 3);
    let anchored = find(&o, "^what", Options::default());
    assert_eq!((anchored.len(), anchored.close), (1, 1));
    assert_eq!(ranked(&o, "mentoring tuesday$", Options::default()), []);
    assert_eq!(
        ranked(&o, "mentoring 'tues", Options::default()),
        [(MENTORING[3], Tier::Loose)]
    );
    // "ring" starts no word of "mentoring": loose there, as exact "men" is
    // close at its start.
    let got = ranked(&o, "'men ring", Options::default());
    assert_eq!(got[0], (MENTORING[3], Tier::Close));
    assert_eq!(got[1..], [(MENTORING[1], Tier::Loose), (MENTORING[2], Tier::Loose)]);
}

const TALK: [&str; 8] = [
    "monitoring with sensu and graphite",
    "we push data over rabbitmq to a central graphite",
    "is anyone using riemann for events?",
    "riemann does events as well as numbers",
    "snmp did not scale for the shared web servers",
    "teams spin up their own graphite instances",
    "how do you get developers to add metrics?",
    "we cull metrics nobody has looked at in a month",
];

/// The talk as Markdown, and again (after an unrelated file) as plain text
/// with its notes reordered, re-indented, recased and punctuated anew.
fn two_copies() -> Outline {
    let mut md = String::from("# Scale Summit\n\n## Session 1: monitoring\n\n");
    for n in TALK {
        md.push_str(&format!("- {n}\n"));
    }
    let mut plain = String::from("Scale notes\n\nMonitoring session\n");
    for n in TALK.iter().rev() {
        plain.push_str(&format!("      * {}!\n", n.replace('?', "").to_uppercase()));
    }
    let other = "# Other\n\n## Databases\n\n- riemann was mentioned once\n- and nothing else of it\n";
    let docs = [("a.md", md), ("b.md", other.to_string()), ("c.txt", plain)]
        .iter()
        .map(|(name, text)| parse_document(text.as_bytes(), name).expect("notes"))
        .collect();
    build_outline(docs)
}

#[test]
fn a_copys_hits_fold_into_the_first_files_unless_all_copies_are_asked() {
    let o = two_copies();
    let docs: Vec<usize> = o.documents().collect();
    let in_doc = |hits: &Ranked, d: usize| {
        hits.iter()
            .filter(|h| o.document_of(h.node as usize) == docs[d])
            .count()
    };
    let folded = find(&o, "riemann", Options::default());
    assert_eq!([in_doc(&folded, 0), in_doc(&folded, 1), in_doc(&folded, 2)], [2, 1, 0]);
    assert_eq!(folded.close, 3);
    let all = find(
        &o,
        "riemann",
        Options {
            all_copies: true,
            ..Options::default()
        },
    );
    assert_eq!([in_doc(&all, 0), in_doc(&all, 1), in_doc(&all, 2)], [2, 1, 2]);
    assert_eq!(all.close, 5);
    // The folded hit knows where else its note is, and the copy where it
    // came from; a note held once is held nowhere else.
    let first = folded.iter().find(|h| o.text(h.node as usize) == TALK[3]).unwrap().node as usize;
    let copies = also_in(&o, first);
    assert_eq!(copies.len(), 1);
    assert_eq!(o.document_of(copies[0]), docs[2]);
    assert_eq!(also_in(&o, copies[0]), vec![first]);
    let once = folded
        .iter()
        .find(|h| o.document_of(h.node as usize) == docs[1])
        .unwrap();
    assert!(also_in(&o, once.node as usize).is_empty());
}

#[test]
fn a_copys_hit_stays_when_its_original_does_not_match() {
    let o = two_copies();
    // Only the copy is upper case: a capital query matches it alone.
    let hits = find(&o, "RIEMANN DOES", Options::default());
    assert_eq!(hits.len(), 1);
    assert_eq!(o.document_of(hits[0].node as usize), o.documents().nth(2).unwrap());
}

#[test]
fn typing_on_a_searcher_folds_as_a_fresh_search_does() {
    let o = std::sync::Arc::new(two_copies());
    let mut s = Searcher::new(o.clone());
    for typed in ["r", "ri", "rie", "riem", "riemann", "riemann d", "RIEMANN D", "riemann"] {
        for all_copies in [false, true] {
            let options = Options {
                all_copies,
                ..Options::default()
            };
            let got = s.search(typed, options, &|| false, &mut |_| {}).unwrap();
            assert_eq!(got, find(&o, typed, options), "{typed:?}, all copies: {all_copies}");
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// Typing a query a char at a time, then a longer word in front of it
    /// (which narrows, but is no longer form of it): each answer, tiers
    /// included, is a fresh search's. Texts and words over three letters,
    /// long enough for typos.
    #[test]
    fn typing_tiers_hits_as_a_fresh_search(
        texts in proptest::collection::vec("[abcA .]{0,16}", 1..30),
        input in "[abcA]{1,7}( [abc]{1,6})?",
        front in "[abc]{1,2}",
    ) {
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let o = std::sync::Arc::new(bullets(&texts));
        let mut s = Searcher::new(o.clone());
        let cuts = input.char_indices().map(|(i, c)| i + c.len_utf8());
        let typed: Vec<String> = cuts.map(|end| input[..end].to_string()).chain([format!("{front}{input}")]).collect();
        for q in &typed {
            let got = s.search(q, Options::default(), &|| false, &mut |_| {}).unwrap();
            proptest::prop_assert_eq!(&got, &find(&o, q, Options::default()), "{:?}", q);
        }
    }
}
