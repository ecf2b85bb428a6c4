//! The help overlay: its scroll and the commands that move it, and what it
//! lists: every binding in force, context by context, generated from the
//! keymap so rebinding a key changes the help too, then the mouse, the find
//! syntax and the outline's symbols.

use super::App;
use crate::action::Action;
use crate::keymap::{Context, Keymap};
use crate::layout;

/// Rows a page key scrolls the help by.
const PAGE: usize = 10;

impl App {
    /// A command while the help is open (the help context's keys).
    pub(super) fn update_help(&mut self, action: Action) {
        let scroll = self.help.unwrap_or(0);
        self.help = match action {
            Action::CloseOverlay | Action::ToggleHelp => None,
            Action::MoveDown => Some(scroll + 1),
            Action::MoveUp => Some(scroll.saturating_sub(1)),
            Action::PageDown | Action::HalfPageDown => Some(scroll + PAGE),
            Action::PageUp | Action::HalfPageUp => Some(scroll.saturating_sub(PAGE)),
            Action::MoveToTop => Some(0),
            Action::MoveToBottom => Some(usize::MAX),
            _ => Some(scroll),
        };
        // Kept within the list, so the first key back up moves it at once.
        let last = help_lines(&self.keymap)
            .len()
            .saturating_sub(layout::help_rows(self.size));
        self.help = self.help.map(|s| s.min(last));
        if action == Action::Quit {
            self.quit = true;
        }
    }
}

/// The overlay's lines: (keys, description); a heading has empty keys.
pub fn help_lines(keymap: &Keymap) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for ctx in Context::ALL {
        out.push((String::new(), ctx.title().to_string()));
        for (keys, what) in keymap.help_rows(ctx) {
            out.push((keys, what.to_string()));
        }
        out.push((String::new(), String::new()));
    }
    out.push((String::new(), "Mouse".into()));
    for (k, d) in [
        ("click", "select a row (and focus its pane)"),
        ("click ▸/▾", "open or close that node"),
        ("wheel", "scroll the pane under the pointer"),
        ("click result", "jump to it"),
    ] {
        out.push((k.into(), d.into()));
    }
    out.push((String::new(), String::new()));
    out.push((String::new(), "Find syntax".into()));
    for (k, d) in [
        ("two words", "both must match, in any order"),
        ("'word", "exactly this word"),
        ("^word  word$", "at the start · at the end"),
        ("!word", "leave out what contains it"),
        ("Word", "a capital letter makes the word match case"),
    ] {
        out.push((k.into(), d.into()));
    }
    out.push((String::new(), String::new()));
    out.push((String::new(), "Symbols in the outline".into()));
    for (k, d) in [
        ("▸ … (12)", "folded, with how many children it holds"),
        ("▾", "open"),
        ("• ¶ ⌗", "bullet · paragraph · code"),
        ("◦", "a title with nothing under it"),
        ("★", "bookmarked"),
    ] {
        out.push((k.into(), d.into()));
    }
    out
}
