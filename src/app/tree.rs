//! The outline's fold state: which nodes are open, the rows that are
//! therefore visible, the selection and the scroll. All index arithmetic on
//! the flat tree: rows are node indices in increasing order, so finding a
//! node's row is a binary search.

use crate::outline::{Kind, Outline};

#[derive(Clone, Debug)]
pub struct Tree {
    open: Vec<bool>,
    /// `levels` of the outline, kept: every level key and save reads them.
    levels: Vec<u8>,
    rows: Vec<u32>,
    pub selected: usize,
    /// First row shown in the pane (of `rows()`).
    pub top: usize,
    /// When zoomed: the nodes shown (the zoom root's subtree). `rows()`
    /// and every row number are then within it.
    window: Option<(u32, u32)>,
}

/// Outline level of each node: documents are 1; groups do not add a level,
/// so talks are level 2 whether or not a day or track holds them. Levels
/// stop at 255, far past the 9 that opens everything.
pub fn levels(o: &Outline) -> Vec<u8> {
    let mut lv = vec![1u8; o.len()];
    for i in 0..o.len() {
        if let Some(p) = o.parent(i) {
            lv[i] = if o.kind(p) == Kind::Group {
                lv[p]
            } else {
                lv[p].saturating_add(1)
            };
        }
    }
    lv
}

/// Whether `level` (1..9) shows a node's children: groups open with the
/// talks they hold; 9 opens everything.
pub fn open_at_level(kind: Kind, node_level: u8, level: u8) -> bool {
    if level >= 9 {
        return true;
    }
    let n = level;
    if kind == Kind::Group {
        node_level <= n
    } else {
        node_level < n
    }
}

impl Tree {
    pub fn new(o: &Outline, level: u8) -> Tree {
        let mut t = Tree {
            open: vec![false; o.len()],
            levels: levels(o),
            rows: Vec::new(),
            selected: 0,
            top: 0,
            window: None,
        };
        t.show_level(o, level);
        t
    }

    /// A tree over a changed outline (a file reloaded) with these folds,
    /// `levels` of it, and the selection and scroll carried over.
    pub fn rebuilt(o: &Outline, open: Vec<bool>, levels: Vec<u8>, selected: usize, top: usize) -> Tree {
        let mut t = Tree {
            open,
            levels,
            rows: Vec::new(),
            selected,
            top,
            window: None,
        };
        t.rebuild(o);
        t
    }

    /// The visible rows, within the zoom.
    pub fn rows(&self) -> &[u32] {
        &self.rows[self.window_rows()]
    }

    /// Where the zoom's rows are among all visible rows.
    fn window_rows(&self) -> std::ops::Range<usize> {
        match self.window {
            None => 0..self.rows.len(),
            Some((a, b)) => self.rows.partition_point(|&r| r < a)..self.rows.partition_point(|&r| r < b),
        }
    }

    /// Shows only `nodes` (a zoom root's subtree), or everything.
    pub fn set_window(&mut self, nodes: Option<std::ops::Range<usize>>) {
        self.window = nodes.map(|r| (r.start as u32, r.end as u32));
        self.top = 0;
    }

    /// The row of `node` among all visible rows, zoom or not.
    fn full_row_of(&self, node: usize) -> Option<usize> {
        self.rows.binary_search(&(node as u32)).ok()
    }

    pub fn is_open(&self, node: usize) -> bool {
        self.open.get(node).copied().unwrap_or(false)
    }

    pub fn open_flags(&self) -> &[bool] {
        &self.open
    }

    /// `levels` of the outline.
    pub fn levels(&self) -> &[u8] {
        &self.levels
    }

    /// Replaces the fold state (used to restore a snapshot). When few folds
    /// differ (closing the find pane puts back what its previews opened),
    /// only their subtrees' rows are rewritten.
    pub fn set_open_flags(&mut self, o: &Outline, flags: Vec<bool>) {
        const FEW: usize = 256;
        if flags.len() != o.len() {
            return;
        }
        let differ = |i: &usize| flags[*i] != self.open[*i];
        let changed: Vec<usize> = (0..flags.len()).filter(differ).take(FEW + 1).collect();
        if changed.len() <= FEW {
            self.set_folds(o, changed.into_iter().map(|i| (i, flags[i])));
        } else {
            self.open = flags;
            self.rebuild(o);
        }
    }

    /// Recomputes the visible rows: a pre-order walk that jumps over the
    /// subtree of every closed node.
    fn rebuild(&mut self, o: &Outline) {
        if o.is_empty() {
            self.rows.clear();
            self.selected = 0;
            return;
        }
        self.rows = self.walk(o, 0..o.len());
        self.keep_selection_visible(o);
    }

    /// The visible rows among `nodes`, a run of whole subtrees whose
    /// ancestors are open.
    fn walk(&self, o: &Outline, nodes: std::ops::Range<usize>) -> Vec<u32> {
        let mut rows = Vec::new();
        let mut i = nodes.start;
        while i < nodes.end {
            rows.push(i as u32);
            i = if self.open[i] { i + 1 } else { o.subtree_end(i) };
        }
        rows
    }

    /// Rewrites the rows inside `node`'s subtree from the fold flags. A
    /// hidden node's subtree has no rows, before or after.
    fn refresh_subtree(&mut self, o: &Outline, node: usize) {
        let Some(row) = self.full_row_of(node) else {
            return;
        };
        let end = o.subtree_end(node);
        let from = row + 1;
        let to = from + self.rows[from..].partition_point(|&r| (r as usize) < end);
        let inside = if self.open[node] {
            self.walk(o, node + 1..end)
        } else {
            Vec::new()
        };
        self.rows.splice(from..to, inside);
    }

    fn keep_selection_visible(&mut self, o: &Outline) {
        if self.full_row_of(self.selected).is_none() {
            // The selection was folded away: select its nearest visible ancestor.
            let visible = o.ancestors(self.selected).find(|&a| self.full_row_of(a).is_some());
            self.selected = visible.unwrap_or(0);
        }
    }

    /// Opens or closes nodes, then rewrites only the rows of the subtrees
    /// whose folds changed. A full rebuild reads the node of every visible
    /// row, and the find pane previews each new best hit while a search runs:
    /// a preview must cost the folds it changes, not the outline's size.
    pub fn set_folds(&mut self, o: &Outline, changes: impl IntoIterator<Item = (usize, bool)>) {
        let mut changed = Vec::new();
        for (n, open) in changes {
            if n < self.open.len() && self.open[n] != open {
                self.open[n] = open;
                changed.push(n);
            }
        }
        changed.sort_unstable();
        // Subtrees nest, so the changed ones not inside another are
        // disjoint, and in node order a change is inside an earlier one
        // only if it is inside the last one refreshed.
        let mut covered = 0;
        for node in changed {
            if node >= covered {
                covered = o.subtree_end(node);
                self.refresh_subtree(o, node);
            }
        }
        self.keep_selection_visible(o);
    }

    pub fn row_of(&self, node: usize) -> Option<usize> {
        self.rows().binary_search(&(node as u32)).ok()
    }

    pub fn selected_row(&self) -> usize {
        self.row_of(self.selected).unwrap_or(0)
    }

    pub fn select_row(&mut self, row: usize) {
        let rows = self.rows();
        if let Some(&n) = rows.get(row.min(rows.len().saturating_sub(1))) {
            self.selected = n as usize;
        }
    }

    pub fn move_by(&mut self, delta: isize) {
        let row = self.selected_row() as isize + delta;
        self.select_row(row.max(0) as usize);
    }

    /// Opens every ancestor of `node` and selects it.
    pub fn reveal(&mut self, o: &Outline, node: usize) {
        if node >= o.len() {
            return;
        }
        self.selected = node;
        self.set_folds(o, o.ancestors(node).map(|a| (a, true)));
    }

    pub fn set_open(&mut self, o: &Outline, node: usize, open: bool) {
        if o.has_children(node) {
            self.set_folds(o, [(node, open)]);
        }
    }

    /// Shows every node down to `level` (9: everything), in one pass in
    /// node order that sets each fold and keeps the rows outside closed
    /// ones. A walk of the visible rows after setting the folds would make
    /// each step wait on the load the step before chose; here every node's
    /// row is written and kept only if it is visible, so no branch depends
    /// on the outline.
    pub fn show_level(&mut self, o: &Outline, level: u8) {
        let mut rows = std::mem::take(&mut self.rows);
        rows.clear();
        rows.resize(o.len(), 0);
        let (mut len, mut hidden_until) = (0, 0);
        for (i, (open, &lv)) in self.open.iter_mut().zip(&self.levels).enumerate() {
            *open = open_at_level(o.kind(i), lv, level);
            let visible = i >= hidden_until;
            rows[len] = i as u32;
            len += usize::from(visible);
            let end = o.subtree_end(i);
            hidden_until = if visible && !*open { end } else { hidden_until };
        }
        rows.truncate(len);
        self.rows = rows;
        if o.is_empty() {
            self.selected = 0;
        } else {
            self.keep_selection_visible(o);
        }
    }

    /// Sets the folds of nodes in `range` to what `level` shows, without
    /// rebuilding the rows (for restoring several documents at once).
    pub fn apply_level(&mut self, o: &Outline, range: std::ops::Range<usize>, level: u8) {
        for i in range {
            self.open[i] = open_at_level(o.kind(i), self.levels[i], level);
        }
    }

    /// Opens or closes nodes in bulk, then rebuilds the rows once.
    pub fn set_many(&mut self, o: &Outline, nodes: impl IntoIterator<Item = (usize, bool)>) {
        for (n, open) in nodes {
            if n < self.open.len() {
                self.open[n] = open;
            }
        }
        self.rebuild(o);
    }

    /// Tab on a node: folded, then its children, then its whole subtree.
    pub fn cycle(&mut self, o: &Outline, node: usize) {
        if !o.has_children(node) {
            return;
        }
        let range = node + 1..o.subtree_end(node);
        let all_open = range.clone().all(|i| self.open[i] || !o.has_children(i));
        if !self.open[node] {
            self.open[node] = true;
            range.for_each(|i| self.open[i] = false);
        } else if !all_open {
            range.for_each(|i| self.open[i] = true);
        } else {
            self.open[node] = false;
        }
        self.refresh_subtree(o, node);
        self.keep_selection_visible(o);
    }

    /// Keeps the selected row inside a pane of `height` rows, with `off`
    /// rows of context above and below when there is room (vim's
    /// scrolloff), scrolling as little as that needs.
    pub fn scroll_into_view(&mut self, height: usize, off: usize) {
        let row = self.selected_row();
        let rows = self.rows().len();
        self.top = crate::view::scroll::follow_top(self.top, row, rows, height, off);
    }
}

#[cfg(test)]
#[path = "tree_tests.rs"]
mod tests;
