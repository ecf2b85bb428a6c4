//! Folding, levels, selection and scrolling on small outlines.

use super::*;
use crate::outline::{Block, DocInfo};

//  doc
//  ├─ Day (group)
//  │  └─ Talk A (session)
//  │     └─ a1 ─ a2
//  └─ Talk B
//     └─ b1
fn sample() -> Outline {
    let mut o = Outline::new();
    o.push_document(
        "doc",
        DocInfo::for_tests(),
        &[
            Block::new(0, Kind::Group, "Day", 1),
            Block::new(1, Kind::Session, "Talk A", 2),
            Block::new(2, Kind::Bullet, "a1", 3),
            Block::new(3, Kind::Bullet, "a2", 4),
            Block::new(0, Kind::Session, "Talk B", 5),
            Block::new(1, Kind::Bullet, "b1", 6),
        ],
    );
    o
}

fn visible(t: &Tree, o: &Outline) -> Vec<String> {
    t.rows().iter().map(|&r| o.text(r as usize).to_string()).collect()
}

#[test]
fn levels_skip_groups() {
    assert_eq!(levels(&sample()), vec![1, 2, 2, 3, 4, 2, 3]);
}

#[test]
fn show_level_opens_by_outline_level() {
    let o = sample();
    let mut t = Tree::new(&o, 2);
    assert_eq!(visible(&t, &o), vec!["doc", "Day", "Talk A", "Talk B"]);
    t.show_level(&o, 1);
    assert_eq!(visible(&t, &o), vec!["doc"]);
    t.show_level(&o, 9);
    assert_eq!(t.rows().len(), o.len());
}

#[test]
fn folding_the_selection_away_selects_its_ancestor() {
    let o = sample();
    let mut t = Tree::new(&o, 9);
    t.selected = 3;
    t.set_open(&o, 1, false);
    assert_eq!(t.selected, 1);
}

#[test]
fn cycle_goes_children_then_subtree_then_folded() {
    let o = sample();
    let mut t = Tree::new(&o, 1);
    t.cycle(&o, 0);
    assert_eq!(visible(&t, &o), vec!["doc", "Day", "Talk B"]);
    t.cycle(&o, 0);
    assert_eq!(t.rows().len(), o.len());
    t.cycle(&o, 0);
    assert_eq!(visible(&t, &o), vec!["doc"]);
}

#[test]
fn reveal_opens_ancestors() {
    let o = sample();
    let mut t = Tree::new(&o, 1);
    t.reveal(&o, 4);
    assert_eq!(t.selected, 4);
    assert!(t.row_of(4).is_some());
}

#[test]
fn scrolling_keeps_the_selection_in_view() {
    let o = sample();
    let mut t = Tree::new(&o, 9);
    t.select_row(6);
    t.scroll_into_view(3, 0);
    assert_eq!(t.top, 4);
    t.select_row(0);
    t.scroll_into_view(3, 0);
    assert_eq!(t.top, 0);
}

mod incremental {
    use super::*;
    use proptest::prelude::*;

    /// Documents of bullets at random depths (the outline clamps a depth
    /// to one below the bullet before).
    fn outline(docs: &[Vec<u32>]) -> Outline {
        let mut o = Outline::new();
        for depths in docs {
            let blocks: Vec<Block> = depths
                .iter()
                .enumerate()
                .map(|(i, &depth)| Block::new(depth, Kind::Bullet, format!("b{i}"), i as u32 + 1))
                .collect();
            o.push_document("doc", DocInfo::for_tests(), &blocks);
        }
        o
    }

    proptest! {
        /// Rewriting only the changed subtrees' rows gives what a walk of
        /// the whole outline gives, selection included, after any run of
        /// folds, reveals and cycles.
        #[test]
        fn changed_subtrees_give_the_rows_of_a_full_walk(
            docs in prop::collection::vec(prop::collection::vec(0u32..5, 0..25), 1..4),
            level in 1u8..10,
            steps in prop::collection::vec((0u8..6, any::<prop::sample::Index>(), prop::collection::vec((any::<prop::sample::Index>(), any::<bool>()), 0..6)), 1..12),
        ) {
            let o = outline(&docs);
            let mut t = Tree::new(&o, level);
            for (op, at, changes) in steps {
                let node = at.index(o.len());
                match op {
                    0 => t.set_folds(&o, changes.iter().map(|(i, open)| (i.index(o.len()), *open))),
                    1 => t.reveal(&o, node),
                    2 => t.cycle(&o, node),
                    3 => t.select_row(at.index(t.rows().len())),
                    4 => {
                        let level = (node % 9) as u8 + 1;
                        t.show_level(&o, level);
                        let mut folds = t.clone();
                        folds.apply_level(&o, 0..o.len(), level);
                        prop_assert_eq!(t.open_flags(), folds.open_flags());
                    }
                    _ => {
                        let mut flags = t.open_flags().to_vec();
                        for (i, open) in &changes {
                            flags[i.index(o.len())] = *open;
                        }
                        t.set_open_flags(&o, flags.clone());
                        prop_assert_eq!(t.open_flags(), &flags[..]);
                    }
                }
                let mut full = t.clone();
                full.rebuild(&o);
                prop_assert_eq!(t.rows(), full.rows());
                prop_assert_eq!(t.selected, full.selected);
            }
        }
    }
}
