//! Measuring, cutting and wrapping text by display width, grapheme by
//! grapheme, exactly as ratatui's buffer measures it (so a row we build to
//! fit a pane really fits). Never by byte index. Cutting and wrapping read
//! no further into a text than what they keep: a 50 MB line costs what its
//! first rows do.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

#[cfg(test)]
thread_local! {
    /// Graphemes measured on this thread: the tests' count of work done.
    static MEASURED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Display width of one grapheme as the terminal buffer will draw it.
fn grapheme_width(g: &str) -> usize {
    #[cfg(test)]
    MEASURED.with(|m| m.set(m.get() + 1));
    if g.contains(char::is_control) {
        0
    } else {
        g.width()
    }
}

pub fn width(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
}

/// The width of `s`, or some width over `cap` if it is wider (measured no
/// further than that).
fn width_over(s: &str, cap: usize) -> usize {
    let mut used = 0;
    for g in s.graphemes(true) {
        used += grapheme_width(g);
        if used > cap {
            break;
        }
    }
    used
}

/// `s` cut to at most `max` columns, ending in `…` when cut.
pub fn fit(s: &str, max: usize) -> String {
    fit_cut(s, max).0
}

/// `fit`, and whether it cut: found on the way, not by measuring all of `s`.
pub fn fit_cut(s: &str, max: usize) -> (String, bool) {
    let mut out = String::new();
    let mut used = 0;
    // Where to cut if `s` turns out too wide: the end of the longest
    // prefix that leaves a column for the ellipsis.
    let mut keep = 0;
    for g in s.graphemes(true) {
        let w = grapheme_width(g);
        if used + w > max {
            if max == 0 {
                return (String::new(), true);
            }
            out.truncate(keep);
            out.push('…');
            return (out, true);
        }
        out.push_str(g);
        used += w;
        if used < max {
            keep = out.len();
        }
    }
    (out, false)
}

/// `s` cut from the start to at most `max` columns, beginning with `…`
/// when cut: for paths, whose end (the file's name) says the most.
pub fn fit_tail(s: &str, max: usize) -> String {
    if width_over(s, max) <= max {
        return s.to_string();
    }
    let mut used = 1; // the ellipsis
    let mut start = s.len();
    for (at, g) in s.grapheme_indices(true).rev() {
        used += grapheme_width(g);
        if used > max {
            break;
        }
        start = at;
    }
    if max == 0 {
        return String::new();
    }
    format!("…{}", &s[start..])
}

/// Greedy word wrap to `max` columns (at least 1). Words wider than a line
/// are split between graphemes. Returns at least one (possibly empty) line.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    wrap_at_most(text, max, usize::MAX).0
}

/// `wrap`, stopping after `limit` lines (at least one); the flag says
/// whether text was left over.
pub fn wrap_at_most(text: &str, max: usize, limit: usize) -> (Vec<String>, bool) {
    let (lines, more) = wrap_pieces(text, max, limit);
    let joined = lines.into_iter().map(|pieces| join(text, &pieces)).collect();
    (joined, more)
}

/// A wrapped line's text: its pieces of `text` joined by single spaces.
pub fn join(text: &str, pieces: &[Range<usize>]) -> String {
    let mut line = String::new();
    for (k, r) in pieces.iter().enumerate() {
        if k > 0 {
            line.push(' ');
        }
        line.push_str(&text[r.clone()]);
    }
    line
}

/// `wrap_at_most`, as the byte ranges of `text` each line is made of
/// (words, or the parts of a word too wide for a line): a line's text is its
/// pieces joined by single spaces (`join`). Lets styles over `text` follow
/// it onto the lines (`carry`).
pub fn wrap_pieces(text: &str, max: usize, limit: usize) -> (Vec<Vec<Range<usize>>>, bool) {
    let max = max.max(1);
    let limit = limit.max(1);
    let mut lines = Vec::new();
    let mut line: Vec<Range<usize>> = Vec::new();
    let mut used = 0;
    let mut pos = 0;
    for word in text.split(' ') {
        let start = pos;
        pos += word.len() + 1;
        if word.is_empty() {
            continue;
        }
        if lines.len() >= limit {
            return (lines, true);
        }
        // Measured no further than a line: a longer word is split anyway.
        let w = width_over(word, max);
        if used > 0 && used + 1 + w <= max {
            line.push(start..start + word.len());
            used += 1 + w;
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if w <= max {
            line.push(start..start + word.len());
            used = w;
            continue;
        }
        let mut piece = start;
        for (at, g) in word.grapheme_indices(true) {
            let gw = grapheme_width(g);
            if used + gw > max && used > 0 {
                line.push(piece..start + at);
                lines.push(std::mem::take(&mut line));
                used = 0;
                piece = start + at;
                if lines.len() >= limit {
                    return (lines, true);
                }
            }
            used += gw;
        }
        line.push(piece..start + word.len());
    }
    if lines.len() >= limit {
        return (lines, !line.is_empty());
    }
    lines.push(line);
    (lines, false)
}

/// Styles over a text (sorted, disjoint byte ranges), carried onto one of
/// its wrapped lines: ranges in the line's text. The space joining two
/// pieces takes a style that covers both sides of it. Only the styles that
/// reach the line are read (a binary search finds the first), so drawing a
/// line of a note with thousands of links costs what the line holds.
pub fn carry<T: Copy + PartialEq>(pieces: &[Range<usize>], styles: &[(Range<usize>, T)]) -> Vec<(Range<usize>, T)> {
    let mut out: Vec<(Range<usize>, T)> = Vec::new();
    let mut at = 0;
    for (k, p) in pieces.iter().enumerate() {
        let from = if k > 0 { pieces[k - 1].end } else { p.start };
        let reaching = &styles[styles.partition_point(|(r, _)| r.end <= from)..];
        if k > 0 {
            // Disjoint and sorted: only the first style past the previous
            // piece can span the gap.
            if let Some((r, s)) = reaching.first() {
                if r.start < from && r.end > p.start {
                    push_merged(&mut out, at..at + 1, *s);
                }
            }
            at += 1;
        }
        for (r, s) in reaching.iter().take_while(|(r, _)| r.start < p.end) {
            let (a, b) = (r.start.max(p.start), r.end.min(p.end));
            if a < b {
                push_merged(&mut out, at + a - p.start..at + b - p.start, *s);
            }
        }
        at += p.len();
    }
    out
}

fn push_merged<T: PartialEq>(out: &mut Vec<(Range<usize>, T)>, r: Range<usize>, s: T) {
    match out.last_mut() {
        Some((last, ls)) if last.end == r.start && *ls == s => last.end = r.end,
        _ => out.push((r, s)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_columns_not_bytes() {
        assert_eq!(width("µservices"), 9);
        assert_eq!(width("日本"), 4);
        assert_eq!(width("e\u{301}"), 1);
    }

    #[test]
    fn fit_cuts_with_an_ellipsis_by_width() {
        assert_eq!(fit("hello world", 20), "hello world");
        assert_eq!(fit("hello world", 6), "hello…");
        assert_eq!(fit("日本語テキスト", 5), "日本…");
        assert!(width(&fit("日本語テキスト", 6)) <= 6);
    }

    #[test]
    fn fit_tail_keeps_the_end_of_a_path() {
        assert_eq!(fit_tail("/notes/conf/day-1.md", 40), "/notes/conf/day-1.md");
        assert_eq!(fit_tail("/notes/conf/day-1.md", 10), "…/day-1.md");
        assert_eq!(fit_tail("/ノート/会議.md", 8), "…会議.md");
        for max in 0..25 {
            assert!(width(&fit_tail("/notes/会議/day-1.md", max)) <= max, "{max}");
        }
    }

    #[test]
    fn wrap_breaks_on_words_and_splits_long_ones() {
        assert_eq!(wrap("one two three four", 9), vec!["one two", "three", "four"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 5), vec![""]);
        for l in wrap("日本語 テキスト ですよ 日本語テキストですよ", 5) {
            assert!(width(&l) <= 5, "{l}");
        }
        assert_eq!(wrap("  two  spaces ", 20), vec!["two spaces"]);
    }

    #[test]
    fn styles_follow_words_onto_their_lines() {
        // "alpha beta gamma" with "beta gamma" bold and "al" code, at 10 columns.
        let text = "alpha  beta gamma";
        let styles = [(0..2, 'c'), (7..17, 'b')];
        let (lines, _) = wrap_pieces(text, 10, usize::MAX);
        assert_eq!(lines, vec![vec![0..5, 7..11], vec![12..17]]);
        assert_eq!(carry(&lines[0], &styles), vec![(0..2, 'c'), (6..10, 'b')]);
        assert_eq!(carry(&lines[1], &styles), vec![(0..5, 'b')]);
        // A style over both words takes the space between them.
        assert_eq!(carry(&lines[0], &[(0..11, 'l')]), vec![(0..10, 'l')]);
    }

    fn measured<T>(f: impl FnOnce() -> T) -> (T, usize) {
        MEASURED.with(|m| m.set(0));
        let out = f();
        (out, MEASURED.with(|m| m.get()))
    }

    #[test]
    fn fit_keeps_what_fits_and_says_when_it_cut() {
        for (s, max) in [
            ("abc", 3),
            ("abc", 2),
            ("", 0),
            ("a", 0),
            ("日本", 3),
            ("日本", 4),
            ("e\u{301}x", 1),
        ] {
            let (cut, was_cut) = fit_cut(s, max);
            assert_eq!(was_cut, width(s) > max, "{s:?} at {max}");
            assert!(width(&cut) <= max, "{s:?} at {max}: {cut:?}");
            assert_eq!(cut == s, !was_cut, "{s:?} at {max}: {cut:?}");
        }
    }

    /// Cutting a line to a row measures only what fits: ten times the line,
    /// the same work.
    #[test]
    fn cutting_a_huge_line_reads_only_what_fits() {
        let line = "word ".repeat(200_000);
        let ten = line.repeat(10);
        let (a, small) = measured(|| fit(&line, 80));
        let (b, large) = measured(|| fit(&ten, 80));
        assert_eq!(a, b);
        assert!(small <= 82 && large <= 82, "measured {small} and {large} graphemes");
    }

    #[test]
    fn wrapping_stops_at_its_line_limit() {
        let word = "x".repeat(1_000_000);
        let ((lines, more), work) = measured(|| wrap_at_most(&word, 50, 3));
        assert_eq!(lines, vec!["x".repeat(50); 3]);
        assert!(more);
        assert!(work < 4 * 50 + 10, "measured {work} graphemes for three lines");
        let (all, more) = wrap_at_most("one two three", 9, 2);
        assert_eq!((all, more), (vec!["one two".to_string(), "three".into()], false));
        assert_eq!(
            wrap_at_most("one two three four", 9, 2),
            (vec!["one two".into(), "three".into()], true)
        );
    }
}
