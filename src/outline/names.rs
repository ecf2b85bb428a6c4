//! People's names in titles and speaker lines ("Ann Lee", "J. R. Smith,
//! Bo Ng and Foo"), and event names ("DotScale 2015") in prose.

use super::ws::Ws;

const PARTICLES: &[&str] = &[
    "van", "de", "von", "da", "di", "der", "den", "le", "la", "du", "del", "bin", "al",
];

/// A word of a person's name: capitalised, letters (each hyphenated part
/// capitalised too), or an initial like "J.".
fn is_name_word(w: &str) -> bool {
    if PARTICLES.contains(&w) {
        return true;
    }
    // An initial ("J.", "J.R.") may carry dots; a longer word ending in one
    // ends a sentence instead.
    let initials = w.len() <= 6 && w.split('.').all(|p| p.chars().count() <= 1) && w.ends_with('.');
    initials
        || w.split(['-', '\'', '’']).all(|part| {
            let mut cs = part.chars();
            let Some(first) = cs.next() else { return false };
            first.is_uppercase() && cs.all(char::is_alphabetic)
        })
}

/// A person's name of 2..=max words.
pub fn is_name(s: &str, max: usize) -> bool {
    // Word by word: a sentence fails at its first long or lowercase word.
    let mut n = 0;
    for w in s.split_whitespace() {
        n += 1;
        if n > max || !is_name_word(w) || (n == 1 && PARTICLES.contains(&w)) {
            return false;
        }
    }
    n >= 2
}

/// "Name, Name and Name": every part a name or a one-word organisation,
/// and at least one real (multi-word) name.
pub fn is_name_list(s: &str) -> bool {
    // Asked of whole paragraphs too: stop at the first part that is no name.
    let (mut any, mut any_name) = (false, false);
    for p in s
        .split([',', '&', '/'])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.ws_trim())
        .filter(|p| !p.is_empty())
    {
        any = true;
        if is_name(p, 4) {
            any_name = true;
        } else if p.contains(' ') || !is_name_word(p) {
            return false;
        }
    }
    any && any_name
}

/// The first "Event Name 2015" in a passage of prose, to name an untitled
/// document: one to four capitalised words followed by a year.
pub fn event_name(prose: &str) -> Option<String> {
    const NOT_NAMES: &[&str] = &[
        "In", "On", "At", "By", "Since", "Until", "The", "Of", "For", "From", "To", "And", "Summer", "Winter",
        "Spring", "Fall", "Autumn",
    ];
    let ws: Vec<&str> = prose.split_whitespace().collect();
    for (i, w) in ws.iter().enumerate() {
        let year = w.trim_end_matches([',', '.', ';', ':', ')', '!', '?', '"']);
        let is_year = year.len() == 4
            && year.chars().all(|c| c.is_ascii_digit())
            && (year.starts_with("19") || year.starts_with("20"));
        if !is_year || i == 0 {
            continue;
        }
        let mut start = i;
        while start > 0 && i - start < 4 {
            let cand = ws[start - 1];
            let clean = cand.trim_start_matches(['"', '(', '\'']);
            if clean != cand
                || !clean.chars().next().is_some_and(char::is_uppercase)
                || !clean.chars().all(char::is_alphanumeric)
                || NOT_NAMES.contains(&clean)
            {
                break;
            }
            start -= 1;
        }
        if start < i {
            let mut name = ws[start..i].join(" ");
            name.push(' ');
            name.push_str(year);
            return Some(name);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_names_are_found_in_prose() {
        assert_eq!(
            event_name("Last monday, I went to DotScale 2015 in the heart of Paris").as_deref(),
            Some("DotScale 2015")
        );
        assert_eq!(event_name("In 2012 Dropbox had 1 DBA"), None);
        assert_eq!(event_name("nothing here"), None);
    }
}
