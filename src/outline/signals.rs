//! Signals that tell a talk title from a sub-heading in notes without markup:
//! a speaker in the title, a keynote, a narrative first paragraph, and the
//! vocabulary (kept as data in `assets/vocabulary.toml`) of groups, sections
//! and programme items.
use super::ws::Ws;

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
    fn has_talk_word(&self, text: &str) -> bool {
        words(text).any(|w| self.talk_words.iter().any(|t| lowercase_is(w, t)))
    }
    fn has_keynote_word(&self, title: &str) -> bool {
        // A whole-word match below holds the keyword's first word (letters
        // and digits, kept as they are but lowercased): an ASCII title
        // without one skips the three copies the match is made on.
        if title.is_ascii()
            && !self.keynote_words.iter().any(|k| {
                let lead = k.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
                lead.is_empty() || contains_ignore_ascii_case(title, lead)
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

/// Whether `needle` (lowercase) occurs in `hay` once that is ASCII-lowercased.
fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    let n = needle.as_bytes();
    hay.as_bytes()
        .windows(n.len().max(1))
        .any(|w| w.iter().zip(n).all(|(a, b)| a.to_ascii_lowercase() == *b))
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
fn is_name(s: &str, max: usize) -> bool {
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
fn is_name_list(s: &str) -> bool {
    // Asked of whole paragraphs too: stop at the first part that is no name.
    let (mut any, mut any_name) = (false, false);
    for p in s
        .split([',', '&', '/'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
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

/// "Title (Name)" or "Title (Name, Name)".
fn speaker_in_parens(title: &str) -> bool {
    let t = title.ws_trim_end();
    let Some(body) = t.strip_suffix(')') else { return false };
    let Some(open) = body.rfind('(') else { return false };
    !body[..open].ws_trim().is_empty() && is_name_list(&body[open + 1..])
}

/// "Title by Name".
fn speaker_by(title: &str) -> bool {
    title
        .rfind(" by ")
        .is_some_and(|i| i > 0 && is_name_list(&title[i + 4..]))
}

/// "Title - Name", "Title -- Name, role": the name part of the right side.
fn speaker_after_dash(title: &str) -> Option<&str> {
    let (left, right) = [" -- ", " — ", " – ", " - "]
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|i| (&title[..i], &title[i + sep.len()..])))
        .max_by_key(|(l, _)| l.len())?;
    let name = right.split(',').next()?.ws_trim();
    (!left.ws_trim().is_empty() && is_name(name, 3)).then_some(left)
}

/// Most longer words capitalised, as in a talk title.
fn is_title_case(s: &str) -> bool {
    let long: Vec<&str> = s.split_whitespace().filter(|w| w.chars().count() >= 4).collect();
    !long.is_empty()
        && long
            .iter()
            .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
            .count()
            * 10
            >= long.len() * 6
}

/// A first paragraph that tells a story (several sentences) rather than a
/// short note.
fn is_narrative(p: &str) -> bool {
    // The length first: a short note is not counted sentence by sentence.
    p.len() >= 150
        && p.chars().count() >= 150
        && p.split_inclusive(['.', '!', '?'])
            .filter(|s| s.ws_trim().chars().count() > 15)
            .nth(1)
            .is_some()
}

/// Score at or above which a heading is taken for a talk.
pub const TALK: i32 = 3;

/// How strongly a heading looks like a talk title rather than a sub-heading.
/// `first_para` is the first paragraph under it, if its content starts with one.
pub fn talk_score(title: &str, first_para: Option<&str>) -> i32 {
    let score = title_score(title);
    match first_para {
        Some(p) if score >= 0 => score + para_score(p),
        _ => score,
    }
}

/// The title's own share of `talk_score`, apart so that a title asked
/// several times is weighed once: negative (-TALK) for a section, which no
/// paragraph outweighs, otherwise zero or more.
pub fn title_score(title: &str) -> i32 {
    let v = vocabulary();
    let t = title.ws_trim();
    if t.ends_with(':') || v.is_section(t) {
        return -TALK;
    }
    if speaker_in_parens(t) || speaker_by(t) || v.has_keynote_word(t) {
        TALK
    } else if let Some(left) = speaker_after_dash(t) {
        if is_title_case(left) {
            TALK
        } else {
            2
        }
    } else if t.contains(" - ") || t.contains(" – ") || t.contains(" — ") {
        1
    } else {
        0
    }
}

/// The first paragraph's share of `talk_score`.
pub fn para_score(p: &str) -> i32 {
    let mut score = 0;
    if is_narrative(p) {
        score += 2;
    }
    let first_sentence = p.split_inclusive(['.', '!', '?']).next().unwrap_or(p);
    if vocabulary().has_talk_word(first_sentence) {
        score += 1;
    }
    score
}

/// A line under a title that names its speaker: "Speaker: Ann Lee",
/// "presented by Ann Lee, CTO at Foo", "by Ann Lee". A paragraph that is
/// only a person's name ("Ann Lee") counts too; a bullet needs the words.
pub fn is_speaker_line(line: &str, is_paragraph: bool) -> bool {
    const LEADS: &[&str] = &[
        "speakers:",
        "speaker:",
        "presenters:",
        "presenter:",
        "presented by ",
        "talk by ",
        "given by ",
        "speaker - ",
        "by ",
    ];
    let t = line.ws_trim().trim_end_matches(['.', ';']);
    let named = LEADS.iter().find_map(|lead| {
        let head = t.get(..lead.len())?;
        head.eq_ignore_ascii_case(lead).then(|| t[lead.len()..].ws_trim())
    });
    let Some(who) = named.or(is_paragraph.then_some(t)) else {
        return false;
    };
    // Cut a role or affiliation: "Ann Lee, CTO at Foo", "Ann Lee (Foo)". A
    // bare line is cut only at a bracket: "Single System Image - Present a
    // single face" is a definition, not a person.
    let seps: &[&str] = if named.is_some() {
        &[" (", " - ", " – ", " from ", " of ", " at "]
    } else {
        &[" ("]
    };
    let cut = seps
        .iter()
        .filter_map(|sep| who.find(sep))
        .min()
        .map_or(who, |i| &who[..i]);
    let bare_ok = |s: &str| {
        s.split_whitespace()
            .all(|w| w.chars().any(char::is_lowercase) || w.ends_with('.'))
    };
    (is_name_list(cut) || is_name_list(cut.split(',').next().unwrap_or(cut))) && (named.is_some() || bare_ok(cut))
}

/// True if the title alone names a speaker or a keynote.
pub fn has_speaker(title: &str) -> bool {
    title_score(title) >= TALK
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
    fn glob_patterns() {
        assert!(glob_match("day <n>", "day 12"));
        assert!(!glob_match("day <n>", "day x"));
        assert!(glob_match("commented * <n>, <n>", "commented mar 22, 2014"));
        assert!(glob_match("*track", "main track"));
        assert!(!glob_match("notes", "notes and more"));
    }

    #[test]
    fn speaker_shapes_score_as_talks() {
        for t in [
            "Using Persistent Memory for Fun and Profit by Matthew Wilcox",
            "Speaking up without freaking out (Matt Abrahams)",
            "Key Note - How to make a spaceship (Julian Guthrie, Dan Kreigh)",
            "Jono Bacon Keynote",
            "Keynote: Jane Smith",
            "Scaling Ops - David Mytton",
            "Building Things -- Ann Lee, CTO at Foo",
        ] {
            assert!(has_speaker(t), "{t}");
        }
    }

    #[test]
    fn sub_heading_shapes_do_not() {
        for t in [
            "Notes",
            "Think strategically:",
            "Failure Detection SWIM (Scalable Weakly-consistent Infection-style Process Group Membership)",
            "A route to continuing power in significant markets - Hamilton Helmer",
            "Content - Understand your audience and their needs",
            "bootstrapping environments (without object stores)",
            "Keynotes",
        ] {
            assert!(!has_speaker(t), "{t}");
        }
    }

    #[test]
    fn speaker_lines_under_a_title() {
        for (line, para) in [
            ("Speaker: Ben Singh", false),
            ("presented by Łukasz Moreau", false),
            ("by Ada Wang", false),
            ("speaker: Christopher Ariza", false),
            ("Speakers: Jim Kitchen (Anaconda) and Erik Welch", false),
            ("Lukasz Langa", true),
            ("Kate Heddleston, Joyce Jang", true),
            ("Holden Karau, Author of Spark books", true),
        ] {
            assert!(is_speaker_line(line, para), "{line}");
        }
        for (line, para) in [
            ("Open API", false),
            ("Lukasz Langa", false),
            ("Open API", true),
            ("we use Kafka", true),
            ("by the way, it works", false),
            ("Single System Image - Present a single face to the end user", true),
        ] {
            assert!(!is_speaker_line(line, para), "{line}");
        }
    }

    #[test]
    fn narrative_first_paragraph_adds_weight() {
        let story = "The first talk I went to was Polyglot Persistence from Roopa Tangirala from Netflix. She covered 5 use cases of data persistence at Netflix, the challenges and the approaches.";
        assert!(talk_score("Polyglot Persistence", Some(story)) >= TALK);
        assert!(
            talk_score(
                "Data stores",
                Some("The data stores she talked about in the talk were:")
            ) < TALK
        );
    }

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
