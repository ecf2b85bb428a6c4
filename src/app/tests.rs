//! Flow tests: the app driven by keys on the bundled seeds, no terminal.
//! Each reads as (keys typed, what the reader then sees).

use super::*;
use crate::config::Config;
use crate::keymap::Key;
use crate::outline::load_seeds;

fn app() -> App {
    let c = Config::defaults();
    let mut a = App::new(Arc::new(load_seeds()), c.keymap, Options::default());
    a.update(Action::Resize(120, 40));
    a
}

/// Types keys written as in the screen tool: `/ r i e m a n n Enter`.
fn type_keys(a: &mut App, keys: &str) {
    for k in keys.split(' ').filter(|k| !k.is_empty()) {
        a.update(Action::Press(Key::parse(k).unwrap()));
        a.settle();
    }
}

fn sel_text(a: &App) -> &str {
    a.outline.text(a.tree.selected)
}

fn visible(a: &App) -> Vec<(Kind, String)> {
    a.tree
        .rows()
        .iter()
        .map(|&r| (a.outline.kind(r as usize), a.outline.text(r as usize).to_string()))
        .collect()
}

fn find(a: &App, text: &str) -> usize {
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
fn find_riemann_lands_on_the_bullet_with_its_talk_in_detail() {
    let mut a = app();
    type_keys(&mut a, "/ r i e m a n n Enter");
    assert!(!a.find.open);
    assert_eq!(sel_text(&a), "is anyone using riemann?");
    let o = a.outline.clone();
    let session = o.session_of(a.tree.selected).unwrap();
    assert_eq!(o.text(session), "session 1: monitoring & metrics");
    assert_eq!(o.text(o.document_of(session)), "Scale Summit 2014");
    assert_eq!(a.detail.context, session);
    // The selected line and the anomaly-detection line under it are on screen.
    let h = a.layout().detail_body.height as usize;
    let shown = &a.detail.lines[a.detail.scroll..(a.detail.scroll + h).min(a.detail.lines.len())];
    let sel_at = shown
        .iter()
        .position(|l| l.node as usize == a.tree.selected)
        .expect("selection visible");
    let anomaly = shown
        .iter()
        .position(|l| l.text == "real time anomaly detection")
        .expect("context visible");
    assert!(anomaly > sel_at);
}

#[test]
fn find_wilcox_ranks_the_talk_first_and_enter_selects_it() {
    let mut a = app();
    type_keys(&mut a, "/ w i l c o x");
    let first = a.find.results[0].node as usize;
    assert_eq!(
        a.outline.text(first),
        "Using Persistent Memory for Fun and Profit by Matthew Wilcox"
    );
    assert_eq!(a.outline.kind(first), Kind::Session);
    type_keys(&mut a, "Enter");
    assert_eq!(a.tree.selected, first);
}

#[test]
fn find_jepsen_lands_in_the_dotscale_talk() {
    let mut a = app();
    type_keys(&mut a, "/ j e p s e n Enter");
    let o = a.outline.clone();
    let sel = a.tree.selected;
    assert_eq!(o.kind(sel), Kind::Paragraph);
    assert!(o.text(sel).contains("Jepsen"));
    assert_eq!(o.text(o.session_of(sel).unwrap()), "CAP, Docker, and Data");
    assert!(o.text(o.document_of(sel)).contains("DotScale"));
}

#[test]
fn esc_closes_find_and_returns_to_where_you_were() {
    let mut a = app();
    // Small enough that the find pane leaves the outline a few rows.
    a.update(Action::Resize(60, 16));
    type_keys(&mut a, "j j j");
    let before = (a.tree.selected, a.tree.rows().to_vec(), a.tree.top);
    type_keys(&mut a, "/ r i e m a n n Down");
    assert_ne!(a.tree.selected, before.0, "the result is previewed");
    type_keys(&mut a, "Esc");
    assert!(!a.find.open);
    assert_eq!((a.tree.selected, a.tree.rows().to_vec(), a.tree.top), before);
}

#[test]
fn each_preview_opens_only_the_path_to_its_result() {
    let mut a = app();
    let origin = a.tree.clone();
    type_keys(&mut a, "/ i n");
    let hits: Vec<usize> = a.find.results.iter().map(|h| h.node as usize).collect();
    // A result inside a folded talk, then one in another talk: the first
    // preview opens folds that the second must close again.
    let talk = |n: usize| a.outline.ancestors(n).find(|&p| a.outline.kind(p) == Kind::Session);
    let folded = |n: usize| a.outline.ancestors(n).any(|p| !origin.is_open(p));
    let near = hits.iter().position(|&h| folded(h)).expect("a hit in a folded talk");
    let far = near
        + hits[near..]
            .iter()
            .position(|&h| talk(h) != talk(hits[near]))
            .expect("hits in two talks");
    for _ in 0..near {
        type_keys(&mut a, "Down");
    }
    assert_ne!(a.tree.rows(), origin.rows(), "the first preview opened its talk");
    for _ in near..far {
        type_keys(&mut a, "Down");
    }
    let mut expected = origin.clone();
    expected.reveal(&a.outline, hits[far]);
    assert_eq!(a.tree.selected, hits[far]);
    assert_eq!(
        a.tree.rows(),
        expected.rows(),
        "earlier previews' folds are closed again"
    );
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
fn n_and_shift_n_step_through_the_last_search_in_document_order() {
    let mut a = app();
    type_keys(&mut a, "/ ' r i e m a n n Enter");
    let hits = a.last_hits.clone();
    assert!(hits.len() >= 3);
    a.tree.selected = 0;
    type_keys(&mut a, "n");
    assert_eq!(a.tree.selected, hits[0] as usize);
    type_keys(&mut a, "n");
    assert_eq!(a.tree.selected, hits[1] as usize);
    type_keys(&mut a, "N N");
    assert_eq!(a.tree.selected, *hits.last().unwrap() as usize, "wraps around");
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
fn ctrl_t_limits_the_search_to_talk_titles() {
    let mut a = app();
    type_keys(&mut a, "/ r i e m a n n");
    assert!(!a.find.results.is_empty());
    type_keys(&mut a, "Ctrl-t");
    assert!(a
        .find
        .results
        .iter()
        .all(|h| a.outline.kind(h.node as usize) == Kind::Session));
    assert_eq!(a.scope_name(), "talk titles");
}

#[test]
fn ctrl_u_clears_the_query_to_the_start_like_readline() {
    let mut a = app();
    type_keys(&mut a, "/ r i e m a n n Ctrl-u");
    assert_eq!(a.find.query(), "");
    type_keys(&mut a, "j e p s e n Left Left Ctrl-u");
    assert_eq!(a.find.query(), "en", "only what is left of the cursor goes");
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
    a.update(Action::Resize(20, 5));
    type_keys(&mut a, "j j / x");
    assert_eq!(a.tree.selected, 0);
    assert!(!a.find.open);
    a.update(Action::Resize(120, 40));
    type_keys(&mut a, "j");
    assert_ne!(a.tree.selected, 0, "back to normal once it fits");
    a.update(Action::Resize(20, 5));
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
    a.update(Action::Click(l.tree_rows.x + 10, l.tree_rows.y + 1));
    assert_eq!(a.tree.selected, a.tree.rows()[1] as usize);
    // Click its fold marker: opens it.
    let node = a.tree.selected;
    let x = l.tree_rows.x + crate::layout::tree_indent(a.outline.depth(node), l.tree_rows.width);
    a.update(Action::Click(x, l.tree_rows.y + 1));
    assert!(a.tree.is_open(node));
    a.update(Action::Click(l.detail_body.x + 2, l.detail_body.y));
    assert_eq!(a.focus, Focus::Detail);
}

#[test]
fn detail_focus_scrolls_the_talk_not_the_selection() {
    let mut a = app();
    a.tree.selected = find(&a, "Session 3: managing OSS software at work");
    a.update(Action::Tick);
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
        a.update(Action::Resize(w, h));
        let rows = a.layout().tree_rows.height as usize;
        if rows > 0 {
            assert!(a.tree.selected_row() >= a.tree.top && a.tree.selected_row() < a.tree.top + rows);
        }
    }
}

/// A reader still loading, as `reader::run` starts one for given paths.
fn loading() -> App {
    let c = Config::defaults();
    let mut a = App::new(Arc::new(crate::outline::Outline::new()), c.keymap, Options::default());
    a.load.loading = true;
    a.update(Action::Resize(120, 40));
    a
}

#[test]
fn keys_typed_while_loading_are_played_once_the_notes_are_in() {
    let mut a = loading();
    assert!(crate::ui::empty::message(&a).join("\n").contains("q quits"));
    type_keys(&mut a, "/ r i e m x Backspace q");
    assert!(!a.quit, "q inside a query typed ahead is part of the query");
    assert_eq!(a.typed_ahead.len(), 8);
    let shown = crate::ui::empty::message(&a).join("\n");
    assert!(shown.contains("Typed ahead: /riemq"), "{shown}");
    assert!(shown.contains("Ctrl-c quits"), "q no longer quits: {shown}");
    let mut loaded = app();
    loaded.take_over_from(&mut a);
    loaded.settle();
    assert!(loaded.find.open);
    assert_eq!(loaded.find.query(), "riemq");
}

#[test]
fn a_first_q_while_loading_still_quits() {
    let mut a = loading();
    type_keys(&mut a, "q");
    assert!(a.quit);
    assert!(a.typed_ahead.is_empty());
    let mut a = loading();
    type_keys(&mut a, "/ a Ctrl-c");
    assert!(a.quit, "Ctrl-c quits even after keys typed ahead");
}

#[test]
fn help_asked_for_while_loading_opens_at_once_and_stays_open() {
    let mut a = loading();
    type_keys(&mut a, "?");
    assert!(a.help.is_some() && a.typed_ahead.is_empty());
    let mut loaded = app();
    loaded.take_over_from(&mut a);
    assert!(loaded.help.is_some());
    // Nothing loaded: nothing is played, so a kept q cannot quit.
    let mut a = loading();
    type_keys(&mut a, "/ q");
    let mut empty = loading();
    empty.load.loading = false;
    empty.take_over_from(&mut a);
    assert!(!empty.quit);
}

#[test]
fn the_empty_find_input_says_what_is_searched() {
    let mut a = app();
    type_keys(&mut a, "/");
    assert_eq!(a.find.input.placeholder_text(), "type to find a talk or a note");
    type_keys(&mut a, "Ctrl-t");
    assert_eq!(a.find.scope, crate::search::Scope::Sessions);
    assert_eq!(a.find.input.placeholder_text(), "type to find a talk title");
    type_keys(&mut a, "Ctrl-t");
    assert_eq!(a.find.input.placeholder_text(), "type to find a talk or a note");
}
