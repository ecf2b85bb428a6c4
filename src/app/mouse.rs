//! The mouse: a click selects and focuses what is under it (a fold marker
//! toggles, a result jumps, any click closes the help or the link picker); the wheel scrolls
//! the pane under the pointer.

use super::{App, Focus};
use crate::layout::{contains, tree_indent};

impl App {
    pub(super) fn click(&mut self, col: u16, row: u16) {
        if self.help.is_some() {
            self.help = None;
            return;
        }
        if self.picker.is_some() {
            // Its links are the selected node's: a click elsewhere would
            // leave them stale.
            self.picker = None;
            return;
        }
        let l = self.layout();
        let o = self.outline.clone();
        if contains(l.tree_rows, col, row) {
            self.focus = Focus::Outline;
            let r = self.tree.top + (row - l.tree_rows.y) as usize;
            let Some(&node) = self.tree.rows().get(r) else { return };
            let node = node as usize;
            let depth = self.view.zoom.relative_depth(&o, node);
            let gutter = self.tree_gutter();
            let marker = l.tree_rows.x + gutter + tree_indent(depth, l.tree_rows.width.saturating_sub(gutter));
            self.tree.selected = node;
            if (marker..marker + 2).contains(&col) && o.has_children(node) {
                self.tree.set_open(&o, node, !self.tree.is_open(node));
            }
        } else if contains(l.detail_body, col, row) {
            self.focus = Focus::Detail;
            let line = self.detail.scroll + (row - l.detail_body.y) as usize;
            if let Some(n) = self.detail.lines.get(line).map(|l| l.node as usize) {
                // The talk may hold more than a zoom inside it shows.
                self.fit_zoom(n);
                self.tree.reveal(&o, n);
                // Keep the pane where the reader clicked.
                self.synced_selection = Some(n);
            }
        } else if self.find.open && contains(l.find_results, col, row) {
            let below = (row - l.find_results.y) as usize;
            if let Some(rows) = self.find.shown_tree().map(|t| t.len()) {
                if self.find.tree_top + below < rows {
                    self.find.tree_cursor = self.find.tree_top + below;
                    self.jump_to_result();
                }
            } else if self.find.top + below < self.find.results.len() {
                self.find.cursor = self.find.top + below;
                self.jump_to_result();
            }
        } else if contains(l.detail, col, row) {
            self.focus = Focus::Detail;
        }
    }

    pub(super) fn wheel(&mut self, col: u16, row: u16, down: bool) {
        let l = self.layout();
        let step = if down { 3 } else { -3 };
        if self.find.open && contains(l.find_results, col, row) {
            self.move_result(step);
        } else if contains(l.detail, col, row) {
            self.detail.scroll_by(step, l.detail_body.height as usize);
        } else if contains(l.tree, col, row) {
            self.tree.move_by(step);
        }
    }
}
