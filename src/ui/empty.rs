//! The screen when nothing could be shown: the paths asked for, why each
//! failed, and what to do next, instead of a blank pane.

use super::theme::Theme;
use crate::app::App;
use crate::keymap::Key;
use crate::outline::Clean;
use crate::wrap::wrap;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

/// The message lines, without styling (also what tests read).
pub fn message(app: &App) -> Vec<String> {
    let l = &app.load;
    if app.is_loading() {
        // Once keys are kept, q is one of them: only a control key quits.
        let quits = match app.control_quit_key() {
            Some(k) if !app.typed_ahead().is_empty() => format!("{k} quits."),
            _ if !app.typed_ahead().is_empty() => String::new(),
            _ => "q quits.".into(),
        };
        let mut out = vec![
            format!("Loading notes from {}…", l.paths.join(", ")),
            String::new(),
            format!("A large folder takes a moment. {quits}").trim_end().to_string(),
        ];
        if !app.typed_ahead().is_empty() {
            out.push(String::new());
            out.push(format!("Typed ahead: {}", Clean::from(typed(app.typed_ahead()))));
            out.push("(played once the notes are in)".into());
        }
        return out;
    }
    let mut out = vec!["Nothing to show: no notes were loaded.".to_string(), String::new()];
    if !l.paths.is_empty() {
        out.push(format!("Asked for: {}", l.paths.join(", ")));
    }
    if l.problems.is_empty() {
        out.push("No notes files were found there (.md .org .opml .txt .otl …).".into());
    } else {
        out.push("Could not load:".into());
        out.extend(l.problems.iter().map(|p| format!("  • {p}")));
    }
    out.push(String::new());
    out.push("talktree FILE-OR-FOLDER… opens notes; talktree alone opens the bundled sample notes.".into());
    out.push("q quits.".into());
    out
}

/// Keys as typed text: Space as a space, Backspace taking back the key
/// before it, other named keys in angle brackets.
fn typed(keys: &[Key]) -> String {
    let mut out: Vec<String> = Vec::new();
    for k in keys {
        match k.name().as_str() {
            "Backspace" if out.last().is_some_and(|l| l.chars().count() == 1) => {
                out.pop();
            }
            "Space" => out.push(" ".into()),
            one if one.chars().count() == 1 => out.push(one.into()),
            name => out.push(format!("<{name}>")),
        }
    }
    out.concat()
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let block = Block::default().borders(Borders::ALL).border_style(theme.border);
    let inner = block.inner(area);
    block.render(area, buf);
    let w = inner.width.saturating_sub(2) as usize;
    let lines: Vec<Line> = message(app)
        .into_iter()
        .enumerate()
        .flat_map(|(i, s)| {
            // The first line names the paths: wrapped between graphemes, so
            // a long path keeps its end (cut, "…/1000000" read as "…/100000").
            let (parts, style) = if i == 0 {
                (wrap(&s, w), theme.session)
            } else {
                (vec![s], theme.note)
            };
            parts.into_iter().map(move |p| Line::from(Span::styled(p, style)))
        })
        .collect();
    let pad = Rect {
        x: inner.x.saturating_add(1),
        width: inner.width.saturating_sub(2),
        y: inner.y.saturating_add(1),
        height: inner.height.saturating_sub(1),
    };
    Paragraph::new(lines).wrap(Wrap { trim: false }).render(pad, buf);
}
