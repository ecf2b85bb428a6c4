//! Turns a tree of headings (Markdown, org, OPML, indented outlines, any
//! format with heading levels) into groups, talks and sub-headings, deciding
//! from the whole document: headings that are not titles are put right
//! (`repair`), the document's own title is told from the event or the one
//! talk it names (`doctitle`), and each level of siblings votes on whether
//! it holds talks or groups of talks (`levels`).

use super::tree::Tree;
use super::Parsed;

pub fn classify(mut p: Parsed) -> Parsed {
    // The tree of headings is built again only when a repair moved blocks.
    let mut tree = Tree::new(&p.blocks);
    if super::repair::meta_headings(&mut p.blocks, &tree) {
        tree = Tree::new(&p.blocks);
    }
    let recur = super::repair::misleveled_parts(&mut p.blocks, &tree);
    if recur.is_none() {
        tree = Tree::new(&p.blocks);
    }
    super::doctitle::decide(&mut p, tree, recur);
    p
}

#[cfg(test)]
mod chain_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod title_tests;
