//! Issue 20's screens, as insta snapshots at 120x40 and 60x15: the find
//! pane's tree view, the marks a search leaves in the outline and the
//! detail pane (drawn here as `[...]` around marked cells), a zoomed
//! outline and the detail pane given the whole screen.

mod common;
use common::render::{app_on, keys, render_with};
use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};
use talktree::outline::load_seeds;
use talktree::ui::theme::Theme;

/// The monochrome theme with hits in a style nothing else uses.
fn theme() -> Theme {
    let mut t = Theme::monochrome();
    t.matched = Style::default().add_modifier(Modifier::SLOW_BLINK);
    t
}

/// The screen as text, marked cells between `[` and `]`.
fn marked_text(b: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..b.area.height {
        let mut inside = false;
        for x in 0..b.area.width {
            let c = &b[(x, y)];
            let mark = c.modifier.contains(Modifier::SLOW_BLINK);
            if mark != inside {
                out.push(if mark { '[' } else { ']' });
                inside = mark;
            }
            out.push_str(c.symbol());
        }
        if inside {
            out.push(']');
        }
        out.push('\n');
    }
    out
}

fn screen(w: u16, h: u16, ks: &str) -> String {
    let mut a = app_on(load_seeds(), w, h);
    keys(&mut a, ks);
    marked_text(&render_with(&a, &theme()))
}

const TREE: &str = "/ r i e m a n n Ctrl-v";
const MARKS: &str = "/ ' r i e m a n n Enter";
const ZOOM: &str = "} ] ] ] z i";
const FULL: &str = "] ] l F";

#[test]
fn tree_view_120x40() {
    let s = screen(120, 40, TREE);
    assert!(s.contains("· 3 close · 74 loose"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn tree_view_60x15() {
    insta::assert_snapshot!(screen(60, 15, TREE));
}

#[test]
fn marks_in_outline_and_detail_120x40() {
    let s = screen(120, 40, MARKS);
    // Marked in both panes: the outline's rows and the detail's lines.
    let marked_rows = s.lines().filter(|l| l.contains("[riemann]")).count();
    assert!(marked_rows >= 3, "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn marks_in_outline_and_detail_60x15() {
    insta::assert_snapshot!(screen(60, 15, MARKS));
}

#[test]
fn zoomed_outline_120x40() {
    let s = screen(120, 40, ZOOM);
    assert!(s.contains("Zoom: … › session 1: monitoring & metrics"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn zoomed_outline_60x15() {
    insta::assert_snapshot!(screen(60, 15, ZOOM));
}

#[test]
fn full_screen_detail_120x40() {
    let s = screen(120, 40, FULL);
    assert!(!s.contains("Outline"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn full_screen_detail_60x15() {
    insta::assert_snapshot!(screen(60, 15, FULL));
}
