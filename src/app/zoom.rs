//! Zoom (a node made the outline's root), the jump list (Ctrl-o back,
//! forward again), and scrolling that shows what was asked for: a jump's
//! target a few rows from the top, an opened node's children in sight,
//! zt/zz/zb. The pure arithmetic is `view::scroll`, `view::zoom` and
//! `view::jumps`; here it meets the tree and the detail pane.

use super::{App, Focus};
use crate::action::Action;
use crate::view::{scroll, Align};

/// Actions that jump: the place they leave goes on the jump list, and
/// their target lands `scroll_off` rows from the top.
fn is_jump(a: Action) -> bool {
    matches!(
        a,
        Action::NextSession
            | Action::PrevSession
            | Action::NextDocument
            | Action::PrevDocument
            | Action::JumpToResult
            | Action::JumpToBookmark
    )
}

/// Actions that fold the whole outline: the selection stays on its row
/// of the screen rather than wherever the rows above it push it.
fn keeps_screen_row(a: Action) -> bool {
    matches!(
        a,
        Action::ShowLevel(_) | Action::CollapseAll | Action::ExpandAll | Action::CycleOutline
    )
}

/// Actions that may open the selected node: its children come into view.
fn may_open(a: Action) -> bool {
    matches!(
        a,
        Action::ExpandOrEnter | Action::ToggleFold | Action::OpenFold | Action::CycleFold
    )
}

/// Where the selection was before an action: its node (where a jump
/// leaves from) and, for a level key, its row on screen.
pub(super) struct Place {
    node: usize,
    screen_row: Option<usize>,
}

impl App {
    pub(super) fn place_before(&self, action: Action) -> Place {
        let node = match action {
            // The preview moved the selection: the jump is from the origin.
            Action::JumpToResult => self.find.origin_selected().unwrap_or(self.tree.selected),
            _ => self.tree.selected,
        };
        let screen_row = keeps_screen_row(action).then(|| self.tree.selected_row().saturating_sub(self.tree.top));
        Place { node, screen_row }
    }

    /// After `action`: a jump recorded and landed, a level key's selection
    /// kept on its row, an opened node's children in sight; then sync.
    pub(super) fn place_after(&mut self, action: Action, place: Place) {
        if is_jump(action) {
            self.landed(place.node);
        }
        if let Some(r) = place.screen_row {
            self.tree.top = self.tree.selected_row().saturating_sub(r);
        }
        self.sync_opened(may_open(action).then_some(place.node));
    }

    /// After a jump from `before`: remembered for Ctrl-o, zoomed out as
    /// far as the target needs, and scrolled to show it with context.
    pub(super) fn landed(&mut self, before: usize) {
        if self.tree.selected == before {
            return;
        }
        self.view.jumps.record(before);
        let to = self.tree.selected;
        self.reveal_jump(to);
    }

    /// Records the selection before a jump made elsewhere (n, N).
    pub(super) fn record_jump(&mut self) {
        self.view.jumps.record(self.tree.selected);
    }

    /// Selects `node` as a jump does: zoomed out until it is inside the
    /// zoom, its folds opened, a few rows from the top at the next sync.
    pub(super) fn reveal_jump(&mut self, node: usize) {
        let o = self.outline.clone();
        self.fit_zoom(node);
        self.tree.reveal(&o, node);
        self.view.jump_scroll = true;
    }

    /// Zooms out until `node` is inside the zoom.
    pub(super) fn fit_zoom(&mut self, node: usize) {
        let o = self.outline.clone();
        if !self.view.zoom.contains(&o, node) {
            self.view.zoom.fit(&o, node);
            self.apply_zoom();
        }
    }

    pub(super) fn zoom_in(&mut self) {
        let o = self.outline.clone();
        let node = self.tree.selected;
        if !self.view.zoom.zoom_in(&o, node) {
            self.status = Some("Only a node with something under it can be zoomed into".into());
            return;
        }
        self.tree.set_open(&o, node, true);
        self.apply_zoom();
        self.tree.selected = node;
        let out = self.keymap.first_key(self.pane_context(), Action::ZoomOut);
        let hint = out.map_or(String::new(), |k| format!(": {k} zooms out"));
        self.status = Some(format!("Zoomed in{hint}").into());
    }

    pub(super) fn zoom_out(&mut self) {
        let Some(root) = self.view.zoom.zoom_out() else {
            self.status = Some("Not zoomed in".into());
            return;
        };
        self.apply_zoom();
        self.tree.selected = root;
        self.view.jump_scroll = true;
    }

    /// The tree shows the zoom's nodes (or everything).
    pub(super) fn apply_zoom(&mut self) {
        let o = self.outline.clone();
        let window = self.view.zoom.root().map(|_| self.view.zoom.range(&o));
        self.tree.set_window(window);
    }

    /// The zoom root, if zoomed: what may not be closed or left.
    pub(super) fn zoom_root(&self) -> Option<usize> {
        self.view.zoom.root()
    }

    /// Ctrl-o and its way back.
    pub(super) fn walk_jumps(&mut self, back: bool) {
        let here = self.tree.selected;
        let place = if back {
            self.view.jumps.back(here)
        } else {
            self.view.jumps.forward()
        };
        match place.filter(|&n| n < self.outline.len()) {
            Some(n) => self.reveal_jump(n),
            None => {
                let which = if back { "older" } else { "newer" };
                self.status = Some(format!("No {which} place in the jump list").into());
            }
        }
    }

    /// zt, zz, zb: the selection to the top, middle or bottom of its pane.
    pub(super) fn align(&mut self, how: Align) {
        let l = self.layout();
        let off = self.view.scroll_off;
        if self.focus == Focus::Detail {
            let h = l.detail_body.height as usize;
            self.detail.align(self.tree.selected, h, off, how);
        } else {
            let h = l.tree_rows.height as usize;
            let rows = self.tree.rows().len();
            self.tree.top = scroll::align_top(self.tree.selected_row(), rows, h, off, how);
        }
    }

    /// The outline's top row after a jump or an opened node; otherwise
    /// the least scroll that keeps the selection in sight with context.
    pub(super) fn scroll_tree(&mut self, height: usize, opened: Option<usize>) {
        let off = self.view.scroll_off;
        let row = self.tree.selected_row();
        let rows = self.tree.rows();
        let n = rows.len();
        if std::mem::take(&mut self.view.jump_scroll) {
            self.tree.top = scroll::jump_top(row, n, height, off);
            return;
        }
        if let Some(node) = opened.filter(|&n| self.tree.is_open(n)) {
            if let Some(at) = self.tree.row_of(node) {
                let end = self.outline.subtree_end(node) as u32;
                let shown = rows.partition_point(|&r| r < end) - at - 1;
                let top = scroll::open_top(self.tree.top, at, shown, n, height);
                // The scroll-off above the node stays, as moving keeps it.
                self.tree.top = top.min(at.saturating_sub(off.min(height.saturating_sub(1) / 2)));
                return;
            }
        }
        self.tree.scroll_into_view(height, off);
    }
}
