//! The find pane's second view: the outline filtered to the hits and
//! their ancestors (org's sparse tree), in document order, folded as the
//! reader folds it. The tree is built on the search thread with each
//! result; here it is taken in, its folds carried over, and shown; and
//! the exact-words switch.

use crate::app::App;
use crate::search::Matching;
use crate::view::HitTree;
use std::sync::Arc;

impl App {
    /// Ranked list <-> filtered tree; remembered between runs.
    pub(in crate::app) fn toggle_hit_tree(&mut self) {
        self.find.tree_view = !self.find.tree_view;
        self.worker.build_trees(self.find.tree_view);
        let chosen = self.find.results.get(self.find.cursor).map(|h| h.node as usize);
        if self.find.tree_view && self.find.tree.is_none() {
            if self.find.talk.is_some() {
                self.submit_search();
            } else if !self.find.query().trim().is_empty() {
                // The results on screen came without a tree: ask again.
                self.submit_search();
            }
        }
        // The same node chosen in either view, as far as it is shown.
        if let (true, Some(t), Some(n)) = (self.find.tree_view, self.find.tree.as_deref(), chosen) {
            self.find.tree_cursor = t.nearest_row(n);
        }
        self.touch();
    }

    /// Exact words (fzf's --exact) or fuzzy ones; the search runs again.
    pub(in crate::app) fn toggle_exact(&mut self) {
        self.find.matching = match self.find.matching {
            Matching::Fuzzy => Matching::Exact,
            Matching::Exact => Matching::Fuzzy,
        };
        self.submit_search();
    }

    /// A result's tree replaces the last one; folds the reader made stay
    /// on the nodes still shown, and the cursor on its node.
    pub(in crate::app) fn take_tree(&mut self, tree: Option<Arc<HitTree>>, new_query: bool) {
        // An empty query's (empty) tree is no tree: as if none came.
        let Some(mut tree) = tree.filter(|t| !t.is_empty()) else {
            // Results without a tree (the list view's): none to show.
            self.find.tree = None;
            return;
        };
        let old = self.find.tree.take();
        // The row chosen stays chosen; a first tree opens on the hit the
        // list has chosen (the best one, for a new query).
        let from_list = || self.find.results.get(self.find.cursor).map(|h| h.node as usize);
        let chosen = match old.as_deref() {
            Some(t) if !new_query => t.node_at(self.find.tree_cursor),
            _ => from_list(),
        };
        if let Some(old) = old.as_deref() {
            let folded: Vec<usize> = old.folded_nodes().collect();
            if !folded.is_empty() {
                Arc::make_mut(&mut tree).fold_nodes(folded);
            }
        }
        self.find.tree_cursor = chosen.map_or(0, |n| tree.nearest_row(n));
        if new_query || old.is_none() {
            // A first look: the chosen row with its ancestors above it.
            self.find.tree_top = self.find.tree_cursor.saturating_sub(3);
        }
        self.find.tree = Some(tree);
    }

    /// Folds or unfolds the chosen row of the tree view (its parent's,
    /// on a row with nothing under it).
    pub(in crate::app) fn fold_hit_row(&mut self) {
        let o = self.outline.clone();
        let cursor = self.find.tree_cursor;
        let Some(tree) = self.find.tree.as_mut().filter(|_| self.find.tree_view) else {
            return;
        };
        let t = Arc::make_mut(tree);
        let Some(row) = t.row(cursor) else {
            return;
        };
        if row.has_children {
            t.toggle_fold(cursor);
        } else if let Some(p) = t.parent_row(&o, cursor) {
            t.set_folded(p, true);
            self.find.tree_cursor = p;
        }
    }
}
