//! Flow tests of reloading and editing, without a terminal: the app is
//! handed a file's news as the watcher sends it, and what the reader then
//! shows is checked by node identity (texts), never by index.

use super::tests::{find, sel_text, type_keys};
use super::*;
use crate::config::Config;
use crate::event::Event;
use crate::outline::parse_document;
use crate::watch::{Change, News};

const A: &str = "# Day one\n## Keynote (Ann)\n- first\n- second\n  - deep\n## Talk two (Bo)\n- x\n";
const A_INSERTED: &str =
    "# Day one\n## New talk (Cy)\n- n1\n- n2\n## Keynote (Ann)\n- added above\n- first\n- second\n  - deep\n## Talk two (Bo)\n- x\n";
const B: &str = "# Other file\n## Riemann (Di)\n- riemann streams\n";

fn part(name: &str, src: &str) -> Outline {
    let doc = parse_document(src.as_bytes(), name).unwrap();
    crate::outline::Document {
        key: format!("/notes/{name}"),
        ..doc
    }
    .into_outline()
}

fn app_on(files: &[(&str, &str)]) -> App {
    let o = Outline::concat(files.iter().map(|(n, s)| part(n, s)).collect());
    let mut a = App::new(Arc::new(o), Config::defaults().keymap, Options::default());
    a.handle(Event::Resize(120, 40));
    a
}

fn news(a: &mut App, name: &str, news: News) {
    a.handle(Event::Reloaded(Box::new(Change {
        key: format!("/notes/{name}"),
        source: Clean::new(&format!("/notes/{name}")),
        news,
    })));
    a.settle();
}

fn changed(name: &str, src: &str) -> News {
    News::Changed(Box::new(part(name, src)))
}

fn status(a: &App) -> String {
    a.status.as_ref().map(|s| s.to_string()).unwrap_or_default()
}

fn open_texts(a: &App) -> Vec<String> {
    (0..a.outline.len())
        .filter(|&i| a.outline.has_children(i) && a.tree.is_open(i))
        .map(|i| a.outline.text(i).to_string())
        .collect()
}

#[test]
fn lines_inserted_above_keep_folds_selection_bookmarks_and_scroll() {
    let mut a = app_on(&[("a.md", A), ("b.md", B)]);
    a.tree.reveal(&a.outline.clone(), find(&a, "deep"));
    a.sync();
    type_keys(&mut a, "m");
    let opened = open_texts(&a);
    news(&mut a, "a.md", changed("a.md", A_INSERTED));
    assert_eq!(sel_text(&a), "deep");
    assert_eq!(open_texts(&a), opened, "the same nodes open, the new talk folded");
    let marked: Vec<&str> = a.marked.iter().map(|&n| a.outline.text(n as usize)).collect();
    assert_eq!(marked, ["deep"]);
    assert_eq!(status(&a), "reloaded a.md: 1 talk and 3 notes added");
    assert_eq!((a.stats.files, a.stats.sessions, a.stats.notes), (2, 4, 8));
    // The other file moved down by four nodes and is whole.
    assert_eq!(a.outline.text(a.outline.docs()[1].node), "Other file");
}

#[test]
fn the_detail_pane_keeps_the_selected_note_where_it_was_on_screen() {
    let long: String = (0..40).map(|i| format!("- filler {i}\n")).collect();
    let src = format!("# D\n## Long talk (Ann)\n{long}- target\n{long}");
    let mut a = app_on(&[("a.md", &src)]);
    a.handle(Event::Resize(100, 20));
    a.tree.reveal(&a.outline.clone(), find(&a, "target"));
    a.sync();
    type_keys(&mut a, "Ctrl-w k k k");
    let gap = line_span(&a).0 as isize - a.detail.scroll as isize;
    assert!(a.detail.scroll > 0 && gap > 0, "scrolled, the target below the top");
    let inserted = format!("# D\n## Long talk (Ann)\n- new one\n- new two\n{long}- target\n{long}");
    news(&mut a, "a.md", changed("a.md", &inserted));
    assert_eq!(line_span(&a).0 as isize - a.detail.scroll as isize, gap);
}

fn line_span(a: &App) -> (usize, usize) {
    detail::line_span(&a.detail.lines, a.tree.selected).unwrap()
}

#[test]
fn a_selection_whose_node_went_lands_on_its_nearest_ancestor_still_there() {
    let mut a = app_on(&[("a.md", A)]);
    a.tree.reveal(&a.outline.clone(), find(&a, "deep"));
    news(
        &mut a,
        "a.md",
        changed("a.md", "# Day one\n## Keynote (Ann)\n- first\n"),
    );
    assert_eq!(sel_text(&a), "Keynote (Ann)");
    assert_eq!(status(&a), "reloaded a.md: 1 talk and 3 notes removed");
}

#[test]
fn a_file_gone_or_unreadable_keeps_its_last_version_marked_until_it_is_back() {
    let mut a = app_on(&[("a.md", A), ("b.md", B)]);
    let before = a.outline.len();
    let doc = a.outline.docs()[0].node;
    news(&mut a, "a.md", News::Gone);
    assert_eq!(a.file_mark(doc), Some(&Mark::Gone));
    assert_eq!(a.outline.len(), before, "still shown");
    assert!(status(&a).contains("a.md is gone"), "{}", status(&a));
    news(&mut a, "a.md", News::Unreadable("looks like a binary file".into()));
    assert_eq!(a.file_mark(doc), Some(&Mark::Stale("looks like a binary file".into())));
    assert!(status(&a).contains("showing the last version read"));
    assert_eq!(a.file_mark(a.outline.docs()[1].node), None, "the other file is fine");
    news(&mut a, "a.md", changed("a.md", A));
    assert_eq!(a.file_mark(doc), None);
    assert!(status(&a).ends_with("(back again)"), "{}", status(&a));
}

#[test]
fn a_new_file_joins_in_name_order_and_search_finds_it() {
    let mut a = app_on(&[("a.md", A), ("c.md", B)]);
    news(
        &mut a,
        "b.md",
        News::Added(Box::new(part("b.md", "# Middle\n## Zebra talk (Ed)\n- zebras\n"))),
    );
    let titles: Vec<&str> = a.outline.docs().iter().map(|d| a.outline.text(d.node)).collect();
    assert_eq!(titles, ["Day one", "Middle", "Other file"]);
    assert_eq!(status(&a), "added b.md: 1 talk and 1 note");
    assert_eq!(a.stats.files, 3);
    type_keys(&mut a, "/ z e b r a s Enter");
    assert_eq!(sel_text(&a), "zebras");
}

#[test]
fn an_open_search_runs_again_on_the_new_notes() {
    let mut a = app_on(&[("a.md", A), ("b.md", B)]);
    type_keys(&mut a, "/ r i e m a n n");
    assert_eq!(a.find.results.len(), 2, "the talk and its note");
    news(&mut a, "a.md", changed("a.md", &format!("{A}- riemann here too\n")));
    assert!(a.find.open);
    let hits: Vec<&str> = a.find.results.iter().map(|h| a.outline.text(h.node as usize)).collect();
    assert_eq!(hits.len(), 3, "{hits:?}");
    assert!(hits.contains(&"riemann here too") && hits.contains(&"riemann streams"));
    type_keys(&mut a, "Esc");
    assert_eq!(sel_text(&a), "Day one", "back where find was opened");
}

#[test]
fn the_edit_key_asks_for_the_file_at_the_node_line_and_a_reload_after() {
    let mut a = app_on(&[("a.md", A)]);
    a.tree.reveal(&a.outline.clone(), find(&a, "second"));
    a.set_editor("hx");
    type_keys(&mut a, "e");
    let cmd = a.take_editor().expect("an editor to run");
    assert_eq!(cmd.program, "hx");
    assert_eq!(cmd.args, [std::ffi::OsString::from("/notes/a.md:4")]);
    assert!(a.take_editor().is_none(), "asked once");
    a.handle(Event::Edited(Some(Clean::new("the editor hx exited with status 1"))));
    assert_eq!(status(&a), "the editor hx exited with status 1");
    assert_eq!(a.take_reload_requests(), [Some("/notes/a.md".to_string())]);
}

#[test]
fn bundled_notes_are_not_edited_in_place_and_r_says_there_is_nothing_to_reload() {
    let mut a = super::tests::app();
    type_keys(&mut a, "e");
    assert!(a.take_editor().is_none());
    assert!(
        status(&a).starts_with("bundled notes are read-only: W writes a copy to ./"),
        "{}",
        status(&a)
    );
    type_keys(&mut a, "r");
    assert!(status(&a).starts_with("nothing to reload"));
    assert!(a.take_reload_requests().is_empty());
}

#[test]
fn line_numbers_are_a_key_and_remembered() {
    let mut a = app_on(&[("a.md", A)]);
    assert_eq!(a.tree_gutter(), 0);
    type_keys(&mut a, "#");
    assert!(a.tree_gutter() >= 4 && a.detail_gutter() >= 4);
    let saved = a.changes().state;
    assert_eq!(saved.line_numbers, Some(true));
    let mut b = app_on(&[("a.md", A)]);
    b.restore(&saved);
    assert!(b.edit.line_numbers);
}

/// What the view holds by node follows its node across a reload: the zoom
/// root, the places Ctrl-o goes back to, and the hits n and N walk.
#[test]
fn zoom_jumps_and_hit_steps_follow_their_nodes() {
    let mut a = app_on(&[("a.md", A), ("b.md", B)]);
    let keynote = find(&a, "Keynote (Ann)");
    a.tree.reveal(&a.outline.clone(), keynote);
    a.tree.selected = keynote;
    a.update(Action::ZoomIn);
    assert_eq!(a.view.zoom.root(), Some(keynote));
    // n/N over a search's hits, then a jump recorded from "first".
    type_keys(&mut a, "/ s e c o n d Enter");
    a.view.jumps.record(find(&a, "first"));
    let steps_before = a.view.steps.clone();
    assert!(!a.view.jumps.is_empty());

    news(&mut a, "a.md", changed("a.md", A_INSERTED));
    let keynote = find(&a, "Keynote (Ann)");
    assert_eq!(a.view.zoom.root(), Some(keynote), "zoomed into the same talk");
    assert!(a
        .tree
        .rows()
        .iter()
        .all(|&r| a.outline.document_of(r as usize) == a.outline.document_of(keynote)));
    assert_eq!(a.view.jumps.back(a.tree.selected), Some(find(&a, "first")));
    assert_ne!(a.view.steps, steps_before, "hits moved with their nodes");
    type_keys(&mut a, "n");
    assert!(sel_text(&a).contains("second"), "{}", sel_text(&a));
}
