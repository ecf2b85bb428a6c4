//! Whole screens rendered with ratatui's TestBackend on the bundled seeds:
//! insta snapshots of the main screens at 80x24 and 120x40, and checks that
//! no cell ever holds a control character.

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;
use std::sync::Arc;
use talktree::action::Action;
use talktree::app::{App, Options};
use talktree::config::Config;
use talktree::keymap::Key;
use talktree::outline::{load_seeds, Outline};
use talktree::ui::{draw, theme::Theme};

fn app_on(o: Outline, w: u16, h: u16) -> App {
    let mut a = App::new(Arc::new(o), Config::defaults().keymap, Options::default());
    a.update(Action::Resize(w, h));
    a
}

fn keys(a: &mut App, ks: &str) {
    for k in ks.split(' ').filter(|k| !k.is_empty()) {
        a.update(Action::Press(Key::parse(k).unwrap()));
        a.settle();
    }
}

fn render(a: &App) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(a.size.0, a.size.1)).unwrap();
    t.draw(|f| draw(f, a, &Theme::monochrome())).unwrap();
    t.backend().buffer().clone()
}

fn text(b: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..b.area.height {
        let mut line = String::new();
        for x in 0..b.area.width {
            line.push_str(b[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn assert_clean(b: &Buffer) {
    for cell in b.content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "control char in {:?}",
            cell.symbol()
        );
    }
}

fn screen(w: u16, h: u16, ks: &str) -> String {
    let mut a = app_on(load_seeds(), w, h);
    keys(&mut a, ks);
    let b = render(&a);
    assert_clean(&b);
    text(&b)
}

#[test]
fn start_80x24() {
    insta::assert_snapshot!(screen(80, 24, ""));
}

#[test]
fn start_120x40() {
    insta::assert_snapshot!(screen(120, 40, ""));
}

#[test]
fn find_results_80x24() {
    insta::assert_snapshot!(screen(80, 24, "/ r i e m a n n"));
}

#[test]
fn find_results_120x40() {
    insta::assert_snapshot!(screen(120, 40, "/ r i e m a n n"));
}

#[test]
fn after_jump_120x40() {
    insta::assert_snapshot!(screen(120, 40, "/ r i e m a n n Enter"));
}

#[test]
fn help_overlay_80x24() {
    insta::assert_snapshot!(screen(80, 24, "?"));
}

#[test]
fn help_overlay_120x40() {
    insta::assert_snapshot!(screen(120, 40, "?"));
}

#[test]
fn too_small_20x5() {
    let s = screen(20, 5, "");
    assert!(s.contains("too small"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn every_size_down_to_1x1_renders_without_panic() {
    for (w, h) in [
        (1, 1),
        (2, 1),
        (1, 3),
        (39, 11),
        (40, 12),
        (41, 13),
        (60, 15),
        (200, 60),
    ] {
        for ks in ["", "/ r i", "?", "9 G"] {
            let mut a = app_on(load_seeds(), w, h);
            keys(&mut a, ks);
            assert_clean(&render(&a));
        }
    }
}

#[test]
fn hostile_text_never_reaches_the_screen_raw() {
    let nasty = "Talk \u{1b}]0;pwned\u{7} by Eve Mallory\n- \u{1b}[31mred\u{1b}[0m \u{9b}2J \u{202e}evil\u{202c} \u{1b}]52;c;aGVsbG8=\u{7}\n- tab\there\rlone CR\u{7f}\n";
    let doc = talktree::outline::parse_document(nasty.as_bytes(), "nasty.txt").unwrap();
    let o = talktree::outline::build_outline(vec![doc]);
    let mut a = app_on(o, 80, 24);
    keys(&mut a, "9 j j");
    let b = render(&a);
    assert_clean(&b);
    let s = text(&b);
    assert!(s.contains("␛"), "escape shown as a placeholder:\n{s}");
}
