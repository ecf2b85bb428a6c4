//! What goes in one file before any text is written: its title and date, its
//! days (or tracks) and how many bullets each talk gets.

use super::rng::Rng;
use super::words::{MONTHS, WEEKDAYS};

pub struct Doc {
    pub title: String,
    pub conf: &'static str,
    pub year: usize,
    /// 0-based month and 1-based day of the first day.
    pub month: usize,
    pub day: usize,
    pub groups: Vec<Group>,
}

/// A day or a track: a heading with talks under it.
pub struct Group {
    pub label: String,
    /// Bullets per talk.
    pub talks: Vec<usize>,
}

/// Plans a file of exactly `budget` bullets. `day` is Some for one file per
/// conference day (whose groups are then tracks or parts of the day).
pub fn doc(rng: &mut Rng, conf: &'static str, year: usize, day: Option<usize>, budget: usize) -> Doc {
    let month = rng.below(12);
    let first = rng.range(1, 24);
    let (title, labels) = match day {
        None => {
            let title = match rng.below(4) {
                0 => format!("Notes from {conf} {year}"),
                1 => format!("{conf} {year} notes"),
                _ => format!("{conf} {year}"),
            };
            let days = rng.range(2, 4);
            (title, day_labels(rng, days, month, first))
        }
        Some(d) => {
            let title = match rng.below(3) {
                0 => format!("{conf} {year} - Day {d}"),
                1 => format!("{conf} {year}, day {d}"),
                _ => format!("{conf} {year} — {} {}", MONTHS[month], first + d - 1),
            };
            (title, track_labels(rng))
        }
    };
    let groups = split(rng, budget, labels);
    Doc {
        title,
        conf,
        year,
        month,
        day: first + day.map_or(0, |d| d - 1), // a per-day file is dated that day
        groups,
    }
}

fn day_labels(rng: &mut Rng, days: usize, month: usize, first: usize) -> Vec<String> {
    let style = rng.below(4);
    let weekday = rng.below(3); // conferences start early in the week
    (1..=days)
        .map(|d| match style {
            0 => format!("Day {d} - {}", WEEKDAYS[weekday + d - 1]),
            1 => WEEKDAYS[weekday + d - 1].to_string(),
            2 => format!("Day {d} ({} {})", MONTHS[month], first + d - 1),
            _ => format!("Day {d}"),
        })
        .collect()
}

fn track_labels(rng: &mut Rng) -> Vec<String> {
    const SCHEMES: &[&[&str]] = &[
        &["Morning", "Afternoon"],
        &["Morning", "Afternoon", "Lightning talks"],
        &["Track A", "Track B", "Track C"],
        &["Main stage", "Room 2"],
        &["Keynotes", "Sessions", "Workshops"],
    ];
    rng.pick(SCHEMES).iter().map(|s| s.to_string()).collect()
}

/// Shares `budget` out over the groups, then over talks of 8-60 bullets.
fn split(rng: &mut Rng, budget: usize, mut labels: Vec<String>) -> Vec<Group> {
    labels.truncate(budget.div_ceil(8).max(1)); // a tiny file gets fewer days, not empty ones
    let n = labels.len();
    let mut groups = Vec::with_capacity(n);
    for (i, label) in labels.into_iter().enumerate() {
        let mut left = if i + 1 == n {
            budget - budget / n * (n - 1)
        } else {
            budget / n
        };
        let mut talks = Vec::new();
        while left > 0 {
            let mut t = rng.range(8, 60).min(left);
            if left - t < 8 {
                t = left; // no stub talk at the end of a day
            }
            talks.push(t);
            left -= t;
        }
        groups.push(Group { label, talks });
    }
    groups
}
