//! The outline's and detail pane's commands behind `App::update`: moving,
//! folding, stepping by talk, file or search hit. Named for what they do,
//! never for the key that triggers them.

use super::{App, Focus};
use crate::action::Action;
use crate::outline::Kind;

impl App {
    pub(super) fn move_or_scroll(&mut self, action: Action) {
        let l = self.layout();
        let (rows, lines) = (l.tree_rows.height as isize, l.detail_body.height as isize);
        let page = if self.focus == Focus::Detail { lines } else { rows }.max(1);
        let delta = match action {
            Action::MoveDown => 1,
            Action::MoveUp => -1,
            Action::PageDown => page - 1,
            Action::PageUp => -(page - 1),
            Action::HalfPageDown => page / 2,
            Action::HalfPageUp => -(page / 2),
            Action::MoveToTop => isize::MIN / 2,
            _ => isize::MAX / 2,
        }
        .clamp(-(1 << 40), 1 << 40);
        if self.focus == Focus::Detail {
            self.detail.scroll_by(delta, lines as usize);
        } else {
            self.tree.move_by(delta);
        }
    }

    pub(super) fn expand_or_enter(&mut self) {
        let o = self.outline.clone();
        let sel = self.tree.selected;
        if !o.has_children(sel) {
            return;
        }
        if self.tree.is_open(sel) {
            self.tree.selected = sel + 1;
        } else {
            self.tree.set_open(&o, sel, true);
        }
    }

    pub(super) fn collapse_or_leave(&mut self) {
        let o = self.outline.clone();
        let sel = self.tree.selected;
        if self.zoom_root() == Some(sel) {
            // The zoom root: neither closed nor left (zoom out leaves it).
        } else if o.has_children(sel) && self.tree.is_open(sel) {
            self.tree.set_open(&o, sel, false);
        } else if let Some(p) = o.parent(sel) {
            self.tree.selected = p;
        }
    }

    /// `]`/`[` and `}`/`{`: the next node of `kind`, or back to the start of
    /// the current one, then the previous one. Folded targets are revealed.
    pub(super) fn step_kind(&mut self, kind: Kind, forward: bool) {
        let o = self.outline.clone();
        let sel = self.tree.selected;
        let target = if forward {
            (sel + 1..o.len()).find(|&i| o.kind(i) == kind)
        } else {
            let current = std::iter::once(sel)
                .chain(o.ancestors(sel))
                .find(|&a| o.kind(a) == kind);
            match current {
                Some(c) if c != sel => Some(c),
                _ => (0..sel).rev().find(|&i| o.kind(i) == kind),
            }
        };
        if let Some(t) = target {
            self.tree.reveal(&o, t);
        }
    }

    /// Shows every document down to `level` (9: everything).
    pub(super) fn show_level(&mut self, level: u8) {
        let o = self.outline.clone();
        if let Some(root) = self.zoom_root() {
            // Inside a zoom, levels count from the root: 1 is its children.
            let base = self.tree.levels()[root];
            let range = o.subtree_end(root).min(o.len());
            let inner = if level >= 9 {
                9
            } else {
                base.saturating_add(level).min(9)
            };
            self.tree.apply_level(&o, root..range, inner);
            self.tree.set_many(&o, [(root, true)]);
            return;
        }
        self.tree.show_level(&o, level);
        self.doc_levels.iter_mut().for_each(|l| *l = level);
        self.outline_cycle = match level {
            1 => 0,
            9 => 2,
            _ => 1,
        };
    }
}
