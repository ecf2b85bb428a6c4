//! Zoom: a node made the root of the outline (Workflowy's zoom, org's
//! narrow), stacked so that zooming out steps back one level at a time,
//! with the root's breadcrumb for the pane title.

use std::ops::Range;

use crate::outline::Outline;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Zoom {
    /// Roots zoomed into, outermost first; each inside the one before.
    roots: Vec<u32>,
}

impl Zoom {
    pub fn root(&self) -> Option<usize> {
        self.roots.last().map(|&r| r as usize)
    }

    pub fn depth(&self) -> usize {
        self.roots.len()
    }

    /// Makes `node` the root. Only a node with children, inside the
    /// current root and not the root itself; says whether it zoomed.
    pub fn zoom_in(&mut self, o: &Outline, node: usize) -> bool {
        let inside = self.root().is_none_or(|r| node > r && node < o.subtree_end(r));
        if node >= o.len() || !o.has_children(node) || !inside {
            return false;
        }
        self.roots.push(node as u32);
        true
    }

    /// The roots carried to a changed outline (a file reloaded) by `map`;
    /// a root with no new self is zoomed out of, with those inside it.
    pub fn carry(&mut self, map: impl Fn(usize) -> Option<usize>) {
        let kept = self.roots.iter().map_while(|&r| map(r as usize)).collect::<Vec<_>>();
        self.roots = kept.into_iter().map(|r| r as u32).collect();
    }

    /// Back to the root before; returns the root left (to select it).
    pub fn zoom_out(&mut self) -> Option<usize> {
        self.roots.pop().map(|r| r as usize)
    }

    /// Zooms out until `node` is inside the root (a jump to a hit outside).
    pub fn fit(&mut self, o: &Outline, node: usize) {
        while !self.contains(o, node) {
            self.roots.pop();
        }
    }

    /// Whether `node` is shown: the root or under it, or anything unzoomed.
    pub fn contains(&self, o: &Outline, node: usize) -> bool {
        self.root().is_none_or(|r| node >= r && node < o.subtree_end(r))
    }

    /// The nodes shown, root included.
    pub fn range(&self, o: &Outline) -> Range<usize> {
        match self.root() {
            Some(r) => r..o.subtree_end(r),
            None => 0..o.len(),
        }
    }

    /// The root's path, document first, root last (empty when unzoomed).
    pub fn breadcrumb(&self, o: &Outline) -> Vec<usize> {
        let Some(r) = self.root() else {
            return Vec::new();
        };
        let mut path: Vec<usize> = o.ancestors(r).collect();
        path.reverse();
        path.push(r);
        path
    }

    /// The breadcrumb as text: "Scale Summit 2014 › Monitoring".
    pub fn title(&self, o: &Outline) -> String {
        let parts: Vec<&str> = self.breadcrumb(o).into_iter().map(|n| o.text(n)).collect();
        parts.join(" › ")
    }

    /// A node's depth below the root (the root is 0), for indenting rows.
    pub fn relative_depth(&self, o: &Outline, node: usize) -> usize {
        o.depth(node) - self.root().map_or(0, |r| o.depth(r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::hit_tree::tests::outline_of;

    //  0 doc 0
    //  1 ├─ d0 n0
    //  2 │  ├─ d0 n1
    //  3 │  │  └─ d0 n2
    //  4 │  └─ d0 n3
    //  5 doc 1
    //  6 └─ d1 n0
    fn sample() -> Outline {
        outline_of(&[&[0, 1, 2, 1], &[0]])
    }

    #[test]
    fn zoom_in_narrows_and_out_steps_back_one_level() {
        let o = sample();
        let mut z = Zoom::default();
        assert_eq!(z.range(&o), 0..7);
        assert!(z.zoom_in(&o, 1));
        assert!(z.zoom_in(&o, 2));
        assert_eq!(z.range(&o), 2..4);
        assert_eq!(z.title(&o), "doc 0 › d0 n0 › d0 n1");
        assert_eq!(z.relative_depth(&o, 3), 1);
        assert_eq!(z.zoom_out(), Some(2));
        assert_eq!(z.range(&o), 1..5);
        assert_eq!(z.zoom_out(), Some(1));
        assert_eq!(z.zoom_out(), None);
        assert_eq!(z.title(&o), "");
    }

    #[test]
    fn zoom_refuses_leaves_the_root_and_nodes_outside() {
        let o = sample();
        let mut z = Zoom::default();
        assert!(!z.zoom_in(&o, 4), "a leaf");
        assert!(!z.zoom_in(&o, 99));
        assert!(z.zoom_in(&o, 1));
        assert!(!z.zoom_in(&o, 1), "already the root");
        assert!(!z.zoom_in(&o, 5), "outside the root");
        assert_eq!(z.depth(), 1);
    }

    #[test]
    fn a_jump_outside_zooms_out_until_it_fits() {
        let o = sample();
        let mut z = Zoom::default();
        z.zoom_in(&o, 1);
        z.zoom_in(&o, 2);
        z.fit(&o, 4);
        assert_eq!(z.root(), Some(1));
        z.fit(&o, 6);
        assert_eq!(z.root(), None);
        assert!(z.contains(&o, 6));
    }
}
