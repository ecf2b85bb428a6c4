use super::*;

fn shape(src: &str) -> Vec<String> {
    let lines: Vec<&str> = src.lines().collect();
    crate::outline::block_lines(&parse(&lines, None).blocks)
}

#[test]
fn atx_headings_with_closing_hashes() {
    assert_eq!(atx_heading("## Title ##"), Some((2, "Title")));
    assert_eq!(atx_heading("### F."), Some((3, "F.")));
    assert_eq!(atx_heading("#hashtag"), None);
    assert_eq!(atx_heading("####### seven"), None);
    assert_eq!(atx_heading("# C#"), Some((1, "C#")));
}

#[test]
fn setext_headings_and_bullets() {
    assert_eq!(
        shape("keynote (kate krauss)\n-----------\n\n* a\n  * b\n*\n\nNext Talk\n===\n* c\n"),
        vec![
            "heading keynote (kate krauss)",
            "  bullet a",
            "    bullet b",
            "heading Next Talk",
            "  bullet c"
        ]
    );
}

#[test]
fn code_lines_are_never_bullets_or_headings() {
    assert_eq!(
        shape("# T\n\n```\n# not a heading\n- not a bullet\n```\n\n    - indented code\n\ntext\n"),
        vec![
            "heading T",
            "  code # not a heading",
            "  code - not a bullet",
            "  code - indented code",
            "  paragraph text"
        ]
    );
}

#[test]
fn front_matter_names_the_document_and_is_not_content() {
    let lines: Vec<&str> = "---\ntitle: \"My Notes\"\ntags: [a]\n---\n# Talk\n- x\n"
        .lines()
        .collect();
    let p = parse(&lines, None);
    assert_eq!(p.title.as_deref(), Some("My Notes"));
    assert_eq!(p.blocks.len(), 2);
}

#[test]
fn bold_lines_are_titles_under_the_current_heading() {
    assert_eq!(
        shape("# Day\n**Talk One**\n- a\n**Talk Two:**\n- b\n"),
        vec![
            "heading Day",
            "  heading Talk One",
            "    bullet a",
            "  heading Talk Two",
            "    bullet b"
        ]
    );
}

#[test]
fn hashes_without_a_space_are_headings_but_hashtags_are_not() {
    assert_eq!(atx_heading("##Choose Widgets"), Some((2, "Choose Widgets")));
    assert_eq!(atx_heading("#Widget Talks"), Some((1, "Widget Talks")));
    assert_eq!(atx_heading("#widgets"), None);
    assert_eq!(atx_heading("#include <x.h>"), None);
    assert_eq!(atx_heading("#Widgets #Gadgets"), None);
}

#[test]
fn pictures_and_symbol_rules_are_not_notes() {
    assert_eq!(
        shape("# T\n![a cat](c.jpg)\n[![v](t.png)](http://v)\n\n=====\n\nx\n"),
        vec!["heading T", "  paragraph x"]
    );
}

#[test]
fn key_lines_at_the_top_and_a_lone_first_line_title_the_file() {
    let p = parse(&["title: Widget Talks", "", "## One", "- a"], None);
    assert_eq!(p.title.as_deref(), Some("Widget Talks"));
    assert_eq!(
        crate::outline::block_lines(&p.blocks),
        vec!["heading One", "  bullet a"]
    );
    let p = parse(&["Telling Stories", "", "Outline", "-------", "a"], None);
    assert_eq!(p.title.as_deref(), Some("Telling Stories"));
    let p = parse(&["Telling Stories", "", "# A talk", "a"], None);
    assert_eq!(p.title, None, "an H1 titles the file itself");
}

#[test]
fn title_lines_sit_under_the_heading_blocks_between_rules_above_theirs() {
    assert_eq!(
        shape("# Day\n\nArchitecture\n\n- a\n\n## Next\n- b\n"),
        vec![
            "heading Day",
            "  heading Architecture",
            "    bullet a",
            "  heading Next",
            "    bullet b"
        ]
    );
    assert_eq!(
        shape("Widgets\n\nx\n\nPart\n----\ny\n\n------\n\nGadgets\n\nz\n\n------\n\nSprockets\n"),
        vec![
            "heading Widgets",
            "  paragraph x",
            "  heading Part",
            "    paragraph y",
            "heading Gadgets",
            "  paragraph z",
            "heading Sprockets"
        ]
    );
}

#[test]
fn a_colon_line_holds_the_list_it_introduces() {
    assert_eq!(
        shape("The parts:\n- a\n- b\n\nafter\n"),
        vec!["paragraph The parts:", "  bullet a", "  bullet b", "paragraph after"]
    );
}

#[test]
fn different_markers_at_each_depth() {
    assert_eq!(
        shape("- a\n    1. b\n        + c\n    2) d\n"),
        vec!["bullet a", "  bullet b", "    bullet c", "  bullet d"]
    );
}
