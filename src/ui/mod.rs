//! Rendering only: draws `&App` into a frame. No state changes here; the
//! layout comes from `crate::layout`, styles from `theme`. Everything drawn
//! is display text: outline text cleaned at load, the rest a `Clean` (or
//! cleaned here, for state held as plain strings), and `scrub` checks the
//! finished frame once more.

pub mod bookmarks;
pub mod detail;
pub mod empty;
pub mod find;
mod find_tree;
pub mod help;
pub mod hyperlinks;
pub mod links;
pub mod marks;
pub mod status;
pub mod theme;
pub mod tree;

use crate::action::Action;
use crate::app::App;
use crate::keymap::{Context, Keymap};
use crate::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::outline::Clean;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};
use ratatui::Frame;
use theme::Theme;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    draw_screen(frame, app, theme);
    scrub(frame.buffer_mut());
}

/// The last guard before the terminal: no cell may hold a character a
/// terminal acts on, whichever widget drew it (tui-textarea draws the find
/// input itself, ratatui's `Span` passes control characters through). On a
/// frame built from display text it changes nothing; it costs one test per
/// byte of the frame, most cells being a single ASCII byte.
fn scrub(buf: &mut Buffer) {
    for cell in buf.content.iter_mut() {
        let s = cell.symbol();
        if s.bytes().all(|b| (0x20..0x7F).contains(&b)) || Clean::is_clean(s) {
            continue;
        }
        let clean = Clean::new(s);
        cell.set_symbol(&clean);
    }
}

fn draw_screen(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    let l = crate::layout::compute_panes(area, app.find.open, app.view.panes, app.opts.find_rows);
    if l.too_small {
        let msg = format!(
            "Terminal too small: {}×{}. talktree needs {MIN_WIDTH}×{MIN_HEIGHT}; q quits.",
            area.width, area.height
        );
        Paragraph::new(msg)
            .wrap(Wrap { trim: true })
            .style(theme.warning)
            .render(area, buf);
        return;
    }
    status::render_title(app, theme, l.title, buf);
    if app.outline.is_empty() {
        let body = Rect {
            y: l.tree.y,
            height: l.tree.height,
            ..area
        };
        empty::render(app, theme, body, buf);
        status::render_footer(app, theme, l.footer, buf);
        if let Some(scroll) = app.help {
            help::render(&app.keymap, scroll, theme, body, buf);
        }
        return;
    }
    // A pane given the whole screen leaves the other no columns.
    if l.tree.width > 0 {
        tree::TreeView { app, theme }.render(l.tree, buf);
    }
    if l.detail.width > 0 {
        detail::DetailView { app, theme }.render(l.detail, buf);
    }
    if app.find.open {
        find::FindView { app, theme, layout: &l }.render(l.find, buf);
    }
    status::render_footer(app, theme, l.footer, buf);
    if let Some(cursor) = app.bookmark_list {
        bookmarks::render(
            app,
            cursor,
            theme,
            Rect {
                y: l.tree.y,
                height: l.tree.height + l.find.height,
                ..area
            },
            buf,
        );
    }
    if let Some(p) = &app.picker {
        let over = Rect {
            y: l.tree.y,
            height: l.tree.height + l.find.height,
            ..area
        };
        links::render(app, p, theme, over, buf);
    }
    if let Some(scroll) = app.help {
        help::render(
            &app.keymap,
            scroll,
            theme,
            Rect {
                y: l.tree.y,
                height: l.tree.height + l.find.height,
                ..area
            },
            buf,
        );
    }
    if app.find.open {
        // Put the terminal cursor in the query so typing feels like typing.
        let (row, col) = app.find.input.cursor();
        let x = l.find_input.x + 2 + col as u16;
        if row == 0 && x < l.find_input.right() {
            frame.set_cursor_position((x, l.find_input.y));
        }
    }
}

/// An overlay's bottom line, " j/k scroll · Esc close ": the first key of
/// each action in `context`, an entry left out when one has none.
fn overlay_hint(keymap: &Keymap, context: Context, entries: &[(&[Action], &str)]) -> String {
    let parts: Vec<String> = entries
        .iter()
        .filter_map(|(actions, label)| {
            let keys: Option<Vec<String>> = actions.iter().map(|&a| keymap.first_key(context, a)).collect();
            // Key names come from the config file.
            keys.map(|k| format!("{} {label}", Clean::from(k.join("/"))))
        })
        .collect();
    format!(" {} ", parts.join(" · "))
}

/// Clears `r` for an overlay, and blanks a wide character just left of it:
/// its second half lies under the overlay's border, which the terminal
/// would then not draw (the character would cover it).
fn clear_overlay(r: Rect, buf: &mut Buffer) {
    Clear.render(r, buf);
    if r.x > buf.area.x {
        for y in r.top()..r.bottom() {
            let cell = &mut buf[(r.x - 1, y)];
            if crate::wrap::width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
    }
}
