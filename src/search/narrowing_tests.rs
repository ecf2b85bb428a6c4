//! The fast paths must not change answers: the byte prefilter and masks
//! against a plain matcher, narrowing and the backspace cache against fresh
//! searches; plus cancellation, progress batches and the worker.

use std::sync::Arc;
use std::time::Duration;

use fuzzy_matcher::FuzzyMatcher;
use proptest::prelude::*;

use super::candidates::{Candidates, Scan};
use super::tests::info;
use super::*;
use crate::outline::Block;

fn fresh(o: &Outline, input: &str, scope: Scope) -> Ranked {
    Index::new(o)
        .search(o, &Query::parse(input), scope, &|| false)
        .expect("never cancelled")
}

fn matchings() -> impl Strategy<Value = Matching> {
    prop_oneof![Just(Matching::Fuzzy), Just(Matching::Exact)]
}

/// `Index::scan` to the end, without progress reports.
fn scan(index: &Index, o: &Outline, query: &Query, scope: Scope, candidates: Candidates<'_>) -> index::Found {
    let request = Scan {
        query,
        scope,
        candidates,
        fold_copies: true,
    };
    index.scan(o, request, &|| false, None).expect("never cancelled")
}

/// The query's meaning written out directly: SkimMatcherV2 on every text,
/// `str` methods with ASCII folding for the exact kinds.
fn naive_matches(text: &str, q: &Query) -> bool {
    q.terms().iter().all(|t| {
        let cs = t.case_sensitive;
        let fold = |s: &str| if cs { s.to_string() } else { s.to_ascii_lowercase() };
        let (x, p) = (fold(text), fold(&t.text));
        let hit = match t.kind {
            TermKind::Fuzzy => plan::matcher(cs).fuzzy_match(text, &t.text).is_some(),
            TermKind::Exact => x.contains(&p),
            TermKind::Prefix => x.starts_with(&p),
            TermKind::Suffix => x.ends_with(&p),
            TermKind::Whole => x == p,
        };
        hit != t.negated
    })
}

/// A hit's score written out: each positive fuzzy term's SkimMatcherV2
/// score, a fixed part for each other positive term, the node's bonus.
fn naive_score(o: &Outline, node: usize, q: &Query) -> i32 {
    let terms = q.terms().iter().filter(|t| !t.negated);
    let text = o.text(node);
    let term = |t: &Term| match t.kind {
        TermKind::Fuzzy => plan::matcher(t.case_sensitive)
            .fuzzy_match(text, &t.text)
            .expect("a hit"),
        _ => plan::EXACT_TERM_SCORE,
    };
    let bonus = match o.kind(node) {
        Kind::Session => SESSION_BONUS,
        _ if o.has_children(node) => TOPIC_BONUS,
        _ => 0,
    };
    (terms.map(term).sum::<i64>() + bonus) as i32
}

fn texts() -> impl Strategy<Value = String> {
    "[aAbBcü .-]{0,10}"
}

fn outlines() -> impl Strategy<Value = Outline> {
    let block = (0u32..3, 0usize..5, texts());
    prop::collection::vec(block, 0..40).prop_map(|bs| {
        let kinds = [Kind::Session, Kind::Heading, Kind::Bullet, Kind::Paragraph, Kind::Code];
        let blocks: Vec<Block> = bs
            .into_iter()
            .enumerate()
            .map(|(i, (d, k, t))| Block::new(d, kinds[k], t, i as u32 + 1))
            .collect();
        let mut o = Outline::new();
        let half = blocks.len() / 2;
        o.push_document("Doc ab", info(), &blocks[..half]);
        o.push_document("doc b", info(), &blocks[half..]);
        o
    })
}

fn queries() -> impl Strategy<Value = String> {
    "([!'^]{0,2}[aAbBcü.-]{0,3}[$]? ?){1,3}"
}

fn ops() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just(""), Just("!"), Just("'"), Just("^"), Just("!^")]
}

fn ends() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just(""), Just("$")]
}

fn scopes() -> impl Strategy<Value = Scope> {
    prop_oneof![Just(Scope::All), Just(Scope::Sessions)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// `b` is `a` with a char maybe added at either end of each term, its
    /// operators maybe re-rolled, or its text replaced: near pairs, for which
    /// `narrows` must decide right. When it says yes, no text may match `b`
    /// without matching `a`.
    #[test]
    fn narrows_is_sound(
        a in prop::collection::vec((ops(), "[aAb]{1,2}", ends()), 1..3),
        edits in prop::collection::vec((ops(), "[aAb]?", "[aAb]?", ends(), 0..5), 3),
        texts in prop::collection::vec("[aAbB ]{0,6}", 30),
    ) {
        let term = |(o, t, e): &(&str, String, &str)| format!("{o}{t}{e}");
        let b: Vec<String> = a
            .iter()
            .zip(&edits)
            .map(|((o, t, e), (o2, front, back, e2, how))| {
                let (o, e) = if *how > 2 { (*o2, *e2) } else { (*o, *e) };
                let t = if *how == 4 { "" } else { t };
                format!("{o}{front}{t}{back}{e}")
            })
            .collect();
        let a: Vec<String> = a.iter().map(term).collect();
        let (qa, qb) = (Query::parse(&a.join(" ")), Query::parse(&b.join(" ")));
        if qb.narrows(&qa) {
            for t in &texts {
                prop_assert!(!naive_matches(t, &qb) || naive_matches(t, &qa), "{:?} in {:?}", t, qb);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Hits and scores as the query says, in either mode; close ones
    /// (as `close` judges a text) first, each tier best first.
    #[test]
    fn index_agrees_with_a_plain_matcher(
        o in outlines(), input in queries(), scope in scopes(), matching in matchings()
    ) {
        let q = Query::parse_with(&input, matching);
        let ranked = Index::new(&o).search(&o, &q, scope, &|| false).expect("never cancelled");
        let mut got = ranked.to_vec();
        got.sort_unstable_by_key(|h| h.node);
        let want: Vec<Hit> = (0..o.len())
            .filter(|&i| !q.is_empty() && searched(o.kind(i), scope) && naive_matches(o.text(i), &q))
            .map(|i| Hit { node: i as u32, score: naive_score(&o, i, &q) })
            .collect();
        prop_assert_eq!(got, want);
        let closeness = close::Closeness::new(&q);
        let tier = |h: &Hit| if closeness.is_close(o.text(h.node as usize)) { Tier::Close } else { Tier::Loose };
        let tiers: Vec<Tier> = ranked.iter().map(tier).collect();
        prop_assert_eq!(ranked.close, tiers.iter().filter(|&&t| t == Tier::Close).count());
        prop_assert!((0..ranked.len()).all(|i| ranked.tier(i) == tiers[i]));
        let keys: Vec<(Tier, u64)> = ranked.iter().zip(&tiers).map(|(h, &t)| (t, rank_key(h))).collect();
        prop_assert!(keys.windows(2).all(|w| w[0] < w[1]), "{:?}", keys);
    }

    /// Several terms over few letters, so that most texts match some and
    /// many match all: each term's part of a score, whichever term the
    /// plan scores first.
    #[test]
    fn a_score_is_the_sum_of_its_terms(
        texts in prop::collection::vec("[abc -]{0,14}", 1..40),
        input in "([!']?[abc]{1,4} ){1,3}",
    ) {
        let blocks: Vec<Block> = texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| Block::new(0, Kind::Bullet, t, i as u32 + 1))
            .collect();
        let mut o = Outline::new();
        o.push_document("Doc", info(), &blocks);
        let q = Query::parse(&input);
        let mut got = fresh(&o, &input, Scope::All).to_vec();
        got.sort_unstable_by_key(|h| h.node);
        let want: Vec<Hit> = (0..o.len())
            .filter(|&i| searched(o.kind(i), Scope::All) && naive_matches(o.text(i), &q))
            .map(|i| Hit { node: i as u32, score: naive_score(&o, i, &q) })
            .collect();
        prop_assert_eq!(got, want);
    }

    /// `--search` skips the char masks; its hits, scores and order must
    /// not change.
    #[test]
    fn a_single_search_without_masks_equals_the_indexed_one(o in outlines(), input in queries(), scope in scopes()) {
        let q = Query::parse(&input);
        let one = Index::for_one_search(&o).search(&o, &q, scope, &|| false);
        prop_assert_eq!(one, Some(fresh(&o, &input, scope)));
    }

    /// Type `input` a char at a time, then delete it again: at every step
    /// the searcher must answer exactly as a fresh search.
    #[test]
    fn typing_and_backspace_match_fresh_searches(
        o in outlines(), input in queries(), scope in scopes(), matching in matchings()
    ) {
        let mut s = Searcher::new(Arc::new(o.clone()));
        let options = Options { scope, matching, all_copies: false };
        let cuts: Vec<usize> = input.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
        for &end in cuts.iter().chain(cuts.iter().rev()) {
            let typed = &input[..end];
            let got = s.search(typed, options, &|| false, &mut |_| {}).expect("never cancelled");
            let want = find(&o, typed, options);
            prop_assert_eq!(&got, &want, "at {:?}", typed);
        }
    }

    /// `b` is `a` edited the ways typing does (text added at the end, a
    /// term added in front) or an unrelated query that `narrows` accepts.
    #[test]
    fn narrowed_search_equals_fresh(
        o in outlines(), a in queries(), extra in queries(), how in 0..3, scope in scopes()
    ) {
        let b = match how {
            0 => format!("{a}{extra}"),
            1 => format!("{extra} {a}"),
            _ => extra,
        };
        let (qa, qb) = (Query::parse(&a), Query::parse(&b));
        prop_assume!(qb.narrows(&qa) && !qa.is_empty());
        let index = Index::new(&o);
        let prev = index.search(&o, &qa, Scope::All, &|| false).unwrap();
        let narrowed = index.search_within(&o, &qb, scope, &prev[..], &|| false).unwrap();
        prop_assert_eq!(&narrowed, &fresh(&o, &b, scope));
        // Knowing the earlier query, scores of unchanged terms are reused.
        let reused = scan(&index, &o, &qb, scope, Candidates::HitsOf { hits: &prev, query: &qa, records: None, classes: None });
        prop_assert_eq!(&reused.ranked(), &narrowed);
        // The earlier hits in document order, as the searcher keeps them to
        // scan within: the same hits, and the same result.
        let earlier = scan(&index, &o, &qa, Scope::All, Candidates::All);
        prop_assert_eq!(&Ranked::new(earlier.ranked.clone(), earlier.close), &prev);
        prop_assert!(earlier.by_node.windows(2).all(|w| w[0].node < w[1].node));
        let mut same = earlier.ranked.clone();
        same.sort_by_key(|h| h.node);
        prop_assert_eq!(&same, &earlier.by_node);
        // With the earlier search's records of its last term, if it kept
        // them: a term typed one more char is scored from them.
        // And which of them were loose, which stay loose if `b` keeps them so.
        let base = Candidates::HitsOf {
            hits: &earlier.by_node,
            query: &qa,
            records: earlier.records.as_ref(),
            classes: Some(&earlier.classes),
        };
        let within = scan(&index, &o, &qb, scope, base);
        prop_assert_eq!(&within.ranked(), &narrowed);
    }
}

#[test]
fn backspace_restores_the_remembered_result() {
    let o = Arc::new(big(100));
    let mut s = Searcher::new(o);
    let mut run = |q: &str| s.search(q, Scope::All, &|| false, &mut |_| {}).unwrap();
    let rie = run("rie");
    let riem = run("riem");
    assert!(riem.len() < rie.len());
    assert!(Arc::ptr_eq(&run("rie").hits, &rie.hits));
    assert!(
        !Arc::ptr_eq(&run("riem").hits, &riem.hits),
        "a popped result is forgotten"
    );
}

/// `n` bullets, every third about riemann.
fn big(n: usize) -> Outline {
    let blocks: Vec<Block> = (0..n)
        .map(|i| {
            let text = if i % 3 == 0 {
                format!("riemann note {i}")
            } else {
                format!("other note {i} rie")
            };
            Block::new(0, Kind::Bullet, text, i as u32 + 1)
        })
        .collect();
    let mut o = Outline::new();
    o.push_document("big", info(), &blocks);
    o
}

#[test]
fn cancellation_stops_between_chunks() {
    let o = big(100_000);
    let index = Index::new(&o);
    let q = Query::parse("note");
    let checks = std::cell::Cell::new(0);
    let cancel = || {
        checks.set(checks.get() + 1);
        checks.get() > 2
    };
    let mut last_scanned = 0;
    let got = index.search_progressive(&o, &q, Scope::All, &cancel, &mut |b| last_scanned = b.scanned);
    assert!(got.is_none());
    assert_eq!(checks.get(), 3, "no chunk is scored after the flag is seen");
    assert!(last_scanned > 0 && last_scanned < o.len());
    assert!(index.search(&o, &q, Scope::All, &|| true).is_none());
}

/// `n` bullets: one in a hundred holds "riemann", a third its letters
/// apart, and the rest neither.
fn mixed(n: usize) -> Outline {
    let blocks: Vec<Block> = (0..n)
        .map(|i| {
            let text = match i % 3 {
                _ if i % 100 == 0 => format!("riemann note {i}"),
                0 => format!("rie and mann {i}"),
                _ => format!("other note {i}"),
            };
            Block::new(0, Kind::Bullet, text, i as u32 + 1)
        })
        .collect();
    let mut o = Outline::new();
    o.push_document("mixed", info(), &blocks);
    o
}

/// Every report holds the best hits of the nodes scanned so far, close ones
/// first, as the final ranking orders them.
#[test]
fn progress_batches_are_ranked_prefixes_of_the_scan() {
    let o = mixed(100_000);
    let index = Index::new(&o);
    let q = Query::parse("riemann");
    let mut batches: Vec<(Vec<Hit>, usize, usize, usize)> = Vec::new();
    let done = index
        .search_progressive(&o, &q, Scope::All, &|| false, &mut |b| {
            batches.push((b.hits.to_vec(), b.close, b.scanned, b.total))
        })
        .unwrap();
    assert_eq!(done, fresh(&o, "riemann", Scope::All));
    assert_eq!((done.close, done.loose()), (1000, 33_000));
    assert!(batches.len() >= 3);
    // A third of the bullets match: every report is full, and the first
    // ones hold some of each tier.
    assert!(batches.iter().all(|(hits, ..)| hits.len() == super::rank::BATCH_TOP));
    assert!(batches[0].1 > 0 && batches[0].1 < super::rank::BATCH_TOP);
    let tier_of: std::collections::HashMap<u32, Tier> =
        done.iter().enumerate().map(|(i, h)| (h.node, done.tier(i))).collect();
    let tiered = |h: &Hit| (tier_of[&h.node], rank_key(h));
    for (hits, close, scanned, total) in &batches {
        assert_eq!(*total, o.len());
        let mut want: Vec<Hit> = done.iter().filter(|h| (h.node as usize) < *scanned).copied().collect();
        want.sort_by_key(tiered);
        want.truncate(super::rank::BATCH_TOP);
        assert_eq!(hits, &want);
        let want_close = want.iter().filter(|h| tiered(h).0 == Tier::Close).count();
        assert_eq!(*close, want_close);
    }
}

#[test]
fn worker_delivers_the_latest_generation() {
    let o = Arc::new(big(50_000));
    let worker = SearchWorker::spawn(o.clone());
    for q in ["r", "ri", "rie", "riemann", "riemann 12"] {
        worker.submit(q, Scope::All);
    }
    let last = worker.generation();
    let done = loop {
        let r = worker.recv_timeout(Duration::from_secs(60)).expect("worker answers");
        assert_eq!(r.generation, last, "stale results are dropped");
        if r.is_complete() {
            break r;
        }
    };
    assert_eq!(done.query, "riemann 12");
    let want = fresh(&o, "riemann 12", Scope::All);
    assert_eq!((&done.hits, done.close), (&want.hits, want.close));
    let g = worker.submit("", Scope::Sessions);
    let empty = worker.recv_timeout(Duration::from_secs(60)).expect("worker answers");
    assert_eq!((empty.generation, empty.hits.len()), (g, 0));
    assert!(worker.try_recv().is_none());
}
