//! The one pass over a text: it skips from one byte that may start markup
//! to the next (a table per syntax), tries the constructs that byte can
//! start, and copies the text between them lazily, so a text with no markup
//! is copied once, whole. Nested markup is rendered by recursion on the
//! inner range, at most `MAX_DEPTH` deep; every search for a closing
//! delimiter is remembered, so no text is scanned over and over.

use super::{Out, Style, Syntax, NO_LINK, SELF_LINK};

/// Nesting deeper than this is left as text: it is never prose.
const MAX_DEPTH: u8 = 8;

const fn table(bytes: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        t[bytes[i] as usize] = true;
        i += 1;
    }
    t
}

static MARKDOWN: [bool; 256] = table(b"\\`*_~[!<&{:");
static ORG: [bool; 256] = table(b"*/_=~+[:");
static RST: [bool; 256] = table(b"\\`*:");
static ASCIIDOC: [bool; 256] = table(b"*_`:<");
static PLAIN: [bool; 256] = table(b"<&{:");

/// A delimiter pair: its character, how many in a row, the style it gives,
/// and whether its content is taken verbatim (code).
#[derive(Clone, Copy)]
struct Delim {
    c: u8,
    len: usize,
    style: Style,
    verbatim: bool,
}

const fn d(c: u8, len: usize, style: Style, verbatim: bool) -> Delim {
    Delim {
        c,
        len,
        style,
        verbatim,
    }
}

const BI: Style = Style(Style::BOLD.0 | Style::ITALIC.0);
static MD_DELIMS: &[Delim] = &[
    d(b'*', 3, BI, false),
    d(b'*', 2, Style::BOLD, false),
    d(b'*', 1, Style::ITALIC, false),
    d(b'_', 3, BI, false),
    d(b'_', 2, Style::BOLD, false),
    d(b'_', 1, Style::ITALIC, false),
    d(b'~', 2, Style::STRIKE, false),
];
static ORG_DELIMS: &[Delim] = &[
    d(b'*', 1, Style::BOLD, false),
    d(b'/', 1, Style::ITALIC, false),
    d(b'_', 1, Style::UNDERLINE, false),
    d(b'+', 1, Style::STRIKE, false),
    d(b'=', 1, Style::CODE, true),
    d(b'~', 1, Style::CODE, true),
];
static ADOC_DELIMS: &[Delim] = &[
    d(b'*', 2, Style::BOLD, false),
    d(b'*', 1, Style::BOLD, false),
    d(b'_', 2, Style::ITALIC, false),
    d(b'_', 1, Style::ITALIC, false),
    d(b'`', 1, Style::CODE, true),
];
static RST_DELIMS: &[Delim] = &[
    d(b'*', 2, Style::BOLD, false),
    d(b'*', 1, Style::ITALIC, false),
    d(b'`', 2, Style::CODE, true),
];

/// The next valid closer of one delimiter, remembered: `at` was the answer
/// for every search starting from `from` up to `at`.
#[derive(Clone, Copy)]
struct Found {
    from: usize,
    at: Option<usize>,
}

pub(crate) struct Renderer<'s> {
    pub(super) src: &'s str,
    pub(super) b: &'s [u8],
    pub(super) syntax: Syntax,
    triggers: &'static [bool; 256],
    /// Text before this has been written out or consumed.
    pub(super) copied: usize,
    depth: u8,
    /// Remembered closer searches, by (delimiter byte, run length).
    closers: Vec<((u8, usize), Found)>,
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

/// Before an opening delimiter: the start, a space or punctuation (never a
/// letter or digit: `snake_case`, `2*3`).
pub(super) fn opens_after(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || (c.is_ascii_punctuation() && c != '\\') || is_dash_or_quote(c))
}

/// After a closing delimiter: the end, a space or punctuation.
fn closes_before(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation() || is_dash_or_quote(c))
}

fn is_dash_or_quote(c: char) -> bool {
    matches!(c, '–' | '—' | '“' | '”' | '‘' | '’' | '«' | '»')
}

impl<'s> Renderer<'s> {
    pub fn new(syntax: Syntax, src: &'s str) -> Self {
        Renderer {
            src,
            b: src.as_bytes(),
            syntax,
            triggers: match syntax {
                Syntax::Markdown => &MARKDOWN,
                Syntax::Org => &ORG,
                Syntax::Rst => &RST,
                Syntax::Asciidoc => &ASCIIDOC,
                Syntax::Plain => &PLAIN,
            },
            copied: 0,
            depth: 0,
            closers: Vec::new(),
            needles: Vec::new(),
            brackets: None,
        }
    }

    pub fn render(&mut self, out: &mut Out<'_, '_>) {
        self.run(out, 0, self.b.len(), Style::PLAIN, NO_LINK);
    }

    /// Renders `start..end` in `style`, inside link `link`.
    pub(super) fn run(&mut self, out: &mut Out<'_, '_>, start: usize, end: usize, style: Style, link: u32) {
        self.copied = start;
        let mut i = start;
        while i < end {
            if !self.triggers[self.b[i] as usize] {
                i += 1;
                continue;
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
            (_, b':') => self.colon(out, i, end, style, link),
            (Syntax::Markdown | Syntax::Rst, b'\\') => self.escape(out, i, end, style, link),
            (Syntax::Markdown, b'`') => self.code_span(out, i, end, style, link),
            (Syntax::Rst, b'`') => self
                .delimited(out, i, end, style, link, RST_DELIMS)
                .or_else(|| self.rst_backquote(out, i, end, style, link)),
            (Syntax::Markdown, b'[' | b'!') => self.md_link(out, i, end, style, link),
            (Syntax::Org, b'[') => self.org_link(out, i, end, style, link),
            (Syntax::Markdown | Syntax::Plain, b'<') => self.angle(out, i, end, style, link),
            (Syntax::Markdown | Syntax::Plain, b'&') => self.entity(out, i, end, style, link),
            (Syntax::Markdown | Syntax::Plain, b'{') => self.template(out, i, end, style, link),
            (Syntax::Markdown, _) => self.delimited(out, i, end, style, link, MD_DELIMS),
            (Syntax::Org, _) => self.delimited(out, i, end, style, link, ORG_DELIMS),
            (Syntax::Rst, _) => self.delimited(out, i, end, style, link, RST_DELIMS),
            (Syntax::Asciidoc, b'<') => self.adoc_xref(out, i, end, style, link),
            (Syntax::Asciidoc, _) => self.delimited(out, i, end, style, link, ADOC_DELIMS),
            (Syntax::Plain, _) => None,
        }
    }

    /// `:` may end a link's scheme (`https://`, `mailto:`), or start an rst
    /// role.
    fn colon(&mut self, out: &mut Out<'_, '_>, i: usize, end: usize, style: Style, link: u32) -> Option<usize> {
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

    /// The first run of exactly `key.1` × `key.0` (any run for 0) at or after `from` that
    /// `valid` accepts as a closer (called with the run's start and end).
    /// Searches are remembered per delimiter, so each byte is looked at a
    /// bounded number of times whatever the text.
    pub(super) fn find_closer(
        &mut self,
        from: usize,
        key: (u8, usize),
        valid: impl Fn(&Self, usize) -> bool,
    ) -> Option<usize> {
        if let Some((_, f)) = self.closers.iter().find(|(k, _)| *k == key) {
            if f.from <= from && f.at.is_none_or(|at| from <= at) {
                return f.at;
            }
        }
        let (c, n) = key;
        let mut at = None;
        let mut j = from;
        while let Some(k) = memchr::memchr(c, &self.b[j..]) {
            let s = j + k;
            let len = self.run_len(s, c);
            if (n == 0 || len == n) && valid(self, s) {
                at = Some(s);
                break;
            }
            j = s + len;
        }
        let found = Found { from, at };
        match self.closers.iter_mut().find(|(k, _)| *k == key) {
            Some((_, f)) => *f = found,
            None => self.closers.push((key, found)),
        }
        at
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

    /// Emphasis and the like: a delimiter run at a word's start, closed by
    /// the same run at a word's end.
    fn delimited(
        &mut self,
        out: &mut Out<'_, '_>,
        i: usize,
        end: usize,
        style: Style,
        link: u32,
        delims: &[Delim],
    ) -> Option<usize> {
        let c = self.b[i];
        if i > 0 && self.b[i - 1] == c {
            return None;
        }
        let n = self.run_len(i, c);
        let delim = *delims.iter().find(|x| x.c == c && x.len == n)?;
        if !opens_after(char_before(self.src, i)) || char_at(self.src, i + n).is_none_or(char::is_whitespace) {
            return None;
        }
        let close = self.find_closer(i + n, (c, n), move |r, s| {
            !char_before(r.src, s).is_none_or(char::is_whitespace) && closes_before(char_at(r.src, s + n))
        })?;
        if close + n > end {
            return None;
        }
        let body = &self.src[i + n..close];
        let code_around = self.b.get(close + n).is_some_and(|c| b".([".contains(c)) || (i > 0 && self.b[i - 1] == b'.');
        if !body_allowed(delim, body, code_around) {
            return None;
        }
        self.flush(out, i, style, link);
        if delim.verbatim {
            out.push(body, style.with(delim.style), link);
        } else {
            self.nested(out, (i + n, close), style.with(delim.style), link)?;
        }
        Some(close + n)
    }
}

/// Shapes that look delimited but are not prose: a name between dunders
/// touching code (`__init__.py`, `x.__dict__`, `__init__()`; a lone
/// `__word__` is bold, as CommonMark reads it), and a path (`/usr/bin/`).
fn body_allowed(delim: Delim, body: &str, code_around: bool) -> bool {
    let identifier = body.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    let dunder = delim.c == b'_' && delim.len == 2 && identifier && code_around;
    let path = delim.c == b'/' && body.contains('/');
    !dunder && !path
}
