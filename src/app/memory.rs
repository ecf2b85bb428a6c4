//! What the reader remembers: turning its view into `state::Changes` to save
//! and back (bookmarks included; see `bookmarks` for marking), and find
//! history. Node identity is by path of titles
//! (`state::keys`), so folds and marks survive edits to the files.

use super::App;
use crate::state::snapshot::{DocView, Snapshot};
use crate::state::{folds, remember_query, Changes, State};

impl App {
    /// This run's view for the saver, in one pass over the folds: naming
    /// the nodes is left to the saver's thread.
    pub fn snapshot(&self) -> Snapshot {
        let o = &self.outline;
        if o.is_empty() {
            return Snapshot::empty(self.bookmarks.clone(), self.history.clone());
        }
        let (lv, open) = (self.tree.levels(), self.tree.open_flags());
        let docs = o
            .docs()
            .iter()
            .enumerate()
            .map(|(d, info)| {
                let level = self.doc_levels.get(d).copied().unwrap_or(self.opts.open_level);
                let differs = (info.node..o.subtree_end(info.node))
                    .filter(|&n| o.has_children(n) && open[n] != super::tree::open_at_level(o.kind(n), lv[n], level))
                    .map(|n| n as u32)
                    .collect();
                DocView { level, differs }
            })
            .collect();
        Snapshot {
            outline: o.clone(),
            open: open.to_vec(),
            docs,
            default_level: self.opts.open_level,
            selected: Some(self.tree.selected),
            detail_scroll: self.detail.scroll,
            bookmarks: self.bookmarks.clone(),
            history: self.history.clone(),
            last_paths: None,
            view: Some(self.view_prefs()),
            line_numbers: Some(self.edit.line_numbers),
        }
    }

    /// This run's view as the saver merges it into the state file.
    pub fn changes(&self) -> Changes {
        self.snapshot().changes(0)
    }

    /// Puts the reader back where this state left it: folds per document,
    /// the selection, the detail scroll, bookmarks and find history.
    pub fn restore(&mut self, s: &State) {
        let o = self.outline.clone();
        let mut changes = Vec::new();
        let mut selected = None;
        for (d, info) in o.docs().iter().enumerate() {
            let Some(doc) = s.documents.get(&info.key) else {
                continue;
            };
            let level = if (1..=9).contains(&doc.level) {
                doc.level
            } else {
                self.opts.open_level
            };
            self.doc_levels[d] = level;
            self.tree.apply_level(&o, info.node..o.subtree_end(info.node), level);
            let restored = folds::decode(&o, info.node, doc);
            changes.extend(restored.folds);
            if selected.is_none() && s.last_document.as_deref() == Some(info.key.as_str()) {
                selected = restored.selected.map(|n| (n, doc.detail_scroll));
            }
        }
        self.tree.set_many(&o, changes);
        if let Some((node, scroll)) = selected {
            self.tree.reveal(&o, node);
            self.sync();
            self.detail.scroll = scroll;
            self.detail.clamp(self.layout().detail_body.height as usize);
        }
        if let Some(prefs) = s.view {
            self.restore_view(prefs);
        }
        self.bookmarks = s.bookmarks.clone();
        if let Some(shown) = s.line_numbers {
            self.edit.line_numbers = shown;
        }
        self.history = s.find_history.clone();
        self.refresh_marks();
        self.sync();
    }

    pub(super) fn remember_query(&mut self, q: &str) {
        remember_query(&mut self.history, q);
        self.touch();
    }

    /// Marks the state as changed: the main loop saves a little later.
    pub(super) fn touch(&mut self) {
        self.state_dirty = true;
    }
}
