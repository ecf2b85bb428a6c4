//! The filtered tree of hits and the other view helpers at each corpus
//! size, for broad queries (most notes match): building the tree when the
//! reader enters it or a search's results change, folding in it, reading
//! a screen of rows, stepping through the hits and marking a screen of
//! rows. The search itself is timed in `search`.

use talktree::search::{self, in_document_order, Scope};
use talktree::view::{Highlighter, HitSteps, HitTree};

use crate::corpus::Corpus;
use crate::timing::{measure, ms, runs_for};

/// Broad queries: a letter matches almost every note; "db" about half.
const QUERIES: [&str; 2] = ["e", "db"];
const SCREEN: usize = 38;

pub fn run(corpora: &[Corpus]) {
    println!("\n## view (ms, min / median; filtered tree of hits for broad queries)");
    println!("| bullets | query | hits | rows | build (enter) | rebuild on new results, folds kept | fold + unfold a document | screen of rows | steps (n/N order) | marks for a screen |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for c in corpora {
        let o = &*c.outline;
        for q in QUERIES {
            let hits = search::find(o, q, Scope::All);
            let nodes = in_document_order(&hits, o.len());
            let runs = runs_for(c.bullets, 20);
            let (build, tree) = measure(runs, || HitTree::new(o, &nodes));
            let mut folded = tree.clone();
            folded.set_folded(0, true);
            let (rebuild, _) = measure(runs, || folded.update(o, &nodes));
            let mut t = tree.clone();
            let (fold, _) = measure(runs, || {
                t.set_folded(0, true);
                t.set_folded(0, false);
            });
            let mid = tree.len() / 2;
            let (screen, _) = measure(runs, || {
                (mid..mid + SCREEN)
                    .filter_map(|r| tree.row(r))
                    .map(|r| r.hits_below)
                    .sum::<u32>()
            });
            let (steps, _) = measure(runs, || HitSteps::new(&nodes));
            let h = Highlighter::new(q).expect("a query that marks");
            let (marks, _) = measure(runs, || {
                (mid..mid + SCREEN)
                    .filter_map(|r| tree.node_at(r))
                    .map(|n| h.runs(o.text(n)).len())
                    .sum::<usize>()
            });
            let cell = |t: crate::timing::Timing| format!("{} / {}", ms(t.min), ms(t.median));
            println!(
                "| {} | {q} | {} | {} | {} | {} | {} | {} | {} | {} |",
                c.label(),
                nodes.len(),
                tree.len(),
                cell(build),
                cell(rebuild),
                cell(fold),
                cell(screen),
                cell(steps),
                cell(marks)
            );
        }
    }
}
