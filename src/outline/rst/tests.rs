use super::shapes::*;
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
fn levels_follow_the_order_adornment_styles_first_appear() {
    // `~` seen first is level 1, then `=` with an overline, then `=` alone;
    // a style seen again is its first level, whichever it is.
    let src = "One\n~~~\n\n=====\n Two\n=====\n\nThree\n=====\n\nFour\n~~~~\n\n=====\n Five\n=====\n";
    assert_eq!(
        shape(src),
        vec![
            "heading One",
            "  heading Two",
            "    heading Three",
            "heading Four",
            "  heading Five"
        ]
    );
}

#[test]
fn an_overlined_title_of_its_own_style_names_the_document() {
    let (title, s) = parsed("=========\nConf 2013\n=========\n\nTalk A\n======\n\n- a\n\nTalk B\n======\n\n- b\n");
    assert_eq!(title.as_deref(), Some("Conf 2013"));
    assert_eq!(
        s,
        vec![
            "heading Conf 2013",
            "  heading Talk A",
            "    bullet a",
            "  heading Talk B",
            "    bullet b"
        ]
    );
    // A style used twice is a level of sections, not a title.
    let (title, _) = parsed("Talk A\n======\n\nx\n\nTalk B\n======\n\ny\n");
    assert_eq!(title, None);
    // Text before the first section: no title either.
    let (title, _) = parsed("Intro line.\n\nTalk A\n======\n\nx\n");
    assert_eq!(title, None);
}

#[test]
fn short_underlines_and_lone_punctuation_are_text() {
    // Shorter than its title and under 4 long: not an underline.
    assert_eq!(shape("A long title\n==\n"), vec!["paragraph A long title =="]);
    // Long enough though shorter than the title: docutils takes it.
    assert_eq!(shape("A long title\n====\n"), vec!["heading A long title"]);
    // A title needs a blank line (or the start) above it.
    assert_eq!(
        shape("para one\npara two\n--------\n"),
        vec!["paragraph para one para two"]
    );
}

#[test]
fn lists_nest_by_indentation_and_their_lines_join() {
    let src = "+ first item\n  goes on here\n+ second\n\n  - nested after a blank\n  - another\n+ third\n  - nested without one\n\n1. one\n2) two\n(c) three\n#. auto\n";
    assert_eq!(
        shape(src),
        vec![
            "bullet first item goes on here",
            "bullet second",
            "  bullet nested after a blank",
            "  bullet another",
            "bullet third",
            "  bullet nested without one",
            "bullet one",
            "bullet two",
            "bullet three",
            "bullet auto"
        ]
    );
}

#[test]
fn field_lists_are_bullets_with_their_bodies() {
    let src = ":Speaker:\n    Ann Lee\n\n:Date: 2013-02-23\n:Slides: see\n   the site\n\nText.\n";
    assert_eq!(
        shape(src),
        vec![
            "bullet Speaker: Ann Lee",
            "bullet Date: 2013-02-23",
            "bullet Slides: see the site",
            "paragraph Text."
        ]
    );
}

#[test]
fn literal_blocks_and_code_directives_are_code() {
    let src = "Talk\n====\n\nRun this::\n\n    make\n      all\n\nback to text\n\n::\n\n    lone\n\n.. code-block:: python\n   :linenos:\n\n   def f():\n       pass\n\nafter\n";
    assert_eq!(
        shape(src),
        vec![
            "heading Talk",
            "  paragraph Run this:",
            "  code make",
            "  code   all",
            "  paragraph back to text",
            "  code lone",
            "  code def f():",
            "  code     pass",
            "  paragraph after"
        ]
    );
}

#[test]
fn a_literal_block_after_an_item_stays_in_the_item() {
    assert_eq!(
        shape("- run it ::\n\n      cmd\n\n- next\n"),
        vec!["bullet run it", "  code cmd", "bullet next"]
    );
}

#[test]
fn other_directives_comments_and_targets_go_with_their_bodies() {
    let src = "Talk\n====\n\n.. image:: pic.png\n   :alt: a picture\n\n.. note::\n\n   An aside in a box.\n\n.. a comment\n   that goes on\n\n.. _target: http://x.org\n.. |sub| replace:: text\n\n- kept\n";
    assert_eq!(shape(src), vec!["heading Talk", "  bullet kept"]);
}

#[test]
fn transitions_end_lists_and_tables_are_kept_as_rows() {
    let src = "- a\n\n----------\n\ntext\n\n+---+---+\n| x | y |\n+---+---+\n";
    assert_eq!(
        shape(src),
        vec![
            "bullet a",
            "paragraph text",
            "code +---+---+",
            "code | x | y |",
            "code +---+---+"
        ]
    );
}

#[test]
fn markers_and_adornments() {
    assert_eq!(item_marker("- x"), Some(2));
    assert_eq!(item_marker("iv. x"), Some(4));
    assert_eq!(item_marker("(a) x"), Some(4));
    assert_eq!(item_marker("2013-02-23"), None);
    assert_eq!(item_marker("-x"), None);
    assert_eq!(item_marker("Kivy."), None);
    assert_eq!(adornment("~~~~"), Some(('~', 4)));
    assert_eq!(adornment("=-=-"), None);
    assert_eq!(adornment("ab"), None);
}

#[test]
fn content_that_reads_as_rst() {
    let read = |s: &str| looks_like(&s.lines().collect::<Vec<_>>());
    assert!(read("Title\n~~~~~\n\ntext\n\nPart\n^^^^\n"));
    assert!(read("=====\nTitle\n=====\n\nAa\n==\n\nBb\n==\n"));
    assert!(read("Talk\n====\n\n.. code-block:: sh\n\n   ls\n\nMore\n====\n"));
    // Markdown's own underlines, a banner of `#`s, a lone directive: no.
    assert!(!read("Title\n=====\n\nPart\n-----\n"));
    assert!(!read("#########\n### Selling Things ###\n#########\n\nCase\n"));
    assert!(!read("text\n\n.. note:: x\n"));
}
