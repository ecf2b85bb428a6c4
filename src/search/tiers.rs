//! What a scan's scored hits become: close ones ranked before loose ones
//! (see `close`), and a hit on a copy of an earlier note (see
//! `outline::SameNotes`) folded into that note's hit when both matched.
//! The score, and so the order within a tier, is the scorer's.
//!
//! Folding only leaves a hit out of the ranking: the hits kept in document
//! order, which a narrower query scans, keep every copy, since a narrower
//! query can drop an original and keep its copy (their punctuation and
//! case may differ).

use super::close::Closeness;
use super::query::Query;
use super::rank::{best_above, merge_top, rank, rank_in_groups, BATCH_TOP};
use super::Hit;
use crate::outline::{Outline, SameNotes};

/// Where a hit goes in the ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    Close = 0,
    Loose = 1,
    /// A copy's hit whose original is a hit too: left out.
    Folded = 2,
}

/// Sorts one scan's hits into classes.
pub(crate) struct Sorting<'a> {
    outline: &'a Outline,
    closeness: Closeness,
    /// Each node's word-start bits, when the index keeps them.
    starts: Option<&'a [u64]>,
    /// The class each candidate had, by position, when a text loose for
    /// the earlier query is loose for this one.
    earlier: Option<&'a [Class]>,
    /// None when copies are listed (or there are none).
    same: Option<&'a SameNotes>,
}

impl<'a> Sorting<'a> {
    /// `earlier` is the query whose hits the candidates are, with the
    /// class each had.
    pub fn new(
        outline: &'a Outline,
        q: &Query,
        starts: Option<&'a [u64]>,
        earlier: Option<(&Query, &'a [Class])>,
        fold_copies: bool,
    ) -> Sorting<'a> {
        let same = outline.same_notes();
        let closeness = Closeness::new(q);
        let earlier = earlier.filter(|(base, _)| closeness.keeps_loose_of(&Closeness::new(base)));
        Sorting {
            outline,
            closeness,
            starts,
            earlier: earlier.map(|(_, close)| close),
            same: (fold_copies && !same.is_empty()).then_some(same),
        }
    }

    /// Close or loose, for each of `hits`: a piece's, scored on one core
    /// while their texts are in its cache, from its `candidates` (position
    /// and hit, both in document order). Typing on, a text the earlier
    /// query found loose is not read again.
    pub fn classes(&self, hits: &[Hit], candidates: &[(usize, Hit)]) -> Vec<Class> {
        if self.closeness.all_close() {
            return vec![Class::Close; hits.len()];
        }
        let judge = |h: &Hit| {
            let node = h.node as usize;
            let told = self.starts.and_then(|s| self.closeness.by_starts(s[node]));
            match told.unwrap_or_else(|| self.closeness.is_close(self.outline.text(node))) {
                true => Class::Close,
                false => Class::Loose,
            }
        };
        let Some(earlier) = self.earlier else {
            return hits.iter().map(judge).collect();
        };
        // The hits are some of the candidates, in the same order.
        let mut at = candidates.iter();
        let mut position = |h: &Hit| at.find(|(_, c)| c.node == h.node).map(|&(i, _)| i);
        hits.iter()
            .map(|h| match position(h).map(|i| earlier[i]) {
                Some(Class::Loose) => Class::Loose,
                _ => judge(h),
            })
            .collect()
    }

    /// Folds the hits of `by_node[from..]` that copy the note of an earlier
    /// hit. `by_node` holds every hit so far, in document order; an original
    /// comes before its copies, so its hit, if any, is already there.
    pub fn fold(&self, by_node: &[Hit], from: usize, classes: &mut [Class]) {
        let Some(same) = self.same else { return };
        let new = &by_node[from..];
        for range in same.repeating_ranges(self.outline) {
            let start = new.partition_point(|h| (h.node as usize) < range.start);
            let end = new.partition_point(|h| (h.node as usize) < range.end);
            for k in start..end {
                let Some(original) = same.original_of(new[k].node as usize) else {
                    continue;
                };
                if by_node.binary_search_by_key(&(original as u32), |h| h.node).is_ok() {
                    classes[from + k] = Class::Folded;
                }
            }
        }
    }
}

/// `by_node`'s hits ranked, close ones first, folded ones left out; and
/// how many are close.
pub(crate) fn rank_tiers(by_node: &[Hit], classes: &[Class]) -> (Vec<Hit>, usize) {
    let (mut close, mut folded) = (0, 0);
    for c in classes {
        close += usize::from(*c == Class::Close);
        folded += usize::from(*c == Class::Folded);
    }
    if close == by_node.len() {
        return (rank(by_node), close);
    }
    // Folded hits are ranked last, and cut off.
    let mut ranked = rank_in_groups(by_node, 3, |i| classes[i] as usize);
    ranked.truncate(by_node.len() - folded);
    (ranked, close)
}

/// The close and the loose hits, each in the order given.
fn split(hits: &[Hit], classes: &[Class]) -> (Vec<Hit>, Vec<Hit>) {
    let close = classes.iter().filter(|&&c| c == Class::Close).count();
    let mut out = (Vec::with_capacity(close), Vec::with_capacity(hits.len() - close));
    for (h, c) in hits.iter().zip(classes) {
        match c {
            Class::Close => out.0.push(*h),
            Class::Loose => out.1.push(*h),
            Class::Folded => {}
        }
    }
    out
}

/// The best hits found so far, for a progress report: close ones first.
#[derive(Default)]
pub(crate) struct Top {
    close: Vec<Hit>,
    loose: Vec<Hit>,
    /// Hits of `by_node` already taken in.
    seen: usize,
    report: Vec<Hit>,
}

impl Top {
    /// Takes in the hits of `by_node` new since the last call.
    pub fn add(&mut self, by_node: &[Hit], classes: &[Class]) {
        let (close, loose) = split(&by_node[self.seen..], &classes[self.seen..]);
        self.seen = by_node.len();
        self.close = merge_top(&self.close, &best_above(&close, self.close.get(BATCH_TOP - 1)));
        // Loose hits show only below a list of close ones that is not full.
        if self.close.len() < BATCH_TOP {
            self.loose = merge_top(&self.loose, &best_above(&loose, self.loose.get(BATCH_TOP - 1)));
        }
        let room = BATCH_TOP - self.close.len();
        self.report.clear();
        self.report.extend(&self.close);
        self.report.extend(self.loose.iter().take(room));
    }

    /// The best BATCH_TOP, ranked, and how many of them are close.
    pub fn report(&self) -> (&[Hit], usize) {
        (&self.report, self.close.len())
    }
}
