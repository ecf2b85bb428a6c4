//! `--search`'s hits for pipes: `text` (score, breadcrumb, text, tab
//! separated), `grep` (`PATH:LINE:COL: breadcrumb › text`, for `vim -q` and
//! any quickfix list) and `json` (one object a line). Every field is display
//! text: node texts came through the loader's hygiene and names are
//! `Clean`, so no tab or line break can split a field or a line.

pub mod column;
pub mod sources;

use crate::cli::SearchFormat;
use crate::outline::Outline;
use crate::search::{self, Hit, Query};
use rayon::prelude::*;
use sources::Source;
use std::io::{self, Write};

/// How many lines of its file a node may span (a paragraph joined from
/// wrapped lines) that are searched for its column.
const NODE_LINES: usize = 200;

/// Writes `hits` (ranked, already cut to `--limit`) in `format`; `q` is
/// the query as the search read it (its mode decides what is marked).
/// `stdin`: what standard input held, for its hits' columns.
pub fn write_hits(
    o: &Outline,
    hits: &[Hit],
    q: &Query,
    format: SearchFormat,
    stdin: Option<&[u8]>,
    out: &mut impl Write,
) -> io::Result<()> {
    match format {
        SearchFormat::Text => {
            for piece in search::hit_lines(o, hits) {
                out.write_all(&piece)?;
            }
        }
        SearchFormat::Json => {
            for piece in in_blocks(hits, |buf, h| json_line(buf, o, h, q)) {
                out.write_all(&piece)?;
            }
        }
        SearchFormat::Grep => {
            let files = sources::read(o, hits, stdin);
            for piece in in_blocks(hits, |buf, h| grep_line(buf, o, h, q, &files)) {
                out.write_all(&piece)?;
            }
        }
    }
    out.flush()
}

/// Formats the hits a block at a time on all cores, yielding the blocks in
/// order (as `search::hit_lines` does: `--limit all` prints hundreds of
/// thousands of lines, and joining them would copy them all once more).
fn in_blocks<'a>(hits: &'a [Hit], line: impl Fn(&mut Vec<u8>, Hit) + Sync + 'a) -> impl Iterator<Item = Vec<u8>> + 'a {
    hits.chunks(1 << 16).flat_map(move |block| {
        block
            .par_chunks(1 << 11)
            .map(|hits| {
                let mut out = Vec::with_capacity(hits.len() * 160);
                for &h in hits {
                    line(&mut out, h);
                }
                out
            })
            .collect::<Vec<_>>()
    })
}

/// The document's title, then the talk's when the hit is inside one (the
/// parts of `search::breadcrumb`).
fn breadcrumb_parts(o: &Outline, node: usize) -> Vec<&str> {
    let mut parts = vec![o.text(o.document_of(node))];
    if let Some(s) = o.session_of(node).filter(|&s| s != node) {
        parts.push(o.text(s));
    }
    parts
}

#[derive(serde::Serialize)]
struct JsonHit<'a> {
    path: &'a str,
    line: u32,
    score: i32,
    breadcrumb: Vec<&'a str>,
    text: &'a str,
    /// Char indexes into `text` of the chars the query matched.
    matches: Vec<usize>,
}

fn json_line(out: &mut Vec<u8>, o: &Outline, h: Hit, q: &Query) {
    let n = h.node as usize;
    let hit = JsonHit {
        path: &o.docs()[o.doc_index(n)].source,
        line: o.line(n),
        score: h.score,
        breadcrumb: breadcrumb_parts(o, n),
        text: o.text(n),
        matches: search::highlight(o, n, q),
    };
    // Writing plain strings and numbers to a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, &hit);
    out.push(b'\n');
}

fn grep_line(out: &mut Vec<u8>, o: &Outline, h: Hit, q: &Query, files: &[Option<Source>]) {
    let n = h.node as usize;
    let d = o.doc_index(n);
    let text = o.text(n);
    let first = search::highlight(o, n, q).first().copied();
    let (line, col) = match &files[d] {
        Some(src) => column::locate(text, first, &src.lines(o.line(n), node_lines(o, n)), o.line(n)),
        None => (o.line(n), 1),
    };
    let crumb = search::breadcrumb(o, n);
    let _ = writeln!(out, "{}:{line}:{col}: {crumb} › {text}", o.docs()[d].source);
}

/// How many lines node `n` may span: up to where the next node starts.
fn node_lines(o: &Outline, n: usize) -> usize {
    let next = (n + 1 < o.len() && o.doc_index(n + 1) == o.doc_index(n)).then(|| o.line(n + 1));
    match next {
        Some(l) if l > o.line(n) => (l - o.line(n)) as usize,
        _ => NODE_LINES,
    }
    .min(NODE_LINES)
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
