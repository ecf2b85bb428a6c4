//! The inline styles of nodes' texts (bold, italic, code, links): stored as
//! spans over the outline's one text buffer, sorted by position, so a node
//! with no markup costs nothing and a node's spans are a binary search away.

use super::inline::{self, Style, NO_LINK, SELF_LINK};
use super::Outline;
use std::ops::Range;

/// Every node's inline styles: spans over the text buffer, and the link
/// targets they refer to.
#[derive(Clone, Debug, Default)]
pub(super) struct Styles {
    pub spans: Vec<inline::Span>,
    pub links: Vec<Box<str>>,
}

impl Styles {
    pub fn heap_bytes(&self) -> usize {
        self.spans.capacity() * std::mem::size_of::<inline::Span>()
            + self.links.capacity() * std::mem::size_of::<Box<str>>()
            + self.links.iter().map(|l| l.len()).sum::<usize>()
    }

    /// Spans and link ids of a part joined after `text0` bytes of text and
    /// `links0` links (see `concat`).
    pub fn shifted_spans(&self, text0: u32, links0: u32) -> impl Iterator<Item = inline::Span> + '_ {
        self.spans.iter().map(move |s| inline::Span {
            start: s.start + text0,
            end: s.end + text0,
            link: match s.link {
                NO_LINK | SELF_LINK => s.link,
                k => k + links0,
            },
            style: s.style,
        })
    }
}

/// A styled stretch of one node's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Styled<'a> {
    /// Byte range in the node's text.
    pub range: Range<usize>,
    pub style: Style,
    /// Where a link goes, when its target is known.
    pub target: Option<&'a str>,
}

impl Outline {
    /// The styled stretches of node `i`'s text, in order.
    pub fn styles(&self, i: usize) -> impl Iterator<Item = Styled<'_>> + '_ {
        let n = &self.nodes[i];
        let (start, end) = (n.text_start, n.text_start + n.text_len);
        let spans = &self.styles.spans;
        let first = spans.partition_point(|s| s.start < start);
        spans[first..].iter().take_while(move |s| s.start < end).map(move |s| {
            let range = (s.start - start) as usize..(s.end - start) as usize;
            let target = match s.link {
                NO_LINK => None,
                SELF_LINK => Some(&self.text[s.start as usize..s.end as usize]),
                k => self.styles.links.get(k as usize - 1).map(|t| &**t),
            };
            Styled {
                range,
                style: s.style,
                target,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::{build_outline, parse_document};

    fn load(files: &[(&str, &str)]) -> Outline {
        build_outline(
            files
                .iter()
                .map(|(n, t)| parse_document(t.as_bytes(), n).unwrap())
                .collect(),
        )
    }

    fn find(o: &Outline, text: &str) -> usize {
        (0..o.len()).find(|&i| o.text(i) == text).unwrap()
    }

    #[test]
    fn styles_and_targets_survive_joining_outlines() {
        let o = load(&[
            ("a.md", "# A\n\n- [one](http://one.org) **b**\n"),
            ("b.org", "* B\n- [[http://two.org][two]] and http://three.org\n"),
        ]);
        let first: Vec<_> = o.styles(find(&o, "one b")).collect();
        assert_eq!(first.len(), 2);
        assert_eq!(
            (first[0].range.clone(), first[0].target),
            (0..3, Some("http://one.org"))
        );
        assert_eq!((first[1].range.clone(), first[1].style), (4..5, Style::BOLD));
        let second: Vec<_> = o.styles(find(&o, "two and http://three.org")).collect();
        assert_eq!(second[0].target, Some("http://two.org"));
        assert_eq!(second[1].target, Some("http://three.org"));
        assert_eq!(o.styles(find(&o, "B")).count(), 0);
    }

    #[test]
    fn neighbouring_nodes_keep_their_own_styles() {
        let o = load(&[("a.md", "# A\n\n- `x()`\n- `y()`\n- **b**\n- **c** d\n")]);
        for (text, len) in [("x()", 3), ("y()", 3), ("b", 1), ("c d", 1)] {
            let spans: Vec<_> = o.styles(find(&o, text)).map(|s| s.range).collect();
            assert_eq!(spans, vec![0..len], "{text}");
        }
    }

    #[test]
    fn a_note_that_was_only_markup_is_not_kept() {
        let o = load(&[(
            "t.md",
            "# Talk\n\n- {{< youtube x >}}\n- <!-- a --> kept\n- <iframe src=x></iframe>\n  - child\n",
        )]);
        let texts: Vec<&str> = (1..o.len()).map(|i| o.text(i)).collect();
        // The embed with a child stays (as an untitled row) to hold it.
        assert_eq!(texts, vec!["Talk", "kept", "", "child"]);
    }
}
