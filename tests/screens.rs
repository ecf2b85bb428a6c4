//! Whole screens rendered with ratatui's TestBackend on the bundled seeds:
//! insta snapshots of the main screens at 80x24 and 120x40, and checks that
//! no cell ever holds a control character.

mod common;
use common::render::{app_on, arrive, assert_clean, keys, loading_on, render, text};
use talktree::outline::load_seeds;

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

#[test]
fn nothing_loaded_80x20() {
    use talktree::outline::Outline;
    let mut a = loading_on(vec!["notes/".into()], 80, 20);
    let problem = "notes/: no notes files found in this folder";
    arrive(&mut a, Outline::new(), vec![problem.into()]);
    // Every key that needs notes is a no-op, not a panic.
    keys(&mut a, "j G l Tab BackTab 1 9 / x Enter Esc m ' n");
    let b = render(&a);
    assert_clean(&b);
    insta::assert_snapshot!(text(&b));
}

/// In colour, every visible character of every row stays readable: its
/// foreground never equals its background (the selected talk, the chosen
/// result, the bookmark list's cursor).
#[test]
fn selected_rows_stay_readable_in_colour() {
    use common::render::render_with;
    use talktree::config::Config;
    use talktree::ui::theme::Theme;
    let themes = [
        Theme::from_config(&Config::defaults(), false),
        Theme::from_config(&Config::load(Some(("c", "[theme]\npreset = \"light\"\n"))).0, false),
    ];
    for ks in ["j", "/ r i e m a n n", "/ r i e m a n n Enter", "j m '", "j Ctrl-w"] {
        let mut a = app_on(load_seeds(), 100, 30);
        keys(&mut a, ks);
        for theme in &themes {
            let b = render_with(&a, theme);
            for cell in b.content() {
                let visible = !cell.symbol().trim().is_empty();
                assert!(
                    !(visible && cell.bg != ratatui::style::Color::Reset && cell.fg == cell.bg),
                    "{ks:?}: {:?} drawn {:?} on {:?}",
                    cell.symbol(),
                    cell.fg,
                    cell.bg
                );
            }
        }
    }
}

/// Messages that name a key name the one bound, not the default: moved in
/// a config, the title's help key, find's scope key and the find key in
/// "no search yet" follow; unbound in a pane, no hint names it.
#[test]
fn messages_name_the_keys_as_bound() {
    use talktree::app::{App, Options};
    use talktree::config::Config;
    use talktree::event::Event;
    let user = "[keys.global]\ntoggle_help = \"F2\"\n[keys.outline]\nopen_find = \"F3\"\n[keys.find]\ntoggle_find_scope = \"F4\"\n";
    let (config, errors) = Config::load(Some(("moved.toml", user)));
    assert!(errors.is_empty(), "{errors:?}");
    let mut a = App::new(std::sync::Arc::new(load_seeds()), config.keymap, Options::default());
    a.handle(Event::Resize(100, 30));
    let title = text(&render(&a)).lines().next().unwrap_or_default().to_string();
    assert!(title.ends_with("F2 help"), "{title}");
    keys(&mut a, "n");
    let s = text(&render(&a));
    assert!(s.contains("No search yet: press F3 to find"), "{s}");
    keys(&mut a, "F3 q q x z y");
    let s = text(&render(&a));
    assert!(s.contains("No match. Fewer letters, or F4 to switch scope."), "{s}");
    assert!(!s.contains("Ctrl-t") && !s.contains("? help"), "{s}");
}
