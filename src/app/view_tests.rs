//! Flow tests of issue 20: the filtered tree in the find pane, marks and
//! n/N, close hits first, find in the talk, zoom and the jump list,
//! scrolling, panes. Keys typed on the bundled seeds, then what the
//! reader shows.

use super::tests::{app, find, sel_text, type_keys};
use super::*;
use crate::search::{self, Matching};
use crate::view::FullScreen;

fn tree_nodes(a: &App) -> Vec<usize> {
    let t = a.find.tree.as_deref().expect("a tree");
    (0..t.len()).filter_map(|r| t.node_at(r)).collect()
}

/// Item 1: the hits and their ancestors in document order, each ancestor
/// counting the hits under it, updated as the query grows.
#[test]
fn the_tree_view_shows_hits_with_their_ancestors_in_document_order() {
    let mut a = app();
    type_keys(&mut a, "/ r i e m Ctrl-v");
    assert!(a.find.tree_view);
    let wide = a.find.tree.as_deref().unwrap().hit_count();
    type_keys(&mut a, "a n n");
    let t = a.find.tree.as_deref().unwrap();
    assert!(t.hit_count() < wide, "updated as the query grows");
    assert_eq!(t.hit_count(), a.find.results.len());
    let nodes = tree_nodes(&a);
    assert!(nodes.windows(2).all(|w| w[0] < w[1]), "document order");
    let hits: std::collections::HashSet<usize> = a.find.results.iter().map(|h| h.node as usize).collect();
    for r in 0..t.len() {
        let row = t.row(r).unwrap();
        assert_eq!(row.hit, hits.contains(&row.node));
        let under = hits
            .iter()
            .filter(|&&h| h > row.node && h < a.outline.subtree_end(row.node))
            .count();
        assert_eq!(row.hits_below as usize, under, "{}", a.outline.text(row.node));
        if !row.hit {
            assert!(under > 0, "an ancestor is shown for its hits");
        }
    }
    // The cursor opens on the list's choice: the best hit.
    assert_eq!(a.find.chosen(), Some(a.find.results[0].node as usize));
}

#[test]
fn folding_in_the_tree_view_hides_a_subtree_and_enter_jumps_to_the_row() {
    let mut a = app();
    type_keys(&mut a, "/ r i e m a n n Ctrl-v");
    let rows = a.find.tree.as_deref().unwrap().len();
    // Up to the talk that holds the best hit, and fold it.
    let talk = find(&a, "session 1: monitoring & metrics");
    while a.find.chosen() != Some(talk) {
        type_keys(&mut a, "Up");
    }
    type_keys(&mut a, "Ctrl-f");
    let folded = a.find.tree.as_deref().unwrap().len();
    assert!(folded < rows, "{folded} < {rows}");
    assert!(tree_nodes(&a)
        .iter()
        .all(|&n| n <= talk || n >= a.outline.subtree_end(talk)));
    type_keys(&mut a, "Ctrl-f");
    assert_eq!(a.find.tree.as_deref().unwrap().len(), rows);
    type_keys(&mut a, "Down");
    let under = a.find.chosen().unwrap();
    assert!(under > talk && under < a.outline.subtree_end(talk));
    type_keys(&mut a, "Enter");
    assert!(!a.find.open);
    assert_eq!(a.tree.selected, under);
    assert!(a.tree.row_of(under).is_some(), "revealed in the outline");
}

#[test]
fn esc_from_the_tree_view_puts_folds_and_place_back() {
    let mut a = app();
    type_keys(&mut a, "] ]");
    let (sel, rows, top) = (a.tree.selected, a.tree.rows().to_vec(), a.tree.top);
    type_keys(&mut a, "/ r i e m a n n Ctrl-v Down Down Esc");
    assert_eq!(
        (a.tree.selected, a.tree.rows(), a.tree.top),
        (sel, rows.as_slice(), top)
    );
}

#[test]
fn the_view_choice_and_the_panes_are_remembered() {
    let mut a = app();
    type_keys(&mut a, "/ Ctrl-v Esc > > F");
    let state = a.changes().state;
    let mut b = app();
    b.restore(&state);
    assert!(b.find.tree_view);
    assert_eq!(b.view.panes, a.view.panes);
    assert_eq!(b.view.panes.full, FullScreen::Detail);
    assert_eq!(b.focus, Focus::Detail);
}

/// Item 2: marks after a search until cleared; n/N say where they are.
#[test]
fn marks_stay_after_a_jump_until_esc_and_n_says_which_hit() {
    let mut a = app();
    type_keys(&mut a, "/ ' r i e m a n n Enter");
    let marks = a.marks().expect("marked");
    assert!(marks.matches(sel_text(&a)));
    assert!(!marks.runs("replace statsd with riemann").is_empty());
    let total = a.view.steps.len();
    type_keys(&mut a, "n");
    let said = a.status.as_ref().unwrap().to_string();
    assert!(said.starts_with(&format!("hit 2 of {total}")), "{said}");
    type_keys(&mut a, "Esc");
    assert!(a.marks().is_none());
    type_keys(&mut a, "N");
    assert!(a
        .status
        .as_ref()
        .unwrap()
        .to_string()
        .starts_with(&format!("hit 1 of {total}")));
    assert!(a.marks().is_some(), "stepping marks them again");
}

/// Item 3's UI: n steps through every close hit before any loose one.
#[test]
fn n_visits_the_close_hits_first() {
    let mut a = app();
    type_keys(&mut a, "/ m e n t o r i n g Enter");
    let ranked = search::find(&a.outline, "mentoring", search::Scope::All);
    assert!(
        ranked.close > 0 && ranked.close < ranked.len(),
        "both tiers in the seeds"
    );
    assert!(a.view.tiered);
    let close: std::collections::HashSet<u32> = ranked.hits[..ranked.close].iter().map(|h| h.node).collect();
    a.tree.selected = 0;
    let mut seen = Vec::new();
    for _ in 0..ranked.close {
        type_keys(&mut a, "n");
        seen.push(a.tree.selected as u32);
    }
    assert!(seen.iter().all(|n| close.contains(n)), "{seen:?}");
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "in document order");
    type_keys(&mut a, "n");
    assert!(!close.contains(&(a.tree.selected as u32)), "then the loose ones");
    assert!(a.status.as_ref().unwrap().to_string().contains("loose"));
}

#[test]
fn exact_mode_is_one_key_away_in_the_find_pane() {
    let mut a = app();
    type_keys(&mut a, "/ m e n t o r i n g");
    let fuzzy = a.find.results.len();
    type_keys(&mut a, "Ctrl-e");
    assert_eq!(a.find.matching, Matching::Exact);
    let exact = a.find.results.len();
    assert!(exact > 0 && exact < fuzzy, "{exact} < {fuzzy}");
    assert_eq!(a.find.close, exact, "every exact hit holds the word");
}

/// Item 4: `/` in the detail pane finds within the talk shown.
#[test]
fn slash_in_the_detail_pane_finds_inside_the_talk() {
    let mut a = app();
    let talk = find(&a, "session 1: monitoring & metrics");
    a.tree.reveal(&a.outline.clone(), talk);
    type_keys(&mut a, "Ctrl-w / r a b b i t");
    assert!(a.find.open);
    let end = a.outline.subtree_end(talk);
    assert!(!a.find.results.is_empty());
    assert!(a.find.results.iter().all(|h| (talk..end).contains(&(h.node as usize))));
    type_keys(&mut a, "Enter");
    assert_eq!(a.focus, Focus::Detail, "still reading the talk");
    assert_eq!(a.detail.context, talk);
    for _ in 0..a.view.steps.len() + 1 {
        type_keys(&mut a, "n");
        assert!((talk..end).contains(&a.tree.selected), "n stays in the talk");
    }
    assert!(a.marks().unwrap().matches(sel_text(&a)));
}

/// Item 5: zoom into a talk and out; levels count from the root.
#[test]
fn zoom_makes_a_node_the_root_and_levels_act_inside_it() {
    let mut a = app();
    let talk = find(&a, "session 1: monitoring & metrics");
    a.tree.reveal(&a.outline.clone(), talk);
    type_keys(&mut a, "z i");
    let end = a.outline.subtree_end(talk);
    assert_eq!(a.tree.rows()[0] as usize, talk);
    assert!(a.tree.rows().iter().all(|&r| (talk..end).contains(&(r as usize))));
    type_keys(&mut a, "9");
    assert_eq!(a.tree.rows().len(), end - talk, "everything inside");
    type_keys(&mut a, "1");
    let children = a.outline.child_count(talk);
    assert_eq!(a.tree.rows().len(), 1 + children, "the root and its children");
    type_keys(&mut a, "G h h");
    assert_eq!(a.tree.selected, talk, "h stops at the root");
    assert!(a.tree.is_open(talk), "the root stays open");
    type_keys(&mut a, "z u");
    assert!(a.view.zoom.root().is_none());
    assert_eq!(a.tree.selected, talk);
    assert!(a.tree.rows().contains(&0), "the whole outline again");
}

#[test]
fn ctrl_o_goes_back_through_jumps_and_alt_i_forward() {
    let mut a = app();
    let start = a.tree.selected;
    type_keys(&mut a, "]");
    let first = a.tree.selected;
    type_keys(&mut a, "] ]");
    let third = a.tree.selected;
    type_keys(&mut a, "Ctrl-o");
    assert!(a.tree.selected > first && a.tree.selected < third, "the second");
    type_keys(&mut a, "Ctrl-o");
    assert_eq!(a.tree.selected, first);
    type_keys(&mut a, "Ctrl-o");
    assert_eq!(a.tree.selected, start);
    type_keys(&mut a, "Alt-i Alt-i Alt-i");
    assert_eq!(a.tree.selected, third);
    // A jump out of a zoom zooms out as far as it needs.
    type_keys(&mut a, "z i");
    assert!(a.view.zoom.root().is_some());
    type_keys(&mut a, "/ ' r i e m a n n Enter");
    assert!(a.view.zoom.contains(&a.outline, a.tree.selected));
    assert!(a.tree.row_of(a.tree.selected).is_some());
}

/// Item 6: where the view scrolls to.
#[test]
fn jumps_land_scroll_off_rows_from_the_top_and_z_keys_place_the_row() {
    let mut a = app();
    let off = a.view.scroll_off;
    type_keys(&mut a, "9 ] ] ] ] ]");
    let h = a.layout().tree_rows.height as usize;
    assert_eq!(a.tree.selected_row() - a.tree.top, off, "] lands {off} rows down");
    type_keys(&mut a, "z b");
    assert_eq!(a.tree.selected_row() - a.tree.top, h - 1 - off);
    type_keys(&mut a, "z z");
    assert_eq!(a.tree.selected_row() - a.tree.top, (h - 1) / 2);
    type_keys(&mut a, "z t");
    assert_eq!(a.tree.selected_row() - a.tree.top, off);
}

#[test]
fn a_level_key_keeps_the_selection_on_its_row_and_opening_shows_children() {
    let mut a = app();
    let scale = find(&a, "Scale Summit 2014");
    a.tree.selected = scale;
    a.sync();
    let on_screen = a.tree.selected_row() - a.tree.top;
    type_keys(&mut a, "9");
    // Where it was (or scroll_off rows down, the context kept above).
    let want = on_screen.max(a.view.scroll_off);
    assert_eq!(
        a.tree.selected_row() - a.tree.top,
        want,
        "issue 20: 9 moved it to the bottom"
    );
    // Tab on a talk low on the screen: its notes come into view.
    type_keys(&mut a, "2");
    let talk = find(&a, "Session 4: what’s changed since last scale camp?");
    a.tree.selected = talk;
    a.tree.top = a
        .tree
        .selected_row()
        .saturating_sub(a.layout().tree_rows.height as usize - 2);
    a.sync();
    type_keys(&mut a, "Tab");
    let h = a.layout().tree_rows.height as usize;
    let row = a.tree.selected_row();
    assert!(row >= a.tree.top, "the node stays on screen");
    let shown = a
        .tree
        .rows()
        .partition_point(|&r| (r as usize) < a.outline.subtree_end(talk))
        - row
        - 1;
    assert!(shown > h / 2, "a talk with many notes: {shown}");
    assert!(
        row - a.tree.top <= a.view.scroll_off || row + shown < a.tree.top + h,
        "children fill the pane: row {row} top {} shown {shown} h {h}",
        a.tree.top
    );
}

#[test]
fn the_detail_pane_puts_a_jump_scroll_off_lines_down() {
    let mut a = app();
    type_keys(&mut a, "/ ' d i a m o n d Enter");
    let first = a
        .detail
        .lines
        .iter()
        .position(|l| l.node as usize == a.tree.selected)
        .unwrap();
    let h = a.layout().detail_body.height as usize;
    let last_top = a.detail.lines.len().saturating_sub(h);
    assert_eq!(a.detail.scroll, first.saturating_sub(a.view.scroll_off).min(last_top));
}

/// Item 7: wider, narrower, one pane full screen and back.
#[test]
fn panes_widen_narrow_and_take_the_whole_screen() {
    let mut a = app();
    let w = a.layout().tree.width;
    type_keys(&mut a, "> >");
    assert!(a.layout().tree.width > w);
    type_keys(&mut a, "< < <");
    assert!(a.layout().tree.width < w);
    type_keys(&mut a, "F");
    assert_eq!(a.layout().tree.width, 0);
    assert_eq!(a.layout().detail.width, 120);
    assert_eq!(a.focus, Focus::Detail);
    type_keys(&mut a, "F");
    assert!(a.layout().tree.width > 0 && a.layout().detail.width > 0);
    type_keys(&mut a, "O");
    assert_eq!((a.layout().tree.width, a.layout().detail.width), (120, 0));
    assert_eq!(a.focus, Focus::Outline);
}
