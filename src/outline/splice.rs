//! Replacing documents of a built outline (a file reloaded, a new file in a
//! folder): the nodes, text and styles before them stay as they are, the
//! new part is shifted into place and what follows shifts by the
//! difference. One pass over the outline, no parsing of anything else.

use super::inline::{NO_LINK, SELF_LINK};
use super::styles::Styles;
use super::{DocInfo, Node, Outline, NO_PARENT};
use rayon::prelude::*;
use std::mem::MaybeUninit;
use std::ops::Range;

/// Elements copied on one core at a time.
const PIECE: usize = 1 << 16;

/// Writes `f` of each of `from` into `to` (as long), in pieces over all cores.
fn fill(to: &mut [MaybeUninit<Node>], from: &[Node], f: impl Fn(&Node) -> Node + Sync) {
    assert_eq!(to.len(), from.len());
    to.par_chunks_mut(PIECE)
        .zip(from.par_chunks(PIECE))
        .for_each(|(t, from)| {
            for (slot, n) in t.iter_mut().zip(from) {
                slot.write(f(n));
            }
        });
}

/// `to.copy_from_slice(from)`, in pieces over all cores.
fn copy(to: &mut [u8], from: &[u8]) {
    to.par_chunks_mut(PIECE)
        .zip(from.par_chunks(PIECE))
        .for_each(|(t, f)| t.copy_from_slice(f));
}

fn shift(v: u32, by: i64) -> u32 {
    (i64::from(v) + by) as u32
}

impl Outline {
    /// This outline with the documents `docs` (indexes into `docs()`)
    /// replaced by every document of `part`, in order. An empty range
    /// inserts the part before document `docs.start` (at the end when it
    /// is `docs().len()`).
    pub fn splice_documents(&self, docs: Range<usize>, part: Outline) -> Outline {
        let node_at = |d: usize| self.docs.get(d).map_or(self.nodes.len(), |i| i.node);
        let (a, b) = (node_at(docs.start), node_at(docs.end));
        let text_at = |n: usize| self.nodes.get(n).map_or(self.text.len(), |n| n.text_start as usize);
        let (ta, tb) = (text_at(a), text_at(b));
        let spans = &self.styles.spans;
        let sa = spans.partition_point(|s| (s.start as usize) < ta);
        let sb = spans.partition_point(|s| (s.start as usize) < tb);
        // Link ids rise with position: the removed documents' links lie
        // between the last one used before them and the first used after.
        let real = |s: &&super::inline::Span| s.link != NO_LINK && s.link != SELF_LINK;
        let l0 = spans[..sa].iter().rev().find(real).map_or(0, |s| s.link as usize);
        let l1 = spans[sb..]
            .iter()
            .find(real)
            .map_or(self.styles.links.len(), |s| s.link as usize - 1);
        let dn = part.nodes.len() as i64 - (b - a) as i64;
        let dt = part.text.len() as i64 - (tb - ta) as i64;
        let dl = part.styles.links.len() as i64 - (l1 - l0) as i64;

        // Zeroed buffers come from the allocator untouched; the copies
        // below, split over all cores, touch their pages (as `concat`).
        let len = (self.nodes.len() as i64 + dn) as usize;
        let mut nodes: Vec<Node> = Vec::with_capacity(len);
        let (head, rest) = nodes.spare_capacity_mut()[..len].split_at_mut(a);
        let (middle, tail) = rest.split_at_mut(part.nodes.len());
        let moved = |n: &Node, node0: i64, text0: i64| Node {
            text_start: shift(n.text_start, text0),
            parent: if n.parent == NO_PARENT {
                NO_PARENT
            } else {
                shift(n.parent, node0)
            },
            end: shift(n.end, node0),
            session: if n.session == NO_PARENT {
                NO_PARENT
            } else {
                shift(n.session, node0)
            },
            ..*n
        };
        let mut text_buf = vec![0u8; (self.text.len() as i64 + dt) as usize];
        let (text_head, text_rest) = text_buf.split_at_mut(ta);
        let (text_middle, text_tail) = text_rest.split_at_mut(part.text.len());
        rayon::scope(|scope| {
            scope.spawn(|_| fill(head, &self.nodes[..a], |n| *n));
            scope.spawn(|_| copy(text_head, &self.text.as_bytes()[..ta]));
            scope.spawn(|_| copy(text_tail, &self.text.as_bytes()[tb..]));
            scope.spawn(|_| {
                text_middle.copy_from_slice(part.text.as_bytes());
                fill(middle, &part.nodes, |n| moved(n, a as i64, ta as i64));
            });
            scope.spawn(|_| fill(tail, &self.nodes[b..], |n| moved(n, dn, dt)));
        });
        // SAFETY: `head`, `middle` and `tail` split the first `len` slots
        // and each was written whole (`fill` writes one slot per source
        // node, and their lengths are those of the slots).
        unsafe { nodes.set_len(len) };
        // SAFETY: the buffer holds, end to end, a prefix and a suffix of
        // this outline's text cut at node boundaries (char boundaries) and
        // the part's whole text: valid UTF-8 throughout.
        let text = unsafe { String::from_utf8_unchecked(text_buf) };

        let mut styles = Styles {
            spans: Vec::with_capacity(sa + part.styles.spans.len() + spans.len() - sb),
            links: Vec::with_capacity(l0 + part.styles.links.len() + self.styles.links.len() - l1),
        };
        styles.spans.extend_from_slice(&spans[..sa]);
        styles.spans.extend(part.styles.shifted_spans(ta as u32, l0 as u32));
        styles.spans.extend(spans[sb..].iter().map(|s| super::inline::Span {
            start: shift(s.start, dt),
            end: shift(s.end, dt),
            link: match s.link {
                NO_LINK | SELF_LINK => s.link,
                k => shift(k, dl),
            },
            style: s.style,
        }));
        styles.links.extend_from_slice(&self.styles.links[..l0]);
        styles.links.extend(part.styles.links);
        styles.links.extend_from_slice(&self.styles.links[l1..]);

        let mut infos = Vec::with_capacity(self.docs.len() + part.docs.len() - docs.len());
        infos.extend_from_slice(&self.docs[..docs.start]);
        infos.extend(part.docs.into_iter().map(|d| DocInfo { node: d.node + a, ..d }));
        infos.extend(self.docs[docs.end..].iter().map(|d| DocInfo {
            node: (d.node as i64 + dn) as usize,
            ..d.clone()
        }));
        Outline {
            nodes,
            text,
            docs: infos,
            styles: Box::new(styles),
            // Which documents repeat others' notes is found again when asked.
            same: Default::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::outline::{build_outline, parse_document, Outline};

    fn doc(name: &str, src: &str) -> Outline {
        parse_document(src.as_bytes(), name).unwrap().into_outline()
    }

    /// Everything a reader reads of an outline, node by node.
    fn shape(o: &Outline) -> Vec<String> {
        (0..o.len())
            .map(|i| {
                let styles: Vec<String> = o
                    .styles(i)
                    .map(|s| format!("{:?}{:?}{:?}", s.range, s.style, s.target))
                    .collect();
                let up = o.parent(i).map_or(-1, |p| p as i64);
                let session = o.session_of(i).map_or(-1, |s| s as i64);
                format!(
                    "{i} {:?} {:?} line {} depth {} up {up} end {} session {session} doc {} {styles:?}",
                    o.kind(i),
                    o.text(i),
                    o.line(i),
                    o.depth(i),
                    o.subtree_end(i),
                    o.docs()[o.doc_index(i)].source,
                )
            })
            .collect()
    }

    const A: &str = "# A talk\n- see [slides](http://a.org) and **bold**\n- http://bare.org\n";
    const B1: &str = "# B talk\n- [one](http://b1.org)\n  - `code` here\n";
    const B2: &str = "# New first\n- x [two](http://b2.org) [three](http://b3.org)\n# B talk\n- [one](http://b1.org)\n";
    const C: &str = "* C talk\n- [[http://c.org][c]] *b*\n";

    #[test]
    fn replacing_a_middle_document_is_the_same_as_loading_anew() {
        let whole = |b: &str| {
            build_outline(
                [("a.md", A), ("b.md", b), ("c.org", C)]
                    .iter()
                    .map(|(n, s)| parse_document(s.as_bytes(), n).unwrap())
                    .collect(),
            )
        };
        let before = whole(B1);
        let after = before.splice_documents(1..2, doc("b.md", B2));
        assert_eq!(shape(&after), shape(&whole(B2)));
        // And back, shrinking.
        let back = after.splice_documents(1..2, doc("b.md", B1));
        assert_eq!(shape(&back), shape(&before));
    }

    #[test]
    fn inserting_at_either_end_and_between() {
        let one = build_outline(vec![parse_document(A.as_bytes(), "a.md").unwrap()]);
        let end = one.splice_documents(1..1, doc("c.org", C));
        let start = end.splice_documents(0..0, doc("b.md", B1));
        let expected = build_outline(
            [("b.md", B1), ("a.md", A), ("c.org", C)]
                .iter()
                .map(|(n, s)| parse_document(s.as_bytes(), n).unwrap())
                .collect(),
        );
        assert_eq!(shape(&start), shape(&expected));
    }

    #[test]
    fn replacing_the_only_document_and_with_an_empty_one() {
        let one = doc("a.md", A);
        let emptied = one.splice_documents(0..1, doc("a.md", ""));
        assert_eq!(emptied.docs().len(), 1);
        assert_eq!(emptied.len(), 1, "the document node alone");
        assert_eq!(emptied.styles(0).count(), 0);
        let again = emptied.splice_documents(0..1, doc("a.md", A));
        assert_eq!(shape(&again), shape(&one));
    }
}
