//! The shapes of Markdown lines the parser asks about: headings (also
//! `##Title` without a space), bold and italic title lines, image-only
//! lines, symbol rules and code fences. Pure tests of one line each.

use crate::outline::lines::indent_of;
use crate::outline::ws::Ws;

/// `## Title ##` -> (2, "Title").
pub fn atx_heading(line: &str) -> Option<(usize, &str)> {
    if indent_of(line) > 3 {
        return None;
    }
    let t = line.ws_trim_start();
    let level = t.len() - t.trim_start_matches('#').len();
    if !(1..=6).contains(&level) {
        return None;
    }
    let rest = &t[level..];
    if !rest.is_empty() && !rest.starts_with(' ') && !nospace_title(level, rest) {
        return None;
    }
    let mut title = rest.ws_trim();
    let stripped = title.trim_end_matches('#');
    if stripped.is_empty() || stripped.ends_with(' ') {
        title = stripped.ws_trim_end();
    }
    Some((level, title))
}

/// `##Title` with no space after the hashes, as many notes write headings:
/// from two hashes any title; after one, a capitalised title of two or more
/// words (`#hashtag`, `#include <x>` and `#Tag #Tag` stay text).
fn nospace_title(level: usize, rest: &str) -> bool {
    let Some(c) = rest.chars().next() else { return false };
    if !c.is_alphanumeric() {
        return false;
    }
    level >= 2 || (c.is_uppercase() && rest.contains(' ') && !rest.contains(" #"))
}

/// A line of images and nothing else (`![alt](src)`, linked or not): a
/// picture, not a note.
pub(super) fn is_image_line(t: &str) -> bool {
    let mut rest = t.ws_trim();
    if !rest.starts_with("![") && !rest.starts_with("[![") {
        return false;
    }
    while !rest.is_empty() {
        let linked = rest.starts_with("[![");
        let body = if linked { &rest[1..] } else { rest };
        let Some(after) = body.strip_prefix("![").and_then(|b| b.find("](").map(|i| &b[i + 2..])) else {
            return false;
        };
        let Some(close) = after.find(')') else { return false };
        rest = &after[close + 1..];
        if linked {
            let Some(r) = rest.strip_prefix("](").and_then(|r| r.find(')').map(|i| &r[i + 1..])) else {
                return false;
            };
            rest = r;
        }
        rest = rest.ws_trim_start();
    }
    true
}

/// A line of only `=`, `#`, `~` or `+` (three or more): a rule between
/// blocks, where it does not underline the line above.
pub(super) fn is_symbol_rule(t: &str) -> bool {
    let t = t.ws_trim();
    t.len() >= 3
        && t.chars()
            .next()
            .is_some_and(|c| "=#~+".contains(c) && t.chars().all(|x| x == c))
}

/// `*Title*` or `_Title_` alone on a line: an italic title line.
pub(super) fn italic_title(t: &str) -> Option<&str> {
    let t = t.ws_trim();
    let t = t.strip_suffix(':').unwrap_or(t);
    for d in ['*', '_'] {
        if let Some(inner) = t.strip_prefix(d).and_then(|x| x.strip_suffix(d)) {
            if !inner.is_empty() && !inner.contains(d) && !inner.starts_with(' ') && !inner.ends_with(' ') {
                return Some(inner);
            }
        }
    }
    None
}

/// `**Title**` or `__Title__` alone on a line (an optional ':' after).
pub fn bold_title(t: &str) -> Option<&str> {
    let t = t.ws_trim();
    let t = t.strip_suffix(':').unwrap_or(t);
    for d in ["**", "__"] {
        if let Some(inner) = t.strip_prefix(d).and_then(|x| x.strip_suffix(d)) {
            if !inner.is_empty() && !inner.contains(d) && !inner.starts_with(' ') {
                return Some(inner.trim_end_matches(':'));
            }
        }
    }
    None
}

pub(super) fn fence(t: &str) -> Option<(char, usize)> {
    let c = t.chars().next()?;
    if c != '`' && c != '~' {
        return None;
    }
    let n = t.chars().take_while(|&x| x == c).count();
    (n >= 3 && !(c == '`' && t[n..].contains('`'))).then_some((c, n))
}
