//! Signals that tell a talk title from a sub-heading in notes without markup:
//! a speaker in the title, a keynote, a narrative first paragraph, and the
//! vocabulary of groups, sections and programme items.

use super::names::{is_name, is_name_list};
use super::vocabulary::vocabulary;
use super::ws::Ws;

/// "Title (Name)" or "Title (Name, Name)".
fn speaker_in_parens(title: &str) -> bool {
    let t = title.ws_trim_end();
    let Some(body) = t.strip_suffix(')') else { return false };
    let Some(open) = body.rfind('(') else { return false };
    !body[..open].ws_trim().is_empty() && is_name_list(&body[open + 1..])
}

/// "Title by Name".
fn speaker_by(title: &str) -> bool {
    // Built once: asked of every heading's title.
    static BY: std::sync::OnceLock<memchr::memmem::FinderRev<'static>> = std::sync::OnceLock::new();
    BY.get_or_init(|| memchr::memmem::FinderRev::new(b" by "))
        .rfind(title.as_bytes())
        .is_some_and(|i| i > 0 && is_name_list(&title[i + 4..]))
}

/// "Title - Name", "Title -- Name, role": the name part of the right side.
/// Whether `t` may hold a dash of any kind (`-`, or the lead byte of `–`
/// and `—`): most titles hold none, and a byte search says so at once.
fn may_hold_dash(t: &str) -> bool {
    memchr::memchr2(b'-', 0xE2, t.as_bytes()).is_some()
}

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
    let t = title.ws_trim();
    if t.ends_with(':') || vocabulary().is_section(t) {
        return -TALK;
    }
    speaker_score(t)
}

/// `title_score` of a title already known not to be a section (nor to end
/// with ':'): what its speaker, keynote word or dash say.
pub fn speaker_score(t: &str) -> i32 {
    let v = vocabulary();
    let t = t.ws_trim();
    let dash = may_hold_dash(t);
    if speaker_in_parens(t) || speaker_by(t) || v.has_keynote_word(t) {
        TALK
    } else if let Some(left) = dash.then(|| speaker_after_dash(t)).flatten() {
        if is_title_case(left) {
            TALK
        } else {
            2
        }
    } else if dash && (t.contains(" - ") || t.contains(" – ") || t.contains(" — ")) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
