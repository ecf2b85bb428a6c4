//! The per-node prefilter (8 bytes a node) and the parallel, cancellable,
//! progressive scan that turns a query into ranked hits.

use std::ops::Range;

use rayon::prelude::*;

use super::candidates::{Candidates, List, Scan};
use super::plan::{char_mask, Delta, Plan, SEARCHABLE, SESSION};
use super::query::Query;
use super::records::{Keep, Piece, Records};
use super::starts::word_starts;
use super::tiers::{rank_tiers, Class, Sorting, Top};
use super::{searched, Batch, Hit, Ranked, Scope, SESSION_BONUS, TOPIC_BONUS};
use crate::outline::{Kind, Outline};

/// Nodes in the first chunk of a scan: the cancel flag is checked and
/// progress reported between chunks. Chunks then double up to MAX_CHUNK
/// (a few milliseconds of work, so an abandoned search frees the worker
/// soon), since each costs a fork and join of the scan across the cores.
const CHUNK: usize = 4096;
const MAX_CHUNK: usize = 16 * CHUNK;

/// Nodes scored together on one core, at least: enough to keep the
/// scorer's lanes full. The first chunk makes four pieces, so a first
/// report uses at most four cores; later chunks make PIECES_A_CHUNK, of up
/// to 4096 nodes. (A selective term matches a few in a thousand: its
/// matches, queued shortest first, fill the lanes better the more a piece
/// holds.)
const PIECE: usize = 1024;
const PIECES_A_CHUNK: usize = 16;

/// Built once per outline. Holds no text: only a char mask per node, so the
/// scan rejects most nodes without touching their text (except one built
/// `for_one_search`, whose masks let every char through).
#[derive(Clone, Debug)]
pub struct Index {
    masks: Vec<u64>,
    /// Each node's word-start bits (see `starts`), but for one search.
    starts: Option<Vec<u64>>,
    sessions: Vec<u32>,
}

impl Index {
    pub fn new(o: &Outline) -> Index {
        let mut index = Index::build(o, char_mask);
        let starts = (0..o.len()).into_par_iter().map(|i| match index.masks[i] {
            0 => 0,
            _ => word_starts(o.text(i)),
        });
        index.starts = Some(starts.collect());
        index
    }

    /// For a single search (`talktree --search`): no char masks nor
    /// word-start bits, which would read all the text once more just to
    /// skip the nodes whose text the subsequence test reads anyway.
    pub fn for_one_search(o: &Outline) -> Index {
        Index::build(o, |_| !(SEARCHABLE | SESSION))
    }

    fn build(o: &Outline, chars: impl Fn(&str) -> u64 + Sync) -> Index {
        let masks = Index::build_range(o, 0..o.len(), chars);
        let sessions = (0..masks.len() as u32)
            .filter(|&i| masks[i as usize] & SESSION != 0)
            .collect();
        Index {
            masks,
            starts: None,
            sessions,
        }
    }

    /// The masks of the nodes in `range`.
    fn build_range(o: &Outline, range: Range<usize>, chars: impl Fn(&str) -> u64 + Sync) -> Vec<u64> {
        range
            .into_par_iter()
            .map(|i| {
                let kind = o.kind(i);
                if !searched(kind, Scope::All) {
                    return 0;
                }
                let session = if searched(kind, Scope::Sessions) { SESSION } else { 0 };
                SEARCHABLE | session | chars(o.text(i))
            })
            .collect()
    }

    /// The index of an outline in which the nodes `old` became `new`
    /// (one document reloaded, see `Outline::splice_documents`): only the
    /// new nodes' masks and word starts are computed; the others are moved.
    pub fn splice(&mut self, o: &Outline, old: Range<usize>, new: Range<usize>) {
        let fresh = Index::build_range(o, new.clone(), char_mask);
        if let Some(starts) = &mut self.starts {
            let words = new
                .clone()
                .into_par_iter()
                .zip(fresh.par_iter())
                .map(|(i, &m)| match m {
                    0 => 0,
                    _ => word_starts(o.text(i)),
                });
            starts.splice(old.clone(), words.collect::<Vec<u64>>());
        }
        self.masks.splice(old.clone(), fresh);
        let moved = new.len() as i64 - old.len() as i64;
        let before = self.sessions.partition_point(|&s| (s as usize) < old.start);
        let after = self.sessions.partition_point(|&s| (s as usize) < old.end);
        let inside = new.clone().filter(|&i| self.masks[i] & SESSION != 0).map(|i| i as u32);
        let shifted: Vec<u32> = self.sessions[after..]
            .iter()
            .map(|&s| (s as i64 + moved) as u32)
            .collect();
        self.sessions.truncate(before);
        self.sessions.extend(inside);
        self.sessions.extend(shifted);
    }

    /// Heap bytes held, for the memory budget.
    pub fn heap_bytes(&self) -> usize {
        let starts = self.starts.as_ref().map_or(0, Vec::capacity);
        (self.masks.capacity() + starts) * 8 + self.sessions.capacity() * 4
    }

    /// Ranked hits for `q`, close ones first, then best first, ties in
    /// document order; copies folded. `cancel` is polled every few thousand
    /// nodes; None means it fired.
    pub fn search(&self, o: &Outline, q: &Query, scope: Scope, cancel: &dyn Fn() -> bool) -> Option<Ranked> {
        self.search_in(o, q, scope, Candidates::All, cancel)
    }

    /// As `search`, scanning only `within`, earlier hits (see
    /// `Query::narrows`): the searcher does this through `scan`.
    #[cfg(test)]
    pub(crate) fn search_within(
        &self,
        o: &Outline,
        q: &Query,
        scope: Scope,
        within: &[Hit],
        cancel: &dyn Fn() -> bool,
    ) -> Option<Ranked> {
        self.search_in(o, q, scope, Candidates::Hits(within), cancel)
    }

    fn search_in(
        &self,
        o: &Outline,
        q: &Query,
        scope: Scope,
        candidates: Candidates<'_>,
        cancel: &dyn Fn() -> bool,
    ) -> Option<Ranked> {
        let request = Scan {
            query: q,
            scope,
            candidates,
            fold_copies: true,
        };
        Some(self.scan(o, request, cancel, None)?.ranked())
    }

    /// As `search`, with progress reports (see `scan`).
    #[cfg(test)]
    pub(crate) fn search_progressive(
        &self,
        o: &Outline,
        q: &Query,
        scope: Scope,
        cancel: &dyn Fn() -> bool,
        on_batch: &mut dyn FnMut(Batch<'_>),
    ) -> Option<Ranked> {
        let request = Scan {
            query: q,
            scope,
            candidates: Candidates::All,
            fold_copies: true,
        };
        Some(self.scan(o, request, cancel, Some(on_batch))?.ranked())
    }

    /// The hits of `request`, ranked and in document order. `cancel` is
    /// polled every few thousand nodes; None means it fired. `on_batch`, if
    /// given, is handed the best hits found so far (at most BATCH_TOP,
    /// ranked, close ones first) after 1, 2, 4, 8... times the first chunk's nodes: each
    /// report ranks only the hits new since the last. The finished result
    /// is not passed to it.
    pub(crate) fn scan(
        &self,
        o: &Outline,
        request: Scan<'_>,
        cancel: &dyn Fn() -> bool,
        mut on_batch: Option<&mut dyn FnMut(Batch<'_>)>,
    ) -> Option<Found> {
        let Scan {
            query: q,
            scope,
            candidates,
            fold_copies,
        } = request;
        if q.is_empty() {
            return Some(Found::default());
        }
        let plan = Plan::new(q);
        let need = plan.need
            | match scope {
                Scope::All => SEARCHABLE,
                Scope::Sessions => SESSION,
            };
        let (list, kept) = List::new(candidates, scope, self.masks.len(), &self.sessions);
        let base = candidates.base();
        let keep = Keep::choose(q, base.map(|b| (b, kept.records)));
        let delta = base.and_then(|b| Delta::between(b, q)).filter(|_| keep.is_none());
        let total = list.len();
        let text = |node: u32| o.text(node as usize);
        let bonus = |node: u32| bonus(o, node as usize);
        let sorting = Sorting::new(o, q, self.starts.as_deref(), base.zip(kept.classes), fold_copies);
        // Plan or delta scores a piece's texts together.
        let score = |items: &[(usize, Hit)]| -> Vec<Hit> {
            let texts: Vec<&str> = items.iter().map(|(_, h)| text(h.node)).collect();
            let mut scores = vec![None; texts.len()];
            match &delta {
                Some(d) => d.change_all(&texts, &mut scores),
                None => plan.score_all(&texts, &mut scores),
            }
            let hits = items.iter().zip(scores).filter_map(|((_, h), s)| {
                let s = s?;
                let s = match delta {
                    // The earlier score has the node's bonus already.
                    Some(_) => i64::from(h.score) + s,
                    None => s + bonus(h.node),
                };
                let score = s.clamp(i32::MIN as i64, i32::MAX as i64) as i32;
                Some(Hit { node: h.node, score })
            });
            hits.collect()
        };
        // One piece of the scan: the candidates that pass the mask test,
        // scored together, and their classes.
        let piece = |at: Range<usize>| -> (Vec<Hit>, Vec<Class>, Option<Piece>) {
            let items = list.passing(at, |node| self.masks[node as usize] & need == need);
            let (hits, records) = match &keep {
                Some(keep) => {
                    let (hits, records) = keep.piece(&items, text, bonus);
                    (hits, Some(records))
                }
                None => (score(&items), None),
            };
            let classes = sorting.classes(&hits, &items);
            (hits, classes, records)
        };
        // The best hits so far, for progress reports.
        let mut top = Top::default();
        // At most every candidate: reserved, not grown by copying.
        let mut by_node: Vec<Hit> = Vec::with_capacity(total);
        let mut classes: Vec<Class> = Vec::with_capacity(total);
        let mut pieces: Vec<(usize, Piece)> = Vec::new();
        let mut start = 0;
        let mut size = CHUNK;
        while start < total {
            if cancel() {
                return None;
            }
            let end = (start + size).min(total);
            let piece_len = (size / PIECES_A_CHUNK).max(PIECE);
            let found: Vec<(Vec<Hit>, Vec<Class>, Option<Piece>)> = (start..end)
                .step_by(piece_len)
                .collect::<Vec<usize>>()
                .into_par_iter()
                .map(|from| piece(from..(from + piece_len).min(end)))
                .collect();
            let from = by_node.len();
            for (hits, piece_classes, records) in found {
                if let Some(r) = records {
                    pieces.push((by_node.len(), r));
                }
                by_node.extend(hits);
                classes.extend(piece_classes);
            }
            sorting.fold(&by_node, from, &mut classes);
            // Reported after 1, 2, 4, 8... times the first chunk.
            if end < total && end % CHUNK == 0 && (end / CHUNK).is_power_of_two() {
                if let Some(f) = on_batch.as_deref_mut() {
                    top.add(&by_node, &classes);
                    let (hits, close) = top.report();
                    f(Batch {
                        hits,
                        close,
                        scanned: end,
                        total,
                    });
                }
            }
            start = end;
            if start > CHUNK {
                size = (size * 2).min(MAX_CHUNK);
            }
        }
        let (ranked, close) = rank_tiers(&by_node, &classes);
        Some(Found {
            ranked,
            close,
            by_node,
            classes,
            records: keep.map(|k| k.finish(pieces)),
        })
    }
}

/// A finished search: its hits ranked, and the same hits in document
/// order, which a narrower query scans without sorting them again.
#[derive(Default)]
pub(crate) struct Found {
    /// Close ones first, copies folded (see `tiers`).
    pub ranked: Vec<Hit>,
    /// How many of `ranked` are close.
    pub close: usize,
    /// Every hit, copies too.
    pub by_node: Vec<Hit>,
    /// The class of each of `by_node`, for a narrower query to skip the
    /// loose ones (see `tiers`; a folded copy's hit may be close or loose).
    pub classes: Vec<Class>,
    /// The last term's records, when the search kept them.
    pub records: Option<Records>,
}

impl Found {
    pub fn ranked(self) -> Ranked {
        Ranked::new(self.ranked, self.close)
    }
}

/// What a hit scores for where it sits, on top of its text's score.
fn bonus(o: &Outline, node: usize) -> i64 {
    if o.kind(node) == Kind::Session {
        SESSION_BONUS
    } else if o.has_children(node) {
        TOPIC_BONUS
    } else {
        0
    }
}

#[cfg(test)]
mod splice_tests {
    use super::*;
    use crate::outline::parse_document;

    fn doc(name: &str, src: &str) -> Outline {
        parse_document(src.as_bytes(), name).unwrap().into_outline()
    }

    /// A document reloaded: the index spliced is the index built anew.
    #[test]
    fn splicing_one_document_gives_the_index_built_from_scratch() {
        let parts = || {
            vec![
                doc("a.md", "# A\n## Talk one (Ann)\n- alpha\n"),
                doc("b.md", "# B\n## Talk two (Bo)\n- beta\n- gamma\n"),
                doc("c.md", "# C\n## Talk three (Cy)\n- delta\n"),
            ]
        };
        let old = Outline::concat(parts());
        let mut index = Index::new(&old);
        for new_b in [
            "# B\n## New (Di)\n- zeta\n## Talk two (Bo)\n- beta\n- gamma\n- eta\n",
            "# B\n",
            "# B\n## Talk two (Bo)\n- beta\n",
        ] {
            let before = Outline::concat(parts());
            let (a, b) = (before.docs()[1].node, before.docs()[2].node);
            let _ = old.len();
            let new = before.splice_documents(1..2, doc("b.md", new_b));
            let mut fresh_index = Index::new(&before);
            fresh_index.splice(&new, a..b, a..new.docs()[2].node);
            let fresh = Index::new(&new);
            assert_eq!(fresh_index.masks, fresh.masks, "{new_b:?}");
            assert_eq!(fresh_index.sessions, fresh.sessions, "{new_b:?}");
            assert_eq!(fresh_index.starts, fresh.starts, "{new_b:?}");
        }
        // Spliced twice in a row, as reloads follow each other.
        let mid = old.splice_documents(1..2, doc("b.md", "# B\n## X (Ed)\n- x\n- y\n"));
        index.splice(
            &mid,
            old.docs()[1].node..old.docs()[2].node,
            mid.docs()[1].node..mid.docs()[2].node,
        );
        let last = mid.splice_documents(0..1, doc("a.md", "# A\n"));
        index.splice(&last, 0..mid.docs()[1].node, 0..last.docs()[1].node);
        let fresh = Index::new(&last);
        assert_eq!(
            (index.masks, index.sessions, index.starts),
            (fresh.masks, fresh.sessions, fresh.starts)
        );
    }
}
