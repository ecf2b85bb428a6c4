//! Stepping through hits as vim's n and N do: in document order from where
//! the reader is, wrapping at the ends, with "hit 3 of 12". Hits may come
//! in tiers (close matches, then loose ones): every hit of a tier comes
//! before the next tier's, each tier in document order.

/// Where a step landed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub node: usize,
    /// 0-based position in the whole sequence ("hit {index + 1} of {total}").
    pub index: usize,
    pub total: usize,
    /// Which tier the hit is in (0: the first).
    pub tier: usize,
    /// The step went past the end (or the start) and came round.
    pub wrapped: bool,
}

impl Step {
    /// "hit 3 of 12".
    pub fn label(&self) -> String {
        format!("hit {} of {}", self.index + 1, self.total)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HitSteps {
    /// The tiers one after the other, each sorted.
    order: Vec<u32>,
    /// Where each tier starts in `order`, and the end.
    bounds: Vec<usize>,
}

impl HitSteps {
    /// The hits carried by `map` (a file reloaded), those gone dropped,
    /// each tier still in document order.
    pub fn carry(&mut self, map: impl Fn(u32) -> Option<u32>) {
        let mut order = Vec::with_capacity(self.order.len());
        let mut bounds = vec![0];
        for w in self.bounds.windows(2) {
            let start = order.len();
            order.extend(self.order[w[0]..w[1]].iter().filter_map(|&n| map(n)));
            order[start..].sort_unstable();
            bounds.push(order.len());
        }
        *self = HitSteps { order, bounds };
    }

    /// One tier: every hit alike.
    pub fn new(hits: &[u32]) -> HitSteps {
        HitSteps::tiered(&[hits])
    }

    /// Tiers of hits, best first; a node in two tiers counts in the first.
    pub fn tiered(tiers: &[&[u32]]) -> HitSteps {
        let mut order: Vec<u32> = Vec::with_capacity(tiers.iter().map(|t| t.len()).sum());
        let mut bounds = vec![0];
        for tier in tiers {
            let start = order.len();
            let (earlier, _) = order.split_at(start);
            let in_earlier = |n: &u32| bounds.windows(2).any(|w| earlier[w[0]..w[1]].binary_search(n).is_ok());
            if start == 0 {
                order.extend_from_slice(tier);
            } else {
                let fresh: Vec<u32> = tier.iter().copied().filter(|n| !in_earlier(n)).collect();
                order.extend(fresh);
            }
            // Hits come in document order already (`in_document_order`).
            if !order[start..].is_sorted() {
                order[start..].sort_unstable();
            }
            dedup_from(&mut order, start);
            bounds.push(order.len());
        }
        HitSteps { order, bounds }
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The position of `node` in the sequence, if it is a hit.
    pub fn position(&self, node: usize) -> Option<usize> {
        self.bounds.windows(2).find_map(|w| {
            let tier = &self.order[w[0]..w[1]];
            tier.binary_search(&(node as u32)).ok().map(|i| w[0] + i)
        })
    }

    /// The hit after `from` (n). On a hit, the next in the sequence; off
    /// one, the first hit of the first tier that follows `from` in
    /// document order.
    pub fn next(&self, from: usize) -> Option<Step> {
        self.step(from, true)
    }

    /// The hit before `from` (N).
    pub fn prev(&self, from: usize) -> Option<Step> {
        self.step(from, false)
    }

    /// The step that lands on `index` itself, for "hit 3 of 12" after a jump.
    pub fn at(&self, index: usize) -> Option<Step> {
        self.make(index, false)
    }

    fn step(&self, from: usize, forward: bool) -> Option<Step> {
        let len = self.len();
        if len == 0 {
            return None;
        }
        let (index, wrapped) = match self.position(from) {
            Some(i) if forward => ((i + 1) % len, i + 1 == len),
            Some(i) => ((i + len - 1) % len, i == 0),
            None => {
                let tier = &self.order[self.bounds[0]..self.bounds[1].max(self.bounds[0])];
                let tier = if tier.is_empty() { &self.order[..] } else { tier };
                let after = tier.partition_point(|&n| (n as usize) <= from);
                if forward {
                    (after % tier.len(), after == tier.len())
                } else {
                    (after.checked_sub(1).unwrap_or(tier.len() - 1), after == 0)
                }
            }
        };
        self.make(index, wrapped)
    }

    fn make(&self, index: usize, wrapped: bool) -> Option<Step> {
        let node = *self.order.get(index)? as usize;
        let tier = self.bounds.partition_point(|&b| b <= index) - 1;
        Some(Step {
            node,
            index,
            total: self.len(),
            tier,
            wrapped,
        })
    }
}

/// `Vec::dedup` of the part from `start` on, in place.
fn dedup_from(v: &mut Vec<u32>, start: usize) {
    if v.len() < start + 2 {
        return;
    }
    let mut kept = start + 1;
    for r in start + 1..v.len() {
        if v[r] != v[kept - 1] {
            v[kept] = v[r];
            kept += 1;
        }
    }
    v.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(s: &HitSteps, from: usize, forward: bool, n: usize) -> Vec<usize> {
        let mut at = from;
        (0..n)
            .map(|_| {
                let step = if forward { s.next(at) } else { s.prev(at) }.unwrap();
                at = step.node;
                at
            })
            .collect()
    }

    #[test]
    fn n_goes_forward_in_document_order_from_the_cursor_and_wraps() {
        let s = HitSteps::new(&[40, 10, 30]);
        assert_eq!(walk(&s, 15, true, 4), vec![30, 40, 10, 30]);
        assert_eq!(walk(&s, 15, false, 4), vec![10, 40, 30, 10]);
        let last = s.next(30).unwrap();
        assert_eq!(
            (last.node, last.label().as_str(), last.wrapped),
            (40, "hit 3 of 3", false)
        );
        let round = s.next(40).unwrap();
        assert_eq!((round.node, round.index, round.wrapped), (10, 0, true));
        assert!(s.prev(10).unwrap().wrapped);
        assert!(s.next(50).unwrap().wrapped, "past the last hit comes round");
    }

    #[test]
    fn close_tier_first_each_in_document_order() {
        let s = HitSteps::tiered(&[&[50, 20], &[10, 60, 20]]);
        assert_eq!(s.len(), 4, "20 counts once, in the close tier");
        assert_eq!(walk(&s, 0, true, 5), vec![20, 50, 10, 60, 20]);
        let loose = s.next(50).unwrap();
        assert_eq!(
            (loose.node, loose.tier, loose.label()),
            (10, 1, "hit 3 of 4".to_string())
        );
        // From off the hits, n lands in the close tier even when a loose hit is nearer.
        assert_eq!(s.next(5).unwrap().node, 20);
    }

    #[test]
    fn no_hits_no_step() {
        let s = HitSteps::new(&[]);
        assert_eq!(s.next(3), None);
        assert_eq!(s.prev(3), None);
        let s = HitSteps::tiered(&[&[], &[7]]);
        assert_eq!(s.next(0).map(|x| (x.node, x.tier)), Some((7, 1)));
    }
}
