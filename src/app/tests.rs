//! Flow tests: the app driven by keys on the bundled seeds, no terminal.
//! Each reads as (keys typed, what the reader then sees).

use super::*;
use crate::config::Config;
use crate::event::Event;
use crate::keymap::Key;
use crate::outline::load_seeds;

pub(super) fn app() -> App {
    let c = Config::defaults();
    let mut a = App::new(Arc::new(load_seeds()), c.keymap, Options::default());
    a.handle(Event::Resize(120, 40));
    a
}

/// Types keys written as in the screen tool: `/ r i e m a n n Enter`.
pub(super) fn type_keys(a: &mut App, keys: &str) {
    for k in keys.split(' ').filter(|k| !k.is_empty()) {
        a.handle(Event::Key(Key::parse(k).unwrap()));
        a.settle();
    }
}

pub(super) fn sel_text(a: &App) -> &str {
    a.outline.text(a.tree.selected)
}

pub(super) fn visible(a: &App) -> Vec<(Kind, String)> {
    a.tree
        .rows()
        .iter()
        .map(|&r| (a.outline.kind(r as usize), a.outline.text(r as usize).to_string()))
        .collect()
}

pub(super) fn find(a: &App, text: &str) -> usize {
    (0..a.outline.len()).find(|&i| a.outline.text(i) == text).unwrap()
}

#[test]
fn opens_on_documents_with_their_talks_and_bullets_folded() {
    let a = app();
    let rows = visible(&a);
    assert_eq!(rows.iter().filter(|(k, _)| *k == Kind::Document).count(), 5);
    assert!(rows
        .iter()
        .any(|(k, t)| *k == Kind::Session && t == "Session 5: mentoring"));
    assert!(!rows.iter().any(|(k, _)| *k == Kind::Bullet));
    assert_eq!(a.tree.selected, 0);
}

#[test]
fn number_keys_show_levels_and_tab_cycles() {
    let mut a = app();
    type_keys(&mut a, "1");
    assert!(visible(&a).iter().all(|(k, _)| *k == Kind::Document));
    type_keys(&mut a, "2");
    assert!(visible(&a).iter().all(|(k, _)| matches!(
        k,
        Kind::Document | Kind::Group | Kind::Session | Kind::Paragraph | Kind::Heading
    )));
    assert!(visible(&a).iter().any(|(k, _)| *k == Kind::Session));
    type_keys(&mut a, "9");
    assert_eq!(a.tree.rows().len(), a.outline.len());
    // Shift-Tab: documents > sessions > everything.
    type_keys(&mut a, "Shift-Tab");
    assert_eq!(visible(&a).len(), 5);
    type_keys(&mut a, "Shift-Tab");
    assert!(
        visible(&a).iter().any(|(k, _)| *k == Kind::Session) && !visible(&a).iter().any(|(k, _)| *k == Kind::Bullet)
    );
    type_keys(&mut a, "Shift-Tab");
    assert_eq!(a.tree.rows().len(), a.outline.len());
    // Tab on a talk: folded > children > whole subtree > folded.
    type_keys(&mut a, "2");
    let talk = find(&a, "session 1: monitoring & metrics");
    a.tree.selected = talk;
    let folded = a.tree.rows().len();
    type_keys(&mut a, "Tab");
    let children = a.tree.rows().len();
    assert_eq!(children - folded, a.outline.child_count(talk));
    type_keys(&mut a, "Tab");
    assert_eq!(a.tree.rows().len() - folded, a.outline.subtree_end(talk) - talk - 1);
    type_keys(&mut a, "Tab");
    assert_eq!(a.tree.rows().len(), folded);
}

#[test]
fn moving_and_folding_by_keys() {
    let mut a = app();
    type_keys(&mut a, "j");
    assert_eq!(a.outline.kind(a.tree.selected), Kind::Session);
    type_keys(&mut a, "l");
    assert!(a.tree.is_open(a.tree.selected));
    type_keys(&mut a, "l");
    assert_eq!(
        a.outline.kind(a.tree.selected),
        Kind::Bullet,
        "l steps into an open node"
    );
    type_keys(&mut a, "h");
    assert_eq!(
        a.outline.kind(a.tree.selected),
        Kind::Session,
        "h on a leaf steps to the parent"
    );
    type_keys(&mut a, "h");
    assert!(!a.tree.is_open(a.tree.selected));
    type_keys(&mut a, "G");
    assert_eq!(a.tree.selected_row(), a.tree.rows().len() - 1);
    type_keys(&mut a, "g");
    assert_eq!(a.tree.selected, 0);
    type_keys(&mut a, "} }");
    assert_eq!(a.tree.selected, a.outline.docs()[2].node);
    type_keys(&mut a, "{");
    assert_eq!(a.tree.selected, a.outline.docs()[1].node);
    type_keys(&mut a, "]");
    assert_eq!(sel_text(&a), "Intro, MBS");
    type_keys(&mut a, "] ] j");
    type_keys(&mut a, "[");
    assert_eq!(
        sel_text(&a),
        "session 1: monitoring & metrics",
        "[ goes to the start of the current talk"
    );
}

#[test]
fn two_key_sequences_and_their_aliases() {
    let mut a = app();
    type_keys(&mut a, "z R");
    assert_eq!(a.tree.rows().len(), a.outline.len());
    type_keys(&mut a, "z M");
    assert_eq!(a.tree.rows().len(), 5);
    type_keys(&mut a, "+");
    assert_eq!(a.tree.rows().len(), a.outline.len());
    type_keys(&mut a, "-");
    assert_eq!(a.tree.rows().len(), 5);
}

#[test]
fn vim_fold_keys_open_close_and_toggle_in_place() {
    let mut a = app();
    type_keys(&mut a, "j");
    let talk = a.tree.selected;
    type_keys(&mut a, "z o");
    assert!(a.tree.is_open(talk));
    type_keys(&mut a, "z o");
    assert!(a.tree.is_open(talk), "zo never closes");
    type_keys(&mut a, "z c");
    assert!(!a.tree.is_open(talk));
    type_keys(&mut a, "z a");
    assert!(a.tree.is_open(talk));
    assert_eq!(a.tree.selected, talk, "the selection stays put");
}

#[test]
fn keys_do_nothing_while_the_screen_is_too_small_except_quit() {
    let mut a = app();
    a.handle(Event::Resize(20, 5));
    type_keys(&mut a, "j j / x");
    assert_eq!(a.tree.selected, 0);
    assert!(!a.find.open);
    a.handle(Event::Resize(120, 40));
    type_keys(&mut a, "j");
    assert_ne!(a.tree.selected, 0, "back to normal once it fits");
    a.handle(Event::Resize(20, 5));
    type_keys(&mut a, "q");
    assert!(a.quit);
}

#[test]
fn help_scrolls_to_its_end_and_straight_back() {
    let mut a = app();
    type_keys(&mut a, "? G");
    let end = a.help.unwrap();
    assert!(end > 0, "the help is longer than 40 rows");
    type_keys(&mut a, "G");
    assert_eq!(a.help, Some(end), "stays at the end");
    type_keys(&mut a, "k");
    assert_eq!(a.help, Some(end - 1), "one key back moves at once");
    type_keys(&mut a, "g");
    assert_eq!(a.help, Some(0));
}

#[test]
fn help_opens_and_closes_and_q_quits() {
    let mut a = app();
    type_keys(&mut a, "?");
    assert!(a.help.is_some());
    type_keys(&mut a, "j Esc");
    assert!(a.help.is_none());
    type_keys(&mut a, "q");
    assert!(a.quit);
}

#[test]
fn clicks_select_toggle_and_focus() {
    let mut a = app();
    let l = a.layout();
    // Click the second row's text: selects it and focuses the outline.
    a.handle(Event::Click {
        col: l.tree_rows.x + 10,
        row: l.tree_rows.y + 1,
    });
    assert_eq!(a.tree.selected, a.tree.rows()[1] as usize);
    // Click its fold marker: opens it.
    let node = a.tree.selected;
    let x = l.tree_rows.x + crate::layout::tree_indent(a.outline.depth(node), l.tree_rows.width);
    a.handle(Event::Click {
        col: x,
        row: l.tree_rows.y + 1,
    });
    assert!(a.tree.is_open(node));
    a.handle(Event::Click {
        col: l.detail_body.x + 2,
        row: l.detail_body.y,
    });
    assert_eq!(a.focus, Focus::Detail);
}

#[test]
fn detail_focus_scrolls_the_talk_not_the_selection() {
    let mut a = app();
    a.tree.selected = find(&a, "Session 3: managing OSS software at work");
    a.handle(Event::Tick);
    type_keys(&mut a, "Ctrl-w j j");
    assert_eq!(a.focus, Focus::Detail);
    assert_eq!(a.detail.scroll, 2);
    assert_eq!(sel_text(&a), "Session 3: managing OSS software at work");
}

#[test]
fn resizing_keeps_the_selection_in_view() {
    let mut a = app();
    type_keys(&mut a, "9 G");
    for (w, h) in [(60, 15), (20, 5), (120, 40)] {
        a.handle(Event::Resize(w, h));
        let rows = a.layout().tree_rows.height as usize;
        if rows > 0 {
            assert!(a.tree.selected_row() >= a.tree.top && a.tree.selected_row() < a.tree.top + rows);
        }
    }
}
