//! The detail pane's state: which node's content it shows, its lines (built
//! by `lines` when the talk or the width changes, not on every frame) and
//! its scroll, kept on the selection.

mod lines;

use crate::outline::{Kind, Outline};
pub use lines::{build, line_span, Line, Role};

#[derive(Clone, Debug, Default)]
pub struct Detail {
    /// The node whose content is shown (a talk, a file or a group).
    pub context: usize,
    pub width: u16,
    pub lines: Vec<Line>,
    pub scroll: usize,
}

/// What the detail pane shows for a selected node: the talk holding it, or
/// for a node outside any talk, the top-level section holding it. Files and
/// groups show themselves as an overview.
pub fn context_of(o: &Outline, sel: usize) -> usize {
    if matches!(o.kind(sel), Kind::Document | Kind::Group) {
        return sel;
    }
    if let Some(s) = o.session_of(sel) {
        return s;
    }
    // Outside any talk: the highest ancestor below a file or group.
    let mut top = sel;
    for a in o.ancestors(sel) {
        if matches!(o.kind(a), Kind::Document | Kind::Group) {
            break;
        }
        top = a;
    }
    top
}

impl Detail {
    /// Rebuilds the lines if the talk or the width changed; returns whether it did.
    pub fn refresh(&mut self, o: &Outline, context: usize, w: u16) -> bool {
        if context == self.context && w == self.width && !self.lines.is_empty() {
            return false;
        }
        self.context = context;
        self.width = w;
        self.lines = build(o, context, w as usize);
        self.scroll = 0;
        true
    }

    /// Scrolls the least needed to show all of `node` (or its top if taller
    /// than the pane), keeping `off` lines of context when there is room.
    pub fn follow(&mut self, node: usize, height: usize, off: usize) {
        let Some((first, last)) = line_span(&self.lines, node) else {
            return;
        };
        let margin = off.min(height.saturating_sub(1) / 2);
        if first < self.scroll + margin {
            self.scroll = first.saturating_sub(margin);
        } else if last + margin >= self.scroll + height {
            self.scroll = (last + margin + 1)
                .saturating_sub(height)
                .min(first.saturating_sub(margin));
        }
        self.clamp(height);
    }

    /// zt/zz/zb on `node`'s first line.
    pub fn align(&mut self, node: usize, height: usize, off: usize, how: crate::view::Align) {
        if let Some((first, _)) = line_span(&self.lines, node) {
            self.scroll = crate::view::scroll::align_top(first, self.lines.len(), height, off, how);
        }
    }

    /// After a jump: `node` `off` lines from the top, when there is room.
    pub fn jump_to(&mut self, node: usize, height: usize, off: usize) {
        if let Some((first, _)) = line_span(&self.lines, node) {
            self.scroll = crate::view::scroll::jump_top(first, self.lines.len(), height, off);
        }
    }

    pub fn scroll_by(&mut self, delta: isize, height: usize) {
        self.scroll = (self.scroll as isize + delta).max(0) as usize;
        self.clamp(height);
    }

    pub fn clamp(&mut self, height: usize) {
        self.scroll = self.scroll.min(self.lines.len().saturating_sub(height.max(1)));
    }
}

#[cfg(test)]
mod tests;
