//! Markdown and org from the outline: titles as headings (a document or an
//! exported talk at the top level), bullets as nested lists, paragraphs as
//! paragraphs (indented under the item they belong to), runs of code lines
//! as one fenced block. Written so that talktree loads the file back as the
//! same tree. One walk in document order with a stack of open nodes: no
//! recursion, however deep the notes nest.

use super::super::outline::{Kind, Outline};
use std::io::{self, Write};

/// What differs between Markdown and org.
pub trait Dialect {
    /// A heading line at `level` (1 for the top).
    fn heading(&self, level: usize, text: &str, out: &mut String);
    /// The lines that title a file.
    fn title(&self, text: &str, out: &mut String);
    /// The lines that open and close a block holding `lines`.
    fn code_fences(&self, lines: &mut dyn Iterator<Item = &str>) -> (String, String);
    /// Node `i`'s text with its inline styles as markup, and anything that
    /// would read as markup escaped.
    fn text(&self, o: &Outline, i: usize, out: &mut String);
    /// Whether the loader reads `lines` of this dialect as title lines.
    fn title_lines(&self, lines: &[&str]) -> Vec<bool>;
    /// A line the loader drops, written above a paragraph it would read as
    /// a title ("Architecture" over a list): a line right under another
    /// line opens no title.
    fn guard(&self) -> &'static str;
}

pub struct Markdown;
pub struct Org;

impl Dialect for Markdown {
    fn heading(&self, level: usize, text: &str, out: &mut String) {
        // Markdown has six levels; deeper titles stay at the sixth.
        out.push_str(&"#".repeat(level.min(6)));
        out.push(' ');
        out.push_str(text);
    }
    fn title(&self, text: &str, out: &mut String) {
        out.push_str("---\ntitle: \"");
        out.push_str(text);
        out.push_str("\"\n---");
    }
    fn code_fences(&self, lines: &mut dyn Iterator<Item = &str>) -> (String, String) {
        // Longer than any run of backticks inside, so none closes it early.
        let longest = lines
            .flat_map(|l| l.split(|c| c != '`').map(str::len))
            .max()
            .unwrap_or(0);
        let fence = "`".repeat(longest.max(2) + 1);
        (fence.clone(), fence)
    }
    fn text(&self, o: &Outline, i: usize, out: &mut String) {
        super::inline::markdown(o, i, out);
    }
    fn title_lines(&self, lines: &[&str]) -> Vec<bool> {
        crate::outline::read_as_titles(lines, false)
    }
    fn guard(&self) -> &'static str {
        "<!-- -->"
    }
}

impl Dialect for Org {
    fn heading(&self, level: usize, text: &str, out: &mut String) {
        out.push_str(&"*".repeat(level));
        out.push(' ');
        out.push_str(text);
    }
    fn title(&self, text: &str, out: &mut String) {
        out.push_str("#+TITLE: ");
        out.push_str(text);
    }
    fn code_fences(&self, _: &mut dyn Iterator<Item = &str>) -> (String, String) {
        ("#+BEGIN_SRC".into(), "#+END_SRC".into())
    }
    fn text(&self, o: &Outline, i: usize, out: &mut String) {
        super::inline::org(o, i, out);
    }
    fn title_lines(&self, lines: &[&str]) -> Vec<bool> {
        crate::outline::read_as_titles(lines, true)
    }
    fn guard(&self) -> &'static str {
        "#"
    }
}

/// Lists nest this deep at most in the output; deeper items are written at
/// this depth. Markdown and org indent each level, so without a cap notes
/// nested 100,000 deep would take their depth squared in spaces.
pub const MAX_LIST_DEPTH: usize = 100;

/// Where an open node left its children: the heading level below it and
/// the indentation (in spaces) of a list item or paragraph inside it.
#[derive(Clone, Copy)]
struct Open {
    depth: usize,
    level: usize,
    indent: usize,
}

pub fn write(o: &Outline, roots: &[usize], d: &dyn Dialect, out: &mut impl Write) -> io::Result<()> {
    let mut buf = String::new();
    for &r in roots {
        write_root(o, r, roots.len() == 1, d, &mut buf);
        // Written a root at a time (an export of a huge outline is not built
        // in memory first); the line ends are kept back, so that the next
        // root's blank line is not doubled and the last ends the output.
        let kept = buf.len() - buf.trim_end_matches('\n').len();
        out.write_all(&buf.as_bytes()[..buf.len() - kept])?;
        buf.truncate(0);
        buf.extend(std::iter::repeat_n('\n', kept));
    }
    out.write_all(if roots.is_empty() { b"" } else { b"\n" })
}

/// One document, talk, heading or note: a title as a top heading, then
/// what it holds.
/// A document exported alone states its title as the file's own (front
/// matter, `#+TITLE`) and its talks are top headings, as such a file is
/// written; otherwise each root is a top heading over what it holds.
fn write_root(o: &Outline, r: usize, alone: bool, d: &dyn Dialect, buf: &mut String) {
    let start = buf.len();
    // Where each paragraph starts in `buf`, for `guard_paragraphs`.
    let mut paragraphs: Vec<usize> = Vec::new();
    let mut text = String::new();
    // A note (a bullet, a paragraph, code) is written as itself, a list
    // item at the top with its own notes under it; a title is a heading.
    let note = !o.kind(r).is_structural();
    let mut open = vec![Open {
        depth: if note { o.depth(r).saturating_sub(1) } else { o.depth(r) },
        level: 0,
        indent: 0,
    }];
    if !note {
        d.text(o, r, &mut text);
        blank_line(buf);
        if alone && o.kind(r) == Kind::Document {
            d.title(&text, buf);
        } else {
            d.heading(1, &text, buf);
            open[0].level = 1;
        }
        buf.push('\n');
    }
    // The code block being written: its indentation and closing line.
    let mut code: Option<(usize, String)> = None;
    let end = o.subtree_end(r);
    for i in r + usize::from(!note)..end {
        let depth = o.depth(i);
        while open.last().is_some_and(|t| t.depth >= depth) {
            open.pop();
        }
        let at = *open.last().expect("the root stays open");
        let kind = o.kind(i);
        let in_block = kind == Kind::Code && o.kind(i - 1) == Kind::Code && o.depth(i - 1) == depth;
        if let Some((indent, close)) = code.take_if(|_| !in_block) {
            close_code(indent, &close, buf);
        }
        text.clear();
        let next = match kind {
            Kind::Document => continue,
            Kind::Group | Kind::Session | Kind::Heading => {
                d.text(o, i, &mut text);
                blank_line(buf);
                d.heading(at.level + 1, &text, buf);
                buf.push('\n');
                Open {
                    depth,
                    level: at.level + 1,
                    indent: 0,
                }
            }
            Kind::Bullet => {
                // A list right after a paragraph or block needs the blank line.
                if !buf.ends_with('\n') || !last_line_is_item(buf) {
                    blank_line(buf);
                }
                d.text(o, i, &mut text);
                push_indent(buf, at.indent);
                buf.push_str("- ");
                buf.push_str(&text);
                buf.push('\n');
                Open {
                    depth,
                    level: at.level,
                    indent: (at.indent + 2).min(2 * (MAX_LIST_DEPTH - 1)),
                }
            }
            Kind::Paragraph => {
                d.text(o, i, &mut text);
                blank_line(buf);
                paragraphs.push(buf.len());
                push_indent(buf, at.indent);
                buf.push_str(&text);
                buf.push_str("\n\n");
                Open { depth, ..at }
            }
            Kind::Code => {
                if code.is_none() {
                    // The block is the run of code lines side by side.
                    let mut lines = (i..o.subtree_end(at_node(o, i)).min(end))
                        .take_while(|&j| o.kind(j) == Kind::Code && o.depth(j) == depth)
                        .map(|j| o.text(j));
                    let (open_line, close) = d.code_fences(&mut lines);
                    blank_line(buf);
                    push_indent(buf, at.indent);
                    buf.push_str(&open_line);
                    buf.push('\n');
                    code = Some((at.indent, close));
                }
                // Code is kept as written, markup and all.
                push_indent(buf, at.indent);
                buf.push_str(o.text(i));
                buf.push('\n');
                Open { depth, ..at }
            }
        };
        open.push(next);
    }
    if let Some((indent, close)) = code {
        close_code(indent, &close, buf);
    }
    guard_paragraphs(buf, start, &paragraphs, d);
}

/// Writes the dialect's guard line above each paragraph (starting at the
/// byte offsets `paragraphs` of `buf`, this root's text from `start`) that
/// the loader would read back as a title line.
fn guard_paragraphs(buf: &mut String, start: usize, paragraphs: &[usize], d: &dyn Dialect) {
    if paragraphs.is_empty() {
        return;
    }
    let lines: Vec<&str> = buf[start..].split('\n').collect();
    let titles = d.title_lines(&lines);
    // Line starts, to find each paragraph's line.
    let mut line_at = Vec::with_capacity(lines.len());
    let mut at = start;
    for l in &lines {
        line_at.push(at);
        at += l.len() + 1;
    }
    let guarded: Vec<usize> = paragraphs
        .iter()
        .filter(|&&p| line_at.binary_search(&p).is_ok_and(|k| titles[k]))
        .copied()
        .collect();
    for &p in guarded.iter().rev() {
        let indent = buf[p..].len() - buf[p..].trim_start_matches(' ').len();
        let line = format!("{}{}\n", " ".repeat(indent), d.guard());
        buf.insert_str(p, &line);
    }
}

/// The node whose children `i` is among (its parent).
fn at_node(o: &Outline, i: usize) -> usize {
    o.parent(i).unwrap_or(i)
}

fn close_code(indent: usize, close: &str, buf: &mut String) {
    push_indent(buf, indent);
    buf.push_str(close);
    buf.push_str("\n\n");
}

fn push_indent(buf: &mut String, n: usize) {
    buf.extend(std::iter::repeat_n(' ', n));
}

/// Ends what was written with an empty line (none at the very start).
fn blank_line(buf: &mut String) {
    if buf.is_empty() || buf.ends_with("\n\n") {
        return;
    }
    if !buf.ends_with('\n') {
        buf.push('\n');
    }
    buf.push('\n');
}

fn last_line_is_item(buf: &str) -> bool {
    let body = buf.trim_end_matches('\n');
    let last = body.rsplit('\n').next().unwrap_or(body);
    last.trim_start().starts_with("- ")
}
