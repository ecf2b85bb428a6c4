//! The find input as text: what typing, pasting and recalling history do to
//! the query. Every key that reaches here is text or editing (a binding of
//! the find pane never does): this is the one place keys are read as text.

use super::Find;
use crate::keymap::{Code, Key};
use crate::outline::clean::{stand_in, Clean};
use tui_textarea::{Input, TextArea};

/// The longest query, in bytes: a paste past it is cut. Every key and frame
/// handles the query whole, so an unbounded one would make a long paste cost
/// the square of its length; no search needs more than a few words.
pub const MAX_QUERY_BYTES: usize = 512;

pub(super) fn new_input() -> TextArea<'static> {
    let mut t = TextArea::default();
    t.set_cursor_line_style(ratatui::style::Style::default());
    t.set_placeholder_text("type to find a talk or a note");
    t
}

/// `text` as the input would hold it: display text, cut at the limit.
fn as_query(text: &str) -> String {
    let mut text = Clean::new(text).into_string();
    let mut cut = text.len().min(MAX_QUERY_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    text
}

/// A key for the input box, in tui-textarea's terms.
fn to_input(k: Key) -> Input {
    use tui_textarea::Key as T;
    let key = match k.char() {
        // A pasted control character is shown, not obeyed. With Ctrl or
        // Alt the char is one of the editor's keys (Ctrl-a, Alt-b...).
        Some(c) => T::Char(stand_in(c).unwrap_or(c)),
        None => match k.code {
            Code::Backspace => T::Backspace,
            Code::Delete => T::Delete,
            Code::Left => T::Left,
            Code::Right => T::Right,
            Code::Home => T::Home,
            Code::End => T::End,
            Code::F(n) => T::F(n),
            _ => T::Null,
        },
    };
    Input {
        key,
        ctrl: k.ctrl,
        alt: k.alt,
        shift: false,
    }
}

impl Find {
    pub fn query(&self) -> String {
        self.input.lines().join(" ")
    }

    /// Feeds a key to the input; returns whether the query text changed.
    pub fn type_key(&mut self, k: Key) -> bool {
        let before = self.query();
        if let Some(c) = k.typed_char() {
            if self.query_bytes() + stand_in(c).unwrap_or(c).len_utf8() > MAX_QUERY_BYTES {
                return false;
            }
        }
        self.input.input(to_input(k));
        if self.input.lines().len() > 1 {
            // The query is one line whatever the editor's bindings do.
            let joined = as_query(&self.query());
            self.input = new_input();
            self.input.insert_str(joined);
        }
        self.query() != before
    }

    /// Deletes the query up to the cursor (readline's Ctrl-u, which the
    /// editor's own bindings make undo); returns whether it changed.
    pub fn delete_to_start(&mut self) -> bool {
        let before = self.query();
        self.input.delete_line_by_head();
        self.query() != before
    }

    /// Inserts pasted text at the cursor, as display text on one line, cut
    /// at the limit; returns whether the query changed. Line breaks and tabs
    /// become single spaces, none at the ends: a copied line usually brings
    /// its line break along, and lines copied together are words of one
    /// query, not a symbol the search would have to find.
    pub fn paste(&mut self, text: &str) -> bool {
        let room = MAX_QUERY_BYTES.saturating_sub(self.query_bytes());
        let words: Vec<&str> = text.split(['\r', '\n', '\t']).filter(|w| !w.is_empty()).collect();
        let text = Clean::new(&words.join(" ")).into_string();
        let mut cut = text.len().min(room);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        self.input.insert_str(&text[..cut]) && cut > 0
    }

    fn query_bytes(&self) -> usize {
        self.input.lines().iter().map(String::len).sum()
    }

    /// Replaces the query text (recalling history, which comes from the
    /// state file: shown as display text, cut as typing would be), cursor
    /// at the end.
    pub fn set_query(&mut self, text: &str) {
        self.input = new_input();
        self.input.insert_str(as_query(text));
    }

    /// Whether the input shows `text` as `set_query` would put it.
    pub fn shows(&self, text: &str) -> bool {
        as_query(text) == self.query()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_edits_a_single_line_query() {
        let mut f = Find::default();
        for c in "rie".chars() {
            assert!(f.type_key(Key::ch(c)));
        }
        assert!(f.type_key(Key::plain(Code::Backspace)));
        assert_eq!(f.query(), "ri");
        assert!(!f.type_key(Key::plain(Code::Left)));
        f.type_key(Key::ctrl('m'));
        assert_eq!(f.input.lines().len(), 1);
    }

    #[test]
    fn a_paste_is_one_line_of_words_and_shows_controls() {
        let mut f = Find::default();
        assert!(f.paste("riemann\r\n\tstatsd\n"));
        assert_eq!(f.query(), "riemann statsd");
        assert!(f.paste(" \x1b[31m"));
        assert_eq!(f.query(), "riemann statsd ␛[31m");
        assert!(!f.paste("\n\r\n"), "only line breaks: nothing typed");
    }
}
