//! What talktree remembers between runs: per document the open nodes, the
//! selection and the detail scroll; bookmarks; find history; the last paths
//! opened. Pure data and merging here; `store` does the careful file I/O.
//! Unknown fields are kept, so a newer talktree's additions survive.

pub mod keys;
pub mod store;

use keys::NodePath;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashSet};

/// The state-file format this talktree writes.
pub const VERSION: u32 = 1;
/// Find history kept, most recent first.
pub const HISTORY: usize = 100;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocState {
    /// The outline level last applied to the whole document (1..9).
    #[serde(default)]
    pub level: u8,
    /// Nodes opened or closed by hand since that level was applied.
    #[serde(default)]
    pub opened: Vec<NodePath>,
    #[serde(default)]
    pub closed: Vec<NodePath>,
    #[serde(default)]
    pub selected: Option<NodePath>,
    #[serde(default)]
    pub detail_scroll: usize,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bookmark {
    /// The document's key (its absolute path, or `bundled:seeds/NAME`).
    pub doc: String,
    pub path: NodePath,
    /// The node's text when it was marked, to show it even if it vanished.
    pub label: String,
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
    #[serde(default)]
    pub last_paths: Vec<String>,
    #[serde(default)]
    pub last_document: Option<String>,
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
            extra: Map::new(),
        }
    }
}

/// Takes each known field that parses and keeps everything else as it is:
/// a file from a newer talktree (or one with a damaged field) is read as
/// far as it is understood.
pub fn from_value_lenient(v: Value) -> State {
    let Value::Object(mut map) = v else {
        return State::default();
    };
    let mut take = |key: &str| map.remove(key);
    fn field<T: serde::de::DeserializeOwned + Default>(v: Option<Value>) -> T {
        v.and_then(|v| serde_json::from_value(v).ok()).unwrap_or_default()
    }
    let version = take("version").and_then(|v| v.as_u64()).unwrap_or(VERSION as u64) as u32;
    let documents: BTreeMap<String, Value> = field(take("documents"));
    let bookmarks: Vec<Value> = field(take("bookmarks"));
    State {
        version,
        documents: documents
            .into_iter()
            .filter_map(|(k, v)| Some((k, serde_json::from_value(v).ok()?)))
            .collect(),
        bookmarks: bookmarks
            .into_iter()
            .filter_map(|b| serde_json::from_value(b).ok())
            .collect(),
        find_history: field(take("find_history")),
        last_paths: field(take("last_paths")),
        last_document: field(take("last_document")),
        extra: map,
    }
}

/// Adds `query` to the front of `history`, without duplicates, capped.
pub fn remember_query(history: &mut Vec<String>, query: &str) {
    let q = query.trim();
    if q.is_empty() {
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

/// Merges this run's state into the one on disk, so two talktrees running
/// at once each keep what the other did to other documents.
pub fn merge(disk: State, mine: &Changes) -> State {
    let m = &mine.state;
    let mut out = disk;
    out.version = VERSION.max(out.version);
    for key in &mine.loaded {
        match m.documents.get(key) {
            Some(d) => {
                out.documents.insert(key.clone(), d.clone());
            }
            None => {
                out.documents.remove(key);
            }
        }
    }
    out.bookmarks.retain(|b| !mine.loaded.contains(&b.doc));
    out.bookmarks
        .extend(m.bookmarks.iter().filter(|b| mine.loaded.contains(&b.doc)).cloned());
    let mut history = m.find_history.clone();
    for h in &out.find_history {
        if !history.contains(h) {
            history.push(h.clone());
        }
    }
    history.truncate(HISTORY);
    out.find_history = history;
    if mine.set_paths {
        out.last_paths = m.last_paths.clone();
    }
    if m.last_document.is_some() {
        out.last_document = m.last_document.clone();
    }
    for (k, v) in &m.extra {
        out.extra.entry(k.clone()).or_insert_with(|| v.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::keys::Step;
    use super::*;

    fn path(t: &str) -> NodePath {
        vec![Step(t.into(), 0)]
    }

    #[test]
    fn round_trip_keeps_unknown_fields_everywhere() {
        let text = r#"{"version":1,"future":{"a":1},"documents":{"/n.md":{"level":2,"opened":[[["A",0]]],"closed":[],"selected":[["A",0]],"detail_scroll":3,"colour":"red"}},
            "bookmarks":[{"doc":"/n.md","path":[["A",0]],"label":"A","pinned":true}],"find_history":["x"],"last_paths":["/n"],"last_document":"/n.md"}"#;
        let s = from_value_lenient(serde_json::from_str(text).unwrap());
        assert_eq!(s.documents["/n.md"].detail_scroll, 3);
        assert_eq!(s.documents["/n.md"].extra["colour"], "red");
        assert_eq!(s.bookmarks[0].extra["pinned"], true);
        let again: Value = serde_json::to_value(&s).unwrap();
        assert_eq!(again["future"]["a"], 1);
        assert_eq!(from_value_lenient(again), s);
    }

    #[test]
    fn damaged_fields_are_skipped_not_fatal() {
        let s = from_value_lenient(
            serde_json::json!({"version": 7, "documents": {"a": {"level": "x"}, "b": {"level": 3}}, "find_history": 5}),
        );
        assert_eq!(s.version, 7);
        assert_eq!(s.documents.len(), 1);
        assert!(s.find_history.is_empty());
        assert_eq!(from_value_lenient(serde_json::json!([1, 2])), State::default());
    }

    #[test]
    fn history_is_recent_first_deduplicated_and_capped() {
        let mut h = Vec::new();
        for i in 0..150 {
            remember_query(&mut h, &format!("q{}", i % 120));
        }
        remember_query(&mut h, "q5");
        remember_query(&mut h, "  ");
        assert_eq!(h.len(), HISTORY);
        assert_eq!(h[0], "q5");
        assert_eq!(h.iter().filter(|x| *x == "q5").count(), 1);
    }

    #[test]
    fn merge_keeps_what_another_run_did_to_other_documents() {
        let mut disk = State::default();
        disk.documents.insert(
            "other".into(),
            DocState {
                level: 3,
                ..Default::default()
            },
        );
        disk.documents.insert(
            "mine".into(),
            DocState {
                level: 1,
                ..Default::default()
            },
        );
        disk.bookmarks.push(Bookmark {
            doc: "other".into(),
            path: path("o"),
            label: "o".into(),
            extra: Map::new(),
        });
        disk.bookmarks.push(Bookmark {
            doc: "mine".into(),
            path: path("stale"),
            label: "s".into(),
            extra: Map::new(),
        });
        disk.find_history = vec!["old".into(), "both".into()];
        disk.last_paths = vec!["/elsewhere".into()];
        let mut mine = Changes::default();
        mine.loaded.insert("mine".into());
        mine.state.documents.insert(
            "mine".into(),
            DocState {
                level: 9,
                ..Default::default()
            },
        );
        mine.state.bookmarks.push(Bookmark {
            doc: "mine".into(),
            path: path("new"),
            label: "n".into(),
            extra: Map::new(),
        });
        mine.state.find_history = vec!["both".into(), "new".into()];
        let out = merge(disk, &mine);
        assert_eq!(out.documents["other"].level, 3);
        assert_eq!(out.documents["mine"].level, 9);
        let labels: Vec<&str> = out.bookmarks.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, vec!["o", "n"]);
        assert_eq!(out.find_history, vec!["both", "new", "old"]);
        assert_eq!(out.last_paths, vec!["/elsewhere"], "not set by this run");
    }
}
