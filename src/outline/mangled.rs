//! Decodes a broken-Markdown list encoding seen in notes copied out of some
//! editors: every nested list starts with a whitespace-only line whose width
//! (4 columns per level) carries the depth, followed by `- item` at column 0;
//! ` - item` continues at the current depth, and each width-1 whitespace line
//! closes one level. Closing a level often repeats the parent item verbatim;
//! the shared de-duplication pass drops those repeats later.
//!
//! The output is an ordinary indented outline (two spaces per level) with a
//! blank line between top-level blocks, so the plain-text loader reads it.

use super::lines::indent_of;
use super::ws::Ws;

/// Detects the encoding: several ` - ` sibling lines and several
/// whitespace-only lines directly followed by `- ` at column 0.
pub fn detect(lines: &[&str], blank_width: &dyn Fn(usize) -> usize) -> bool {
    let siblings = lines.iter().filter(|l| l.starts_with(" - ")).count();
    let openers = lines
        .windows(2)
        .enumerate()
        .filter(|(i, w)| w[0].is_empty() && blank_width(*i) >= 2 && w[1].starts_with("- "))
        .count();
    siblings >= 3 && openers >= 3
}

/// Whether `detect` could say yes: it needs three ` - ` lines. Until then
/// the width of a whitespace-only line means nothing (see
/// `squeeze::squeeze_blank_runs`).
pub fn may_apply(text: &str) -> bool {
    let starts = memchr::memmem::find_iter(text.as_bytes(), "\n - ").take(3).count();
    starts + usize::from(text.starts_with(" - ")) >= 3
}

/// Rewrites the lines; each output line keeps its source line number.
pub fn decode(lines: &[&str], blank_width: &dyn Fn(usize) -> usize) -> Vec<(u32, String)> {
    let mut out: Vec<(u32, String)> = Vec::with_capacity(lines.len());
    let mut depth: i64 = -1;
    let mut pending: Vec<usize> = Vec::new();
    let mut last_item: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        let no = i as u32 + 1;
        if line.is_empty() {
            let w = blank_width(i);
            if w == 0 {
                depth = -1;
                pending.clear();
                last_item = None;
                out.push((no, String::new()));
            } else {
                pending.push(w);
            }
            continue;
        }
        let (d, text) = if let Some(text) = line.strip_prefix("- ").or((*line == "-").then_some("")) {
            match pending.last() {
                Some(&w) if w >= 2 => ((((w + 2) / 4).max(1) as i64).min(depth + 1).max(0), text),
                _ => {
                    if depth >= 0 {
                        out.push((no, String::new()));
                    }
                    (0, text)
                }
            }
        } else if let Some(text) = line.strip_prefix(" - ") {
            let pops = pending.iter().filter(|&&w| w < 4).count() as i64;
            let mut d = depth - pops;
            if d < 0 {
                if depth >= 0 {
                    out.push((no, String::new()));
                }
                d = 0;
            }
            (d, text)
        } else if let Some(at) = last_item.filter(|_| indent_of(line) > 0 && pending.is_empty()) {
            // A wrapped item: the rest of the line before it.
            out[at].1.push(' ');
            out[at].1.push_str(line.ws_trim());
            continue;
        } else {
            // Plain text: pass it through and start afresh after it.
            depth = -1;
            pending.clear();
            last_item = None;
            out.push((no, line.to_string()));
            continue;
        };
        depth = d;
        pending.clear();
        last_item = Some(out.len());
        out.push((no, format!("{}- {}", "  ".repeat(d as usize), text)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(src: &[(&str, usize)]) -> Vec<String> {
        let lines: Vec<&str> = src.iter().map(|(l, _)| *l).collect();
        let widths: Vec<usize> = src.iter().map(|(_, w)| *w).collect();
        let bw = |i: usize| widths[i];
        assert!(detect(&lines, &bw));
        decode(&lines, &bw).into_iter().map(|(_, s)| s).collect()
    }

    // Source (widths of whitespace-only lines in the second column):
    //   - a / (4) - b / - c / (8) - d / (1) (1) - b (repeat) / (8) - e
    // Meaning:  a > b > d, b's sibling c, then e at the top.
    #[test]
    fn widths_open_levels_and_width_one_lines_close_them() {
        let out = run(&[
            ("- a", 0),
            ("", 4),
            ("- b", 0),
            (" - c", 0),
            ("", 8),
            ("- d", 0),
            ("", 1),
            ("", 1),
            (" - b", 0),
            ("", 8),
            (" - e", 0),
            ("", 4),
            ("- f", 0),
            ("", 1),
            ("", 1),
            ("- next block", 0),
            ("", 4),
            ("- g", 0),
            (" - h", 0),
        ]);
        assert_eq!(
            out,
            vec![
                "- a",
                "  - b",
                "  - c",
                "    - d",
                "- b",
                "- e",
                "  - f",
                "",
                "- next block",
                "  - g",
                "  - h"
            ]
        );
    }

    #[test]
    fn wrapped_item_lines_are_joined() {
        let out = run(&[
            ("- a", 0),
            (" - b", 0),
            (" - c", 0),
            (" - we have a cron job to", 0),
            ("        kill it", 0),
            ("", 4),
            ("- x", 0),
            ("", 4),
            ("- y", 0),
            ("", 4),
            ("- z", 0),
        ]);
        assert_eq!(out[3], "- we have a cron job to kill it");
    }
}
