//! Title lines that no markup marks: the shapes people give a talk's title
//! when they write it as a plain line. Each test reads a line and the lines
//! around it; `find` marks the titles of a file's lines once, for the
//! Markdown reader (and any line format) to open a title there.

use super::evidence::{is_numbered_talk, is_speaker_note, titled_as_talk};
use super::lines::{continues_prose, ends_sentence, indent_of, is_link_or_handle, list_marker};
use super::ws::Ws;

/// The rank given to a title line that is not the first of a block between
/// rules: below those (ranks 0..3, by rule), above nothing but its notes.
pub const LINE_RANK: u8 = 4;

/// Could this line be a title at all? Short, words rather than symbols, not
/// a sentence, a link or a list item.
pub fn is_title_shaped(t: &str) -> bool {
    let t = t.ws_trim();
    let n = t.chars().count();
    if !(2..=100).contains(&n) || (ends_sentence(t) && !t.ends_with(['?', '!'])) {
        return false;
    }
    if t.ends_with([',', ';', '(']) || t.contains(". ") || is_link_or_handle(t) || list_marker(t).is_some() {
        return false;
    }
    if t.split_whitespace().count() > 16 {
        return false;
    }
    let nonspace = t.chars().filter(|c| !c.is_whitespace()).count();
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    letters * 2 >= nonspace
}

/// A line with text that no block markup claims (heading, list, quote,
/// code fence, table, HTML).
fn is_plain(line: &str) -> bool {
    let t = line.ws_trim_start();
    !t.is_empty()
        && indent_of(line) <= 3
        && !t.starts_with(['#', '>', '|', '<', '`', '~', '!', '['])
        && list_marker(t).is_none()
}

/// The words of a line that is one link and nothing else, in Markdown
/// (`[Title](url)`) or org (`[[url][Title]]`): a talk's title linked to its
/// page or video. The line is kept as written (the inline pass renders it).
pub fn link_text(t: &str) -> Option<&str> {
    let t = t.ws_trim();
    let text = if let Some(org) = t.strip_prefix("[[").and_then(|r| r.strip_suffix("]]")) {
        org.split_once("][")?.1
    } else {
        let (text, url) = t.strip_prefix('[')?.split_once("](")?;
        let url = url.strip_suffix(')')?;
        if url.is_empty() || url.contains([' ', '(', ')']) {
            return None;
        }
        text
    };
    (!text.is_empty() && !text.contains(['[', ']'])).then_some(text)
}

/// The text of a quoted line without its `>` markers.
pub fn unquote(t: &str) -> &str {
    let mut s = t.ws_trim_start();
    while let Some(rest) = s.strip_prefix('>') {
        s = rest.ws_trim_start();
    }
    s
}

fn blank(lines: &[&str], i: usize) -> bool {
    lines.get(i).is_none_or(|l| l.ws_trim_start().is_empty())
}

/// `ALL CAPS TITLE`: four or more letters, every one a capital.
pub fn is_all_caps(t: &str) -> bool {
    let letters = t.chars().filter(|c| c.is_alphabetic());
    letters.clone().count() >= 4 && letters.clone().all(char::is_uppercase) && t.split_whitespace().count() >= 2
}

/// "Ann Lee: Building Things": a speaker's name, a colon, then the title.
fn speaker_colon_title(t: &str) -> bool {
    t.split_once(": ")
        .is_some_and(|(who, what)| super::names::is_name(who.ws_trim(), 3) && is_title_shaped(what))
}

/// The line's own words say it titles a talk: a number ("Talk 3: ..."), a
/// speaker ("Title - Ann Lee", "Ann Lee: Title", "Title by Ann"), a keynote.
pub fn names_a_talk(t: &str) -> bool {
    is_numbered_talk(t) || titled_as_talk(t) || speaker_colon_title(t)
}

/// Does a block of lines starting at `i` (up to a blank line) close with a
/// line naming its speaker within its first five lines ("Ann Lee @ann",
/// "Speaker: Ann Lee")? Then its first line is the talk's title, followed
/// by the speaker's bio.
fn speaker_closes_block(lines: &[&str], i: usize) -> bool {
    (i + 1..lines.len().min(i + 6))
        .take_while(|&j| !blank(lines, j))
        .any(|j| is_speaker_note(unquote(lines[j]), false))
}

/// A quoted block of two or more lines whose first line is title-shaped
/// (a title, then the speaker's bio, quoted as one).
fn is_quote_title(lines: &[&str], i: usize) -> bool {
    let t = lines[i].ws_trim_start();
    if !t.starts_with('>') {
        return false;
    }
    let first = unquote(t);
    // A quotation ("...) or a sentence running on is quoted prose.
    let next = lines
        .get(i + 1)
        .map(|n| n.ws_trim_start())
        .filter(|n| n.starts_with('>'));
    next.is_some_and(|n| !unquote(n).is_empty() && !continues_prose(first, unquote(n), None))
        && !first.starts_with(['"', '“', '\''])
        && is_title_shaped(first)
}

/// The title lines among `lines[from..]`, as a rank per line (see
/// `LINE_RANK`); lines inside code fences are never titles. `is_heading`
/// tells the format's own heading lines: a line right under one starts a
/// block as a line after a blank does.
pub fn find(lines: &[&str], from: usize, is_heading: impl Fn(&str) -> bool) -> Vec<Option<u8>> {
    let mut marks = vec![None; lines.len()];
    // The rules between blocks, gathered in the same pass.
    let mut rules = super::rules::Rules::default();
    let starts_block = |i: usize| blank(lines, i.wrapping_sub(1)) || is_heading(lines[i - 1]);
    // Quoted title blocks, marked at the end if the shape recurs.
    let mut quotes: Vec<usize> = Vec::new();
    for (i, t) in super::rules::outside_code(lines, from) {
        rules.see(lines, from, i, t);
        // Most lines are list items or prose inside a block: the cheap
        // tests (what the line above is) turn them away before the line
        // itself is read.
        if !starts_block(i) {
            continue;
        }
        let t = t.ws_trim_end();
        let quoted = t.starts_with('>');
        let linked = if quoted { None } else { link_text(t) };
        if !(quoted || linked.is_some() || is_plain(lines[i])) {
            continue;
        }
        if quoted && is_quote_title(lines, i) {
            quotes.push(i);
        }
        // A linked line is weighed by its words.
        let text = linked.unwrap_or_else(|| unquote(t));
        if !is_title_shaped(text) {
            continue;
        }
        let next = lines.get(i + 1).map(|l| l.ws_trim_start());
        let list_follows = next.is_some_and(|n| list_marker(n).is_some())
            || (blank(lines, i + 1)
                && lines
                    .get(i + 2)
                    .is_some_and(|n| list_marker(n.ws_trim_start()).is_some()));
        let alone = blank(lines, i + 1);
        let title = if speaker_closes_block(lines, i) {
            true
        } else if quoted {
            false
        } else if list_follows {
            // "Devops:" introduces its list; "Architecture" titles it; a
            // lowercase line of many words is a note.
            let capital = text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
            !text.ends_with(':') && text.chars().count() <= 60 && (capital || text.split_whitespace().count() <= 3)
        } else {
            alone && (is_all_caps(text) || names_a_talk(text))
        };
        if title {
            marks[i] = Some(LINE_RANK);
        }
    }
    // Quoted titles count when the shape recurs: one quote is a quote.
    if quotes.len() >= 2 {
        for &i in &quotes {
            marks[i] = Some(LINE_RANK);
        }
    }
    // The first line of a block between rules takes the rule's rank.
    for (m, b) in marks.iter_mut().zip(rules.block_titles(lines, from)) {
        if b.is_some() {
            *m = b;
        }
    }
    marks
}

/// Which of `lines` (a Markdown file, or org when `org`) the loader reads
/// as title lines: for a writer that must say a plain line is a paragraph.
pub fn read_as_titles(lines: &[&str], org: bool) -> Vec<bool> {
    let marks = if org {
        find(lines, 0, |l| l.starts_with('*') && super::org::headline(l).is_some())
    } else {
        find(lines, 0, |l| {
            l.ws_trim_start().starts_with('#') && super::markdown::atx_heading(l).is_some()
        })
    };
    marks.into_iter().map(|m| m.is_some()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(src: &str) -> Vec<&str> {
        let lines: Vec<&str> = src.lines().collect();
        let marks = find(&lines, 0, |l| l.starts_with('#'));
        (0..lines.len())
            .filter(|&i| marks[i].is_some())
            .map(|i| unquote(lines[i]))
            .collect()
    }

    #[test]
    fn a_short_line_over_a_list_titles_it_a_colon_introduces_it() {
        assert_eq!(
            titles("Architecture\n\n* a\n* b\n\nWhy\n* c\n\nThe parts:\n- d\n"),
            vec!["Architecture", "Why"]
        );
        assert!(titles("A full sentence that ends here.\n- x\n").is_empty());
        assert!(titles("a long lowercase note about the talk\n- x\n").is_empty());
    }

    #[test]
    fn a_block_closed_by_its_speaker_opens_with_the_title() {
        let src = "Keynote: Faster Widgets\nAnn is a widget maker who also\nwrites books about them.\nAnn Lee @annlee\n\n- a note\n";
        assert_eq!(titles(src), vec!["Keynote: Faster Widgets"]);
    }

    #[test]
    fn quoted_titles_count_when_they_recur() {
        let one = "> Widgets at scale\n> Bo builds widgets.\n\nnotes\n";
        assert!(titles(one).is_empty());
        let two = format!("{one}\n> Gadgets now\n> Cy makes gadgets.\n\nmore\n");
        assert_eq!(titles(&two), vec!["Widgets at scale", "Gadgets now"]);
        let quotations = "> \"Never wait forever for a reply that\n> may not come.\"\n\nx\n\n> Slow is smooth\n> and smooth is fast\n";
        assert!(titles(quotations).is_empty());
    }

    #[test]
    fn caps_numbered_and_speaker_lines_standing_alone() {
        let src = "WIDGETS IN PRACTICE\n\nnotes\n\nTalk 3: Gadgets\n\nnotes\n\nScaling Things - Ann Lee\n\nnotes\n\nAnn Lee: Fast Gadgets\n\nx\n\nA plain line\n\ny\n";
        assert_eq!(
            titles(src),
            vec![
                "WIDGETS IN PRACTICE",
                "Talk 3: Gadgets",
                "Scaling Things - Ann Lee",
                "Ann Lee: Fast Gadgets"
            ]
        );
    }

    #[test]
    fn a_line_right_under_a_heading_starts_a_block() {
        assert_eq!(titles("## A talk\nArchitecture\n- a\n"), vec!["Architecture"]);
        assert!(titles("some words\nArchitecture\n- a\n").is_empty());
    }

    #[test]
    fn a_link_alone_over_a_list_titles_it() {
        let src = "[Widgets at Scale](http://x.org/a)\n\n- a\n\n[[http://x.org/b][Gadgets Now]]\n- b\n\n[see here](http://x.org) for more\n- c\n";
        assert_eq!(
            titles(src),
            vec!["[Widgets at Scale](http://x.org/a)", "[[http://x.org/b][Gadgets Now]]"]
        );
        assert_eq!(link_text("[Widgets](http://x.org)"), Some("Widgets"));
        assert_eq!(link_text("[a](b c)"), None);
        assert_eq!(link_text("[[x][]]"), None);
    }

    #[test]
    fn code_is_never_a_title() {
        assert!(titles("```\nTalk 3: Gadgets\n\n- x\n```\n").is_empty());
    }
}
