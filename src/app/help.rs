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
        let inner = layout::help_width(self.size.0).saturating_sub(2) as usize;
        let last = help_page(&self.keymap, inner)
            .rows
            .len()
            .saturating_sub(layout::help_rows(self.size));
        self.help = self.help.map(|s| s.min(last));
        if action == Action::Quit {
            self.quit = true;
        }
    }
}

/// One row of the help as drawn at some width.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HelpRow {
    /// A section's title, or a blank line between sections (empty).
    Heading(String),
    /// Keys and (a piece of) what they do; a description too long for the
    /// width goes on below, its keys empty.
    Binding { keys: String, what: String },
}

/// The help laid out for `width` columns: the key column's width and the rows.
pub struct HelpPage {
    pub key_width: usize,
    pub rows: Vec<HelpRow>,
}

/// `help_lines` at `width`: the key column as wide as the longest key list
/// (indent and gap included, at most half the width), so short keys leave
/// their room to the descriptions, which wrap rather than lose their end.
pub fn help_page(keymap: &Keymap, width: usize) -> HelpPage {
    let lines = help_lines(keymap);
    let widest = lines.iter().map(|(k, _)| crate::wrap::width(k)).max().unwrap_or(0);
    let key_width = (widest + 4).min(24).min(width / 2);
    let room = width.saturating_sub(key_width).max(1);
    let mut rows = Vec::with_capacity(lines.len());
    for (keys, what) in lines {
        if keys.is_empty() {
            rows.push(HelpRow::Heading(what));
            continue;
        }
        for (i, piece) in crate::wrap::wrap(&what, room).into_iter().enumerate() {
            let keys = if i == 0 { keys.clone() } else { String::new() };
            rows.push(HelpRow::Binding { keys, what: piece });
        }
    }
    HelpPage { key_width, rows }
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
        ("◆ § • ¶", "in find: talk · heading · bullet · paragraph"),
    ] {
        out.push((k.into(), d.into()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    /// At any width, every row fits and no description loses words: its
    /// pieces, joined, are the description.
    #[test]
    fn the_help_wraps_descriptions_to_the_width_without_losing_words() {
        let keymap = Config::defaults().keymap;
        let lines = help_lines(&keymap);
        for width in [30, 46, 58, 78, 88] {
            let page = help_page(&keymap, width);
            assert!(page.key_width <= width / 2);
            let mut joined: Vec<(String, String)> = Vec::new();
            for row in &page.rows {
                match row {
                    HelpRow::Heading(what) => joined.push((String::new(), what.clone())),
                    HelpRow::Binding { keys, what } => {
                        assert!(crate::wrap::width(what) + page.key_width <= width, "{width}: {what:?}");
                        match joined.last_mut() {
                            Some((_, w)) if keys.is_empty() => *w = format!("{w} {what}"),
                            _ => joined.push((keys.clone(), what.clone())),
                        }
                    }
                }
            }
            assert_eq!(joined, lines, "width {width}");
            if width < 60 {
                assert!(page.rows.len() > lines.len(), "{width}: something wrapped");
            }
        }
    }
}
