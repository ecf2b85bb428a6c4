//! The loader against real notes from public repositories (read from
//! ../shared/corpus when this checkout sits next to it, as in CI; never
//! copied into the project). Skipped quietly when the corpus is absent.

mod common;
use common::*;
use talktree::outline::{fs, Kind, Outline};

fn load(name: &str) -> Option<Outline> {
    let dir = corpus_dir()?;
    let r = fs::load(&[dir.join(name)], &fs::ScanOptions::default());
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    Some(r.outline)
}

#[test]
fn every_corpus_file_loads_into_talks() {
    let Some(dir) = corpus_dir() else { return };
    // The files at the top of the corpus; `real/` below it is scored on its
    // own (tests/real_corpus.rs) and holds single-talk files.
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let r = fs::load(&files, &fs::ScanOptions::default());
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.outline.docs().len(), files.len());
    for d in r.outline.docs() {
        if d.source.ends_with("README.md") {
            continue;
        }
        let talks = of_kind(&r.outline, d.node, Kind::Session).len();
        assert!(talks >= 3, "{} has only {talks} talks", d.source);
        for i in d.node..r.outline.subtree_end(d.node) {
            assert!(
                !r.outline.text(i).chars().any(char::is_control),
                "{}: control char",
                d.source
            );
        }
    }
}

#[test]
fn scipy_days_hold_36_talks_and_the_reading_list_is_not_a_talk() {
    let Some(o) = load("scipy-2023.md") else { return };
    let d = o.documents().next().unwrap();
    assert_eq!(o.text(d), "SciPy 2023");
    let groups = of_kind(&o, d, Kind::Group);
    assert_eq!(texts(&o, &groups), vec!["Day 1", "Day 2", "Day 3"]);
    let per_day: Vec<usize> = groups
        .iter()
        .map(|&g| o.children(g).filter(|&c| o.kind(c) == Kind::Session).count())
        .collect();
    assert_eq!(per_day, vec![15, 14, 7]);
    assert_eq!(of_kind(&o, d, Kind::Session).len(), 36);
    for letter in ["J. ", "K. "] {
        let n = o.children(groups[0]).filter(|&c| o.text(c).starts_with(letter)).count();
        assert_eq!(n, 2, "both {letter}talks kept apart");
    }
    let f = find(&o, groups[0], "F.");
    assert_eq!(o.kind(f), Kind::Session);
    let empty = find(&o, d, "K. Oscilloscopes: ADCs and Intrigue");
    assert_eq!(o.kind(empty), Kind::Session);
    assert!(!o.has_children(empty));
    let reading = find(&o, d, "Things to Google / Read");
    assert_ne!(o.kind(reading), Kind::Session);
}

#[test]
fn strangeloop_top_headlines_are_the_twelve_talks() {
    let Some(o) = load("strangeloop-2017.org") else { return };
    let d = o.documents().next().unwrap();
    let talks = of_kind(&o, d, Kind::Session);
    assert_eq!(talks.len(), 12);
    assert_eq!(o.text(talks[0]), "Biological path Towards Strong AI");
    assert_eq!(o.text(talks[1]), "Running Programs in Reverse");
    assert_eq!(
        o.text(talks[11]),
        "Scaling with Apache Spark (or a lesson in unintended consequences)"
    );
    assert_ne!(o.kind(find(&o, d, "Slides")), Kind::Session);
    let chain = [
        "Antics, drift, and chaos",
        "Chaos Monkey",
        "Chaos Engineering",
        "CHAP",
        "CHaos Automation Platform",
    ];
    let mut node = find(&o, d, chain[0]);
    for next in &chain[1..] {
        node = o
            .children(node)
            .find(|&c| o.text(c) == *next)
            .unwrap_or_else(|| panic!("{next} under {}", o.text(node)));
    }
    assert_eq!(o.kind(o.parent(node).unwrap()), Kind::Bullet);
}

#[test]
fn opml_outliner_export_keeps_nesting_and_decodes_entities() {
    let Some(o) = load("cactus-notes.opml") else { return };
    let d = o.documents().next().unwrap();
    assert_eq!(o.docs()[0].format, talktree::outline::Format::Opml);
    let update = containing(&o, d, "Update \"head\" section after save.");
    assert_eq!(update.len(), 1);
    assert!(find_all(&o, d, "").is_empty(), "the empty outline is not kept");
}

#[test]
fn setext_markdown_talks_and_crlf_text_load() {
    let Some(o) = load("code4lib-2016-morning.markdown") else {
        return;
    };
    let d = o.documents().next().unwrap();
    let talks = texts(&o, &of_kind(&o, d, Kind::Session));
    assert_eq!(talks[0], "keynote (kate krauss)");
    assert_eq!(talks.len(), 7);
    let Some(o) = load("selling-on-amazon-webinar.txt") else {
        return;
    };
    let d = o.documents().next().unwrap();
    assert_eq!(o.text(d), "Selling on Amazon - Disruptive Webinar");
    let q = find(&o, d, "Why do businesses avoid selling on Amazon?");
    let items: Vec<usize> = o.children(q).collect();
    assert_eq!(o.text(items[0]), "Concerned about the \"high fees\"");
    assert_eq!(o.child_count(items[0]), 5);
}
