//! A document's remembered view as a table of named nodes: each entry is a
//! node's parent (by id: 0 is the document, entry k is id k+1), its title
//! and occurrence, so a path of titles is stored once however many folds lie
//! below it. A subtree that is wholly open (or closed) is one entry, not one
//! per node: `Tab` on a file of 30,000 talks is one id. Encoding and
//! decoding are linear in the document; the table holds at most
//! `MAX_DOC_NODES` entries (the selection first, then folds in file order).

use super::keys::{title_key, NodePath, Occurrences, Resolver, Step};
use super::{DocState, Entry, MAX_DOC_NODES};
use crate::outline::Outline;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Names nodes of one document in a table, within a budget of entries.
struct Table<'a> {
    o: &'a Outline,
    doc: usize,
    occ: Occurrences<'a>,
    ids: HashMap<usize, u32>,
    nodes: Vec<Entry>,
}

impl<'a> Table<'a> {
    fn new(o: &'a Outline, doc: usize) -> Self {
        Table {
            o,
            doc,
            occ: Occurrences::new(o),
            ids: HashMap::new(),
            nodes: Vec::new(),
        }
    }

    fn known(&self, node: usize) -> Option<u32> {
        if node == self.doc {
            Some(0)
        } else {
            self.ids.get(&node).copied()
        }
    }

    /// The id of `node`, naming it and the ancestors not yet named; when
    /// they do not all fit, the id of the deepest ancestor that does (or
    /// None if `whole` asks for the node itself).
    fn id(&mut self, node: usize, whole: bool) -> Option<u32> {
        let mut chain = Vec::new();
        let mut at = node;
        let top = loop {
            if let Some(id) = self.known(at) {
                break id;
            }
            chain.push(at);
            at = self.o.parent(at)?;
        };
        let room = MAX_DOC_NODES.saturating_sub(self.nodes.len());
        if chain.len() > room {
            if whole {
                return None;
            }
            chain.drain(..chain.len() - room);
        }
        let mut id = top;
        for &n in chain.iter().rev() {
            let entry = Entry(id, title_key(self.o, n).to_string(), self.occ.of(n));
            self.nodes.push(entry);
            id = self.nodes.len() as u32;
            self.ids.insert(n, id);
        }
        Some(id)
    }
}

/// What the reader shows of one document, as the encoder needs it.
pub struct View<'a> {
    pub doc: usize,
    pub level: u8,
    /// Every node's fold (the whole outline's flags).
    pub open: &'a [bool],
    /// Nodes of this document whose fold differs from what `level` shows.
    pub differs: &'a [u32],
    pub selected: Option<usize>,
    pub detail_scroll: usize,
}

/// The table and fold lists for one document, in one pass up the subtree
/// (which subtrees are wholly open, wholly closed, or differ anywhere) and
/// one pass down it.
pub fn encode(o: &Outline, v: &View) -> DocState {
    if v.doc >= o.len() || v.open.len() < o.subtree_end(v.doc) {
        return DocState::default();
    }
    let (doc, end) = (v.doc, o.subtree_end(v.doc));
    let len = end - doc;
    let mut differs = vec![false; len];
    for &n in v.differs {
        if let Some(d) = differs.get_mut((n as usize).wrapping_sub(doc)) {
            *d = true;
        }
    }
    let (mut all_open, mut all_closed) = (vec![true; len], vec![true; len]);
    let (mut any_diff, mut nested) = (differs.clone(), vec![false; len]);
    for i in (doc..end).rev() {
        let k = i - doc;
        if o.has_children(i) {
            all_open[k] &= v.open[i];
            all_closed[k] &= !v.open[i];
        }
        if let Some(p) = o.parent(i).filter(|_| i > doc) {
            let pk = p - doc;
            all_open[pk] &= all_open[k];
            all_closed[pk] &= all_closed[k];
            any_diff[pk] |= any_diff[k];
            nested[pk] |= o.has_children(i);
        }
    }
    let mut t = Table::new(o, doc);
    let mut state = DocState {
        level: v.level,
        selected: v
            .selected
            .filter(|s| (doc..end).contains(s))
            .and_then(|s| t.id(s, false)),
        detail_scroll: v.detail_scroll,
        ..DocState::default()
    };
    let mut i = doc;
    while i < end {
        let k = i - doc;
        if !any_diff[k] {
            i = o.subtree_end(i);
            continue;
        }
        let (list, skip) = if nested[k] && all_open[k] {
            (&mut state.opened_all, true)
        } else if nested[k] && all_closed[k] {
            (&mut state.closed_all, true)
        } else if differs[k] {
            (
                if v.open[i] {
                    &mut state.opened
                } else {
                    &mut state.closed
                },
                false,
            )
        } else {
            i += 1;
            continue;
        };
        let Some(id) = t.id(i, true) else { break };
        list.push(id);
        i = if skip { o.subtree_end(i) } else { i + 1 };
    }
    state.nodes = t.nodes;
    state
}

/// A document's remembered view, found in this run's outline.
#[derive(Debug, Default, PartialEq)]
pub struct Restored {
    /// Folds to set, (node, open).
    pub folds: Vec<(usize, bool)>,
    pub selected: Option<usize>,
}

/// Resolves the table under document node `doc`. Entries whose node is
/// gone (or whose parent comes later or is gone) resolve to nothing.
pub fn decode(o: &Outline, doc: usize, d: &DocState) -> Restored {
    let mut resolver = Resolver::new(o);
    let mut at: Vec<Option<usize>> = Vec::with_capacity(d.nodes.len() + 1);
    at.push(Some(doc));
    for Entry(parent, title, occurrence) in &d.nodes {
        let parent = at.get(*parent as usize).copied().flatten();
        at.push(parent.and_then(|p| resolver.child(p, title, *occurrence)));
    }
    let node = |id: &u32| at.get(*id as usize).copied().flatten();
    let mut folds = Vec::new();
    for (ids, open) in [(&d.opened_all, true), (&d.closed_all, false)] {
        let mut roots: Vec<usize> = ids.iter().filter_map(node).collect();
        roots.sort_unstable();
        // Nested or repeated ids would set a subtree more than once.
        let mut covered = 0;
        for r in roots.into_iter().filter(|&r| r >= doc) {
            if r >= covered {
                covered = o.subtree_end(r);
                folds.extend((r..covered).filter(|&m| o.has_children(m)).map(|m| (m, open)));
            }
        }
    }
    folds.extend(d.opened.iter().filter_map(node).map(|n| (n, true)));
    folds.extend(d.closed.iter().filter_map(node).map(|n| (n, false)));
    Restored {
        folds,
        selected: d.selected.as_ref().and_then(node),
    }
}

/// Rewrites a document entry of the first state format (a path of titles
/// per fold and for the selection) as a table, in place. Entries already
/// holding a table are left as they are.
pub fn upgrade_v1(doc: &mut Map<String, Value>) {
    if doc.contains_key("nodes") {
        return;
    }
    let mut names: HashMap<(u32, String, u32), u32> = HashMap::new();
    let mut nodes: Vec<Entry> = Vec::new();
    let mut intern = |path: &NodePath| {
        path.iter().try_fold(0u32, |parent, Step(title, occ)| {
            let key = (parent, title.clone(), *occ);
            if let Some(&id) = names.get(&key) {
                return Some(id);
            }
            if nodes.len() >= MAX_DOC_NODES {
                return None;
            }
            nodes.push(Entry(parent, title.clone(), *occ));
            names.insert(key, nodes.len() as u32);
            Some(nodes.len() as u32)
        })
    };
    let selected: Option<NodePath> = doc.remove("selected").and_then(|v| serde_json::from_value(v).ok());
    let selected = selected.as_ref().and_then(&mut intern);
    let mut lists = Vec::new();
    for field in ["opened", "closed"] {
        let paths: Vec<NodePath> = doc
            .remove(field)
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default();
        lists.push((field, paths.iter().filter_map(&mut intern).collect::<Vec<u32>>()));
    }
    for (field, ids) in lists {
        doc.insert(field.into(), ids.into());
    }
    doc.insert("selected".into(), selected.into());
    doc.insert("nodes".into(), serde_json::to_value(nodes).unwrap_or_default());
}

#[cfg(test)]
#[path = "folds_tests.rs"]
mod tests;
