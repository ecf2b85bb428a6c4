//! Search: a query (fzf extended syntax, smart case) to ranked hits, the
//! char positions to highlight, and a background worker for the UI. Pure: no
//! terminal, no I/O; the outline is only read.

// The scorer's vector code and the counting sort write through pointers:
// each unsafe block says why what it needs holds.
#![warn(clippy::undocumented_unsafe_blocks)]

mod candidates;
mod close;
mod counting;
mod index;
mod plan;
mod query;
mod rank;
mod records;
mod score;
mod searcher;
mod starts;
mod tiers;
mod worker;

#[cfg(test)]
mod narrowing_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tiers_tests;

use std::cmp::Ordering;
use std::sync::Arc;

use crate::outline::{Kind, Outline};

pub use index::Index;
pub use query::{Matching, Query, Term, TermKind};
pub use rank::in_document_order;
pub use searcher::Searcher;
pub use worker::{Results, SearchWorker};

/// Added to a session whose title matches. A talk title is what people
/// search to jump to, so it wins ties and near-ties with its own notes;
/// kept below one matched char (SkimMatcherV2 gives 16) so that a bullet
/// matching clearly better, by a char or a word start, still ranks first.
/// It covers the case-mismatch penalties (2 a char) that Title Case costs.
pub const SESSION_BONUS: i64 = 12;

/// Added to any other node that has notes under it (a heading, a bullet
/// that opened a discussion). Typing "riemann" should land on "is anyone
/// using riemann?" with the answers under it before a bare "riemann" in a
/// list, which SkimMatcherV2 scores 8 higher only for starting the text.
/// Below SESSION_BONUS so a talk still wins a tie with its own topics.
pub const TOPIC_BONUS: i64 = 10;

/// Which nodes a search looks at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Sessions, headings, bullets and paragraphs (not documents, groups or
    /// code).
    #[default]
    All,
    /// Session titles only: the fastest way to jump to a talk.
    Sessions,
}

/// One ranked result. The score is i32 (SkimMatcherV2 scores in i32 inside)
/// so a hit is 8 bytes: a million of them, kept for narrowing, cost 8 MB.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Hit {
    pub node: u32,
    pub score: i32,
}

/// What a search is asked besides its text: the find pane's settings, or
/// `--search`'s flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Options {
    pub scope: Scope,
    /// How plain terms are read (fzf's default, or its `--exact`).
    pub matching: Matching,
    /// List the hits on copies of earlier notes too (see
    /// `outline::SameNotes`), not only the earlier note's.
    pub all_copies: bool,
}

impl From<Scope> for Options {
    fn from(scope: Scope) -> Options {
        Options {
            scope,
            ..Options::default()
        }
    }
}

/// Whether a hit holds the query's words where the text's words start (or
/// a typo of them): close; or only their letters, scattered: loose. See
/// `close` for the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tier {
    Close,
    Loose,
}

/// A search's hits, ranked: the close ones first, each tier by score.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ranked {
    pub hits: Arc<Vec<Hit>>,
    /// How many of `hits` (the first ones) are close.
    pub close: usize,
}

impl Ranked {
    pub fn new(hits: Vec<Hit>, close: usize) -> Ranked {
        Ranked {
            hits: Arc::new(hits),
            close,
        }
    }

    /// The tier of the hit ranked `i`.
    pub fn tier(&self, i: usize) -> Tier {
        tier_at(i, self.close)
    }

    /// How many hits are loose.
    pub fn loose(&self) -> usize {
        self.hits.len() - self.close
    }
}

/// The ranked hits; their tiers are `tier` and `close`.
impl std::ops::Deref for Ranked {
    type Target = [Hit];
    fn deref(&self) -> &[Hit] {
        &self.hits
    }
}

/// The tier of the hit ranked `i` in a ranking with `close` close hits.
pub fn tier_at(i: usize, close: usize) -> Tier {
    if i < close {
        Tier::Close
    } else {
        Tier::Loose
    }
}

/// The nodes of ranked hits as `n` and `N` step through them: the close
/// hits in document order, then the loose ones.
pub fn stepping_order(hits: &[Hit], close: usize, nodes: usize) -> Vec<u32> {
    let close = close.min(hits.len());
    let mut order = in_document_order(&hits[..close], nodes);
    order.extend(in_document_order(&hits[close..], nodes));
    order
}

/// A progress report of a running search: the best hits (at most a
/// thousand) among the first `scanned` of `total` candidates, ranked, the
/// first `close` of them close.
#[derive(Clone, Copy, Debug)]
pub struct Batch<'a> {
    pub hits: &'a [Hit],
    pub close: usize,
    pub scanned: usize,
    pub total: usize,
}

/// Best score first, then document order.
pub fn rank_order(a: &Hit, b: &Hit) -> Ordering {
    rank_key(a).cmp(&rank_key(b))
}

/// The rank as one number, smallest first: sorting a million hits by it
/// is one compare each, not two. The score's bits are flipped so that a
/// higher score is smaller (the sign bit too: two's complement to offset).
pub fn rank_key(h: &Hit) -> u64 {
    let score = (h.score as u32) ^ 0x8000_0000;
    (u64::from(!score) << 32) | u64::from(h.node)
}

/// Every hit for `query` over the whole outline, ranked, as the CLI's
/// `--search` prints them (the caller applies `--limit`). Builds a throwaway
/// index: one-shot use only.
pub fn find(o: &Outline, query: &str, options: impl Into<Options>) -> Ranked {
    let options = options.into();
    let q = Query::parse_with(query, options.matching);
    let request = candidates::Scan {
        query: &q,
        scope: options.scope,
        candidates: candidates::Candidates::All,
        fold_copies: !options.all_copies,
    };
    Index::for_one_search(o)
        .scan(o, request, &|| false, None)
        .map(index::Found::ranked)
        .unwrap_or_default()
}

/// The other nodes that hold `node`'s note, in document order: in the
/// documents that repeat it, or the one it repeats (see
/// `outline::SameNotes`). What a hit's "also in" lists.
pub fn also_in(o: &Outline, node: usize) -> Vec<usize> {
    let same = o.same_notes();
    let original = same.original_of(node).unwrap_or(node);
    let copies: Vec<usize> = same.copies_of(original).collect();
    if copies.is_empty() {
        return Vec::new();
    }
    std::iter::once(original).chain(copies).filter(|&n| n != node).collect()
}

/// Char indices of node `node`'s text to highlight for `q`.
pub fn highlight(o: &Outline, node: usize, q: &Query) -> Vec<usize> {
    plan::highlight_text(o.text(node), q)
}

/// Char indices of `text` to highlight for `q` (the part of a node's text
/// a row shows, say).
pub fn highlight_text(text: &str, q: &Query) -> Vec<usize> {
    plan::highlight_text(text, q)
}

/// Which of `texts` match `q` as a search would find them (every term
/// passes), for searching a few texts in place: a talk's rows, say.
pub fn matching(texts: &[&str], q: &Query) -> Vec<bool> {
    let mut scores = vec![None; texts.len()];
    if !q.is_empty() {
        plan::Plan::new(q).score_all(texts, &mut scores);
    }
    scores.iter().map(Option::is_some).collect()
}

/// Where a node sits: "Document › Session", or just "Document" for a
/// session itself and for nodes outside any session.
pub fn breadcrumb(o: &Outline, node: usize) -> Breadcrumb<'_> {
    Breadcrumb {
        document: o.text(o.document_of(node)),
        session: o.session_of(node).filter(|&s| s != node).map(|s| o.text(s)),
    }
}

/// See `breadcrumb`; formatted where it is written, with no `String` per
/// hit (`--search --limit all` prints hundreds of thousands).
pub struct Breadcrumb<'a> {
    document: &'a str,
    session: Option<&'a str>,
}

impl std::fmt::Display for Breadcrumb<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.document)?;
        match self.session {
            Some(s) => write!(f, " › {s}"),
            None => Ok(()),
        }
    }
}

/// `--search` output, one line per hit: score, breadcrumb, text, tab
/// separated. Yields it in pieces of bytes, in order, formatted a block at
/// a time on all cores. (The pieces are not joined: that would copy the
/// whole output once more, into fresh memory.)
pub fn hit_lines<'a>(o: &'a Outline, hits: &'a [Hit]) -> impl Iterator<Item = Vec<u8>> + 'a {
    use rayon::prelude::*;
    use std::io::Write;
    hits.chunks(1 << 16).flat_map(move |block| {
        let parts: Vec<Vec<u8>> = block
            .par_chunks(1 << 11)
            .map(|hits| {
                let mut out = Vec::with_capacity(hits.len() * 128);
                for h in hits {
                    let n = h.node as usize;
                    // Writing to a Vec cannot fail.
                    let _ = writeln!(out, "{}\t{}\t{}", h.score, breadcrumb(o, n), o.text(n));
                }
                out
            })
            .collect();
        parts
    })
}

/// Whether `kind` is ever a hit in `scope`. A day or track is a place to
/// jump to by name. Code is not prose. A file's title is not searched yet:
/// it is often made from the file's content (its first talks), and then a
/// hit on it repeats that talk's hit, with no line of its own to print.
pub(crate) fn searched(kind: Kind, scope: Scope) -> bool {
    match scope {
        Scope::All => !matches!(kind, Kind::Code | Kind::Document),
        Scope::Sessions => kind == Kind::Session,
    }
}
