//! The find pane: its state (the query being typed, the ranked results the
//! search thread sends back, the chosen result, and where the reader was
//! before, so Esc can put everything back), its commands in `handlers`, and
//! the query as text in `text`.

mod handlers;
mod text;
mod tree_view;

use crate::outline::Outline;
use crate::remap::Shift;
use crate::search::{Hit, Matching, Scope};
use crate::view::HitTree;
use std::ops::Range;
use std::sync::Arc;
use text::new_input;
pub use text::MAX_QUERY_BYTES;
use tui_textarea::TextArea;

/// Where the reader was when the find pane opened.
#[derive(Clone, Debug)]
pub struct Origin {
    pub selected: usize,
    pub open: Vec<bool>,
    pub top: usize,
    pub detail_scroll: usize,
}

pub struct Find {
    pub open: bool,
    pub input: TextArea<'static>,
    pub scope: Scope,
    /// Ranked results for `results_query`.
    pub results: Arc<Vec<Hit>>,
    pub results_query: String,
    /// How many of `results` are close (the rest are loose).
    pub close: usize,
    /// Exact words (fzf's --exact) or fuzzy ones.
    pub matching: Matching,
    /// The results as the outline filtered to them, built on the search
    /// thread while the tree view is on.
    pub tree: Option<Arc<HitTree>>,
    /// The tree view is shown instead of the ranked list.
    pub tree_view: bool,
    pub tree_cursor: usize,
    pub tree_top: usize,
    /// Finding inside one talk (these nodes) instead of everywhere.
    pub talk: Option<Range<usize>>,
    /// (scanned, total) while a search is still running.
    pub progress: Option<(usize, usize)>,
    pub cursor: usize,
    pub top: usize,
    origin: Option<Origin>,
    /// The ancestors of the result last previewed, which the preview
    /// opened (see `App::preview`).
    preview_path: Vec<usize>,
    /// Enter was pressed before the results were in: jump when they are.
    jump_pending: bool,
    /// Which earlier query Up/Down recalled, if the input shows one.
    history_pos: Option<usize>,
}

impl Default for Find {
    fn default() -> Self {
        Find {
            open: false,
            input: new_input(),
            scope: Scope::All,
            results: Arc::new(Vec::new()),
            results_query: String::new(),
            close: 0,
            matching: Matching::default(),
            tree: None,
            tree_view: false,
            tree_cursor: 0,
            tree_top: 0,
            talk: None,
            progress: None,
            cursor: 0,
            top: 0,
            origin: None,
            preview_path: Vec::new(),
            jump_pending: false,
            history_pos: None,
        }
    }
}

impl Find {
    /// Searches everything or talk titles only, and says which in the
    /// empty input.
    pub fn set_scope(&mut self, scope: Scope) {
        self.scope = scope;
        self.input.set_placeholder_text(match scope {
            Scope::All => "type to find a talk or a note",
            Scope::Sessions => "type to find a talk title",
        });
    }

    pub fn clear(&mut self) {
        self.input = new_input();
        self.results = Arc::new(Vec::new());
        self.results_query.clear();
        self.close = 0;
        self.tree = None;
        self.tree_cursor = 0;
        self.tree_top = 0;
        self.talk = None;
        self.progress = None;
        self.cursor = 0;
        self.top = 0;
        self.preview_path.clear();
        self.jump_pending = false;
        self.history_pos = None;
    }

    /// The outline changed under the pane (a file reloaded): the place to
    /// go back to follows its node, the folds to restore are `folds` of
    /// those remembered, and results move with their nodes (those gone are
    /// dropped) until the search runs again on the new outline.
    pub(crate) fn carry(&mut self, old: &Outline, shift: &Shift, folds: impl Fn(&[bool]) -> Vec<bool>) {
        if let Some(o) = &mut self.origin {
            o.selected = shift.node_or_ancestor(old, o.selected);
            o.open = folds(&o.open);
        }
        self.preview_path.clear();
        let chosen = self.chosen().and_then(|n| shift.node(n));
        let mut close = 0;
        let moved: Vec<Hit> = self
            .results
            .iter()
            .enumerate()
            .filter_map(|(k, h)| {
                let n = shift.node(h.node as usize)?;
                close += usize::from(k < self.close);
                Some(Hit { node: n as u32, ..*h })
            })
            .collect();
        self.close = close;
        // The tree of hits and a talk's node range name old nodes: the
        // tree comes back with the search run again; finding in a talk
        // ends (its talk may be gone).
        self.tree = None;
        self.tree_cursor = 0;
        self.tree_top = 0;
        self.talk = None;
        self.cursor = chosen
            .and_then(|c| moved.iter().position(|h| h.node as usize == c))
            .unwrap_or(0);
        self.results = Arc::new(moved);
    }

    /// The node of the chosen row: a ranked result, or a row of the tree.
    pub fn chosen(&self) -> Option<usize> {
        match self.shown_tree() {
            Some(t) => t.node_at(self.tree_cursor),
            None => self.results.get(self.cursor).map(|h| h.node as usize),
        }
    }

    /// The filtered tree, when it is what the pane shows.
    pub fn shown_tree(&self) -> Option<&HitTree> {
        self.tree.as_deref().filter(|_| self.tree_view)
    }

    /// Where the reader was when the pane opened.
    pub fn origin_selected(&self) -> Option<usize> {
        self.origin.as_ref().map(|o| o.selected)
    }

    pub fn move_cursor(&mut self, delta: isize) {
        let (len, cursor) = match self.shown_tree() {
            Some(t) => (t.len(), &mut self.tree_cursor),
            None => (self.results.len(), &mut self.cursor),
        };
        if len == 0 {
            return;
        }
        *cursor = (*cursor as isize + delta).clamp(0, len as isize - 1) as usize;
    }

    pub fn scroll_into_view(&mut self, height: usize) {
        if height == 0 {
            return;
        }
        let (cursor, top) = match self.shown_tree() {
            Some(_) => (self.tree_cursor, &mut self.tree_top),
            None => (self.cursor, &mut self.top),
        };
        if cursor < *top {
            *top = cursor;
        } else if cursor >= *top + height {
            *top = cursor + 1 - height;
        }
    }
}

#[cfg(test)]
mod tests;
