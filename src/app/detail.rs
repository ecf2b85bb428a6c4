//! The detail pane's content: the whole talk that holds the selection, fully
//! expanded whatever the outline's folds, wrapped to the pane width with
//! hanging indents; or, on a file or group, its talks with their note counts.
//! Built when the talk or the width changes, not on every frame.

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
}

#[derive(Clone, Debug, Default)]
pub struct Detail {
    /// The node whose content is shown (a talk, a file or a group).
    pub context: usize,
    pub width: u16,
    pub lines: Vec<Line>,
    pub scroll: usize,
}

/// What the detail pane shows for a selected node: the talk holding it, or
/// for a node outside any talk, the top-level section holding it. Files and
/// groups show themselves as an overview.
pub fn context_of(o: &Outline, sel: usize) -> usize {
    if matches!(o.kind(sel), Kind::Document | Kind::Group) {
        return sel;
    }
    if let Some(s) = o.session_of(sel) {
        return s;
    }
    // Outside any talk: the highest ancestor below a file or group.
    let mut top = sel;
    for a in o.ancestors(sel) {
        if matches!(o.kind(a), Kind::Document | Kind::Group) {
            break;
        }
        top = a;
    }
    top
}

const BULLETS: [&str; 3] = ["• ", "◦ ", "▪ "];

/// A node's lines past this many are left out (a line says so): a 50 MB
/// note was wrapped whole, a million lines, each time its talk was shown.
const MAX_NODE_LINES: usize = 1000;

/// Styles over a text, as byte ranges.
type Marks = Vec<(Range<usize>, InlineStyle)>;

/// The indentation of `indent` columns (two a level) as drawn: spaces while
/// they leave half the pane for the text; deeper, the level as a number
/// within that half. Deep outlines (100,000 nested OPML outlines) made each
/// line carry its full indentation: gigabytes for one talk.
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
    (text, styles): (&str, impl Iterator<Item = (Range<usize>, InlineStyle)>),
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
    });
}

/// A node's text as shown (its title, or "(untitled)"), with its styles.
fn shown(o: &Outline, i: usize) -> (&str, impl Iterator<Item = (Range<usize>, InlineStyle)> + '_) {
    let t = o.text(i);
    // An empty text has no styles: "(untitled)" is drawn plain.
    let t = if t.is_empty() {
        crate::outline::dump::UNTITLED
    } else {
        t
    };
    (t, o.styles(i).map(|s| (s.range, s.style)))
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
                        (code, std::iter::empty()),
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
                    "▸ ",
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

impl Detail {
    /// Rebuilds the lines if the talk or the width changed; returns whether it did.
    pub fn refresh(&mut self, o: &Outline, context: usize, w: u16) -> bool {
        if context == self.context && w == self.width && !self.lines.is_empty() {
            return false;
        }
        self.context = context;
        self.width = w;
        self.lines = build(o, context, w as usize);
        self.scroll = 0;
        true
    }

    /// Scrolls the least needed to show all of `node` (or its top if taller
    /// than the pane), keeping a line of context when there is room.
    pub fn follow(&mut self, node: usize, height: usize) {
        let Some((first, last)) = line_span(&self.lines, node) else {
            return;
        };
        let margin = usize::from(height > 6);
        if first < self.scroll + margin {
            self.scroll = first.saturating_sub(margin);
        } else if last + margin >= self.scroll + height {
            self.scroll = (last + margin + 1)
                .saturating_sub(height)
                .min(first.saturating_sub(margin));
        }
        self.clamp(height);
    }

    pub fn scroll_by(&mut self, delta: isize, height: usize) {
        self.scroll = (self.scroll as isize + delta).max(0) as usize;
        self.clamp(height);
    }

    pub fn clamp(&mut self, height: usize) {
        self.scroll = self.scroll.min(self.lines.len().saturating_sub(height.max(1)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::load_seeds;

    fn find(o: &Outline, text: &str) -> usize {
        (0..o.len()).find(|&i| o.text(i) == text).unwrap()
    }

    #[test]
    fn a_talk_shows_every_note_with_hanging_indents() {
        let o = load_seeds();
        let riemann = find(&o, "is anyone using riemann?");
        let ctx = context_of(&o, riemann);
        assert_eq!(o.text(ctx), "session 1: monitoring & metrics");
        let lines = build(&o, ctx, 40);
        let (first, _) = line_span(&lines, riemann).unwrap();
        assert_eq!(lines[first].prefix, "• ");
        let anomaly = find(&o, "real time anomaly detection");
        let (a, _) = line_span(&lines, anomaly).unwrap();
        assert!(a > first);
        assert_eq!(lines[a].prefix, "    ▪ ");
        for l in &lines {
            assert!(width(&l.prefix) + width(&l.text) <= 40, "{l:?}");
        }
        // A wrapped note's second line hangs under its text, not its marker.
        let long = lines
            .windows(2)
            .find(|w| w[0].node == w[1].node && w[0].role == Role::Note)
            .unwrap();
        assert_eq!(width(&long[1].prefix), width(&long[0].prefix));
    }

    #[test]
    fn a_file_shows_its_talks_with_counts() {
        let o = load_seeds();
        let doc = o.documents().nth(1).unwrap();
        let lines = build(&o, doc, 60);
        assert_eq!(lines[0].text, "Scale Summit 2014");
        let talk = lines
            .iter()
            .position(|l| l.text == "session 1: monitoring & metrics")
            .unwrap();
        assert_eq!(lines[talk].role, Role::Session);
        assert!(lines[talk].aside.ends_with("notes"));
    }

    #[test]
    fn follow_scrolls_just_enough() {
        let o = load_seeds();
        let s = find(&o, "Session 3: managing OSS software at work");
        let mut d = Detail::default();
        d.refresh(&o, s, 50);
        let last = d.lines.last().unwrap().node as usize;
        d.follow(last, 10);
        assert_eq!(d.scroll, d.lines.len() - 10);
        d.follow(s, 10);
        assert_eq!(d.scroll, 0);
    }

    #[test]
    fn code_keeps_its_indentation_and_paragraphs_their_gaps() {
        let text = "# Talk\n\nFirst paragraph.\n\nSecond paragraph.\n\n```\ndef f():\n    return 1\n```\n";
        let doc = crate::outline::parse_document(text.as_bytes(), "t.md").unwrap();
        let o = crate::outline::build_outline(vec![doc]);
        let talk = (0..o.len()).find(|&i| o.kind(i) == Kind::Session).unwrap();
        let lines = build(&o, talk, 60);
        let body: Vec<String> = lines.iter().map(|l| format!("{}{}", l.prefix, l.text)).collect();
        let first = body.iter().position(|l| l == "First paragraph.").unwrap();
        assert_eq!(body[first + 1], "", "a gap between paragraphs: {body:?}");
        assert_eq!(body[first + 2], "Second paragraph.");
        assert!(body.contains(&"│ def f():".to_string()), "{body:?}");
        assert!(body.contains(&"│     return 1".to_string()), "{body:?}");
    }
}
