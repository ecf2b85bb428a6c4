//! The outline filtered to a search's hits and their ancestors (org-mode's
//! sparse tree), in document order, each shown ancestor with the number of
//! hits under it, and folding of its own. Members are node indices in
//! increasing order, so a member's subtree is a run of members and folding
//! is index arithmetic, as in the full tree.

use crate::outline::Outline;

/// One shown row of the filtered tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HitRow {
    pub node: usize,
    /// The node matched the query (otherwise it is shown as an ancestor).
    pub hit: bool,
    /// Hits strictly inside the node's subtree.
    pub hits_below: u32,
    pub folded: bool,
    /// Whether any member lies under it, so folding it hides something.
    pub has_children: bool,
}

/// Kept lean for a million members: a search's final results rebuild it
/// within a frame. Whether a member is a hit and how many hits lie under it
/// both come from one running count; folds are few, so they are a sorted
/// list, and with none the shown rows are the members themselves.
#[derive(Clone, Debug, Default)]
pub struct HitTree {
    /// Hits and their ancestors, increasing node indices (document order).
    members: Vec<u32>,
    /// One past the last member of each member's subtree.
    end: Vec<u32>,
    /// Hits among the members before each index (one more entry than
    /// members): member m is a hit iff the count steps at m.
    hits_before: Vec<u32>,
    /// Folded members, increasing.
    folded: Vec<u32>,
    /// Member indices of the rows shown, increasing; None when nothing is
    /// folded (every member is shown).
    visible: Option<Vec<u32>>,
}

impl HitTree {
    /// The filtered tree of `hits`: node indices, in any order, duplicates
    /// and indices outside the outline ignored.
    pub fn new(o: &Outline, hits: &[u32]) -> HitTree {
        let mut t = HitTree::default();
        t.build(o, hits);
        t
    }

    /// Rebuilds for new hits (the query changed), keeping the folds of
    /// nodes that are still members.
    pub fn update(&mut self, o: &Outline, hits: &[u32]) {
        let was_folded: Vec<u32> = self.folded.iter().map(|&m| self.members[m as usize]).collect();
        self.build(o, hits);
        self.folded = was_folded
            .into_iter()
            .filter_map(|n| self.members.binary_search(&n).ok())
            .filter(|&m| self.end[m] as usize > m + 1)
            .map(|m| m as u32)
            .collect();
        self.refresh_visible();
    }

    fn build(&mut self, o: &Outline, hits: &[u32]) {
        let sorted_hits;
        let hits = if hits.windows(2).all(|w| w[0] < w[1]) {
            hits
        } else {
            let mut v = hits.to_vec();
            v.sort_unstable();
            v.dedup();
            sorted_hits = v;
            &sorted_hits[..]
        };
        let hits: &[u32] = &hits[..hits.partition_point(|&h| (h as usize) < o.len())];
        // Most members of a broad search are hits; room for a few ancestors.
        let room = hits.len() + hits.len() / 8 + 16;
        for v in [&mut self.members, &mut self.end, &mut self.hits_before] {
            v.clear();
            v.reserve(room);
        }
        self.folded.clear();
        // The path from a document to the last member: every member whose
        // subtree may still take the next hit. Ancestors of a hit above the
        // path's deepest container are already members.
        // Each entry: a member and its node's subtree end.
        let mut path: Vec<(u32, u32)> = Vec::new();
        let mut new_ancestors: Vec<u32> = Vec::new();
        let mut seen_hits = 0u32;
        for &h in hits {
            while let Some(&(top, end)) = path.last() {
                if end > h {
                    break;
                }
                self.end[top as usize] = self.members.len() as u32;
                path.pop();
            }
            let stop = path.last().map(|&(m, _)| self.members[m as usize] as usize);
            let parent = o.parent(h as usize);
            if parent != stop {
                new_ancestors.clear();
                new_ancestors.extend(
                    o.ancestors(h as usize)
                        .take_while(|&a| Some(a) != stop)
                        .map(|a| a as u32),
                );
                for &a in new_ancestors.iter().rev() {
                    self.push(o, &mut path, a, seen_hits);
                }
            }
            self.push(o, &mut path, h, seen_hits);
            seen_hits += 1;
        }
        for (top, _) in path {
            self.end[top as usize] = self.members.len() as u32;
        }
        self.hits_before.push(seen_hits);
        self.visible = None;
    }

    fn push(&mut self, o: &Outline, path: &mut Vec<(u32, u32)>, node: u32, hits_before: u32) {
        let m = self.members.len() as u32;
        self.members.push(node);
        self.hits_before.push(hits_before);
        self.end.push(m + 1);
        path.push((m, o.subtree_end(node as usize) as u32));
    }

    fn refresh_visible(&mut self) {
        if self.folded.is_empty() {
            self.visible = None;
            return;
        }
        let mut rows = Vec::new();
        let mut m = 0;
        while m < self.members.len() {
            rows.push(m as u32);
            m = if self.is_folded(m) { self.end[m] as usize } else { m + 1 };
        }
        self.visible = Some(rows);
    }

    fn is_folded(&self, m: usize) -> bool {
        self.folded.binary_search(&(m as u32)).is_ok()
    }

    fn member_at(&self, row: usize) -> Option<usize> {
        match &self.visible {
            None => (row < self.members.len()).then_some(row),
            Some(v) => v.get(row).map(|&m| m as usize),
        }
    }

    /// Rows shown.
    pub fn len(&self) -> usize {
        self.visible.as_ref().map_or(self.members.len(), Vec::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many nodes matched.
    pub fn hit_count(&self) -> usize {
        self.hits_before.last().map_or(0, |&h| h as usize)
    }

    /// Every member (hits and ancestors), shown or folded away.
    pub fn members(&self) -> &[u32] {
        &self.members
    }

    pub fn row(&self, row: usize) -> Option<HitRow> {
        let m = self.member_at(row)?;
        let end = self.end[m] as usize;
        Some(HitRow {
            node: self.members[m] as usize,
            hit: self.hits_before[m + 1] > self.hits_before[m],
            hits_below: self.hits_before[end] - self.hits_before[m + 1],
            folded: self.is_folded(m),
            has_children: end > m + 1,
        })
    }

    pub fn node_at(&self, row: usize) -> Option<usize> {
        self.member_at(row).map(|m| self.members[m] as usize)
    }

    /// The row showing `node`, if it is a member and not folded away.
    pub fn row_of(&self, node: usize) -> Option<usize> {
        let node = u32::try_from(node).ok()?;
        match &self.visible {
            None => self.members.binary_search(&node).ok(),
            Some(v) => v.binary_search_by_key(&node, |&m| self.members[m as usize]).ok(),
        }
    }

    /// The row of `node` or, when it is folded away or not a member, of
    /// the nearest shown row before it: where a selection lands.
    pub fn nearest_row(&self, node: usize) -> usize {
        let after = match &self.visible {
            None => self.members.partition_point(|&n| n as usize <= node),
            Some(v) => v.partition_point(|&m| self.members[m as usize] as usize <= node),
        };
        after.saturating_sub(1)
    }

    /// Folds or unfolds the row's node; nothing for a row with nothing
    /// under it.
    pub fn set_folded(&mut self, row: usize, folded: bool) {
        let Some(m) = self.member_at(row) else {
            return;
        };
        if self.end[m] as usize == m + 1 {
            return;
        }
        match (self.folded.binary_search(&(m as u32)), folded) {
            (Err(at), true) => self.folded.insert(at, m as u32),
            (Ok(at), false) => {
                self.folded.remove(at);
            }
            _ => return,
        }
        self.refresh_visible();
    }

    pub fn toggle_fold(&mut self, row: usize) {
        if let Some(r) = self.row(row) {
            self.set_folded(row, !r.folded);
        }
    }

    /// The nodes folded, in document order.
    pub fn folded_nodes(&self) -> impl Iterator<Item = usize> + '_ {
        self.folded.iter().map(|&m| self.members[m as usize] as usize)
    }

    /// Folds these nodes where they are members with something under
    /// them (folds carried over from another result's tree), shown or not.
    pub fn fold_nodes(&mut self, nodes: impl IntoIterator<Item = usize>) {
        let mut any = false;
        for n in nodes {
            let Ok(m) = self.members.binary_search(&(n as u32)) else {
                continue;
            };
            if self.end[m] as usize > m + 1 {
                if let Err(at) = self.folded.binary_search(&(m as u32)) {
                    self.folded.insert(at, m as u32);
                    any = true;
                }
            }
        }
        if any {
            self.refresh_visible();
        }
    }

    /// The row of the shown parent of `row`'s node (to fold from a leaf).
    pub fn parent_row(&self, o: &Outline, row: usize) -> Option<usize> {
        self.row_of(o.parent(self.node_at(row)?)?)
    }
}

#[cfg(test)]
#[path = "hit_tree_tests.rs"]
pub(crate) mod tests;
