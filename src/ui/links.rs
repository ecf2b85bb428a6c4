//! The link picker: the links of the selected note (or of the notes under
//! it), each as its words and where it goes; a link that asks before it
//! opens says so on the picker's bottom line.

use super::theme::Theme;
use crate::action::Action;
use crate::app::links::Picker;
use crate::app::App;
use crate::keymap::Context;
use crate::wrap::{fit, width as display_width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Widget};

/// " Enter open · Esc close ", or the question's answers, from the bindings.
fn hint(app: &App, asking: bool) -> String {
    let (open, close) = if asking {
        ("open anyway", "do not")
    } else {
        ("open", "close")
    };
    super::overlay_hint(
        &app.keymap,
        Context::Links,
        &[(&[Action::OpenChosenLink], open), (&[Action::CloseOverlay], close)],
    )
}

pub fn render(app: &App, p: &Picker, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let w = (area.width * 4 / 5).clamp(area.width.min(40), 100);
    let h = (p.choices.len() as u16 + 2).clamp(3, area.height);
    let r = Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h);
    super::clear_overlay(r, buf);
    let title = if p.asking {
        " Open this link? ".to_string()
    } else {
        format!(" Links ({}) ", p.choices.len())
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.focus_border)
        .title(title)
        .title_bottom(Line::from(hint(app, p.asking)).right_aligned());
    let inner = block.inner(r);
    block.render(r, buf);
    let rows = inner.height as usize;
    let top = p.cursor.saturating_sub(rows.saturating_sub(1));
    let width = inner.width as usize;
    for (i, c) in p.choices.iter().enumerate().skip(top).take(rows) {
        // Words and targets are outline text, cleaned at load. A bare URL
        // is its own words: shown once.
        let words = if c.words == c.target {
            String::new()
        } else {
            fit(&c.words, (width / 2).saturating_sub(2).max(4))
        };
        let target = fit(&c.target, width.saturating_sub(display_width(&words) + 4));
        let pad = width.saturating_sub(display_width(&words) + display_width(&target) + 2);
        let mut line = Line::from(vec![
            Span::raw("  "),
            Span::styled(words, theme.note.patch(theme.link)),
            Span::raw(" ".repeat(pad)),
            Span::styled(target, theme.dim),
        ]);
        if i == p.cursor {
            line = Theme::select(line, theme.selection);
        }
        buf.set_line(inner.x, inner.y + (i - top) as u16, &line, inner.width);
    }
}
