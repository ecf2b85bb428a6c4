//! Display text: what is shown or printed without having come through the
//! loader's line hygiene (file names, paths, arguments, remembered state,
//! config values, messages quoting any of them) becomes a `Clean` first.
//! The screen's status and load summary, the printers' names and stderr
//! take a `Clean`, so a new path to them cannot forget the cleaning.
//!
//! Each character that must not reach a terminal becomes the visible
//! stand-in hygiene uses for it (`␛`, `␇`, `�`), and so do line breaks and
//! tabs (`␊`, `␉`): a `Clean` is always one line, and a name's escape
//! sequence stays readable, so the file can still be found and renamed.

use super::hygiene;
use std::path::Path;

/// Text safe to write to a terminal as one line: no C0 or C1 control, no
/// DEL, no bidi control, no line or paragraph separator.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Clean(String);

impl Clean {
    /// `s` with every unsafe character replaced by its visible stand-in.
    pub fn new(s: &str) -> Clean {
        match s.char_indices().find(|&(_, c)| stand_in(c).is_some()) {
            None => Clean(s.to_string()),
            Some((at, _)) => {
                let mut out = String::with_capacity(s.len() + 8);
                out.push_str(&s[..at]);
                out.extend(s[at..].chars().map(|c| stand_in(c).unwrap_or(c)));
                Clean(out)
            }
        }
    }

    /// A path as the user would type it; bytes that are not UTF-8 show as `�`.
    pub fn path(p: &Path) -> Clean {
        Clean::new(&p.to_string_lossy())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }

    /// Whether `s` would come out of `Clean::new` unchanged.
    pub fn is_clean(s: &str) -> bool {
        !s.chars().any(|c| stand_in(c).is_some())
    }
}

/// The visible stand-in for a character a terminal must never receive in a
/// line of display text, if it is one.
pub fn stand_in(c: char) -> Option<char> {
    match c {
        '\u{2028}' | '\u{2029}' => Some(hygiene::PLACEHOLDER),
        _ => hygiene::replacement(c),
    }
}

impl From<&str> for Clean {
    fn from(s: &str) -> Clean {
        Clean::new(s)
    }
}

impl From<String> for Clean {
    /// Keeps the allocation when nothing needs replacing (most messages).
    fn from(s: String) -> Clean {
        if Clean::is_clean(&s) {
            Clean(s)
        } else {
            Clean::new(&s)
        }
    }
}

impl From<&Path> for Clean {
    fn from(p: &Path) -> Clean {
        Clean::path(p)
    }
}

impl std::ops::Deref for Clean {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

/// Lets `[Clean]::join` work: a join of clean parts with a clean separator
/// is clean.
impl std::borrow::Borrow<str> for Clean {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Clean {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Clean {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl serde::Serialize for Clean {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::hygiene::is_unsafe_char;

    #[test]
    fn escapes_and_controls_become_visible_stand_ins() {
        let c = Clean::new("\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}]0;PWN\u{7}.md");
        assert_eq!(c.as_str(), "␛]52;c;cHduZWQ=␇␛]0;PWN␇.md");
        let c = Clean::new("a\nb\tc\rd\u{9b}e\u{202e}f\u{7f}g\u{2028}h");
        assert_eq!(c.as_str(), "a␊b␉c␍d\u{FFFD}e\u{FFFD}f␡g\u{FFFD}h");
        assert!(!c.chars().any(is_unsafe_char));
    }

    #[test]
    fn clean_text_is_kept_as_it_is() {
        for s in ["notes/day 1/talk.md", "日本語 — “naïve” µs ✓", ""] {
            assert_eq!(Clean::new(s).as_str(), s);
            assert_eq!(Clean::from(s.to_string()).as_str(), s);
            assert!(Clean::is_clean(s));
        }
    }

    #[test]
    fn paths_that_are_not_utf8_show_a_replacement() {
        use std::os::unix::ffi::OsStrExt;
        let p = Path::new(std::ffi::OsStr::from_bytes(b"a\x9b\xffb\x1b.md"));
        assert_eq!(Clean::path(p).as_str(), "a\u{FFFD}\u{FFFD}b␛.md");
    }
}
