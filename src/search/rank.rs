//! Ranking hits: all of them by a counting sort on score, or only the best
//! few for a progress report; and hits back in document order.

use rayon::prelude::*;

use super::counting::sort_by_small_key_at;
use super::{rank_key, rank_order, Hit};

/// Hits in a progress report: the best ones so far, pages more than a
/// screen holds. The count is not shown until the search is done.
pub(crate) const BATCH_TOP: usize = 1000;

/// The best `k` of `hits`, ranked. A progress report needs no more, and
/// selecting them is a few passes over the keys, where ranking every hit
/// found since the last report would cost the final ranking over again.
pub(crate) fn best(hits: &[Hit], k: usize) -> Vec<Hit> {
    if hits.len() <= k {
        return rank(hits);
    }
    if k == 0 {
        return Vec::new();
    }
    let mut keys: Vec<u64> = hits.iter().map(rank_key).collect();
    keys.select_nth_unstable(k - 1);
    keys.truncate(k);
    keys.sort_unstable();
    keys.into_iter().map(from_rank_key).collect()
}

/// `best(hits, BATCH_TOP)` of the hits that rank above `worst`, the
/// lowest of a full list of the best so far: once that list is full, most
/// new hits rank below it and are passed over with one compare each.
pub(crate) fn best_above(hits: &[Hit], worst: Option<&Hit>) -> Vec<Hit> {
    match worst {
        None => best(hits, BATCH_TOP),
        Some(w) => {
            let above: Vec<Hit> = hits.iter().filter(|h| rank_key(h) < rank_key(w)).copied().collect();
            best(&above, BATCH_TOP)
        }
    }
}

/// The hit `rank_key` was made from.
fn from_rank_key(key: u64) -> Hit {
    Hit {
        node: key as u32,
        score: (!((key >> 32) as u32) ^ 0x8000_0000) as i32,
    }
}

/// The best BATCH_TOP of two ranked lists, ranked.
pub(crate) fn merge_top(a: &[Hit], b: &[Hit]) -> Vec<Hit> {
    let mut out = Vec::with_capacity((a.len() + b.len()).min(BATCH_TOP));
    let (mut a, mut b) = (a.iter().peekable(), b.iter().peekable());
    while out.len() < BATCH_TOP {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if rank_order(x, y).is_le() => a.next(),
            (Some(_), Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, _) => b.next(),
        };
        let Some(&h) = next else { break };
        out.push(h);
    }
    out
}

/// Hits in document order, ranked. Scores span a few hundred values, so a
/// stable counting sort by score does it in two passes over the hits,
/// where a comparison sort needs about log n; hits out of document order, or
/// scores spread wider than there are hits, are sorted by comparison.
pub(crate) fn rank(hits: &[Hit]) -> Vec<Hit> {
    rank_in_groups(hits, 1, |_| 0)
}

/// `rank` in groups: the hits of group 0 first, then of group 1, and so on
/// below `groups`; `group` is given a hit's position in `hits`. One counting
/// sort on the group and the score together.
pub(crate) fn rank_in_groups(hits: &[Hit], groups: usize, group: impl Fn(usize) -> usize + Sync) -> Vec<Hit> {
    if hits.is_empty() {
        return Vec::new();
    }
    // The score range and whether node order holds, in one pass.
    let (lo, hi, in_order, _) = hits
        .iter()
        .fold((i32::MAX, i32::MIN, true, None), |(lo, hi, ordered, last), h| {
            let ordered = ordered && last.is_none_or(|n| n < h.node);
            (lo.min(h.score), hi.max(h.score), ordered, Some(h.node))
        });
    let span = usize::try_from(i64::from(hi) - i64::from(lo) + 1).unwrap_or(usize::MAX);
    if !in_order || span.saturating_mul(groups) > hits.len().max(1024) {
        let mut keyed: Vec<(usize, u64)> = hits.iter().enumerate().map(|(i, h)| (group(i), rank_key(h))).collect();
        keyed.par_sort_unstable();
        return keyed.into_iter().map(|(_, k)| from_rank_key(k)).collect();
    }
    // Bucket 0 holds the best score of group 0.
    let bucket = |i: usize, h: &Hit| group(i) * span + (i64::from(hi) - i64::from(h.score)) as usize;
    sort_by_small_key_at(hits, groups * span, bucket)
}

/// The nodes of `hits` in document order (the reader's n and N), on a
/// keystroke. Many hits are marked in a map of the outline's `nodes` and
/// read back in order, two passes in place of a sort; a few are sorted.
pub fn in_document_order(hits: &[Hit], nodes: usize) -> Vec<u32> {
    if hits.len() < nodes / 16 {
        let mut sorted: Vec<u32> = hits.iter().map(|h| h.node).collect();
        sorted.sort_unstable();
        return sorted;
    }
    let mut marked = vec![false; nodes];
    for h in hits {
        if let Some(m) = marked.get_mut(h.node as usize) {
            *m = true;
        }
    }
    (0..nodes as u32).filter(|&n| marked[n as usize]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_in_document_order_whether_few_or_many() {
        let nodes = 1000;
        // A fixed shuffle: i * 7919 mod 1000 visits every node once.
        let shuffled: Vec<Hit> = (0..nodes as u32)
            .map(|i| Hit {
                node: i * 7919 % 1000,
                score: 0,
            })
            .collect();
        for count in [0, 10, 61, 62, 500, 1000] {
            let hits = &shuffled[..count];
            let mut expected: Vec<u32> = hits.iter().map(|h| h.node).collect();
            expected.sort_unstable();
            assert_eq!(in_document_order(hits, nodes), expected, "{count} hits");
        }
    }
}
