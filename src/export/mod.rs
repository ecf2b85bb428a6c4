//! `--export`: the outline, or the talks whose titles match a query, written
//! out as clean Markdown or org (a file talktree reads back as the same
//! tree) or as JSON in `--dump`'s shape. Pure: an outline in, bytes out.

mod escape;
mod inline;
mod json;
mod markup;

#[cfg(test)]
mod guard_tests;
#[cfg(test)]
mod tests;

use crate::outline::{Kind, Outline};
use crate::search::{self, Scope};
use std::io::{self, Write};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Markdown,
    Org,
    Json,
}

/// What is exported: every document, or the talks `--talk` chose (in the
/// order of the notes). Empty when no talk title matches.
pub fn roots(o: &Outline, talk: Option<&str>) -> Vec<usize> {
    match talk {
        None => o.documents().collect(),
        Some(q) => {
            let hits = search::find(o, q, Scope::Sessions);
            search::in_document_order(&hits, o.len())
                .into_iter()
                .map(|n| n as usize)
                .filter(|&n| o.kind(n) == Kind::Session)
                .collect()
        }
    }
}

/// Node `i` and everything under it as Markdown, as `--export` writes a
/// talk (what the reader's copy key puts on the clipboard). A document is
/// a file of its own (its title as front matter); a note is a list item.
pub fn node_markdown(o: &Outline, i: usize) -> String {
    let mut out = Vec::new();
    markup::write(o, &[i], &markup::Markdown, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("the outline's text is UTF-8")
}

/// Writes `roots` (documents or talks) and everything under them.
pub fn write(o: &Outline, roots: &[usize], format: ExportFormat, out: &mut impl Write) -> io::Result<()> {
    match format {
        ExportFormat::Markdown => markup::write(o, roots, &markup::Markdown, out),
        ExportFormat::Org => markup::write(o, roots, &markup::Org, out),
        ExportFormat::Json => json::write(o, roots, out),
    }?;
    out.flush()
}
