//! Where a hit's first matched char sits in its file: the line and column
//! `--search --format grep` prints, for an editor to jump to.
//!
//! A node's text is its file's text after the loader: list markers and
//! indentation dropped, tabs expanded, markup rendered, a wrapped paragraph
//! joined into one line. So the column is found, not computed: the node's
//! text up to the end of the matched word is looked for on its first line;
//! failing that, the matched word alone on each of the node's lines; failing
//! that, the column is where the node's first line starts. Columns count
//! bytes from 1, as ripgrep's `--column` and vim's quickfix (`%c`) do: a
//! tab is one, a multi-byte char its bytes.
//!
//! Each hit looks at no more than `SCANNED` bytes of its file: in OPML
//! written on one line, every node shares that line, and searching all of
//! it for each hit would cost the line's length times the hits.

/// Bytes of the node's lines searched for one hit, at most.
pub const SCANNED: usize = 16 << 10;

/// 1-based (line, column) of the char at `first` (a char index into
/// `text`), given the node's lines in its file (`lines[0]` is the line the
/// node starts on, `start_line`). `first` None (no char to point at): the
/// start of the node's first line.
pub fn locate(text: &str, first: Option<usize>, lines: &[&str], start_line: u32) -> (u32, usize) {
    let start_of = |line: &str| 1 + line.len() - line.trim_start().len();
    let Some(&line0) = lines.first() else {
        return (start_line, 1);
    };
    let Some(at) = first.and_then(|c| text.char_indices().nth(c)).map(|(b, _)| b) else {
        return (start_line, start_of(line0));
    };
    let word_end = text[at..]
        .char_indices()
        .skip(1)
        .find(|&(_, c)| c.is_whitespace())
        .map_or(text.len(), |(i, _)| at + i);
    if let Some(p) = head(line0, SCANNED).find(&text[..word_end]) {
        return (start_line, p + at + 1);
    }
    let word = &text[at..word_end];
    let mut budget = SCANNED;
    for (k, line) in lines.iter().enumerate() {
        if let Some(p) = head(line, budget).find(word) {
            return (start_line + k as u32, p + 1);
        }
        budget = budget.saturating_sub(line.len());
        if budget == 0 {
            break;
        }
    }
    (start_line, start_of(line0))
}

/// The longest start of `s` of at most `n` bytes that ends at a char.
fn head(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    let mut end = n;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bullet_s_match_is_found_after_its_marker() {
        // "  - is anyone using riemann?", "riemann" matched from char 17.
        let line = "  - is anyone using riemann?";
        let text = "is anyone using riemann?";
        assert_eq!(locate(text, Some(16), &[line], 7), (7, 21));
        assert_eq!(&line[20..27], "riemann");
        // Tabs count one column, as vim's quickfix reads them.
        assert_eq!(locate("a riemann", Some(2), &["\t* a riemann"], 1), (1, 6));
    }

    #[test]
    fn multi_byte_text_counts_bytes() {
        let line = "## Über µservices";
        assert_eq!(locate("Über µservices", Some(5), &[line], 3), (3, 10));
        assert!(line[9..].starts_with("µservices"));
    }

    #[test]
    fn a_joined_paragraph_s_match_is_found_on_its_own_line() {
        let lines = ["We tried graphite first,", "  then riemann for events."];
        let text = "We tried graphite first, then riemann for events.";
        let at = text.find("riemann").unwrap();
        assert_eq!(locate(text, Some(at), &lines, 10), (11, 8));
    }

    #[test]
    fn text_the_line_does_not_hold_points_at_the_line_s_start() {
        // Entities decoded: the text is not on the line as it is shown.
        let opml = r#"  <outline text="AT&amp;T rocks"/>"#;
        assert_eq!(locate("AT&T rocks", Some(0), &[opml], 4), (4, 3));
        // Markup rendered: the matched word is still found inside it.
        assert_eq!(locate("bold words", Some(0), &["   - **bold** words"], 4), (4, 8));
        assert_eq!(locate("x", None, &["    x"], 2), (2, 5));
        assert_eq!(locate("x", Some(0), &[], 2), (2, 1));
        assert_eq!(locate("x", Some(9), &["x"], 2), (2, 1));
    }

    #[test]
    fn no_more_than_scanned_bytes_are_searched_for_a_hit() {
        // Nodes sharing one long line (OPML on one line): one past the
        // budget is not looked for, one inside it is found.
        let pad = "é".repeat(SCANNED / 2 - 2);
        let line = format!("<o t=\"near\"/>{pad}<o t=\"far\"/>");
        assert_eq!(locate("near", Some(0), &[&line], 1), (1, 7));
        assert_eq!(locate("far", Some(0), &[&line], 1), (1, 1));
        // Across a paragraph's lines too.
        let lines = [pad.as_str(), pad.as_str(), "far"];
        assert_eq!(locate("x far", Some(2), &lines, 1), (1, 1));
        assert_eq!(locate("x far", Some(2), &lines[1..], 1), (2, 1));
    }
}
