//! Flow tests of the find pane on the bundled seeds, no terminal: typing,
//! previews, Esc, Enter and n/N, scopes. Each reads as (keys typed, what
//! the reader then sees).

use crate::app::tests::{app, sel_text, type_keys};
use crate::app::*;
use crate::event::Event;

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
    a.handle(Event::Resize(60, 16));
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
fn n_and_shift_n_step_through_the_last_search_in_document_order() {
    let mut a = app();
    type_keys(&mut a, "/ ' r i e m a n n Enter");
    let steps = a.view.steps.clone();
    let hit = |i: usize| steps.at(i).unwrap().node;
    assert!(steps.len() >= 3);
    assert!(
        (1..steps.len()).all(|i| hit(i - 1) < hit(i)),
        "one tier, in document order"
    );
    a.tree.selected = 0;
    type_keys(&mut a, "n");
    assert_eq!(a.tree.selected, hit(0));
    type_keys(&mut a, "n");
    assert_eq!(a.tree.selected, hit(1));
    type_keys(&mut a, "N N");
    assert_eq!(a.tree.selected, hit(steps.len() - 1), "wraps around");
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
