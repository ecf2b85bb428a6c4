//! Plain-text notes: indented outlines, flat bullet lists under unmarked
//! title lines, blog posts copied as text. Nothing is marked up, so structure
//! comes from shape: indentation relative to the parent, blank lines, which
//! lines look like titles, and which titles look like talks.
use super::ws::Ws;

use super::lines::{continues_prose, indent_of, is_decoration, is_link_or_handle, list_marker};
use super::model::{Block, Kind};
use super::signals::{is_speaker_line, para_score, title_score, vocabulary, TALK};
use super::Parsed;

struct Entry<'a> {
    no: u32,
    indent: usize,
    item: bool,
    text: &'a str,
    blank_before: bool,
    /// A `# Title` or `### Title ###` line: a heading whatever its shape.
    explicit: bool,
}

/// A block under construction, with what later passes need to know.
struct Tb {
    b: Block,
    indent: usize,
    /// Byte length of the first source line of the text (before joins).
    key_len: usize,
    /// Byte offset of the last joined line, to test the next continuation.
    tail: usize,
    blank_before: bool,
    explicit: bool,
    /// `title_score` of a heading, when telling it for a title already took it.
    title_score: Option<i32>,
}

fn scan<'a>(lines: &[(u32, &'a str)]) -> Vec<Entry<'a>> {
    let mut out = Vec::with_capacity(lines.len());
    let mut blank = false;
    for &(no, line) in lines {
        let t = line.ws_trim_start();
        if t.is_empty() {
            blank = true;
            continue;
        }
        if is_decoration(t) {
            continue;
        }
        let indent = indent_of(line);
        let (item, text, explicit) = if let Some(h) = explicit_heading(t) {
            (false, h, true)
        } else if let Some(at) = list_marker(t) {
            (true, &t[at..], false)
        } else {
            (false, t, false)
        };
        out.push(Entry {
            no,
            indent,
            item,
            text,
            blank_before: blank,
            explicit,
        });
        blank = false;
    }
    out
}

/// `# Title`, `### Title ###`: Markdown-style headings in a text file.
fn explicit_heading(t: &str) -> Option<&str> {
    let hashes = t.len() - t.trim_start_matches('#').len();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = t[hashes..].strip_prefix(' ')?;
    let title = rest.trim_end_matches('#').ws_trim();
    (!title.is_empty()).then_some(title)
}

/// Could this unmarked line be a title? Titles are short, do not end a
/// sentence, hold words rather than formulas, and are not inline lists.
/// Also hands back the line's `title_score` if it was taken.
fn heading_like(t: &str) -> (bool, Option<i32>) {
    let chars = t.chars().count();
    // The cheap tests first: the score weighs the vocabulary.
    let score = (chars <= 160 && !t.ends_with('.') && !t.contains(". ")).then(|| title_score(t));
    if score.is_some_and(|s| s >= TALK) {
        return (true, score);
    }
    (plain_heading_like(t, chars), score)
}

fn plain_heading_like(t: &str, chars: usize) -> bool {
    // Most lines asked are prose: the substring tests turn them away
    // before the counts, which read every character, are taken.
    let plain = chars <= 120
        && !t.ends_with('.')
        && !t.contains(". ")
        && !t.contains("=>")
        && !t.contains("->")
        && !t.contains(" = ")
        && t.matches(" - ").count() < 2
        && !is_link_or_handle(t);
    if !plain {
        return false;
    }
    let words = || t.split_whitespace().count();
    if (t.contains(", ") && words() > 8) || (t.ends_with(':') && words() > 6) {
        return false;
    }
    let nonspace = t.chars().filter(|c| !c.is_whitespace()).count().max(1);
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    letters * 2 >= nonspace
}

pub fn parse(lines: &[(u32, &str)], wrap: Option<usize>) -> Parsed {
    let entries = scan(lines);
    let mut out = build(&entries, wrap);
    let title = take_title(&mut out);
    if out.iter().any(|t| t.b.kind == Kind::Heading) {
        regroup_headings(&mut out);
    } else {
        sessions_from_blocks(&mut out);
    }
    drop_repeats(&mut out);
    Parsed {
        title,
        blocks: out.into_iter().map(|t| t.b).collect(),
    }
}

fn build(entries: &[Entry], wrap: Option<usize>) -> Vec<Tb> {
    let base = entries.iter().map(|e| e.indent).min().unwrap_or(0);
    let mut out: Vec<Tb> = Vec::with_capacity(entries.len());
    // Open items and paragraphs by indentation, within the current heading.
    let mut list: Vec<usize> = Vec::new();
    let mut in_heading = false;
    for (k, e) in entries.iter().enumerate() {
        let base_depth = u32::from(in_heading);
        let push = |out: &mut Vec<Tb>, depth: u32, kind: Kind| {
            out.push(Tb {
                b: Block::new(depth, kind, e.text, e.no),
                indent: e.indent,
                key_len: e.text.len(),
                tail: 0,
                blank_before: e.blank_before,
                explicit: e.explicit,
                title_score: None,
            })
        };
        if e.explicit {
            push(&mut out, 0, Kind::Heading);
            in_heading = true;
            list.clear();
            continue;
        }
        if e.item {
            while list.last().is_some_and(|&ind| ind >= e.indent) {
                list.pop();
            }
            push(&mut out, base_depth + list.len() as u32, Kind::Bullet);
            list.push(e.indent);
            continue;
        }
        if !e.blank_before {
            if let Some(last) = out
                .last_mut()
                .filter(|l| matches!(l.b.kind, Kind::Bullet | Kind::Paragraph))
            {
                let hanging = e.indent > last.indent;
                if hanging || continues_prose(&last.b.text[last.tail..], e.text, wrap) {
                    last.tail = last.b.text.len() + 1;
                    last.b.text.push(' ');
                    last.b.text.push_str(e.text);
                    continue;
                }
            }
        }
        if e.indent <= base {
            let prev_allows = e.blank_before || k == 0 || out.last().is_some_and(|l| l.b.kind != Kind::Paragraph);
            let next_runs_on = entries.get(k + 1).is_some_and(|n| {
                !n.blank_before && !n.item && n.indent <= e.indent && continues_prose(e.text, n.text, wrap)
            });
            let (like, score) = if prev_allows && !next_runs_on {
                heading_like(e.text)
            } else {
                (false, None)
            };
            if like {
                push(&mut out, 0, Kind::Heading);
                if let Some(h) = out.last_mut() {
                    h.title_score = score;
                }
                in_heading = true;
                list.clear();
                continue;
            }
            list.clear();
            // Prose at the margin holds the indented items after it only when
            // it introduces them (a colon, or no blank line in between);
            // otherwise they belong to the title above, like the prose.
            let introduces = e.text.ends_with(':') || entries.get(k + 1).is_some_and(|n| !n.blank_before);
            if !introduces {
                push(&mut out, base_depth, Kind::Paragraph);
                continue;
            }
        } else {
            while list.last().is_some_and(|&ind| ind >= e.indent) {
                list.pop();
            }
        }
        push(&mut out, base_depth + list.len() as u32, Kind::Paragraph);
        list.push(e.indent);
    }
    out
}

/// Index one past the content of the block at `i` (its subtree).
fn subtree_end(out: &[Tb], i: usize) -> usize {
    let d = out[i].b.depth;
    (i + 1..out.len()).find(|&j| out[j].b.depth <= d).unwrap_or(out.len())
}

/// How strongly the title at `h` reads as a talk: its own words, and the
/// first line under it (a speaker line, a narrative paragraph).
#[derive(Clone, Copy)]
struct HeadingScore {
    title: i32,
    para: i32,
    speaker: bool,
}

impl HeadingScore {
    fn of(out: &[Tb], h: usize) -> Self {
        let first = out
            .get(h + 1)
            .filter(|b| b.b.depth == out[h].b.depth + 1 && !b.b.kind.is_structural());
        let title = out[h].title_score.unwrap_or_else(|| title_score(&out[h].b.text));
        let para = match first {
            Some(b) if title >= 0 && b.b.kind == Kind::Paragraph => para_score(&b.b.text),
            _ => 0,
        };
        let speaker = first.is_some_and(|b| is_speaker_line(&b.b.text, b.b.kind == Kind::Paragraph));
        HeadingScore { title, para, speaker }
    }

    /// `with_content`: let the paragraph under the title count.
    fn score(self, with_content: bool) -> i32 {
        let own = if self.title >= 0 && with_content {
            self.title + self.para
        } else {
            self.title
        };
        own + if self.speaker { TALK } else { 0 }
    }
}

/// The first line is the document's title when it is an explicit heading,
/// or a title-shaped line that is not itself a talk, holds no bullets of its
/// own, and is followed by other headings. Its paragraphs become the preamble.
fn take_title(out: &mut Vec<Tb>) -> Option<String> {
    let first = out.first()?;
    if first.b.kind != Kind::Heading {
        return None;
    }
    let end = subtree_end(out, 0);
    let v = vocabulary();
    let t = &first.b.text;
    let qualifies = first.explicit
        || (HeadingScore::of(out, 0).score(false) < TALK
            && !v.is_group(t)
            && !v.is_program(t)
            && out[1..end].iter().all(|b| b.b.kind == Kind::Paragraph)
            && out[end..].iter().any(|b| b.b.kind == Kind::Heading));
    if !qualifies {
        return None;
    }
    let title = out.remove(0).b.text;
    for b in &mut out[..end - 1] {
        b.b.depth -= 1;
    }
    Some(title)
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Role {
    Session,
    Sub,
    Group,
    Section,
}

/// Gives the flat title lines their levels: talks, their sub-headings, and
/// groups of talks. When any title names a speaker or a keynote, titles are
/// talks only if they score as talks; otherwise every title is a talk except
/// section words ("Notes", "Questions:") and groups ("lightning talks").
fn regroup_headings(out: &mut [Tb]) {
    let v = vocabulary();
    let heads: Vec<usize> = (0..out.len())
        .filter(|&i| out[i].b.kind == Kind::Heading && out[i].b.depth == 0)
        .collect();
    // One stray "by Somebody" must not turn every other title into a sub-heading.
    // Each title is weighed once and read twice, alone and with its content.
    let scores: Vec<HeadingScore> = heads.iter().map(|&h| HeadingScore::of(out, h)).collect();
    let strong = scores.iter().filter(|s| s.score(false) >= TALK).count();
    let signalled = strong >= 2 || (strong > 0 && strong == heads.len());
    let mut seen_session = false;
    let mut group_open = false;
    let mut roles = Vec::with_capacity(heads.len());
    for (n, &h) in heads.iter().enumerate() {
        let end = heads.get(n + 1).copied().unwrap_or(out.len());
        let empty = end == h + 1;
        let text = &out[h].b.text;
        let score = scores[n].score(true);
        let sectionish = v.is_section(text) || text.ends_with(':');
        let role = if empty && v.is_group(text) {
            Role::Group
        } else if v.is_program(text) {
            group_open = false;
            Role::Session
        } else if sectionish || (signalled && score < TALK) {
            if seen_session {
                Role::Sub
            } else {
                Role::Section
            }
        } else {
            Role::Session
        };
        if role == Role::Group {
            group_open = true;
        }
        seen_session |= role == Role::Session;
        roles.push((role, group_open && role != Role::Group));
    }
    for (n, &h) in heads.iter().enumerate() {
        let end = heads.get(n + 1).copied().unwrap_or(out.len());
        let (role, grouped) = roles[n];
        let shift = u32::from(grouped) + u32::from(role == Role::Sub);
        out[h].b.kind = match role {
            Role::Session => Kind::Session,
            Role::Group => Kind::Group,
            Role::Sub | Role::Section => Kind::Heading,
        };
        for b in &mut out[h..end] {
            b.b.depth += shift;
        }
    }
}

/// No titles at all: each blank-line-separated top-level block is a talk
/// named by its first bullet; the block's other bullets are its notes.
fn sessions_from_blocks(out: &mut [Tb]) {
    let mut shifting = false;
    let mut in_session = false;
    for (i, t) in out.iter_mut().enumerate() {
        let top = t.b.depth == 0;
        if top && t.b.kind == Kind::Bullet && (t.blank_before || i == 0 || !in_session) {
            t.b.kind = Kind::Session;
            in_session = true;
            shifting = false;
            continue;
        }
        if top && t.blank_before {
            in_session = false;
            shifting = false;
        }
        if top && in_session {
            shifting = true;
        }
        if shifting {
            t.b.depth += 1;
        }
    }
}

/// Drops a leaf bullet that repeats an earlier bullet's first line within
/// the same talk, after that bullet's subtree: an artefact of copying nested
/// lists (the parent is repeated after its children). The first occurrence
/// keeps its place; a child that happens to read like its parent stays.
fn drop_repeats(out: &mut Vec<Tb>) {
    let mut ends = vec![out.len(); out.len()];
    let mut open: Vec<usize> = Vec::new();
    for (i, b) in out.iter().enumerate() {
        while open.last().is_some_and(|&j| out[j].b.depth >= b.b.depth) {
            ends[open.pop().expect("non-empty")] = i;
        }
        open.push(i);
    }
    let mut keep = vec![true; out.len()];
    // foldhash, not SipHash: a hostile file could at worst slow its own load.
    let mut seen: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
    for i in 0..out.len() {
        let b = &out[i];
        if b.b.kind.is_structural() {
            if b.b.kind != Kind::Heading {
                seen.clear();
            }
            continue;
        }
        if b.b.kind != Kind::Bullet {
            continue;
        }
        let key = &b.b.text[..b.key_len];
        let leaf = ends[i] == i + 1;
        match seen.get(key) {
            Some(&first) if leaf && ends[first] <= i => keep[i] = false,
            Some(_) => {}
            None => {
                seen.insert(key, i);
            }
        }
    }
    let mut k = keep.into_iter();
    out.retain(|_| k.next().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(s: &str) -> Parsed {
        let lines: Vec<(u32, &str)> = s.lines().enumerate().map(|(i, l)| (i as u32 + 1, l)).collect();
        parse(&lines, None)
    }

    fn shape(p: &Parsed) -> Vec<String> {
        p.blocks
            .iter()
            .map(|b| format!("{}{} {}", "  ".repeat(b.depth as usize), b.kind.name(), b.text))
            .collect()
    }

    #[test]
    fn indented_outline_nests_by_relative_columns() {
        let p = parse_str("Talk A\n\n  • one\n      • deep\n    • mid\n  • two\n");
        assert_eq!(
            shape(&p),
            vec![
                "session Talk A",
                "  bullet one",
                "    bullet deep",
                "    bullet mid",
                "  bullet two"
            ]
        );
    }

    #[test]
    fn unmarked_line_after_bullets_is_a_new_title_unless_it_continues() {
        let p =
            parse_str("First Talk by Ann Lee\n- a ( mostly to\nmake sure of it) ok\n- b\nSecond Talk by Bo Ng\n- c\n");
        assert_eq!(
            shape(&p),
            vec![
                "session First Talk by Ann Lee",
                "  bullet a ( mostly to make sure of it) ok",
                "  bullet b",
                "session Second Talk by Bo Ng",
                "  bullet c"
            ]
        );
    }

    #[test]
    fn repeated_leaf_is_kept_once_per_talk() {
        let p = parse_str("Talk (Ann Lee)\n- x\n- y\n- x\nOther (Bo Ng)\n- x\n");
        assert_eq!(
            shape(&p),
            vec![
                "session Talk (Ann Lee)",
                "  bullet x",
                "  bullet y",
                "session Other (Bo Ng)",
                "  bullet x"
            ]
        );
    }

    #[test]
    fn blocks_without_titles_become_talks_named_by_first_bullet() {
        let p = parse_str("- alpha\n  - a1\n- beta\n\n- gamma\n- delta\n");
        assert_eq!(
            shape(&p),
            vec![
                "session alpha",
                "  bullet a1",
                "  bullet beta",
                "session gamma",
                "  bullet delta"
            ]
        );
    }

    #[test]
    fn first_title_line_names_the_document() {
        let p = parse_str("My Conference 2020\n\nFirst talk\n\n- a\n\nSecond talk\n\n- b\n");
        assert_eq!(p.title.as_deref(), Some("My Conference 2020"));
        assert_eq!(
            shape(&p),
            vec!["session First talk", "  bullet a", "session Second talk", "  bullet b"]
        );
    }

    #[test]
    fn empty_group_title_holds_the_talks_after_it_until_a_programme_item() {
        let p = parse_str("Conf\n\nlightning talks\n\none\n\n- a\n\ntwo\n\n- b\n\noutro\n\n- c\n");
        assert_eq!(
            shape(&p),
            vec![
                "group lightning talks",
                "  session one",
                "    bullet a",
                "  session two",
                "    bullet b",
                "session outro",
                "  bullet c"
            ]
        );
    }

    #[test]
    fn with_speakers_other_titles_are_sub_headings() {
        let p = parse_str(
            "Recap\n\nIntro para.\n\nBig Talk (Ann Lee)\n\nNotes\n\nIdeas\n\n  • x\n\nAnother Talk (Bo Ng)\n\n  • y\n",
        );
        assert_eq!(
            shape(&p),
            vec![
                "paragraph Intro para.",
                "session Big Talk (Ann Lee)",
                "  heading Notes",
                "  heading Ideas",
                "    bullet x",
                "session Another Talk (Bo Ng)",
                "  bullet y"
            ]
        );
    }

    #[test]
    fn a_speaker_line_under_a_bare_title_makes_it_a_talk() {
        let p = parse_str("Conf 2024\n\nDay 1\n\nFirst thing\n- Speaker: Ann Lee\n- a\n\nSecond (Bo Ng)\n- b\n\nThird by Cy Dee\n- c\nLinks:\n- d\n");
        assert_eq!(
            shape(&p),
            vec![
                "group Day 1",
                "  session First thing",
                "    bullet Speaker: Ann Lee",
                "    bullet a",
                "  session Second (Bo Ng)",
                "    bullet b",
                "  session Third by Cy Dee",
                "    bullet c",
                "    heading Links:",
                "      bullet d"
            ]
        );
    }

    #[test]
    fn prose_keeps_the_list_after_it_only_when_it_introduces_it() {
        let p = parse_str("Talk\n\nSome prose here.\n\n  - a\n\nThese are the tools they used for it:\n  - b\n");
        assert_eq!(
            shape(&p),
            vec![
                "session Talk",
                "  paragraph Some prose here.",
                "  bullet a",
                "  paragraph These are the tools they used for it:",
                "    bullet b"
            ]
        );
    }

    #[test]
    fn prose_lines_are_paragraphs_not_titles() {
        let p = parse_str("Title Here\n\nThis is a sentence. And another one.\n\nh(S, O) = W\n");
        assert!(
            p.blocks.iter().filter(|b| b.kind == Kind::Paragraph).count() == 2,
            "{:?}",
            shape(&p)
        );
    }
}
