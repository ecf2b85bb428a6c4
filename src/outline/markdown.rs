//! Markdown notes: ATX and Setext headings, bold-only title lines, nested
//! lists with any marker, fenced and indented code, front matter (its title
//! names the document; the rest is not content), rules, quotes and tables.

use super::body::Body;
use super::lines::{indent_of, is_rule, list_marker};
use super::ws::Ws;
use super::Parsed;

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
    if !rest.is_empty() && !rest.starts_with(' ') {
        return None;
    }
    let mut title = rest.ws_trim();
    let stripped = title.trim_end_matches('#');
    if stripped.is_empty() || stripped.ends_with(' ') {
        title = stripped.ws_trim_end();
    }
    Some((level, title))
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

fn fence(t: &str) -> Option<(char, usize)> {
    let c = t.chars().next()?;
    if c != '`' && c != '~' {
        return None;
    }
    let n = t.chars().take_while(|&x| x == c).count();
    (n >= 3 && !(c == '`' && t[n..].contains('`'))).then_some((c, n))
}

/// Front matter at the top: returns (lines it spans, its title).
fn front_matter(lines: &[&str]) -> (usize, Option<String>) {
    let Some(first) = lines.first() else { return (0, None) };
    let (close, sep): (&[&str], char) = match first.ws_trim_end() {
        "---" => (&["---", "..."], ':'),
        "+++" => (&["+++"], '='),
        _ => return (0, None),
    };
    let Some(end) = lines
        .iter()
        .take(200)
        .skip(1)
        .position(|l| close.contains(&l.ws_trim_end()))
    else {
        return (0, None);
    };
    let body = &lines[1..end + 1];
    if body.is_empty() || !body.iter().any(|l| l.contains(sep)) {
        return (0, None);
    }
    let title = body.iter().find_map(|l| {
        let (k, v) = l.split_once(sep)?;
        (k.ws_trim() == "title").then(|| v.ws_trim().trim_matches(['"', '\'']).to_string())
    });
    (end + 2, title.filter(|t| !t.is_empty()))
}

pub fn parse(lines: &[&str], wrap: Option<usize>) -> Parsed {
    let (skip, title) = front_matter(lines);
    let mut body = Body::new(wrap);
    let mut fenced: Option<(char, usize, usize)> = None;
    let mut blank = true;
    let mut in_code = false;
    let mut in_comment = false;
    // Bold-only title lines sit one level below the last real heading.
    let mut atx_level = 0;
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
            atx_level = level;
            body.heading(level, text, no);
            continue;
        }
        let underline = t.ws_trim_end();
        if (underline.chars().all(|c| c == '=') || (underline.len() >= 2 && underline.chars().all(|c| c == '-')))
            && indent <= 3
        {
            if let Some(p) = body.take_single_line_paragraph() {
                atx_level = if underline.starts_with('=') { 1 } else { 2 };
                body.heading(atx_level, &p.text, p.line);
                continue;
            }
        }
        if is_rule(t) {
            body.end_lists();
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
        if indent <= 3 && body.list_indent().is_none_or(|li| indent <= li) {
            if let Some(bold) = bold_title(t) {
                body.heading(atx_level + 1, bold, no);
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
mod tests {
    use super::*;

    fn shape(src: &str) -> Vec<String> {
        let lines: Vec<&str> = src.lines().collect();
        crate::outline::block_lines(&parse(&lines, None).blocks)
    }

    #[test]
    fn atx_headings_with_closing_hashes() {
        assert_eq!(atx_heading("## Title ##"), Some((2, "Title")));
        assert_eq!(atx_heading("### F."), Some((3, "F.")));
        assert_eq!(atx_heading("#hashtag"), None);
        assert_eq!(atx_heading("####### seven"), None);
        assert_eq!(atx_heading("# C#"), Some((1, "C#")));
    }

    #[test]
    fn setext_headings_and_bullets() {
        assert_eq!(
            shape("keynote (kate krauss)\n-----------\n\n* a\n  * b\n*\n\nNext Talk\n===\n* c\n"),
            vec![
                "heading keynote (kate krauss)",
                "  bullet a",
                "    bullet b",
                "heading Next Talk",
                "  bullet c"
            ]
        );
    }

    #[test]
    fn code_lines_are_never_bullets_or_headings() {
        assert_eq!(
            shape("# T\n\n```\n# not a heading\n- not a bullet\n```\n\n    - indented code\n\ntext\n"),
            vec![
                "heading T",
                "  code # not a heading",
                "  code - not a bullet",
                "  code - indented code",
                "  paragraph text"
            ]
        );
    }

    #[test]
    fn front_matter_names_the_document_and_is_not_content() {
        let lines: Vec<&str> = "---\ntitle: \"My Notes\"\ntags: [a]\n---\n# Talk\n- x\n"
            .lines()
            .collect();
        let p = parse(&lines, None);
        assert_eq!(p.title.as_deref(), Some("My Notes"));
        assert_eq!(p.blocks.len(), 2);
    }

    #[test]
    fn bold_lines_are_titles_under_the_current_heading() {
        assert_eq!(
            shape("# Day\n**Talk One**\n- a\n**Talk Two:**\n- b\n"),
            vec![
                "heading Day",
                "  heading Talk One",
                "    bullet a",
                "  heading Talk Two",
                "    bullet b"
            ]
        );
    }

    #[test]
    fn different_markers_at_each_depth() {
        assert_eq!(
            shape("- a\n    1. b\n        + c\n    2) d\n"),
            vec!["bullet a", "  bullet b", "    bullet c", "  bullet d"]
        );
    }
}
