use super::*;
use crate::outline::model::{Block, Kind};

fn run(spec: &[(u32, Kind, &str)]) -> (Option<String>, Vec<String>) {
    run_titled(None, spec)
}

/// `classify` of blocks given as (depth, kind, text), for a file that names
/// itself `title` (front matter, `#+TITLE`) or not.
/// A heading text starting with `~` is a title line (no heading markup).
fn run_titled(title: Option<&str>, spec: &[(u32, Kind, &str)]) -> (Option<String>, Vec<String>) {
    let blocks = spec
        .iter()
        .map(|&(d, k, t)| {
            let line = t.strip_prefix('~');
            let mut b = Block::new(d, k, line.unwrap_or(t), 1);
            b.title_line = line.is_some();
            b
        })
        .collect();
    let p = classify(Parsed {
        title: title.map(String::from),
        blocks,
    });
    let s = crate::outline::block_lines(&p.blocks);
    (p.title, s)
}

/// The (kind, text) of the talks and groups, in order.
fn roles(s: &[String]) -> Vec<String> {
    s.iter()
        .map(|l| l.trim_start().to_string())
        .filter(|l| l.starts_with("session") || l.starts_with("group"))
        .collect()
}

use Kind::{Bullet as B, Heading as H, Paragraph as P};

#[test]
fn single_top_heading_is_the_title_and_days_are_groups() {
    let (title, s) = run(&[
        (0, H, "Widget Conf 2031"),
        (1, H, "Day 1"),
        (2, H, "A. Talk"),
        (3, B, "x"),
        (2, H, "K. Empty talk"),
        (1, H, "Day 2"),
        (2, H, "A. Other"),
        (3, H, "Sub"),
        (4, B, "y"),
        (1, H, "Things to Read"),
        (2, B, "z"),
    ]);
    assert_eq!(title.as_deref(), Some("Widget Conf 2031"));
    assert_eq!(
        s,
        vec![
            "group Day 1",
            "  session A. Talk",
            "    bullet x",
            "  session K. Empty talk",
            "group Day 2",
            "  session A. Other",
            "    heading Sub",
            "      bullet y",
            "heading Things to Read",
            "  bullet z"
        ]
    );
}

#[test]
fn a_level_of_talks_keeps_talks_made_only_of_sub_headings() {
    let (title, s) = run(&[
        (0, H, "Slides"),
        (1, B, "http://x"),
        (0, H, "Talk One"),
        (1, B, "a"),
        (0, H, "Talk Two"),
        (1, H, "Part"),
        (2, B, "b"),
        (0, H, "Talk Three"),
        (1, B, "c"),
    ]);
    assert_eq!(title, None);
    assert_eq!(s[0], "heading Slides");
    assert_eq!(s[4], "session Talk Two");
    assert_eq!(s[5], "  heading Part");
}

#[test]
fn a_heading_holding_only_headings_is_a_group() {
    let (_, s) = run(&[
        (0, H, "Keynotes"),
        (1, B, "k"),
        (0, H, "Vendors"),
        (1, H, "Acme"),
        (2, B, "v"),
    ]);
    assert_eq!(
        s,
        vec![
            "session Keynotes",
            "  bullet k",
            "group Vendors",
            "  session Acme",
            "    bullet v"
        ]
    );
}

#[test]
fn an_event_headings_intro_does_not_make_it_a_talk() {
    // The single top heading over days: its intro lines are the
    // document's preamble, and a note-carrying heading beside the days is
    // an aside, not a talk.
    let (title, s) = run(&[
        (0, H, "Widget Days"),
        (1, P, "We went to Widget Days in Lyon, a fun trip with the whole team."),
        (1, P, "These are my notes."),
        (1, H, "Best swag"),
        (2, P, "a t-shirt"),
        (1, H, "Day 1"),
        (2, H, "Scaling Widgets - Ann Lee"),
        (3, B, "a"),
        (2, H, "Gadgets in Depth - Bo Ng"),
        (3, B, "b"),
    ]);
    assert_eq!(title.as_deref(), Some("Widget Days"));
    assert_eq!(
        s[0],
        "paragraph We went to Widget Days in Lyon, a fun trip with the whole team."
    );
    assert_eq!(s[2], "heading Best swag");
    assert_eq!(
        roles(&s),
        vec![
            "group Day 1",
            "session Scaling Widgets - Ann Lee",
            "session Gadgets in Depth - Bo Ng"
        ]
    );
}

#[test]
fn a_top_heading_with_its_speaker_over_sections_is_one_talk() {
    let (title, s) = run(&[
        (0, H, "Telling Stories with Code"),
        (1, P, "ann@example.org"),
        (1, P, "what the talk is about"),
        (1, H, "Outline"),
        (2, P, "a"),
        (1, H, "Main Characters"),
        (2, P, "b"),
    ]);
    assert_eq!(title.as_deref(), Some("Telling Stories with Code"));
    assert_eq!(roles(&s), vec!["session Telling Stories with Code"]);
    assert_eq!(s[3], "  heading Outline");
}

#[test]
fn a_panel_is_one_talk_its_panellists_asked_the_same_questions() {
    let (_, s) = run(&[
        (0, H, "Living with Gadgets"),
        (1, P, "The eras:"),
        (1, B, "levers"),
        (1, B, "pulleys"),
        (1, H, "Ann Lee"),
        (2, B, "habits will change"),
        (2, H, "On change"),
        (3, B, "x"),
        (2, H, "Is training needed?"),
        (3, B, "y"),
        (1, H, "Bo Ng"),
        (2, H, "On change"),
        (3, B, "z"),
        (2, H, "Is training needed?"),
        (3, B, "w"),
    ]);
    assert_eq!(roles(&s), vec!["session Living with Gadgets"]);
}

#[test]
fn people_who_took_notes_group_the_paper_talks_under_them() {
    // Conference > note-taker > paper talk > its "findings".
    let (_, s) = run(&[
        (0, H, "Gadget Conference 2031"),
        (1, H, "Maren"),
        (2, H, "A soft gripper for cogs"),
        (2, H, "A hybrid gearbox with rigid parts"),
        (3, H, "findings"),
        (4, B, "a"),
        (2, H, "Printed springs for climbing"),
        (3, H, "findings"),
        (4, B, "a2"),
        (1, H, "Tobias"),
        (2, H, "A hydraulic drive for drills"),
        (3, H, "findings"),
        (4, B, "b"),
        (2, H, "A sorting system for bolts"),
        (3, H, "findings"),
        (4, B, "c"),
        (1, H, "Ines"),
        (2, H, "Tilt estimation in a pipe"),
        (3, H, "findings"),
        (4, B, "d"),
        (0, H, "Other Symposium 2030"),
    ]);
    assert_eq!(
        roles(&s),
        vec![
            "group Gadget Conference 2031",
            "group Maren",
            "session A soft gripper for cogs",
            "session A hybrid gearbox with rigid parts",
            "session Printed springs for climbing",
            "group Tobias",
            "session A hydraulic drive for drills",
            "session A sorting system for bolts",
            "group Ines",
            "session Tilt estimation in a pipe"
        ]
    );
    assert!(s.contains(&"heading Other Symposium 2030".to_string()));
}

#[test]
fn flat_headings_the_first_names_the_event_labels_and_dates_are_not_talks() {
    let (title, s) = run(&[
        (0, H, "Widget Summit ’31 | Lyon"),
        (1, P, "An open source platform"),
        (0, H, "Live talks:"),
        (0, H, "Ann Lee | Acme University"),
        (1, P, "a"),
        (0, H, "11.5.31"),
        (0, H, "Bo Ng | Gadget Labs"),
        (1, P, "b"),
        (0, H, "Cy Dee | Sprocket Inc"),
        (1, P, "c"),
    ]);
    assert_eq!(title.as_deref(), Some("Widget Summit ’31 | Lyon"));
    assert_eq!(
        roles(&s),
        vec![
            "session Ann Lee | Acme University",
            "session Bo Ng | Gadget Labs",
            "session Cy Dee | Sprocket Inc"
        ]
    );
}

#[test]
fn a_file_that_names_itself_and_has_no_talk_is_one_talk() {
    let (title, s) = run_titled(
        Some("Hammers and Nails"),
        &[(0, P, "Tools:"), (1, B, "Mallets"), (0, P, "nails go in straight")],
    );
    assert_eq!(title.as_deref(), Some("Hammers and Nails"));
    assert_eq!(
        s,
        vec![
            "session Hammers and Nails",
            "  paragraph Tools:",
            "    bullet Mallets",
            "  paragraph nails go in straight"
        ]
    );
}

#[test]
fn a_named_file_whose_preamble_names_the_speaker_is_one_talk() {
    let (_, s) = run_titled(
        Some("The Widget Journey"),
        &[
            (0, P, "Speaker: Ann Lee"),
            (0, H, "Before"),
            (1, P, "a"),
            (0, H, "But how?"),
            (1, P, "b"),
            (0, H, "What next?"),
            (1, P, "c"),
        ],
    );
    assert_eq!(roles(&s), vec!["session The Widget Journey"]);
    // A named file of talks keeps its talks.
    let (_, s) = run_titled(
        Some("Lightning talks"),
        &[(0, H, "Widgets"), (1, P, "a"), (0, H, "Gadgets"), (1, P, "b")],
    );
    assert_eq!(roles(&s), vec!["session Widgets", "session Gadgets"]);
}

#[test]
fn a_tutorial_with_speakers_segments_is_a_talk() {
    let (_, s) = run(&[
        (0, H, "Gadgets 101"),
        (1, H, "Dana Holt"),
        (2, P, "the plan"),
        (1, H, "Egon Fisk"),
        (2, P, "workshops held"),
        (2, H, "Where are the files?"),
        (1, H, "Ilse Marr (Acme)"),
        (2, P, "numbers"),
        (0, H, "Building a Widget Line"),
        (1, P, "Widget Line Crew"),
        (1, P, "who does what"),
        (1, B, "value first"),
        (1, B, "build for use"),
        (1, H, "Plan - Ann Lee"),
        (2, P, "aims"),
        (1, H, "Parts - Bo Ng"),
        (2, P, "intake"),
        (1, H, "Testing"),
        (2, P, "x"),
        (1, H, "Shipping"),
        (2, P, "y"),
        (1, H, "Upkeep"),
        (2, P, "z"),
    ]);
    assert_eq!(roles(&s), vec!["session Gadgets 101", "session Building a Widget Line"]);
}

#[test]
fn a_stated_title_leaves_a_single_day_heading_in_place() {
    // Front matter or `#+TITLE` names the file: the one top heading under
    // it ("Day 1") is a group of its talks, not a second title to drop.
    let spec = [
        (0, H, "Day 1"),
        (1, H, "Widgets at Scale"),
        (2, B, "a"),
        (1, H, "Gadgets Now"),
        (2, B, "b"),
    ];
    let (title, s) = run_titled(Some("Widget Conf 2031"), &spec);
    assert_eq!(title.as_deref(), Some("Widget Conf 2031"));
    assert_eq!(
        roles(&s),
        vec!["group Day 1", "session Widgets at Scale", "session Gadgets Now"]
    );
    // Untitled, the same heading is the file's title and goes.
    let (title, s) = run(&spec);
    assert_eq!(title.as_deref(), Some("Day 1"));
    assert_eq!(roles(&s), vec!["session Widgets at Scale", "session Gadgets Now"]);
}

#[test]
fn title_lines_under_a_heading_are_its_topics_not_its_talks() {
    // Headings each over title lines ("Gears" over its list) that say
    // nothing of talks: a tutorial's speakers' parts, whose topics are
    // title lines. They weigh as notes, so two speakers with plenty of
    // notes do not turn the tutorial into a group of talks.
    let (_, s) = run(&[
        (0, H, "Widgets 101"),
        (1, H, "Dana Holt"),
        (2, P, "why widgets, for whom, and what we will build today"),
        (1, H, "Egon"),
        (2, P, "the widget line as it runs now"),
        (2, P, "three shifts a day"),
        (2, P, "and one at night"),
        (2, H, "~Gears"),
        (3, B, "teeth"),
        (3, B, "ratios"),
        (3, B, "wear"),
        (2, H, "~Springs"),
        (3, B, "coils"),
        (1, H, "Ilse Marr"),
        (2, P, "what breaks and when"),
        (2, P, "who fixes it"),
        (2, P, "what it costs"),
        (2, H, "~Failures"),
        (3, B, "rust"),
        (3, B, "heat"),
        (3, B, "load"),
        (2, H, "~Fixes"),
        (3, B, "oil"),
        (0, H, "Building a Widget Line - Ann Lee"),
        (1, B, "a"),
    ]);
    assert_eq!(
        roles(&s),
        vec!["session Widgets 101", "session Building a Widget Line - Ann Lee"]
    );
    assert!(s.contains(&"    heading Gears".to_string()), "{s:?}");
}

#[test]
fn one_talk_shaped_line_under_a_talk_is_a_part_of_it() {
    // A talk titled with its speakers, holding one sub-heading shaped like
    // a talk ("Acme - Widget Platform": the first speaker's part).
    let (_, s) = run(&[
        (0, H, "Day 2"),
        (1, H, "Better Widgets - Ann Lee (Acme), Bo Ng (Gadget Labs)"),
        (2, H, "~Acme - Widget Platform"),
        (3, P, "what it does"),
        (1, H, "Faster Gadgets - Cy Dee (Sprocket Inc)"),
        (2, B, "b"),
        (0, H, "Day 3"),
        (1, H, "Cogs - Dana Holt (Acme)"),
        (2, B, "c"),
    ]);
    assert_eq!(
        roles(&s),
        vec![
            "group Day 2",
            "session Better Widgets - Ann Lee (Acme), Bo Ng (Gadget Labs)",
            "session Faster Gadgets - Cy Dee (Sprocket Inc)",
            "group Day 3",
            "session Cogs - Dana Holt (Acme)"
        ]
    );
    assert_eq!(s[2], "    heading Acme - Widget Platform");
}
