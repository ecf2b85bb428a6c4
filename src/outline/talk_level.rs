//! Talks set by hand: when the loader's guess of where a file's talks are
//! is wrong, the reader names one node, and it and the nodes like it at its
//! level become the file's talks. Only kinds change; the nodes, their text
//! and their order stay, so folds, bookmarks and search hits stay valid.

use super::{Kind, Outline, NO_PARENT};

/// What kinds of node can stand for one another at a level: a level of
/// headings, of list items, or of paragraphs (one-line talks in plain text).
fn family(kind: Kind) -> Option<u8> {
    match kind {
        Kind::Group | Kind::Session | Kind::Heading => Some(0),
        Kind::Bullet => Some(1),
        Kind::Paragraph => Some(2),
        Kind::Document | Kind::Code => None,
    }
}

impl Outline {
    /// The kinds of document `doc`'s nodes, for `put_kinds` to restore.
    pub fn kinds_of(&self, doc: usize) -> Vec<Kind> {
        self.nodes[doc..self.subtree_end(doc)].iter().map(|n| n.kind).collect()
    }

    /// Puts back kinds `kinds_of` gave for document `doc`; false (nothing
    /// changed) when the document no longer has as many nodes.
    pub fn put_kinds(&mut self, doc: usize, kinds: &[Kind]) -> bool {
        let end = self.subtree_end(doc);
        if self.kind(doc) != Kind::Document || end - doc != kinds.len() {
            return false;
        }
        for (n, &k) in self.nodes[doc..end].iter_mut().zip(kinds) {
            n.kind = k;
        }
        self.refresh_sessions(doc);
        true
    }

    /// Makes `chosen` and every node of its family at its depth in its
    /// document the talks there. Their ancestors become groups (days,
    /// tracks); every other group or talk of the document becomes a
    /// heading, so a talk's own sub-sections are headings inside it. The
    /// level is by depth, not by parent: a file of days holds the same
    /// level of talks under each day. Returns false (nothing changed) for a
    /// document or a code block, which cannot be talks.
    pub fn set_talks(&mut self, chosen: usize) -> bool {
        let Some(want) = family(self.kind(chosen)) else {
            return false;
        };
        let doc = self.document_of(chosen);
        let (end, depth) = (self.subtree_end(doc), self.nodes[chosen].depth);
        for i in doc + 1..end {
            let n = &mut self.nodes[i];
            if n.depth == depth && family(n.kind) == Some(want) {
                n.kind = Kind::Session;
            } else if matches!(n.kind, Kind::Session | Kind::Group) {
                n.kind = Kind::Heading;
            }
        }
        // Ancestors of a talk are groups: walking up from each talk stops
        // at the first one already marked, so each node is visited once.
        for i in doc + 1..end {
            if self.nodes[i].kind != Kind::Session || self.nodes[i].depth != depth {
                continue;
            }
            let mut p = self.nodes[i].parent;
            while p != NO_PARENT && p as usize != doc && self.nodes[p as usize].kind != Kind::Group {
                self.nodes[p as usize].kind = Kind::Group;
                p = self.nodes[p as usize].parent;
            }
        }
        self.refresh_sessions(doc);
        true
    }

    /// Sets each node's nearest session again after kinds changed, in one
    /// pass (parents come before their children).
    fn refresh_sessions(&mut self, doc: usize) {
        for i in doc..self.subtree_end(doc) {
            let n = self.nodes[i];
            self.nodes[i].session = match (n.kind, n.parent) {
                (Kind::Session, _) => i as u32,
                (_, NO_PARENT) => NO_PARENT,
                (_, p) => self.nodes[p as usize].session,
            };
        }
    }
}

#[cfg(test)]
#[path = "talk_level_tests.rs"]
mod tests;
