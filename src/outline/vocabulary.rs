//! The vocabulary of notes without markup, kept as data in
//! `assets/vocabulary.toml`: groups, sections and programme items, and the
//! words that mark a talk or a keynote; with the text normalising and glob
//! matching the lists are read with.

use super::patterns::Patterns;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Deserialize)]
pub struct Vocabulary {
    groups: Patterns,
    sections: Patterns,
    program: Patterns,
    talk_words: Vec<String>,
    keynote_words: Vec<String>,
    event_words: Vec<String>,
}

pub fn vocabulary() -> &'static Vocabulary {
    static V: OnceLock<Vocabulary> = OnceLock::new();
    V.get_or_init(|| {
        toml::from_str(include_str!("../../assets/vocabulary.toml"))
            .expect("assets/vocabulary.toml is valid (checked by a test)")
    })
}

impl Vocabulary {
    pub fn is_group(&self, heading: &str) -> bool {
        self.groups.matches(heading)
    }
    pub fn is_section(&self, heading: &str) -> bool {
        self.sections.matches(heading)
    }
    pub fn is_program(&self, heading: &str) -> bool {
        self.program.matches(heading)
    }
    pub fn has_talk_word(&self, text: &str) -> bool {
        has_word(text, &self.talk_words)
    }
    pub fn has_event_word(&self, text: &str) -> bool {
        has_word(text, &self.event_words) || words(text).any(is_con_name)
    }
    pub fn has_keynote_word(&self, title: &str) -> bool {
        // A whole-word match below holds the keyword's first word (letters
        // and digits, kept as they are but lowercased) as a whole word: a
        // title without one skips the three copies the match is made on.
        // Lowercasing makes an ASCII letter of no other char but the Kelvin
        // sign (and of 'İ' an 'i' and a mark, which ends the word), so a
        // title with non-ASCII letters is tested the same way, by its bytes.
        if !title.contains('\u{212A}')
            && !self.keynote_words.iter().any(|k| {
                let lead = k.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
                lead.is_empty() || contains_word_ignore_ascii_case(title, lead)
            })
        {
            return false;
        }
        let norm = normalize(title);
        let padded = format!(" {} ", norm.replace(|c: char| !c.is_alphanumeric(), " "));
        // Whole words: the keyword with a space on each side.
        self.keynote_words.iter().any(|k| {
            padded
                .match_indices(k.as_str())
                .any(|(i, _)| padded[..i].ends_with(' ') && padded[i + k.len()..].starts_with(' '))
        })
    }
}

/// Lowercase, single-spaced, trimmed.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    // Called for most lines at load: ASCII lowercases in place.
    if out.is_ascii() {
        out.make_ascii_lowercase();
        out
    } else {
        out.to_lowercase()
    }
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// Whether a word of `text` is one of `list` (lowercase), as
/// `words(text).any(..lowercase_is..)`; an ASCII text is split by bytes,
/// as these are asked of many headings and first paragraphs at load.
fn has_word(text: &str, list: &[String]) -> bool {
    if !text.is_ascii() {
        return words(text).any(|w| list.iter().any(|t| lowercase_is(w, t)));
    }
    let (min, max) = list
        .iter()
        .fold((usize::MAX, 0), |(lo, hi), t| (lo.min(t.len()), hi.max(t.len())));
    text.as_bytes()
        .split(|b| !b.is_ascii_alphanumeric())
        .filter(|w| (min..=max).contains(&w.len()))
        .any(|w| list.iter().any(|t| w.eq_ignore_ascii_case(t.as_bytes())))
}

/// A conference named as one word ending in "Con" or "Conf" after its
/// subject ("PyCon", "GopherCon", "JSConf"): the capital C marks the
/// compound, so "Falcon" or "bacon" are not events (nor "SILICON": in
/// capitals the compound cannot be told).
fn is_con_name(word: &str) -> bool {
    let head = word.strip_suffix("Conf").or_else(|| word.strip_suffix("Con"));
    head.is_some_and(|h| h.chars().count() >= 2 && h.chars().all(char::is_alphabetic))
}

/// `word.to_lowercase() == lower`, without the copy for an ASCII word.
fn lowercase_is(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        word.len() == lower.len()
            && word
                .bytes()
                .zip(lower.bytes())
                .all(|(a, b)| a.to_ascii_lowercase() == b)
    } else {
        word.to_lowercase() == lower
    }
}

/// Whether the ASCII `hay` holds `word` (lowercase) as a whole word: no
/// letter or digit right before or after it.
fn contains_word_ignore_ascii_case(hay: &str, word: &str) -> bool {
    let (n, h) = (word.as_bytes(), hay.as_bytes());
    let Some(&first) = n.first() else { return true };
    let edge = |at: Option<&u8>| at.is_none_or(|b| !b.is_ascii_alphanumeric());
    // Candidates by the first byte, either case, then the rest and the edges.
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), h).any(|i| {
        h.len() - i >= n.len()
            && h[i..i + n.len()]
                .iter()
                .zip(n)
                .all(|(a, b)| a.to_ascii_lowercase() == *b)
            && edge(i.checked_sub(1).and_then(|p| h.get(p)))
            && edge(h.get(i + n.len()))
    })
}

/// Whole-string match where `*` is any text and `<n>` one or more digits.
/// Both inputs are expected lowercase.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    fn go(p: &[u8], t: &[u8]) -> bool {
        if p.is_empty() {
            return t.is_empty();
        }
        if p[0] == b'*' {
            return (0..=t.len()).any(|k| go(&p[1..], &t[k..]));
        }
        if p.starts_with(b"<n>") {
            let digits = t.iter().take_while(|c| c.is_ascii_digit()).count();
            return (1..=digits).rev().any(|k| go(&p[3..], &t[k..]));
        }
        !t.is_empty() && p[0] == t[0] && go(&p[1..], &t[1..])
    }
    go(pattern.as_bytes(), text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_asset_parses() {
        let v = vocabulary();
        assert!(v.is_group("Lightning talks"));
        assert!(v.is_group("Day 2"));
        assert!(v.is_section("Notes"));
        assert!(v.is_section("Questions:"));
        assert!(v.is_program("Intro, MBS"));
        assert!(!v.is_group("ideas for sessions"));
    }

    #[test]
    fn keynote_words_count_as_whole_words_in_any_case() {
        let v = vocabulary();
        for t in [
            "Keynote: Ann Lee",
            "OPENING KEYNOTE",
            "Key note (Bo)",
            "key-note",
            "A fireside chat",
            "Keynote: Łukasz Żak",
            "Opening \u{212A}EYNOTE",
            "Fireside chat – São Paulo",
        ] {
            assert!(v.has_keynote_word(t), "{t}");
        }
        for t in [
            "Monkey business",
            "Keys and values",
            "Keynotes",
            "turnkey notes",
            "the key, noted",
            "Monkey business in Łódź",
            "éKeynote",
            "Keynoteé",
        ] {
            assert!(!v.has_keynote_word(t), "{t}");
        }
        assert!(v.has_event_word("Widget Summit notes") && !v.has_event_word("Summitry"));
        for t in ["WidgetCon talks", "Notes from GadgetConf", "DevCon"] {
            assert!(v.has_event_word(t), "{t}");
        }
        for t in ["Falcon", "bacon and eggs", "Con artists", "XCon", "SILICON"] {
            assert!(!v.has_event_word(t), "{t}");
        }
        assert!(v.has_talk_word("In this talk, Ann") && !v.has_talk_word("talkative"));
    }

    #[test]
    fn glob_patterns() {
        assert!(glob_match("day <n>", "day 12"));
        assert!(!glob_match("day <n>", "day x"));
        assert!(glob_match("commented * <n>, <n>", "commented mar 22, 2014"));
        assert!(glob_match("*track", "main track"));
        assert!(!glob_match("notes", "notes and more"));
    }
}
