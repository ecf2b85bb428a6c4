//! Node identity that survives edits to a file: a node is named by the path
//! of titles from its document down to it, each with an occurrence index
//! among same-titled siblings. Adding a bullet above does not move it.
//!
//! Work stays linear in the outline: occurrence indexes of a node's
//! children are counted in one pass over them (`Occurrences`), and finding
//! a child by title reads an index of its parent's children built once
//! (`Resolver`), so thousands of equal titles cost one pass, not one per node.

use crate::outline::Outline;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Titles longer than this are keyed by their start (paragraphs can be long).
pub const KEY_CHARS: usize = 60;

/// One step of a path: a title (cut to KEY_CHARS) and which of the
/// siblings with that title it is.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Step(pub String, pub u32);

pub type NodePath = Vec<Step>;

/// The part of a node's text that names it: its first KEY_CHARS chars.
pub fn title_key(o: &Outline, i: usize) -> &str {
    let t = o.text(i);
    match t.char_indices().nth(KEY_CHARS) {
        Some((cut, _)) => &t[..cut],
        None => t,
    }
}

/// Occurrence indexes, counted one parent at a time: the first question
/// about a child of `p` numbers all of `p`'s children in one pass.
pub struct Occurrences<'a> {
    o: &'a Outline,
    of: HashMap<usize, u32>,
}

impl<'a> Occurrences<'a> {
    pub fn new(o: &'a Outline) -> Self {
        Occurrences { o, of: HashMap::new() }
    }

    /// Which of its same-titled siblings `node` is (0 for a document).
    pub fn of(&mut self, node: usize) -> u32 {
        let Some(parent) = self.o.parent(node) else { return 0 };
        if let Some(&n) = self.of.get(&node) {
            return n;
        }
        let mut counts: HashMap<&str, u32> = HashMap::new();
        for c in self.o.children(parent) {
            let seen = counts.entry(title_key(self.o, c)).or_insert(0);
            self.of.insert(c, *seen);
            *seen += 1;
        }
        self.of[&node]
    }
}

/// The path of `node` below its document (empty for the document itself).
/// For one node: its cost is the siblings before each of its ancestors.
pub fn path_of(o: &Outline, node: usize) -> NodePath {
    let mut chain: Vec<usize> = std::iter::once(node).chain(o.ancestors(node)).collect();
    chain.pop(); // the document
    chain.reverse();
    chain
        .into_iter()
        .map(|n| {
            let key = title_key(o, n);
            let parent = o.parent(n).expect("below a document");
            let occurrence = o
                .children(parent)
                .take_while(|&c| c != n)
                .filter(|&c| title_key(o, c) == key)
                .count();
            Step(key.to_string(), occurrence as u32)
        })
        .collect()
}

/// Finds children by title and occurrence, indexing each parent's
/// children once, on first use.
pub struct Resolver<'a> {
    o: &'a Outline,
    index: HashMap<usize, HashMap<&'a str, Vec<u32>>>,
}

impl<'a> Resolver<'a> {
    pub fn new(o: &'a Outline) -> Self {
        Resolver {
            o,
            index: HashMap::new(),
        }
    }

    /// The `occurrence`th child of `parent` titled `key`, if there is one.
    pub fn child(&mut self, parent: usize, key: &str, occurrence: u32) -> Option<usize> {
        if parent >= self.o.len() {
            return None;
        }
        let o = self.o;
        let by_title = self.index.entry(parent).or_insert_with(|| {
            let mut m: HashMap<&str, Vec<u32>> = HashMap::new();
            for c in o.children(parent) {
                m.entry(title_key(o, c)).or_default().push(c as u32);
            }
            m
        });
        by_title.get(key)?.get(occurrence as usize).map(|&c| c as usize)
    }

    /// The node at `path` under document node `doc`, if it still exists.
    pub fn path(&mut self, doc: usize, path: &[Step]) -> Option<usize> {
        path.iter()
            .try_fold(doc, |at, Step(key, occurrence)| self.child(at, key, *occurrence))
    }
}

/// The node at `path` under document node `doc` (one lookup; use a
/// `Resolver` for many).
pub fn resolve(o: &Outline, doc: usize, path: &[Step]) -> Option<usize> {
    Resolver::new(o).path(doc, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::{build_outline, parse_document};

    fn outline(src: &str) -> Outline {
        build_outline(vec![parse_document(src.as_bytes(), "n.md").unwrap()])
    }

    fn find(o: &Outline, text: &str, nth: usize) -> usize {
        (0..o.len()).filter(|&i| o.text(i) == text).nth(nth).unwrap()
    }

    #[test]
    fn paths_round_trip_and_count_same_titled_siblings() {
        let o = outline("# A\n- x\n- y\n- x\n  - deep\n# B\n- x\n");
        let second_x = find(&o, "x", 1);
        let p = path_of(&o, second_x);
        assert_eq!(p, vec![Step("A".into(), 0), Step("x".into(), 1)]);
        assert_eq!(resolve(&o, 0, &p), Some(second_x));
        let deep = find(&o, "deep", 0);
        assert_eq!(resolve(&o, 0, &path_of(&o, deep)), Some(deep));
        assert_eq!(resolve(&o, 0, &[]), Some(0));
        let mut occ = Occurrences::new(&o);
        assert_eq!(occ.of(second_x), 1);
        assert_eq!(occ.of(find(&o, "x", 0)), 0);
        assert_eq!(occ.of(find(&o, "x", 2)), 0, "under B");
    }

    #[test]
    fn identity_survives_inserting_lines_above() {
        let before = outline("# A\n- x\n- y\n  - target\n");
        let path = path_of(&before, find(&before, "target", 0));
        let after = outline("# New talk\n- new\n# A\n- inserted\n- x\n- y\n  - other\n  - target\n");
        let n = resolve(&after, 0, &path).expect("still found");
        assert_eq!(after.text(n), "target");
    }

    #[test]
    fn a_vanished_node_does_not_resolve() {
        let o = outline("# A\n- x\n");
        assert_eq!(resolve(&o, 0, &[Step("A".into(), 0), Step("gone".into(), 0)]), None);
    }

    #[test]
    fn long_titles_are_keyed_by_their_first_chars() {
        let long = "é".repeat(KEY_CHARS + 5);
        let o = outline(&format!("# {long}\n- x\n"));
        let talk = find(&o, &long, 0);
        assert_eq!(title_key(&o, talk).chars().count(), KEY_CHARS);
        assert_eq!(resolve(&o, 0, &path_of(&o, talk)), Some(talk));
    }
}
