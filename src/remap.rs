//! Which node of a reloaded document is which node of the version before:
//! by the same identity the state file uses (the path of titles from the
//! document, each with its occurrence among same-titled siblings), so a
//! fold, the selection or a bookmark stays on its node when lines are
//! inserted above it. Also what changed, in words for the status line.
//! Pure: two outlines in, a mapping out.

use crate::outline::{Kind, Outline};
use crate::state::keys::title_key;
use std::ops::Range;

const NONE: u32 = u32::MAX;

/// Talks and notes, counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub talks: usize,
    pub notes: usize,
}

impl Counts {
    /// The talks and notes among the nodes `range` of `o`.
    pub fn of(o: &Outline, range: Range<usize>) -> Counts {
        let mut c = Counts::default();
        range.for_each(|i| c.add(o.kind(i)));
        c
    }

    /// "1 talk and 3 notes"; None when both are 0.
    pub fn describe(&self) -> Option<String> {
        let mut said = Vec::new();
        if self.talks > 0 {
            said.push(plural(self.talks, "talk", "talks"));
        }
        if self.notes > 0 {
            said.push(plural(self.notes, "note", "notes"));
        }
        (!said.is_empty()).then(|| said.join(" and "))
    }

    fn add(&mut self, kind: Kind) {
        match kind {
            Kind::Session => self.talks += 1,
            Kind::Bullet | Kind::Paragraph | Kind::Code => self.notes += 1,
            _ => {}
        }
    }
}

/// One document's nodes before and after, matched by identity.
#[derive(Clone, Debug)]
pub struct Remap {
    /// Per node of the old document (from its document node), the new one.
    new_of_old: Vec<u32>,
    pub added: Counts,
    pub removed: Counts,
}

impl Remap {
    /// Matches document node `old_doc` of `old` with `new_doc` of `new`:
    /// parent by parent from the documents down, each matched parent's
    /// children paired by title and occurrence through one map (reused),
    /// so the work is linear in the two documents.
    pub fn between(old: &Outline, old_doc: usize, new: &Outline, new_doc: usize) -> Remap {
        let old_len = old.subtree_end(old_doc) - old_doc;
        let mut new_of_old = vec![NONE; old_len];
        new_of_old[0] = 0;
        let mut added = Counts::default();
        let mut by_title: foldhash::HashMap<(&str, u32), usize> = foldhash::HashMap::default();
        let mut seen: foldhash::HashMap<&str, u32> = foldhash::HashMap::default();
        let mut pairs = vec![(old_doc, new_doc)];
        while let Some((op, np)) = pairs.pop() {
            by_title.clear();
            seen.clear();
            for c in old.children(op) {
                let key = title_key(old, c);
                let n = seen.entry(key).or_insert(0);
                by_title.insert((key, *n), c);
                *n += 1;
            }
            seen.clear();
            for c in new.children(np) {
                let key = title_key(new, c);
                let n = seen.entry(key).or_insert(0);
                match by_title.get(&(key, *n)) {
                    Some(&o) => {
                        new_of_old[o - old_doc] = (c - new_doc) as u32;
                        if new.has_children(c) || old.has_children(o) {
                            pairs.push((o, c));
                        }
                    }
                    // Nothing below a node new to the file is matched.
                    None => (c..new.subtree_end(c)).for_each(|i| added.add(new.kind(i))),
                }
                *n += 1;
            }
        }
        let mut removed = Counts::default();
        for (k, &n) in new_of_old.iter().enumerate() {
            if n == NONE {
                removed.add(old.kind(old_doc + k));
            }
        }
        Remap {
            new_of_old,
            added,
            removed,
        }
    }

    /// The new node (from the document node) of an old one, if it is still there.
    pub fn new_of(&self, old: usize) -> Option<usize> {
        self.new_of_old.get(old).filter(|&&n| n != NONE).map(|&n| n as usize)
    }

    /// "3 notes added, 1 talk removed"; "nothing added or removed".
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        for (c, verb) in [(self.added, "added"), (self.removed, "removed")] {
            if let Some(said) = c.describe() {
                parts.push(format!("{said} {verb}"));
            }
        }
        if parts.is_empty() {
            "no talk or note added or removed".into()
        } else {
            parts.join(", ")
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Node indexes of the whole outline across a splice of one document (see
/// `Outline::splice_documents`): nodes before it keep their index, nodes
/// after it move by the difference in size, nodes inside it follow the
/// `Remap` (none for a document inserted).
#[derive(Clone, Debug)]
pub struct Shift {
    /// The replaced document's nodes in the old outline (empty: inserted).
    pub old: Range<usize>,
    /// Its nodes in the new outline.
    pub new: Range<usize>,
    pub remap: Option<Remap>,
}

impl Shift {
    /// Where old node `i` is now, if it still exists.
    pub fn node(&self, i: usize) -> Option<usize> {
        if i < self.old.start {
            Some(i)
        } else if i >= self.old.end {
            Some(i + self.new.len() - self.old.len())
        } else {
            let rel = self.remap.as_ref()?.new_of(i - self.old.start)?;
            Some(self.new.start + rel)
        }
    }

    /// Where old node `i` is now, or its nearest ancestor that still exists
    /// (at worst its document).
    pub fn node_or_ancestor(&self, old: &Outline, i: usize) -> usize {
        std::iter::once(i)
            .chain(old.ancestors(i))
            .find_map(|n| self.node(n))
            .unwrap_or(self.new.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::parse_document;

    fn doc(src: &str) -> Outline {
        parse_document(src.as_bytes(), "n.md").unwrap().into_outline()
    }

    fn find(o: &Outline, text: &str) -> usize {
        (0..o.len()).find(|&i| o.text(i) == text).unwrap()
    }

    #[test]
    fn nodes_keep_their_identity_when_lines_are_inserted_above() {
        let old = doc("# A\n- x\n- y\n  - target\n# B\n- z\n");
        let new = doc("# New\n- fresh\n# A\n- inserted\n- x\n- y\n  - other\n  - target\n# B\n- z\n");
        let r = Remap::between(&old, 0, &new, 0);
        for text in ["A", "x", "y", "target", "B", "z"] {
            assert_eq!(r.new_of(find(&old, text)), Some(find(&new, text)), "{text}");
        }
        assert_eq!(r.added, Counts { talks: 1, notes: 3 });
        assert_eq!(r.removed, Counts::default());
        assert_eq!(r.summary(), "1 talk and 3 notes added");
    }

    #[test]
    fn a_removed_node_maps_to_nothing_and_is_counted() {
        let old = doc("# A\n- x\n- gone\n- x\n");
        let new = doc("# A\n- x\n- x\n");
        let r = Remap::between(&old, 0, &new, 0);
        assert_eq!(r.new_of(find(&old, "gone")), None);
        // The second x is still the second x.
        let second_old = (0..old.len()).filter(|&i| old.text(i) == "x").nth(1).unwrap();
        let second_new = (0..new.len()).filter(|&i| new.text(i) == "x").nth(1).unwrap();
        assert_eq!(r.new_of(second_old), Some(second_new));
        assert_eq!(r.summary(), "1 note removed");
    }

    #[test]
    fn a_renamed_parent_takes_its_children_with_it() {
        let old = doc("# A\n- x\n  - child\n");
        let new = doc("# A\n- renamed\n  - child\n");
        let r = Remap::between(&old, 0, &new, 0);
        assert_eq!(r.new_of(find(&old, "child")), None, "identity is the path of titles");
        assert_eq!(r.summary(), "2 notes added, 2 notes removed");
        assert_eq!(
            Remap::between(&old, 0, &old, 0).summary(),
            "no talk or note added or removed"
        );
    }

    #[test]
    fn a_shift_moves_nodes_after_the_document_and_maps_those_inside() {
        let old = doc("# A\n- x\n- y\n");
        let new = doc("# A\n- new\n- x\n- y\n");
        let shift = Shift {
            old: 3..6,
            new: 3..7,
            remap: Some(Remap::between(&old, 0, &new, 0)),
        };
        assert_eq!(shift.node(2), Some(2));
        assert_eq!(shift.node(6), Some(7));
        assert_eq!(shift.node(3 + find(&old, "x")), Some(3 + find(&new, "x")));
        let inserted = Shift {
            old: 3..3,
            new: 3..7,
            remap: None,
        };
        assert_eq!(inserted.node(3), Some(7));
        assert_eq!(inserted.node(1), Some(1));
    }

    #[test]
    fn a_node_gone_falls_back_to_its_nearest_ancestor_still_there() {
        let old = doc("# A\n- x\n  - deep\n");
        let new = doc("# A\n- y\n");
        let shift = Shift {
            old: 0..old.len(),
            new: 0..new.len(),
            remap: Some(Remap::between(&old, 0, &new, 0)),
        };
        assert_eq!(shift.node_or_ancestor(&old, find(&old, "deep")), find(&new, "A"));
    }
}
