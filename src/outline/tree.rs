//! The headings of a parsed document as a tree over its flat blocks: each
//! heading's parent heading, heading children and the notes it holds
//! directly. Built in one pass; the talk decision reads it, and builds it
//! again after it moves blocks.

use super::evidence::{is_part_title_given, titled_as_talk_given};
use super::model::{Block, Kind};
use super::vocabulary::vocabulary;
use super::ws::Ws;
use std::cell::OnceCell;

/// One heading and what it holds.
#[derive(Clone, Debug)]
pub struct Head {
    /// Its block index.
    pub at: usize,
    /// Ordinals of the headings directly under it, in order.
    pub kids: Vec<usize>,
    /// Blocks directly under it that are not headings.
    pub notes: usize,
    /// Their block indexes, in order (kept, as the talk decision reads a
    /// heading's notes often and its subtree may be large).
    pub note_ix: Vec<usize>,
    /// One past the last block of its subtree.
    pub end: usize,
    /// Its title's `part_key` and whether `titled_as_talk`, each worked
    /// out when first asked (the talk decision asks both many times).
    key: OnceCell<u64>,
    titled: OnceCell<bool>,
    part_title: OnceCell<bool>,
    section: OnceCell<bool>,
}

/// A heading's name as a part of a talk: its letters and digits,
/// lowercased, hashed ("Verdict ★★★☆" and "Verdict ★★★★☆" are one part);
/// 0 for a title with neither.
pub fn part_key(t: &str) -> u64 {
    use std::hash::BuildHasher;
    let mut buf = [0u8; 96];
    let mut long = Vec::new();
    let bytes: &[u8] = if t.len() <= buf.len() && t.is_ascii() {
        // Most titles: lowercased into a buffer on the stack.
        let mut n = 0;
        for &b in t.as_bytes() {
            if b.is_ascii_alphanumeric() {
                buf[n] = b.to_ascii_lowercase();
                n += 1;
            }
        }
        &buf[..n]
    } else {
        // The same bytes as collecting the lowercased chars into a String,
        // written once into one buffer.
        long.reserve(t.len());
        let mut utf8 = [0u8; 4];
        for c in t.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase) {
            long.extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
        }
        &long
    };
    if bytes.is_empty() {
        return 0;
    }
    foldhash::fast::FixedState::with_seed(0).hash_one(bytes).max(1)
}

#[derive(Debug, Default)]
pub struct Tree {
    pub heads: Vec<Head>,
    /// Ordinals of the headings with no heading above them.
    pub roots: Vec<usize>,
    /// Blocks at the top that are not headings (a preamble, or all content).
    pub root_notes: usize,
}

impl Tree {
    pub fn new(blocks: &[Block]) -> Tree {
        let mut t = Tree::default();
        // Open headings by depth: (depth, ordinal).
        let mut open: Vec<(u32, usize)> = Vec::new();
        // The depth of each open block, to find a note's direct parent.
        let mut stack: Vec<(u32, bool)> = Vec::new();
        for (i, b) in blocks.iter().enumerate() {
            while open.last().is_some_and(|&(d, _)| d >= b.depth) {
                let (_, h) = open.pop().expect("non-empty");
                t.heads[h].end = i;
            }
            while stack.last().is_some_and(|&(d, _)| d >= b.depth) {
                stack.pop();
            }
            let parent_is_head = stack.last().is_some_and(|&(_, h)| h);
            let head = b.kind.is_structural();
            if head {
                let parent = open.last().map(|&(_, h)| h);
                let ord = t.heads.len();
                t.heads.push(Head {
                    at: i,
                    kids: Vec::new(),
                    notes: 0,
                    note_ix: Vec::new(),
                    end: blocks.len(),
                    key: OnceCell::new(),
                    titled: OnceCell::new(),
                    part_title: OnceCell::new(),
                    section: OnceCell::new(),
                });
                match parent {
                    Some(p) => t.heads[p].kids.push(ord),
                    None => t.roots.push(ord),
                }
                open.push((b.depth, ord));
            } else if parent_is_head || stack.is_empty() {
                match open.last() {
                    Some(&(_, h)) if parent_is_head => {
                        t.heads[h].notes += 1;
                        t.heads[h].note_ix.push(i);
                    }
                    _ => t.root_notes += 1,
                }
            }
            stack.push((b.depth, head));
        }
        t
    }

    /// The `part_key` of heading `h`'s title.
    pub fn key(&self, blocks: &[Block], h: usize) -> u64 {
        let head = &self.heads[h];
        *head.key.get_or_init(|| part_key(&blocks[head.at].text))
    }

    /// Whether heading `h`'s title alone names a talk (`titled_as_talk`).
    pub fn titled(&self, blocks: &[Block], h: usize) -> bool {
        let head = &self.heads[h];
        *head
            .titled
            .get_or_init(|| titled_as_talk_given(&blocks[head.at].text, self.section(blocks, h)))
    }

    /// Whether heading `h` is a part of a talk by its words (`is_part_title_given`).
    pub fn part_title(&self, blocks: &[Block], h: usize) -> bool {
        let head = &self.heads[h];
        *head
            .part_title
            .get_or_init(|| is_part_title_given(&blocks[head.at].text, self.section(blocks, h)))
    }

    /// Whether heading `h`'s title is a section of a talk by the vocabulary.
    pub fn section(&self, blocks: &[Block], h: usize) -> bool {
        let head = &self.heads[h];
        *head
            .section
            .get_or_init(|| vocabulary().is_section(blocks[head.at].text.ws_trim()))
    }

    /// This tree once its only top heading (heading 0) is removed and what
    /// it held lifted a level (`doctitle` unwrapping the event's heading):
    /// the same headings less one, every index one lower, each heading's
    /// answers kept rather than worked out again.
    pub fn without_top(mut self) -> Tree {
        debug_assert_eq!(self.roots, [0]);
        let top = self.heads.remove(0);
        for h in &mut self.heads {
            h.at -= 1;
            h.end -= 1;
            h.kids.iter_mut().for_each(|k| *k -= 1);
            h.note_ix.iter_mut().for_each(|i| *i -= 1);
        }
        self.roots = top.kids.iter().map(|k| k - 1).collect();
        self.root_notes += top.notes;
        self
    }

    /// Whether `self` and `other` hold the same headings the same way (for
    /// the debug check that `without_top` agrees with a fresh tree).
    #[cfg(debug_assertions)]
    pub fn same_shape(&self, other: &Tree) -> bool {
        let head = |h: &Head| (h.at, h.kids.clone(), h.notes, h.note_ix.clone(), h.end);
        self.roots == other.roots
            && self.root_notes == other.root_notes
            && self.heads.iter().map(head).eq(other.heads.iter().map(head))
    }

    /// Whether heading `h` holds nothing at all.
    pub fn is_empty(&self, h: usize) -> bool {
        self.heads[h].end == self.heads[h].at + 1
    }

    /// Block index of the first note directly under `h`, if its content
    /// starts with one.
    pub fn first_note(&self, blocks: &[Block], h: usize) -> Option<usize> {
        let at = self.heads[h].at;
        blocks
            .get(at + 1)
            .filter(|b| b.depth == blocks[at].depth + 1 && !b.kind.is_structural())
            .map(|_| at + 1)
    }

    /// Block indexes of the notes directly under `h`.
    pub fn notes_of(&self, h: usize) -> impl Iterator<Item = usize> + '_ {
        self.heads[h].note_ix.iter().copied()
    }
}

/// Adds `by` to the depth of blocks `range` (a subtree moving down).
pub fn deepen(blocks: &mut [Block], range: std::ops::Range<usize>, by: u32) {
    for b in &mut blocks[range] {
        b.depth += by;
    }
}

/// Subtracts one from the depth of blocks `range` (a subtree moving up).
pub fn lift(blocks: &mut [Block], range: std::ops::Range<usize>) {
    for b in &mut blocks[range] {
        b.depth = b.depth.saturating_sub(1);
    }
}

/// Marks every heading in `range` a sub-heading.
pub fn all_sub_headings(blocks: &mut [Block], range: std::ops::Range<usize>) {
    for b in &mut blocks[range] {
        if b.kind.is_structural() {
            b.kind = Kind::Heading;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Kind::{Bullet as B, Heading as H, Paragraph as P};

    #[test]
    fn headings_know_their_kids_and_notes() {
        let blocks: Vec<Block> = [
            (0, P, "pre"),
            (0, H, "A"),
            (1, B, "a"),
            (2, B, "a1"),
            (1, H, "A1"),
            (0, H, "B"),
        ]
        .iter()
        .map(|&(d, k, t)| Block::new(d, k, t, 1))
        .collect();
        let t = Tree::new(&blocks);
        assert_eq!(t.root_notes, 1);
        assert_eq!(t.roots, vec![0, 2]);
        assert_eq!(t.heads[0].kids, vec![1]);
        assert_eq!(t.heads[0].notes, 1, "a1 is under a, not under A");
        assert_eq!(t.heads[0].end, 5);
        assert!(t.is_empty(2));
        assert_eq!(t.first_note(&blocks, 0), Some(2));
        assert_eq!(t.notes_of(0).collect::<Vec<_>>(), vec![2]);
        // Unwrapping a single top heading gives the tree of the lifted blocks.
        let mut top: Vec<Block> = [
            (0, H, "T"),
            (1, B, "n"),
            (1, H, "A"),
            (2, B, "a"),
            (1, H, "B"),
            (2, H, "B1"),
        ]
        .iter()
        .map(|&(d, k, t)| Block::new(d, k, t, 1))
        .collect();
        let unwrapped = Tree::new(&top).without_top();
        super::lift(&mut top, 1..6);
        top.remove(0);
        let fresh = Tree::new(&top);
        assert_eq!(unwrapped.roots, fresh.roots);
        assert_eq!(unwrapped.root_notes, fresh.root_notes);
        for (u, f) in unwrapped.heads.iter().zip(&fresh.heads) {
            assert_eq!(
                (u.at, &u.kids, u.notes, &u.note_ix, u.end),
                (f.at, &f.kids, f.notes, &f.note_ix, f.end)
            );
        }
        assert_eq!(unwrapped.heads.len(), fresh.heads.len());
        assert_eq!(part_key("Verdict ★★★☆"), part_key("verdict ★★★★☆"));
        assert_ne!(part_key("Verdict"), part_key("Notes"));
        assert_eq!(part_key("★★"), 0);
    }
}
