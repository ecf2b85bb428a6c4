use super::*;
use crate::outline::model::{Block, Kind};

pub(super) fn run(spec: &[(u32, Kind, &str)]) -> (Option<String>, Vec<String>) {
    run_titled(None, spec)
}

/// `classify` of blocks given as (depth, kind, text), for a file that names
/// itself `title` (front matter, `#+TITLE`) or not.
/// A heading text starting with `~` is a title line (no heading markup).
pub(super) fn run_titled(title: Option<&str>, spec: &[(u32, Kind, &str)]) -> (Option<String>, Vec<String>) {
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
pub(super) fn roles(s: &[String]) -> Vec<String> {
    s.iter()
        .map(|l| l.trim_start().to_string())
        .filter(|l| l.starts_with("session") || l.starts_with("group"))
        .collect()
}

use Kind::{Bullet as B, Heading as H, Paragraph as P};

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

#[test]
fn title_lines_under_a_day_are_its_talks() {
    // A group by its words with no notes of its own ("Day 1" over plain
    // title lines): the lines are its talks, not one talk's topics.
    let (_, s) = run(&[
        (0, H, "Day 1"),
        (1, H, "~Widgets at Scale"),
        (2, B, "a"),
        (1, H, "~Gadgets Now"),
        (2, B, "b"),
        (0, H, "Day 2"),
        (1, H, "~Cogs Today"),
        (2, B, "c"),
    ]);
    assert_eq!(
        roles(&s),
        vec![
            "group Day 1",
            "session Widgets at Scale",
            "session Gadgets Now",
            "group Day 2",
            "session Cogs Today"
        ]
    );
}
