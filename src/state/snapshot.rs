//! The reader's view at one moment, taken on the UI thread in one pass
//! over the folds (a copy of the flags and, per document, the nodes whose
//! fold differs from its level). Naming those nodes, merging and writing
//! happen later, on the saver's thread (`changes`).

use super::folds::{self, View};
use super::{Bookmark, Changes, State, HISTORY, MAX_LAST_PATHS};
use crate::outline::Outline;
use std::collections::HashSet;
use std::sync::Arc;

/// `--last` paths kept, in bytes of text.
const LAST_PATHS_BYTES: usize = 1 << 20;

/// One document's folds: its level and the nodes that differ from it.
#[derive(Clone, Debug, Default)]
pub struct DocView {
    pub level: u8,
    pub differs: Vec<u32>,
}

#[derive(Clone, Debug)]
pub struct Snapshot {
    pub outline: Arc<Outline>,
    /// Every node's fold.
    pub open: Vec<bool>,
    /// One per `outline.docs()`.
    pub docs: Vec<DocView>,
    /// The level a document opens at when nothing is remembered for it.
    pub default_level: u8,
    pub selected: Option<usize>,
    pub detail_scroll: usize,
    pub bookmarks: Vec<Bookmark>,
    pub history: Vec<String>,
    /// The paths this run opened (`paths::to_text`), when it sets them.
    pub last_paths: Option<Vec<String>>,
    /// Pane sizes and the find pane's view, when the reader has them.
    pub view: Option<crate::view::ViewPrefs>,
    /// Whether line numbers are shown (None: nothing to say).
    pub line_numbers: Option<bool>,
}

impl Snapshot {
    /// A view of nothing loaded (bookmarks and history still count).
    pub fn empty(bookmarks: Vec<Bookmark>, history: Vec<String>) -> Snapshot {
        Snapshot {
            outline: Arc::new(Outline::new()),
            open: Vec::new(),
            docs: Vec::new(),
            default_level: 0,
            selected: None,
            detail_scroll: 0,
            bookmarks,
            history,
            last_paths: None,
            view: None,
            line_numbers: None,
        }
    }

    /// What to merge into the file. Documents whose view is the default
    /// are not stored (the merge removes what the file had for them);
    /// `seen` stamps the others.
    pub fn changes(&self, seen: u64) -> Changes {
        let o = &self.outline;
        let mut state = State::default();
        let mut loaded = HashSet::new();
        for (info, view) in o.docs().iter().zip(&self.docs) {
            let selected = self.selected.filter(|&s| s < o.len() && o.document_of(s) == info.node);
            let mut doc = folds::encode(
                o,
                &View {
                    doc: info.node,
                    level: view.level,
                    open: &self.open,
                    differs: &view.differs,
                    selected,
                    detail_scroll: if selected.is_some() { self.detail_scroll } else { 0 },
                },
            );
            if selected.is_some() {
                state.last_document = Some(info.key.clone());
            }
            loaded.insert(info.key.clone());
            if !doc.is_default_at(self.default_level) {
                doc.seen = seen;
                state.documents.insert(info.key.clone(), doc);
            }
        }
        state.bookmarks = self.bookmarks.clone();
        state.line_numbers = self.line_numbers;
        state.find_history = self.history.iter().take(HISTORY).cloned().collect();
        if let Some(paths) = &self.last_paths {
            let mut bytes = 0;
            state.last_paths = paths
                .iter()
                .take(MAX_LAST_PATHS)
                .take_while(|p| {
                    bytes += p.len();
                    bytes <= LAST_PATHS_BYTES
                })
                .cloned()
                .collect();
        }
        state.view = self.view;
        Changes {
            state,
            loaded,
            set_paths: self.last_paths.is_some(),
        }
    }
}
