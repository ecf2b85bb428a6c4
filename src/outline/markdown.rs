//! Markdown notes: ATX and Setext headings, bold-only title lines, nested
//! lists with any marker, fenced and indented code, front matter (its title
//! names the document; the rest is not content), rules, quotes and tables.

use super::body::Body;
use super::lines::{indent_of, is_rule, list_marker};
use super::titlelines;
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
fn is_image_line(t: &str) -> bool {
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
fn is_symbol_rule(t: &str) -> bool {
    let t = t.ws_trim();
    t.len() >= 3
        && t.chars()
            .next()
            .is_some_and(|c| "=#~+".contains(c) && t.chars().all(|x| x == c))
}

/// `*Title*` or `_Title_` alone on a line: an italic title line.
fn italic_title(t: &str) -> Option<&str> {
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

fn fence(t: &str) -> Option<(char, usize)> {
    let c = t.chars().next()?;
    if c != '`' && c != '~' {
        return None;
    }
    let n = t.chars().take_while(|&x| x == c).count();
    (n >= 3 && !(c == '`' && t[n..].contains('`'))).then_some((c, n))
}

/// `title: Talk` and other `key: value` lines at the very top with no
/// fences around them: front matter all the same.
fn bare_front_matter(lines: &[&str]) -> (usize, Option<String>) {
    fn field(l: &str) -> Option<(String, &str)> {
        let (k, v) = l.split_once(':')?;
        let key_ok =
            !k.is_empty() && k.len() <= 20 && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        key_ok.then(|| (k.to_ascii_lowercase(), v.ws_trim()))
    }
    let n = lines.iter().take_while(|l| field(l).is_some()).count();
    let title = lines[..n]
        .iter()
        .filter_map(|l| field(l))
        .find(|(k, _)| k == "title")
        .map(|(_, v)| v);
    match title {
        Some(t) if !t.is_empty() && lines.get(n).is_none_or(|l| l.ws_trim().is_empty()) => (n, Some(t.to_string())),
        _ => (0, None),
    }
}

/// Front matter at the top: returns (lines it spans, its title).
fn front_matter(lines: &[&str]) -> (usize, Option<String>) {
    let Some(first) = lines.first() else { return (0, None) };
    let (close, sep): (&[&str], char) = match first.ws_trim_end() {
        "---" => (&["---", "..."], ':'),
        "+++" => (&["+++"], '='),
        _ => return bare_front_matter(lines),
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

/// The first line, when it stands alone as the file's title: a title-shaped
/// plain line with a blank line after it, in a file with no level-1 heading
/// of its own (the line plays that part).
fn title_line(lines: &[&str], from: usize) -> Option<usize> {
    let i = (from..lines.len()).find(|&i| !lines[i].ws_trim().is_empty())?;
    let t = lines[i].ws_trim();
    let alone = lines.get(i + 1).is_some_and(|l| l.ws_trim().is_empty());
    let plain =
        !t.starts_with(['#', '>', '|', '<', '`', '~', '!', '[', '*', '_', '=', '-', '+']) && list_marker(t).is_none();
    let h1 = lines.iter().any(|l| {
        atx_heading(l).is_some_and(|(level, _)| level == 1)
            || l.starts_with("===") && l.ws_trim().chars().all(|c| c == '=')
    });
    (alone && plain && !h1 && !t.ends_with(':') && titlelines::is_title_shaped(t)).then_some(i)
}

pub fn parse(lines: &[&str], wrap: Option<usize>) -> Parsed {
    let (mut skip, mut title) = front_matter(lines);
    let mut marks = titlelines::find(lines, skip, |l| atx_heading(l).is_some());
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
    fn hashes_without_a_space_are_headings_but_hashtags_are_not() {
        assert_eq!(atx_heading("##Choose Widgets"), Some((2, "Choose Widgets")));
        assert_eq!(atx_heading("#Widget Talks"), Some((1, "Widget Talks")));
        assert_eq!(atx_heading("#widgets"), None);
        assert_eq!(atx_heading("#include <x.h>"), None);
        assert_eq!(atx_heading("#Widgets #Gadgets"), None);
    }

    #[test]
    fn pictures_and_symbol_rules_are_not_notes() {
        assert_eq!(
            shape("# T\n![a cat](c.jpg)\n[![v](t.png)](http://v)\n\n=====\n\nx\n"),
            vec!["heading T", "  paragraph x"]
        );
    }

    #[test]
    fn key_lines_at_the_top_and_a_lone_first_line_title_the_file() {
        let p = parse(&["title: Widget Talks", "", "## One", "- a"], None);
        assert_eq!(p.title.as_deref(), Some("Widget Talks"));
        assert_eq!(
            crate::outline::block_lines(&p.blocks),
            vec!["heading One", "  bullet a"]
        );
        let p = parse(&["Telling Stories", "", "Outline", "-------", "a"], None);
        assert_eq!(p.title.as_deref(), Some("Telling Stories"));
        let p = parse(&["Telling Stories", "", "# A talk", "a"], None);
        assert_eq!(p.title, None, "an H1 titles the file itself");
    }

    #[test]
    fn title_lines_sit_under_the_heading_blocks_between_rules_above_theirs() {
        assert_eq!(
            shape("# Day\n\nArchitecture\n\n- a\n\n## Next\n- b\n"),
            vec![
                "heading Day",
                "  heading Architecture",
                "    bullet a",
                "  heading Next",
                "    bullet b"
            ]
        );
        assert_eq!(
            shape("Widgets\n\nx\n\nPart\n----\ny\n\n------\n\nGadgets\n\nz\n\n------\n\nSprockets\n"),
            vec![
                "heading Widgets",
                "  paragraph x",
                "  heading Part",
                "    paragraph y",
                "heading Gadgets",
                "  paragraph z",
                "heading Sprockets"
            ]
        );
    }

    #[test]
    fn a_colon_line_holds_the_list_it_introduces() {
        assert_eq!(
            shape("The parts:\n- a\n- b\n\nafter\n"),
            vec!["paragraph The parts:", "  bullet a", "  bullet b", "paragraph after"]
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
