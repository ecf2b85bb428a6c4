//! What a scan is asked: the query, and which nodes it looks at (every
//! one, or the hits of an earlier query, with what that search kept).

use std::borrow::Cow;
use std::ops::Range;

use rayon::prelude::*;

use super::query::Query;
use super::records::Records;
use super::tiers::Class;
use super::{Hit, Scope};

/// One search asked of the index: a query, and the nodes it looks at.
pub(crate) struct Scan<'a> {
    pub query: &'a Query,
    pub scope: Scope,
    pub candidates: Candidates<'a>,
    /// Whether a copy's hit is left out of the ranking when its original
    /// matched too (see `tiers`).
    pub fold_copies: bool,
}

/// The nodes a scan looks at (those of its scope among them).
#[derive(Clone, Copy)]
pub(crate) enum Candidates<'a> {
    /// Every node.
    All,
    /// The hits of an earlier query, which the new one narrows (see
    /// `Query::narrows`), in any order. The searcher always knows that
    /// query (`HitsOf`); tests narrow without it.
    #[cfg(test)]
    Hits(&'a [Hit]),
    /// The same, knowing that query, and its last term's records when it
    /// kept them: when only the last fuzzy term differs, a hit's score is
    /// its earlier one with that term's part exchanged, and the other
    /// terms are not scored again; when the new term is the old one with
    /// one more char, only that char's row is computed (see `records`).
    /// Records need the hits in document order, as the search gave them.
    HitsOf {
        hits: &'a [Hit],
        query: &'a Query,
        records: Option<&'a Records>,
        /// The class of each hit, as the search gave them: when the new
        /// query keeps loose texts loose (see `Closeness::keeps_loose_of`),
        /// the loose ones are not read.
        classes: Option<&'a [Class]>,
    },
}

impl<'a> Candidates<'a> {
    /// The query whose hits these are, when known.
    pub(super) fn base(self) -> Option<&'a Query> {
        match self {
            Candidates::HitsOf { query, .. } => Some(query),
            Candidates::All => None,
            #[cfg(test)]
            Candidates::Hits(_) => None,
        }
    }
}

/// What an earlier search kept about its hits, by their position in it.
#[derive(Clone, Copy, Default)]
pub(super) struct Kept<'a> {
    pub records: Option<&'a Records>,
    pub classes: Option<&'a [Class]>,
}

/// The candidates of a scan, in document order, by position.
pub(super) enum List<'a> {
    /// Every node: the position is the node.
    Nodes(usize),
    Sessions(&'a [u32]),
    Hits(Cow<'a, [Hit]>),
}

impl<'a> List<'a> {
    /// `candidates` in document order (`nodes` of them when all, or the
    /// `sessions` in scope Sessions), and what the earlier search kept
    /// when it still lines up with them.
    pub fn new(candidates: Candidates<'a>, scope: Scope, nodes: usize, sessions: &'a [u32]) -> (List<'a>, Kept<'a>) {
        let (hits, kept) = match candidates {
            Candidates::All => {
                let list = match scope {
                    Scope::All => List::Nodes(nodes),
                    Scope::Sessions => List::Sessions(sessions),
                };
                return (list, Kept::default());
            }
            #[cfg(test)]
            Candidates::Hits(hits) => (hits, Kept::default()),
            Candidates::HitsOf {
                hits, records, classes, ..
            } => (hits, Kept { records, classes }),
        };
        // Earlier hits come best first; rescanned in that order they would
        // be read from all over the outline's text. In node order the scan
        // reads it front to back, as a fresh one does. What was kept is of
        // hits in the order given: sorted here, it no longer lines up.
        if hits.is_sorted_by_key(|h| h.node) {
            return (List::Hits(Cow::Borrowed(hits)), kept);
        }
        let mut sorted = hits.to_vec();
        sorted.par_sort_unstable_by_key(|h| h.node);
        (List::Hits(Cow::Owned(sorted)), Kept::default())
    }

    pub fn len(&self) -> usize {
        match self {
            List::Nodes(n) => *n,
            List::Sessions(s) => s.len(),
            List::Hits(h) => h.len(),
        }
    }

    /// The candidates at `at` whose node `passes`, each with its position
    /// (its index among the earlier hits, which records go by). A loop
    /// for each kind of list: a candidate costs little more than its mask
    /// test, and one iterator over all three kinds, matching the kind at
    /// every candidate, costs more than the test.
    pub fn passing(&self, at: Range<usize>, passes: impl Fn(u32) -> bool) -> Vec<(usize, Hit)> {
        let fresh = |node| Hit { node, score: 0 };
        // Room for all: grown as they pass, the list was copied a few times.
        let mut out = Vec::with_capacity(at.len());
        let positions = at.clone();
        match self {
            List::Nodes(_) => out.extend(positions.filter(|&i| passes(i as u32)).map(|i| (i, fresh(i as u32)))),
            List::Sessions(s) => out.extend(
                positions
                    .zip(&s[at])
                    .filter(|&(_, &n)| passes(n))
                    .map(|(i, &n)| (i, fresh(n))),
            ),
            List::Hits(h) => out.extend(
                positions
                    .zip(&h[at])
                    .filter(|(_, h)| passes(h.node))
                    .map(|(i, &h)| (i, h)),
            ),
        }
        out
    }
}
