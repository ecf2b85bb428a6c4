//! The find pane's commands: opening and closing it, choosing and jumping
//! to a result, the preview of the chosen one, typing, and the results the
//! search thread sends back.

use super::Origin;
use crate::app::{App, Focus};
use crate::event::Event;
use crate::keymap::Key;
use crate::search::Scope;
use std::time::Duration;

impl App {
    pub(in crate::app) fn open_find(&mut self) {
        self.find.clear();
        self.find.open = true;
        self.worker.build_trees(self.find.tree_view);
        self.find.origin = Some(Origin {
            selected: self.tree.selected,
            open: self.tree.open_flags().to_vec(),
            top: self.tree.top,
            detail_scroll: self.detail.scroll,
        });
    }

    /// Closes the find pane; `restore` puts the outline back as it was.
    pub(in crate::app) fn close_find(&mut self, restore: bool) {
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

    pub(in crate::app) fn jump_to_result(&mut self) {
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
        let (close, total) = (self.find.close.min(self.find.results.len()), self.find.results.len());
        let steps = crate::app::view::steps_of(&self.find.results, close, self.outline.len());
        let query = self.find.query();
        let talk = self.find.talk.clone();
        self.remember_query(&query);
        self.preview();
        self.close_find(false);
        let tiered = close > 0 && close < total;
        self.set_highlight(&query, steps, tiered);
        self.view.talk = talk.clone();
        let at = self.view.steps.position(node).and_then(|i| self.view.steps.at(i));
        let which = at.map_or(String::new(), |s| format!(", {}", s.label()));
        let tiers = if tiered {
            format!(" ({close} close, then {} loose)", total - close)
        } else {
            String::new()
        };
        let place = if talk.is_some() { " in this talk" } else { "" };
        self.status =
            Some(format!("{total} hits for {query:?}{place}{tiers}{which}: n and N step through them").into());
        self.last_query = query;
        if talk.is_some() {
            self.focus = Focus::Detail;
        } else {
            self.focus = Focus::Outline;
        }
        self.tree.selected = node;
    }

    pub(in crate::app) fn move_result(&mut self, delta: isize) {
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
    pub(in crate::app) fn type_in_find(&mut self, k: Key) {
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
    pub(in crate::app) fn paste(&mut self, text: &str) {
        if !self.find.open || !self.takes(None) {
            return;
        }
        self.touch();
        if self.find.paste(text) {
            self.submit_search();
        }
        self.sync();
    }

    pub(in crate::app) fn submit_search(&mut self) {
        self.find.jump_pending = false;
        let q = self.find.query();
        if let Some(talk) = self.find.talk.clone() {
            self.find_in_talk(&q, talk);
            return;
        }
        let options = crate::search::Options {
            scope: self.find.scope,
            matching: self.find.matching,
            all_copies: false,
        };
        self.worker.submit(&q, options);
        if q.trim().is_empty() {
            self.find.results = Default::default();
            self.find.results_query.clear();
            self.find.close = 0;
            self.find.tree = None;
            self.find.tree_cursor = 0;
            self.find.tree_top = 0;
            self.find.progress = None;
            self.find.cursor = 0;
        } else {
            self.find.progress = Some((0, 0));
        }
    }

    pub(in crate::app) fn poll_search(&mut self) {
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
        self.find.close = r.close;
        if new_query {
            self.find.cursor = 0;
            self.find.top = 0;
        }
        self.find.cursor = self.find.cursor.min(self.find.results.len().saturating_sub(1));
        self.take_tree(r.tree, new_query);
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
        self.handle(Event::Tick);
    }

    /// Up/Down in an empty (or recalled) query walk earlier searches.
    /// Returns false when the key should move in the results instead.
    pub(in crate::app) fn walk_history(&mut self, older: bool) -> bool {
        let recalled = self
            .find
            .history_pos
            .is_some_and(|i| self.history.get(i).is_some_and(|h| self.find.shows(h)));
        if !(self.find.query().is_empty() || recalled) || self.history.is_empty() {
            return false;
        }
        let next = match (self.find.history_pos.filter(|_| recalled), older) {
            (None, true) => Some(0),
            (None, false) => None,
            (Some(i), true) => Some((i + 1).min(self.history.len() - 1)),
            (Some(0), false) => None,
            (Some(i), false) => Some(i - 1),
        };
        let text = next.map_or(String::new(), |i| self.history[i].clone());
        self.find.set_query(&text);
        self.find.history_pos = next;
        self.submit_search();
        true
    }

    /// The find scope, for display.
    pub fn scope_name(&self) -> &'static str {
        match self.find.scope {
            Scope::All => "everything",
            Scope::Sessions => "talk titles",
        }
    }
}
