//! What the reader remembers: turning its view into `state::Changes` to save
//! and back, bookmarks, and find history. Node identity is by path of titles
//! (`state::keys`), so folds and marks survive edits to the files.

use super::{App, Focus};
use crate::action::Action;
use crate::outline::{Clean, Kind};
use crate::state::keys::{path_of, resolve, Resolver};
use crate::state::snapshot::{DocView, Snapshot};
use crate::state::{folds, paths, remember_query, Bookmark, Changes, State};
use crate::state::{MAX_BOOKMARKS, MAX_BOOKMARK_DEPTH, MAX_LABEL_CHARS};
use std::collections::HashMap;

/// A bookmark as the list shows it: where it points now, if anywhere.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Node(usize),
    /// Its file is loaded but the node is gone.
    Missing,
    /// Its file is not open in this run.
    NotOpen,
}

impl App {
    /// Index of the loaded document whose key is `key`.
    fn doc_by_key(&self, key: &str) -> Option<usize> {
        self.outline.docs().iter().find(|d| d.key == key).map(|d| d.node)
    }

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
        self.bookmarks = s.bookmarks.clone();
        self.history = s.find_history.clone();
        self.refresh_marks();
        self.sync();
    }

    /// Where a bookmark points in this run.
    pub fn target(&self, b: &Bookmark) -> Target {
        match self.doc_by_key(&b.doc) {
            None => Target::NotOpen,
            Some(doc) => resolve(&self.outline, doc, &b.path).map_or(Target::Missing, Target::Node),
        }
    }

    /// Recomputes which visible nodes carry a bookmark mark.
    pub(super) fn refresh_marks(&mut self) {
        let o = &self.outline;
        let docs: HashMap<&str, usize> = o.docs().iter().rev().map(|d| (d.key.as_str(), d.node)).collect();
        let mut resolver = Resolver::new(o);
        let marked = self
            .bookmarks
            .iter()
            .filter_map(|b| resolver.path(*docs.get(b.doc.as_str())?, &b.path))
            .map(|n| n as u32)
            .collect();
        self.marked = marked;
    }

    pub(super) fn toggle_bookmark(&mut self) {
        let o = self.outline.clone();
        let sel = self.tree.selected;
        let key = o.docs()[o.doc_index(sel)].key.clone();
        if o.depth(sel) > MAX_BOOKMARK_DEPTH {
            self.status = Some(format!("Too deep to bookmark (over {MAX_BOOKMARK_DEPTH} levels)").into());
            return;
        }
        let path = path_of(&o, sel);
        let before = self.bookmarks.len();
        self.bookmarks.retain(|b| !(b.doc == key && b.path == path));
        if self.bookmarks.len() == before {
            if before >= MAX_BOOKMARKS {
                self.status = Some(format!("{MAX_BOOKMARKS} bookmarks already: ' lists them, d removes one").into());
                return;
            }
            let text: String = o.text(sel).chars().take(MAX_LABEL_CHARS).collect();
            let label = if o.kind(sel) == Kind::Document {
                format!("{text} (file)")
            } else {
                text
            };
            self.bookmarks.push(Bookmark {
                doc: key,
                path,
                label,
                extra: Default::default(),
            });
            self.status = Some("Bookmarked: ' lists bookmarks".into());
        } else {
            self.status = Some("Bookmark removed".into());
        }
        self.refresh_marks();
        self.touch();
    }

    /// A command while the bookmark list is open (its context's keys).
    pub(super) fn update_bookmarks(&mut self, action: Action) {
        let Some(cur) = self.bookmark_list else { return };
        let n = self.bookmarks.len();
        match action {
            Action::CloseOverlay | Action::OpenBookmarks => self.bookmark_list = None,
            Action::MoveDown => self.bookmark_list = Some((cur + 1).min(n.saturating_sub(1))),
            Action::MoveUp => self.bookmark_list = Some(cur.saturating_sub(1)),
            Action::DeleteBookmark if cur < n => {
                self.bookmarks.remove(cur);
                self.bookmark_list = Some(cur.min(self.bookmarks.len().saturating_sub(1)));
                self.refresh_marks();
                self.touch();
            }
            Action::JumpToBookmark => self.jump_to_bookmark(cur),
            Action::Quit => self.quit = true,
            _ => {}
        }
        self.sync();
    }

    fn jump_to_bookmark(&mut self, cur: usize) {
        let Some(b) = self.bookmarks.get(cur).cloned() else {
            return;
        };
        match self.target(&b) {
            Target::Node(node) => {
                let o = self.outline.clone();
                self.tree.reveal(&o, node);
                self.bookmark_list = None;
                self.focus = Focus::Outline;
            }
            Target::Missing => self.status = Some(format!("{:?} is no longer in its file", b.label).into()),
            Target::NotOpen => {
                let doc = Clean::path(&paths::from_text(&b.doc));
                self.status = Some(format!("Not open in this run: talktree {doc} shows it").into())
            }
        }
    }

    /// Up/Down in an empty (or recalled) query walk earlier searches.
    /// Returns false when the key should move in the results instead.
    pub(super) fn walk_history(&mut self, older: bool) -> bool {
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

    pub(super) fn remember_query(&mut self, q: &str) {
        remember_query(&mut self.history, q);
        self.touch();
    }

    /// Marks the state as changed: the main loop saves a little later.
    pub(super) fn touch(&mut self) {
        self.state_dirty = true;
    }
}
