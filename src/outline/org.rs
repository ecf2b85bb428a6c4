//! org-mode notes: `*` headlines at any depth (keywords, priorities and tags
//! are not part of the title; an empty headline is kept, untitled), `#+TITLE`,
//! other `#+` lines and drawers are not content, `#+BEGIN_SRC` blocks are code,
//! plain lists under headlines, and unmarked title lines in a headline's body
//! (`titlelines`: "Architecture" over its list) as in Markdown.

use super::body::Body;
use super::lines::{indent_of, is_rule, list_marker};
use super::titlelines;
use super::ws::Ws;
use super::Parsed;

const KEYWORDS: &[&str] = &[
    "TODO",
    "DONE",
    "NEXT",
    "WAITING",
    "WAIT",
    "HOLD",
    "STARTED",
    "CANCELLED",
    "CANCELED",
    "IN-PROGRESS",
    "SOMEDAY",
];

/// `** TODO [#A] Title :tag:` -> (2, "Title").
pub fn headline(line: &str) -> Option<(usize, &str)> {
    let level = line.len() - line.trim_start_matches('*').len();
    if level == 0 {
        return None;
    }
    let rest = &line[level..];
    if !rest.is_empty() && !rest.starts_with(' ') {
        return None;
    }
    let mut t = rest.ws_trim();
    if let Some((first, after)) = t.split_once(' ').or(Some((t, ""))) {
        if KEYWORDS.contains(&first) {
            t = after.ws_trim_start();
        }
    }
    if t.starts_with("[#") && t.get(3..4) == Some("]") {
        t = t[4..].ws_trim_start();
    }
    if let Some(i) = t.rfind(' ') {
        let tail = &t[i + 1..];
        if tail.len() > 2
            && tail.starts_with(':')
            && tail.ends_with(':')
            && !tail.contains("://")
            && tail[1..tail.len() - 1]
                .split(':')
                .all(|g| !g.is_empty() && g.chars().all(|c| c.is_alphanumeric() || "_@#%".contains(c)))
        {
            t = t[..i].ws_trim_end();
        }
    } else if t.len() > 2 && t.starts_with(':') && t.ends_with(':') && !t.contains(' ') {
        t = "";
    }
    Some((level, t))
}

fn keyword(t: &str) -> Option<(String, &str)> {
    let rest = t.strip_prefix("#+")?;
    let end = rest.find([':', ' ']).unwrap_or(rest.len());
    let value = rest[end..].strip_prefix(':').unwrap_or(&rest[end..]);
    Some((rest[..end].to_ascii_uppercase(), value.ws_trim()))
}

pub fn parse(lines: &[&str], wrap: Option<usize>) -> Parsed {
    let marks = titlelines::find(lines, 0, |l| l.starts_with('*') && headline(l).is_some());
    let mut body = Body::new(wrap);
    let mut title = None;
    // Inside `#+BEGIN_x`: Some(is_code, end marker).
    let mut block: Option<(bool, String)> = None;
    let mut in_drawer = false;
    for (i, &line) in lines.iter().enumerate() {
        let no = i as u32 + 1;
        let t = line.ws_trim_start();
        let indent = indent_of(line);
        if let Some((is_code, end)) = &block {
            if t.to_ascii_uppercase().starts_with(end.as_str()) {
                block = None;
            } else if *is_code {
                body.code(indent.min(body.list_indent().map_or(0, |i| i + 1)), t, no);
            } else if !t.is_empty() {
                body.text(indent, t, no);
            }
            continue;
        }
        if in_drawer {
            in_drawer = !t.eq_ignore_ascii_case(":END:");
            continue;
        }
        if t.is_empty() {
            body.blank();
            continue;
        }
        if let Some((level, text)) = (indent == 0).then(|| headline(line)).flatten() {
            body.heading(level, text, no);
            continue;
        }
        if let Some((k, v)) = keyword(t) {
            if k == "TITLE" && title.is_none() && !v.is_empty() {
                title = Some(v.to_string());
            } else if let Some(kind) = k.strip_prefix("BEGIN_") {
                let code = matches!(kind, "SRC" | "EXAMPLE" | "EXPORT" | "VERSE");
                block = Some((code, format!("#+END_{kind}")));
            }
            continue;
        }
        if t.starts_with("# ") || t == "#" {
            continue;
        }
        if t.len() > 2
            && t.starts_with(':')
            && t.ends_with(':')
            && t[1..t.len() - 1].chars().all(|c| c.is_ascii_uppercase() || c == '_')
        {
            in_drawer = true;
            continue;
        }
        if ["SCHEDULED:", "DEADLINE:", "CLOSED:"].iter().any(|p| t.starts_with(p)) {
            continue;
        }
        if is_rule(t) {
            body.end_lists();
            continue;
        }
        let in_list = body.list_indent().is_some_and(|li| indent > li);
        if let Some(rank) = marks[i].filter(|_| indent <= 3 && !in_list) {
            if rank < titlelines::LINE_RANK {
                body.block_title(rank, t.ws_trim_end(), no);
            } else {
                body.title_line(t.ws_trim_end(), no);
            }
            continue;
        }
        if let Some(at) = list_marker(t) {
            body.item(indent, &t[at..], no);
            continue;
        }
        if t.starts_with('|') {
            body.code(indent, t, no);
            continue;
        }
        body.text(indent, t, no);
    }
    Parsed {
        title,
        blocks: body.blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(src: &str) -> (Option<String>, Vec<String>) {
        let lines: Vec<&str> = src.lines().collect();
        let p = parse(&lines, None);
        (p.title, crate::outline::block_lines(&p.blocks))
    }

    #[test]
    fn headline_parts() {
        assert_eq!(headline("** TODO [#A] Write it :work:urgent:"), Some((2, "Write it")));
        assert_eq!(headline("* DONE Ship"), Some((1, "Ship")));
        assert_eq!(headline("**"), Some((2, "")));
        assert_eq!(headline("*bold* text"), None);
        assert_eq!(headline("* TODOS are fine"), Some((1, "TODOS are fine")));
    }

    #[test]
    fn keywords_drawers_and_source_blocks() {
        let (title, s) = shape(
            "#+TITLE: Conf Notes\n#+AUTHOR: me\n* Talk\n:PROPERTIES:\n:ID: x\n:END:\n- point\n  - sub\n#+BEGIN_SRC python\n* not a headline\n#+END_SRC\n** Q&A\nanswer\n",
        );
        assert_eq!(title.as_deref(), Some("Conf Notes"));
        assert_eq!(
            s,
            vec![
                "heading Talk",
                "  bullet point",
                "    bullet sub",
                "  code * not a headline",
                "  heading Q&A",
                "    paragraph answer"
            ]
        );
    }

    #[test]
    fn a_short_line_over_a_list_in_a_headline_titles_it() {
        let (_, s) = shape("* Widgets at Scale\nArchitecture\n- a\n\nThe parts:\n- b\n\nWhy it matters\n- c\n");
        assert_eq!(
            s,
            vec![
                "heading Widgets at Scale",
                "  heading Architecture",
                "    bullet a",
                "    paragraph The parts:",
                "      bullet b",
                "  heading Why it matters",
                "    bullet c"
            ]
        );
    }

    #[test]
    fn empty_headlines_are_kept() {
        let (_, s) = shape("* A\n**\n** B\n");
        assert_eq!(s, vec!["heading A", "  heading ", "  heading B"]);
    }
}
