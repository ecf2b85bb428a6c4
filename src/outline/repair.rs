//! Headings that are not titles, put right before talks are decided: a
//! speaker or a link set as a heading under a talk's title, and a talk's
//! own sub-heading set one level too high, beside the talks.

use super::evidence::is_meta_line;
use super::levels::{recurring, Recurring};
use super::model::{Block, Kind};
use super::tree::{deepen, lift, Tree};

/// A heading right under a title (or under a run of such lines) that only
/// names the speaker or links the slides ("#### Ann Lee, Acme",
/// "### Slides: http://...") is a line of that talk's notes: it becomes a
/// paragraph, and what it held belongs to the talk. Left alone where most
/// of its siblings look the same (a file naming every talk "Speaker, Title").
/// Whether it changed anything.
pub fn meta_headings(blocks: &mut [Block], tree: &Tree) -> bool {
    let mut changed = false;
    // Asked only of headings right under a title (few): whether it is a
    // meta line, and whether most of its level are (then it is left alone).
    // Levels: the roots are level 0, heading k's children level k + 1.
    let mut level_of = vec![0usize; tree.heads.len()];
    for (k, h) in tree.heads.iter().enumerate() {
        h.kids.iter().for_each(|&c| level_of[c] = k + 1);
    }
    let mut ord = vec![usize::MAX; blocks.len()];
    for (k, h) in tree.heads.iter().enumerate() {
        ord[h.at] = k;
    }
    let level = |l: usize| if l == 0 { &tree.roots } else { &tree.heads[l - 1].kids };
    let mut mostly_meta: foldhash::HashMap<usize, bool> = foldhash::HashMap::default();
    // The depth of the last title, while only meta lines have followed it.
    let mut title: Option<u32> = None;
    for i in 0..blocks.len() {
        let b = &blocks[i];
        if b.kind != Kind::Heading {
            title = None;
            continue;
        }
        let d = b.depth;
        let under = title.filter(|&t| d == t || d == t + 1);
        let k = ord[i];
        let mut meta = || {
            k != usize::MAX && is_meta_line(&b.text) && {
                let l = level_of[k];
                !*mostly_meta.entry(l).or_insert_with(|| {
                    let sibs = level(l);
                    let n = sibs
                        .iter()
                        .filter(|&&s| is_meta_line(&blocks[tree.heads[s].at].text))
                        .count();
                    n * 2 > sibs.len() && sibs.len() >= 2
                })
            }
        };
        if under.is_none() || !meta() {
            title = Some(d);
            continue;
        }
        let end = (i + 1..blocks.len())
            .find(|&j| blocks[j].depth <= d)
            .unwrap_or(blocks.len());
        blocks[i].kind = Kind::Paragraph;
        changed = true;
        if under == Some(d) {
            // A sibling of the title: under it now, with what it held.
            blocks[i].depth += 1;
        } else {
            // A child of the title: what it held moves up beside it.
            lift(blocks, i + 1..end);
        }
    }
    changed
}

/// A heading whose name recurs as a sub-heading of most of its siblings
/// (each talk's "Notes", and one talk's "## Notes" at the talks' level) is
/// that sub-heading of the talk before it, set a level too high.
/// Hands back the recurring parts it found when it moved nothing (they
/// still hold for `tree`), or None.
pub fn misleveled_parts(blocks: &mut [Block], tree: &Tree) -> Option<Recurring> {
    let found = recurring(tree, blocks);
    let recur = &found.holders;
    let mut moves: Vec<(usize, usize)> = Vec::new();
    let mut keys: Vec<u64> = Vec::new();
    for sibs in std::iter::once(&tree.roots).chain(tree.heads.iter().map(|h| &h.kids)) {
        let holders = sibs.iter().filter(|&&s| recur[s]);
        if holders.clone().count() < 2 {
            continue;
        }
        keys.clear();
        keys.extend(holders.flat_map(|&s| tree.heads[s].kids.iter().map(|&k| tree.key(blocks, k))));
        keys.sort_unstable();
        let recurring = |k: u64| {
            let from = keys.partition_point(|&x| x < k);
            keys.get(from + 1) == Some(&k)
        };
        for w in sibs.windows(2) {
            let h = &tree.heads[w[1]];
            let key = tree.key(blocks, w[1]);
            if key != 0 && recurring(key) {
                moves.push((h.at, h.end));
            }
        }
    }
    for &(at, end) in &moves {
        deepen(blocks, at..end, 1);
    }
    moves.is_empty().then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::block_lines;
    use Kind::{Bullet as B, Heading as H};

    fn blocks(spec: &[(u32, Kind, &str)]) -> Vec<Block> {
        spec.iter().map(|&(d, k, t)| Block::new(d, k, t, 1)).collect()
    }

    #[test]
    fn speaker_and_slides_headings_under_a_title_join_its_notes() {
        let mut b = blocks(&[
            (0, H, "Day"),
            (1, H, "Talk One"),
            (1, H, "Ann Lee, Acme"),
            (1, H, "Slides: http://x.org/s"),
            (2, B, "a point"),
            (1, H, "Talk Two"),
            (2, H, "http://y.org"),
            (3, B, "b"),
        ]);
        let t = Tree::new(&b);
        meta_headings(&mut b, &t);
        assert_eq!(
            block_lines(&b),
            vec![
                "heading Day",
                "  heading Talk One",
                "    paragraph Ann Lee, Acme",
                "    paragraph Slides: http://x.org/s",
                "    bullet a point",
                "  heading Talk Two",
                "    paragraph http://y.org",
                "    bullet b"
            ]
        );
    }

    #[test]
    fn a_level_of_speaker_named_talks_is_left_alone() {
        let spec = [
            (0, H, "Lightning"),
            (1, H, "Ann Lee, Widgets"),
            (2, B, "a"),
            (1, H, "Bo Ng, Gadgets"),
            (2, B, "b"),
        ];
        let mut b = blocks(&spec);
        let t = Tree::new(&b);
        meta_headings(&mut b, &t);
        assert_eq!(b, blocks(&spec));
    }

    #[test]
    fn a_talks_sub_heading_set_too_high_goes_back_under_it() {
        let mut b = blocks(&[
            (0, H, "Talk A"),
            (1, H, "Notes"),
            (2, B, "a"),
            (1, H, "Verdict ★★"),
            (0, H, "Talk B"),
            (1, H, "Notes"),
            (1, H, "Verdict ★"),
            (0, H, "Talk C"),
            (1, B, "c0"),
            (0, H, "Notes"),
            (1, B, "c"),
            (1, H, "Verdict ★★★"),
        ]);
        let t = Tree::new(&b);
        misleveled_parts(&mut b, &t);
        let s = block_lines(&b);
        assert_eq!(s[9], "  heading Notes");
        assert_eq!(s[10], "    bullet c");
        assert_eq!(s[7], "heading Talk C");
    }
}
