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
        if o.has_children(sel) && self.tree.is_open(sel) {
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

    /// `n`/`N`: the next hit of the last search after the selection, in
    /// document order, wrapping around.
    pub(super) fn step_hit(&mut self, forward: bool) {
        if self.last_hits.is_empty() {
            let find = self.keymap.first_key(self.pane_context(), Action::OpenFind);
            let how = find.map_or(String::new(), |k| format!(": press {k} to find"));
            self.status = Some(format!("No search yet{how}").into());
            return;
        }
        let sel = self.tree.selected as u32;
        let pos = self.last_hits.partition_point(|&h| h <= sel);
        let (target, wrapped) = if forward {
            match self.last_hits.get(pos) {
                Some(&h) => (h, false),
                None => (self.last_hits[0], true),
            }
        } else {
            let before = self.last_hits.partition_point(|&h| h < sel);
            match before.checked_sub(1) {
                Some(i) => (self.last_hits[i], false),
                None => (*self.last_hits.last().expect("non-empty"), true),
            }
        };
        let o = self.outline.clone();
        self.tree.reveal(&o, target as usize);
        let idx = self.last_hits.partition_point(|&h| h < target) + 1;
        let wrap_note = if wrapped { " (wrapped)" } else { "" };
        self.status = Some(
            format!(
                "hit {idx} of {} for {:?}{wrap_note}",
                self.last_hits.len(),
                self.last_query
            )
            .into(),
        );
    }

    /// Shows every document down to `level` (9: everything).
    pub(super) fn show_level(&mut self, level: u8) {
        let o = self.outline.clone();
        self.tree.show_level(&o, level);
        self.doc_levels.iter_mut().for_each(|l| *l = level);
        self.outline_cycle = match level {
            1 => 0,
            9 => 2,
            _ => 1,
        };
    }
}
