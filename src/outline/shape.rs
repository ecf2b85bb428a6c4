//! Turns a tree of headings (Markdown, org, OPML, indented outlines, any
//! format with heading levels) into groups, talks and sub-headings, deciding
//! from the whole document: headings that are not titles are put right
//! (`repair`), the document's own title is told from the event or the one
//! talk it names (`doctitle`), and each level of siblings votes on whether
//! it holds talks or groups of talks (`levels`).

use super::Parsed;

pub fn classify(mut p: Parsed) -> Parsed {
    super::repair::meta_headings(&mut p.blocks);
    super::repair::misleveled_parts(&mut p.blocks);
    super::doctitle::decide(&mut p);
    p
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod title_tests;
