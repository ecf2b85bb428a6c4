//! Which format a file holds, from its content (the extension only breaks
//! ties): a `.txt` may hold Markdown and an `.org` may be plain lines.

use super::asciidoc;
use super::lines::is_decoration;
use super::markdown::{atx_heading, bold_title};
use super::model::Format;
use super::org;
use super::rst;
use super::ws::Ws;

/// Which line format (org, Markdown, rst, AsciiDoc or plain text) a file's
/// lines hold; OPML is told apart before the text is split
/// (`opml::looks_like`).
pub fn detect(lines: &[&str], ext: Option<&str>) -> Format {
    let ext = ext.map(|e| e.to_ascii_lowercase());
    // These extensions name formats no other would be written in.
    match ext.as_deref() {
        Some("rst" | "rest") => return Format::Rst,
        Some("adoc" | "asciidoc") => return Format::Asciidoc,
        _ => {}
    }
    let (mut org_deep, mut org_top, mut org_keys) = (0, 0, 0);
    let (mut atx, mut setext, mut fences, mut bold) = (0, 0, 0, 0);
    for (i, line) in lines.iter().enumerate() {
        // Every sign below starts with one of these (after indentation);
        // most lines start with none, and are passed over at once, before
        // the cost of trimming their ends.
        if !matches!(
            line.ws_trim_start().as_bytes().first(),
            Some(b'*' | b'#' | b'`' | b'~' | b'=' | b'-' | b'_')
        ) {
            continue;
        }
        let t = line.ws_trim();
        let lead = t.as_bytes()[0];
        // Each test below needs its own lead byte: a '- item' line (most of
        // those that get here) is asked none of them.
        if let Some((level, title)) = line.starts_with('*').then(|| org::headline(line)).flatten() {
            if !title.is_empty() || level > 1 {
                if level > 1 {
                    org_deep += 1;
                } else {
                    org_top += 1;
                }
            }
        }
        if lead == b'#'
            && t.starts_with("#+")
            && t[2..]
                .split(':')
                .next()
                .is_some_and(|k| !k.is_empty() && k.chars().all(|c| c.is_ascii_alphabetic() || c == '_'))
        {
            org_keys += 1;
        }
        if let Some((_, title)) = (lead == b'#').then(|| atx_heading(line)).flatten() {
            let banner = |j: Option<&&str>| j.is_some_and(|l| is_decoration(l));
            let in_banner = banner(i.checked_sub(1).and_then(|j| lines.get(j))) || banner(lines.get(i + 1));
            if !title.is_empty() && !in_banner {
                atx += 1;
            }
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            fences += 1;
        }
        if i > 0 && !t.is_empty() && (t.chars().all(|c| c == '=') || (t.len() >= 3 && t.chars().all(|c| c == '-'))) {
            let above = lines[i - 1].ws_trim();
            let before = if i >= 2 { lines[i - 2].ws_trim() } else { "" };
            if !above.is_empty() && before.is_empty() && !above.starts_with(['-', '*', '+', '#']) {
                setext += 1;
            }
        }
        if matches!(lead, b'*' | b'_') && bold_title(t).is_some() {
            bold += 1;
        }
    }
    let is_org_ext = ext.as_deref() == Some("org");
    if org_keys >= 2
        || (org_deep >= 1 && org_top >= 1 && atx == 0)
        || (is_org_ext && (org_top + org_deep + org_keys) > 0)
    {
        return Format::Org;
    }
    let front = matches!(lines.first().map(|l| l.ws_trim_end()), Some("---" | "+++"))
        && lines
            .iter()
            .skip(1)
            .take(200)
            .any(|l| matches!(l.ws_trim_end(), "---" | "+++" | "..."));
    // Underlines in Markdown's two characters alone stay Markdown; other
    // adornments and directives are rst's, in a file not named for another
    // format.
    let named = matches!(ext.as_deref(), Some("md" | "markdown" | "mdown" | "mkd" | "org"));
    if atx == 0 && fences < 2 && !front && !named {
        if rst::looks_like(lines) {
            return Format::Rst;
        }
        if asciidoc::looks_like(lines) {
            return Format::Asciidoc;
        }
    }
    if atx >= 1 || setext >= 1 || fences >= 2 || front || bold >= 2 {
        return Format::Markdown;
    }
    Format::Text
}

#[cfg(test)]
mod tests {
    use super::super::{lines, opml};
    use super::*;

    fn detect(text: &str, ext: Option<&str>) -> Format {
        if opml::looks_like(text) {
            return Format::Opml;
        }
        super::detect(&lines::split(text).collect::<Vec<_>>(), ext)
    }

    #[test]
    fn content_decides_over_extension() {
        assert_eq!(detect("# Talk\n- a\n", Some("txt")), Format::Markdown);
        assert_eq!(detect("Talk\n- a\n", Some("md")), Format::Text);
        assert_eq!(detect("Title\n-----\n\n* a\n", None), Format::Markdown);
        assert_eq!(detect("* Talk\n** Part\n- a\n", Some("txt")), Format::Org);
        assert_eq!(detect("#+TITLE: x\n#+AUTHOR: y\nplain\n", None), Format::Org);
        assert_eq!(detect("plain lines\nonly\n", Some("org")), Format::Text);
        assert_eq!(
            detect("<?xml version='1.0'?>\n<opml><body/></opml>", Some("txt")),
            Format::Opml
        );
    }

    #[test]
    fn rst_and_asciidoc_by_extension_and_by_content() {
        for (ext, format) in [
            ("rst", Format::Rst),
            ("REST", Format::Rst),
            ("adoc", Format::Asciidoc),
            ("asciidoc", Format::Asciidoc),
        ] {
            assert_eq!(detect("plain\n", Some(ext)), format, "{ext}");
        }
        let rst = "=====\nTitle\n=====\n\nPart\n~~~~\n\ntext\n";
        assert_eq!(detect(rst, None), Format::Rst);
        assert_eq!(detect(rst, Some("txt")), Format::Rst);
        // A file named Markdown is never read as rst.
        assert_eq!(detect(rst, Some("md")), Format::Text);
        let adoc = "= Notes\n:toc:\n\n== Talk\n\n* a\n";
        assert_eq!(detect(adoc, None), Format::Asciidoc);
        assert_eq!(detect(adoc, Some("md")), Format::Text);
    }

    #[test]
    fn a_banner_box_is_not_markdown() {
        let s = "#########\n### Selling Things ###\n#########\n\nCase\n\t- a\n";
        assert_eq!(detect(s, Some("txt")), Format::Text);
    }

    #[test]
    fn markdown_star_bullets_are_not_org_headlines() {
        assert_eq!(detect("Notes\n=====\n\n* a\n* b\n  * c\n", None), Format::Markdown);
        assert_eq!(detect("* a\n* b\n", None), Format::Text);
    }
}
