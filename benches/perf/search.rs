//! Search as the find pane does it: each prefix of a query typed in turn on
//! one `Searcher` (every extension scans only the previous hits), timed to
//! the first progressive batch and to the final ranking; then backspace
//! (a cache hit), and the whole query pasted into a fresh index.

use std::time::{Duration, Instant};
use talktree::search::{Index, Query, Ranked, Scope, Searcher};

use crate::corpus::Corpus;
use crate::timing::{measure, ms, runs_for, Timing};

pub const QUERIES: [&str; 2] = ["consistent hashing", "db"];

/// Every prefix of `q` that the find pane would search (trailing spaces
/// parse to the same query and are served from the cache).
fn prefixes(q: &str) -> Vec<&str> {
    q.char_indices().map(|(i, c)| &q[..i + c.len_utf8()]).collect()
}

struct Typed {
    first: Vec<Option<Duration>>,
    last: Vec<Duration>,
    /// (hits, close hits) after each prefix.
    hits: Vec<(usize, usize)>,
    backspace: Duration,
}

fn type_query(searcher: &mut Searcher, q: &str) -> Typed {
    let mut t = Typed {
        first: Vec::new(),
        last: Vec::new(),
        hits: Vec::new(),
        backspace: Duration::ZERO,
    };
    let mut forward: Vec<Ranked> = Vec::new();
    for p in prefixes(q) {
        let start = Instant::now();
        let mut first = None;
        let mut on_batch = |_: talktree::search::Batch<'_>| {
            first.get_or_insert_with(|| start.elapsed());
        };
        let hits = searcher
            .search(p, Scope::All, &|| false, &mut on_batch)
            .expect("never cancelled");
        t.last.push(start.elapsed());
        t.first.push(first);
        t.hits.push((hits.len(), hits.close));
        forward.push(hits);
    }
    let start = Instant::now();
    for (k, p) in prefixes(q).iter().enumerate().rev() {
        let hits = searcher.search(p, Scope::All, &|| false, &mut |_| {}).expect("cached");
        assert_eq!(hits, forward[k], "backspace to {p:?} restores the same hits");
    }
    t.backspace = start.elapsed();
    t
}

pub fn run(corpora: &[Corpus]) {
    println!("\n## search (ms per keystroke, median of runs; min in brackets)");
    for c in corpora {
        let (ti, index) = measure(3, || Index::new(&c.outline));
        println!(
            "\n### {} bullets: index built in {} ms, {} candidates",
            c.label(),
            ms(ti.median),
            c.outline.len()
        );
        for q in QUERIES {
            let runs = runs_for(c.bullets, 28);
            let typed: Vec<Typed> = (0..runs)
                .map(|_| type_query(&mut Searcher::new(c.outline.clone()), q))
                .collect();
            println!("| typed | hits (close) | first batch | final | pasted, fresh index |");
            println!("|---|---|---|---|---|");
            for (k, p) in prefixes(q).iter().enumerate() {
                let last = Timing::from(typed.iter().map(|t| t.last[k]).collect());
                let firsts: Vec<Duration> = typed.iter().filter_map(|t| t.first[k]).collect();
                let first = if firsts.is_empty() {
                    "-".to_string()
                } else {
                    ms(Timing::from(firsts).median)
                };
                let parsed = Query::parse(p);
                let (fresh, _) = measure(runs, || index.search(&c.outline, &parsed, Scope::All, &|| false));
                println!(
                    "| {p:?} | {} ({}) | {first} | {} [{}] | {} [{}] |",
                    typed[0].hits[k].0,
                    typed[0].hits[k].1,
                    ms(last.median),
                    ms(last.min),
                    ms(fresh.median),
                    ms(fresh.min)
                );
            }
            let back = Timing::from(typed.iter().map(|t| t.backspace).collect());
            println!("backspace through all of {q:?}: {} ms in all", ms(back.median));
        }
    }
}
