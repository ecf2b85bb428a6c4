//! Query semantics, ranking, highlighting and breadcrumbs on small outlines
//! drawn in comments, plus the two checks on the bundled seeds.

use super::*;
use crate::outline::{Block, DocInfo};

pub(crate) fn info() -> DocInfo {
    DocInfo::for_tests()
}

//  0 Conf 2015                               document
//  1 ├─ Using Persistent Memory              session
//  2 │  ├─ persistent memory is addressable  bullet
//  3 │  └─ let persistent = 1;               code
//  4 ├─ Day 1                                group
//  5 │  └─ Riemann at scale                  session
//  6 │     ├─ Setup                          heading
//  7 │     │  └─ is anyone using riemann?    bullet
//  8 │     └─ µservices are naïve            paragraph
//  9 └─ loose note about memory              bullet
fn conf() -> Outline {
    let mut o = Outline::new();
    let blocks = [
        Block::new(0, Kind::Session, "Using Persistent Memory", 1),
        Block::new(1, Kind::Bullet, "persistent memory is addressable", 2),
        Block::new(1, Kind::Code, "let persistent = 1;", 3),
        Block::new(0, Kind::Group, "Day 1", 4),
        Block::new(1, Kind::Session, "Riemann at scale", 5),
        Block::new(2, Kind::Heading, "Setup", 6),
        Block::new(3, Kind::Bullet, "is anyone using riemann?", 7),
        Block::new(2, Kind::Paragraph, "µservices are naïve", 8),
        Block::new(0, Kind::Bullet, "loose note about memory", 9),
    ];
    o.push_document("Conf 2015", info(), &blocks);
    o
}

fn nodes(o: &Outline, query: &str, scope: Scope) -> Vec<u32> {
    find(o, query, scope).iter().map(|h| h.node).collect()
}

fn sorted(o: &Outline, query: &str) -> Vec<u32> {
    let mut v = nodes(o, query, Scope::All);
    v.sort_unstable();
    v
}

#[test]
fn empty_query_finds_nothing() {
    let o = conf();
    assert!(find(&o, "", Scope::All).is_empty());
    assert!(find(&o, "  ! ", Scope::All).is_empty());
}

#[test]
fn all_terms_must_match() {
    let o = conf();
    assert_eq!(sorted(&o, "riemann"), vec![5, 7]);
    assert_eq!(sorted(&o, "riemann using"), vec![7]);
    assert_eq!(sorted(&o, "using riemann scale"), Vec::<u32>::new());
}

#[test]
fn each_term_type_matches_as_documented() {
    let o = conf();
    assert_eq!(sorted(&o, "'memory"), vec![1, 2, 9]);
    assert_eq!(sorted(&o, "^persistent"), vec![2]);
    assert_eq!(sorted(&o, "memory$"), vec![1, 9]);
    assert_eq!(sorted(&o, "^setup$"), vec![6]);
    // Fuzzy allows gaps, exact does not.
    assert_eq!(sorted(&o, "rmnscl"), vec![5]);
    assert!(sorted(&o, "'rmnscl").is_empty());
}

#[test]
fn smart_case_applies_to_every_term_type() {
    let o = conf();
    assert_eq!(sorted(&o, "riemann"), vec![5, 7]);
    assert_eq!(sorted(&o, "Riemann"), vec![5]);
    assert_eq!(sorted(&o, "'Riem"), vec![5]);
    assert_eq!(sorted(&o, "^riem"), vec![5]);
    assert!(sorted(&o, "^Is").is_empty());
    assert_eq!(sorted(&o, "memory !Persistent"), vec![2, 9]);
    assert_eq!(sorted(&o, "memory !persistent"), vec![9]);
    // Case folding is ASCII-only, as in SkimMatcherV2: µ is not Μ.
    assert!(sorted(&o, "Μservices").is_empty());
}

#[test]
fn exclusion_drops_nodes_containing_the_term() {
    let o = conf();
    assert_eq!(sorted(&o, "riemann !scale"), vec![7]);
    assert_eq!(sorted(&o, "memory !^loose"), vec![1, 2]);
    assert_eq!(sorted(&o, "memory !memory$"), vec![2]);
}

/// A day is a place to jump to by name; code is not prose, a file's title
/// is not searched (see `searched`), and talk-titles-only scope keeps to talks.
#[test]
fn day_titles_are_searched_code_and_file_titles_are_not() {
    let o = conf();
    assert!(sorted(&o, "'conf").is_empty());
    assert_eq!(sorted(&o, "'day"), vec![4]);
    assert!(sorted(&o, "'let").is_empty());
    assert!(nodes(&o, "'day", Scope::Sessions).is_empty());
}

#[test]
fn sessions_scope_sees_only_talk_titles() {
    let o = conf();
    assert_eq!(nodes(&o, "riemann", Scope::Sessions), vec![5]);
    assert_eq!(nodes(&o, "memory", Scope::Sessions), vec![1]);
    assert!(nodes(&o, "setup", Scope::Sessions).is_empty());
}

//  0 doc
//  1 ├─ Riemann                 bullet
//  2 ├─ Riemann                 session
//  3 ├─ Riemann                 bullet
//  4 ├─ Grief, emotion, and manners  session, a poor match
//  5 └─ riemann                 bullet, 2 better than "Riemann" (case)
#[test]
fn sessions_win_ties_but_not_clearly_better_bullets() {
    let mut o = Outline::new();
    let blocks = [
        Block::new(0, Kind::Bullet, "Riemann", 1),
        Block::new(0, Kind::Session, "Riemann", 2),
        Block::new(0, Kind::Bullet, "Riemann", 3),
        Block::new(0, Kind::Session, "Grief, emotion, and manners", 4),
        Block::new(0, Kind::Bullet, "riemann", 5),
    ];
    o.push_document("doc", info(), &blocks);
    let hits = find(&o, "riemann", Scope::All);
    let order: Vec<u32> = hits.iter().map(|h| h.node).collect();
    // The session beats the same text as a bullet, and the near-tie of a
    // case mismatch; equal bullets keep document order; the scattered
    // session stays last despite its bonus.
    assert_eq!(order, vec![2, 5, 1, 3, 4]);
    assert_eq!(hits[0].score, hits[2].score + SESSION_BONUS as i32);
}

#[test]
fn a_note_with_notes_under_it_outranks_a_bare_mention() {
    let mut o = Outline::new();
    let blocks = [
        Block::new(0, Kind::Bullet, "riemann", 1),
        Block::new(0, Kind::Bullet, "is anyone using riemann?", 2),
        Block::new(1, Kind::Bullet, "yes", 3),
        Block::new(0, Kind::Bullet, "we use riemann", 4),
    ];
    o.push_document("doc", info(), &blocks);
    let hits = find(&o, "riemann", Scope::All);
    assert_eq!(hits.iter().map(|h| h.node).collect::<Vec<_>>(), vec![2, 1, 4]);
    assert_eq!(hits[0].score, hits[2].score + TOPIC_BONUS as i32);
}

#[test]
fn equal_scores_keep_document_order() {
    let mut o = Outline::new();
    let b = |t| [Block::new(0, Kind::Bullet, t, 1), Block::new(0, Kind::Bullet, t, 2)];
    o.push_document("one", info(), &b("same note"));
    o.push_document("two", info(), &b("same note"));
    assert_eq!(nodes(&o, "same", Scope::All), vec![1, 2, 4, 5]);
    assert_eq!(nodes(&o, "'same", Scope::All), vec![1, 2, 4, 5]);
}

#[test]
fn highlight_gives_char_positions() {
    let o = conf();
    let hl = |q: &str| highlight(&o, 8, &Query::parse(q));
    // "µservices are naïve": µ and ï are two bytes each.
    assert_eq!(hl("services"), (1..9).collect::<Vec<_>>());
    assert_eq!(hl("'ve"), vec![17, 18]);
    assert_eq!(hl("ïve$"), vec![16, 17, 18]);
    assert_eq!(hl("^µs"), vec![0, 1]);
    assert_eq!(hl("'naïve"), vec![14, 15, 16, 17, 18]);
    // Union of the terms; excluded and unmatched terms add nothing.
    assert_eq!(hl("µs 'are !zzz"), vec![0, 1, 10, 11, 12]);
    assert!(hl("zzz").is_empty());
    let text: Vec<char> = o.text(8).chars().collect();
    assert_eq!(text[16], 'ï');
}

#[test]
fn breadcrumb_names_document_then_session() {
    let o = conf();
    assert_eq!(breadcrumb(&o, 7).to_string(), "Conf 2015 › Riemann at scale");
    assert_eq!(breadcrumb(&o, 2).to_string(), "Conf 2015 › Using Persistent Memory");
    assert_eq!(breadcrumb(&o, 5).to_string(), "Conf 2015");
    assert_eq!(breadcrumb(&o, 9).to_string(), "Conf 2015");
    assert_eq!(breadcrumb(&o, 0).to_string(), "Conf 2015");
}

#[test]
fn seeds_riemann_finds_the_question() {
    let o = crate::outline::load_seeds();
    let hits = find(&o, "riemann", Scope::All);
    let texts: Vec<&str> = hits.iter().map(|h| o.text(h.node as usize)).collect();
    assert_eq!(texts[0], "is anyone using riemann?");
    // The notes that name it come first, each once (the seeds hold them
    // twice: a copy's hits are folded into the first's).
    let naming = texts.iter().filter(|t| t.to_lowercase().contains("riemann")).count();
    assert!(naming >= 3, "{texts:?}");
    assert_eq!(hits.close, naming, "{texts:?}");
    let all = find(
        &o,
        "riemann",
        Options {
            all_copies: true,
            ..Options::default()
        },
    );
    assert_eq!(all.close, 2 * naming);
}

#[test]
fn seeds_wilcox_ranks_his_talk_first() {
    let o = crate::outline::load_seeds();
    let hits = find(&o, "wilcox", Scope::All);
    let first = hits[0].node as usize;
    assert_eq!(o.kind(first), Kind::Session);
    assert_eq!(
        o.text(first),
        "Using Persistent Memory for Fun and Profit by Matthew Wilcox"
    );
    assert_eq!(find(&o, "wilcox", Scope::Sessions)[0], hits[0]);
}

/// A score depends on the text and the query only, never on what was
/// scored before (SkimMatcherV2 keeps scratch state between calls).
#[test]
fn a_score_does_not_depend_on_earlier_scoring() {
    // A non-ASCII query is scored text by text, an ASCII one in lanes.
    for query in ["üüüa", "aa a"] {
        let q = Query::parse(query);
        let plan = plan::Plan::new(&q);
        let score = |texts: &[&str]| {
            let mut out = vec![None; texts.len()];
            plan.score_all(texts, &mut out);
            out
        };
        let text = "a-A aüüüa";
        let first = score(&[text])[0];
        let others = ["bA -ü a ü", "üüü üüü aaaa", "a ü a ü a ü a", "Doc abüA..A B cBü"];
        score(&others);
        assert_eq!(score(&[text])[0], first);
        assert_eq!(score(&[others[0], text, others[1]])[1], first);
        assert!(first.is_some(), "{query:?}");
    }
}

#[test]
fn hit_lines_keep_the_ranking_across_blocks() {
    // Enough hits to span several of the blocks formatted in parallel.
    let blocks: Vec<Block> = (0..5000)
        .map(|i| Block::new(0, Kind::Bullet, format!("note {i} on caching"), i + 1))
        .collect();
    let mut o = Outline::new();
    o.push_document("Doc", info(), &blocks);
    let hits = find(&o, "cach", Scope::All);
    assert_eq!(hits.len(), 5000);
    let printed: String = hit_lines(&o, &hits).map(|b| String::from_utf8(b).unwrap()).collect();
    let want: String = hits
        .iter()
        .map(|h| format!("{}\tDoc\t{}\n", h.score, o.text(h.node as usize)))
        .collect();
    assert_eq!(printed, want);
}

#[test]
fn rank_key_orders_by_score_down_then_node_up() {
    let scores = [i32::MIN, -70_000, -1, 0, 1, 16, 300, i32::MAX];
    let nodes = [0, 1, 7, u32::MAX];
    let hits: Vec<Hit> = scores
        .iter()
        .flat_map(|&score| nodes.iter().map(move |&node| Hit { node, score }))
        .collect();
    for a in &hits {
        for b in &hits {
            let want = b.score.cmp(&a.score).then(a.node.cmp(&b.node));
            assert_eq!(rank_key(a).cmp(&rank_key(b)), want, "{a:?} vs {b:?}");
        }
    }
}

/// A progress report: the best so far, then the best of what the next
/// chunk found above the worst of them, merged, is the best of both.
#[test]
fn a_report_keeps_the_best_of_old_and_new_hits() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};
    let k = rank::BATCH_TOP;
    let hits = prop::collection::vec(0..40i32, k..3 * k);
    TestRunner::new(Config::with_cases(32))
        .run(&(hits, 0..3 * k), |(scores, cut)| {
            let hits: Vec<Hit> = (0..).zip(&scores).map(|(node, &score)| Hit { node, score }).collect();
            let (old, new) = hits.split_at(cut.min(hits.len()));
            let top = rank::best(old, k);
            let merged = rank::merge_top(&top, &rank::best_above(new, top.get(k - 1)));
            prop_assert_eq!(merged, rank::best(&hits, k));
            Ok(())
        })
        .unwrap();
}

#[test]
fn ranking_by_buckets_equals_sorting() {
    use proptest::prelude::*;
    use proptest::test_runner::TestRunner;
    let scores = prop_oneof![0..300i32, any::<i32>()];
    let hits = prop::collection::vec((scores, 1..4u32), 0..400);
    TestRunner::default()
        .run(&hits, |v| {
            // In document order, as a scan finds them: nodes rise by a step.
            let mut node = 0;
            let hits: Vec<Hit> = v
                .iter()
                .map(|&(score, step)| {
                    node += step;
                    Hit { node, score }
                })
                .collect();
            let mut want = hits.clone();
            want.sort_by(|a, b| b.score.cmp(&a.score).then(a.node.cmp(&b.node)));
            prop_assert_eq!(rank::rank(&hits), want.clone());
            for k in [0, 1, 7, hits.len() / 2, hits.len()] {
                prop_assert_eq!(rank::best(&hits, k), &want[..k.min(want.len())]);
            }
            // Out of document order: still ranked.
            let mut shuffled = hits;
            shuffled.reverse();
            prop_assert_eq!(rank::rank(&shuffled), want);
            Ok(())
        })
        .unwrap();
}
