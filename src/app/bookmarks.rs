//! Bookmarks: marking the selected node, where each bookmark points in this
//! run, and the bookmark list overlay (its cursor is `App::bookmark_list`)
//! with its commands. A bookmark names its node by its path of titles
//! (`state::keys`), so it survives edits to the file.

use super::{App, Focus};
use crate::action::Action;
use crate::outline::{Clean, Kind};
use crate::state::keys::{path_of, resolve, Resolver};
use crate::state::{paths, Bookmark, MAX_BOOKMARKS, MAX_BOOKMARK_DEPTH, MAX_LABEL_CHARS};
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

/// How to open the file a bookmark is in: a command that works as typed.
/// The bundled notes are what `talktree` alone opens; notes read from
/// standard input have no path to give.
pub fn reopen_hint(doc_key: &str) -> String {
    if doc_key.starts_with("bundled:") {
        return "it is in the bundled notes: talktree (with no path) shows it".into();
    }
    if doc_key == crate::outline::STDIN_SOURCE {
        return "it was in notes read from standard input: pipe them in again (… | talktree -)".into();
    }
    let path = Clean::path(&paths::from_text(doc_key));
    format!("talktree {} shows it", shell_quoted(&path))
}

/// A word the shell reads back as `s`: as it is when it holds only
/// characters no shell treats specially, else in single quotes.
fn shell_quoted(s: &str) -> String {
    let plain = |c: char| c.is_alphanumeric() || "/._-+,:@%=".contains(c);
    if !s.is_empty() && s.chars().all(plain) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

impl App {
    /// Index of the loaded document whose key is `key`.
    fn doc_by_key(&self, key: &str) -> Option<usize> {
        self.outline.docs().iter().find(|d| d.key == key).map(|d| d.node)
    }

    /// Opens the bookmark list, or says how to make a bookmark.
    pub(super) fn open_bookmarks(&mut self) {
        if self.bookmarks.is_empty() {
            self.status = Some("No bookmarks yet: m bookmarks the selected node".into());
        } else {
            self.bookmark_list = Some(0);
        }
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
            let title = o.text(o.document_of(sel)).chars().take(MAX_LABEL_CHARS).collect();
            self.bookmarks.push(Bookmark {
                doc: key,
                path,
                label,
                title,
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
                // A jump: Ctrl-o comes back; out of a zoom that hides it.
                self.record_jump();
                self.reveal_jump(node);
                self.bookmark_list = None;
                self.focus = Focus::Outline;
            }
            Target::Missing => self.status = Some(format!("{:?} is no longer in its file", b.label).into()),
            Target::NotOpen => self.status = Some(format!("Not open in this run: {}", reopen_hint(&b.doc)).into()),
        }
    }
}
