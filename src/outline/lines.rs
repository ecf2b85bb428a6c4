//! The shared line scanner: indentation, list markers, rules, and the small
//! text tests every line-based loader (Markdown, org, plain text) relies on.

use super::ws::Ws;

/// The lines of `text`, split at each `\n` exactly as `text.split('\n')`
/// (hygiene leaves no other line end), but found with the memchr crate,
/// which passes over many bytes a step where std's split goes much slower.
pub fn split(text: &str) -> impl Iterator<Item = &str> {
    let mut breaks = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        match breaks.next() {
            Some(end) => {
                start = Some(end + 1);
                Some(&text[from..end])
            }
            None => {
                start = None;
                Some(&text[from..])
            }
        }
    })
}

/// Leading spaces (tabs are already expanded by hygiene).
pub fn indent_of(line: &str) -> usize {
    line.bytes().take_while(|&b| b == b' ').count()
}

/// Characters that start an unordered item when followed by a space.
const BULLETS: &[char] = &[
    '-', '*', '+', '•', '◦', '▪', '‣', '●', '○', '■', '□', '▸', '►', '➢', '·',
];

/// A list item's marker at the start of `s` (which has no leading spaces):
/// returns the byte offset where the item's text starts, or None.
/// Markers: the bullets above, `1.` `1)` `1.)` `(1)`, `a)` `(a)`.
pub fn list_marker(s: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    let after = if BULLETS.contains(&first) {
        first.len_utf8()
    } else {
        ordered_marker_len(s)?
    };
    let rest = &s[after..];
    if rest.is_empty() {
        return Some(after);
    }
    if !rest.starts_with(' ') {
        return None;
    }
    Some(after + indent_of(rest))
}

fn ordered_marker_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let (open, body_start) = if b.first() == Some(&b'(') {
        (true, 1)
    } else {
        (false, 0)
    };
    let mut i = body_start;
    while i < b.len() && b[i].is_ascii_digit() && i - body_start < 3 {
        i += 1;
    }
    let digits = i - body_start;
    if digits == 0 {
        // A single lowercase letter: `a)` or `(a)`.
        if b.get(i).is_some_and(|c| c.is_ascii_lowercase()) {
            i += 1;
        } else {
            return None;
        }
        return (b.get(i) == Some(&b')')).then_some(i + 1);
    }
    match (open, b.get(i)) {
        (true, Some(b')')) => Some(i + 1),
        (false, Some(b'.')) if b.get(i + 1) == Some(&b')') => Some(i + 2),
        (false, Some(b'.' | b')')) => Some(i + 1),
        _ => None,
    }
}

/// A thematic break: three or more `-`, `*` or `_` (spaces allowed), nothing else.
pub fn is_rule(s: &str) -> bool {
    // Called for most lines: the first character rejects them before any trimming.
    let Some(c) = s.ws_trim_start().chars().next() else {
        return false;
    };
    if !matches!(c, '-' | '*' | '_') {
        return false;
    }
    let t = s.ws_trim();
    // `all` first: a list item ("- text") fails it within a few characters.
    t.chars().all(|x| x == c || x == ' ') && t.chars().filter(|&x| x == c).count() >= 3
}

/// A line made only of one repeated symbol (a banner border or underline).
pub fn is_decoration(s: &str) -> bool {
    // Called for every line: most start with a letter and are rejected
    // before any trimming or counting.
    let Some(c) = s.ws_trim_start().chars().next() else {
        return false;
    };
    if c.is_alphanumeric() {
        return false;
    }
    let t = s.ws_trim();
    // All one character: three of them take three times its bytes.
    t.len() >= 3 * c.len_utf8() && t.chars().all(|x| x == c)
}

/// Ends like a finished sentence.
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', '”', '’', ')']);
    t.ends_with(['.', '!', '?', '…'])
}

/// More opening than closing brackets: the text runs on to the next line.
pub fn has_open_bracket(s: &str) -> bool {
    let mut depth = 0i32;
    for c in s.chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

/// True when a line obviously continues onto the next: a dangling comma,
/// conjunction symbol or open bracket.
pub fn runs_on(s: &str) -> bool {
    let t = s.ws_trim_end();
    has_open_bracket(t) || t.ends_with([',', '(', '&', '/', '+', '-', '–', '—']) && !t.ends_with("--")
}

pub fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Number of characters (not bytes).
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Should the line `next` be joined onto `prev` as one wrapped line of prose?
/// `wrap` is the file's estimated hard-wrap width (None: not hard-wrapped).
pub fn continues_prose(prev: &str, next: &str, wrap: Option<usize>) -> bool {
    if prev.is_empty() || next.is_empty() || is_link_or_handle(next) || is_link_or_handle(prev) {
        return false;
    }
    if runs_on(prev) {
        return true;
    }
    if ends_sentence(prev) || prev.ends_with(':') {
        // A new sentence or a label; only a hard wrap joins it.
        return wrapped_at(prev, next, wrap);
    }
    starts_lowercase(next) || wrapped_at(prev, next, wrap)
}

fn wrapped_at(prev: &str, next: &str, wrap: Option<usize>) -> bool {
    let Some(w) = wrap else { return false };
    let prev_len = char_len(prev);
    let first_word = next.split(' ').next().map(char_len).unwrap_or(0);
    prev_len * 10 >= w * 6 && prev_len + 1 + first_word > w
}

/// Estimates the width at which a file's prose was hard-wrapped, if it was:
/// most long lines end close to one width and few go past it.
pub fn estimate_wrap(lines: &[&str]) -> Option<usize> {
    // A line under 40 bytes is under 40 characters: only longer ones are counted.
    let mut lens: Vec<usize> = lines
        .iter()
        .filter(|l| l.len() >= 40)
        .map(|l| char_len(l.ws_trim_end()))
        .filter(|&n| n >= 40)
        .collect();
    if lens.len() < 4 {
        return None;
    }
    // Only the 90th percentile's value is needed, not the whole order.
    let k = lens.len() * 9 / 10;
    let p90 = *lens.select_nth_unstable(k).1;
    let over = lens.iter().filter(|&&n| n > p90 + 2).count();
    (p90 <= 100 && over * 10 <= lens.len()).then_some(p90.max(50))
}

/// A whole line that is only a URL, a bare domain path, or an @handle:
/// content, but never a title.
pub fn is_link_or_handle(s: &str) -> bool {
    let t = s.ws_trim();
    if t.contains(' ') {
        return false;
    }
    t.starts_with('@') || t.contains("://") || t.starts_with("www.") || (t.contains('.') && t.contains('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_recognised_with_their_text_offset() {
        assert_eq!(list_marker("- x"), Some(2));
        assert_eq!(list_marker("•   x"), Some(6)); // bytes: • is three
        assert_eq!(list_marker("12. x"), Some(4));
        assert_eq!(list_marker("1) x"), Some(3));
        assert_eq!(list_marker("1.) x"), Some(4));
        assert_eq!(list_marker("a) x"), Some(3));
        assert_eq!(list_marker("(2) x"), Some(4));
        assert_eq!(list_marker("-"), Some(1));
        assert_eq!(list_marker("**bold**"), None);
        assert_eq!(list_marker("-x"), None);
        assert_eq!(list_marker("2007 paper"), None);
        assert_eq!(list_marker("10.5 million"), None);
        assert_eq!(list_marker("ab) x"), None);
    }

    #[test]
    fn split_matches_std_split() {
        for s in ["", "\n", "a", "a\n", "\na\n\nb", "é\n€\n\n"] {
            assert_eq!(split(s).collect::<Vec<_>>(), s.split('\n').collect::<Vec<_>>(), "{s:?}");
        }
    }

    #[test]
    fn rules_and_decorations() {
        assert!(is_rule("---"));
        assert!(is_rule(" * * *"));
        assert!(!is_rule("-- x"));
        assert!(is_decoration("##########"));
        assert!(!is_decoration("##"));
        assert!(is_decoration(" ••• "));
        assert!(!is_decoration("••"));
        assert!(!is_decoration("=== x"));
    }

    #[test]
    fn prose_continuation() {
        assert!(continues_prose("New CPU instructions ( mostly to", "Make sure", None));
        assert!(continues_prose("a line that goes", "on and on", None));
        assert!(!continues_prose("Primary design", "Serializable transactions", None));
        assert!(!continues_prose("Done.", "next thing", None));
        let long = "Small g greenlets provide a switching mechanism, sort of like stackless control";
        assert!(continues_prose(long, "Flow. These are", Some(80)));
        assert!(!continues_prose("short line", "Flow", Some(80)));
    }

    #[test]
    fn wrap_width_is_found_only_in_wrapped_files() {
        let wrapped: Vec<&str> = vec!["x".repeat(78).leak() as &str; 20];
        assert_eq!(estimate_wrap(&wrapped), Some(78));
        let mut ragged: Vec<&str> = Vec::new();
        for i in 0..20 {
            ragged.push("y".repeat(40 + i * 9).leak());
        }
        assert_eq!(estimate_wrap(&ragged), None);
    }
}
