//! The per-node prefilter (8 bytes a node) and the parallel, cancellable,
//! progressive scan that turns a query into ranked hits.

use std::borrow::Cow;

use rayon::prelude::*;

use super::plan::{char_mask, Delta, Plan, SEARCHABLE, SESSION};
use super::query::Query;
use super::rank::{best_above, merge_top, rank};
use super::records::{Keep, Piece, Records};
use super::{searched, Batch, Hit, Scope, SESSION_BONUS, TOPIC_BONUS};
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
/// matches, queued shortest first, fill the lanes better the more there
/// are; 1024-node pieces left a third of the lanes idle.)
const PIECE: usize = 1024;
const PIECES_A_CHUNK: usize = 16;

/// Hits in a progress report: the best ones so far, pages more than a
/// screen holds. The count is not shown until the search is done.
pub(crate) const BATCH_TOP: usize = 1000;

/// Built once per outline. Holds no text: only a char mask per node, so the
/// scan rejects most nodes without touching their text (except one built
/// `for_one_search`, whose masks let every char through).
#[derive(Clone, Debug)]
pub struct Index {
    masks: Vec<u64>,
    sessions: Vec<u32>,
}

impl Index {
    pub fn new(o: &Outline) -> Index {
        Index::build(o, char_mask)
    }

    /// For a single search (`talktree --search`): no char masks, which
    /// would read all the text once more just to skip the nodes whose
    /// text the subsequence test reads anyway.
    pub fn for_one_search(o: &Outline) -> Index {
        Index::build(o, |_| !(SEARCHABLE | SESSION))
    }

    fn build(o: &Outline, chars: impl Fn(&str) -> u64 + Sync) -> Index {
        let masks: Vec<u64> = (0..o.len())
            .into_par_iter()
            .map(|i| {
                let kind = o.kind(i);
                if !searched(kind, Scope::All) {
                    return 0;
                }
                let session = if searched(kind, Scope::Sessions) { SESSION } else { 0 };
                SEARCHABLE | session | chars(o.text(i))
            })
            .collect();
        let sessions = (0..masks.len() as u32)
            .filter(|&i| masks[i as usize] & SESSION != 0)
            .collect();
        Index { masks, sessions }
    }

    /// Heap bytes held, for the memory budget.
    pub fn heap_bytes(&self) -> usize {
        self.masks.capacity() * 8 + self.sessions.capacity() * 4
    }

    /// Ranked hits for `q`, best first, ties in document order. `within`
    /// restricts the scan to earlier hits (see `Query::narrows`). `cancel` is
    /// polled every few thousand nodes; None means it fired.
    pub fn search(
        &self,
        o: &Outline,
        q: &Query,
        scope: Scope,
        within: Option<&[Hit]>,
        cancel: &dyn Fn() -> bool,
    ) -> Option<Vec<Hit>> {
        let found = self.run(o, q, scope, within.map(|w| (w, None, None)), cancel, None)?;
        Some(found.ranked)
    }

    /// As `search`, also handing `on_batch` the best hits found so far (at
    /// most BATCH_TOP, ranked) after 1, 2, 4, 8... times the first chunk's
    /// nodes: each report ranks only the hits new since the last. The
    /// finished result is not passed to it.
    pub fn search_progressive(
        &self,
        o: &Outline,
        q: &Query,
        scope: Scope,
        within: Option<&[Hit]>,
        cancel: &dyn Fn() -> bool,
        on_batch: &mut dyn FnMut(Batch<'_>),
    ) -> Option<Vec<Hit>> {
        let found = self.run(o, q, scope, within.map(|w| (w, None, None)), cancel, Some(on_batch))?;
        Some(found.ranked)
    }

    /// As `search_progressive`, keeping the hits in document order too, and
    /// when `base` is given, within the hits of that query, which `q`
    /// narrows. Then, when only the last fuzzy term differs, a hit's score
    /// is its old one with that term's part exchanged, and the other terms
    /// are not scored again (typing a second word rescored the first for
    /// every hit). Base hits in document order are scanned as they are.
    /// When the base kept records of its last term and `q` types one more
    /// char of it, only that char's row is computed (see `records`).
    pub(crate) fn scan(
        &self,
        o: &Outline,
        q: &Query,
        scope: Scope,
        base: Option<(&[Hit], &Query, Option<&Records>)>,
        cancel: &dyn Fn() -> bool,
        on_batch: &mut dyn FnMut(Batch<'_>),
    ) -> Option<Found> {
        self.run(
            o,
            q,
            scope,
            base.map(|(h, q, r)| (h, Some(q), r)),
            cancel,
            Some(on_batch),
        )
    }

    fn run(
        &self,
        o: &Outline,
        q: &Query,
        scope: Scope,
        within: Option<(&[Hit], Option<&Query>, Option<&Records>)>,
        cancel: &dyn Fn() -> bool,
        mut on_batch: Option<&mut dyn FnMut(Batch<'_>)>,
    ) -> Option<Found> {
        if q.is_empty() {
            return Some(Found::default());
        }
        let plan = Plan::new(q);
        let need = plan.need
            | match scope {
                Scope::All => SEARCHABLE,
                Scope::Sessions => SESSION,
            };
        // Earlier hits come best first; rescanned in that order they would
        // be read from all over the outline's text. In node order the scan
        // reads it front to back, as a fresh one does.
        // Records are of hits in document order.
        let sorted = within.is_none_or(|(w, ..)| w.is_sorted_by_key(|h| h.node));
        let keep = Keep::choose(q, within.and_then(|(_, base, r)| Some((base?, r.filter(|_| sorted)))));
        let delta = within
            .and_then(|(_, base, _)| Delta::between(base?, q))
            .filter(|_| keep.is_none());
        let within: Option<Cow<[Hit]>> = within.map(|(w, ..)| {
            if w.is_sorted_by_key(|h| h.node) {
                return Cow::Borrowed(w);
            }
            let mut hits = w.to_vec();
            hits.par_sort_unstable_by_key(|h| h.node);
            Cow::Owned(hits)
        });
        let total = match (&within, scope) {
            (Some(w), _) => w.len(),
            (None, Scope::All) => self.masks.len(),
            (None, Scope::Sessions) => self.sessions.len(),
        };
        // One piece of the scan: the nodes (with their earlier score when
        // narrowing) that pass the mask test, scored together. (Each kind
        // of piece collects its own; through one `dyn Iterator` a call a
        // node cost more than the mask test.)
        let passes = |h: &Hit| self.masks[h.node as usize] & need == need;
        let piece = |items: Vec<Hit>| -> Vec<Hit> {
            let texts: Vec<&str> = items.iter().map(|h| o.text(h.node as usize)).collect();
            let mut scores = vec![None; texts.len()];
            match &delta {
                Some(d) => d.change_all(&texts, &mut scores),
                None => plan.score_all(&texts, &mut scores),
            }
            let hits = items.iter().zip(scores).filter_map(|(h, s)| {
                let s = s?;
                let s = match delta {
                    // The earlier score has the node's bonus already.
                    Some(_) => i64::from(h.score) + s,
                    None => s + bonus(o, h.node as usize),
                };
                let score = s.clamp(i32::MIN as i64, i32::MAX as i64) as i32;
                Some(Hit { node: h.node, score })
            });
            hits.collect()
        };
        // The best hits so far, for progress reports, and how many of the
        // hits found are already in it.
        let mut top: Vec<Hit> = Vec::new();
        let mut in_top = 0;
        // At most every candidate: reserved, not grown by copying.
        let mut by_node: Vec<Hit> = Vec::with_capacity(total);
        let mut pieces: Vec<(usize, Piece)> = Vec::new();
        let mut start = 0;
        let mut size = CHUNK;
        while start < total {
            if cancel() {
                return None;
            }
            let end = (start + size).min(total);
            let piece_len = (size / PIECES_A_CHUNK).max(PIECE);
            let found: Vec<(Vec<Hit>, Option<Piece>)> = (start..end)
                .step_by(piece_len)
                .collect::<Vec<usize>>()
                .into_par_iter()
                .map(|from| {
                    let to = (from + piece_len).min(end);
                    let fresh = |node| Hit { node, score: 0 };
                    if let Some(keep) = &keep {
                        let text = |node: u32| o.text(node as usize);
                        let bonus = |node: u32| bonus(o, node as usize);
                        let (hits, records) = match (&within, scope) {
                            (Some(w), _) => {
                                keep.piece((from..to).map(|i| (i, w[i])).filter(|(_, h)| passes(h)), text, bonus)
                            }
                            (None, Scope::All) => keep.piece(
                                (from as u32..to as u32)
                                    .map(|n| (0, fresh(n)))
                                    .filter(|(_, h)| passes(h)),
                                text,
                                bonus,
                            ),
                            (None, Scope::Sessions) => keep.piece(
                                self.sessions[from..to]
                                    .iter()
                                    .map(|&n| (0, fresh(n)))
                                    .filter(|(_, h)| passes(h)),
                                text,
                                bonus,
                            ),
                        };
                        return (hits, Some(records));
                    }
                    let hits = piece(match (&within, scope) {
                        (Some(w), _) => w[from..to].iter().copied().filter(passes).collect(),
                        (None, Scope::All) => (from as u32..to as u32).map(fresh).filter(passes).collect(),
                        (None, Scope::Sessions) => self.sessions[from..to]
                            .iter()
                            .copied()
                            .map(fresh)
                            .filter(passes)
                            .collect(),
                    });
                    (hits, None)
                })
                .collect();
            for (hits, records) in found {
                if let Some(r) = records {
                    pieces.push((by_node.len(), r));
                }
                by_node.extend(hits);
            }
            // Reported after 1, 2, 4, 8... times the first chunk.
            if end < total && end % CHUNK == 0 && (end / CHUNK).is_power_of_two() {
                if let Some(f) = on_batch.as_deref_mut() {
                    top = merge_top(&top, &best_above(&by_node[in_top..], top.get(BATCH_TOP - 1)));
                    in_top = by_node.len();
                    f(Batch {
                        hits: &top,
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
        Some(Found {
            ranked: rank(&by_node),
            by_node,
            records: keep.map(|k| k.finish(pieces)),
        })
    }
}

/// A finished search: its hits ranked, and the same hits in document
/// order, which a narrower query scans without sorting them again (a
/// million hits took ~20 ms to sort by node).
#[derive(Default)]
pub(crate) struct Found {
    pub ranked: Vec<Hit>,
    pub by_node: Vec<Hit>,
    /// The last term's records, when the search kept them.
    pub records: Option<Records>,
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
