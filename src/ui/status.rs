//! The title bar (what is loaded) and the footer (the few keys that matter
//! where the focus is, read from the keymap so they never drift, or a message).

use super::theme::Theme;
use crate::action::Action;
use crate::app::App;
use crate::keymap::Context;
use crate::outline::Clean;
use crate::wrap::{fit, width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn render_title(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.title_bar);
    let s = app.stats;
    let left = if app.is_loading() {
        " talktree · loading…".to_string()
    } else {
        format!(
            " talktree · {} · {} · {}",
            plural(s.files, "file", "files"),
            plural(s.sessions, "talk", "talks"),
            plural(s.notes, "note", "notes")
        )
    };
    let pending = if app.pending.is_empty() {
        String::new()
    } else {
        format!("{} … ", Clean::from(crate::keymap::sequence_name(&app.pending)))
    };
    // The help key as bound (none bound in this pane: no hint).
    let help = app
        .keymap
        .first_key(app.pane_context(), Action::ToggleHelp)
        .map_or(String::new(), |k| format!("{} help ", Clean::from(k)));
    let right = format!("{pending}{help}");
    let w = area.width as usize;
    let left = fit(&left, w.saturating_sub(width(&right) + 1));
    buf.set_string(area.x, area.y, &left, theme.title_bar);
    if width(&left) + width(&right) < w {
        buf.set_string(area.right() - width(&right) as u16, area.y, &right, theme.title_bar);
    }
}

/// "j/k move" from the first key of each action.
fn hint(app: &App, ctx: Context, actions: &[Action], label: &str) -> Option<String> {
    let keys: Vec<String> = actions.iter().filter_map(|&a| app.keymap.first_key(ctx, a)).collect();
    (keys.len() == actions.len()).then(|| format!("{} {label}", keys.join("/")))
}

pub fn footer_hints(app: &App) -> Vec<String> {
    use Action::*;
    // An overlay says its own keys; the footer is the pane's.
    let ctx = app.pane_context();
    if app.is_loading() && !app.typed_ahead().is_empty() {
        // Keys are being kept for the notes: q would be one of them.
        return app
            .control_quit_key()
            .map(|k| format!("{k} quit"))
            .into_iter()
            .collect();
    }
    let wanted: &[(&[Action], &str)] = match ctx {
        _ if app.outline.is_empty() => &[(&[ToggleHelp], "help"), (&[Quit], "quit")],
        // Jump and back come first, from `view_hints`.
        Context::Find if app.find.scope == crate::search::Scope::All => &[
            (&[ToggleFindScope], "talk titles only"),
            (&[NextResult, PrevResult], "choose"),
        ],
        Context::Find => &[
            (&[ToggleFindScope], "search everything"),
            (&[NextResult, PrevResult], "choose"),
        ],
        Context::Detail => &[
            (&[MoveDown, MoveUp], "scroll"),
            (&[SwitchPane], "outline"),
            (&[FindInTalk], "find in talk"),
            (&[ToggleHelp], "help"),
            (&[Quit], "quit"),
            (&[NextSession, PrevSession], "next/prev talk"),
        ],
        _ => &[
            (&[MoveDown, MoveUp], "move"),
            (&[ExpandOrEnter, CollapseOrLeave], "open/close"),
            (&[CycleFold], "cycle"),
            (&[OpenFind], "find"),
            (&[ToggleHelp], "help"),
            (&[Quit], "quit"),
            (&[NextSession, PrevSession], "talk"),
            (&[SwitchPane], "detail"),
        ],
    };
    let mut hints = view_hints(app, ctx);
    hints.extend(wanted.iter().filter_map(|(a, l)| hint(app, ctx, a, l)));
    hints
}

/// What the view's state makes worth saying first: how to leave a zoom
/// or a full screen, step through or clear marked hits, and in find the
/// tree view and exact words.
fn view_hints(app: &App, ctx: Context) -> Vec<String> {
    use crate::view::FullScreen;
    use Action::*;
    let mut out: Vec<Option<String>> = Vec::new();
    match ctx {
        Context::Find => {
            let view = if app.find.tree_view { "list" } else { "tree" };
            let words = if app.find.matching == crate::search::Matching::Exact {
                "fuzzy"
            } else {
                "exact"
            };
            out.push(hint(app, ctx, &[JumpToResult], "jump"));
            out.push(hint(app, ctx, &[CloseFind], "back"));
            out.push(hint(app, ctx, &[ToggleHitTree], view));
            if app.find.tree_view {
                out.push(hint(app, ctx, &[ToggleFold], "fold"));
            }
            out.push(hint(app, ctx, &[ToggleExact], words));
        }
        Context::Outline | Context::Detail => {
            match app.view.panes.full {
                FullScreen::Detail => out.push(hint(app, ctx, &[FullScreenDetail], "both panes")),
                FullScreen::Outline => out.push(hint(app, ctx, &[FullScreenOutline], "both panes")),
                FullScreen::None => {}
            }
            if app.view.zoom.root().is_some() {
                out.push(hint(app, ctx, &[ZoomOut], "zoom out"));
            }
            if !app.view.steps.is_empty() {
                out.push(hint(app, ctx, &[NextHit, PrevHit], "next/prev hit"));
            }
            if app.view.highlight.is_some() {
                out.push(hint(app, ctx, &[ClearHighlight], "clear marks"));
            }
        }
        _ => {}
    }
    out.into_iter().flatten().collect()
}

pub fn render_footer(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let w = area.width as usize;
    let line = match &app.status {
        Some(msg) => Line::from(Span::styled(fit(&format!(" {msg}"), w), theme.warning)),
        None => {
            let mut spans = vec![Span::raw(" ")];
            let mut used = 1;
            for h in footer_hints(app) {
                if used + width(&h) + 3 > w {
                    break;
                }
                used += width(&h) + 3;
                let (keys, label) = h.split_once(' ').unwrap_or((&h, ""));
                spans.push(Span::styled(keys.to_string(), theme.session));
                spans.push(Span::styled(format!(" {label}   "), theme.dim));
            }
            Line::from(spans)
        }
    };
    buf.set_line(area.x, area.y, &line, area.width);
}
