//! Which title lines are talks: each title weighed by its own words and
//! the first line under it, then given its level (talk, sub-heading, group
//! of talks, the document's own title).

use super::{subtree_end, Tb};
use crate::outline::lines::is_link_or_handle;
use crate::outline::model::Kind;
use crate::outline::signals::{is_speaker_line, para_score, title_score, TALK};
use crate::outline::vocabulary::vocabulary;

/// Could this unmarked line be a title? Titles are short, do not end a
/// sentence, hold words rather than formulas, and are not inline lists.
/// Also hands back the line's `title_score` if it was taken.
pub(super) fn heading_like(t: &str) -> (bool, Option<i32>) {
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
pub(super) fn take_title(out: &mut Vec<Tb>) -> Option<String> {
    let first = out.first()?;
    if first.b.kind != Kind::Heading || first.over_notes {
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
pub(super) fn regroup_headings(out: &mut [Tb]) {
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
pub(super) fn sessions_from_blocks(out: &mut [Tb]) {
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
