//! What talktree remembers between runs: per document the folds, the
//! selection and the detail scroll; bookmarks; find history; the last paths
//! opened. Pure data, reading and merging here; `store` does the careful
//! file I/O and `saver` does it off the UI thread. Unknown fields are kept,
//! so a newer talktree's additions survive.
//!
//! Everything remembered is bounded (the limits below, and `WRITE_BUDGET`
//! for the whole file), so no outline or history makes a save slow or the
//! file too large to read back.

pub mod file;
pub mod folds;
pub mod keys;
pub mod merge;
pub mod paths;
pub mod saver;
pub mod snapshot;
pub mod store;

pub use merge::merge;

use keys::NodePath;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashSet};

/// The state-file format this talktree writes (2: folds as a table of
/// named nodes; 1 stored a path of titles per fold).
pub const VERSION: u32 = 2;
/// Find history kept, most recent first.
pub const HISTORY: usize = 100;
/// Longer queries are not remembered.
pub const MAX_QUERY_CHARS: usize = 1000;
pub const MAX_BOOKMARKS: usize = 500;
/// Nodes deeper than this cannot be bookmarked.
pub const MAX_BOOKMARK_DEPTH: usize = 100;
/// A bookmark's label (the node's text when marked) is cut to this.
pub const MAX_LABEL_CHARS: usize = 200;
/// Named nodes per document: the selection's path, then folds in file order.
pub const MAX_DOC_NODES: usize = 10_000;
/// Paths of the last run kept for `--last`.
pub const MAX_LAST_PATHS: usize = 1000;
/// A save sheds the least recently opened documents' entries (then the
/// oldest bookmarks) until the file fits in this.
pub const WRITE_BUDGET: usize = 8 << 20;
/// A state or config file larger than this is not read.
pub const MAX_FILE_BYTES: u64 = 16 << 20;

/// One named node of a document: its parent's id, its title (cut to
/// `keys::KEY_CHARS`) and which of the same-titled siblings it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry(pub u32, pub String, pub u32);

/// One document's view. Ids name nodes: 0 is the document, `k + 1` is
/// `nodes[k]` (see `folds`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocState {
    /// The outline level last applied to the whole document (1..9).
    #[serde(default)]
    pub level: u8,
    #[serde(default)]
    pub nodes: Vec<Entry>,
    /// Nodes opened or closed by hand since that level was applied.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opened: Vec<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closed: Vec<u32>,
    /// Subtrees open (or closed) all the way down.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opened_all: Vec<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closed_all: Vec<u32>,
    #[serde(default)]
    pub selected: Option<u32>,
    #[serde(default)]
    pub detail_scroll: usize,
    /// When a run last had the document open (seconds since 1970): the
    /// least recent are forgotten first when the file is over budget.
    #[serde(default)]
    pub seen: u64,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl DocState {
    /// Whether this entry says nothing the defaults would not.
    pub fn is_default_at(&self, level: u8) -> bool {
        self.level == level
            && self.selected.is_none()
            && [&self.opened, &self.closed, &self.opened_all, &self.closed_all]
                .iter()
                .all(|l| l.is_empty())
            && self.extra.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bookmark {
    /// The document's key (see `paths::doc_key`, or `bundled:seeds/NAME`).
    pub doc: String,
    pub path: NodePath,
    /// The node's text when it was marked, to show it even if it vanished.
    pub label: String,
    /// Its document's title when it was marked, to name the file in the
    /// list while it is not open (older state files have none).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct State {
    pub version: u32,
    #[serde(default)]
    pub documents: BTreeMap<String, DocState>,
    #[serde(default)]
    pub bookmarks: Vec<Bookmark>,
    #[serde(default)]
    pub find_history: Vec<String>,
    /// As `paths::to_text` writes them.
    #[serde(default)]
    pub last_paths: Vec<String>,
    #[serde(default)]
    pub last_document: Option<String>,
    /// Pane sizes and the find pane's view (issue 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<crate::view::ViewPrefs>,
    /// Line numbers shown beside the outline and the talk (None: never set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_numbers: Option<bool>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Default for State {
    fn default() -> Self {
        State {
            version: VERSION,
            documents: BTreeMap::new(),
            bookmarks: Vec::new(),
            find_history: Vec::new(),
            last_paths: Vec::new(),
            last_document: None,
            view: None,
            line_numbers: None,
            extra: Map::new(),
        }
    }
}

/// The file's `version`: only an integer from 0 to `VERSION` is one this
/// talktree understands (and may overwrite). Anything else (a larger
/// integer, a fraction, a string, a negative number) reads as newer, so
/// the file is never downgraded. No version at all is the first format.
pub fn version_of(v: Option<&Value>) -> u32 {
    match v {
        None => 1,
        Some(v) => match v.as_u64() {
            Some(n) => u32::try_from(n).unwrap_or(u32::MAX),
            None => u32::MAX,
        },
    }
}

/// Takes each known field that parses and keeps everything else as it is:
/// a file from a newer talktree (or one with a damaged field) is read as
/// far as it is understood. Lists are cut to their limits here, so nothing
/// after reading grows with the file.
pub fn from_value_lenient(v: Value) -> State {
    let Value::Object(mut map) = v else {
        return State::default();
    };
    let mut take = |key: &str| map.remove(key);
    fn field<T: serde::de::DeserializeOwned + Default>(v: Option<Value>) -> T {
        v.and_then(|v| serde_json::from_value(v).ok()).unwrap_or_default()
    }
    let version = version_of(take("version").as_ref());
    let documents: BTreeMap<String, Value> = field(take("documents"));
    let bookmarks: Vec<Value> = field(take("bookmarks"));
    let history: Vec<Value> = field(take("find_history"));
    let last_paths: Vec<Value> = field(take("last_paths"));
    let view: Option<crate::view::ViewPrefs> = field(take("view"));
    State {
        version,
        view,
        documents: documents
            .into_iter()
            .filter_map(|(k, v)| {
                let Value::Object(mut doc) = v else { return None };
                folds::upgrade_v1(&mut doc);
                Some((k, serde_json::from_value(Value::Object(doc)).ok()?))
            })
            .collect(),
        bookmarks: bookmarks
            .into_iter()
            .filter_map(|b| serde_json::from_value(b).ok())
            .take(MAX_BOOKMARKS)
            .collect(),
        find_history: history
            .into_iter()
            .filter_map(|h| h.as_str().filter(|q| rememberable(q)).map(str::to_string))
            .take(HISTORY)
            .collect(),
        last_paths: last_paths
            .into_iter()
            .filter_map(|p| p.as_str().map(str::to_string))
            .take(MAX_LAST_PATHS)
            .collect(),
        last_document: field(take("last_document")),
        line_numbers: field(take("line_numbers")),
        extra: map,
    }
}

fn rememberable(q: &str) -> bool {
    !q.is_empty() && q.chars().nth(MAX_QUERY_CHARS).is_none()
}

/// Adds `query` to the front of `history`, without duplicates, capped.
/// Queries over `MAX_QUERY_CHARS` (a paste gone wrong) are not kept.
pub fn remember_query(history: &mut Vec<String>, query: &str) {
    let q = query.trim();
    if !rememberable(q) {
        return;
    }
    history.retain(|h| h != q);
    history.insert(0, q.to_string());
    history.truncate(HISTORY);
}

/// What this run changed, to lay over what is on disk.
#[derive(Clone, Debug, Default)]
pub struct Changes {
    pub state: State,
    /// Documents this run loaded: their entries and bookmarks are ours.
    pub loaded: HashSet<String>,
    /// Whether this run opened paths (and so sets `last_paths`).
    pub set_paths: bool,
}

#[cfg(test)]
#[path = "state_tests.rs"]
mod tests;
