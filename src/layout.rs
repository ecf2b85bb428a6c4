//! Where each part of the screen goes, as pure geometry: the renderer draws
//! into these rectangles and `App::update` uses the same ones to scroll and
//! to hit-test mouse clicks, so the two can never disagree.

use crate::view::Panes;
use ratatui::layout::Rect;

/// Below this the reader says the terminal is too small instead of drawing.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    pub title: Rect,
    /// The outline pane, border included.
    pub tree: Rect,
    /// Rows inside the outline's border.
    pub tree_rows: Rect,
    pub detail: Rect,
    /// The fixed breadcrumb row inside the detail pane.
    pub crumb: Rect,
    /// The scrolling body of the detail pane.
    pub detail_body: Rect,
    /// The find pane (zero-sized when closed).
    pub find: Rect,
    pub find_input: Rect,
    pub find_results: Rect,
    pub footer: Rect,
    pub too_small: bool,
}

/// Rows the help overlay shows at once in a `size` terminal: the body
/// between title and footer, less a margin and the overlay's border.
pub fn help_rows(size: (u16, u16)) -> usize {
    size.1.saturating_sub(6) as usize
}

/// Width of the help overlay in a `width`-column terminal: all of a narrow
/// screen (its descriptions are what a new reader needs, and they are cut
/// first), most of a wide one.
pub fn help_width(width: u16) -> u16 {
    if width <= 80 {
        width
    } else {
        (width * 4 / 5).clamp(80, 90)
    }
}

/// Inside a one-cell border.
fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x.saturating_add(1),
        y: r.y.saturating_add(1),
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

/// Splits `area`. `tree_percent` is the outline's share of the width;
/// `find_rows` the result rows wanted when the find pane is open.
pub fn compute(area: Rect, find_open: bool, tree_percent: u16, find_rows: u16) -> Layout {
    compute_panes(area, find_open, Panes::new(tree_percent), find_rows)
}

/// `compute` with the panes as the reader sized them: the outline's share,
/// or one pane given the whole width (the other is then zero-sized).
pub fn compute_panes(area: Rect, find_open: bool, panes: Panes, find_rows: u16) -> Layout {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Layout {
            too_small: true,
            ..Layout::default()
        };
    }
    let title = Rect { height: 1, ..area };
    let footer = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let body_h = area.height - 2;
    // Border, input row, separator... keep at least 5 rows for the panes.
    let find_h = if find_open {
        (find_rows + 3).min(body_h.saturating_sub(5)).max(4)
    } else {
        0
    };
    let panes_h = body_h - find_h;
    let tree_w = panes.outline_columns(area.width);
    let tree = Rect {
        x: area.x,
        y: area.y + 1,
        width: tree_w,
        height: panes_h,
    };
    let detail = Rect {
        x: area.x + tree_w,
        y: area.y + 1,
        width: area.width - tree_w,
        height: panes_h,
    };
    let detail_inner = inner(detail);
    let crumb = Rect {
        height: 1.min(detail_inner.height),
        ..detail_inner
    };
    let detail_body = Rect {
        y: detail_inner.y + crumb.height,
        height: detail_inner.height - crumb.height,
        ..detail_inner
    };
    let find = Rect {
        x: area.x,
        y: area.y + 1 + panes_h,
        width: area.width,
        height: find_h,
    };
    let find_inner = inner(find);
    let find_input = Rect {
        height: 1.min(find_inner.height),
        ..find_inner
    };
    let find_results = Rect {
        y: find_inner.y + find_input.height,
        height: find_inner.height - find_input.height,
        ..find_inner
    };
    Layout {
        title,
        tree,
        tree_rows: inner(tree),
        detail,
        crumb,
        detail_body,
        find,
        find_input,
        find_results,
        footer,
        too_small: false,
    }
}

/// Columns before a tree row's fold marker at `depth` in a pane `width`
/// wide: a one-column margin, then two per level, but never more than half
/// the pane, so even 100,000 levels leave room for the text.
pub fn tree_indent(depth: usize, width: u16) -> u16 {
    (1 + 2 * depth).min(width as usize / 2) as u16
}

pub fn contains(r: Rect, col: u16, row: u16) -> bool {
    col >= r.x && col < r.x + r.width && row >= r.y && row < r.y + r.height
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::FullScreen;

    #[test]
    fn a_pane_given_the_whole_screen_leaves_the_other_empty() {
        let area = Rect::new(0, 0, 60, 15);
        let mut panes = Panes::new(40);
        panes.toggle_full(FullScreen::Detail);
        let l = compute_panes(area, false, panes, 10);
        assert_eq!((l.tree.width, l.tree_rows.width), (0, 0));
        assert_eq!((l.detail.x, l.detail.width), (0, 60));
        assert_eq!(l.detail_body.width, 58);
        panes.toggle_full(FullScreen::Outline);
        let l = compute_panes(area, true, panes, 10);
        assert_eq!((l.tree.width, l.detail.width, l.detail_body.width), (60, 0, 0));
        panes.toggle_full(FullScreen::Outline);
        panes.widen();
        let l = compute_panes(area, false, panes, 10);
        assert_eq!((l.tree.width, l.detail.width), (27, 33));
    }

    #[test]
    fn panes_tile_the_screen() {
        let l = compute(Rect::new(0, 0, 120, 40), true, 40, 10);
        assert!(!l.too_small);
        assert_eq!(l.tree.width + l.detail.width, 120);
        assert_eq!(l.title.height + l.tree.height + l.find.height + l.footer.height, 40);
        assert_eq!(l.find_results.height, 10);
        assert_eq!(l.tree.width, 48);
    }

    #[test]
    fn small_screens_keep_usable_panes_and_tiny_ones_are_refused() {
        let l = compute(Rect::new(0, 0, 40, 12), true, 40, 10);
        assert!(!l.too_small);
        assert!(l.tree_rows.height >= 3);
        assert!(l.find_results.height >= 1);
        for (w, h) in [(39, 30), (80, 11), (1, 1), (0, 0)] {
            assert!(compute(Rect::new(0, 0, w, h), false, 40, 10).too_small);
        }
    }
}
