//! The detail pane's lines: the whole talk that holds the selection, fully
//! expanded whatever the outline's folds, wrapped to the pane width with
//! hanging indents; or, on a file or group, its talks with their note counts.

use crate::outline::{InlineStyle, Kind, Outline};
use crate::wrap::{carry, join, width, wrap_pieces};
use std::ops::Range;

/// What a line shows, for the theme to colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Title,
    Group,
    Session,
    Heading,
    Note,
    Code,
    /// Counts and hints: dimmed.
    Meta,
    Blank,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The node this line belongs to (for highlighting and clicks).
    pub node: u32,
    /// Leading columns: indentation plus the marker on a node's first line.
    pub prefix: String,
    pub text: String,
    pub role: Role,
    /// Dimmed text after the line's text (a talk's note count).
    pub aside: String,
    /// Inline styles over `text` (bold, code, links), as byte ranges.
    pub marks: Marks,
    /// Links over `text`: byte ranges, each with the index of its link
    /// among the node's (`links::of_node`), for drawing them as hyperlinks.
    pub links: Vec<(Range<usize>, u32)>,
}

const BULLETS: [&str; 3] = ["• ", "◦ ", "▪ "];

/// A node's lines past this many are left out (a line says so): the lines
/// are built whenever the talk is shown, so a huge note must cost what a
/// page of notes does, not what its whole text does.
const MAX_NODE_LINES: usize = 1000;

/// Styles over a text, as byte ranges.
type Marks = Vec<(Range<usize>, InlineStyle)>;

/// The indentation of `indent` columns (two a level) as drawn: spaces while
/// they leave half the pane for the text; deeper, the level as a number
/// within that half, so a line's indentation is bounded by the pane however
/// deep the outline nests.
fn lead(indent: usize, w: usize) -> String {
    let room = w / 2;
    if indent <= room {
        return " ".repeat(indent);
    }
    format!("{:>room$}", format!("{}› ", indent / 2))
}

fn push_wrapped(
    lines: &mut Vec<Line>,
    node: usize,
    indent: usize,
    marker: &str,
    (text, styles, links): (
        &str,
        impl Iterator<Item = (Range<usize>, InlineStyle)>,
        impl Iterator<Item = (Range<usize>, u32)>,
    ),
    role: Role,
    w: usize,
) {
    let lead = lead(indent, w);
    let taken = width(&lead) + width(marker);
    let hang = " ".repeat(taken);
    let avail = w.saturating_sub(taken).max(8);
    let (parts, more) = wrap_pieces(text, avail, MAX_NODE_LINES);
    // Styles are read no further than the text kept (a huge note may have
    // thousands past it).
    let kept = parts.last().and_then(|l| l.last()).map_or(0, |r| r.end);
    let styles: Marks = styles.take_while(|(r, _)| r.start < kept).collect();
    let links: Vec<(Range<usize>, u32)> = links.take_while(|(r, _)| r.start < kept).collect();
    for (k, pieces) in parts.into_iter().enumerate() {
        let prefix = if k == 0 {
            format!("{lead}{marker}")
        } else {
            hang.clone()
        };
        let part = join(text, &pieces);
        lines.push(Line {
            node: node as u32,
            prefix,
            text: part,
            role,
            aside: String::new(),
            marks: carry(&pieces, &styles),
            links: carry(&pieces, &links),
        });
    }
    if more {
        lines.push(Line {
            node: node as u32,
            prefix: hang,
            text: format!("… (the rest of this {} note is not shown)", size(text.len())),
            role: Role::Meta,
            aside: String::new(),
            marks: Vec::new(),
            links: Vec::new(),
        });
    }
}

fn size(bytes: usize) -> String {
    match bytes {
        n if n >= 1 << 20 => format!("{:.1} MB", n as f64 / (1 << 20) as f64),
        n => format!("{} KB", n.div_ceil(1 << 10)),
    }
}

fn blank(lines: &mut Vec<Line>, node: usize) {
    lines.push(Line {
        node: node as u32,
        prefix: String::new(),
        text: String::new(),
        role: Role::Blank,
        aside: String::new(),
        marks: Vec::new(),
        links: Vec::new(),
    });
}

/// A node's text as shown (its title, or "(untitled)"), with its styles
/// and its links (each with its index among the node's).
// Two `impl Iterator`s, lazy so a huge note is read no further than shown,
// cannot be named by a type alias on stable Rust.
#[allow(clippy::type_complexity)]
fn shown(
    o: &Outline,
    i: usize,
) -> (
    &str,
    impl Iterator<Item = (Range<usize>, InlineStyle)> + '_,
    impl Iterator<Item = (Range<usize>, u32)> + '_,
) {
    let t = o.text(i);
    // An empty text has no styles: "(untitled)" is drawn plain.
    let t = if t.is_empty() {
        crate::outline::dump::UNTITLED
    } else {
        t
    };
    let links = crate::links::iter(o, i).enumerate().map(|(k, l)| (l.range, k as u32));
    (t, o.styles(i).map(|s| (s.range, s.style)), links)
}

/// Lines for `context` at `w` columns.
pub fn build(o: &Outline, context: usize, w: usize) -> Vec<Line> {
    let mut lines = Vec::new();
    push_wrapped(&mut lines, context, 0, "", shown(o, context), Role::Title, w);
    blank(&mut lines, context);
    let base = o.depth(context) + 1;
    let end = o.subtree_end(context);
    if matches!(o.kind(context), Kind::Document | Kind::Group) {
        overview(o, context, &mut lines, w);
    } else {
        for i in context + 1..end {
            let indent = 2 * (o.depth(i) - base);
            match o.kind(i) {
                Kind::Heading | Kind::Session | Kind::Group => {
                    if lines.last().is_some_and(|l| l.role != Role::Blank) {
                        blank(&mut lines, i);
                    }
                    push_wrapped(&mut lines, i, indent, "", shown(o, i), Role::Heading, w);
                }
                Kind::Bullet => {
                    let marker = BULLETS[(o.depth(i) - base) % BULLETS.len()];
                    push_wrapped(&mut lines, i, indent, marker, shown(o, i), Role::Note, w);
                }
                Kind::Paragraph => {
                    // Paragraphs of prose read as paragraphs: a gap between them.
                    if i > context + 1 && o.kind(i - 1) == Kind::Paragraph {
                        blank(&mut lines, i);
                    }
                    push_wrapped(&mut lines, i, indent, "", shown(o, i), Role::Note, w)
                }
                Kind::Code => {
                    // Wrapping drops leading spaces; code keeps its own
                    // indentation (as a number past half the pane).
                    let t = o.text(i);
                    let code = t.trim_start_matches(' ');
                    let pad = t.len() - code.len();
                    let marker = if pad <= w / 2 {
                        format!("│ {}", &t[..pad])
                    } else {
                        format!("│ →{pad} ")
                    };
                    push_wrapped(
                        &mut lines,
                        i,
                        indent,
                        &marker,
                        (code, std::iter::empty(), std::iter::empty()),
                        Role::Code,
                        w,
                    )
                }
                Kind::Document => {}
            }
        }
        if end == context + 1 {
            lines.push(Line {
                node: context as u32,
                prefix: String::new(),
                text: "(no notes)".into(),
                role: Role::Meta,
                aside: String::new(),
                marks: Vec::new(),
                links: Vec::new(),
            });
        }
    }
    lines
}

/// A file or group: its preamble, then each group and talk with its size.
fn overview(o: &Outline, context: usize, lines: &mut Vec<Line>, w: usize) {
    let end = o.subtree_end(context);
    let mut i = context + 1;
    let mut any = false;
    while i < end {
        let indent = 2 * (o.depth(i) - o.depth(context) - 1);
        match o.kind(i) {
            Kind::Group => {
                if lines.last().is_some_and(|l| l.role != Role::Blank) {
                    blank(lines, i);
                }
                push_wrapped(lines, i, indent, "", shown(o, i), Role::Group, w);
                i += 1;
                continue;
            }
            Kind::Session | Kind::Heading => {
                let notes = (i + 1..o.subtree_end(i))
                    .filter(|&n| !o.kind(n).is_structural())
                    .count();
                let role = if o.kind(i) == Kind::Session {
                    Role::Session
                } else {
                    Role::Heading
                };
                let count = match notes {
                    0 => "  no notes".to_string(),
                    1 => "  1 note".to_string(),
                    n => format!("  {n} notes"),
                };
                // Leave room for the count on the title's last line.
                push_wrapped(
                    lines,
                    i,
                    indent,
                    // As the outline marks a title with nothing under it.
                    if o.has_children(i) { "▸ " } else { "◦ " },
                    shown(o, i),
                    role,
                    w.saturating_sub(width(&count)),
                );
                if let Some(last) = lines.last_mut() {
                    last.aside = count;
                }
                any = true;
            }
            Kind::Paragraph | Kind::Bullet | Kind::Code if o.parent(i) == Some(context) => {
                push_wrapped(lines, i, indent, "", shown(o, i), Role::Note, w);
                blank(lines, i);
            }
            _ => {}
        }
        i = o.subtree_end(i);
    }
    if !any && end == context + 1 {
        lines.push(Line {
            node: context as u32,
            prefix: String::new(),
            text: "(empty: nothing was found in this file)".into(),
            role: Role::Meta,
            aside: String::new(),
            marks: Vec::new(),
            links: Vec::new(),
        });
    }
}

/// First and last line of `node` in `lines` (the context's title when the
/// node has no line of its own).
pub fn line_span(lines: &[Line], node: usize) -> Option<(usize, usize)> {
    let first = lines
        .iter()
        .position(|l| l.node as usize == node && l.role != Role::Blank)?;
    let last = lines[first..].iter().take_while(|l| l.node as usize == node).count() + first - 1;
    Some((first, last))
}
