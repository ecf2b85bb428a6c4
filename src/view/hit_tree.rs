//! The outline filtered to a search's hits and their ancestors (org-mode's
//! sparse tree), in document order, each shown ancestor with the number of
//! hits under it, and folding of its own. Members are node indices in
//! increasing order, so a member's subtree is a run of members and folding
//! is index arithmetic, as in the full tree.

use crate::outline::Outline;

const NONE: u32 = u32::MAX;

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

#[derive(Clone, Debug, Default)]
pub struct HitTree {
    /// Hits and their ancestors, increasing node indices (document order).
    members: Vec<u32>,
    hit: Vec<bool>,
    hits_below: Vec<u32>,
    /// One past the last member of each member's subtree.
    end: Vec<u32>,
    /// The member index of each member's parent (NONE for documents).
    parent: Vec<u32>,
    folded: Vec<bool>,
    /// Member indices of the rows shown (folds applied), increasing.
    visible: Vec<u32>,
    hits: usize,
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
        let was_folded: Vec<u32> = self.folded_nodes().collect();
        self.build(o, hits);
        if was_folded.is_empty() {
            return;
        }
        let mut k = 0;
        for (m, &node) in self.members.iter().enumerate() {
            while k < was_folded.len() && was_folded[k] < node {
                k += 1;
            }
            if k < was_folded.len() && was_folded[k] == node {
                self.folded[m] = true;
            }
        }
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
        for v in [&mut self.members, &mut self.hits_below, &mut self.end, &mut self.parent] {
            v.clear();
        }
        self.hit.clear();
        // The path from a document to the last member: every member whose
        // subtree may still take the next hit. Ancestors of a hit above the
        // path's deepest container are already members.
        let mut path: Vec<u32> = Vec::new();
        let mut new_ancestors: Vec<u32> = Vec::new();
        for &h in hits {
            while let Some(&top) = path.last() {
                if o.subtree_end(self.members[top as usize] as usize) > h as usize {
                    break;
                }
                self.end[top as usize] = self.members.len() as u32;
                path.pop();
            }
            let stop = path.last().map(|&m| self.members[m as usize] as usize);
            new_ancestors.clear();
            new_ancestors.extend(
                o.ancestors(h as usize)
                    .take_while(|&a| Some(a) != stop)
                    .map(|a| a as u32),
            );
            for &a in new_ancestors.iter().rev() {
                self.push(&mut path, a, false);
            }
            self.push(&mut path, h, true);
        }
        for top in path {
            self.end[top as usize] = self.members.len() as u32;
        }
        // Children follow their parents: one backward pass sums the hits.
        self.hits_below.resize(self.members.len(), 0);
        for m in (0..self.members.len()).rev() {
            let p = self.parent[m];
            if p != NONE {
                self.hits_below[p as usize] += self.hits_below[m] + u32::from(self.hit[m]);
            }
        }
        self.hits = hits.len();
        self.folded.clear();
        self.folded.resize(self.members.len(), false);
        self.refresh_visible();
    }

    fn push(&mut self, path: &mut Vec<u32>, node: u32, hit: bool) {
        let m = self.members.len() as u32;
        self.members.push(node);
        self.hit.push(hit);
        self.end.push(m + 1);
        self.parent.push(path.last().copied().unwrap_or(NONE));
        path.push(m);
    }

    fn refresh_visible(&mut self) {
        self.visible.clear();
        let mut m = 0;
        while m < self.members.len() {
            self.visible.push(m as u32);
            m = if self.folded[m] { self.end[m] as usize } else { m + 1 };
        }
    }

    /// Rows shown.
    pub fn len(&self) -> usize {
        self.visible.len()
    }

    pub fn is_empty(&self) -> bool {
        self.visible.is_empty()
    }

    /// How many nodes matched.
    pub fn hit_count(&self) -> usize {
        self.hits
    }

    /// Every member (hits and ancestors), shown or folded away.
    pub fn members(&self) -> &[u32] {
        &self.members
    }

    pub fn row(&self, row: usize) -> Option<HitRow> {
        let m = *self.visible.get(row)? as usize;
        Some(HitRow {
            node: self.members[m] as usize,
            hit: self.hit[m],
            hits_below: self.hits_below[m],
            folded: self.folded[m],
            has_children: self.end[m] as usize > m + 1,
        })
    }

    pub fn node_at(&self, row: usize) -> Option<usize> {
        self.visible.get(row).map(|&m| self.members[m as usize] as usize)
    }

    /// The row showing `node`, if it is a member and not folded away.
    pub fn row_of(&self, node: usize) -> Option<usize> {
        self.visible
            .binary_search_by_key(&node, |&m| self.members[m as usize] as usize)
            .ok()
    }

    /// The row of `node` or, when it is folded away or not a member, of
    /// the nearest shown row at or before it: where a selection lands.
    pub fn nearest_row(&self, node: usize) -> usize {
        let after = self
            .visible
            .partition_point(|&m| self.members[m as usize] as usize <= node);
        after.saturating_sub(1)
    }

    /// Folds or unfolds the row's node; nothing for a row with nothing
    /// under it.
    pub fn set_folded(&mut self, row: usize, folded: bool) {
        let Some(&m) = self.visible.get(row) else {
            return;
        };
        let m = m as usize;
        if self.end[m] as usize == m + 1 || self.folded[m] == folded {
            return;
        }
        self.folded[m] = folded;
        // Only this subtree's rows change: splice them.
        let inside = if folded {
            Vec::new()
        } else {
            let mut rows = Vec::new();
            let mut k = m + 1;
            while k < self.end[m] as usize {
                rows.push(k as u32);
                k = if self.folded[k] { self.end[k] as usize } else { k + 1 };
            }
            rows
        };
        let from = row + 1;
        let to = from + self.visible[from..].partition_point(|&k| k < self.end[m]);
        self.visible.splice(from..to, inside);
    }

    pub fn toggle_fold(&mut self, row: usize) {
        if let Some(r) = self.row(row) {
            self.set_folded(row, !r.folded);
        }
    }

    /// The row of the shown parent of `row`'s node (to fold from a leaf).
    pub fn parent_row(&self, row: usize) -> Option<usize> {
        let m = *self.visible.get(row)? as usize;
        match self.parent[m] {
            NONE => None,
            p => self.row_of(self.members[p as usize] as usize),
        }
    }

    fn folded_nodes(&self) -> impl Iterator<Item = u32> + '_ {
        self.members
            .iter()
            .zip(&self.folded)
            .filter(|(_, &f)| f)
            .map(|(&n, _)| n)
    }
}

#[cfg(test)]
#[path = "hit_tree_tests.rs"]
pub(crate) mod tests;
