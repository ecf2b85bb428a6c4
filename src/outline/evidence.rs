//! What a heading's own words and first lines say about it, apart from
//! where it sits: a talk title (a speaker, a keynote, a numbered talk), an
//! event or a day (a year, a date), a label or a question, a person, a
//! table of contents. `shape` weighs these across a level of siblings.

use super::dates::{has_year, is_date};
use super::lines::is_link_or_handle;
use super::names::{is_name, is_name_list};
use super::signals::{is_speaker_line, para_score, speaker_score, title_score, TALK};
use super::vocabulary::vocabulary;
use super::ws::Ws;

/// "Talk 3: Title", "Session 2b: Title", "3. Title", "#4 - Title": a
/// numbered item of a programme.
pub fn is_numbered_talk(t: &str) -> bool {
    let t = t.ws_trim();
    let rest = ["talk ", "session ", "lightning talk ", "presentation "]
        .iter()
        .find_map(|w| {
            t.get(..w.len())
                .filter(|h| h.eq_ignore_ascii_case(w))
                .map(|_| &t[w.len()..])
        });
    let Some(rest) = rest else { return false };
    let num = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    num.len() < rest.len() && {
        let after = num.trim_start_matches(|c: char| c.is_ascii_alphabetic() && c.is_lowercase());
        after.starts_with(':') || after.starts_with(" -") || after.starts_with(" –")
    }
}

/// "Name | Affiliation", "Name, Name | Topic": the speaker first, then a bar.
fn speaker_before_bar(t: &str) -> bool {
    // The byte first: most titles hold no bar.
    memchr::memchr(b'|', t.as_bytes()).is_some()
        && t.split_once(" | ")
            .or_else(|| t.split_once('|'))
            .is_some_and(|(who, what)| !what.ws_trim().is_empty() && is_name_list(who.ws_trim()))
}

/// "Title - @handle", "Title by @handle": a speaker by their handle.
fn handle_after_title(t: &str) -> bool {
    let t = t.ws_trim_end();
    memchr::memchr(b'@', t.as_bytes()).is_some()
        && [" - @", " by @", " – @"].iter().any(|sep| {
            t.rfind(sep)
                .is_some_and(|i| i > 0 && !t[i + sep.len()..].is_empty() && !t[i + sep.len()..].contains(' '))
        })
}

/// The heading's title alone names a talk: a speaker, a keynote, a number.
pub fn titled_as_talk(t: &str) -> bool {
    title_score(t) >= TALK || is_numbered_talk(t) || speaker_before_bar(t) || handle_after_title(t)
}

/// `titled_as_talk` of a title whose `is_section` is known (`section`).
pub fn titled_as_talk_given(t: &str, section: bool) -> bool {
    let scored = !section && !t.ws_trim().ends_with(':') && speaker_score(t) >= TALK;
    scored || is_numbered_talk(t) || speaker_before_bar(t) || handle_after_title(t)
}

/// An event's name: a year ("Widget Days 2031", "Summit ’31") or an event word.
pub fn names_event(t: &str) -> bool {
    has_year(t) || vocabulary().has_event_word(t)
}

/// A heading that labels what follows rather than titling content: ends
/// with a colon ("Live talks:"), is a date, or names a group of talks.
pub fn is_label(t: &str) -> bool {
    let t = t.ws_trim();
    t.ends_with(':') || is_date(t) || vocabulary().is_group(t)
}

pub fn is_question(t: &str) -> bool {
    t.ws_trim_end().ends_with('?')
}

/// A heading that is a part of a talk by its words: "Notes", "Q&A",
/// "Why it matters:", a question.
/// `section`: whether the vocabulary lists it as a section (asked once
/// per heading by the caller).
pub fn is_part_title_given(t: &str, section: bool) -> bool {
    let t = t.ws_trim();
    section || t.ends_with(':') || is_question(t)
}

/// A person's name, with an affiliation or not: "Ann Lee",
/// "Ann Lee (Acme)", "Ann Lee, Acme", "Ann Lee - Acme".
pub fn is_person(t: &str) -> bool {
    let t = t.ws_trim();
    // Where the name ends: the first " (", ", ", " - " or " – ".
    let b = t.as_bytes();
    let end = memchr::memchr3_iter(b' ', b',', b'(', b).find(|&i| match b[i] {
        b',' => b.get(i + 1) == Some(&b' '),
        b' ' => b.get(i + 1) == Some(&b'(') || t[i + 1..].starts_with("- ") || t[i + 1..].starts_with("– "),
        _ => false,
    });
    let main = end.map_or(t, |i| &t[..i]);
    is_name(main.ws_trim(), 3)
}

/// A line that is about a talk rather than titling one: a link, a handle,
/// "Slides: URL", "Lead: Ann Lee, Acme", "Ann Lee, Acme", "Ann Lee @ann".
pub fn is_meta_line(t: &str) -> bool {
    let t = t.ws_trim();
    // The shapes first: few headings have one, and a talk's title test is
    // the dearer one.
    !t.is_empty() && looks_meta(t) && !titled_as_talk(t)
}

fn looks_meta(t: &str) -> bool {
    if is_link_or_handle(t) || is_speaker_line(t, false) {
        return true;
    }
    // "Label: link" or "Label: Person".
    if let Some((label, rest)) = t.split_once(": ") {
        let label_ok = label.split_whitespace().count() <= 2;
        let rest = rest.ws_trim();
        if label_ok && (is_link_or_handle(rest) || (is_person(rest) && rest.contains(','))) {
            return true;
        }
    }
    // "Ann Lee, Acme" / "Ann Lee (Acme, @ann)" / "[Ann Lee, Acme](url)".
    let bare = t.trim_start_matches('[');
    let bare = bare.split("](").next().unwrap_or(bare);
    let with_org = bare.contains(", ") || bare.contains(" (");
    (with_org && is_person(bare) && !bare.contains(" - ")) || is_name_with_handle(bare)
}

/// "Slides: http://...", "Twitter: @ann": a talk's links, labelled.
pub fn is_labelled_link(t: &str) -> bool {
    t.split_once(": ").is_some_and(|(label, rest)| {
        label.split_whitespace().count() == 1 && label.chars().all(char::is_alphabetic) && is_link_or_handle(rest)
    })
}

/// "Ann Lee @annlee" or "Ann Lee - @annlee": a speaker and their handle.
pub fn is_name_with_handle(t: &str) -> bool {
    if memchr::memchr(b'@', t.as_bytes()).is_none() {
        return false;
    }
    let Some(at) = t.rfind(" @") else { return false };
    let name = t[..at].ws_trim().trim_end_matches(['-', '–']).ws_trim();
    let handle = &t[at + 2..];
    !handle.is_empty() && !handle.contains(' ') && is_name(name, 4)
}

/// A note that names the speaker or their contact: "Speaker: Ann Lee",
/// "Ann Lee @ann", "ann@example.org".
pub fn is_speaker_note(t: &str, is_paragraph: bool) -> bool {
    let t = t.ws_trim();
    let email = !t.contains(' ') && t.contains('@') && !t.starts_with('@') && t.contains('.');
    email || is_name_with_handle(t) || is_speaker_line(t, is_paragraph) || field_speaker(t)
}

/// `:Speaker: Ann Lee` (a field list) or `Speaker - Ann Lee`.
fn field_speaker(t: &str) -> bool {
    let t = t.trim_start_matches(':');
    ["speaker", "speakers", "presenter", "author"].iter().any(|w| {
        t.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w)) && t[w.len()..].trim_start().starts_with([':', '-'])
    })
}

/// How strongly a first paragraph says its heading is a talk (narrative,
/// "the talk", "presented by").
pub fn intro_says_talk(p: &str) -> bool {
    para_score(p) >= 1
}

/// A table row or line that only links to anchors in the same document:
/// a table of contents.
pub fn is_toc_line(t: &str) -> bool {
    // Asked of every note of a heading: a byte search, not a substring one.
    memchr::memchr_iter(b']', t.as_bytes()).any(|i| t.as_bytes()[i + 1..].starts_with(b"(#"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_talks() {
        for t in [
            "Talk 1: Widgets",
            "Talk 2.5: Gadgets",
            "session 4c: cogs",
            "Lightning talk 3 - Go",
        ] {
            assert!(is_numbered_talk(t), "{t}");
        }
        for t in ["Talk about things", "Talks", "Sessions 1"] {
            assert!(!is_numbered_talk(t), "{t}");
        }
    }

    #[test]
    fn speaker_then_bar_is_a_talk() {
        assert!(titled_as_talk("Ann Lee | Acme University"));
        assert!(titled_as_talk("Ann Lee, Bo Ng | Plugins"));
        assert!(!titled_as_talk("Docs | Links"));
        assert!(titled_as_talk("Config as a game - @ann") && titled_as_talk("Cogs and Gears by @bo"));
    }

    #[test]
    fn events_and_labels() {
        assert!(names_event("Notes from the Widget Conference") && names_event("Gadget Days 2031"));
        assert!(!names_event("Widgets at Scale"));
        assert!(is_label("Live talks:") && is_label("11.5.31") && is_label("Day 2"));
    }

    #[test]
    fn meta_lines_are_not_titles() {
        for t in [
            "http://example.org/slides",
            "Slides: http://example.org/x",
            "Ann Lee, Acme Corp",
            "Ann B Lee, Acme",
            "Bo Ng, (Some Company, @bong)",
            "[Ann Lee, Acme](http://x.org)",
            "Lead: Ann Lee, Acme",
            "Ann Lee @annlee",
        ] {
            assert!(is_meta_line(t), "{t}");
        }
        for t in [
            "Scaling Things - Ann Lee",
            "Keynote: Ann Lee (Acme), \"Big Ideas\"",
            "Talk 1: Foo",
            "Ann Lee",
        ] {
            assert!(!is_meta_line(t), "{t}");
        }
    }

    #[test]
    fn tables_of_contents_link_to_anchors() {
        assert!(is_toc_line("| [Widgets](#widgets) | Ann |") && is_toc_line("- [x](#y)"));
        assert!(!is_toc_line("[x](http://y.org/#z)") && !is_toc_line("a ] ( # b") && !is_toc_line("end]"));
    }

    #[test]
    fn speaker_notes() {
        assert!(is_speaker_note("ann@example.org", true));
        assert!(is_speaker_note(":Speaker: Ann Lee", true));
        assert!(is_speaker_note("Ann Lee @annlee", true));
        assert!(!is_speaker_note("read the manual", true));
    }

    #[test]
    fn persons() {
        assert!(is_person("Ann Lee") && is_person("Ann Lee (Acme)") && is_person("Ann Lee - Acme"));
        assert!(!is_person("Kivy") && !is_person("Overview - Ann Lee"));
    }
}
