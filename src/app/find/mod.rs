//! The find pane: its state (the query being typed, the ranked results the
//! search thread sends back, the chosen result, and where the reader was
//! before, so Esc can put everything back), its commands in `handlers`, and
//! the query as text in `text`.

mod handlers;
mod text;

use crate::outline::Outline;
use crate::remap::Shift;
use crate::search::{Hit, Scope};
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
        let moved: Vec<Hit> = self
            .results
            .iter()
            .filter_map(|h| shift.node(h.node as usize).map(|n| Hit { node: n as u32, ..*h }))
            .collect();
        self.cursor = chosen
            .and_then(|c| moved.iter().position(|h| h.node as usize == c))
            .unwrap_or(0);
        self.results = Arc::new(moved);
    }

    pub fn chosen(&self) -> Option<usize> {
        self.results.get(self.cursor).map(|h| h.node as usize)
    }

    pub fn move_cursor(&mut self, delta: isize) {
        if self.results.is_empty() {
            return;
        }
        let last = self.results.len() as isize - 1;
        self.cursor = (self.cursor as isize + delta).clamp(0, last) as usize;
    }

    pub fn scroll_into_view(&mut self, height: usize) {
        if height == 0 {
            return;
        }
        if self.cursor < self.top {
            self.top = self.cursor;
        } else if self.cursor >= self.top + height {
            self.top = self.cursor + 1 - height;
        }
    }
}

#[cfg(test)]
mod tests;
