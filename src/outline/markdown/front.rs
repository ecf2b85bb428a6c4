//! What names a Markdown file at its top: front matter (fenced, or bare
//! `key: value` lines) and a lone first line standing as its title.

use super::shapes::atx_heading;
use crate::outline::lines::list_marker;
use crate::outline::titlelines;
use crate::outline::ws::Ws;

/// `title: Talk` and other `key: value` lines at the very top with no
/// fences around them: front matter all the same.
fn bare_front_matter(lines: &[&str]) -> (usize, Option<String>) {
    fn field(l: &str) -> Option<(String, &str)> {
        let (k, v) = l.split_once(':')?;
        let key_ok =
            !k.is_empty() && k.len() <= 20 && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        key_ok.then(|| (k.to_ascii_lowercase(), v.ws_trim()))
    }
    let n = lines.iter().take_while(|l| field(l).is_some()).count();
    let title = lines[..n]
        .iter()
        .filter_map(|l| field(l))
        .find(|(k, _)| k == "title")
        .map(|(_, v)| v);
    match title {
        Some(t) if !t.is_empty() && lines.get(n).is_none_or(|l| l.ws_trim().is_empty()) => (n, Some(t.to_string())),
        _ => (0, None),
    }
}

/// Front matter at the top: returns (lines it spans, its title).
pub(super) fn front_matter(lines: &[&str]) -> (usize, Option<String>) {
    let Some(first) = lines.first() else { return (0, None) };
    let (close, sep): (&[&str], char) = match first.ws_trim_end() {
        "---" => (&["---", "..."], ':'),
        "+++" => (&["+++"], '='),
        _ => return bare_front_matter(lines),
    };
    let Some(end) = lines
        .iter()
        .take(200)
        .skip(1)
        .position(|l| close.contains(&l.ws_trim_end()))
    else {
        return (0, None);
    };
    let body = &lines[1..end + 1];
    if body.is_empty() || !body.iter().any(|l| l.contains(sep)) {
        return (0, None);
    }
    let title = body.iter().find_map(|l| {
        let (k, v) = l.split_once(sep)?;
        (k.ws_trim() == "title").then(|| v.ws_trim().trim_matches(['"', '\'']).to_string())
    });
    (end + 2, title.filter(|t| !t.is_empty()))
}

/// The first line, when it stands alone as the file's title: a title-shaped
/// plain line with a blank line after it, in a file with no level-1 heading
/// of its own (the line plays that part).
pub(super) fn title_line(lines: &[&str], from: usize) -> Option<usize> {
    let i = (from..lines.len()).find(|&i| !lines[i].ws_trim().is_empty())?;
    let t = lines[i].ws_trim();
    let alone = lines.get(i + 1).is_some_and(|l| l.ws_trim().is_empty());
    let plain =
        !t.starts_with(['#', '>', '|', '<', '`', '~', '!', '[', '*', '_', '=', '-', '+']) && list_marker(t).is_none();
    let h1 = || {
        lines.iter().any(|l| {
            atx_heading(l).is_some_and(|(level, _)| level == 1)
                || l.starts_with("===") && l.ws_trim().chars().all(|c| c == '=')
        })
    };
    (alone && plain && !t.ends_with(':') && titlelines::is_title_shaped(t) && !h1()).then_some(i)
}
