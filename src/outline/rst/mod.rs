//! reStructuredText notes: section titles ranked by the order their
//! adornment styles first appear (underline only, or over- and underline, in
//! any punctuation), bullet and enumerated lists nested by indentation, field
//! lists (`:Speaker: name`) as bullets, literal blocks (`::`) and
//! `.. code-block::` bodies as code. Other directives, comments and targets
//! are dropped with their indented bodies: they are markup, not notes.

mod shapes;
#[cfg(test)]
mod tests;

use super::body::Body;
use super::lines::indent_of;
use super::ws::Ws;
use super::Parsed;
pub use shapes::looks_like;
use shapes::{adornment, explicit, field, interrupts, item_marker, title_at, CODE_DIRECTIVES};

/// What the lines after a marker hold until the text returns to `parent`'s
/// indentation: dropped markup, or code (`container` is where the code
/// sits: inside the list item that introduced it, or beside it).
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Normal,
    Skip {
        parent: usize,
    },
    Code {
        parent: usize,
        container: usize,
        /// Still in a directive's `:option:` lines.
        options: bool,
        /// The code's own indentation, from its first line.
        indent: Option<usize>,
    },
}

/// Text being gathered line by line: rst joins a paragraph's lines, and an
/// item's or field's lines, without guessing.
struct Pending {
    /// The item marker's indentation, or the paragraph's.
    indent: usize,
    text: String,
    line: u32,
    item: bool,
}

struct Parser {
    body: Body,
    pending: Option<Pending>,
    mode: Mode,
    /// Adornment styles in the order first seen: a style's level is its place.
    styles: Vec<(char, bool)>,
    /// Each heading's style, in order, for the document title.
    heading_styles: Vec<(char, bool)>,
    /// How many blocks came before the first heading.
    before_first_heading: usize,
}

impl Parser {
    fn flush(&mut self) {
        let Some(p) = self.pending.take() else { return };
        let mut text = p.text;
        if text.ends_with("::") {
            // A literal block follows. "Text::" keeps one colon; "text ::"
            // and a lone "::" keep none.
            let cut = if text == "::" || text.ends_with(" ::") { 2 } else { 1 };
            text.truncate(text.len() - cut);
            self.mode = Mode::Code {
                parent: p.indent,
                container: p.indent + usize::from(p.item),
                options: false,
                indent: None,
            };
        }
        let text = text.ws_trim_end();
        self.body.blank();
        if p.item {
            self.body.item(p.indent, text, p.line);
        } else if !text.is_empty() {
            self.body.text(p.indent, text, p.line);
        }
    }

    fn start(&mut self, indent: usize, text: &str, line: u32, item: bool) {
        self.flush();
        self.pending = Some(Pending {
            indent,
            text: text.to_string(),
            line,
            item,
        });
    }

    /// Joins `t` to the text being gathered if it continues it: a
    /// paragraph's next line at its indentation, an item's or field's next
    /// line indented past its marker. A bullet or number starts a new item
    /// (nested when indented), as it would in Markdown.
    fn continues(&mut self, indent: usize, t: &str) -> bool {
        let Some(p) = self.pending.as_mut() else { return false };
        let fits = if p.item { indent > p.indent } else { indent == p.indent };
        if !fits || interrupts(t) || explicit(t).is_some() || (p.item && field(t).is_some()) {
            return false;
        }
        if !p.text.is_empty() {
            p.text.push(' ');
        }
        p.text.push_str(t);
        true
    }

    /// A line inside a code or skipped block; false when the block has ended.
    fn in_block(&mut self, line: &str, no: u32) -> bool {
        let t = line.ws_trim();
        let indent = indent_of(line);
        match &mut self.mode {
            Mode::Normal => false,
            Mode::Skip { parent } => {
                if !t.is_empty() && indent <= *parent {
                    self.mode = Mode::Normal;
                    return false;
                }
                true
            }
            Mode::Code {
                parent,
                container,
                options,
                indent: own,
            } => {
                if t.is_empty() {
                    *options = false;
                    return true;
                }
                if indent <= *parent {
                    self.mode = Mode::Normal;
                    return false;
                }
                if *options && t.starts_with(':') {
                    return true;
                }
                *options = false;
                let own = *own.get_or_insert(indent);
                let container = *container;
                self.body.code(container, &line[own.min(indent)..], no);
                true
            }
        }
    }

    fn heading(&mut self, style: (char, bool), text: &str, line: u32) {
        self.flush();
        let level = match self.styles.iter().position(|&s| s == style) {
            Some(k) => k + 1,
            None => {
                self.styles.push(style);
                self.styles.len()
            }
        };
        if self.heading_styles.is_empty() {
            self.before_first_heading = self.body.blocks.len();
        }
        self.heading_styles.push(style);
        self.body.heading(level, text, line);
    }
}

pub fn parse(lines: &[&str], wrap: Option<usize>) -> Parsed {
    let mut p = Parser {
        body: Body::new(wrap),
        pending: None,
        mode: Mode::Normal,
        styles: Vec::new(),
        heading_styles: Vec::new(),
        before_first_heading: 0,
    };
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let no = i as u32 + 1;
        i += 1;
        if p.in_block(line, no) {
            continue;
        }
        let t = line.ws_trim();
        let indent = indent_of(line);
        if t.is_empty() {
            p.flush();
            continue;
        }
        if let Some((style, at, used)) = title_at(lines, i - 1) {
            p.heading(style, lines[at].ws_trim(), at as u32 + 1);
            i += used - 1;
            continue;
        }
        if adornment(line).is_some_and(|(_, n)| n >= 4) {
            // A transition: it ends the lists before it.
            p.flush();
            p.body.end_lists();
            continue;
        }
        if p.continues(indent, t) {
            continue;
        }
        if let Some(name) = explicit(t) {
            p.flush();
            p.mode = if CODE_DIRECTIVES.contains(&name) {
                Mode::Code {
                    parent: indent,
                    container: indent,
                    options: true,
                    indent: None,
                }
            } else {
                Mode::Skip { parent: indent }
            };
            continue;
        }
        if let Some((name, rest)) = field(t) {
            // A field's body may follow on indented lines, after the colon.
            let text = if rest.is_empty() {
                format!("{name}:")
            } else {
                format!("{name}: {rest}")
            };
            p.start(indent, &text, no, true);
            continue;
        }
        if t.starts_with("+-") || t.starts_with("+=") || (t.starts_with('|') && t.ends_with('|') && t.len() > 1) {
            // A grid table's rows: kept as they are, like Markdown's tables.
            p.flush();
            p.body.code(indent, t, no);
            continue;
        }
        if t.starts_with(">>>") {
            // A doctest block.
            p.flush();
            p.body.code(indent, t, no);
            continue;
        }
        if let Some(at) = item_marker(t) {
            p.start(indent, &t[at..], no, true);
            continue;
        }
        // A line block's lines ("| text") read as lines of text.
        let text = t.strip_prefix("| ").unwrap_or(t);
        p.start(indent, text, no, false);
    }
    p.flush();
    let title = document_title(&p);
    Parsed {
        title,
        blocks: p.body.blocks,
    }
}

/// The document's title: its first section title, when nothing comes before
/// it and no other title shares its adornment style (docutils' rule).
fn document_title(p: &Parser) -> Option<String> {
    let first = *p.heading_styles.first()?;
    let unique = p.heading_styles.iter().filter(|&&s| s == first).count() == 1;
    let b = p.body.blocks.get(p.before_first_heading)?;
    (unique && p.before_first_heading == 0).then(|| b.text.clone())
}
