//! The handlers behind `App::update`: moving, folding, finding and the
//! mouse. Named for what they do, never for the key that triggers them.

use super::find::Origin;
use super::{App, Focus};
use crate::action::Action;
use crate::layout::{contains, tree_indent};
use crate::outline::Kind;
use crate::search::Scope;
use std::time::Duration;

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

    pub(super) fn open_find(&mut self) {
        self.find.clear();
        self.find.open = true;
        self.find.origin = Some(Origin {
            selected: self.tree.selected,
            open: self.tree.open_flags().to_vec(),
            top: self.tree.top,
            detail_scroll: self.detail.scroll,
        });
    }

    /// Closes the find pane; `restore` puts the outline back as it was.
    pub(super) fn close_find(&mut self, restore: bool) {
        // Closed first: the outline is scrolled back for its full height.
        self.find.open = false;
        if let (true, Some(origin)) = (restore, self.find.origin.take()) {
            let o = self.outline.clone();
            self.tree.set_open_flags(&o, origin.open);
            self.tree.selected = origin.selected;
            self.tree.top = origin.top;
            self.sync();
            self.detail.scroll = origin.detail_scroll;
        }
        self.find.origin = None;
        self.worker.submit("", self.find.scope);
    }

    pub(super) fn jump_to_result(&mut self) {
        if self.find.progress.is_some() {
            // Typed ahead of the search: jump as soon as its ranking is final.
            self.find.jump_pending = true;
            return;
        }
        self.find.jump_pending = false;
        let Some(node) = self.find.chosen() else {
            if !self.find.query().trim().is_empty() {
                self.status = Some(format!("No match for {:?}", self.find.query()).into());
            }
            return;
        };
        let hits = crate::search::in_document_order(&self.find.results, self.outline.len());
        let n = hits.len();
        let query = self.find.query();
        self.remember_query(&query);
        self.preview();
        self.close_find(false);
        self.focus = Focus::Outline;
        self.last_hits = hits;
        self.status = Some(format!("{n} hits for {query:?}: n and N step through them").into());
        self.last_query = query;
        self.tree.selected = node;
    }

    pub(super) fn move_result(&mut self, delta: isize) {
        self.find.move_cursor(delta);
        self.preview();
    }

    /// Shows the chosen result in the outline and detail pane while the
    /// find pane stays open (Esc undoes it).
    fn preview(&mut self) {
        let (Some(node), Some(origin)) = (self.find.chosen(), self.find.origin.as_ref()) else {
            return;
        };
        let o = self.outline.clone();
        // The folds the last preview opened go back to the origin's, and
        // this one's path opens: only those subtrees' rows are rewritten
        // (each new best hit while a search runs is previewed).
        let path: Vec<usize> = o.ancestors(node).collect();
        let back = self.find.preview_path.iter().filter(|a| !path.contains(a));
        let changes: Vec<(usize, bool)> = back
            .map(|&a| (a, origin.open.get(a).copied().unwrap_or(false)))
            .chain(path.iter().map(|&a| (a, true)))
            .collect();
        self.tree.selected = node;
        self.tree.set_folds(&o, changes);
        self.find.preview_path = path;
    }

    /// A key that is no binding of the find pane: text for the query.
    pub(super) fn type_in_find(&mut self, k: crate::keymap::Key) {
        if !self.takes(None) {
            return;
        }
        self.touch();
        if self.find.type_key(k) {
            self.submit_search();
        }
        self.sync();
    }

    /// Pasted text goes into the query when the find pane is open.
    pub(super) fn paste(&mut self, text: &str) {
        if !self.find.open || !self.takes(None) {
            return;
        }
        self.touch();
        if self.find.paste(text) {
            self.submit_search();
        }
        self.sync();
    }

    pub(super) fn submit_search(&mut self) {
        self.find.jump_pending = false;
        let q = self.find.query();
        self.worker.submit(&q, self.find.scope);
        if q.trim().is_empty() {
            self.find.results = Default::default();
            self.find.results_query.clear();
            self.find.progress = None;
            self.find.cursor = 0;
        } else {
            self.find.progress = Some((0, 0));
        }
    }

    pub(super) fn poll_search(&mut self) {
        while let Some(r) = self.worker.try_recv() {
            self.apply_results(r);
        }
    }

    fn apply_results(&mut self, r: crate::search::Results) {
        if r.generation != self.worker.generation() || !self.find.open {
            return;
        }
        let new_query = r.query != self.find.results_query || r.scope != self.find.scope;
        self.find.results = r.hits;
        self.find.results_query = r.query;
        self.find.progress = r.progress;
        if new_query {
            self.find.cursor = 0;
            self.find.top = 0;
        }
        self.find.cursor = self.find.cursor.min(self.find.results.len().saturating_sub(1));
        self.preview();
        if self.find.jump_pending && self.find.progress.is_none() {
            self.jump_to_result();
        }
    }

    /// Waits for the current search to finish (tests and scripted runs).
    pub fn settle(&mut self) {
        while self.find.progress.is_some() {
            match self.worker.recv_timeout(Duration::from_secs(10)) {
                Some(r) => self.apply_results(r),
                None => break,
            }
        }
        self.handle(crate::event::Event::Tick);
    }

    /// `n`/`N`: the next hit of the last search after the selection, in
    /// document order, wrapping around.
    pub(super) fn step_hit(&mut self, forward: bool) {
        if self.last_hits.is_empty() {
            self.status = Some("No search yet: press / to find".into());
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

    pub(super) fn click(&mut self, col: u16, row: u16) {
        if self.help.is_some() {
            self.help = None;
            return;
        }
        let l = self.layout();
        let o = self.outline.clone();
        if contains(l.tree_rows, col, row) {
            self.focus = Focus::Outline;
            let r = self.tree.top + (row - l.tree_rows.y) as usize;
            let Some(&node) = self.tree.rows().get(r) else { return };
            let node = node as usize;
            let marker = l.tree_rows.x + tree_indent(o.depth(node), l.tree_rows.width);
            self.tree.selected = node;
            if (marker..marker + 2).contains(&col) && o.has_children(node) {
                self.tree.set_open(&o, node, !self.tree.is_open(node));
            }
        } else if contains(l.detail_body, col, row) {
            self.focus = Focus::Detail;
            let line = self.detail.scroll + (row - l.detail_body.y) as usize;
            if let Some(n) = self.detail.lines.get(line).map(|l| l.node as usize) {
                self.tree.reveal(&o, n);
                // Keep the pane where the reader clicked.
                self.synced_selection = Some(n);
            }
        } else if self.find.open && contains(l.find_results, col, row) {
            let idx = self.find.top + (row - l.find_results.y) as usize;
            if idx < self.find.results.len() {
                self.find.cursor = idx;
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

    /// The find scope, for display.
    pub fn scope_name(&self) -> &'static str {
        match self.find.scope {
            Scope::All => "everything",
            Scope::Sessions => "talk titles",
        }
    }
}
