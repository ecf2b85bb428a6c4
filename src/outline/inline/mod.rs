//! Inline markup rendered, not shown: a block's text becomes the words a
//! reader sees, and the styles (bold, italic, code, strike, underline, link
//! with its target) become spans over those words. One pass per text, in the
//! syntax of its file's format, run where a block's text becomes a node's
//! text, so the parsers and the talk decision see the text as written.
//!
//! A rule that eats real words is worse than none: delimiters count only at
//! word edges (`snake_case`, `2*3*4`, `/usr/bin/` stay as written), and what
//! is not closed stays text.

mod adoc;
mod delims;
mod entities;
mod find;
mod html;
mod links;
mod rst;
mod scan;
#[cfg(test)]
mod tests;

use super::model::Format;

/// Styles of a stretch of text, as bits: a bold link is `BOLD | LINK`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Style(u8);

impl Style {
    pub const PLAIN: Style = Style(0);
    pub const BOLD: Style = Style(1);
    pub const ITALIC: Style = Style(2);
    pub const CODE: Style = Style(4);
    pub const LINK: Style = Style(8);
    pub const STRIKE: Style = Style(16);
    pub const UNDERLINE: Style = Style(32);

    pub fn contains(self, other: Style) -> bool {
        self.0 & other.0 == other.0
    }

    pub fn with(self, other: Style) -> Style {
        Style(self.0 | other.0)
    }

    pub fn is_plain(self) -> bool {
        self.0 == 0
    }
}

/// One styled stretch of the outline's text, stored: byte offsets into the
/// whole text buffer. Spans are sorted, disjoint and never empty, so a
/// node's spans are found by a binary search on its text range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub end: u32,
    /// `NO_LINK`, `SELF_LINK`, or a link target's index + 1.
    pub link: u32,
    pub style: Style,
}

pub const NO_LINK: u32 = 0;
/// A link whose target is its own text (a bare URL): nothing stored twice.
pub const SELF_LINK: u32 = u32::MAX;

/// Which markup a text is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    Markdown,
    Org,
    Rst,
    Asciidoc,
    /// Plain text and OPML: HTML that came with a page, and bare links.
    Plain,
}

impl Syntax {
    pub fn of(format: Format) -> Syntax {
        match format {
            Format::Markdown => Syntax::Markdown,
            Format::Org => Syntax::Org,
            Format::Rst => Syntax::Rst,
            Format::Asciidoc => Syntax::Asciidoc,
            Format::Text | Format::Opml => Syntax::Plain,
        }
    }
}

/// Where rendered text goes: the outline's text, spans and link targets.
pub struct Sink<'a> {
    pub text: &'a mut String,
    pub spans: &'a mut Vec<Span>,
    pub links: &'a mut Vec<Box<str>>,
}

/// Appends `src` rendered in `syntax` to the sink: its words to the text,
/// its styles to the spans.
pub fn render_into(syntax: Syntax, src: &str, sink: &mut Sink<'_>) {
    let first = scan::first_mark(syntax, src);
    if first == src.len() {
        sink.text.push_str(src);
        return;
    }
    let mut renderer = scan::Renderer::new(syntax, src);
    let mut out = Out {
        start: sink.text.len(),
        sink,
        after_drop: false,
    };
    renderer.render(&mut out, first);
    out.finish();
}

/// The rendered text being built, and the spaces a dropped piece leaves.
pub(crate) struct Out<'s, 'a> {
    sink: &'s mut Sink<'a>,
    /// Where this text starts in the sink's text.
    start: usize,
    /// Something was dropped just before: a space after a space, or at the
    /// start, goes too, so "a {{< embed >}} b" reads "a b".
    after_drop: bool,
}

impl Out<'_, '_> {
    fn push(&mut self, s: &str, style: Style, link: u32) {
        let mut s = s;
        if self.after_drop {
            let text = &self.sink.text[self.start..];
            if text.is_empty() || text.ends_with(' ') {
                s = s.trim_start_matches(' ');
            }
            if s.is_empty() {
                return;
            }
            self.after_drop = false;
        }
        if s.is_empty() {
            return;
        }
        let at = self.sink.text.len() as u32;
        self.sink.text.push_str(s);
        let end = self.sink.text.len() as u32;
        if style.is_plain() && link == NO_LINK {
            return;
        }
        match self.sink.spans.last_mut() {
            // A span ending where this text starts belongs to the node
            // before: two `code` bullets in a row keep a span each.
            Some(last) if last.end == at && at as usize > self.start && last.style == style && last.link == link => {
                last.end = end
            }
            _ => self.sink.spans.push(Span {
                start: at,
                end,
                link,
                style,
            }),
        }
    }

    /// A piece of markup was dropped here.
    fn dropped(&mut self) {
        self.after_drop = true;
    }

    /// A tag that broke a line was dropped: words either side stay apart.
    fn space(&mut self) {
        let text = &self.sink.text[self.start..];
        if !text.is_empty() && !text.ends_with(' ') {
            self.sink.text.push(' ');
        }
        self.after_drop = true;
    }

    /// Stores a link's target; returns its id for spans.
    fn link(&mut self, target: &str) -> u32 {
        self.sink.links.push(target.into());
        self.sink.links.len() as u32
    }

    /// Trailing spaces a drop left are cut, with any span over them.
    fn finish(self) {
        if !self.after_drop {
            return;
        }
        let text = &mut *self.sink.text;
        let keep = text[self.start..].trim_end_matches(' ').len() + self.start;
        text.truncate(keep);
        let keep = keep as u32;
        while let Some(last) = self.sink.spans.last_mut() {
            if last.end <= keep || last.start < (self.start as u32) {
                break;
            }
            if last.start >= keep {
                self.sink.spans.pop();
            } else {
                last.end = keep;
                break;
            }
        }
    }
}

/// A span of `render`'s text: its byte range, style and link target.
pub type Rendered = (std::ops::Range<usize>, Style, Option<String>);

/// `src` rendered on its own: the plain text and its spans. For tests and
/// for callers outside the outline.
pub fn render(syntax: Syntax, src: &str) -> (String, Vec<Rendered>) {
    let (mut text, mut spans, mut links) = (String::new(), Vec::new(), Vec::new());
    render_into(
        syntax,
        src,
        &mut Sink {
            text: &mut text,
            spans: &mut spans,
            links: &mut links,
        },
    );
    let spans = spans
        .iter()
        .map(|s| {
            let range = s.start as usize..s.end as usize;
            let target = match s.link {
                NO_LINK => None,
                SELF_LINK => Some(text[range.clone()].to_string()),
                k => Some(links[k as usize - 1].to_string()),
            };
            (range, s.style, target)
        })
        .collect();
    (text, spans)
}
