//! The tool's text normalising (`norm` in talk-score): a text as a reader
//! compares it, markup, case and spacing ignored.

/// A text as a reader compares it: inline markup (org and Markdown links,
/// code marks, emphasis), case and runs of spaces ignored, a trailing colon
/// dropped. Each step is one of the tool's substitutions, in its order.
pub fn norm(s: &str) -> String {
    let s = org_links(s, true);
    let s = org_links(&s, false);
    let s = md_links(&s);
    let s = code_marks(&s);
    let s = emphasis(&s);
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    joined.trim_end_matches([' ', ':']).to_string()
}

/// The first `]` at or after `from`.
fn close(b: &[char], from: usize, c: char) -> Option<usize> {
    (from..b.len()).find(|&j| b[j] == c)
}

/// `[[url][text]]` -> text (`described`), or `[[url]]` -> url.
fn org_links(s: &str, described: bool) -> String {
    let b: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == '[' && b.get(i + 1) == Some(&'[') {
            if let Some(j) = close(&b, i + 2, ']') {
                if described && b.get(j + 1) == Some(&'[') {
                    if let Some(k) = close(&b, j + 2, ']').filter(|&k| b.get(k + 1) == Some(&']')) {
                        out.extend(&b[j + 2..k]);
                        i = k + 2;
                        continue;
                    }
                } else if !described && b.get(j + 1) == Some(&']') {
                    out.extend(&b[i + 2..j]);
                    i = j + 2;
                    continue;
                }
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

/// `[text](url)` and `![alt](url)` -> text.
fn md_links(s: &str) -> String {
    let b: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        let open = if b[i] == '!' && b.get(i + 1) == Some(&'[') {
            i + 1
        } else {
            i
        };
        if b[open] == '[' {
            if let Some(j) = close(&b, open + 1, ']').filter(|&j| b.get(j + 1) == Some(&'(')) {
                if let Some(k) = close(&b, j + 2, ')') {
                    out.extend(&b[open + 1..j]);
                    i = k + 1;
                    continue;
                }
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

/// `` `code` `` (and an rst link's trailing `_`) -> code.
fn code_marks(s: &str) -> String {
    let b: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == '`' {
            if let Some(j) = close(&b, i + 1, '`') {
                out.extend(&b[i + 1..j]);
                i = j + 1 + usize::from(b.get(j + 1) == Some(&'_'));
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

/// Drops `**`, `__`, `*`, `~~`, and `=` next to a non-space (org verbatim).
fn emphasis(s: &str) -> String {
    let b: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let solid = |c: Option<&char>| c.is_some_and(|c| !c.is_whitespace());
    while i < b.len() {
        let pair = |c: char| b[i] == c && b.get(i + 1) == Some(&c);
        if pair('*') || pair('_') || pair('~') {
            i += 2;
        } else if b[i] == '*' || (b[i] == '=' && (solid(b.get(i + 1)) || (i > 0 && solid(b.get(i - 1))))) {
            i += 1;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::norm;

    #[test]
    fn markup_case_and_spacing_are_ignored_as_the_tool_does() {
        assert_eq!(norm("  **Avoid**  the `long` tail:  "), "avoid the long tail");
        assert_eq!(
            norm("[[https://x.org][the site]] and [[file:a]]"),
            "the site and file:a"
        );
        assert_eq!(norm("![alt](p.png) [text](http://u)"), "alt text");
        assert_eq!(norm("=verbatim= a = b"), "verbatim a = b");
        assert_eq!(norm("`link`_ ~~gone~~"), "link gone");
        assert_eq!(norm("***"), "");
    }
}
