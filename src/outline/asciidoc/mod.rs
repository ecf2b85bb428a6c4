//! AsciiDoc notes: the `= Title` and `==`… section titles, `*` `**` `-`
//! and `.` `..` lists nested by their marker's depth, description lists
//! (`term:: text`) as bullets, `----` listing and `....` literal blocks and
//! indented paragraphs as code, tables as rows, block titles (`.Title`) as
//! text. Attribute entries, block
//! attributes (`[source,python]`), comments, block macros (`image::…[]`)
//! and passthroughs are markup, not notes: dropped.

use super::body::Body;
use super::lines::{indent_of, is_rule};
use super::ws::Ws;
use super::Parsed;

/// `== Title ==` -> (2, "Title"): up to six `=`, a space, the title.
pub fn section(line: &str) -> Option<(usize, &str)> {
    let level = line.bytes().take_while(|&b| b == b'=').count();
    if !(1..=6).contains(&level) || !line[level..].starts_with(' ') {
        return None;
    }
    let t = line[level..].ws_trim();
    // The symmetric form closes with the same run of `=`.
    let t = t.strip_suffix(&line[..level]).map_or(t, |s| s.ws_trim_end());
    (!t.is_empty()).then_some((level, t))
}

/// A list item: (nesting depth, where its text starts).
pub fn item(t: &str) -> Option<(usize, usize)> {
    let b = t.as_bytes();
    let (depth, len) = match b.first()? {
        b'*' | b'.' => {
            let n = b.iter().take_while(|&&c| c == b[0]).count();
            (n, n)
        }
        b'-' => (1, 1),
        c if c.is_ascii_digit() => {
            let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
            if b.get(n) != Some(&b'.') {
                return None;
            }
            (1, n + 1)
        }
        _ => return None,
    };
    if depth > 5 || !t[len..].starts_with(' ') || t[len..].ws_trim().is_empty() {
        return None;
    }
    Some((depth, len + indent_of(&t[len..])))
}

/// `:name: value` or `:name!:`: an attribute entry.
fn attribute(t: &str) -> bool {
    let Some(rest) = t.strip_prefix(':') else { return false };
    let Some(end) = rest.find(':') else { return false };
    let name = rest[..end].trim_end_matches('!');
    !name.is_empty()
        && name
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        && (rest.len() == end + 1 || rest[end + 1..].starts_with(' '))
}

/// A block macro on its own line: `image::x.png[]`, `include::f.adoc[]`.
fn block_macro(t: &str) -> bool {
    let Some((name, rest)) = t.split_once("::") else {
        return false;
    };
    !name.is_empty()
        && name.bytes().all(|c| c.is_ascii_lowercase() || c == b'-')
        && t.ends_with(']')
        && !rest.starts_with(' ')
}

/// What a delimiter line opens.
#[derive(Clone, Copy, PartialEq)]
enum Block {
    Code,
    Skip,
    Table,
}

/// A delimited block's fence: `----` code, `....` literal, `////` comment,
/// `++++` passthrough, `|===` table; `====` `****` `____` `--` only group
/// content, which reads as it is (None).
fn fence(t: &str) -> Option<Option<Block>> {
    if t == "--" {
        return Some(None);
    }
    if t.starts_with("|===") && t[1..].bytes().all(|c| c == b'=') {
        return Some(Some(Block::Table));
    }
    let c = *t.as_bytes().first()?;
    if t.len() < 4 || !t.bytes().all(|x| x == c) {
        return None;
    }
    match c {
        b'-' | b'.' => Some(Some(Block::Code)),
        b'/' | b'+' => Some(Some(Block::Skip)),
        b'=' | b'*' | b'_' => Some(None),
        _ => None,
    }
}

/// Text being gathered: a paragraph's lines, an item's lines.
struct Pending {
    /// The item's synthetic indent (2 per level), or None for a paragraph.
    item: Option<usize>,
    text: String,
    line: u32,
    /// Attached to the list item above by a `+` line.
    attached: bool,
}

fn flush(body: &mut Body, pending: &mut Option<Pending>) {
    let Some(p) = pending.take() else { return };
    body.blank();
    match p.item {
        Some(indent) => body.item(indent, &p.text, p.line),
        None => body.text(container(body, p.attached), &p.text, p.line),
    }
}

/// Where a paragraph or block goes: into the list item above when a `+`
/// attached it, else out of any list.
fn container(body: &Body, attached: bool) -> usize {
    match body.list_indent() {
        Some(i) if attached => i + 1,
        _ => 0,
    }
}

/// Starts gathering `text`.
fn start(body: &mut Body, pending: &mut Option<Pending>, item: Option<usize>, text: String, line: u32, attached: bool) {
    flush(body, pending);
    *pending = Some(Pending {
        item,
        text,
        line,
        attached,
    });
}

pub fn parse(lines: &[&str], wrap: Option<usize>) -> Parsed {
    let mut body = Body::new(wrap);
    let mut pending: Option<Pending> = None;
    // Inside a delimited block: what it is, the line that closes it, and
    // where its code goes.
    let mut open: Option<(Block, &str, usize)> = None;
    let mut in_header = false;
    // Inside an indented (literal) paragraph: where its code goes.
    let mut literal: Option<usize> = None;
    // A `+` line attaches the next block to the list item above.
    let mut attached = false;
    let mut titles = Vec::new();
    let mut content_before_title = false;
    for (i, &line) in lines.iter().enumerate() {
        let no = i as u32 + 1;
        let t = line.ws_trim();
        if let Some((kind, close, at)) = open {
            if t == close {
                open = None;
            } else if kind == Block::Code || (kind == Block::Table && !t.is_empty()) {
                body.code(at, line.ws_trim_end(), no);
            }
            continue;
        }
        if t.is_empty() {
            flush(&mut body, &mut pending);
            in_header = false;
            literal = None;
            continue;
        }
        if in_header && (attribute(t) || !t.starts_with('=')) {
            // The header's author and revision lines and attributes.
            continue;
        }
        if literal.is_none() && pending.is_none() && indent_of(line) > 0 && item(t).is_none() {
            literal = Some(container(&body, std::mem::take(&mut attached)));
        }
        if let Some(at) = literal {
            body.code(at, line.ws_trim_end(), no);
            continue;
        }
        if let Some(f) = fence(t) {
            flush(&mut body, &mut pending);
            let at = container(&body, std::mem::take(&mut attached));
            open = f.map(|kind| (kind, t, at));
            continue;
        }
        if let Some((level, title)) = section(line) {
            flush(&mut body, &mut pending);
            if level == 1 && titles.is_empty() {
                in_header = true;
            }
            content_before_title |= titles.is_empty() && !body.blocks.is_empty();
            titles.push((level, title));
            body.heading(level, title, no);
            continue;
        }
        if t == "+" {
            flush(&mut body, &mut pending);
            attached = true;
            continue;
        }
        if (t.starts_with("//") && !t.starts_with("///")) || attribute(t) || block_macro(t) {
            // A comment, an attribute entry, a block macro.
            continue;
        }
        if t.starts_with('[') && t.ends_with(']') && !t.contains("] ") {
            // Block attributes or an anchor: `[source,python]`, `[[id]]`.
            continue;
        }
        if t.starts_with("'''") || t == "<<<" || is_rule(t) {
            flush(&mut body, &mut pending);
            body.end_lists();
            continue;
        }
        let t = t.strip_suffix(" +").unwrap_or(t);
        // A block title (`.Example`) reads as a line of text.
        let t = match t.strip_prefix('.') {
            Some(rest) if pending.is_none() && rest.starts_with(|c: char| c.is_alphanumeric()) => rest,
            _ => t,
        };
        if let Some((depth, at)) = item(t) {
            start(&mut body, &mut pending, Some(depth * 2), t[at..].to_string(), no, false);
            attached = false;
            continue;
        }
        if let Some((term, def)) = description(t) {
            let text = if def.is_empty() {
                format!("{term}:")
            } else {
                format!("{term}: {def}")
            };
            start(&mut body, &mut pending, Some(2), text, no, false);
            continue;
        }
        match pending.as_mut() {
            Some(p) => {
                p.text.push(' ');
                p.text.push_str(t);
            }
            None => {
                let attach = std::mem::take(&mut attached);
                start(&mut body, &mut pending, None, t.to_string(), no, attach);
            }
        }
    }
    flush(&mut body, &mut pending);
    // `= Title` names the document when it comes first and is the only one.
    let title = match titles.first() {
        Some(&(1, t)) if !content_before_title && titles.iter().filter(|x| x.0 == 1).count() == 1 => {
            Some(t.to_string())
        }
        _ => None,
    };
    Parsed {
        title,
        blocks: body.blocks,
    }
}

/// `term:: definition` (or a term alone, its definition below): a short
/// term at the start of the line.
fn description(t: &str) -> Option<(&str, &str)> {
    let (term, def) = t.split_once(":: ").or_else(|| t.strip_suffix("::").map(|x| (x, "")))?;
    let ok = !term.is_empty() && term.len() <= 80 && !term.contains("::") && !term.ends_with(' ');
    ok.then(|| (term, def.ws_trim()))
}

/// Whether lines in a file named for no format read as AsciiDoc: a
/// `= Title` first line with a header (attribute entries), or two `==`
/// section titles. (Markdown and org are told apart before this is asked.)
pub fn looks_like(lines: &[&str]) -> bool {
    let mut sections = 0;
    let mut header = false;
    let first = lines.iter().position(|l| !l.ws_trim().is_empty());
    for (i, line) in lines.iter().enumerate() {
        if !line.starts_with(['=', ':']) {
            continue;
        }
        match section(line) {
            Some((1, _)) if Some(i) == first => {
                header = lines[i + 1..].iter().take(6).any(|l| attribute(l.ws_trim()));
            }
            Some((level, _)) if level >= 2 => sections += 1,
            _ => {}
        }
        if header || sections >= 2 {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests;
