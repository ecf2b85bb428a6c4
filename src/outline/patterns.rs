//! A list of whole-heading patterns from `assets/vocabulary.toml` (groups,
//! sections, programme items), indexed by the bytes a match can start and
//! end with. Headings are asked about several times each at load; most are
//! ruled out by their ends (or length) before they are normalised (a new
//! String) and matched pattern by pattern.

use super::vocabulary::{glob_match, normalize};
use super::ws::Ws;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(from = "Vec<String>")]
pub struct Patterns {
    /// Each pattern in the shape it is matched in: most are a word, a
    /// prefix (`day *`) or a suffix (`* track`), compared at once; the rest
    /// go through `glob_match`.
    shapes: Vec<Shape>,
    /// `first[b]`: some pattern matches only headings starting with `b`
    /// (its literal first byte, or a digit for a leading `<n>`).
    first: [bool; 256],
    /// `last[b]`: some pattern starting with `*` matches only headings
    /// ending with `b`.
    last: [bool; 256],
    /// Some pattern's ends rule out no heading (`*`, `*x*`, the empty one).
    open: bool,
    /// The longest pattern, when none has a `*` or `<n>` to stretch it.
    max_len: Option<usize>,
}

/// A pattern as it is matched: text as a whole, a prefix (`day *`, `*`), a
/// suffix (`* track`), or a glob with `<n>` or inner stars.
enum Shape {
    Exact(String),
    Prefix(String),
    Suffix(String),
    Glob(String),
}

impl Shape {
    fn of(p: &str) -> Shape {
        let plain = |s: &str| !s.contains('*') && !s.contains("<n>");
        if plain(p) {
            Shape::Exact(p.to_string())
        } else if let Some(head) = p.strip_suffix('*').filter(|h| plain(h)) {
            Shape::Prefix(head.to_string())
        } else if let Some(tail) = p.strip_prefix('*').filter(|t| plain(t)) {
            Shape::Suffix(tail.to_string())
        } else {
            Shape::Glob(p.to_string())
        }
    }

    /// `glob_match(pattern, h)`, for a heading normalised and cut as
    /// `matches` does; `first` is its first byte.
    fn matches(&self, h: &str, first: Option<u8>) -> bool {
        match self {
            Shape::Exact(s) => s == h,
            Shape::Prefix(s) => h.starts_with(s.as_str()),
            Shape::Suffix(s) => h.ends_with(s.as_str()),
            // A pattern that starts with a plain char can only match a
            // heading that starts with it.
            Shape::Glob(p) => match p.as_bytes().first() {
                Some(b'*' | b'<') => glob_match(p, h),
                c => c.copied() == first && glob_match(p, h),
            },
        }
    }
}

impl From<Vec<String>> for Patterns {
    fn from(list: Vec<String>) -> Self {
        let mut first = [false; 256];
        let mut last = [false; 256];
        let mut open = false;
        let set_digits = |table: &mut [bool; 256]| table[usize::from(b'0')..=usize::from(b'9')].fill(true);
        for p in &list {
            match p.as_bytes() {
                [] => open = true,
                [b'*', .., b'*'] | [b'*'] => open = true,
                [b'*', ..] if p.ends_with("<n>") => set_digits(&mut last),
                [b'*', .., end] => last[usize::from(*end)] = true,
                _ if p.starts_with("<n>") => set_digits(&mut first),
                [start, ..] => first[usize::from(*start)] = true,
            }
        }
        let stretches = list.iter().any(|p| p.contains('*') || p.contains("<n>"));
        let max_len = (!stretches).then(|| list.iter().map(String::len).max().unwrap_or(0));
        Patterns {
            shapes: list.iter().map(|p| Shape::of(p)).collect(),
            first,
            last,
            open,
            max_len,
        }
    }
}

impl Patterns {
    /// Whether the heading, normalised and without a trailing ':', matches
    /// one of the patterns as a whole.
    pub fn matches(&self, heading: &str) -> bool {
        if !self.open && !self.may_match(heading) {
            return false;
        }
        // A short ASCII heading is normalised on the stack (asked of most
        // headings at load); others as `normalize` does.
        let mut buf = [0u8; 160];
        let owned;
        let h = match normalize_ascii_into(heading, &mut buf) {
            Some(h) => h,
            None => {
                owned = normalize(heading);
                owned.as_str()
            }
        };
        let h = h.trim_end_matches(':').ws_trim_end();
        let first = h.as_bytes().first().copied();
        self.shapes.iter().any(|p| p.matches(h, first))
    }

    /// Whether a heading may match, judged on what `matches` would compare
    /// without building it: `normalize` keeps every non-space character,
    /// lowercased and in order, and then a final run of ':' is dropped. An
    /// ASCII character lowercases to one ASCII byte, so an ASCII edge can
    /// be looked up; a non-ASCII one may lowercase to ASCII (the Kelvin
    /// sign to 'k') and rules nothing out. No character lowercases to
    /// nothing, so the count of non-space characters only grows.
    fn may_match(&self, heading: &str) -> bool {
        let kept = heading
            .ws_trim_start()
            .ws_trim_end()
            .trim_end_matches(':')
            .ws_trim_end();
        let (Some(&start), Some(&end)) = (kept.as_bytes().first(), kept.as_bytes().last()) else {
            // Nothing left to match, and no pattern matches nothing.
            return false;
        };
        let rules_out = |table: &[bool; 256], b: u8| b.is_ascii() && !table[usize::from(b.to_ascii_lowercase())];
        if rules_out(&self.first, start) && rules_out(&self.last, end) {
            return false;
        }
        // Its non-space characters alone must fit in the longest pattern
        // (counted only as far as that: most headings are longer).
        self.max_len
            .is_none_or(|max| kept.chars().filter(|c| !c.is_whitespace()).nth(max).is_none())
    }
}

/// `normalize` of an ASCII `s` that fits in `buf`: words lowercased,
/// single-spaced, trimmed. None for other text.
fn normalize_ascii_into<'b>(s: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    if !s.is_ascii() || s.len() > buf.len() {
        return None;
    }
    let mut n = 0;
    for w in s.split_whitespace() {
        if n > 0 {
            buf[n] = b' ';
            n += 1;
        }
        for &b in w.as_bytes() {
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        }
    }
    std::str::from_utf8(&buf[..n]).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The test without the index, as it stood before it.
    fn unindexed(list: &[&str], heading: &str) -> bool {
        let h = normalize(heading);
        let h = h.trim_end_matches(':').ws_trim_end();
        list.iter().any(|p| glob_match(p, h))
    }

    #[test]
    fn ascii_headings_normalise_on_the_stack_as_normalize_does() {
        let mut buf = [0u8; 160];
        for h in ["  Day   ONE\t", "Q & A:", "", "x\u{b}y", "a\u{c}b", "  "] {
            assert_eq!(normalize_ascii_into(h, &mut buf), Some(normalize(h).as_str()), "{h:?}");
        }
        assert_eq!(normalize_ascii_into("Ångström", &mut buf), None);
    }

    #[test]
    fn the_index_agrees_with_the_full_match() {
        let lists: &[&[&str]] = &[
            &["notes", "q&a", "q & a", "kelvin"],
            &["day", "day <n>", "day *", "* track", "<n>-<n>-<n>", "lightning talks"],
            &["intro*", "* <n>", "<x>"],
            &["*", "notes"],
            &["", "notes"],
            &["a*b*", "notes"],
        ];
        let headings = [
            "Notes",
            "  NOTES: ",
            "Notes : :",
            "Q&A",
            "Q  &  A",
            "q\u{b} & a",
            "Day 3",
            "day x",
            "Day",
            "",
            "   ",
            ":",
            ": :",
            "\u{212A}elvin",
            "Main Track",
            "Main Track:",
            "xnotes",
            "2019-05-01",
            "Intro",
            "intro and welcome",
            "Part 2",
            "<x>",
            "ab",
            "a notes b",
            "lightning   talks",
            "Lightning talks and a very long tail of words",
            "\u{212A}elvin:",
            "notes\u{a0}",
            "\u{3000}Q & A\u{2003}:",
            "Day\u{2003}3",
            "Ünconference notes",
            "Main \u{212A}",
            "Tracк",
            "\u{130}ntro",
        ];
        for list in lists {
            let p = Patterns::from(list.iter().map(|s| s.to_string()).collect::<Vec<_>>());
            for h in headings {
                assert_eq!(p.matches(h), unindexed(list, h), "{list:?} {h:?}");
            }
        }
    }
}
