//! Helpers shared by the integration tests: find nodes by shape, not position.
#![allow(dead_code)]

pub mod cells;
pub mod props;
pub mod pty;
pub mod render;
pub mod settings;

use talktree::outline::{Kind, Outline};

/// The document whose source ends with `name`.
pub fn doc(o: &Outline, name: &str) -> usize {
    o.docs()
        .iter()
        .find(|d| d.source.ends_with(name))
        .unwrap_or_else(|| panic!("no document {name}"))
        .node
}

/// Nodes of `kind` under `root` (in order).
pub fn of_kind(o: &Outline, root: usize, kind: Kind) -> Vec<usize> {
    (root + 1..o.subtree_end(root)).filter(|&i| o.kind(i) == kind).collect()
}

pub fn texts(o: &Outline, nodes: &[usize]) -> Vec<String> {
    nodes.iter().map(|&i| o.text(i).to_string()).collect()
}

/// Every node under `root` whose text is exactly `text`.
pub fn find_all(o: &Outline, root: usize, text: &str) -> Vec<usize> {
    (root..o.subtree_end(root)).filter(|&i| o.text(i) == text).collect()
}

/// The one node under `root` whose text is exactly `text`.
pub fn find(o: &Outline, root: usize, text: &str) -> usize {
    let all = find_all(o, root, text);
    assert_eq!(all.len(), 1, "expected exactly one {text:?}, found {}", all.len());
    all[0]
}

/// Nodes under `root` whose text contains `needle`.
pub fn containing(o: &Outline, root: usize, needle: &str) -> Vec<usize> {
    (root..o.subtree_end(root))
        .filter(|&i| o.text(i).contains(needle))
        .collect()
}

/// The corpus of real notes, when this checkout sits next to it (as in CI).
pub fn corpus_dir() -> Option<std::path::PathBuf> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    p.is_dir().then_some(p)
}
