//! The one pass over a text: it skips from one byte that may start markup
//! to the next (a table per syntax), tries the constructs that byte can
//! start, and copies the text between them lazily, so a text with no markup
//! is copied once, whole. Nested markup is rendered by recursion on the
//! inner range, at most `MAX_DEPTH` deep; every search for a closing
//! delimiter is remembered, so no text is scanned over and over.

use super::find::{next_trigger, triggers, Triggers};
use super::{Out, Style, Syntax, NO_LINK, SELF_LINK};

/// Nesting deeper than this is left as text: it is never prose.
const MAX_DEPTH: u8 = 8;

/// The bytes that may start markup, per syntax.
// A URL is found at the first `/` of its `://` where `:` is common (most
// colons end a label) and no trigger of its own.
static MARKDOWN: Triggers = triggers(b"\\`*_~[<&{/");
static ORG: Triggers = triggers(b"*/_=~+[");
static RST: Triggers = triggers(b"\\`*:");
static ASCIIDOC: Triggers = triggers(b"*_`:<");
static PLAIN: Triggers = triggers(b"<&{/");

/// Where the first byte of `src` that may start markup is: its length when
/// there is none, and the text is copied as it is.
pub fn first_mark(syntax: Syntax, src: &str) -> usize {
    next_marked(src.as_bytes(), 0, syntax)
}

fn next_marked(b: &[u8], from: usize, syntax: Syntax) -> usize {
    let t = match syntax {
        Syntax::Markdown => &MARKDOWN,
        Syntax::Org => &ORG,
        Syntax::Rst => &RST,
        Syntax::Asciidoc => &ASCIIDOC,
        Syntax::Plain => &PLAIN,
    };
    next_trigger(b, from, t)
}

/// The next valid closer of one delimiter, remembered: `at` was the answer
/// for every search starting from `from` up to `at`.
#[derive(Clone, Copy)]
pub(super) struct Found {
    pub from: usize,
    pub at: Option<usize>,
}

pub(crate) struct Renderer<'s> {
    pub(super) src: &'s str,
    pub(super) b: &'s [u8],
    pub(super) syntax: Syntax,
    /// Text before this has been written out or consumed.
    pub(super) copied: usize,
    depth: u8,
    /// Remembered closer searches, by (delimiter byte, run length).
    pub(super) closers: Vec<((u8, usize), Found)>,
    /// Remembered searches for closing strings (`-->`, `}}`).
    needles: Vec<(&'static str, Found)>,
    pub(super) brackets: Option<super::links::Pairs>,
}

/// The character before byte `i` (None at the start).
pub(super) fn char_before(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}

pub(super) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

impl<'s> Renderer<'s> {
    pub fn new(syntax: Syntax, src: &'s str) -> Self {
        Renderer {
            src,
            b: src.as_bytes(),
            syntax,
            copied: 0,
            depth: 0,
            closers: Vec::new(),
            needles: Vec::new(),
            brackets: None,
        }
    }

    /// Renders the whole text, whose first possible markup is at `first`.
    pub fn render(&mut self, out: &mut Out<'_, '_>, first: usize) {
        self.run_from(out, (0, first), self.b.len(), Style::PLAIN, NO_LINK);
    }

    /// Renders `start..end` in `style`, inside link `link`.
    pub(super) fn run(&mut self, out: &mut Out<'_, '_>, start: usize, end: usize, style: Style, link: u32) {
        self.run_from(out, (start, start), end, style, link);
    }

    /// `run`, with no markup possible before `from`.
    fn run_from(&mut self, out: &mut Out<'_, '_>, (start, from): (usize, usize), end: usize, style: Style, link: u32) {
        self.copied = start;
        let mut i = from;
        loop {
            i = next_marked(&self.b[..end], i, self.syntax);
            if i >= end {
                break;
            }
            match self.construct(out, i, end, style, link) {
                Some(next) => {
                    i = next;
                    self.copied = next;
                }
                None => i += 1,
            }
        }
        self.flush(out, end, style, link);
    }

    /// Writes out the text not yet copied, up to `to`.
    pub(super) fn flush(&mut self, out: &mut Out<'_, '_>, to: usize, style: Style, link: u32) {
        if to > self.copied {
            out.push(&self.src[self.copied..to], style, link);
            self.copied = to;
        }
    }

    /// Renders `start..end` nested in a construct, or None when nesting is
    /// too deep to be prose.
    pub(super) fn nested(
        &mut self,
        out: &mut Out<'_, '_>,
        (start, end): (usize, usize),
        style: Style,
        link: u32,
    ) -> Option<()> {
        if self.depth >= MAX_DEPTH {
            return None;
        }
        self.depth += 1;
        self.run(out, start, end, style, link);
        self.depth -= 1;
        Some(())
    }

    /// Tries every construct byte `i` may start; returns where text resumes.
    fn construct(&mut self, out: &mut Out<'_, '_>, i: usize, end: usize, style: Style, link: u32) -> Option<usize> {
        let byte = self.b[i];
        match (self.syntax, byte) {
            (Syntax::Rst | Syntax::Asciidoc, b':') => self.colon(out, i, end, style, link),
            (_, b'/') if i > self.copied && self.b[i - 1] == b':' && self.b.get(i + 1) == Some(&b'/') => self
                .colon(out, i - 1, end, style, link)
                .or_else(|| self.delimited(out, i, end, style, link)),
            (Syntax::Markdown | Syntax::Rst, b'\\') => self.escape(out, i, end, style, link),
            (Syntax::Markdown, b'`') => self.code_span(out, i, end, style, link),
            (Syntax::Rst, b'`') => self
                .delimited(out, i, end, style, link)
                .or_else(|| self.rst_backquote(out, i, end, style, link)),
            (Syntax::Markdown, b'[') => self.md_link(out, i, end, style, link),
            (Syntax::Org, b'[') => self.org_link(out, i, end, style, link),
            (Syntax::Markdown | Syntax::Plain, b'<') => self.angle(out, i, end, style, link),
            (Syntax::Markdown | Syntax::Plain, b'&') => self.entity(out, i, end, style, link),
            (Syntax::Markdown | Syntax::Plain, b'{') => self.template(out, i, end, style, link),
            (Syntax::Markdown, _) => self.delimited(out, i, end, style, link),
            (Syntax::Org, _) => self.delimited(out, i, end, style, link),
            (Syntax::Rst, _) => self.delimited(out, i, end, style, link),
            (Syntax::Asciidoc, b'<') => self.adoc_xref(out, i, end, style, link),
            (Syntax::Asciidoc, _) => self.delimited(out, i, end, style, link),
            (Syntax::Plain, _) => None,
        }
    }

    /// `:` may end a link's scheme (`https://`, `mailto:`), or start an rst
    /// role.
    fn colon(&mut self, out: &mut Out<'_, '_>, i: usize, end: usize, style: Style, link: u32) -> Option<usize> {
        // Most colons end a label ("Speaker: Ann"): a space follows.
        if self.b.get(i + 1).is_none_or(|&c| c == b' ') {
            return None;
        }
        if self.syntax == Syntax::Rst {
            if let Some(next) = self.rst_role(out, i, end, style, link) {
                return Some(next);
            }
        }
        if self.syntax == Syntax::Asciidoc {
            if let Some(next) = self.adoc_macro(out, i, end, style, link) {
                return Some(next);
            }
        }
        let (start, stop) = super::links::bare_url(self.src, i, self.copied, end, self.syntax == Syntax::Asciidoc)?;
        self.flush(out, start, style, link);
        if self.syntax == Syntax::Asciidoc && self.b.get(stop) == Some(&b'[') {
            // `https://x.org[the text]`
            return self.adoc_text(out, (start, stop), stop, end, style, link);
        }
        let link = if link == NO_LINK { SELF_LINK } else { link };
        out.push(&self.src[start..stop], style.with(Style::LINK), link);
        Some(stop)
    }

    /// `\*` is a literal `*` (any ASCII punctuation).
    fn escape(&mut self, out: &mut Out<'_, '_>, i: usize, end: usize, style: Style, link: u32) -> Option<usize> {
        let next = *self.b.get(i + 1).filter(|_| i + 1 < end)?;
        if !next.is_ascii_punctuation() {
            return None;
        }
        self.flush(out, i, style, link);
        out.push(&self.src[i + 1..i + 2], style, link);
        Some(i + 2)
    }

    /// A Markdown code span: a run of backticks up to the next run of the
    /// same length; its content verbatim, one space trimmed at each end.
    fn code_span(&mut self, out: &mut Out<'_, '_>, i: usize, end: usize, style: Style, link: u32) -> Option<usize> {
        if i > 0 && self.b[i - 1] == b'`' {
            return None;
        }
        let n = self.run_len(i, b'`');
        let close = self.find_closer(i + n, (b'`', n), |_, _| true)?;
        if close >= end {
            return None;
        }
        let mut body = &self.src[i + n..close];
        if body.len() > 2 && body.starts_with(' ') && body.ends_with(' ') && !body.trim().is_empty() {
            body = &body[1..body.len() - 1];
        }
        if body.is_empty() {
            return None;
        }
        self.flush(out, i, style, link);
        out.push(body, style.with(Style::CODE), link);
        Some(close + n)
    }

    /// How many `c` in a row start at `i`.
    pub(super) fn run_len(&self, i: usize, c: u8) -> usize {
        self.b[i..].iter().take_while(|&&x| x == c).count()
    }

    /// Where `needle` next occurs at or after `from`, remembered as closers are.
    pub(super) fn next_of(&mut self, needle: &'static str, from: usize) -> Option<usize> {
        if let Some((_, f)) = self.needles.iter().find(|(n, _)| *n == needle) {
            if f.from <= from && f.at.is_none_or(|at| from <= at) {
                return f.at;
            }
        }
        let at = memchr::memmem::find(&self.b[from.min(self.b.len())..], needle.as_bytes()).map(|k| k + from);
        let found = Found { from, at };
        match self.needles.iter_mut().find(|(n, _)| *n == needle) {
            Some((_, f)) => *f = found,
            None => self.needles.push((needle, found)),
        }
        at
    }
}
