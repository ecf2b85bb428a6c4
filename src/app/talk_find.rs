//! Finding inside the talk the detail pane shows: the find pane opens on
//! that talk's nodes only, searched here as the query is typed (a talk is
//! small; the search thread is for everything), its hits marked in the
//! detail pane as they are found (as every query is while the find pane
//! is open, see `App::marks`); Enter keeps the detail pane focused and
//! n/N step within the talk.

use super::{App, Focus};
use crate::search::Hit;
use crate::view::HitTree;
use std::ops::Range;
use std::sync::Arc;

impl App {
    /// `/` in the detail pane.
    pub(super) fn open_find_in_talk(&mut self) {
        let talk = self.detail.context;
        let range = talk..self.outline.subtree_end(talk).min(self.outline.len());
        self.open_find();
        self.find.talk = Some(range);
        self.focus = Focus::Detail;
    }

    /// The talk's nodes matching `query`, as results (document order: in
    /// a talk, where a hit is matters more than how well it scored).
    pub(super) fn find_in_talk(&mut self, query: &str, talk: Range<usize>) {
        let marks = crate::view::Highlighter::with(query, self.find.matching);
        let nodes = marks.as_ref().map_or(Vec::new(), |h| h.matching(&self.outline, talk));
        self.find.results = Arc::new(nodes.iter().map(|&node| Hit { node, score: 0 }).collect());
        self.find.results_query = query.to_string();
        self.find.close = nodes.len();
        let tree = self
            .find
            .tree_view
            .then(|| Arc::new(HitTree::new(&self.outline, &nodes)));
        self.find.progress = None;
        self.find.cursor = 0;
        self.find.top = 0;
        self.find.tree = None;
        self.take_tree(tree, true);
    }
}
