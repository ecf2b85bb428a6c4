//! Lines of text: bullets, prose, talk titles, names. Everything appends to a
//! caller's `String` so a million bullets cost no per-word allocations.

use super::rng::Rng;
use super::words::*;

/// Fills a `{slot}` template from the word lists into `out`.
pub fn expand(rng: &mut Rng, template: &str, out: &mut String) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').expect("unclosed slot");
        slot(rng, &rest[open + 1..close], out);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
}

fn slot(rng: &mut Rng, name: &str, out: &mut String) {
    use std::fmt::Write;
    let word = match name {
        "tool" => rng.pick(TOOLS),
        "lang" => rng.pick(LANGS),
        "concept" => rng.pick(CONCEPTS),
        "db" => rng.pick(DB),
        "thing" => rng.pick(THINGS),
        "metric" => rng.pick(METRICS),
        "latency" => rng.pick(LATENCIES),
        "company" => rng.pick(COMPANIES),
        "opinion" => rng.pick(OPINIONS),
        "action" => rng.pick(ACTIONS),
        "feature" => rng.pick(FEATURES),
        "team" => rng.pick(TEAMS),
        "person" => return person(rng, out),
        "n" => return write!(out, "{}", rng.range(2, 60)).unwrap(),
        "pct" => return write!(out, "{}", rng.range(1, 99)).unwrap(),
        "big" => return write!(out, "{}", rng.range(1, 90) * 100).unwrap(),
        "ver" => return write!(out, "{}.{}", rng.range(1, 17), rng.below(12)).unwrap(),
        "url" => return url(rng, out),
        other => panic!("unknown slot {{{other}}}"),
    };
    out.push_str(word);
}

fn url(rng: &mut Rng, out: &mut String) {
    use std::fmt::Write;
    match rng.below(3) {
        0 => write!(out, "https://slides.example.com/d/{:x}", rng.next_u64() >> 40),
        1 => write!(
            out,
            "https://github.com/example/{}",
            rng.pick(TOOLS).to_ascii_lowercase().replace(' ', "-")
        ),
        _ => write!(out, "https://example.org/talks/{}", rng.range(100, 9999)),
    }
    .unwrap()
}

/// A speaker's name; a few in their own script.
pub fn person(rng: &mut Rng, out: &mut String) {
    if rng.per_mille(15) {
        out.push_str(rng.pick(NATIVE_NAMES));
        return;
    }
    out.push_str(rng.pick(FIRST_NAMES));
    out.push(' ');
    out.push_str(rng.pick(LAST_NAMES));
}

/// One bullet's text, 20 to 120 characters; deeper bullets are terser.
pub fn bullet(rng: &mut Rng, depth: usize, out: &mut String) {
    let start = out.len();
    if let Some(t) = needle(rng) {
        expand(rng, t, out);
    } else {
        let list = match (depth, rng.below(100)) {
            (0, 0..=79) | (1.., 0..=29) => TOP,
            (0, 80..=87) => QUESTIONS,
            _ => DETAIL,
        };
        if depth == 0 && rng.per_mille(40) {
            quote(rng, out);
        } else {
            let template = rng.pick(list);
            expand(rng, template, out);
        }
    }
    // Afterthoughts and decorations, each dropped again if it makes the line too long.
    let before = out.len();
    // No afterthought after a question or a link.
    let bare = out.ends_with('?') || out[start..].contains("://");
    if !bare && rng.below(100) < [50, 40, 25, 20][depth.min(3)] {
        let tail = rng.pick(TAILS);
        expand(rng, tail, out);
    }
    if out.len() - start < 20 {
        expand(rng, " - ask about {concept}", out);
    }
    if too_long(out, start) {
        out.truncate(before);
    }
    let before = out.len();
    sprinkle(rng, out);
    if too_long(out, start) {
        out.truncate(before);
    }
    if rng.per_mille(350) {
        capitalise(&mut out[start..]);
    }
    cut(out, start, MAX_BULLET);
}

const MAX_BULLET: usize = 120;

fn too_long(out: &str, start: usize) -> bool {
    out[start..].chars().count() > MAX_BULLET
}

/// Returns a needle's template (with the phrase already in it) at its rate.
fn needle(rng: &mut Rng) -> Option<&'static str> {
    let mut r = rng.below(1_000_000);
    for &(phrase, rate, template) in NEEDLES {
        debug_assert!(template.contains(phrase));
        if r < rate {
            return Some(template);
        }
        r -= rate;
    }
    None
}

fn quote(rng: &mut Rng, out: &mut String) {
    let q = rng.pick(QUOTES);
    // Curly quotes where a slide deck or a phone keyboard would have made them.
    let (l, r) = if rng.per_mille(300) {
        ("“", "”")
    } else {
        ("\"", "\"")
    };
    out.push_str(l);
    out.push_str(q);
    out.push_str(r);
}

/// A few percent of lines get what real notes have: dashes, arrows, µs,
/// accents, emoji, a line of Japanese.
fn sprinkle(rng: &mut Rng, out: &mut String) {
    if !rng.per_mille(30) {
        return;
    }
    const MARKS: &[&str] = &[
        " — worth a look",
        " → see slides",
        " (≈ 2× faster)",
        " 🚀",
        " 🔥",
        " 🤔",
        " 👍",
        " (日本語のスライドあり)",
        " ~40 µs per call",
        ", très bien",
        " — naïve version first",
        " (über-important)",
        " ✅",
    ];
    out.push_str(rng.pick(MARKS));
}

fn capitalise(s: &mut str) {
    // None when the first char is not ASCII: those stay as they are.
    if let Some(first) = s.get_mut(..1) {
        first.make_ascii_uppercase();
    }
}

/// Shortens `out[start..]` to at most `max` chars, at a word boundary.
fn cut(out: &mut String, start: usize, max: usize) {
    let Some((at, _)) = out[start..].char_indices().nth(max) else {
        return;
    };
    let keep = out[start..start + at].rfind(' ').unwrap_or(at);
    out.truncate(start + keep);
}

/// A prose paragraph of 150 to 400 characters.
pub fn paragraph(rng: &mut Rng, out: &mut String) {
    let start = out.len();
    let target = rng.range(150, 400);
    let mut used = [usize::MAX; 8];
    for turn in 0.. {
        let before = out.len();
        if before > start {
            out.push(' ');
        }
        // Never the same sentence twice in a paragraph.
        let mut k = rng.below(PROSE.len());
        while used.contains(&k) {
            k = (k + 1) % PROSE.len();
        }
        used[turn % used.len()] = k;
        expand(rng, PROSE[k], out);
        capitalise(&mut out[before + usize::from(before > start)..]);
        let len = out[start..].chars().count();
        if len > 400 {
            out.truncate(before); // that sentence overshot; stop before it
            if before - start >= 150 {
                break;
            }
        } else if len >= target {
            break;
        }
    }
}

/// A talk title, capitalised, sometimes with a "Keynote:"-style prefix.
pub fn title(rng: &mut Rng, out: &mut String) {
    const TITLES: &[&str] = &[
        "{concept} in practice",
        "Scaling {tool} at {company}",
        "What we learned running {tool} in production",
        "{concept}: the good, the bad and the ugly",
        "Lessons from {n} years of {concept}",
        "From {tool} to {tool}: a migration story",
        "Zero to {concept} in {n} minutes",
        "Why your {db} is slow",
        "Building {concept} with {lang}",
        "A gentle introduction to {concept}",
        "{concept} for the rest of us",
        "How {company} does {concept}",
        "Taming {concept} with {tool}",
        "{lang} at {company}: {n} services later",
        "Debugging {concept} in {tool}",
        "The hidden cost of {concept}",
        "Beyond {concept}",
        "Fast {thing} with {tool} and {tool}",
        "{concept}, {concept} and you",
        "Designing {db} schemas that last",
        "Testing {concept} without tears",
        "{action}: a postmortem",
        "Inside {tool}'s storage engine",
        "{tool} {ver}: what's new",
    ];
    const PREFIXES: &[&str] = &["Keynote: ", "Lightning talk: ", "Workshop: ", "Panel: "];
    let start = out.len();
    if rng.per_mille(80) {
        out.push_str(rng.pick(PREFIXES));
    }
    let body = out.len();
    let template = rng.pick(TITLES);
    expand(rng, template, out);
    capitalise(&mut out[body..]);
    if rng.per_mille(20) {
        out.push_str(rng.pick(&[" — a retrospective", " (日本語)", " ✨", " – part 2"]));
    }
    cut(out, start, 100);
}

/// How a talk's heading names its speaker.
#[derive(Clone, Copy)]
pub enum Byline {
    Paren,
    Dash,
    By,
    /// Title only; the speaker goes in the first bullet.
    Bare,
}

/// A talk heading line, and the speaker when the heading leaves it out.
pub struct Talk {
    pub heading: String,
    pub speaker: Option<String>,
}

/// A talk in the file's `usual` byline style, one in ten written differently.
pub fn talk(rng: &mut Rng, usual: Byline) -> Talk {
    let byline = if rng.per_mille(900) {
        usual
    } else {
        rng.pick(&[Byline::Paren, Byline::Dash, Byline::By, Byline::Bare])
    };
    let mut heading = String::with_capacity(96);
    title(rng, &mut heading);
    let mut name = String::with_capacity(24);
    person(rng, &mut name);
    let sep = match byline {
        Byline::Paren => {
            heading.push_str(" (");
            heading.push_str(&name);
            heading.push(')');
            return Talk { heading, speaker: None };
        }
        Byline::Dash => " - ",
        Byline::By => " by ",
        Byline::Bare => {
            return Talk {
                heading,
                speaker: Some(name),
            }
        }
    };
    heading.push_str(sep);
    heading.push_str(&name);
    Talk { heading, speaker: None }
}
