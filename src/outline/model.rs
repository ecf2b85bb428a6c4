//! The loaded notes as one flat, pre-ordered tree shared by every view.
//!
//! Nodes live in a single `Vec` in document order; a node's subtree is the
//! index range `i..end`, so folding, walking and counting are index arithmetic
//! with no recursion (notes can nest 100,000 levels deep). Text lives in one
//! buffer addressed by offsets, not a `String` per node, to keep memory low.

use super::inline::{self, Syntax};
use serde::Serialize;

/// What a node is, from the reader's point of view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Document,
    /// A heading that only holds talks: a day, a track, "lightning talks".
    Group,
    /// A talk: the outermost heading that carries notes.
    Session,
    /// A sub-heading inside a talk, or a section that is not a talk.
    Heading,
    Bullet,
    Paragraph,
    Code,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Document => "document",
            Kind::Group => "group",
            Kind::Session => "session",
            Kind::Heading => "heading",
            Kind::Bullet => "bullet",
            Kind::Paragraph => "paragraph",
            Kind::Code => "code",
        }
    }

    /// Kinds that structure the outline rather than hold notes.
    pub fn is_structural(self) -> bool {
        matches!(self, Kind::Document | Kind::Group | Kind::Session | Kind::Heading)
    }
}

/// The source format a document was read as (detected from content).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Markdown,
    Org,
    Opml,
    Text,
    Rst,
    Asciidoc,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Org => "org",
            Format::Opml => "opml",
            Format::Text => "text",
            Format::Rst => "rst",
            Format::Asciidoc => "asciidoc",
        }
    }
}

/// Marks "no parent" for document nodes.
pub const NO_PARENT: u32 = u32::MAX;

#[derive(Clone, Copy, Debug)]
pub struct Node {
    text_start: u32,
    text_len: u32,
    parent: u32,
    /// One past the last node of this subtree.
    end: u32,
    /// 1-based source line (0 for documents).
    line: u32,
    /// Documents are depth 0.
    depth: u32,
    /// The nearest session at or above this node (NO_PARENT: none), stored
    /// so that finding it is one look-up, not a walk up 100,000 levels.
    session: u32,
    kind: Kind,
}

/// Per-document facts that are not nodes.
#[derive(Clone, Debug)]
pub struct DocInfo {
    /// Index of the document's node.
    pub node: usize,
    /// The path as given on the command line (`seeds/NAME` for bundled
    /// notes), as display text.
    pub source: super::Clean,
    pub format: Format,
    pub warnings: Vec<String>,
    /// Stable identity for remembering state: the absolute path, or
    /// `bundled:seeds/NAME` for the notes built into the binary.
    pub key: String,
}

/// One item of a loader's output: depth-ordered (pre-order with depths),
/// relative to the document (its direct children are depth 0).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub depth: u32,
    pub kind: Kind,
    pub text: String,
    pub line: u32,
    /// A heading read from a line no heading markup marks (a title line,
    /// see `titlelines`): it titles what follows, but by itself it says
    /// less about being a talk than a heading its format marks.
    pub title_line: bool,
}

impl Block {
    pub fn new(depth: u32, kind: Kind, text: impl Into<String>, line: u32) -> Self {
        Block {
            depth,
            kind,
            text: text.into(),
            line,
            title_line: false,
        }
    }
}

/// Every loaded document in one tree.
#[derive(Clone, Debug, Default)]
pub struct Outline {
    nodes: Vec<Node>,
    text: String,
    docs: Vec<DocInfo>,
    /// Inline styles over `text` (see `styles.rs`); boxed, as most of an
    /// outline's weight is elsewhere and it is moved between threads whole.
    styles: Box<styles::Styles>,
    /// Documents repeating an earlier one's notes (see `same_notes`), found
    /// when first asked: not on the way to the first frame.
    same: std::sync::OnceLock<super::SameNotes>,
}

impl Outline {
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends one document. `blocks` must be depth-ordered; a block deeper
    /// than its predecessor allows is clamped to be that predecessor's child.
    pub fn push_document(&mut self, title: &str, info: DocInfo, blocks: &[Block]) -> usize {
        self.same = Default::default();
        self.nodes.reserve(blocks.len() + 1);
        self.text
            .reserve(title.len() + blocks.iter().map(|b| b.text.len()).sum::<usize>());
        let doc = self.nodes.len();
        let syntax = Syntax::of(info.format);
        self.push_node(title, NO_PARENT, 0, 0, Kind::Document, syntax);
        // `open[d]` is the node index at depth d+1 currently accepting children.
        let mut open: Vec<u32> = vec![doc as u32];
        for (k, b) in blocks.iter().enumerate() {
            let want = b.depth as usize + 1;
            while open.len() > want {
                self.close(open.pop().expect("stack holds the document"));
            }
            let parent = *open.last().expect("document stays open");
            let depth = open.len() as u32;
            let idx = self.push_node(&b.text, parent, b.line, depth, b.kind, syntax);
            // A note that was only markup (an embed, a comment) and holds
            // nothing is not kept as an empty row.
            let emptied = self.nodes[idx].text_len == 0 && !b.text.is_empty();
            if emptied && !b.kind.is_structural() && blocks.get(k + 1).is_none_or(|n| n.depth <= b.depth) {
                self.nodes.pop();
                continue;
            }
            open.push(idx as u32);
        }
        while let Some(i) = open.pop() {
            self.close(i);
        }
        self.docs.push(DocInfo { node: doc, ..info });
        doc
    }

    /// Appends a node; its text is rendered from `syntax`'s inline markup
    /// (code is kept as written).
    fn push_node(&mut self, text: &str, parent: u32, line: u32, depth: u32, kind: Kind, syntax: Syntax) -> usize {
        let text_start = self.text.len() as u32;
        if kind == Kind::Code {
            self.text.push_str(text);
        } else {
            let mut sink = inline::Sink {
                text: &mut self.text,
                spans: &mut self.styles.spans,
                links: &mut self.styles.links,
            };
            inline::render_into(syntax, text, &mut sink);
        }
        let idx = self.nodes.len();
        let session = match (kind, parent) {
            (Kind::Session, _) => idx as u32,
            (_, NO_PARENT) => NO_PARENT,
            (_, p) => self.nodes[p as usize].session,
        };
        self.nodes.push(Node {
            text_start,
            text_len: self.text.len() as u32 - text_start,
            parent,
            end: idx as u32 + 1,
            line,
            depth,
            session,
            kind,
        });
        idx
    }

    fn close(&mut self, idx: u32) {
        let end = self.nodes.len() as u32;
        self.nodes[idx as usize].end = end;
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn docs(&self) -> &[DocInfo] {
        &self.docs
    }

    /// Which documents and notes repeat earlier ones. Found on the first
    /// call (the search thread makes it, with the index) and kept.
    pub fn same_notes(&self) -> &super::SameNotes {
        self.same.get_or_init(|| self.find_same_notes())
    }

    /// What `same_notes` keeps, found afresh.
    pub fn find_same_notes(&self) -> super::SameNotes {
        super::same_notes::detect(self)
    }

    pub fn kind(&self, i: usize) -> Kind {
        self.nodes[i].kind
    }

    pub fn text(&self, i: usize) -> &str {
        let n = &self.nodes[i];
        &self.text[n.text_start as usize..(n.text_start + n.text_len) as usize]
    }

    pub fn line(&self, i: usize) -> u32 {
        self.nodes[i].line
    }

    pub fn depth(&self, i: usize) -> usize {
        self.nodes[i].depth as usize
    }

    pub fn parent(&self, i: usize) -> Option<usize> {
        #[cfg(test)]
        tests::PARENT_STEPS.with(|s| s.set(s.get() + 1));
        let p = self.nodes[i].parent;
        (p != NO_PARENT).then_some(p as usize)
    }

    /// One past the last node of `i`'s subtree.
    pub fn subtree_end(&self, i: usize) -> usize {
        self.nodes[i].end as usize
    }

    pub fn has_children(&self, i: usize) -> bool {
        self.subtree_end(i) > i + 1
    }

    pub fn children(&self, i: usize) -> Children<'_> {
        Children {
            outline: self,
            next: i + 1,
            end: self.subtree_end(i),
        }
    }

    pub fn child_count(&self, i: usize) -> usize {
        self.children(i).count()
    }

    /// Ancestors from the parent up to the document.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.parent(i), move |&p| self.parent(p))
    }

    /// The document node that holds `i`.
    pub fn document_of(&self, i: usize) -> usize {
        // Documents are contiguous ranges in order: the last root at or
        // before `i`. A search over the few roots, not a walk up the nodes.
        match self.docs.partition_point(|d| d.node <= i) {
            0 => i,
            k => self.docs[k - 1].node,
        }
    }

    /// Index into `docs()` for the document holding `i`.
    pub fn doc_index(&self, i: usize) -> usize {
        self.docs.partition_point(|d| d.node <= i).saturating_sub(1)
    }

    /// The session holding `i` (or `i` itself), if any.
    pub fn session_of(&self, i: usize) -> Option<usize> {
        let s = self.nodes[i].session;
        (s != NO_PARENT).then_some(s as usize)
    }

    /// Roots of the forest: one per document.
    pub fn documents(&self) -> impl Iterator<Item = usize> + '_ {
        self.docs.iter().map(|d| d.node)
    }

    pub fn count_kind(&self, kind: Kind) -> usize {
        self.nodes.iter().filter(|n| n.kind == kind).count()
    }

    /// Bytes of text held, for memory accounting.
    pub fn text_bytes(&self) -> usize {
        self.text.len()
    }

    /// Approximate heap bytes held by the outline.
    pub fn heap_bytes(&self) -> usize {
        self.nodes.capacity() * std::mem::size_of::<Node>() + self.text.capacity() + self.styles.heap_bytes()
    }
}

pub struct Children<'a> {
    outline: &'a Outline,
    next: usize,
    end: usize,
}

impl Iterator for Children<'_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        if self.next >= self.end {
            return None;
        }
        let cur = self.next;
        self.next = self.outline.subtree_end(cur);
        Some(cur)
    }
}

#[path = "concat.rs"]
mod concat;

#[path = "splice.rs"]
mod splice;

#[path = "styles.rs"]
mod styles;

#[path = "talk_level.rs"]
mod talk_level;
pub use styles::Styled;

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;
