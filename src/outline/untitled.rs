//! A name for a document that does not state its own title. Its file name
//! serves when it reads as one ("pycon-notes.md"); a name that only
//! identifies the file (a hash, a number, a date: `000_d4f2b3bd88ab5530`)
//! tells a reader nothing, and neither does standard input, so those are
//! titled from what they hold: "Jono Bacon Keynote and 2 more talks".

use super::model::{Block, Kind};
use super::ws::Ws;
use unicode_width::UnicodeWidthChar;

/// The name notes read from standard input go by, as a file's path does
/// (in --dump, --search, messages): ripgrep's spelling.
pub const STDIN_SOURCE: &str = "<stdin>";

/// A title taken from the content is cut to this many columns (and the
/// "and N more talks" after it is kept whole): it heads breadcrumbs, where
/// the talk's own title must still find room.
const MAX_COLUMNS: usize = 32;

/// The title of a document that states none: the file's stem, unless it is
/// an identifier (or the notes came from standard input) and the content
/// has a title to offer.
pub fn title(source: &str, stem: &str, blocks: &[Block]) -> String {
    let anonymous = source == STDIN_SOURCE || is_identifier(stem);
    anonymous
        .then(|| from_content(blocks))
        .flatten()
        .unwrap_or_else(|| stem.to_string())
}

/// Whether a file stem only identifies the file: every run of letters and
/// digits in it (split at anything else: `_ - . space`) is all digits
/// (`2024`, `000`), or hexadecimal of four or more that mixes digits and
/// letters (`d4f2b3bd88ab5530`, a UUID's `e29b`). A stem with any word
/// ("notes", "day10", "cafe", "b2b") reads as a name and is kept.
pub fn is_identifier(stem: &str) -> bool {
    let mut parts = stem.split(|c: char| !c.is_alphanumeric()).filter(|p| !p.is_empty());
    let Some(first) = parts.next() else {
        // Punctuation alone ("---") names nothing either.
        return !stem.ws_trim().is_empty();
    };
    std::iter::once(first).chain(parts).all(|p| {
        let digits = p.bytes().all(|b| b.is_ascii_digit());
        let hex = p.len() >= 4
            && p.bytes().all(|b| b.is_ascii_hexdigit())
            && p.bytes().any(|b| b.is_ascii_digit())
            && p.bytes().any(|b| b.is_ascii_alphabetic());
        digits || hex
    })
}

/// "First Talk and 2 more talks"; with no talks, the first heading (and
/// how many more); with no headings, the first line of notes.
fn from_content(blocks: &[Block]) -> Option<String> {
    let named = |kinds: &[Kind]| {
        let mut them = blocks
            .iter()
            .filter(|b| kinds.contains(&b.kind) && !b.text.ws_trim().is_empty());
        let first = them.next()?;
        Some((first.text.ws_trim(), them.count()))
    };
    if let Some((first, more)) = named(&[Kind::Session]) {
        return Some(with_more(first, more, "talk"));
    }
    if let Some((first, more)) = named(&[Kind::Group, Kind::Heading]) {
        return Some(with_more(first, more, "section"));
    }
    named(&[Kind::Bullet, Kind::Paragraph]).map(|(first, _)| cut(first))
}

fn with_more(first: &str, more: usize, what: &str) -> String {
    match more {
        0 => cut(first),
        1 => format!("{} and 1 more {what}", cut(first)),
        n => format!("{} and {n} more {what}s", cut(first)),
    }
}

/// `s` cut to `MAX_COLUMNS` at a word's end, `…` included when cut.
fn cut(s: &str) -> String {
    use unicode_width::UnicodeWidthStr;
    if s.width() <= MAX_COLUMNS {
        return s.to_string();
    }
    let (mut width, mut end, mut last_space) = (0, 0, None);
    for (i, c) in s.char_indices() {
        width += c.width().unwrap_or(0);
        // One column is the ellipsis's.
        if width >= MAX_COLUMNS {
            end = i;
            break;
        }
        if c == ' ' {
            last_space = Some(i);
        }
    }
    // A word longer than half the room is cut inside instead.
    let end = last_space.filter(|&sp| sp > end / 2).unwrap_or(end);
    format!("{}…", s[..end].trim_end_matches([' ', ',', ';', ':', '-', '–']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_numbers_and_hashes() {
        for stem in [
            "000_d4f2b3bd88ab5530",
            "003_06d17b40e4ac878b",
            "2024",
            "2024-05-03",
            "550e8400-e29b-41d4-a716-446655440000",
            "9bddaddb8d0d360c",
            "---",
        ] {
            assert!(is_identifier(stem), "{stem}");
        }
        for stem in [
            "notes",
            "day10",
            "pycon-2019",
            "cafe",
            "b2b",
            "IMG_2024",
            "x86",
            "talk",
            "",
            "日本語",
        ] {
            assert!(!is_identifier(stem), "{stem}");
        }
    }

    fn blocks(spec: &[(Kind, &str)]) -> Vec<Block> {
        spec.iter()
            .enumerate()
            .map(|(i, &(k, t))| Block::new(u32::from(k != Kind::Session), k, t, i as u32 + 1))
            .collect()
    }

    #[test]
    fn an_identifier_is_titled_by_its_first_talk_and_how_many_follow() {
        let three = blocks(&[
            (Kind::Paragraph, "intro"),
            (Kind::Session, "Jono Bacon Keynote"),
            (Kind::Bullet, "community"),
            (Kind::Session, ""),
            (Kind::Session, "Persistent Memory"),
            (Kind::Session, "Dropbox Databases"),
        ]);
        assert_eq!(
            title("seeds/000_d4f2b3bd88ab5530.txt", "000_d4f2b3bd88ab5530", &three),
            "Jono Bacon Keynote and 2 more talks"
        );
        assert_eq!(title("x/42.md", "42", &three[..3]), "Jono Bacon Keynote");
        assert_eq!(
            title("x/42.md", "42", &three[..5]),
            "Jono Bacon Keynote and 1 more talk"
        );
    }

    #[test]
    fn a_name_that_reads_as_one_is_kept() {
        let b = blocks(&[(Kind::Session, "A Talk"), (Kind::Bullet, "x")]);
        assert_eq!(title("notes.md", "notes", &b), "notes");
        assert_eq!(title("day10.txt", "day10", &b), "day10");
    }

    #[test]
    fn standard_input_is_titled_from_its_content() {
        let b = blocks(&[(Kind::Heading, "Questions"), (Kind::Heading, "Links")]);
        assert_eq!(title(STDIN_SOURCE, STDIN_SOURCE, &b), "Questions and 1 more section");
        let b = blocks(&[(Kind::Bullet, "  just a note  "), (Kind::Bullet, "another")]);
        assert_eq!(title(STDIN_SOURCE, STDIN_SOURCE, &b), "just a note");
        // Nothing to offer: the name stays.
        assert_eq!(title(STDIN_SOURCE, STDIN_SOURCE, &[]), STDIN_SOURCE);
        assert_eq!(title("1.md", "1", &blocks(&[(Kind::Code, "x = 1")])), "1");
    }

    #[test]
    fn long_titles_are_cut_at_a_word_to_32_columns() {
        let long = "Chatham House Rule, so no attribution of ideas to people or companies";
        let b = blocks(&[(Kind::Session, long), (Kind::Session, "b")]);
        let t = title("1.txt", "1", &b);
        assert_eq!(t, "Chatham House Rule, so no… and 1 more talk");
        let wide = "会議".repeat(40);
        let t = title("1.txt", "1", &blocks(&[(Kind::Session, &wide)]));
        assert_eq!(t.chars().count(), 16, "{t}: 15 wide chars and the ellipsis");
        assert!(t.ends_with('…'));
    }
}
