use super::*;

fn parse_str(s: &str) -> Parsed {
    let lines: Vec<(u32, &str)> = s.lines().enumerate().map(|(i, l)| (i as u32 + 1, l)).collect();
    parse(&lines, None)
}

fn shape(p: &Parsed) -> Vec<String> {
    crate::outline::block_lines(&p.blocks)
}

#[test]
fn indented_outline_nests_by_relative_columns() {
    let p = parse_str("Talk A\n\n  • one\n      • deep\n    • mid\n  • two\n");
    assert_eq!(
        shape(&p),
        vec![
            "session Talk A",
            "  bullet one",
            "    bullet deep",
            "    bullet mid",
            "  bullet two"
        ]
    );
}

#[test]
fn unmarked_line_after_bullets_is_a_new_title_unless_it_continues() {
    let p = parse_str("First Talk by Ann Lee\n- a ( mostly to\nmake sure of it) ok\n- b\nSecond Talk by Bo Ng\n- c\n");
    assert_eq!(
        shape(&p),
        vec![
            "session First Talk by Ann Lee",
            "  bullet a ( mostly to make sure of it) ok",
            "  bullet b",
            "session Second Talk by Bo Ng",
            "  bullet c"
        ]
    );
}

#[test]
fn repeated_leaf_is_kept_once_per_talk() {
    let p = parse_str("Talk (Ann Lee)\n- x\n- y\n- x\nOther (Bo Ng)\n- x\n");
    assert_eq!(
        shape(&p),
        vec![
            "session Talk (Ann Lee)",
            "  bullet x",
            "  bullet y",
            "session Other (Bo Ng)",
            "  bullet x"
        ]
    );
}

#[test]
fn blocks_without_titles_become_talks_named_by_first_bullet() {
    let p = parse_str("- alpha\n  - a1\n- beta\n\n- gamma\n- delta\n");
    assert_eq!(
        shape(&p),
        vec![
            "session alpha",
            "  bullet a1",
            "  bullet beta",
            "session gamma",
            "  bullet delta"
        ]
    );
}

#[test]
fn first_title_line_names_the_document() {
    let p = parse_str("My Conference 2020\n\nFirst talk\n\n- a\n\nSecond talk\n\n- b\n");
    assert_eq!(p.title.as_deref(), Some("My Conference 2020"));
    assert_eq!(
        shape(&p),
        vec!["session First talk", "  bullet a", "session Second talk", "  bullet b"]
    );
}

#[test]
fn empty_group_title_holds_the_talks_after_it_until_a_programme_item() {
    let p = parse_str("Conf\n\nlightning talks\n\none\n\n- a\n\ntwo\n\n- b\n\noutro\n\n- c\n");
    assert_eq!(
        shape(&p),
        vec![
            "group lightning talks",
            "  session one",
            "    bullet a",
            "  session two",
            "    bullet b",
            "session outro",
            "  bullet c"
        ]
    );
}

#[test]
fn with_speakers_other_titles_are_sub_headings() {
    let p = parse_str(
        "Recap\n\nIntro para.\n\nBig Talk (Ann Lee)\n\nNotes\n\nIdeas\n\n  • x\n\nAnother Talk (Bo Ng)\n\n  • y\n",
    );
    assert_eq!(
        shape(&p),
        vec![
            "paragraph Intro para.",
            "session Big Talk (Ann Lee)",
            "  heading Notes",
            "  heading Ideas",
            "    bullet x",
            "session Another Talk (Bo Ng)",
            "  bullet y"
        ]
    );
}

#[test]
fn a_speaker_line_under_a_bare_title_makes_it_a_talk() {
    let p = parse_str("Conf 2024\n\nDay 1\n\nFirst thing\n- Speaker: Ann Lee\n- a\n\nSecond (Bo Ng)\n- b\n\nThird by Cy Dee\n- c\nLinks:\n- d\n");
    assert_eq!(
        shape(&p),
        vec![
            "group Day 1",
            "  session First thing",
            "    bullet Speaker: Ann Lee",
            "    bullet a",
            "  session Second (Bo Ng)",
            "    bullet b",
            "  session Third by Cy Dee",
            "    bullet c",
            "    heading Links:",
            "      bullet d"
        ]
    );
}

#[test]
fn prose_keeps_the_list_after_it_only_when_it_introduces_it() {
    let p = parse_str("Talk\n\nSome prose here.\n\n  - a\n\nThese are the tools they used for it:\n  - b\n");
    assert_eq!(
        shape(&p),
        vec![
            "session Talk",
            "  paragraph Some prose here.",
            "  bullet a",
            "  paragraph These are the tools they used for it:",
            "    bullet b"
        ]
    );
}

#[test]
fn prose_lines_are_paragraphs_not_titles() {
    let p = parse_str("Title Here\n\nThis is a sentence. And another one.\n\nh(S, O) = W\n");
    assert!(
        p.blocks.iter().filter(|b| b.kind == Kind::Paragraph).count() == 2,
        "{:?}",
        shape(&p)
    );
}

#[test]
fn titles_at_the_margin_over_indented_notes_are_the_talks_whatever_their_shape() {
    // An outline: each talk's line at the left margin (one with a stray
    // space), all its notes a tab in; the title lines carry a name, a
    // handle and a link, which no title rule would take alone.
    let tab = "        ";
    let src = format!(
        "Ann Lee - @ann - Widgets at Scale - http://x.org/s\n\n{tab}widgets grow\n\n{tab}first part\n\n{tab}{tab}a detail\n\n{tab}second part\n\n \
         Bo Ng - @bo - Gadget Sprawl\n\n{tab}gadgets spread\n\n{tab}why it matters\n\n{tab}what to do\n\n\
         Cy Dee - Sprockets - http://y.org\n\n{tab}sprockets turn\n\n{tab}and stop\n\n{tab}last note\n"
    );
    let p = parse_str(&src);
    assert_eq!(p.title, None, "the first talk is not the document's title");
    assert_eq!(
        shape(&p),
        vec![
            "session Ann Lee - @ann - Widgets at Scale - http://x.org/s",
            "  paragraph widgets grow",
            "  paragraph first part",
            "    paragraph a detail",
            "  paragraph second part",
            "session Bo Ng - @bo - Gadget Sprawl",
            "  paragraph gadgets spread",
            "  paragraph why it matters",
            "  paragraph what to do",
            "session Cy Dee - Sprockets - http://y.org",
            "  paragraph sprockets turn",
            "  paragraph and stop",
            "  paragraph last note"
        ]
    );
}

#[test]
fn margin_lines_over_a_few_indented_notes_are_not_an_outline() {
    // Fewer than three indented notes a margin line: ordinary notes, where
    // a line of a name, a handle and a link titles nothing.
    let tab = "        ";
    let src = format!(
        "Ann Lee - @ann - Widgets - http://x.org/s\n\n{tab}one note\n\n\
         Bo Ng - @bo - Gadgets - http://y.org\n\n{tab}two\n\nCy Dee - Cogs - http://z.org\n\n{tab}three\n\nWe liked it.\n\nThe lunch was fine.\n"
    );
    let s = shape(&parse_str(&src));
    assert!(!s.iter().any(|l| l.contains("session Ann Lee")), "{s:?}");
}
