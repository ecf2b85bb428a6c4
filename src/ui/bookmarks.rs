//! The bookmark list: every bookmark across all files, with the ones whose
//! node vanished or whose file is not open shown as such, never dropped.

use super::theme::Theme;
use crate::action::Action;
use crate::app::{App, Target};
use crate::keymap::Context;
use crate::outline::Clean;
use crate::wrap::{fit, width as display_width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Widget};

/// The file's name, not the start of its path: that is what tells files apart.
fn file_name(doc: &str) -> String {
    Clean::new(doc.rsplit('/').next().unwrap_or(doc)).into_string()
}

/// The title of the document a bookmark is in: the loaded one's, else the
/// one remembered with it, else (a bookmark from an older state file) the
/// file's name.
fn doc_title(app: &App, b: &crate::state::Bookmark) -> String {
    let o = &app.outline;
    if let Some(d) = o.docs().iter().find(|d| d.key == b.doc) {
        return o.text(d.node).to_string();
    }
    if b.title.is_empty() {
        file_name(&b.doc)
    } else {
        Clean::new(&b.title).into_string()
    }
}

/// " Enter jump · d delete · Esc close ", from the list's bindings.
fn hint(app: &App) -> String {
    super::overlay_hint(
        &app.keymap,
        Context::Bookmarks,
        &[
            (&[Action::JumpToBookmark], "jump"),
            (&[Action::DeleteBookmark], "delete"),
            (&[Action::CloseOverlay], "close"),
        ],
    )
}

pub fn render(app: &App, cursor: usize, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let w = (area.width * 4 / 5).clamp(area.width.min(40), 100);
    let h = (app.bookmarks.len() as u16 + 2).clamp(3, area.height);
    let r = Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h);
    super::clear_overlay(r, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.focus_border)
        .title(format!(" Bookmarks ({}) ", app.bookmarks.len()))
        .title_bottom(Line::from(hint(app)).right_aligned());
    let inner = block.inner(r);
    block.render(r, buf);
    let rows = inner.height as usize;
    let top = cursor.saturating_sub(rows.saturating_sub(1));
    let o = &app.outline;
    for (i, b) in app.bookmarks.iter().enumerate().skip(top).take(rows) {
        let (note, place, style) = match app.target(b) {
            Target::Node(n) => {
                let doc = o.text(o.document_of(n)).to_string();
                ("", doc, theme.kind(o.kind(n)))
            }
            Target::Missing => ("(missing) ", doc_title(app, b), theme.dim),
            Target::NotOpen => ("(file not open) ", doc_title(app, b), theme.dim),
        };
        let width = inner.width as usize;
        let place = fit(&place, width / 3);
        // Labels and paths come from the state file: display text first.
        let label = fit(
            &format!("{note}{}", Clean::new(&b.label)),
            width.saturating_sub(display_width(&place) + 4),
        );
        let pad = width.saturating_sub(display_width(&label) + display_width(&place) + 2);
        let mut line = Line::from(vec![
            Span::styled("★ ", theme.bookmark),
            Span::styled(label, style),
            Span::raw(" ".repeat(pad)),
            Span::styled(place, theme.dim),
        ]);
        if i == cursor {
            line = Theme::select(line, theme.selection);
        }
        buf.set_line(inner.x, inner.y + (i - top) as u16, &line, inner.width);
    }
}
