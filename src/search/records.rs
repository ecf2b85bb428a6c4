//! A search's records of its last fuzzy term (see `score::rows`), one per
//! hit in document order, kept so that the next keystroke, one more char
//! of that term, computes one row of the score matrix per hit.

use super::query::{Query, Term, TermKind};
use super::score::rows::Extender;
use super::Hit;

/// The longest term whose records are started from nothing: in a fresh
/// search, a first char; within earlier hits (typing, where a fast typist's
/// first keystrokes may have been cancelled), a few. Row by row from
/// nothing, a term costs more than the scorer's lanes, which a pasted
/// query keeps; within earlier hits it is paid once and every char typed
/// after it costs one row.
const MAX_START_FRESH: usize = 1;
const MAX_START_WITHIN: usize = 4;

/// The records of one search's hits (`by_node` order), in the pieces the
/// scan wrote them in.
pub(crate) struct Records {
    term: Extender,
    pieces: Vec<Piece>,
}

/// The records of consecutive hits, from hit `first` on.
pub(crate) struct Piece {
    first: usize,
    /// Where each record ends in `words`.
    ends: Vec<u32>,
    words: Vec<u32>,
}

impl Piece {
    fn record(&self, local: usize) -> &[u32] {
        let from = if local == 0 { 0 } else { self.ends[local - 1] as usize };
        &self.words[from..self.ends[local] as usize]
    }
}

impl Records {
    pub fn heap_bytes(&self) -> usize {
        let piece = |p: &Piece| (p.ends.capacity() + p.words.capacity()) * 4;
        self.pieces.iter().map(piece).sum::<usize>() + self.pieces.capacity() * std::mem::size_of::<Piece>()
    }

    /// The record of hit `i`, looked up from the piece of the last one.
    fn record(&self, i: usize, near: &mut usize) -> &[u32] {
        let holds = |p: &Piece| p.first <= i && i < p.first + p.ends.len();
        if !self.pieces.get(*near).is_some_and(holds) {
            *near = self.pieces.partition_point(|p| p.first <= i) - 1;
        }
        let p = &self.pieces[*near];
        p.record(i - p.first)
    }
}

/// What a hit's score starts from before its last term's.
enum Prior {
    /// The node's bonus: the query is that one term.
    NodeBonus,
    /// The earlier query's score: the term was added to it.
    Earlier,
    /// The earlier score less the earlier term's part: the term extends it.
    EarlierLessOld,
}

/// A search that keeps records: how it scores its last term and what its
/// hits' scores build on.
pub(crate) struct Keep<'a> {
    term: Extender,
    from: Option<&'a Records>,
    prior: Prior,
}

impl<'a> Keep<'a> {
    /// How `q` keeps records, searched within the hits of `base` (with its
    /// records, if it kept any) or afresh. None: the last term is not a
    /// plain ASCII fuzzy one, or there is nothing cheap to build on.
    pub fn choose(q: &Query, base: Option<(&Query, Option<&'a Records>)>) -> Option<Keep<'a>> {
        let (last, kept) = q.terms().split_last()?;
        let term = extender(last)?;
        let old_terms = base.map(|(b, _)| b.terms());
        if let Some((_, Some(old))) = base {
            let same_rest = old_terms
                .and_then(|t| t.split_last())
                .is_some_and(|(_, rest)| rest == kept);
            if same_rest && old.term.is_extended_by(&term) {
                return Some(Keep {
                    term,
                    from: Some(old),
                    prior: Prior::EarlierLessOld,
                });
            }
        }
        let max_start = if base.is_some() {
            MAX_START_WITHIN
        } else {
            MAX_START_FRESH
        };
        if last.text.len() > max_start {
            return None;
        }
        let prior = match old_terms {
            _ if kept.is_empty() => Prior::NodeBonus,
            Some(old) if old == kept => Prior::Earlier,
            _ => return None,
        };
        Some(Keep {
            term,
            from: None,
            prior,
        })
    }

    /// Scores `items` (hits, each with its index among the earlier hits
    /// when searched within them) into hits and their records. `bonus` is
    /// a node's bonus.
    pub fn piece(
        &self,
        items: &[(usize, Hit)],
        text: impl Fn(u32) -> &'a str,
        bonus: impl Fn(u32) -> i64,
    ) -> (Vec<Hit>, Piece) {
        let mut hits = Vec::with_capacity(items.len());
        // A record is a dozen words or so: reserved, not grown by copying.
        let mut piece = Piece {
            first: 0,
            ends: Vec::with_capacity(items.len()),
            words: Vec::with_capacity(items.len() * 16),
        };
        let mut near = 0;
        for (k, &(i, h)) in items.iter().enumerate() {
            // The texts are read in document order but only a hit's, so
            // the next few are fetched ahead: a text's first read misses
            // the cache, and the scan would wait for it.
            if let Some(ahead) = items.get(k + AHEAD) {
                prefetch(text(ahead.1.node).as_bytes());
            }
            let text = text(h.node);
            let old = self.from.map(|r| r.record(i, &mut near));
            let score = match old {
                Some(old) => self.term.extend(text, old, &mut piece.words),
                None => self.term.start(text, &mut piece.words),
            };
            let Some(score) = score else { continue };
            let prior = match self.prior {
                Prior::NodeBonus => bonus(h.node),
                Prior::Earlier => i64::from(h.score),
                Prior::EarlierLessOld => i64::from(h.score) - i64::from(Extender::score_of(old.unwrap_or(&[0]))),
            };
            let score = (prior + i64::from(score)).clamp(i32::MIN.into(), i32::MAX.into()) as i32;
            hits.push(Hit { node: h.node, score });
            piece.ends.push(piece.words.len() as u32);
        }
        // Reserved for the longest records; kept, they would be a third
        // of the search's memory.
        piece.words.shrink_to_fit();
        (hits, piece)
    }

    /// The search's records, from its pieces in order, each with the
    /// index of its first hit.
    pub fn finish(self, pieces: Vec<(usize, Piece)>) -> Records {
        let pieces = pieces
            .into_iter()
            .filter(|(_, p)| !p.ends.is_empty())
            .map(|(first, p)| Piece { first, ..p })
            .collect();
        Records {
            term: self.term,
            pieces,
        }
    }
}

/// Hits whose text is fetched ahead of scoring.
const AHEAD: usize = 16;

/// Asks the CPU to bring the start of `bytes` into cache. (Left out with
/// the `scalar-only` feature too, which builds search as elsewhere.)
fn prefetch(bytes: &[u8]) {
    #[cfg(all(target_arch = "x86_64", not(feature = "scalar-only")))]
    // SAFETY: `_mm_prefetch` needs SSE, which every x86_64 CPU has, and
    // may be given any address: a prefetch reads nothing the program sees.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>(bytes.as_ptr().cast());
        _mm_prefetch::<_MM_HINT_T0>(bytes.as_ptr().wrapping_add(63).cast());
    }
    #[cfg(not(all(target_arch = "x86_64", not(feature = "scalar-only"))))]
    let _ = bytes;
}

/// The extender for a positive fuzzy term, if its records can be kept.
fn extender(t: &Term) -> Option<Extender> {
    (t.kind == TermKind::Fuzzy && !t.negated).then(|| Extender::new(&t.text, t.case_sensitive))?
}
