//! The filtered tree against its definition: rows are exactly the hits and
//! their ancestors in document order, counts are the hits under each row,
//! folds hide exactly the folded subtrees.

use super::*;
use crate::outline::{Block, DocInfo, Kind};
use proptest::prelude::*;
use std::collections::BTreeSet;

/// Documents of blocks at the given depths (relative to the document).
pub(crate) fn outline_of(docs: &[&[u32]]) -> Outline {
    let mut o = Outline::new();
    for (d, depths) in docs.iter().enumerate() {
        let blocks: Vec<Block> = depths
            .iter()
            .enumerate()
            .map(|(i, &depth)| Block::new(depth, Kind::Bullet, format!("d{d} n{i}"), i as u32 + 1))
            .collect();
        o.push_document(&format!("doc {d}"), DocInfo::for_tests(), &blocks);
    }
    o
}

fn shown(t: &HitTree) -> Vec<usize> {
    (0..t.len()).filter_map(|r| t.node_at(r)).collect()
}

//  0 doc 0
//  1 ├─ a
//  2 │  ├─ b      hit
//  3 │  └─ c
//  4 │     └─ d   hit
//  5 └─ e
//  6 doc 1
//  7 └─ f         hit
//  8    └─ g      hit
#[test]
fn hits_with_their_ancestors_in_document_order_and_counts() {
    let o = outline_of(&[&[0, 1, 1, 2, 0], &[0, 1]]);
    let t = HitTree::new(&o, &[8, 4, 2, 7]);
    assert_eq!(shown(&t), vec![0, 1, 2, 3, 4, 6, 7, 8]);
    let rows: Vec<(usize, bool, u32)> = (0..t.len())
        .map(|r| t.row(r).unwrap())
        .map(|r| (r.node, r.hit, r.hits_below))
        .collect();
    assert_eq!(
        rows,
        vec![
            (0, false, 2),
            (1, false, 2),
            (2, true, 0),
            (3, false, 1),
            (4, true, 0),
            (6, false, 2),
            (7, true, 1),
            (8, true, 0),
        ]
    );
    assert_eq!(t.hit_count(), 4);
    assert_eq!(t.row_of(5), None, "e is neither a hit nor an ancestor");
    assert_eq!(t.row_of(7), Some(6));
}

#[test]
fn folding_hides_the_subtree_and_keeps_its_count() {
    let o = outline_of(&[&[0, 1, 1, 2, 0], &[0, 1]]);
    let mut t = HitTree::new(&o, &[2, 4, 7, 8]);
    t.set_folded(1, true); // a
    assert_eq!(shown(&t), vec![0, 1, 6, 7, 8]);
    assert!(t.row(1).unwrap().folded);
    assert_eq!(t.row(1).unwrap().hits_below, 2);
    assert_eq!(t.nearest_row(4), 1, "a folded-away hit lands on its shown ancestor");
    t.set_folded(t.row_of(6).unwrap(), true);
    assert_eq!(shown(&t), vec![0, 1, 6]);
    t.toggle_fold(1);
    assert_eq!(shown(&t), vec![0, 1, 2, 3, 4, 6]);
    // A hit with nothing shown under it does not fold.
    t.set_folded(2, true);
    assert!(!t.row(2).unwrap().folded);
    assert_eq!(t.parent_row(&o, t.row_of(4).unwrap()), t.row_of(3));
}

#[test]
fn new_hits_keep_the_folds_of_nodes_still_shown() {
    let o = outline_of(&[&[0, 1, 1, 2, 0], &[0, 1]]);
    let mut t = HitTree::new(&o, &[2, 4, 8]);
    t.set_folded(t.row_of(3).unwrap(), true);
    t.set_folded(t.row_of(6).unwrap(), true);
    t.update(&o, &[4, 5]);
    assert_eq!(shown(&t), vec![0, 1, 3, 5], "c still folded; doc 1 gone");
    assert!(t.row(2).unwrap().folded);
}

#[test]
fn no_hits_no_rows_and_bad_indices_ignored() {
    let o = outline_of(&[&[0, 1]]);
    let t = HitTree::new(&o, &[]);
    assert!(t.is_empty());
    assert_eq!(t.row(0), None);
    let t = HitTree::new(&o, &[99, 2, 2]);
    assert_eq!(shown(&t), vec![0, 1, 2]);
    assert_eq!(t.hit_count(), 1);
}

/// Depths that make a valid outline: each at most one deeper than the last.
fn depths() -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec(0u32..4, 0..40).prop_map(|steps| {
        let mut out: Vec<u32> = Vec::new();
        for s in steps {
            let max = out.last().map_or(0, |d| d + 1);
            out.push(s.min(max));
        }
        out
    })
}

proptest! {
    #[test]
    fn rows_are_hits_and_ancestors_in_order(
        docs in prop::collection::vec(depths(), 1..4),
        picks in prop::collection::vec(any::<prop::sample::Index>(), 0..30),
        folds in prop::collection::vec(any::<prop::sample::Index>(), 0..6),
    ) {
        let refs: Vec<&[u32]> = docs.iter().map(|d| d.as_slice()).collect();
        let o = outline_of(&refs);
        let hits: Vec<u32> = picks.iter().map(|p| p.index(o.len()) as u32).collect();
        let hit_set: BTreeSet<usize> = hits.iter().map(|&h| h as usize).collect();
        let mut want: BTreeSet<usize> = hit_set.clone();
        for &h in &hit_set {
            want.extend(o.ancestors(h));
        }
        let mut t = HitTree::new(&o, &hits);
        prop_assert_eq!(shown(&t), want.iter().copied().collect::<Vec<_>>());
        for r in 0..t.len() {
            let row = t.row(r).unwrap();
            let below = hit_set.range(row.node + 1..o.subtree_end(row.node)).count();
            prop_assert_eq!(row.hits_below as usize, below);
            prop_assert_eq!(row.hit, hit_set.contains(&row.node));
        }
        // Folds: a member is shown iff no proper ancestor is folded.
        let mut folded = BTreeSet::new();
        for f in &folds {
            if t.is_empty() { break; }
            let r = f.index(t.len());
            let row = t.row(r).unwrap();
            t.toggle_fold(r);
            if row.has_children {
                if row.folded { folded.remove(&row.node); } else { folded.insert(row.node); }
            }
        }
        let expect: Vec<usize> = want
            .iter()
            .copied()
            .filter(|&n| !o.ancestors(n).any(|a| folded.contains(&a)))
            .collect();
        prop_assert_eq!(shown(&t), expect);
    }
}
