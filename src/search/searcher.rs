//! Search-as-you-type: each keystroke that narrows the query scans only the
//! previous hits, and backspace returns a remembered result at once.

use std::sync::Arc;

use super::candidates::{Candidates, Scan};
use super::records::Records;
use super::tiers::Class;
use super::{Batch, Hit, Index, Options, Query, Ranked, Scope};
use crate::outline::Outline;

/// Hits kept across the stack, both orders counted (8 bytes each: 64 MB).
/// A first keystroke can hit most of a large corpus; past this the oldest
/// (broadest) results are dropped first.
const MAX_CACHED_HITS: usize = 8_000_000;

/// Bytes of records (see `records`) kept below the top of the stack, for
/// typing on after a backspace. The top's are always kept: a one-letter
/// query's, on a million bullets, take about 50 MB.
const MAX_RECORD_BYTES: usize = 64 << 20;

struct Entry {
    query: Query,
    scope: Scope,
    all_copies: bool,
    /// Close first, copies folded unless `all_copies`.
    ranked: Ranked,
    /// The same hits in document order, for scanning within them.
    by_node: Vec<Hit>,
    /// Their last term's records, for typing more of it.
    records: Option<Records>,
    /// The class of each of `by_node`, for typing on.
    classes: Vec<Class>,
}

impl Entry {
    fn cached(&self) -> usize {
        // A class is a byte, an eighth of a hit.
        self.ranked.len() + self.by_node.len() + self.classes.len() / 8
    }

    fn record_bytes(&self) -> usize {
        self.records.as_ref().map_or(0, Records::heap_bytes)
    }
}

/// Owns the index and a stack of results in which each query narrows the
/// one below it: typing pushes, backspace pops back to an equal query.
pub struct Searcher {
    outline: Arc<Outline>,
    index: Index,
    stack: Vec<Entry>,
}

impl Searcher {
    pub fn new(outline: Arc<Outline>) -> Searcher {
        let index = Index::new(&outline);
        // Found here, on the search thread, rather than on the way to the
        // first frame: ranking folds copies (see `tiers`).
        outline.same_notes();
        Searcher {
            outline,
            index,
            stack: Vec::new(),
        }
    }

    /// Takes an outline in which the nodes `old` became `new` (a file
    /// reloaded): the index is updated for those nodes only, and results
    /// kept for narrowing, which name nodes of the old outline, are dropped.
    /// Which documents repeat others' notes is found again by `settle`.
    /// The outline searched.
    pub fn outline(&self) -> &Arc<Outline> {
        &self.outline
    }

    pub fn replace(&mut self, outline: Arc<Outline>, old: std::ops::Range<usize>, new: std::ops::Range<usize>) {
        self.index.splice(&outline, old, new);
        self.outline = outline;
        self.stack.clear();
    }

    /// Finds which documents repeat others' notes, if not yet known for
    /// this outline, on the search thread (as `new` does): before a search
    /// or an idle wait, not after each of several reloads queued.
    pub fn settle(&self) {
        self.outline.same_notes();
    }

    /// Ranked hits for `input`, the same as a fresh search would give. None
    /// when `cancel` fired; the cache is then left as it was.
    pub fn search(
        &mut self,
        input: &str,
        options: impl Into<Options>,
        cancel: &dyn Fn() -> bool,
        on_batch: &mut dyn FnMut(Batch<'_>),
    ) -> Option<Ranked> {
        let Options {
            scope,
            matching,
            all_copies,
        } = options.into();
        // The mode is in the parsed terms: a query of the other mode is
        // another query to the cache.
        let q = Query::parse_with(input, matching);
        if q.is_empty() {
            return Some(Ranked::default());
        }
        let same = |e: &Entry| e.scope == scope && e.all_copies == all_copies && e.query == q;
        if let Some(k) = self.stack.iter().rposition(same) {
            self.stack.truncate(k + 1);
            return Some(self.stack[k].ranked.clone());
        }
        let base = self
            .stack
            .iter()
            .rposition(|e| covers(e.scope, scope) && q.narrows(&e.query));
        let candidates = base.map_or(Candidates::All, |k| {
            let e = &self.stack[k];
            Candidates::HitsOf {
                hits: &e.by_node,
                query: &e.query,
                records: e.records.as_ref(),
                classes: Some(&e.classes),
            }
        });
        let request = Scan {
            query: &q,
            scope,
            candidates,
            fold_copies: !all_copies,
        };
        let found = self.index.scan(&self.outline, request, cancel, Some(on_batch))?;
        let ranked = Ranked::new(found.ranked, found.close);
        // Entries above the base belong to another branch of typing.
        self.stack.truncate(base.map_or(0, |k| k + 1));
        self.stack.push(Entry {
            query: q,
            scope,
            all_copies,
            ranked: ranked.clone(),
            by_node: found.by_node,
            records: found.records,
            classes: found.classes,
        });
        let mut cached: usize = self.stack.iter().map(Entry::cached).sum();
        let below_top = self.stack.len() - 1;
        let mut record_bytes: usize = self.stack[..below_top].iter().map(Entry::record_bytes).sum();
        for e in &mut self.stack[..below_top] {
            if record_bytes <= MAX_RECORD_BYTES {
                break;
            }
            record_bytes -= e.record_bytes();
            e.records = None;
        }
        while cached > MAX_CACHED_HITS && self.stack.len() > 1 {
            cached -= self.stack.remove(0).cached();
        }
        Some(ranked)
    }
}

/// Whether every node searched in `inner` is also searched in `outer`.
fn covers(outer: Scope, inner: Scope) -> bool {
    outer == inner || outer == Scope::All
}
