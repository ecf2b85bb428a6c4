//! The document's title and the one-talk file (`doctitle`), through
//! `classify` as the loaders call it.

use super::tests::{roles, run, run_titled};
use crate::outline::model::Kind;
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
