//! Same notes found on the text, not the name: copies reformatted across
//! formats are caught, partial overlaps and unrelated files are not.

use std::path::{Path, PathBuf};

use super::*;
use crate::outline::{build_outline, fs, load_seeds, parse_document};

const TALK: [&str; 10] = [
    "monitoring with sensu and graphite",
    "we push data over rabbitmq to a central graphite",
    "is anyone using riemann for events?",
    "riemann does events as well as numbers",
    "snmp did not scale for the shared web servers",
    "teams spin up their own graphite instances",
    "how do you get developers to add metrics?",
    "we cull metrics nobody has looked at in a month",
    "second and subsecond data kept for a day",
    "load testing driven by last year's biggest day",
];

fn markdown(title: &str, notes: &[&str]) -> String {
    let mut s = format!("# {title}\n\n## Session 1: monitoring\n\n");
    for n in notes {
        s.push_str(&format!("- {n}\n"));
    }
    s
}

/// The same notes as plain indented text, punctuation and case changed.
fn plain_copy(notes: &[&str]) -> String {
    let mut s = String::from("Scale notes\n\nMonitoring session\n");
    for n in notes {
        let changed = n.replace('?', "").replace('\'', "’").to_uppercase();
        s.push_str(&format!("  * {changed}!\n"));
    }
    s
}

/// The same notes as Markdown gone wrong: no space after the hashes, list
/// markers mixed, indentation ragged with tabs, no blank lines, and the
/// notes in another order.
fn broken_markdown(notes: &[&str]) -> String {
    let mut s = String::from("#Scale Summit (copy)\n##Session 1 : Monitoring\n");
    let markers = ["*   ", "+ ", "-", "\t* ", "   - "];
    for (i, n) in notes.iter().enumerate().rev() {
        s.push_str(&format!("{}{n}\n", markers[i % markers.len()]));
    }
    s
}

fn outline(files: &[(&str, String)]) -> Outline {
    let docs = files
        .iter()
        .map(|(name, text)| parse_document(text.as_bytes(), name).expect("notes"))
        .collect();
    build_outline(docs)
}

fn doc_titled(o: &Outline, title: &str) -> usize {
    o.documents().find(|&d| o.text(d) == title).expect(title)
}

fn node_with(o: &Outline, doc: usize, text: &str) -> usize {
    (doc..o.subtree_end(doc))
        .find(|&i| o.text(i).to_lowercase().contains(text))
        .unwrap_or_else(|| panic!("{text:?} in {}", o.text(doc)))
}

#[test]
fn a_reformatted_copy_is_the_same_notes_as_the_first() {
    let o = outline(&[
        ("a.md", markdown("Scale Summit", &TALK)),
        (
            "other.md",
            markdown(
                "Other",
                &["an unrelated note about databases", "and one more about queues"],
            ),
        ),
        ("b.txt", plain_copy(&TALK)),
    ]);
    let (a, b) = (doc_titled(&o, "Scale Summit"), o.documents().last().unwrap());
    let same = o.same_notes();
    assert_eq!(same.repeats().len(), 1, "{:?}", same.repeats());
    assert_eq!(same.same_notes_as(b), Some(a));
    assert_eq!(same.same_notes_as(a), None);
    assert_eq!(same.repeats()[0].shared, TALK.len());
    let (copy, original) = (node_with(&o, b, "riemann does"), node_with(&o, a, "riemann does"));
    assert_eq!(same.original_of(copy), Some(original));
    assert_eq!(same.copies_of(original).collect::<Vec<_>>(), vec![copy]);
    assert_eq!(same.original_of(original), None);
    // Every note of the copy is paired; its own title and heading are not.
    let paired = (b..o.subtree_end(b)).filter(|&i| same.original_of(i).is_some()).count();
    assert_eq!(paired, TALK.len());
}

#[test]
fn a_reordered_broken_markdown_copy_is_the_same_notes() {
    let o = outline(&[
        ("a.md", markdown("Scale Summit", &TALK)),
        ("b.md", broken_markdown(&TALK)),
    ]);
    let docs: Vec<usize> = o.documents().collect();
    assert_eq!(o.same_notes().same_notes_as(docs[1]), Some(docs[0]));
    // Every note, and the session's title: its letters are the same.
    assert_eq!(o.same_notes().repeats()[0].shared, TALK.len() + 1);
}

#[test]
fn talks_on_the_same_subject_in_other_words_are_not_the_same_notes() {
    // Every note says the same thing with one word changed.
    let reworded: Vec<String> = TALK.iter().map(|n| n.replacen(' ', " really ", 1)).collect();
    let reworded: Vec<&str> = reworded.iter().map(String::as_str).collect();
    let o = outline(&[("a.md", markdown("A", &TALK)), ("b.md", markdown("B", &reworded))]);
    assert!(o.same_notes().is_empty(), "{:?}", o.same_notes().repeats());
}

#[test]
fn a_copy_that_gained_a_few_notes_is_still_the_same() {
    let mut more = TALK.to_vec();
    more.extend(["a note only the copy has", "and a second note only there"]);
    let o = outline(&[("a.md", markdown("A", &TALK)), ("b.md", markdown("B", &more))]);
    assert_eq!(o.same_notes().repeats().len(), 1);
    // The extra notes have no original.
    let b = doc_titled(&o, "B");
    assert_eq!(o.same_notes().original_of(node_with(&o, b, "only the copy")), None);
}

#[test]
fn partial_overlaps_are_not_the_same_notes() {
    let other: Vec<String> = (0..10)
        .map(|i| format!("note number {i} of another talk entirely"))
        .collect();
    let mut half: Vec<&str> = TALK[..5].to_vec();
    half.extend(other.iter().map(String::as_str).take(5));
    // Two thirds of the notes shared: still two different documents.
    let mut most: Vec<&str> = TALK[..7].to_vec();
    most.extend(other.iter().map(String::as_str).take(4));
    for notes in [half, most] {
        let o = outline(&[("a.md", markdown("A", &TALK)), ("b.md", markdown("B", &notes))]);
        assert!(o.same_notes().is_empty(), "{:?}", o.same_notes().repeats());
        assert_eq!(
            o.same_notes()
                .original_of(node_with(&o, doc_titled(&o, "B"), "riemann does")),
            None
        );
    }
    // One talk lifted into a bigger file: all of it is in the other, but
    // it is a tenth of the other's notes.
    let big: Vec<String> = (0..90).map(|i| format!("a long day of notes, number {i}")).collect();
    let mut day: Vec<&str> = big.iter().map(String::as_str).collect();
    day.extend(TALK);
    let o = outline(&[("day.md", markdown("Day", &day)), ("talk.md", markdown("Talk", &TALK))]);
    assert!(o.same_notes().is_empty());
}

#[test]
fn short_or_tiny_documents_are_no_evidence() {
    let short = ["Q&A", "Slides", "Keynote", "Questions", "Lunch", "Thanks!"];
    let o = outline(&[("a.md", markdown("A", &short)), ("b.md", markdown("B", &short))]);
    assert!(o.same_notes().is_empty());
    let o = outline(&[("a.md", markdown("A", &TALK[..3])), ("b.md", markdown("B", &TALK[..3]))]);
    assert!(o.same_notes().is_empty(), "three notes in common are too few");
}

#[test]
fn copies_of_copies_point_at_the_first() {
    let o = outline(&[
        ("a.md", markdown("A", &TALK)),
        ("b.txt", plain_copy(&TALK)),
        ("c.md", markdown("C", &TALK)),
    ]);
    let docs: Vec<usize> = o.documents().collect();
    let of: Vec<Option<usize>> = docs.iter().map(|&d| o.same_notes().same_notes_as(d)).collect();
    assert_eq!(of, vec![None, Some(docs[0]), Some(docs[0])]);
    let original = node_with(&o, docs[0], "snmp");
    assert_eq!(o.same_notes().copies_of(original).count(), 2);
}

#[test]
fn the_seeds_scale_summit_copy_is_found() {
    let o = load_seeds();
    let same = o.same_notes();
    let titles = |r: &Repeat| {
        (
            o.docs()[o.doc_index(r.doc)].source.to_string(),
            o.text(r.of).to_string(),
        )
    };
    let found: Vec<(String, String)> = same.repeats().iter().map(titles).collect();
    assert_eq!(
        found,
        vec![(
            "seeds/003_06d17b40e4ac878b.txt".to_string(),
            "Scale Summit 2014".to_string()
        )]
    );
    let r = same.repeats()[0];
    assert!(r.shared * 10 >= r.notes * 9 && r.shared * 10 >= r.notes_of * 9, "{r:?}");
    let copy = node_with(&o, r.doc, "stop mentoring");
    let original = same.original_of(copy).expect("paired");
    assert_eq!(o.document_of(original), r.of);
    assert_eq!(o.text(original), o.text(copy));
}

fn corpus_files() -> Option<Vec<PathBuf>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !root.is_dir() {
        eprintln!("skipped: no corpus at {}", root.display());
        return None;
    }
    let mut files = Vec::new();
    for dir in [root.clone(), root.join("real")] {
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = e.path();
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let listing = matches!(name, "README.md" | "SOURCES.md" | "expected.json");
            if p.is_file() && !listing {
                files.push(p);
            }
        }
    }
    files.sort();
    Some(files)
}

/// The seeds and every corpus file in one outline: the Scale Summit copy is
/// the only one flagged. Each file loaded twice is flagged, in any format.
#[test]
fn no_corpus_file_is_flagged_but_a_second_copy_of_each_is() {
    let Some(files) = corpus_files() else { return };
    let loaded = fs::load(&files, &fs::ScanOptions::default());
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let seeds = load_seeds();
    let mut parts = vec![seeds, loaded.outline];
    let o = Outline::concat(std::mem::take(&mut parts));
    let source = |doc: usize| o.docs()[o.doc_index(doc)].source.to_string();
    let flagged: Vec<String> = o.same_notes().repeats().iter().map(|r| source(r.doc)).collect();
    assert_eq!(flagged, vec!["seeds/003_06d17b40e4ac878b.txt"]);
    let mut twice = 0;
    for f in &files {
        let bytes = std::fs::read(f).expect("corpus file");
        let name = f.display().to_string();
        let doc = || parse_document(&bytes, &name).expect("loads");
        let o = build_outline(vec![doc(), doc()]);
        let evidence = note_set(&o, 0).len();
        if evidence >= MIN_SHARED {
            assert_eq!(o.same_notes().repeats().len(), 1, "{name}: a second copy");
            twice += 1;
        }
    }
    assert!(
        twice * 10 >= files.len() * 9,
        "{twice} of {} files checked",
        files.len()
    );
}
