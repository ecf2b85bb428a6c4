//! Markdown notes: ATX and Setext headings, title lines no heading marks
//! (`titlelines`: bold, italic or quoted titles, a short line over a list,
//! the first line between rules), nested lists with any marker, fenced and
//! indented code, front matter (its title names the document; the rest is
//! not content), rules, quotes and tables.

use super::body::Body;
use super::lines::{indent_of, is_rule, list_marker};
use super::titlelines;
use super::ws::Ws;
use super::Parsed;

mod front;
mod shapes;

use front::{front_matter, title_line};
pub use shapes::{atx_heading, bold_title};
use shapes::{fence, is_image_line, is_symbol_rule, italic_title};

pub fn parse(lines: &[&str], wrap: Option<usize>) -> Parsed {
    let (mut skip, mut title) = front_matter(lines);
    let mut marks = titlelines::find(lines, skip, |l| {
        l.ws_trim_start().starts_with('#') && atx_heading(l).is_some()
    });
    if title.is_none() {
        // Not when that line opens the first of the blocks between rules.
        let first_of_blocks = |i: usize| marks[i].is_some_and(|r| r < titlelines::LINE_RANK);
        if let Some(i) = title_line(lines, skip).filter(|&i| !first_of_blocks(i)) {
            title = Some(lines[i].ws_trim().to_string());
            skip = i + 1;
            marks[i] = None;
        }
    }
    let mut body = Body::new(wrap);
    let mut fenced: Option<(char, usize, usize)> = None;
    let mut blank = true;
    let mut in_code = false;
    let mut in_comment = false;
    for (i, &line) in lines.iter().enumerate().skip(skip) {
        let no = i as u32 + 1;
        let indent = indent_of(line);
        let t = line.ws_trim_start();
        if let Some((c, n, at)) = fenced {
            if fence(t).is_some_and(|(c2, n2)| c2 == c && n2 >= n) && t.ws_trim_end().chars().all(|x| x == c) {
                fenced = None;
            } else {
                body.code(at, line.get(at.min(indent)..).unwrap_or(""), no);
            }
            continue;
        }
        if in_comment {
            in_comment = !t.contains("-->");
            continue;
        }
        if t.is_empty() {
            body.blank();
            blank = true;
            continue;
        }
        let was_blank = std::mem::replace(&mut blank, false);
        let container = body.list_indent().map_or(0, |i| i + 2);
        if (was_blank || in_code) && indent >= container + 4 {
            // Indented code belongs to the innermost open item, if any.
            in_code = true;
            body.code(body.list_indent().map_or(0, |i| i + 1), &line[container + 4..], no);
            continue;
        }
        in_code = false;
        if let Some((c, n)) = fence(t) {
            fenced = Some((c, n, indent));
            body.blank();
            continue;
        }
        if t.starts_with("<!--") {
            in_comment = !t.contains("-->");
            continue;
        }
        if let Some((level, text)) = atx_heading(line) {
            body.heading(level, text, no);
            continue;
        }
        let underline = t.ws_trim_end();
        if (underline.chars().all(|c| c == '=') || (underline.len() >= 2 && underline.chars().all(|c| c == '-')))
            && indent <= 3
        {
            if let Some(p) = body.take_single_line_paragraph() {
                body.heading(if underline.starts_with('=') { 1 } else { 2 }, &p.text, p.line);
                continue;
            }
        }
        if is_rule(t) || (was_blank && is_symbol_rule(t)) {
            body.end_lists();
            continue;
        }
        if is_image_line(strip_quote(t)) {
            continue;
        }
        let in_list = body.list_indent().is_some_and(|li| indent > li);
        if let Some(rank) = marks[i].filter(|_| indent <= 3 && !in_list) {
            let text = strip_quote(t).ws_trim_end();
            // `**Title**` over a list is a title line like any other.
            let text = bold_title(text).or_else(|| italic_title(text)).unwrap_or(text);
            if rank < titlelines::LINE_RANK {
                body.block_title(rank, text, no);
            } else {
                body.title_line(text, no);
            }
            continue;
        }
        if let Some(at) = list_marker(t) {
            body.item(indent, strip_quote(&t[at..]), no);
            continue;
        }
        if t.starts_with('|') {
            body.code(indent, t, no);
            continue;
        }
        if indent <= 3 && !in_list {
            if let Some(emphasised) = bold_title(t).or_else(|| italic_title(t).filter(|_| was_blank)) {
                body.title_line(emphasised, no);
                continue;
            }
        }
        let text = strip_quote(t);
        if !text.is_empty() {
            body.text(indent, text, no);
        }
    }
    Parsed {
        title,
        blocks: body.blocks,
    }
}

/// Drops blockquote markers: quoted text reads as text.
fn strip_quote(t: &str) -> &str {
    let mut s = t;
    while let Some(rest) = s.strip_prefix('>') {
        s = rest.ws_trim_start();
    }
    s
}

#[cfg(test)]
mod tests;
