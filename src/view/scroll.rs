//! Where a pane's top row goes so that what the reader asked for is in
//! sight: a jump puts its target a few rows from the top with context
//! above (vim's scrolloff), opening a node shows as many of its children
//! as fit, and zt/zz/zb place a row at the top, middle or bottom. Pure
//! functions of row counts: `rows` is how many rows there are, `height`
//! how many the pane shows; every result keeps the target visible.

/// zt, zz, zb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Top,
    Center,
    Bottom,
}

/// The largest top that still fills the pane.
fn max_top(rows: usize, height: usize) -> usize {
    rows.saturating_sub(height)
}

/// The scroll-off that fits `height`: at most half the pane, as vim caps it.
fn fit_off(off: usize, height: usize) -> usize {
    off.min(height.saturating_sub(1) / 2)
}

/// After a jump to `target`: `off` rows of context above it, unless the
/// end of the rows is reached first.
pub fn jump_top(target: usize, rows: usize, height: usize, off: usize) -> usize {
    target.saturating_sub(fit_off(off, height)).min(max_top(rows, height))
}

/// Scrolls as little as possible so that `target` is in sight with `off`
/// rows of context above and below (moving the selection a row at a time).
pub fn follow_top(top: usize, target: usize, rows: usize, height: usize, off: usize) -> usize {
    if height == 0 {
        return top;
    }
    let off = fit_off(off, height);
    let top = if target < top + off {
        target.saturating_sub(off)
    } else if target + off >= top + height {
        (target + off + 1).saturating_sub(height)
    } else {
        top
    };
    top.min(max_top(rows, height)).min(target)
}

/// After opening the node at `row` with `shown` rows now under it: as many
/// of them in sight as fit, the node itself kept on screen.
pub fn open_top(top: usize, row: usize, shown: usize, rows: usize, height: usize) -> usize {
    let last = row + shown;
    let top = if last >= top + height {
        (last + 1).saturating_sub(height)
    } else {
        top
    };
    // The node itself on screen, and the pane full.
    top.min(row)
        .max((row + 1).saturating_sub(height))
        .min(max_top(rows, height))
}

/// zt/zz/zb on `target`; zt and zb keep `off` rows of context.
pub fn align_top(target: usize, rows: usize, height: usize, off: usize, how: Align) -> usize {
    let off = fit_off(off, height);
    let top = match how {
        Align::Top => target.saturating_sub(off),
        Align::Center => target.saturating_sub(height.saturating_sub(1) / 2),
        Align::Bottom => (target + off + 1).saturating_sub(height),
    };
    top.min(max_top(rows, height)).min(target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn visible(top: usize, target: usize, height: usize) -> bool {
        target >= top && target < top + height
    }

    #[test]
    fn a_jump_keeps_context_above_the_target() {
        // 38 rows shown of 200: the target lands 5 rows from the top.
        assert_eq!(jump_top(100, 200, 38, 5), 95);
        assert_eq!(jump_top(3, 200, 38, 5), 0, "not above the first row");
        assert_eq!(jump_top(195, 200, 38, 5), 162, "the pane stays full at the end");
        assert_eq!(jump_top(10, 200, 4, 5), 9, "scroll-off capped at half a small pane");
    }

    #[test]
    fn follow_scrolls_only_when_the_margin_is_crossed() {
        assert_eq!(follow_top(10, 20, 200, 20, 3), 10);
        assert_eq!(follow_top(10, 27, 200, 20, 3), 11);
        assert_eq!(follow_top(10, 12, 200, 20, 3), 9);
        assert_eq!(follow_top(10, 199, 200, 20, 3), 180);
    }

    #[test]
    fn opening_shows_as_many_children_as_fit() {
        // "Scale Summit 2014" on the pane's last row (36 of 38) opens 12
        // children: they come into view, the node stays on screen.
        assert_eq!(open_top(0, 36, 12, 300, 38), 11);
        // More children than the pane holds: the node goes to the top.
        assert_eq!(open_top(0, 36, 90, 300, 38), 36);
        // They already fit: nothing moves.
        assert_eq!(open_top(0, 5, 10, 300, 38), 0);
    }

    #[test]
    fn zt_zz_zb() {
        assert_eq!(align_top(50, 200, 20, 0, Align::Top), 50);
        assert_eq!(align_top(50, 200, 20, 2, Align::Top), 48);
        assert_eq!(align_top(50, 200, 20, 0, Align::Center), 41);
        assert_eq!(align_top(50, 200, 20, 0, Align::Bottom), 31);
        assert_eq!(align_top(50, 200, 20, 2, Align::Bottom), 33);
        assert_eq!(align_top(195, 200, 20, 0, Align::Top), 180);
    }

    proptest! {
        #[test]
        fn the_target_stays_visible_for_any_sizes(
            rows in 1usize..500,
            height in 1usize..80,
            off in 0usize..20,
            top in 0usize..500,
            t in any::<prop::sample::Index>(),
            shown in 0usize..100,
        ) {
            let target = t.index(rows);
            let top = top.min(rows.saturating_sub(height));
            prop_assert!(visible(jump_top(target, rows, height, off), target, height));
            prop_assert!(visible(follow_top(top, target, rows, height, off), target, height));
            for how in [Align::Top, Align::Center, Align::Bottom] {
                prop_assert!(visible(align_top(target, rows, height, off, how), target, height));
            }
            let shown = shown.min(rows - 1 - target);
            let opened = open_top(top, target, shown, rows, height);
            prop_assert!(visible(opened, target, height));
            // As many children as fit: the last one, or a full pane below the node.
            prop_assert!(visible(opened, target + shown, height) || opened == target);
        }

        #[test]
        fn a_jump_keeps_the_context_when_there_is_room(
            rows in 1usize..500,
            height in 1usize..80,
            off in 0usize..20,
            t in any::<prop::sample::Index>(),
        ) {
            let target = t.index(rows);
            let top = jump_top(target, rows, height, off);
            let room = target.min(off.min((height - 1) / 2));
            let at_end = top == rows.saturating_sub(height);
            prop_assert!(target - top >= room || at_end);
        }
    }
}
