//! A node's text as Markdown or org inline markup: its styles written as
//! that format's markers and links as links, and in Markdown, whatever
//! would read as markup escaped with a backslash, so the text loads back as
//! it is. (Org has no escape: a literal `*word*` reads back as bold.)

use super::escape::escape_markdown;
use crate::outline::{InlineStyle as Style, Outline};

/// A stretch of a node's text with one style: plain between the stored
/// spans, styled on them.
struct Piece<'a> {
    text: &'a str,
    style: Style,
    target: Option<&'a str>,
}

/// The node's text cut at its styles' edges, in order, covering all of it.
fn pieces(o: &Outline, i: usize) -> Vec<Piece<'_>> {
    let text = o.text(i);
    let mut out = Vec::new();
    let mut at = 0;
    for s in o.styles(i) {
        // Kept to the node's text, in order, on char boundaries, whatever
        // the stored spans say: a printer must not panic on them.
        let (start, end) = (s.range.start.max(at), s.range.end.min(text.len()));
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if start > at {
            out.push(Piece {
                text: &text[at..start],
                style: Style::PLAIN,
                target: None,
            });
        }
        out.push(Piece {
            text: &text[start..end],
            style: s.style,
            target: s.target,
        });
        at = end;
    }
    if at < text.len() || out.is_empty() {
        out.push(Piece {
            text: &text[at..],
            style: Style::PLAIN,
            target: None,
        });
    }
    out
}

/// One thing markup opens and closes around text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark<'a> {
    Link(&'a str),
    Style(Style),
}

/// The marks a format writes as delimiters, in the order they nest when
/// they start together (outermost first); code is written around the text
/// itself, innermost, as nothing nests inside it.
const STYLES: [Style; 4] = [Style::UNDERLINE, Style::STRIKE, Style::BOLD, Style::ITALIC];

/// What differs between the formats' inline markup.
trait Inline {
    fn open(&self, mark: Mark<'_>, out: &mut String);
    fn close(&self, mark: Mark<'_>, out: &mut String);
    fn code(&self, text: &str, out: &mut String);
    fn escape(&self, text: &str, line_start: bool, out: &mut String);
    /// A link that is its own target (a bare URL); `spaced`: nothing but
    /// a space or the end follows it.
    fn bare(&self, url: &str, spaced: bool, out: &mut String);
}

struct Md;
struct OrgMarkup;

pub fn markdown(o: &Outline, i: usize, out: &mut String) {
    write(&Md, &pieces(o, i), out);
}

pub fn org(o: &Outline, i: usize, out: &mut String) {
    write(&OrgMarkup, &pieces(o, i), out);
}

/// The marks on a piece: its link (unless a bare URL, written as text)
/// and its delimited styles.
fn marks<'a>(pieces: &[Piece<'a>], k: usize, bare: &[bool]) -> Vec<Mark<'a>> {
    let p = &pieces[k];
    let link = (p.style.contains(Style::LINK) && !bare[k]).then(|| Mark::Link(p.target.unwrap_or(p.text)));
    link.into_iter()
        .chain(STYLES.into_iter().filter(|&s| p.style.contains(s)).map(Mark::Style))
        .collect()
}

/// Which pieces are bare URLs: a plain link whose words are its target.
fn bare_urls(pieces: &[Piece<'_>]) -> Vec<bool> {
    pieces
        .iter()
        .map(|p| p.style == Style::LINK && p.target.is_none_or(|t| t == p.text))
        .collect()
}

/// The pieces with their marks opened and closed as a stack: a mark that
/// runs over several pieces (bold around a link) is opened once, the
/// longer-running opened outside; spaces at a mark's edges are written
/// outside it (markup may not open or close on a space).
fn write(f: &dyn Inline, pieces: &[Piece<'_>], out: &mut String) {
    let start = out.len();
    let bare = bare_urls(pieces);
    let all: Vec<Vec<Mark<'_>>> = (0..pieces.len()).map(|k| marks(pieces, k, &bare)).collect();
    let runs = |k: usize, m: &Mark<'_>| all[k..].iter().take_while(|ms| ms.contains(m)).count();
    let mut open: Vec<Mark<'_>> = Vec::new();
    // The previous piece's trailing spaces, written after its marks close.
    let mut pending = "";
    for (k, p) in pieces.iter().enumerate() {
        let want = &all[k];
        let keep = open.iter().take_while(|m| want.contains(m)).count();
        while open.len() > keep {
            f.close(open.pop().expect("more open than kept"), out);
        }
        out.push_str(pending);
        let mut new: Vec<Mark<'_>> = want.iter().copied().filter(|m| !open.contains(m)).collect();
        new.sort_by_key(|m| std::cmp::Reverse(runs(k, m)));
        let code = p.style.contains(Style::CODE);
        let mut body = p.text;
        if !new.is_empty() || code {
            let lead = body.len() - body.trim_start().len();
            out.push_str(&body[..lead]);
            body = &body[lead..];
        }
        for m in new {
            f.open(m, out);
            open.push(m);
        }
        let closes_next = k + 1 == pieces.len() || open.iter().any(|m| !all[k + 1].contains(m));
        let trail = if code || (closes_next && !open.is_empty()) {
            body.len() - body.trim_end().len()
        } else {
            0
        };
        let (body, space) = body.split_at(body.len() - trail);
        if bare[k] {
            let next = pieces.get(k + 1).and_then(|q| q.text.chars().next());
            f.bare(body, next.is_none_or(char::is_whitespace), out);
        } else if code && !body.is_empty() {
            f.code(body, out);
        } else {
            f.escape(body, out.len() == start, out);
        }
        pending = space;
    }
    while let Some(m) = open.pop() {
        f.close(m, out);
    }
    out.push_str(pending);
}

impl Inline for Md {
    fn open(&self, mark: Mark<'_>, out: &mut String) {
        out.push_str(match mark {
            Mark::Link(_) => "[",
            // Markdown has no underline: HTML's, which the loader reads.
            Mark::Style(Style::UNDERLINE) => "<u>",
            Mark::Style(Style::STRIKE) => "~~",
            Mark::Style(Style::BOLD) => "**",
            Mark::Style(_) => "*",
        });
    }

    fn close(&self, mark: Mark<'_>, out: &mut String) {
        match mark {
            Mark::Link(target) => {
                out.push_str("](");
                // A space, or a paren that is not paired, would end it early.
                let paired = target.chars().try_fold(0u32, |depth, c| match c {
                    '(' => Some(depth + 1),
                    ')' => depth.checked_sub(1),
                    _ => Some(depth),
                }) == Some(0);
                for c in target.chars() {
                    match c {
                        ' ' => out.push_str("%20"),
                        '(' if !paired => out.push_str("%28"),
                        ')' if !paired => out.push_str("%29"),
                        c => out.push(c),
                    }
                }
                out.push(')');
            }
            Mark::Style(Style::UNDERLINE) => out.push_str("</u>"),
            Mark::Style(Style::STRIKE) => out.push_str("~~"),
            Mark::Style(Style::BOLD) => out.push_str("**"),
            Mark::Style(_) => out.push('*'),
        }
    }

    fn code(&self, text: &str, out: &mut String) {
        // Fenced by more backticks than any run inside; padded when the
        // code itself starts or ends with one.
        let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
        let fence = "`".repeat(longest + 1);
        let pad = if text.starts_with('`') || text.ends_with('`') {
            " "
        } else {
            ""
        };
        out.push_str(&fence);
        out.push_str(pad);
        out.push_str(text);
        out.push_str(pad);
        out.push_str(&fence);
    }

    fn escape(&self, text: &str, line_start: bool, out: &mut String) {
        escape_markdown(text, line_start, out);
    }

    fn bare(&self, url: &str, spaced: bool, out: &mut String) {
        // A bare URL runs on to the next space, over escapes and whatever
        // follows it: `<url>` keeps it whole and only itself.
        let mut escaped = String::new();
        escape_markdown(url, false, &mut escaped);
        if escaped == url && spaced {
            out.push_str(url);
        } else {
            out.push('<');
            out.push_str(url);
            out.push('>');
        }
    }
}

impl Inline for OrgMarkup {
    fn open(&self, mark: Mark<'_>, out: &mut String) {
        match mark {
            Mark::Link(target) => {
                out.push_str("[[");
                // Brackets would end the target early.
                out.push_str(&target.replace('[', "%5B").replace(']', "%5D"));
                out.push_str("][");
            }
            Mark::Style(s) => out.push_str(org_marker(s)),
        }
    }

    fn close(&self, mark: Mark<'_>, out: &mut String) {
        match mark {
            Mark::Link(_) => out.push_str("]]"),
            Mark::Style(s) => out.push_str(org_marker(s)),
        }
    }

    fn code(&self, text: &str, out: &mut String) {
        out.push('~');
        out.push_str(text);
        out.push('~');
    }

    fn escape(&self, text: &str, _: bool, out: &mut String) {
        out.push_str(text);
    }

    fn bare(&self, url: &str, _: bool, out: &mut String) {
        out.push_str(url);
    }
}

fn org_marker(s: Style) -> &'static str {
    match s {
        Style::UNDERLINE => "_",
        Style::STRIKE => "+",
        Style::BOLD => "*",
        _ => "/",
    }
}
