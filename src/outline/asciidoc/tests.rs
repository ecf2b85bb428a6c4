use super::*;

fn parsed(src: &str) -> (Option<String>, Vec<String>) {
    let lines: Vec<&str> = src.lines().collect();
    let p = parse(&lines, None);
    (p.title, crate::outline::block_lines(&p.blocks))
}

fn shape(src: &str) -> Vec<String> {
    parsed(src).1
}

#[test]
fn the_title_its_header_and_sections_by_level() {
    let src = "= Conf 2024\nAnn Writer <ann@example.org>\nv1.0, 2024-05-01\n:toc:\n:icons: font\n\n== Day One\n\n=== Talk A ===\n\nSome notes.\n\n== Day Two\n";
    let (title, s) = parsed(src);
    assert_eq!(title.as_deref(), Some("Conf 2024"));
    assert_eq!(
        s,
        vec![
            "heading Conf 2024",
            "  heading Day One",
            "    heading Talk A",
            "      paragraph Some notes.",
            "  heading Day Two"
        ]
    );
    // Two level-0 titles, or text before it: no document title.
    assert_eq!(parsed("= A\n\n= B\n").0, None);
    assert_eq!(parsed("intro\n\n= A\n").0, None);
}

#[test]
fn lists_nest_by_marker_depth_and_their_lines_join() {
    let src = "* one\ncontinued here\n** one.one\n*** deeper\n* two\n- dash\n\n. first\n.. first.a\n. second\n\n1. numbered\n";
    assert_eq!(
        shape(src),
        vec![
            "bullet one continued here",
            "  bullet one.one",
            "    bullet deeper",
            "bullet two",
            "bullet dash",
            "bullet first",
            "  bullet first.a",
            "bullet second",
            "bullet numbered"
        ]
    );
}

#[test]
fn listing_literal_and_indented_blocks_are_code() {
    let src = "== Talk\n\n[source,python]\n----\ndef f():\n    return 1\n----\n\n....\nliteral\n....\n\n  indented literal\n\nafter\n";
    assert_eq!(
        shape(src),
        vec![
            "heading Talk",
            "  code def f():",
            "  code     return 1",
            "  code literal",
            "  code   indented literal",
            "  paragraph after"
        ]
    );
}

#[test]
fn a_block_attached_with_plus_stays_in_its_item() {
    let src = "* run it\n+\n----\nmake\n----\n* next\n\nafter the list\n";
    assert_eq!(
        shape(src),
        vec![
            "bullet run it",
            "  code make",
            "bullet next",
            "paragraph after the list"
        ]
    );
}

#[test]
fn attributes_comments_macros_and_passthroughs_are_dropped() {
    let src = "== Talk\n:experimental:\n// a comment\n////\nblock comment\n////\nimage::slides.png[Slides]\n[NOTE]\n====\nAn example block's text stays.\n====\n++++\n<div>raw</div>\n++++\n[[anchor]]\nkept\n";
    assert_eq!(
        shape(src),
        vec![
            "heading Talk",
            "  paragraph An example block's text stays.",
            "  paragraph kept"
        ]
    );
}

#[test]
fn description_lists_and_tables() {
    let src = "Speaker:: Ann Lee\nSlides::\n  see below\n\n|===\n| a | b\n| c | d\n|===\n";
    assert_eq!(
        shape(src),
        vec![
            "bullet Speaker: Ann Lee",
            "bullet Slides: see below",
            "code | a | b",
            "code | c | d"
        ]
    );
}

#[test]
fn markers_and_sections() {
    assert_eq!(section("== Title =="), Some((2, "Title")));
    assert_eq!(section("==Title"), None);
    assert_eq!(section("======= seven"), None);
    assert_eq!(item("** x"), Some((2, 3)));
    assert_eq!(item(". x"), Some((1, 2)));
    assert_eq!(item(".Title"), None);
    assert_eq!(item("*bold* text"), None);
}

#[test]
fn content_that_reads_as_asciidoc() {
    let read = |s: &str| looks_like(&s.lines().collect::<Vec<_>>());
    assert!(read("= Notes\n:toc:\n\ntext\n"));
    assert!(read("Intro\n\n== One\n\ntext\n\n== Two\n"));
    assert!(!read("= Notes\n\ntext\n"));
    assert!(!read("a = b\n== c\n"));
}
