//! Sub-headings that recur under sibling headings (each talk's "Notes",
//! "Verdict", the same questions put to each panellist): parts of a talk
//! wherever they stand, and the headings that hold them are talks.

use super::model::Block;
use super::tree::Tree;

/// Sub-headings that recur under sibling headings (each talk's "Notes",
/// "Verdict", the same questions put to each panellist).
pub struct Recurring {
    /// For each heading: at least half of its sub-headings recur under its
    /// siblings, so one "Keynote" on each of two days does not make the
    /// days talks.
    pub holders: Vec<bool>,
    /// The names (`tree::part_key`) of those recurring sub-headings: parts
    /// of a talk wherever they stand.
    pub parts: foldhash::HashSet<u64>,
}

pub fn recurring(tree: &Tree, blocks: &[Block]) -> Recurring {
    let mut r = Recurring {
        holders: vec![false; tree.heads.len()],
        parts: foldhash::HashSet::default(),
    };
    let levels = std::iter::once(&tree.roots).chain(tree.heads.iter().map(|h| &h.kids));
    // The part keys under each sibling (once each), all of a level sorted:
    // a key recurs when two siblings hold it.
    let (mut keys, mut all): (Vec<u64>, Vec<u64>) = (Vec::new(), Vec::new());
    for sibs in levels {
        // Two siblings that hold sub-headings, at least (most levels have none).
        if sibs
            .iter()
            .filter(|&&s| !tree.heads[s].kids.is_empty())
            .nth(1)
            .is_none()
        {
            continue;
        }
        all.clear();
        for &s in sibs {
            keys.clear();
            keys.extend(
                tree.heads[s]
                    .kids
                    .iter()
                    .map(|&k| tree.key(blocks, k))
                    .filter(|&k| k != 0),
            );
            keys.sort_unstable();
            keys.dedup();
            all.extend_from_slice(&keys);
        }
        all.sort_unstable();
        let recurs = |k: u64| {
            let from = all.partition_point(|&x| x < k);
            all.get(from + 1) == Some(&k)
        };
        for &s in sibs {
            let kids = &tree.heads[s].kids;
            let recur = |k: &usize| recurs(tree.key(blocks, *k));
            let n = kids.iter().filter(|k| recur(k)).count();
            r.holders[s] = n > 0 && n * 2 >= kids.len();
            if r.holders[s] {
                r.parts
                    .extend(kids.iter().filter(|k| recur(k)).map(|&k| tree.key(blocks, k)));
            }
        }
    }
    r
}
