//! A chain of single sub-headings (an outline nested deep, one item under
//! the other) is no programme: a year-looking or day-looking line inside it
//! does not turn the levels above it into groups.

use super::tests::{roles, run};
use crate::outline::model::Kind::{self, Bullet as B, Heading as H};

/// `depth` headings, each the only sub-heading of the one above; level `i`
/// is named by `name(i)`, and the last holds `bottom` notes.
fn chain(depth: u32, name: impl Fn(u32) -> String, bottom: usize) -> Vec<(u32, Kind, String)> {
    let mut spec: Vec<(u32, Kind, String)> = (0..depth).map(|i| (i, H, name(i))).collect();
    spec.extend((0..bottom).map(|n| (depth, B, format!("note {n}"))));
    spec
}

/// How a chain names its level `i`.
type Namer = fn(u32) -> String;

fn run_owned(spec: &[(u32, Kind, String)]) -> Vec<String> {
    let spec: Vec<(u32, Kind, &str)> = spec.iter().map(|(d, k, t)| (*d, *k, t.as_str())).collect();
    run(&spec).1
}

#[test]
fn a_year_or_a_day_deep_in_a_chain_of_single_headings_makes_no_groups() {
    // Years named deep down (the last fifty levels), one level named as a
    // year in the middle, a day in the middle; with notes at the bottom and
    // without.
    let names: [(&str, Namer); 3] = [
        ("years below", |i| format!("level {}", 1800 + i)),
        ("one year", |i| {
            if i == 150 {
                "level 1950".into()
            } else {
                format!("level n{i}")
            }
        }),
        ("one day", |i| {
            if i == 150 {
                "Day 2".into()
            } else {
                format!("level n{i}")
            }
        }),
    ];
    for (what, name) in names {
        for bottom in [0, 2] {
            let s = run_owned(&chain(200, name, bottom));
            let groups = s.iter().filter(|l| l.trim_start().starts_with("group")).count();
            assert_eq!(groups, 0, "{what}, {bottom} notes: {:?}", &s[..4]);
            // Every level stays a node search reads: one talk over headings.
            assert_eq!(roles(&s).len(), 1, "{what}, {bottom} notes");
            let headings = s.iter().filter(|l| l.trim_start().starts_with("heading")).count();
            assert_eq!(headings, 199, "{what}, {bottom} notes");
        }
    }
}

#[test]
fn an_event_over_days_of_talks_is_still_a_programme() {
    // Widget Days 2031
    //   Day 1 > Talk A, Talk B      Day 2 > Talk C
    // Gadget Summit 2030
    //   Keynote: Bo Ng              (one talk, a talk by its words)
    let s = run(&[
        (0, H, "Widget Days 2031"),
        (1, H, "Day 1"),
        (2, H, "Talk A"),
        (3, B, "a"),
        (2, H, "Talk B"),
        (3, B, "b"),
        (1, H, "Day 2"),
        (2, H, "Talk C"),
        (3, B, "c"),
        (0, H, "Gadget Summit 2030"),
        (1, H, "Keynote: Bo Ng"),
        (2, B, "d"),
    ])
    .1;
    assert_eq!(
        roles(&s),
        [
            "group Widget Days 2031",
            "group Day 1",
            "session Talk A",
            "session Talk B",
            "group Day 2",
            "session Talk C",
            "group Gadget Summit 2030",
            "session Keynote: Bo Ng",
        ]
    );
}
