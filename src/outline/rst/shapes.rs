//! The shapes of reStructuredText lines: adornments and the titles they
//! make, list markers, fields, explicit markup (directives, comments,
//! targets), and whether a file reads as rst at all.

use super::super::lines::{char_len, indent_of};
use super::super::ws::Ws;

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
    len >= 4 || len >= char_len(title.ws_trim())
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
                if len >= char_len(lines[at].ws_trim()) {
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
pub fn field(t: &str) -> Option<(&str, &str)> {
    let rest = t.strip_prefix(':')?;
    let end = rest.find(':')?;
    let name = &rest[..end];
    let body = &rest[end + 1..];
    let named = !name.is_empty() && !name.starts_with(' ') && !name.ends_with(' ') && !name.contains('`');
    (named && (body.is_empty() || body.starts_with(' '))).then(|| (name, body.ws_trim()))
}

/// Directives whose body is code.
pub const CODE_DIRECTIVES: &[&str] = &["code", "code-block", "sourcecode", "highlight", "doctest"];

/// `.. name::` -> Some(name); any other explicit markup (comment, target,
/// footnote, substitution) -> Some(""); not explicit markup -> None.
pub fn explicit(t: &str) -> Option<&str> {
    let rest = t.strip_prefix("..")?;
    if !rest.is_empty() && !rest.starts_with(' ') {
        return None;
    }
    let rest = rest.ws_trim_start();
    let name = rest.split_once("::").map(|(n, _)| n).unwrap_or("");
    let directive = !name.is_empty() && name.bytes().all(|c| c.is_ascii_alphanumeric() || b"-_:.+".contains(&c));
    Some(if directive { name } else { "" })
}

/// "1. Introduction" may be a numbered section title.
fn interrupts_as_number(t: &str) -> bool {
    t.starts_with(|c: char| c.is_ascii_digit())
}

/// A line that starts a new item even right under a line of text: a bullet
/// or a numbered item (letters and roman numerals read as prose there).
pub fn interrupts(t: &str) -> bool {
    item_marker(t).is_some()
        && (t.starts_with(['*', '+', '-', '•', '‣', '⁃', '#']) || t.starts_with(|c: char| c.is_ascii_digit()))
}
