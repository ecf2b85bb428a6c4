//! Documents that hold the same notes as an earlier one (one talk's notes
//! saved as a gist and again as a broken Markdown copy), found on the text
//! alone, and which of their notes repeat which earlier note. The model
//! keeps the answer; search folds a repeated note's hits into the earlier
//! note's, and the outline can say "same notes as <title>".
//!
//! A note is compared by its letters and digits, lowercased: punctuation,
//! spacing, quotes and list markers vary between copies, the words do not.
//! Two documents hold the same notes when each has at least `CONTAINED` of
//! its distinct notes (of `MIN_CHARS` letters or more) in the other. On the
//! bundled seeds the Scale Summit gist and its Markdown copy share 96% and
//! 99%; across the seeds and the 30 real files of the shared corpus, the
//! closest unrelated pair shares 7% of the smaller file's notes (1 of 14),
//! the next 2%. A copy that gained or lost a fifth of its notes is still
//! caught; a file that took half its talks from another is not.
//!
//! Found when first asked (`Outline::same_notes`; the search thread asks
//! as it builds its index), in a pass over the notes' first letters: each
//! document's notes are hashed, on all cores, into a sketch (its `SKETCH`
//! smallest hashes); only documents whose sketches share many hashes are
//! compared in full.

use std::collections::HashMap;

use rayon::prelude::*;

use super::Outline;

mod key;
use key::{letters, note_key};

/// Each document must have this share of its notes in the other.
const CONTAINED: f64 = 0.8;
/// Notes shorter than this (in letters and digits) are not evidence:
/// "Q&A", "Slides", "Keynote" recur in unrelated files.
const MIN_CHARS: usize = 10;
/// And at least this many notes in common: a two-note file is no copy.
const MIN_SHARED: usize = 5;
/// Hashes kept per document to find candidate pairs.
const SKETCH: usize = 64;
/// A sketch hashes a note's first letters only: enough to tell notes
/// apart, and a long paragraph is not read to its end for it. (Notes that
/// share these letters are one hash there; documents are then compared on
/// their whole notes.)
const SKETCH_LETTERS: usize = 24;
/// A sketch hash held by more documents than this is boilerplate (a line
/// every file of one author carries), not evidence of a copy.
const MAX_HOLDERS: usize = 16;

/// A document that repeats an earlier one's notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Repeat {
    /// The later document's node.
    pub doc: usize,
    /// The earlier document's node, whose notes it holds.
    pub of: usize,
    /// Distinct notes (of `MIN_CHARS` or more) in each, and in both.
    pub notes: usize,
    pub notes_of: usize,
    pub shared: usize,
}

/// Which documents repeat an earlier one, and which nodes repeat which
/// earlier node. Empty for most notes (no copies).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SameNotes {
    /// By `doc`.
    repeats: Vec<Repeat>,
    /// (copy, original), by copy.
    copies: Vec<(u32, u32)>,
    /// (original, copy), by original.
    originals: Vec<(u32, u32)>,
}

impl SameNotes {
    pub fn is_empty(&self) -> bool {
        self.repeats.is_empty()
    }

    /// The documents that repeat an earlier one, in document order.
    pub fn repeats(&self) -> &[Repeat] {
        &self.repeats
    }

    /// For a document node: the earlier document whose notes it holds.
    pub fn same_notes_as(&self, doc: usize) -> Option<usize> {
        let k = self.repeats.binary_search_by_key(&doc, |r| r.doc).ok()?;
        Some(self.repeats[k].of)
    }

    /// For a node of a repeating document: the earlier document's node with
    /// the same note (its first, if it holds it more than once).
    pub fn original_of(&self, node: usize) -> Option<usize> {
        let k = self.copies.binary_search_by_key(&(node as u32), |c| c.0).ok()?;
        Some(self.copies[k].1 as usize)
    }

    /// The later nodes that repeat `node`'s note, in document order.
    pub fn copies_of(&self, node: usize) -> impl Iterator<Item = usize> + '_ {
        let from = self.originals.partition_point(|o| o.0 < node as u32);
        self.originals[from..]
            .iter()
            .take_while(move |o| o.0 == node as u32)
            .map(|o| o.1 as usize)
    }

    /// The node ranges of the repeating documents, in order (what search
    /// looks in for hits to fold).
    pub fn repeating_ranges<'a>(&'a self, o: &'a Outline) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
        self.repeats.iter().map(|r| r.doc..o.subtree_end(r.doc))
    }
}

/// Finds the documents of `o` that repeat an earlier one's notes.
pub fn detect(o: &Outline) -> SameNotes {
    let docs: Vec<usize> = o.documents().collect();
    if docs.len() < 2 {
        return SameNotes::default();
    }
    let sketches: Vec<Vec<u64>> = docs.par_iter().map(|&d| sketch(o, d)).collect();
    let mut repeats: Vec<Repeat> = Vec::new();
    let mut full: HashMap<usize, Vec<u64>> = HashMap::new();
    for (later, earlier) in candidates(&sketches) {
        let (doc, of) = (docs[later], docs[earlier]);
        // An earlier match of `doc` stands; a copy is no original.
        if repeats.iter().any(|r| r.doc == doc || r.doc == of) {
            continue;
        }
        let a = full.entry(doc).or_insert_with(|| note_set(o, doc)).clone();
        let b = full.entry(of).or_insert_with(|| note_set(o, of));
        let shared = shared(&a, b);
        let holds = |n: usize| shared as f64 >= CONTAINED * n as f64;
        if shared >= MIN_SHARED && holds(a.len()) && holds(b.len()) {
            repeats.push(Repeat {
                doc,
                of,
                notes: a.len(),
                notes_of: b.len(),
                shared,
            });
        }
    }
    repeats.sort_by_key(|r| r.doc);
    let mut copies: Vec<(u32, u32)> = repeats.par_iter().flat_map_iter(|r| pair_notes(o, r)).collect();
    copies.sort_unstable();
    let mut originals: Vec<(u32, u32)> = copies.iter().map(|&(c, o)| (o, c)).collect();
    originals.sort_unstable();
    SameNotes {
        repeats,
        copies,
        originals,
    }
}

/// The nodes of a document, its own node left out.
fn notes(o: &Outline, doc: usize) -> std::ops::Range<usize> {
    doc + 1..o.subtree_end(doc)
}

/// The `SKETCH` smallest distinct note hashes of a document.
fn sketch(o: &Outline, doc: usize) -> Vec<u64> {
    // A max-heap would do the same; with 64 entries a sorted array is as
    // fast, and most hashes are rejected by one compare with its last.
    let mut kept: Vec<u64> = Vec::with_capacity(SKETCH + 1);
    for i in notes(o, doc) {
        let Some((h, chars)) = note_key(o.text(i), SKETCH_LETTERS) else {
            continue;
        };
        if chars < MIN_CHARS || (kept.len() == SKETCH && h >= kept[SKETCH - 1]) {
            continue;
        }
        if let Err(at) = kept.binary_search(&h) {
            kept.insert(at, h);
            kept.truncate(SKETCH);
        }
    }
    kept
}

/// Every distinct note hash of a document, sorted.
fn note_set(o: &Outline, doc: usize) -> Vec<u64> {
    let mut set: Vec<u64> = notes(o, doc)
        .filter_map(|i| note_key(o.text(i), usize::MAX))
        .filter(|&(_, chars)| chars >= MIN_CHARS)
        .map(|(h, _)| h)
        .collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// Elements in both sorted sets.
fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => (i, j, n) = (i + 1, j + 1, n + 1),
        }
    }
    n
}

/// Pairs of documents (later, earlier) whose sketches share at least a
/// quarter of the smaller one: for two documents holding the same notes,
/// most of it. Best pairs first, then by the later document.
fn candidates(sketches: &[Vec<u64>]) -> Vec<(usize, usize)> {
    let mut holders: HashMap<u64, Vec<usize>, foldhash::fast::RandomState> = HashMap::default();
    for (d, s) in sketches.iter().enumerate() {
        for &h in s {
            holders.entry(h).or_default().push(d);
        }
    }
    let mut pairs: HashMap<(usize, usize), usize, foldhash::fast::RandomState> = HashMap::default();
    for docs in holders.values().filter(|d| d.len() > 1 && d.len() <= MAX_HOLDERS) {
        for (k, &later) in docs.iter().enumerate() {
            for &earlier in &docs[..k] {
                *pairs.entry((later, earlier)).or_default() += 1;
            }
        }
    }
    let mut found: Vec<(usize, (usize, usize))> = pairs
        .into_iter()
        .filter(|&((a, b), n)| 4 * n >= sketches[a].len().min(sketches[b].len()) && n >= MIN_SHARED.min(SKETCH))
        .map(|(pair, n)| (n, pair))
        .collect();
    found.sort_unstable_by_key(|&(n, (later, earlier))| (later, std::cmp::Reverse(n), earlier));
    found.into_iter().map(|(_, pair)| pair).collect()
}

/// (copy, original) for each note of `r.doc` whose text is a note of `r.of`.
fn pair_notes(o: &Outline, r: &Repeat) -> Vec<(u32, u32)> {
    let mut first: HashMap<u64, usize, foldhash::fast::RandomState> = HashMap::default();
    for i in notes(o, r.of) {
        if let Some((h, _)) = note_key(o.text(i), usize::MAX) {
            first.entry(h).or_insert(i);
        }
    }
    notes(o, r.doc)
        .filter_map(|i| {
            let (h, _) = note_key(o.text(i), usize::MAX)?;
            let &orig = first.get(&h)?;
            // A hash names the note; the letters confirm it.
            letters(o.text(i))
                .eq(letters(o.text(orig)))
                .then_some((i as u32, orig as u32))
        })
        .collect()
}

#[cfg(test)]
#[path = "same_notes_tests.rs"]
mod tests;
