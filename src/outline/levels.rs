//! Where the talks sit, decided level by level from the top: each heading
//! leans towards talk or group by its own words and by what it holds (its
//! sub-headings read as talks, or as parts of one talk), and the siblings
//! of a level vote, so a heading with no evidence of its own takes the
//! role of its level. Below a talk every heading is a sub-heading.

use super::dates::is_date;
use super::evidence::{
    intro_says_talk, is_label, is_labelled_link, is_person, is_speaker_note, is_toc_line, names_event,
};
use super::lines::is_link_or_handle;
use super::model::{Block, Kind};
pub use super::recurring::{recurring, Recurring};
use super::tree::Tree;
use super::vocabulary::vocabulary;

/// What a heading's own evidence says it is; a strength of 3 decides
/// alone, 2 and 1 are weighed with its siblings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Lean {
    Group(u8),
    Talk(u8),
    /// A speaker's part of a bigger session (a panellist, a tutorial
    /// segment): a person's name over parts of a talk.
    Segment,
    /// Not content: an empty "Live talks:", a date, a group word.
    Label,
    /// Beside the talks, not one: "Notes", a table of contents.
    Aside,
    /// Nothing either way: an empty heading takes its level's role.
    Open,
}

/// A heading's talk evidence from its title and its first note.
pub fn talk_signal(tree: &Tree, blocks: &[Block], h: usize) -> u8 {
    if tree.titled(blocks, h) {
        return 3;
    }
    // The speaker, their handle or the slides among the first notes.
    let first = tree.first_note(blocks, h);
    let lead = first.into_iter().chain(tree.notes_of(h).skip(1).take(2));
    let meta = |i: usize| {
        let b = &blocks[i];
        let first_para = Some(i) == first && b.kind == Kind::Paragraph;
        is_speaker_note(&b.text, first_para) || (b.kind == Kind::Bullet && is_labelled_link(&b.text))
    };
    if lead.into_iter().any(meta) {
        return 3;
    }
    match first.map(|i| &blocks[i]) {
        Some(b) if b.kind == Kind::Paragraph && intro_says_talk(&b.text) => 2,
        _ => 0,
    }
}

/// Whether the sub-headings `kids` (with their leans) read as a programme:
/// a group among them, or two or more talks with evidence of their own.
pub fn is_programme(kids: &[usize], lean: &[Lean]) -> bool {
    let groups = kids
        .iter()
        .filter(|&&k| matches!(lean[k], Lean::Group(s) if s >= 2))
        .count();
    let talks = kids
        .iter()
        .filter(|&&k| matches!(lean[k], Lean::Talk(s) if s >= 2))
        .count();
    let strong = kids.iter().filter(|&&k| lean[k] == Lean::Talk(3)).count();
    groups >= 1 || talks >= 2 || (strong >= 1 && strong * 2 >= kids.len())
}

/// Whether heading `h` holds sub-headings that weigh in the talk decision:
/// title lines with no evidence of their own (`Lean::Open`) are topics of
/// whatever holds them, as its notes are, so a heading over only those is
/// weighed as one over notes. (Not a group by its words with no notes of
/// its own, "Day 1" over title lines: those are its talks.)
fn holds_headings(tree: &Tree, blocks: &[Block], lean: &[Lean], h: usize) -> bool {
    tree.heads[h]
        .kids
        .iter()
        .any(|&k| !(lean[k] == Lean::Open && blocks[tree.heads[k].at].title_line))
}

/// Every heading's lean, children before parents.
pub fn leans(tree: &Tree, blocks: &[Block], recur: Option<Recurring>) -> Vec<Lean> {
    let v = vocabulary();
    let recur = recur.unwrap_or_else(|| recurring(tree, blocks));
    let mut lean = vec![Lean::Open; tree.heads.len()];
    // `branches[h]`: some heading in h's subtree (h too) holds two or more
    // sub-headings. Children come after their parents, so it is known for
    // the kids before their parent is read.
    let mut branches = vec![false; tree.heads.len()];
    for h in (0..tree.heads.len()).rev() {
        let head = &tree.heads[h];
        branches[h] = head.kids.len() >= 2 || head.kids.iter().any(|&k| branches[k]);
        let text = blocks[head.at].text.as_str();
        // A table of contents: notes that mostly link to anchors in the
        // file, from its first lines on (past a table's header and rule);
        // the rest are counted only then, as most headings hold notes.
        let is_toc = |i: usize| is_toc_line(&blocks[i].text);
        let toc = || {
            tree.notes_of(h).take(3).any(is_toc) && tree.notes_of(h).filter(|&i| is_toc(i)).count() * 2 >= head.notes
        };
        // A recurring sub-heading is a part, unless it holds talks (the
        // "Talks" and "Workshops" of each day are groups).
        let part = recur.parts.contains(&tree.key(blocks, h))
            && head
                .kids
                .iter()
                .all(|&k| matches!(lean[k], Lean::Aside | Lean::Label | Lean::Open));
        lean[h] = if part || tree.section(blocks, h) || toc() {
            Lean::Aside
        } else if tree.is_empty(h) || (head.end - head.at <= 4 && is_date(text)) {
            // A date over a line or two (an agenda item) marks a day.
            if is_label(text) || names_event(text) {
                Lean::Label
            } else {
                Lean::Open
            }
        } else if !(holds_headings(tree, blocks, &lean, h) || (head.notes == 0 && v.is_group(text))) {
            // "Lightning talks" noted as one block of bullets is one talk's
            // worth of notes, not a group.
            let grouped = if v.is_group(text) { 2 } else { 1 };
            // A question or a label is a part by its words, whatever its notes say.
            let signal = if tree.part_title(blocks, h) {
                0
            } else {
                talk_signal(tree, blocks, h)
            };
            if blocks[head.at].title_line && signal < 2 && grouped < 2 {
                // A title line with no talk evidence of its own ("Architecture"
                // over a list) takes the role of its level: a talk among
                // talks, a topic inside a talk.
                Lean::Open
            } else {
                Lean::Talk(signal.max(grouped))
            }
        } else {
            container(tree, blocks, h, &lean, branches[h])
        };
    }
    lean
}

/// Notes that carry content rather than set the scene (not a link, a date
/// or a table row): three of them make a heading's own notes more than an
/// intro.
pub fn substantial(blocks: &[Block], notes: impl Iterator<Item = usize>) -> bool {
    notes
        .filter(|&i| {
            let b = &blocks[i];
            b.kind != Kind::Code && !is_link_or_handle(&b.text) && !is_date(&b.text)
        })
        .nth(2)
        .is_some()
}

/// Whether heading `h`'s subtree holds notes or ends within two levels:
/// a talk over its notes, or over parts that hold them. A chain of single
/// sub-headings runs on much further before its first note.
fn ends_soon(tree: &Tree, h: usize) -> bool {
    let soon = |k: usize| tree.heads[k].notes > 0 || tree.heads[k].kids.is_empty();
    soon(h) || tree.heads[h].kids.iter().any(|&k| soon(k))
}

/// The lean of a heading that holds sub-headings; `branches`: somewhere
/// in what it holds, a heading holds two or more.
fn container(tree: &Tree, blocks: &[Block], h: usize, lean: &[Lean], branches: bool) -> Lean {
    let head = &tree.heads[h];
    let text = blocks[head.at].text.as_str();
    // Most of what it holds reads as parts of one talk: asides, questions,
    // people's segments.
    let parts = head
        .kids
        .iter()
        .filter(|&&k| matches!(lean[k], Lean::Aside | Lean::Segment) || tree.part_title(blocks, k))
        .count()
        * 2
        >= head.kids.len();
    // An event's name is a group over a programme: sub-headings that branch
    // somewhere, or one that is a talk or a group by its own evidence. A
    // year-looking line over a chain of single sub-headings (an outline
    // nested deep, one item under the other) holds no programme. A group's
    // word ("Day 2") is stronger: one talk under it is its programme, when
    // that talk reads as one (its notes, or its parts' notes, come soon).
    let evident = |k: usize| matches!(lean[k], Lean::Talk(s) | Lean::Group(s) if s >= 2);
    let programme_below = branches || head.kids.iter().any(|&k| evident(k));
    let talk_below = programme_below || head.kids.iter().any(|&k| ends_soon(tree, k));
    if (talk_below && vocabulary().is_group(text)) || (!parts && programme_below && names_event(text)) {
        return Lean::Group(3);
    }
    if head.kids.iter().any(|&k| matches!(lean[k], Lean::Group(s) if s >= 2)) {
        return Lean::Group(2);
    }
    if parts && is_person(text) {
        // A person over parts of a talk: a panellist, a tutorial's segment.
        return Lean::Segment;
    }
    // Its own title, speaker line or body of notes make it a talk, unless
    // most of what it holds are talks titled as such: two or more, as one
    // talk-shaped line under a talk is more often a speaker's part of it.
    let titled = head.kids.iter().filter(|&&k| tree.titled(blocks, k)).count();
    if titled < 2 || titled * 2 <= head.kids.len() {
        match talk_signal(tree, blocks, h) {
            3 => return Lean::Talk(3),
            _ if substantial(blocks, tree.notes_of(h)) => return Lean::Talk(2),
            _ => {}
        }
    }
    let programme = is_programme(&head.kids, lean);
    // Two or more plain talks under it (no words either way): a group, weakly.
    let plain = head
        .kids
        .iter()
        .filter(|&&k| matches!(lean[k], Lean::Talk(_) | Lean::Group(_)) && !tree.part_title(blocks, k))
        .count();
    if !programme && plain < 2 && is_person(text) {
        return Lean::Segment;
    }
    if programme {
        Lean::Group(2)
    } else if parts {
        Lean::Talk(2)
    } else if head.notes > 0 || plain < 2 {
        Lean::Talk(1)
    } else {
        Lean::Group(1)
    }
}

/// Sets the kinds of the headings under `sibs` (a level), then of the levels
/// below the groups among them.
pub fn assign(tree: &Tree, blocks: &mut [Block], lean: &[Lean], sibs: &[usize]) {
    // A stack of levels, not recursion: groups may nest as deep as the file.
    let mut levels: Vec<&[usize]> = vec![sibs];
    while let Some(sibs) = levels.pop() {
        assign_level(tree, blocks, lean, sibs, &mut levels);
    }
}

fn assign_level<'a>(tree: &'a Tree, blocks: &mut [Block], lean: &[Lean], sibs: &[usize], below: &mut Vec<&'a [usize]>) {
    let (mut g, mut t) = (0u32, 0u32);
    for &s in sibs {
        match lean[s] {
            Lean::Group(n) => g += u32::from(n),
            Lean::Talk(n) => t += u32::from(n),
            Lean::Segment => t += 1,
            _ => {}
        }
    }
    let group_level = g > t;
    for &s in sibs {
        let head = &tree.heads[s];
        let kind = match lean[s] {
            Lean::Label | Lean::Aside => Kind::Heading,
            Lean::Group(n) if n >= 2 => Kind::Group,
            Lean::Talk(3) => Kind::Session,
            Lean::Group(_) if !group_level => Kind::Session,
            Lean::Group(_) => Kind::Group,
            // In a level of groups a weak talk that holds headings is one
            // more group; one that only holds notes is an aside.
            Lean::Talk(1) | Lean::Segment if group_level && holds_headings(tree, blocks, lean, s) => Kind::Group,
            Lean::Talk(1) | Lean::Segment if group_level => Kind::Heading,
            Lean::Talk(_) | Lean::Segment => Kind::Session,
            Lean::Open if group_level => Kind::Heading,
            Lean::Open => Kind::Session,
        };
        blocks[head.at].kind = kind;
        if kind == Kind::Group {
            below.push(&head.kids);
        } else {
            super::tree::all_sub_headings(blocks, head.at + 1..head.end);
        }
    }
}
