//! The help overlay: every binding in force, generated from the keymap, so
//! rebinding a key changes the help too.

use super::theme::Theme;
use crate::keymap::{Context, Keymap};
use crate::wrap::fit;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Widget};

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
    out.push((
        String::new(),
        "Find syntax: words must all match · 'exact · ^start · end$ · !exclude".into(),
    ));
    out
}

pub fn render(keymap: &Keymap, scroll: usize, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let w = (area.width * 4 / 5).clamp(area.width.min(40), 90);
    let h = area.height.saturating_sub(2).max(3).min(area.height);
    let r = Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h);
    super::clear_overlay(r, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.focus_border)
        .title(" Keys ")
        .title_bottom(Line::from(" j/k scroll · Esc close ").right_aligned());
    let inner = block.inner(r);
    block.render(r, buf);
    let lines = help_lines(keymap);
    let scroll = scroll.min(lines.len().saturating_sub(inner.height as usize));
    let key_w = 24.min(inner.width as usize / 2);
    for (i, (keys, what)) in lines.iter().skip(scroll).take(inner.height as usize).enumerate() {
        let y = inner.y + i as u16;
        let line = if keys.is_empty() {
            Line::from(Span::styled(fit(what, inner.width as usize), theme.heading))
        } else {
            Line::from(vec![
                Span::styled(
                    format!(
                        "  {:<w$}",
                        fit(keys, key_w.saturating_sub(2)),
                        w = key_w.saturating_sub(2)
                    ),
                    theme.session,
                ),
                Span::styled(fit(what, (inner.width as usize).saturating_sub(key_w)), theme.note),
            ])
        };
        buf.set_line(inner.x, y, &line, inner.width);
    }
}
