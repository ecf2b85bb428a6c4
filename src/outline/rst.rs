//! reStructuredText notes: section titles ranked by the order their
//! adornment styles first appear (underline only, or over- and underline, in
//! any punctuation), bullet and enumerated lists nested by indentation, field
//! lists (`:Speaker: name`) as bullets, literal blocks (`::`) and
//! `.. code-block::` bodies as code. Other directives, comments and targets
//! are dropped with their indented bodies: they are markup, not notes.

use super::body::Body;
use super::lines::indent_of;
use super::ws::Ws;
use super::Parsed;

/// A line of one repeated ASCII punctuation character: a section adornment
/// or a transition (`=====`, `~~~~`, `----`).
pub fn adornment(line: &str) -> Option<(char, usize)> {
    let t = line.ws_trim_end();
    let c = *t.as_bytes().first()?;
    if !c.is_ascii_punctuation() || t.len() < 2 || !t.bytes().all(|b| b == c) {
        return None;
    }
    Some((c as char, t.len()))
}

/// Does an adornment of `len` characters mark `title` as a title? docutils
/// takes one shorter than its title only when it is at least 4 long.
fn long_enough(len: usize, title: &str) -> bool {
    len >= 4 || len >= super::lines::char_len(title.ws_trim())
}

/// A section title at `i`: (its style, the title's line index, lines used).
/// Style is the adornment character and whether it has an overline.
pub fn title_at(lines: &[&str], i: usize) -> Option<((char, bool), usize, usize)> {
    let line = lines[i];
    let prev_blank = i == 0 || lines[i - 1].ws_trim().is_empty();
    if !prev_blank {
        return None;
    }
    if let Some((c, len)) = adornment(line) {
        // Overline, title, underline of the same character and length.
        let title = *lines.get(i + 1)?;
        let under = adornment(lines.get(i + 2)?)?;
        let ok = under == (c, len) && !title.ws_trim().is_empty() && adornment(title).is_none();
        return (ok && long_enough(len, title)).then_some(((c, true), i + 1, 3));
    }
    let t = line.ws_trim();
    // A bullet under a rule is an item, not a title.
    if indent_of(line) > 0 || t.is_empty() || (item_marker(t).is_some() && !interrupts_as_number(t)) {
        return None;
    }
    let (c, len) = adornment(lines.get(i + 1)?)?;
    long_enough(len, line).then_some(((c, false), i, 2))
}

/// Whether lines in a file named for no format read as reStructuredText:
/// two signs Markdown has no reading for (a title with an overline or an
/// underline of other punctuation than `=` and `-`, a `.. name::`
/// directive), or one beside other underlined titles. Adornments must be as
/// long as their titles here, so a banner of `#`s is not taken for one.
pub fn looks_like(lines: &[&str]) -> bool {
    let (mut signs, mut titles) = (0, 0);
    for (i, line) in lines.iter().enumerate() {
        // Every sign starts with punctuation: most lines stop here.
        if !line.as_bytes().first().is_some_and(u8::is_ascii_punctuation) {
            continue;
        }
        if explicit(line).is_some_and(|name| !name.is_empty()) {
            signs += 1;
        } else if let Some((c, len)) = adornment(line) {
            let under = i.checked_sub(1).and_then(|k| title_at(lines, k)).filter(|t| t.2 == 2);
            let title = under.or_else(|| title_at(lines, i).filter(|t| t.2 == 3));
            if let Some(((_, over), at, _)) = title {
                if len >= super::lines::char_len(lines[at].ws_trim()) {
                    titles += 1;
                    signs += usize::from(over || !matches!(c, '=' | '-'));
                }
            }
        }
        if signs >= 2 || (signs == 1 && titles >= 2) {
            return true;
        }
    }
    false
}

/// A list item's marker at the start of `t`: the offset of its text.
/// Bullets `* + - • ‣ ⁃`; enumerators `1.` `a)` `(iv)` `#.` and the like.
pub fn item_marker(t: &str) -> Option<usize> {
    let first = t.chars().next()?;
    let after = if matches!(first, '*' | '+' | '-' | '•' | '‣' | '⁃') {
        first.len_utf8()
    } else {
        enumerator_len(t)?
    };
    let rest = &t[after..];
    if rest.is_empty() {
        return Some(after);
    }
    rest.starts_with(' ').then(|| after + indent_of(rest))
}

fn enumerator_len(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    let open = usize::from(b.first() == Some(&b'('));
    let body = b[open..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'#')
        .count();
    let word = &t[open..open + body];
    let is_enum = word == "#"
        || (!word.is_empty() && word.len() <= 3 && word.bytes().all(|c| c.is_ascii_digit()))
        || (word.len() == 1 && word.as_bytes()[0].is_ascii_alphabetic())
        || (!word.is_empty() && word.len() <= 5 && word.bytes().all(|c| b"ivxlcdm".contains(&c)))
        || (!word.is_empty() && word.len() <= 5 && word.bytes().all(|c| b"IVXLCDM".contains(&c)));
    if !is_enum {
        return None;
    }
    let end = open + body;
    match (open, b.get(end)) {
        (1, Some(b')')) => Some(end + 1),
        (0, Some(b'.' | b')')) => Some(end + 1),
        _ => None,
    }
}

/// `:Name: body` at the start of a line: (name, body).
fn field(t: &str) -> Option<(&str, &str)> {
    let rest = t.strip_prefix(':')?;
    let end = rest.find(':')?;
    let name = &rest[..end];
    let body = &rest[end + 1..];
    let named = !name.is_empty() && !name.starts_with(' ') && !name.ends_with(' ') && !name.contains('`');
    (named && (body.is_empty() || body.starts_with(' '))).then(|| (name, body.ws_trim()))
}

/// Directives whose body is code.
const CODE_DIRECTIVES: &[&str] = &["code", "code-block", "sourcecode", "highlight", "doctest"];

/// `.. name::` -> Some(name); any other explicit markup (comment, target,
/// footnote, substitution) -> Some(""); not explicit markup -> None.
fn explicit(t: &str) -> Option<&str> {
    let rest = t.strip_prefix("..")?;
    if !rest.is_empty() && !rest.starts_with(' ') {
        return None;
    }
    let rest = rest.ws_trim_start();
    let name = rest.split_once("::").map(|(n, _)| n).unwrap_or("");
    let directive = !name.is_empty() && name.bytes().all(|c| c.is_ascii_alphanumeric() || b"-_:.+".contains(&c));
    Some(if directive { name } else { "" })
}

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

/// "1. Introduction" may be a numbered section title.
fn interrupts_as_number(t: &str) -> bool {
    t.starts_with(|c: char| c.is_ascii_digit())
}

/// A line that starts a new item even right under a line of text: a bullet
/// or a numbered item (letters and roman numerals read as prose there).
fn interrupts(t: &str) -> bool {
    item_marker(t).is_some()
        && (t.starts_with(['*', '+', '-', '•', '‣', '⁃', '#']) || t.starts_with(|c: char| c.is_ascii_digit()))
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

#[cfg(test)]
#[path = "rst_tests.rs"]
mod tests;
