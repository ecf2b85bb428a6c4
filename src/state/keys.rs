//! Node identity that survives edits to a file: a node is named by the path
//! of titles from its document down to it, each with an occurrence index
//! among same-titled siblings. Adding a bullet above does not move it.

use crate::outline::Outline;
use serde::{Deserialize, Serialize};

/// Titles longer than this are keyed by their start (paragraphs can be long).
const KEY_CHARS: usize = 60;

/// One step of a path: a title (cut to KEY_CHARS) and which of the
/// siblings with that title it is.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Step(pub String, pub u32);

pub type NodePath = Vec<Step>;

fn title_key(o: &Outline, i: usize) -> String {
    o.text(i).chars().take(KEY_CHARS).collect()
}

/// The path of `node` below its document (empty for the document itself).
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
            Step(key, occurrence as u32)
        })
        .collect()
}

/// The node at `path` under document node `doc`, if it still exists.
pub fn resolve(o: &Outline, doc: usize, path: &[Step]) -> Option<usize> {
    let mut at = doc;
    for Step(key, occurrence) in path {
        at = o
            .children(at)
            .filter(|&c| title_key(o, c) == *key)
            .nth(*occurrence as usize)?;
    }
    Some(at)
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
}
