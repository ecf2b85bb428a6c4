//! `--dump`: the loaded outline as an indented text outline or as JSON.
//! Both writers walk the flat tree with an explicit stack, so 100,000 levels
//! of nesting cannot overflow the call stack.

use super::{Kind, Outline};
use std::io::{self, Write};

/// The text shown for a node with no title.
pub const UNTITLED: &str = "(untitled)";

/// One node per line: indentation for depth, then its kind, then its text.
pub fn write_text(o: &Outline, out: &mut impl Write) -> io::Result<()> {
    for (d, info) in o.docs().iter().enumerate() {
        let end = o.subtree_end(info.node);
        writeln!(
            out,
            "document {} [{}, {}]",
            o.text(info.node),
            info.format.name(),
            info.source
        )?;
        for w in &info.warnings {
            writeln!(out, "  warning: {w}")?;
        }
        for i in info.node + 1..end {
            let text = o.text(i);
            let text = if text.is_empty() { UNTITLED } else { text };
            writeln!(
                out,
                "{:indent$}{} {}",
                "",
                o.kind(i).name(),
                text,
                indent = 2 * o.depth(i)
            )?;
        }
        if d + 1 < o.docs().len() {
            writeln!(out)?;
        }
    }
    Ok(())
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// `{"documents": [...]}` with nested `children`, as documented in the README.
pub fn write_json(o: &Outline, out: &mut impl Write) -> io::Result<()> {
    write!(out, "{{\"documents\": [")?;
    for (d, info) in o.docs().iter().enumerate() {
        if d > 0 {
            write!(out, ", ")?;
        }
        let warnings: Vec<String> = info.warnings.iter().map(|w| json_str(w)).collect();
        write!(
            out,
            "{{\"title\": {}, \"source\": {}, \"format\": \"{}\", \"warnings\": [{}], \"children\": [",
            json_str(o.text(info.node)),
            json_str(&info.source),
            info.format.name(),
            warnings.join(", ")
        )?;
        let end = o.subtree_end(info.node);
        // Depths of the nodes whose `children` array is still open.
        let mut open: Vec<usize> = Vec::new();
        let mut first = true;
        for i in info.node + 1..end {
            let depth = o.depth(i);
            while open.last().is_some_and(|&d| d >= depth) {
                open.pop();
                write!(out, "]}}")?;
            }
            if !first && o.parent(i).is_none_or(|p| p + 1 != i) {
                write!(out, ", ")?;
            }
            first = false;
            write!(
                out,
                "{{\"kind\": \"{}\", \"text\": {}, \"line\": {}, \"children\": [",
                o.kind(i).name(),
                json_str(o.text(i)),
                o.line(i)
            )?;
            open.push(depth);
        }
        for _ in open {
            write!(out, "]}}")?;
        }
        write!(out, "]}}")?;
    }
    writeln!(out, "]}}")
}

/// True for kinds that count as notes in summaries.
pub fn is_note(k: Kind) -> bool {
    matches!(k, Kind::Bullet | Kind::Paragraph | Kind::Code)
}

#[cfg(test)]
mod tests {
    use super::super::{Block, DocInfo, Format};
    use super::*;

    fn sample() -> Outline {
        let mut o = Outline::new();
        let info = DocInfo {
            node: 0,
            source: "n.txt".into(),
            format: Format::Text,
            warnings: vec!["w \"q\"".into()],
            key: String::new(),
        };
        o.push_document(
            "Doc",
            info,
            &[
                Block::new(0, Kind::Session, "T", 1),
                Block::new(1, Kind::Bullet, "a", 2),
                Block::new(2, Kind::Bullet, "", 3),
                Block::new(1, Kind::Bullet, "b", 4),
                Block::new(0, Kind::Session, "U", 5),
            ],
        );
        o
    }

    #[test]
    fn json_nests_children_and_parses() {
        let mut buf = Vec::new();
        write_json(&sample(), &mut buf).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        let doc = &v["documents"][0];
        assert_eq!(doc["title"], "Doc");
        assert_eq!(doc["warnings"][0], "w \"q\"");
        assert_eq!(doc["children"][0]["children"][0]["children"][0]["line"], 3);
        assert_eq!(doc["children"][0]["children"][1]["text"], "b");
        assert_eq!(doc["children"][1]["kind"], "session");
    }

    #[test]
    fn text_shows_kind_and_depth() {
        let mut buf = Vec::new();
        write_text(&sample(), &mut buf).unwrap();
        let s = String::from_utf8(buf).unwrap();
        assert!(
            s.starts_with(
                "document Doc [text, n.txt]\n  warning: w \"q\"\n  session T\n    bullet a\n      bullet (untitled)\n"
            ),
            "{s}"
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let mut o = Outline::new();
        let blocks: Vec<Block> = (0..100_000).map(|d| Block::new(d, Kind::Bullet, "x", d + 1)).collect();
        o.push_document(
            "deep",
            DocInfo {
                node: 0,
                source: "d".into(),
                format: Format::Text,
                warnings: vec![],
                key: String::new(),
            },
            &blocks,
        );
        let mut buf = Vec::new();
        write_json(&o, &mut buf).unwrap();
        assert!(buf.ends_with(b"]}]}]}\n"));
    }
}
