//! Page chrome: the lines a web page brings along when copied as text (site
//! navigation, share, sign-in and comment widgets). The phrases are data in
//! `assets/chrome.txt`; this module only decides which lines to blank out.

use super::vocabulary::{glob_match, normalize};
use super::ws::Ws;

// Keys come from the bundled phrase list, not from a file: SipHash's
// resistance to chosen keys buys nothing here, and foldhash is faster.
use foldhash::HashSet;
use std::sync::OnceLock;

struct Phrases {
    exact: HashSet<String>,
    globs: Vec<String>,
    /// The first word of every phrase: a cheap test that rejects almost
    /// every line of real notes before any normalising or matching.
    first_words: HashSet<String>,
    /// The first byte of every first word: cheaper still, no hashing.
    first_bytes: [bool; 256],
}

fn first_word(s: &str) -> &str {
    s.split(' ').next().unwrap_or("")
}

fn phrases() -> &'static Phrases {
    static P: OnceLock<Phrases> = OnceLock::new();
    P.get_or_init(|| {
        let mut exact = HashSet::default();
        let mut globs = Vec::new();
        let mut first_words = HashSet::default();
        for line in include_str!("../../assets/chrome.txt").lines() {
            let l = line.ws_trim();
            if l.is_empty() || l.starts_with("# ") || l == "#" {
                continue;
            }
            let n = normalize(l);
            first_words.insert(first_word(&n).to_string());
            if n.contains('*') || n.contains("<n>") {
                globs.push(n);
            } else {
                exact.insert(n);
            }
        }
        let mut first_bytes = [false; 256];
        for w in &first_words {
            if let Some(&b) = w.as_bytes().first() {
                first_bytes[usize::from(b)] = true;
            }
        }
        Phrases {
            exact,
            globs,
            first_words,
            first_bytes,
        }
    })
}

/// Whether the whole line matches a chrome phrase.
pub fn is_chrome_phrase(line: &str) -> bool {
    let p = phrases();
    // An ASCII first byte, lowercased, is the first byte of the lowercased
    // first word looked up below: no phrase starts with it, no phrase.
    match line.ws_trim_start().as_bytes().first() {
        None => return false,
        Some(b) if b.is_ascii() && !p.first_bytes[usize::from(b.to_ascii_lowercase())] => return false,
        Some(_) => {}
    }
    let t = line.ws_trim();
    if t.is_empty() || t.len() > 160 {
        return false;
    }
    let head = first_word(t);
    if head.len() > 24 {
        return false;
    }
    // Called for every line: lowercase (a new String) only when it changes.
    let lowered;
    let head = if head
        .bytes()
        .all(|b| b.is_ascii_lowercase() || !b.is_ascii_alphabetic() && b.is_ascii())
    {
        head
    } else {
        lowered = head.to_lowercase();
        &lowered
    };
    if !p.first_words.contains(head) {
        return false;
    }
    let n = normalize(t);
    p.exact.contains(&n) || p.globs.iter().any(|g| glob_match(g, &n))
}

/// Indexes of the lines to drop as chrome. A phrase of three or more words
/// always goes; a shorter one ("Embed", "Copy link") only where it stands
/// next to other chrome or at the very start or end of the file, so a
/// heading that happens to read "Search" in real notes survives.
pub fn chrome_lines(lines: &[&str]) -> Vec<usize> {
    let nonblank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].ws_trim_start().is_empty())
        .collect();
    let cand: Vec<bool> = nonblank.iter().map(|&i| is_chrome_phrase(lines[i])).collect();
    let mut out = Vec::new();
    for (k, &i) in nonblank.iter().enumerate() {
        if !cand[k] {
            continue;
        }
        let long = lines[i].split_whitespace().count() >= 3;
        let edge = k == 0 || k + 1 == nonblank.len();
        let near = (k > 0 && cand[k - 1]) || cand.get(k + 1).copied().unwrap_or(false);
        if long || edge || near {
            out.push(i);
        }
    }
    out
}

/// A line that is a slug of the heading after it ("scale-summit 2014" above
/// "Scale Summit 2014"): a page's file name or URL echo, not content.
pub fn is_slug_echo(line: &str, next: &str) -> bool {
    fn letters(s: &str) -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    }
    let a = line.ws_trim();
    let b = next.ws_trim();
    // Cheap tests first: an echo is short and about as long as its title.
    let close = a.len().abs_diff(b.len()) * 5 <= a.len().max(b.len());
    close
        && a != b
        && !a.is_empty()
        && a.len() <= 100
        && !a.contains(". ")
        && letters(a) == letters(b)
        && !letters(a).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_lines_only() {
        assert!(is_chrome_phrase("Skip to content"));
        assert!(is_chrome_phrase("  commented Mar 22, 2014"));
        assert!(is_chrome_phrase(
            "Sign up for free to join this conversation on GitHub. Already have an account? Sign in to comment"
        ));
        assert!(!is_chrome_phrase("Skip to content if you are in a hurry"));
    }

    #[test]
    fn short_phrases_need_company() {
        let lines = ["Search", "", "real notes", "Search", "more notes", "Embed", "Copy link"];
        assert_eq!(chrome_lines(&lines), vec![0, 5, 6]);
    }

    #[test]
    fn slug_echo() {
        assert!(is_slug_echo("scale-summit 2014", "Scale Summit 2014"));
        assert!(!is_slug_echo("Scale Summit 2014", "Scale Summit 2014"));
        assert!(!is_slug_echo("intro", "outro"));
    }
}
