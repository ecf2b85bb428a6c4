//! Outlines carried by indentation alone (vim-outliner `.otl` files, notes
//! typed with tabs): no markers, no blank lines, every level one indent
//! deeper. Read as plain text they would collapse into paragraphs, since a
//! deeper unmarked line usually continues a wrapped one; here depth is the
//! indent relative to the parent, and kinds come from the tree's shape.

use super::model::{Block, Kind};
use super::scan::Scanned;
use super::ws::Ws;
use super::Parsed;

/// A line's text without its list marker, if it had one.
fn text_of<'a>(l: &Scanned<'a>) -> &'a str {
    l.marker.map_or(l.t, |at| l.t[at..].ws_trim_start())
}

/// True when indentation, not markers, carries the structure: the
/// extension says so (`.otl`), or unmarked lines step at least two levels
/// deeper below their parents, several times. Wrapped prose with hanging
/// indents steps one level at most, and never twice in a row.
pub fn detect(ls: &[Scanned], ext: Option<&str>) -> bool {
    if ls.len() < 3 || !ls.iter().any(|l| l.indent > 0) {
        return false;
    }
    if ext.is_some_and(|e| e.eq_ignore_ascii_case("otl")) {
        return true;
    }
    let unmarked = ls.iter().filter(|l| l.marker.is_none()).count();
    if unmarked * 2 < ls.len() {
        return false;
    }
    // A run of three unmarked lines, each deeper than the one above it.
    let chains = ls
        .windows(3)
        .filter(|w| {
            // The char counts last: they read the text, the rest is cheap.
            w[1].tight
                && w[2].tight
                && w[0].indent < w[1].indent
                && w[1].indent < w[2].indent
                && w.iter()
                    .all(|l| l.marker.is_none() && text_of(l).chars().count() <= 100)
        })
        .count();
    let stepped = ls
        .windows(2)
        .filter(|w| w[1].tight && w[1].indent > w[0].indent)
        .count();
    chains >= 2 && stepped * 5 >= ls.len()
}

/// Nests by indent relative to the open ancestors. A node with children is
/// a heading (its role, talk or group, is decided by `shape::classify`);
/// a leaf is a bullet. A single top line over everything titles the file.
pub fn parse(ls: &[Scanned]) -> Parsed {
    let mut blocks: Vec<Block> = Vec::with_capacity(ls.len());
    let mut open: Vec<(usize, usize)> = Vec::new(); // (indent, block index)
    for l in ls {
        while open.last().is_some_and(|&(ind, _)| ind >= l.indent) {
            open.pop();
        }
        if let Some(&(_, parent)) = open.last() {
            blocks[parent].kind = Kind::Heading;
        }
        open.push((l.indent, blocks.len()));
        blocks.push(Block::new(open.len() as u32 - 1, Kind::Bullet, text_of(l), l.no));
    }
    let roots = blocks.iter().filter(|b| b.depth == 0).count();
    let title = if roots == 1 && blocks.len() > 1 && blocks[0].kind == Kind::Heading {
        let t = blocks.remove(0).text;
        blocks.iter_mut().for_each(|b| b.depth -= 1);
        Some(t)
    } else {
        None
    };
    Parsed { title, blocks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::scan::scan;

    fn numbered(text: &str) -> Vec<(u32, &str)> {
        text.lines().enumerate().map(|(i, l)| (i as u32 + 1, l)).collect()
    }

    const OUTLINE: &str = "Day one\n    Keynote: the web at 30\n        links rot\n            archive everything\n        specs move slowly\n    Scaling queues\n        backpressure\nDay two\n    Closing talk\n        thanks\n";

    #[test]
    fn unmarked_levels_nest_by_relative_indent() {
        let lines = numbered(OUTLINE);
        assert!(detect(&scan(&lines), Some("txt")));
        let p = parse(&scan(&lines));
        let shape: Vec<(u32, Kind, &str)> = p.blocks.iter().map(|b| (b.depth, b.kind, b.text.as_str())).collect();
        assert_eq!(p.title, None, "two top lines: no file title");
        assert_eq!(shape[0], (0, Kind::Heading, "Day one"));
        assert_eq!(shape[2], (2, Kind::Heading, "links rot"));
        assert_eq!(shape[3], (3, Kind::Bullet, "archive everything"));
        assert_eq!(shape[4], (2, Kind::Bullet, "specs move slowly"));
        assert_eq!(shape[7], (0, Kind::Heading, "Day two"));
    }

    #[test]
    fn tabs_expanded_or_not_the_depth_is_relative() {
        // Three spaces then seven: uneven steps still give one level each.
        let text = "Talk by Ann\n   point\n       detail\n       detail two\n   point two\n       more\n";
        let p = parse(&scan(&numbered(text)));
        let depths: Vec<u32> = p.blocks.iter().map(|b| b.depth).collect();
        assert_eq!(p.title.as_deref(), Some("Talk by Ann"));
        assert_eq!(depths, vec![0, 1, 1, 0, 1]);
    }

    #[test]
    fn hanging_indents_of_wrapped_prose_are_not_an_outline() {
        let text = "A long paragraph that wraps onto a second line which\n    is indented by the editor that wrapped it, as some do.\nAnother paragraph, also long enough to wrap to the next\n    line with the same hanging indent as the first.\nShort line\n    and its continuation\n";
        assert!(!detect(&scan(&numbered(text)), Some("txt")));
    }

    #[test]
    fn marked_lists_are_left_to_the_text_reader() {
        let text = "Talk\n  - a\n    - b\n      - c\n  - d\n    - e\n      - f\n";
        assert!(!detect(&scan(&numbered(text)), Some("txt")));
        assert!(detect(&scan(&numbered(text)), Some("otl")), "the extension decides");
    }

    #[test]
    fn a_tab_indented_file_loads_as_days_talks_and_notes() {
        let text = "Notes 2019\n\tDay 1\n\t\tKeynote: Ann Lee\n\t\t\tmobile\n\t\t\t\ttoolkits\n\t\t\tswans\n\t\tTypes in practice - Bo Chen\n\t\t\tmypy\n\tDay 2\n\t\tAsync\n\t\t\tloops\n";
        let d = crate::outline::parse_document(text.as_bytes(), "n.txt").unwrap();
        assert_eq!(d.title, "Notes 2019");
        let kinds: Vec<(u32, Kind)> = d.blocks.iter().map(|b| (b.depth, b.kind)).collect();
        assert_eq!(kinds[0], (0, Kind::Group));
        assert_eq!(kinds[1], (1, Kind::Session));
        assert_eq!(kinds[4], (2, Kind::Bullet), "swans: a note of the keynote");
        assert_eq!(d.blocks.iter().filter(|b| b.kind == Kind::Session).count(), 3);
    }
}
