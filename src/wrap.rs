//! Measuring, cutting and wrapping text by display width, grapheme by
//! grapheme, exactly as ratatui's buffer measures it (so a row we build to
//! fit a pane really fits). Never by byte index.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Display width of one grapheme as the terminal buffer will draw it.
fn grapheme_width(g: &str) -> usize {
    if g.contains(char::is_control) {
        0
    } else {
        g.width()
    }
}

pub fn width(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
}

/// `s` cut to at most `max` columns, ending in `…` when cut.
pub fn fit(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = grapheme_width(g);
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// Greedy word wrap to `max` columns (at least 1). Words wider than a line
/// are split between graphemes. Returns at least one (possibly empty) line.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let w = width(word);
        if used > 0 && used + 1 + w <= max {
            line.push(' ');
            line.push_str(word);
            used += 1 + w;
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if w <= max {
            line.push_str(word);
            used = w;
            continue;
        }
        for g in word.graphemes(true) {
            let gw = grapheme_width(g);
            if used + gw > max && used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push_str(g);
            used += gw;
        }
    }
    lines.push(line);
    lines
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
    fn wrap_breaks_on_words_and_splits_long_ones() {
        assert_eq!(wrap("one two three four", 9), vec!["one two", "three", "four"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 5), vec![""]);
        for l in wrap("日本語 テキスト ですよ 日本語テキストですよ", 5) {
            assert!(width(&l) <= 5, "{l}");
        }
    }
}
