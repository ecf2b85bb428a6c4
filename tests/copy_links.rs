//! Copying, links and the bookmark list as a reader sees them: whole screens
//! (insta snapshots at 120x40 and 60x15) after a copy, with the link picker
//! open and with bookmarks across loaded, changed and closed files; and the
//! command a bookmark into a closed file names.

mod common;
use common::render::{app_on, assert_clean, keys, render, text};
use talktree::app::App;
use talktree::outline::{build_outline, load_seeds, parse_document, Outline};
use talktree::state::keys::Step;
use talktree::state::{Bookmark, State};

/// A reader that starts no program (`app_on` puts `NoLaunch` in place).
fn reader(o: Outline, w: u16, h: u16) -> App {
    app_on(o, w, h)
}

fn screen(a: &App) -> String {
    let b = render(a);
    assert_clean(&b);
    text(&b)
}

const LINKS: &str = "# Day one\n\n## Scaling search (Ann Lee)\n\n- slides: [the deck](https://ex.org/deck.pdf) and the [video](https://video.ex.org/watch?v=42)\n- mail [Ann](mailto:ann@ex.org) for the data set\n- paper: https://arxiv.org/abs/1234.5678\n";

fn links_reader(w: u16, h: u16) -> App {
    let o = build_outline(vec![parse_document(LINKS.as_bytes(), "day1.md").unwrap()]);
    let mut a = reader(o, w, h);
    keys(&mut a, "j");
    a
}

#[test]
fn link_picker_120x40() {
    let mut a = links_reader(120, 40);
    keys(&mut a, "o");
    insta::assert_snapshot!(screen(&a));
}

#[test]
fn link_picker_60x15() {
    let mut a = links_reader(60, 15);
    keys(&mut a, "o");
    insta::assert_snapshot!(screen(&a));
}

#[test]
fn link_picker_asking_60x15() {
    let mut a = links_reader(60, 15);
    keys(&mut a, "o j j Enter");
    let s = screen(&a);
    assert!(s.contains("Open this link?"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn after_a_copy_120x40() {
    let mut a = reader(load_seeds(), 120, 40);
    keys(&mut a, "] ] y");
    let s = screen(&a);
    assert!(s.contains("Copied talk '"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn after_a_copy_60x15() {
    let mut a = reader(load_seeds(), 60, 15);
    keys(&mut a, "] ] Y");
    insta::assert_snapshot!(screen(&a));
}

/// Bookmarks into a loaded file, a node gone from a loaded file, a file
/// not open (its title remembered), and one from an older state file (no
/// title kept: the file's name shows).
fn remembered(o: &Outline) -> State {
    let first = &o.docs()[0];
    let mark = |doc: &str, path: Vec<Step>, label: &str, title: &str| Bookmark {
        doc: doc.into(),
        path,
        label: label.into(),
        title: title.into(),
        extra: Default::default(),
    };
    let talk = o.children(first.node).next().unwrap();
    State {
        bookmarks: vec![
            mark(
                &first.key,
                vec![Step(o.text(talk).into(), 0)],
                o.text(talk),
                "stale title",
            ),
            mark(
                &first.key,
                vec![Step("a note since deleted".into(), 0)],
                "a note since deleted",
                "",
            ),
            mark(
                "/home/ann/notes/devopsdays 2024.md",
                vec![],
                "Keynote",
                "DevOpsDays Amsterdam 2024",
            ),
            mark("/home/ann/notes/old.md", vec![], "From an older talktree", ""),
            mark(
                "bundled:seeds/999_0000000000000000.txt",
                vec![],
                "A seed of another build",
                "Seed notes",
            ),
        ],
        ..Default::default()
    }
}

fn bookmarks_screen(w: u16, h: u16) -> String {
    let o = load_seeds();
    let state = remembered(&o);
    let title = o.text(o.docs()[0].node).to_string();
    let mut a = reader(o, w, h);
    a.restore(&state);
    keys(&mut a, "'");
    let s = screen(&a);
    let rows: String = s.lines().filter(|l| l.contains("│★ ")).collect::<Vec<_>>().join("\n");
    assert_eq!(rows.lines().count(), 5, "{s}");
    // Document titles, never the hash-named seed's file name.
    assert!(
        !rows.contains("000_d4f2b3bd88ab5530") && !rows.contains("seeds/"),
        "{rows}"
    );
    if w >= 100 {
        assert_eq!(rows.matches(&title[..title.len().min(20)]).count(), 2, "{rows}");
        assert!(
            !rows.contains("stale title"),
            "the loaded file's own title wins: {rows}"
        );
        assert!(rows.contains("DevOpsDays Amsterdam 2024"), "{rows}");
        assert!(rows.contains("old.md") && rows.contains("Seed notes"), "{rows}");
    }
    s
}

#[test]
fn bookmark_list_120x40() {
    insta::assert_snapshot!(bookmarks_screen(120, 40));
}

#[test]
fn bookmark_list_60x15() {
    insta::assert_snapshot!(bookmarks_screen(60, 15));
}

fn hint_for(doc: &str) -> String {
    let mut a = reader(load_seeds(), 120, 40);
    let mark = Bookmark {
        doc: doc.into(),
        path: vec![],
        label: "x".into(),
        title: String::new(),
        extra: Default::default(),
    };
    a.restore(&State {
        bookmarks: vec![mark],
        ..Default::default()
    });
    keys(&mut a, "' Enter");
    a.status().map(|s| s.to_string()).unwrap_or_default()
}

#[test]
fn a_bookmark_into_a_closed_file_names_a_command_that_opens_it() {
    // The bundled notes: talktree alone, not a path that does not exist.
    let bundled = hint_for("bundled:seeds/999_0000000000000000.txt");
    assert_eq!(
        bundled,
        "Not open in this run: it is in the bundled notes: talktree (with no path) shows it"
    );
    assert!(!bundled.contains("bundled:"), "{bundled}");
    assert_eq!(
        hint_for("/home/ann/notes/day1.md"),
        "Not open in this run: talktree /home/ann/notes/day1.md shows it"
    );
    assert_eq!(
        hint_for("/home/ann/my notes/it's.md"),
        "Not open in this run: talktree '/home/ann/my notes/it'\\''s.md' shows it"
    );
    assert!(hint_for("<stdin>").contains("| talktree -"));
}

#[test]
fn the_bundled_hint_works_as_typed() {
    // `talktree` with no path opens the bundled notes: what the hint says.
    let o = load_seeds();
    assert!(o.docs().iter().all(|d| d.key.starts_with("bundled:")));
}
