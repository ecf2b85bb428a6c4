//! The find pane's state: the query being typed, the ranked results that
//! the search thread sends back, the chosen result, and where the reader
//! was before, so Esc can put everything back.

use crate::keymap::{Code, Key};
use crate::outline::clean::{stand_in, Clean};
use crate::search::{Hit, Scope};
use std::sync::Arc;
use tui_textarea::{Input, TextArea};

/// The longest query, in bytes: a paste past it is cut. Every key and frame
/// handles the query whole, so an unbounded one made a long paste cost the
/// square of its length; no search needs more than a few words.
pub const MAX_QUERY_BYTES: usize = 512;

/// Where the reader was when the find pane opened.
#[derive(Clone, Debug)]
pub struct Origin {
    pub selected: usize,
    pub open: Vec<bool>,
    pub top: usize,
    pub detail_scroll: usize,
}

pub struct Find {
    pub open: bool,
    pub input: TextArea<'static>,
    pub scope: Scope,
    /// Ranked results for `results_query`.
    pub results: Arc<Vec<Hit>>,
    pub results_query: String,
    /// (scanned, total) while a search is still running.
    pub progress: Option<(usize, usize)>,
    pub cursor: usize,
    pub top: usize,
    pub origin: Option<Origin>,
    /// The ancestors of the result last previewed, which the preview
    /// opened (see `App::preview`).
    pub preview_path: Vec<usize>,
    /// Enter was pressed before the results were in: jump when they are.
    pub jump_pending: bool,
    /// Which earlier query Up/Down recalled, if the input shows one.
    pub history_pos: Option<usize>,
}

impl Default for Find {
    fn default() -> Self {
        Find {
            open: false,
            input: new_input(),
            scope: Scope::All,
            results: Arc::new(Vec::new()),
            results_query: String::new(),
            progress: None,
            cursor: 0,
            top: 0,
            origin: None,
            preview_path: Vec::new(),
            jump_pending: false,
            history_pos: None,
        }
    }
}

fn new_input() -> TextArea<'static> {
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
    /// Searches everything or talk titles only, and says which in the
    /// empty input.
    pub fn set_scope(&mut self, scope: Scope) {
        self.scope = scope;
        self.input.set_placeholder_text(match scope {
            Scope::All => "type to find a talk or a note",
            Scope::Sessions => "type to find a talk title",
        });
    }

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
    /// at the limit; returns whether the query changed.
    pub fn paste(&mut self, text: &str) -> bool {
        let room = MAX_QUERY_BYTES.saturating_sub(self.query_bytes());
        let text = Clean::new(text).into_string();
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

    pub fn clear(&mut self) {
        self.input = new_input();
        self.results = Arc::new(Vec::new());
        self.results_query.clear();
        self.progress = None;
        self.cursor = 0;
        self.top = 0;
        self.preview_path.clear();
        self.jump_pending = false;
        self.history_pos = None;
    }

    pub fn chosen(&self) -> Option<usize> {
        self.results.get(self.cursor).map(|h| h.node as usize)
    }

    pub fn move_cursor(&mut self, delta: isize) {
        if self.results.is_empty() {
            return;
        }
        let last = self.results.len() as isize - 1;
        self.cursor = (self.cursor as isize + delta).clamp(0, last) as usize;
    }

    pub fn scroll_into_view(&mut self, height: usize) {
        if height == 0 {
            return;
        }
        if self.cursor < self.top {
            self.top = self.cursor;
        } else if self.cursor >= self.top + height {
            self.top = self.cursor + 1 - height;
        }
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
}
