//! The document's own title, and whether it names the event (its headings
//! are the programme) or the one talk the file is about (its headings are
//! that talk's parts). The title is a single top heading, or one the file
//! states (front matter, `#+TITLE`, a title line) over what follows.

use super::evidence::names_event;
use super::levels::{is_programme, substantial, talk_signal, Lean, Recurring};
use super::model::{Block, Kind};
use super::tree::{all_sub_headings, Tree};
use super::vocabulary::vocabulary;
use super::ws::Ws;

/// How strongly the sub-headings `kids` read as a programme of talks:
/// 3 with evidence (groups, talks named as such), 1 when several are plain
/// talks with notes, 0 when they read as parts (questions, a panel's people).
fn programme_strength(tree: &Tree, blocks: &[Block], kids: &[usize], lean: &[Lean]) -> i32 {
    if is_programme(kids, lean) {
        return 3;
    }
    let plain = kids
        .iter()
        .filter(|&&k| matches!(lean[k], Lean::Talk(_) | Lean::Group(_)) && !tree.part_title(blocks, k))
        .count();
    i32::from(plain >= 2)
}

/// Evidence that a title names the event: a year, an event word or a
/// group word in it, or an event word in the first note under it.
fn event_strength(title: &str, first_note: Option<&Block>) -> i32 {
    if names_event(title) || vocabulary().is_group(title) {
        3
    } else if first_note.is_some_and(|b| b.kind == Kind::Paragraph && names_event(&b.text)) {
        2
    } else {
        0
    }
}

/// Is the single top heading `t` the event (true) or the file's one talk?
/// Its own talk evidence and notes weigh against the event's name and a
/// programme under it.
fn top_is_event(tree: &Tree, blocks: &[Block], lean: &[Lean], t: usize) -> bool {
    let head = &tree.heads[t];
    let first = tree.first_note(blocks, t).map(|i| &blocks[i]);
    let event = event_strength(&blocks[head.at].text, first) + programme_strength(tree, blocks, &head.kids, lean);
    let talk = i32::from(talk_signal(tree, blocks, t)) + i32::from(substantial(blocks, tree.notes_of(t)));
    event > talk
}

/// Removes the heading at `at` (its subtree ends at `end`), lifting what it
/// held one level: its notes become the document's preamble.
fn unwrap_heading(blocks: &mut Vec<Block>, at: usize, end: usize) {
    super::tree::lift(blocks, at + 1..end);
    blocks.remove(at);
}

/// Titles the document and sets every heading's kind.
/// `recur`: the recurring parts of `tree`, if already found.
pub fn decide(p: &mut super::Parsed, mut tree: Tree, recur: Option<Recurring>) {
    let mut lean = super::levels::leans(&tree, &p.blocks, recur);
    let single = (tree.roots.len() == 1)
        .then(|| tree.roots[0])
        .filter(|&t| !tree.heads[t].kids.is_empty());
    // One top heading over everything, with at most a line or two above it
    // (a date, a link, an embed): the file's title. More text above it is
    // the file's own preamble, and the heading one part of the file.
    if let Some(t) = single.filter(|_| tree.root_notes <= 2) {
        let (at, end) = (tree.heads[t].at, tree.heads[t].end);
        // A title the file states (front matter, `#+TITLE`) other than this
        // heading names the file; the heading ("Day 1") is then content.
        let stated = p
            .title
            .as_ref()
            .is_some_and(|s| s.ws_trim() != p.blocks[at].text.ws_trim());
        if p.title.is_none() {
            p.title = Some(p.blocks[at].text.clone());
        }
        if !top_is_event(&tree, &p.blocks, &lean, t) {
            p.blocks[at].kind = Kind::Session;
            all_sub_headings(&mut p.blocks, at + 1..end);
            return;
        }
        if !stated {
            unwrap_heading(&mut p.blocks, at, end);
            tree = tree.without_top();
            #[cfg(debug_assertions)]
            debug_assert!(tree.same_shape(&Tree::new(&p.blocks)));
            // The top heading was the first; what every other heading leans
            // to reads only its own words and what it holds, so it stands.
            lean.remove(t);
            debug_assert_eq!(t, 0);
            debug_assert_eq!(lean.len(), tree.heads.len());
        }
    } else if p.title.is_none() && tree.roots.len() >= 3 && tree.heads.first().is_some_and(|h| h.at == 0) {
        // Flat headings whose first names the event ("PyCon 2019" over its
        // intro, then the talks at the same level): that one is the title.
        let first = &p.blocks[0].text;
        if names_event(first) && matches!(lean[0], Lean::Talk(1) | Lean::Open | Lean::Label) {
            p.title = Some(first.clone());
            lean[0] = Lean::Aside;
        }
    }
    let roots = tree.roots.clone();
    super::levels::assign(&tree, &mut p.blocks, &lean, &roots);
    if one_talk(p, &tree, &lean) {
        wrap_in_session(p);
    }
}

/// A file with a title of its own whose content is one talk: no heading is
/// a talk, or its preamble names the talk's speaker and its headings do not
/// read as a programme.
fn one_talk(p: &super::Parsed, tree: &Tree, lean: &[Lean]) -> bool {
    let Some(title) = &p.title else { return false };
    if p.blocks.is_empty() || !p.blocks.iter().any(|b| b.kind != Kind::Heading) {
        return false;
    }
    if !p.blocks.iter().any(|b| b.kind == Kind::Session) {
        return true;
    }
    let preamble = p
        .blocks
        .iter()
        .take_while(|b| b.depth == 0 && !b.kind.is_structural())
        .take(3);
    let speaker = preamble
        .clone()
        .any(|b| super::evidence::is_speaker_note(&b.text, b.kind == Kind::Paragraph));
    let says_talk = preamble
        .filter(|b| b.kind == Kind::Paragraph)
        .any(|b| super::evidence::intro_says_talk(&b.text));
    let talk = speaker || says_talk;
    let first = p.blocks.first().filter(|b| !b.kind.is_structural());
    talk && event_strength(title, first) < 3 && programme_strength(tree, &p.blocks, &tree.roots, lean) < 3
}

/// The whole document under one talk named by its title.
fn wrap_in_session(p: &mut super::Parsed) {
    let title = p.title.clone().unwrap_or_default();
    let line = p.blocks.first().map_or(1, |b| b.line);
    for b in &mut p.blocks {
        b.depth += 1;
        if b.kind.is_structural() {
            b.kind = Kind::Heading;
        }
    }
    p.blocks.insert(0, Block::new(0, Kind::Session, title, line));
}
