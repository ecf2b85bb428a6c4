//! The help overlay: draws `app::help::help_page`, every binding in force.

use super::theme::Theme;
use crate::action::Action;
use crate::app::help::{help_page, HelpPage, HelpRow};
use crate::keymap::{Context, Keymap};
use crate::outline::Clean;
use crate::wrap::fit;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Widget};

pub fn render(keymap: &Keymap, scroll: usize, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let w = crate::layout::help_width(area.width);
    let h = area.height.saturating_sub(2).max(3).min(area.height);
    let r = Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h);
    super::clear_overlay(r, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.focus_border)
        .title(" Keys ");
    let inner = block.inner(r);
    let HelpPage {
        key_width: key_w,
        rows: lines,
    } = help_page(keymap, inner.width as usize);
    let scroll = scroll.min(lines.len().saturating_sub(inner.height as usize));
    let more = scroll + (inner.height as usize) < lines.len();
    let hint = super::overlay_hint(
        keymap,
        Context::Help,
        &[
            (&[Action::MoveDown, Action::MoveUp], "scroll"),
            (&[Action::CloseOverlay], "close"),
        ],
    );
    let hint = if more { format!(" ↓ more ·{hint}") } else { hint };
    block.title_bottom(Line::from(hint).right_aligned()).render(r, buf);
    for (i, row) in lines.iter().skip(scroll).take(inner.height as usize).enumerate() {
        let y = inner.y + i as u16;
        let line = match row {
            HelpRow::Heading(what) => Line::from(Span::styled(fit(what, inner.width as usize), theme.heading)),
            HelpRow::Binding { keys, what } => Line::from(vec![
                Span::styled(
                    format!(
                        "  {:<w$}",
                        // Key names come from the config file.
                        fit(&Clean::new(keys), key_w.saturating_sub(4)),
                        w = key_w.saturating_sub(2)
                    ),
                    theme.session,
                ),
                Span::styled(fit(what, (inner.width as usize).saturating_sub(key_w)), theme.note),
            ]),
        };
        buf.set_line(inner.x, y, &line, inner.width);
    }
}
