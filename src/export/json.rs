//! `--export --format json`: `--dump --format json`'s shape, holding only
//! what was chosen: each document with the talks of it that matched (or
//! all of it). Nodes nest with an explicit stack, as in `dump`.

use crate::outline::{Kind, Outline};
use std::io::{self, Write};

fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

pub fn write(o: &Outline, roots: &[usize], out: &mut impl Write) -> io::Result<()> {
    write!(out, "{{\"documents\": [")?;
    let mut k = 0;
    while k < roots.len() {
        let d = o.doc_index(roots[k]);
        // The roots of one document are side by side (document order).
        let same = roots[k..].iter().take_while(|&&r| o.doc_index(r) == d).count();
        let info = &o.docs()[d];
        if k > 0 {
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
        let mut first = true;
        for &r in &roots[k..k + same] {
            let from = if o.kind(r) == Kind::Document { r + 1 } else { r };
            write_nodes(o, from, o.subtree_end(r), &mut first, out)?;
        }
        write!(out, "]}}")?;
        k += same;
    }
    writeln!(out, "]}}")
}

/// Nodes `from..end` (whole subtrees, in order) as nested objects.
fn write_nodes(o: &Outline, from: usize, end: usize, first: &mut bool, out: &mut impl Write) -> io::Result<()> {
    // Depths of the nodes whose `children` array is still open.
    let mut open: Vec<usize> = Vec::new();
    for i in from..end {
        let depth = o.depth(i);
        let closed = open.last().is_some_and(|&d| d >= depth);
        while open.last().is_some_and(|&d| d >= depth) {
            open.pop();
            write!(out, "]}}")?;
        }
        // A sibling follows a closed node; a first child does not.
        if !*first && (open.is_empty() || closed) {
            write!(out, ", ")?;
        }
        *first = false;
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
    Ok(())
}
