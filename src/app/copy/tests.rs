//! Flow tests of copying and of following links: the app driven by keys,
//! with a recorder in place of the programs it would start.

use super::super::tests::{app, find, type_keys};
use super::super::*;
use crate::config::Config;
use crate::event::Event;
use crate::launch::Launch;
use crate::outline::{build_outline, parse_document};
use std::sync::{Arc, Mutex};

/// A command line and the text given on its standard input.
type Piped = (Vec<String>, String);

/// What the app asked to start, instead of starting it.
#[derive(Clone, Default)]
pub(crate) struct Recorder {
    pub opened: Arc<Mutex<Vec<Vec<String>>>>,
    pub piped: Arc<Mutex<Vec<Piped>>>,
    /// When set, every launch fails with these words.
    pub fails: Option<String>,
}

impl Launch for Recorder {
    fn open(&mut self, argv: &[String]) -> Result<(), String> {
        self.opened.lock().unwrap().push(argv.to_vec());
        self.fails.clone().map_or(Ok(()), Err)
    }
    fn pipe(&mut self, argv: &[String], input: &str) -> Result<(), String> {
        self.piped.lock().unwrap().push((argv.to_vec(), input.to_string()));
        self.fails.clone().map_or(Ok(()), Err)
    }
}

pub(crate) fn load(name: &str, text: &str) -> Outline {
    build_outline(vec![parse_document(text.as_bytes(), name).unwrap()])
}

pub(crate) fn app_on(o: Outline, rec: &Recorder) -> App {
    let mut a = App::new(Arc::new(o), Config::defaults().keymap, Options::default());
    a.handle(Event::Resize(120, 40));
    a.set_launcher(Box::new(rec.clone()), None);
    a
}

/// Selects the first node whose text starts with `text`.
pub(crate) fn select(a: &mut App, text: &str) {
    let o = a.outline().clone();
    let n = (0..o.len()).find(|&i| o.text(i).starts_with(text)).unwrap();
    a.tree_mut().reveal(&o, n);
}

fn status(a: &App) -> String {
    a.status().map(|s| s.to_string()).unwrap_or_default()
}

fn decode_base64(s: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let value = |c: u8| ALPHABET.iter().position(|&a| a == c).unwrap() as u8;
    let bytes: Vec<u8> = s.bytes().filter(|&b| b != b'=').map(value).collect();
    let mut out = Vec::new();
    for chunk in bytes.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (k, &v)| n | u32::from(v) << (18 - 6 * k));
        out.extend((0..chunk.len() - 1).map(|k| (n >> (16 - 8 * k)) as u8));
    }
    out
}

/// A subtree as (depth below its root, kind, text, links) rows.
fn shape(o: &Outline, root: usize) -> Vec<(usize, Kind, String, Vec<crate::links::Link>)> {
    let base = o.depth(root);
    (root..o.subtree_end(root))
        .map(|i| {
            (
                o.depth(i) - base,
                o.kind(i),
                o.text(i).to_string(),
                crate::links::of_node(o, i),
            )
        })
        .collect()
}

const TALK: &str = "# Day one\n\n## Scaling *search* (Ann Lee)\n\n- slides: [the **deck**](https://ex.org/deck) and https://ex.org/video\n  - `code` and ~~old~~ words\n    - deeper still\n- second point\n\n  a paragraph under it\n\n## Another talk (Bo)\n\n- x\n";

#[test]
fn a_talk_copied_as_markdown_loads_back_as_the_same_tree() {
    let rec = Recorder::default();
    let mut a = app_on(load("day.md", TALK), &rec);
    select(&mut a, "Scaling");
    type_keys(&mut a, "y");
    let seq = a.clipboard_sequence().expect("an OSC 52 copy").to_string();
    let b64 = seq.strip_prefix("\x1b]52;c;").unwrap().strip_suffix("\x1b\\").unwrap();
    let copied = String::from_utf8(decode_base64(b64)).unwrap();
    let back = load("copy.md", &copied);
    let o = a.outline().clone();
    let talk = a.tree().selected;
    let again = (0..back.len()).find(|&i| back.kind(i) == Kind::Session).unwrap();
    assert_eq!(shape(&back, again), shape(&o, talk), "\n{copied}");
    assert!(copied.contains("[the **deck**](https://ex.org/deck)"), "{copied}");
    let lines = copied.lines().count();
    assert_eq!(
        status(&a),
        format!(
            "Copied talk 'Scaling search (Ann Lee)' as Markdown: {lines} lines, {} B",
            copied.len()
        )
    );
    // The terminal wrote it: nothing left to write.
    a.handle(Event::Written);
    assert!(a.clipboard_sequence().is_none());
}

#[test]
fn a_note_copied_is_a_list_item_with_its_notes_under_it() {
    let rec = Recorder::default();
    let mut a = app_on(load("day.md", TALK), &rec);
    a.set_clipboard(crate::clip::Clipboard::Command(vec!["wl-copy".into()]));
    select(&mut a, "slides");
    type_keys(&mut a, "y");
    let piped = rec.piped.lock().unwrap().clone();
    assert_eq!(piped.len(), 1);
    let (argv, text) = &piped[0];
    assert_eq!(argv, &["wl-copy"]);
    assert!(text.starts_with("- slides: [the **deck**]"), "{text}");
    // Pasted under a talk's heading, it is the same notes again (alone,
    // the loader may read a first bullet as the file's talk).
    let back = load("copy.md", &format!("# Pasted (Ann)\n\n{text}"));
    let o = a.outline().clone();
    let first = 2; // the document, the talk, then the note
    assert_eq!(shape(&back, first), shape(&o, a.tree().selected), "\n{text}");
    let said = status(&a);
    assert!(said.starts_with("Copied note 'slides: the deck and https://"), "{said}");
    assert!(said.contains("…' as Markdown with wl-copy: 3 lines"), "{said}");
    assert!(a.clipboard_sequence().is_none(), "a command, not OSC 52");
    // On a narrow screen the title gives way, so how much still shows.
    a.handle(Event::Resize(60, 15));
    type_keys(&mut a, "y");
    let said = status(&a);
    assert!(said.starts_with("Copied note 'slides:…' as Markdown"), "{said}");
    a.set_clipboard(crate::clip::Clipboard::Osc52);
    type_keys(&mut a, "Y");
    let said = status(&a);
    assert!(said.ends_with(" B") && crate::wrap::width(&said) <= 58, "{said}");
}

#[test]
fn the_breadcrumb_copies_the_titles_down_to_the_node() {
    let rec = Recorder::default();
    let mut a = app_on(load("day.md", TALK), &rec);
    a.set_clipboard(crate::clip::Clipboard::Command(vec!["pbcopy".into()]));
    select(&mut a, "deeper");
    type_keys(&mut a, "Y");
    let text = rec.piped.lock().unwrap()[0].1.clone();
    assert_eq!(text, "Day one › Scaling search (Ann Lee) › slides: the deck and https://ex.org/video › code and old words › deeper still");
    assert!(
        status(&a).starts_with("Copied the breadcrumb of note 'deeper still' with pbcopy: 1 line"),
        "{}",
        status(&a)
    );
}

#[test]
fn a_failing_clipboard_command_is_told_and_nothing_else_changes() {
    let rec = Recorder {
        fails: Some("\"xclip -selection clipboard\" failed (exit status 1: Error: Can't open display)".into()),
        ..Default::default()
    };
    let mut a = app_on(load("day.md", TALK), &rec);
    a.set_clipboard(crate::clip::Clipboard::parse("xclip -selection clipboard").unwrap());
    select(&mut a, "Scaling");
    let before = a.tree().selected;
    type_keys(&mut a, "y");
    assert_eq!(
        status(&a),
        "Not copied: \"xclip -selection clipboard\" failed (exit status 1: Error: Can't open display)"
    );
    assert_eq!(a.tree().selected, before);
    assert!(!a.quitting());
}

#[test]
fn a_talk_too_big_for_osc52_is_refused_with_what_to_do() {
    let bullets: String = (0..3000)
        .map(|k| format!("- bullet number {k} with some words in it\n"))
        .collect();
    let rec = Recorder::default();
    let mut a = app_on(load("big.md", &format!("# Big talk (Ann)\n\n{bullets}")), &rec);
    select(&mut a, "Big talk");
    type_keys(&mut a, "y");
    assert!(a.clipboard_sequence().is_none());
    let s = status(&a);
    assert!(
        s.starts_with("Not copied: talk 'Big talk (Ann)' as Markdown is 1"),
        "{s}"
    );
    assert!(s.contains("clipboard.via") && s.contains("--export --talk"), "{s}");
}

#[test]
fn copying_works_on_the_seeds_from_the_detail_pane_too() {
    let mut a = app();
    let n = find(&a, "is anyone using riemann?");
    let o = a.outline().clone();
    a.tree_mut().reveal(&o, n);
    type_keys(&mut a, "Ctrl-w y");
    assert!(a.clipboard_sequence().is_some());
    // One line a note: it and the notes under it.
    let lines = o.subtree_end(n) - n;
    let want = format!("Copied note 'is anyone using riemann?' as Markdown: {lines} lines");
    assert!(status(&a).starts_with(&want), "{}", status(&a));
}
