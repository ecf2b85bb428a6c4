//! One line per talk: lightning talks noted as `title - note - note`, a
//! line each, with nothing to mark them. Such a run of lines becomes one
//! titled entry per line, its notes the talk's bullets.

use super::Entry;
use crate::outline::evidence::names_event;
use crate::outline::scan::Scanned;
use crate::outline::titlelines::is_title_shaped;
use crate::outline::vocabulary::vocabulary;
use crate::outline::ws::Ws;

/// The separator between a talk's title and its notes on the line.
const SEP: &str = " - ";

/// Shortest run of such lines read as one talk each.
const MIN_RUN: usize = 4;

/// A line that could be `title - note - note` (or a bare title).
fn fits(l: &Scanned) -> bool {
    let first = l.t.split(SEP).next().unwrap_or(l.t);
    l.marker.is_none() && first.chars().count() <= 60 && is_title_shaped(first)
}

/// A title over a programme: an event ("PyCon 2031") or a group of talks.
fn names_programme(t: &str) -> bool {
    vocabulary().is_group(t) || names_event(t)
}

/// The runs of one-line talks in `ls`: (first, end) index ranges. A run is
/// unmarked lines at the margin with no blank line between, most of them
/// holding ` - `; it opens the file, follows a title naming the event
/// ("Widget Meetup 2031") or a group ("Lightning talks") with a blank line
/// between, so a few `term - meaning` lines inside a talk's notes stay notes.
fn runs(ls: &[Scanned]) -> Vec<(usize, usize)> {
    let base = ls.iter().map(|l| l.indent).min().unwrap_or(0);
    let at_margin = |l: &Scanned| l.indent == base && l.marker.is_none();
    let mut out = Vec::new();
    let mut i = 0;
    while i < ls.len() {
        // Most lines are turned away here, by position alone: the words of
        // a run and of the title above it are read only for a likely run.
        if !at_margin(&ls[i]) || !(i == 0 || ls[i].blank_before) {
            i += 1;
            continue;
        }
        let block = (i + 1..ls.len())
            .find(|&j| ls[j].blank_before || !at_margin(&ls[j]))
            .unwrap_or(ls.len());
        // No line inside the block can open a run (none follows a blank);
        // a run holds ` - ` on most lines, so three in the block at least.
        if block - i < MIN_RUN || ls[i..block].iter().filter(|l| l.t.contains(SEP)).nth(2).is_none() {
            i = block;
            continue;
        }
        let end = (i..block).find(|&j| !fits(&ls[j])).unwrap_or(block);
        let split = ls[i..end].iter().filter(|l| l.t.contains(SEP)).count();
        let opens = i == 0 || names_programme(ls[i - 1].t.ws_trim());
        if end - i >= MIN_RUN && split * 5 >= (end - i) * 3 && opens {
            out.push((i, end));
        }
        i = end.max(i + 1);
    }
    out
}

/// `entries` with each one-line talk split into a title and its notes.
pub fn split_runs<'a>(ls: &[Scanned<'a>], mut entries: Vec<Entry<'a>>) -> Vec<Entry<'a>> {
    let runs = runs(ls);
    if runs.is_empty() {
        return entries;
    }
    let mut out = Vec::with_capacity(entries.len());
    let mut next = 0;
    for (k, e) in entries.drain(..).enumerate() {
        while runs.get(next).is_some_and(|r| r.1 <= k) {
            next += 1;
        }
        if runs.get(next).is_none_or(|r| r.0 > k) {
            out.push(e);
            continue;
        }
        let mut parts = e.text.split(SEP).map(Ws::ws_trim).filter(|p| !p.is_empty());
        let title = parts.next().unwrap_or(e.text);
        out.push(Entry {
            text: title,
            oneline: true,
            ..e
        });
        for note in parts {
            out.push(Entry {
                no: e.no,
                indent: e.indent + 2,
                item: true,
                text: note,
                blank_before: false,
                explicit: false,
                oneline: false,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::outline::block_lines;
    use crate::outline::text::parse;

    fn shape(src: &str) -> Vec<String> {
        let lines: Vec<(u32, &str)> = src.lines().enumerate().map(|(i, l)| (i as u32 + 1, l)).collect();
        block_lines(&parse(&lines, None).blocks)
    }

    #[test]
    fn a_file_of_one_line_talks_gives_a_talk_per_line() {
        let s = shape(
            "widgets - fast - cheap\ngadgets club - meets monthly\nsprockets\nThe cog story - gears - teeth - ratios\n",
        );
        assert_eq!(
            s,
            vec![
                "session widgets",
                "  bullet fast",
                "  bullet cheap",
                "session gadgets club",
                "  bullet meets monthly",
                "session sprockets",
                "session The cog story",
                "  bullet gears",
                "  bullet teeth",
                "  bullet ratios"
            ]
        );
    }

    #[test]
    fn a_run_after_an_event_or_group_title_is_one_talk_a_line() {
        let run = "widgets - fast - cheap\ngadgets - small\nsprockets\ncogs - round - turn\n";
        let s = shape(&format!("Widget Meetup 2031\n\n{run}"));
        assert!(s.contains(&"session gadgets".to_string()), "{s:?}");
        let s = shape(&format!("A Talk (Ann Lee)\n\n- a\n\nLightning talks\n\n{run}"));
        assert!(s.iter().any(|l| l.trim_start() == "session cogs"), "{s:?}");
    }

    #[test]
    fn a_few_term_lines_inside_notes_stay_notes() {
        let s = shape("A Talk (Ann Lee)\n\nwidgets - fast\ngadgets - slow\nsprockets - small\ncogs - round\n");
        assert_eq!(s[0], "session A Talk (Ann Lee)");
        assert!(!s.iter().any(|l| l.contains("session widgets")), "{s:?}");
    }
}
