//! Read access to the reader for callers outside the crate (tests, benches)
//! and for the terminal loop and `reader`: they see the app through these,
//! and change it only by sending it events.

use super::detail::Detail;
use super::find::Find;
use super::tree::Tree;
use super::{App, Focus};
use crate::outline::{Clean, Outline};
use crate::state::Bookmark;
use std::collections::HashSet;
use std::sync::Arc;

impl App {
    pub fn outline(&self) -> &Arc<Outline> {
        &self.outline
    }

    pub fn tree(&self) -> &Tree {
        &self.tree
    }

    /// The outline's folds and selection, for tests and benches that set
    /// up a view directly; the reader itself changes them only in `update`.
    pub fn tree_mut(&mut self) -> &mut Tree {
        &mut self.tree
    }

    pub fn detail(&self) -> &Detail {
        &self.detail
    }

    pub fn find(&self) -> &Find {
        &self.find
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    pub fn status(&self) -> Option<&Clean> {
        self.status.as_ref()
    }

    pub fn bookmarks(&self) -> &[Bookmark] {
        &self.bookmarks
    }

    /// Nodes that carry a bookmark in this run.
    pub fn marked(&self) -> &HashSet<u32> {
        &self.marked
    }

    /// The bookmark list's cursor, when the list is open.
    pub fn bookmark_cursor(&self) -> Option<usize> {
        self.bookmark_list
    }

    /// Find history, most recent first.
    pub fn history(&self) -> &[String] {
        &self.history
    }

    /// Files that could not be loaded.
    pub fn problems(&self) -> &[Clean] {
        &self.load.problems
    }

    pub fn quitting(&self) -> bool {
        self.quit
    }

    /// Something worth saving changed since the last `Event::Saved`.
    pub fn unsaved(&self) -> bool {
        self.state_dirty
    }

    /// Whether a search is still running (results come on ticks).
    pub fn searching(&self) -> bool {
        self.find.progress.is_some()
    }
}
