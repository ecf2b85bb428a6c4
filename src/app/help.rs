//! What the help overlay lists: every binding in force, generated from the
//! keymap so rebinding a key changes the help too, then the mouse, the find
//! syntax and the outline's symbols.

use crate::keymap::{Context, Keymap};

/// The overlay's lines: (keys, description); a heading has empty keys.
pub fn help_lines(keymap: &Keymap) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (ctx, title) in [
        (Context::Global, "Everywhere"),
        (Context::Outline, "Outline (left)"),
        (Context::Detail, "Detail (right), after Ctrl-w or a click"),
        (Context::Find, "Find (after /)"),
    ] {
        out.push((String::new(), title.to_string()));
        for (keys, what) in keymap.help_rows(ctx) {
            out.push((keys, what.to_string()));
        }
        if ctx == Context::Global {
            // Handled by the terminal loop, not the keymap: not rebindable.
            out.push(("Ctrl-z".into(), "Suspend to the shell (fg comes back)".into()));
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
