//! Turns a tree of headings (Markdown, org, OPML) into groups, talks and
//! sub-headings. A heading that carries notes is a talk; one that only holds
//! other headings is a group; siblings are read together, so a level where
//! most headings are groups makes a note-carrying sibling an aside (a reading
//! list beside the days), and a level of talks keeps a talk whose notes all
//! sit under sub-headings a talk.

use super::model::{Block, Kind};
use super::vocabulary::vocabulary;
use super::Parsed;

const ROOT: usize = usize::MAX;

/// Parent index of each block (ROOT for depth 0), by a stack pass.
fn parents(blocks: &[Block]) -> Vec<usize> {
    let mut stack: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(blocks.len());
    for (i, b) in blocks.iter().enumerate() {
        stack.truncate(b.depth as usize);
        out.push(stack.last().copied().unwrap_or(ROOT));
        stack.push(i);
    }
    out
}

#[derive(Clone, Copy, Default)]
struct Facts {
    notes: bool,
    heads: bool,
}

/// What each block directly holds.
fn facts(blocks: &[Block], parent: &[usize]) -> Vec<Facts> {
    let mut f = vec![Facts::default(); blocks.len()];
    for (i, b) in blocks.iter().enumerate() {
        if parent[i] != ROOT {
            let p = &mut f[parent[i]];
            if b.kind == Kind::Heading {
                p.heads = true;
            } else {
                p.notes = true;
            }
        }
    }
    f
}

/// A single top-level heading that holds other headings and no notes of its
/// own names the document (`# SciPy 2023` over `## Day 1`...). If it does
/// hold notes it names the document and stays as the first talk.
fn take_title(p: &mut Parsed) {
    if p.title.is_some() {
        return;
    }
    let tops: Vec<usize> = (0..p.blocks.len()).filter(|&i| p.blocks[i].depth == 0).collect();
    if tops.len() != 1 || p.blocks[0].kind != Kind::Heading {
        return;
    }
    let parent = parents(&p.blocks);
    let f = facts(&p.blocks, &parent)[0];
    if !f.heads {
        return;
    }
    p.title = Some(p.blocks[0].text.clone());
    if !f.notes {
        p.blocks.remove(0);
        for b in &mut p.blocks {
            b.depth -= 1;
        }
    }
}

pub fn classify(mut p: Parsed) -> Parsed {
    take_title(&mut p);
    let v = vocabulary();
    let blocks = &mut p.blocks;
    let parent = parents(blocks);
    let f = facts(blocks, &parent);
    // Per parent: how many heading children read as groups vs carry notes.
    // Asked once per heading here, where both passes below need it.
    let section: Vec<bool> = blocks
        .iter()
        .map(|b| b.kind == Kind::Heading && v.is_section(&b.text))
        .collect();
    let mut votes: foldhash::HashMap<usize, (usize, usize)> = foldhash::HashMap::default();
    for i in 0..blocks.len() {
        if blocks[i].kind != Kind::Heading || section[i] {
            continue;
        }
        let e = votes.entry(parent[i]).or_default();
        if f[i].heads && (!f[i].notes || v.is_group(&blocks[i].text)) {
            e.0 += 1;
        } else if f[i].notes {
            e.1 += 1;
        }
    }
    for i in 0..blocks.len() {
        let open = parent[i] == ROOT || blocks[parent[i]].kind == Kind::Group;
        if blocks[i].kind != Kind::Heading || !open {
            continue;
        }
        let text = &blocks[i].text;
        // Below a group, headings are talks unless their words say otherwise.
        let (groups, talks) = votes.get(&parent[i]).copied().unwrap_or_default();
        let groups_rule = parent[i] == ROOT && groups > talks;
        blocks[i].kind = if section[i] {
            Kind::Heading
        } else if f[i].heads && (v.is_group(text) || (!f[i].notes && groups_rule)) {
            Kind::Group
        } else if f[i].notes && groups_rule && !f[i].heads {
            Kind::Heading
        } else {
            Kind::Session
        };
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(spec: &[(u32, Kind, &str)]) -> (Option<String>, Vec<String>) {
        let blocks = spec.iter().map(|&(d, k, t)| Block::new(d, k, t, 1)).collect();
        let p = classify(Parsed { title: None, blocks });
        let s = crate::outline::block_lines(&p.blocks);
        (p.title, s)
    }

    use Kind::{Bullet as B, Heading as H};

    #[test]
    fn single_top_heading_is_the_title_and_days_are_groups() {
        let (title, s) = run(&[
            (0, H, "SciPy 2023"),
            (1, H, "Day 1"),
            (2, H, "A. Talk"),
            (3, B, "x"),
            (2, H, "K. Empty talk"),
            (1, H, "Day 2"),
            (2, H, "A. Other"),
            (3, H, "Sub"),
            (4, B, "y"),
            (1, H, "Things to Read"),
            (2, B, "z"),
        ]);
        assert_eq!(title.as_deref(), Some("SciPy 2023"));
        assert_eq!(
            s,
            vec![
                "group Day 1",
                "  session A. Talk",
                "    bullet x",
                "  session K. Empty talk",
                "group Day 2",
                "  session A. Other",
                "    heading Sub",
                "      bullet y",
                "heading Things to Read",
                "  bullet z"
            ]
        );
    }

    #[test]
    fn a_level_of_talks_keeps_talks_made_only_of_sub_headings() {
        let (title, s) = run(&[
            (0, H, "Slides"),
            (1, B, "http://x"),
            (0, H, "Talk One"),
            (1, B, "a"),
            (0, H, "Talk Two"),
            (1, H, "Part"),
            (2, B, "b"),
            (0, H, "Talk Three"),
            (1, B, "c"),
        ]);
        assert_eq!(title, None);
        assert_eq!(s[0], "heading Slides");
        assert_eq!(s[4], "session Talk Two");
        assert_eq!(s[5], "  heading Part");
    }

    #[test]
    fn a_heading_holding_only_headings_is_a_group() {
        let (_, s) = run(&[
            (0, H, "Keynotes"),
            (1, B, "k"),
            (0, H, "Vendors"),
            (1, H, "Acme"),
            (2, B, "v"),
        ]);
        assert_eq!(
            s,
            vec![
                "session Keynotes",
                "  bullet k",
                "group Vendors",
                "  session Acme",
                "    bullet v"
            ]
        );
    }
}
