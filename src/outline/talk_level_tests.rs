use super::*;
use crate::outline::{build_outline, parse_document};

fn outline(src: &str) -> Outline {
    build_outline(vec![parse_document(src.as_bytes(), "notes.md").unwrap()])
}

fn node(o: &Outline, text: &str) -> usize {
    (0..o.len())
        .find(|&i| o.text(i) == text)
        .unwrap_or_else(|| panic!("no node {text:?}"))
}

fn kind(o: &Outline, text: &str) -> Kind {
    o.kind(node(o, text))
}

/// Each node's nearest session, as a fresh load would store it.
fn sessions_as_walked(o: &Outline) -> Vec<Option<usize>> {
    (0..o.len())
        .map(|i| {
            std::iter::once(i)
                .chain(o.ancestors(i))
                .find(|&a| o.kind(a) == Kind::Session)
        })
        .collect()
}

const DAYS: &str = "# Day one\n\n## Opening talk\n\n- a note\n\n## Second talk\n\n### Q&A\n\n- a question\n\n# Day two\n\n## Third talk\n\n- more\n";

#[test]
fn a_level_of_headings_becomes_the_talks_under_every_parent() {
    let mut o = outline(DAYS);
    assert!(o.set_talks(node(&o, "Second talk")));
    for t in ["Opening talk", "Second talk", "Third talk"] {
        assert_eq!(kind(&o, t), Kind::Session, "{t}");
    }
    assert_eq!(kind(&o, "Day one"), Kind::Group);
    assert_eq!(kind(&o, "Day two"), Kind::Group);
    assert_eq!(kind(&o, "Q&A"), Kind::Heading);
    assert_eq!(o.session_of(node(&o, "a question")), Some(node(&o, "Second talk")));
    assert_eq!(o.session_of(node(&o, "more")), Some(node(&o, "Third talk")));
    assert_eq!(o.count_kind(Kind::Session), 3);
    let walked = sessions_as_walked(&o);
    assert_eq!((0..o.len()).map(|i| o.session_of(i)).collect::<Vec<_>>(), walked);
}

#[test]
fn choosing_a_deeper_level_demotes_the_talks_above_it_to_groups() {
    let mut o = outline(DAYS);
    assert!(o.set_talks(node(&o, "Q&A")));
    assert_eq!(kind(&o, "Q&A"), Kind::Session);
    assert_eq!(kind(&o, "Second talk"), Kind::Group, "holds the new talk");
    assert_eq!(kind(&o, "Day one"), Kind::Group);
    // Neither holds a talk now: headings, not groups or talks.
    assert_eq!(kind(&o, "Opening talk"), Kind::Heading);
    assert_eq!(kind(&o, "Third talk"), Kind::Heading);
    assert_eq!(kind(&o, "Day two"), Kind::Heading);
    assert_eq!(o.session_of(node(&o, "a note")), None);
    assert_eq!(
        (0..o.len()).map(|i| o.session_of(i)).collect::<Vec<_>>(),
        sessions_as_walked(&o)
    );
}

#[test]
fn list_items_can_be_the_talks_and_headings_stay_out_of_it() {
    let src = "# Lightning talks\n\n- Rust in prod\n  - fast\n  - safe\n- Nix for all\n  - reproducible\n\n## Links\n\nsome text\n";
    let mut o = outline(src);
    assert!(o.set_talks(node(&o, "Nix for all")));
    assert_eq!(kind(&o, "Rust in prod"), Kind::Session);
    assert_eq!(kind(&o, "Nix for all"), Kind::Session);
    assert_eq!(kind(&o, "fast"), Kind::Bullet, "a level deeper: notes");
    assert_ne!(kind(&o, "Links"), Kind::Session, "a heading is not a list item");
    assert_eq!(o.session_of(node(&o, "reproducible")), Some(node(&o, "Nix for all")));
}

#[test]
fn the_guess_comes_back_from_the_kinds_kept() {
    let mut o = outline(DAYS);
    let doc = o.document_of(node(&o, "Q&A"));
    let guess = o.kinds_of(doc);
    let sessions: Vec<_> = (0..o.len()).map(|i| o.session_of(i)).collect();
    assert!(o.set_talks(node(&o, "Q&A")));
    assert_ne!(o.kinds_of(doc), guess);
    assert!(o.put_kinds(doc, &guess));
    assert_eq!(o.kinds_of(doc), guess);
    assert_eq!((0..o.len()).map(|i| o.session_of(i)).collect::<Vec<_>>(), sessions);
    // Kinds of another shape of the file are refused, not half applied.
    assert!(!o.put_kinds(doc, &guess[1..]));
    assert_eq!(o.kinds_of(doc), guess);
}

#[test]
fn documents_and_code_are_never_talks_and_other_files_are_untouched() {
    let a = parse_document(DAYS.as_bytes(), "a.md").unwrap();
    let b = parse_document(b"# Other\n\n## Talk\n\n```\nlet x = 1;\n```\n", "b.md").unwrap();
    let mut o = build_outline(vec![a, b]);
    let docs: Vec<usize> = o.documents().collect();
    let before = o.kinds_of(docs[1]);
    assert!(!o.set_talks(docs[0]));
    let code = (0..o.len()).find(|&i| o.kind(i) == Kind::Code).expect("a code block");
    assert!(!o.set_talks(code));
    assert!(o.set_talks(node(&o, "Q&A")));
    assert_eq!(o.kinds_of(docs[1]), before);
}
