//! The outline pane: one row per visible node with indentation guides, a
//! fold marker, the kind visible in style and marker, and a child count on
//! folded nodes. Only the rows on screen are built, whatever the outline's size.

use super::theme::Theme;
use crate::app::{App, Focus};
use crate::layout::tree_indent;
use crate::outline::{dump::UNTITLED, Kind};
use crate::view::Highlighter;
use crate::wrap::{fit, width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Widget};

pub struct TreeView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

fn leaf_marker(k: Kind) -> &'static str {
    match k {
        Kind::Bullet => "• ",
        Kind::Paragraph => "¶ ",
        Kind::Code => "⌗ ",
        _ => "◦ ",
    }
}

/// A node's line in its file, right-aligned in `gutter` columns (blank
/// for a file's own row, which has none).
pub fn line_number(app: &App, node: usize, gutter: u16, theme: &Theme) -> Span<'static> {
    let line = app.outline.line(node);
    let w = gutter as usize - 1;
    let text = if line == 0 {
        " ".repeat(gutter as usize)
    } else {
        format!("{line:>w$} ")
    };
    Span::styled(text, theme.dim)
}

impl TreeView<'_> {
    fn row(&self, node: usize, w: u16, search_marks: Option<&Highlighter>) -> Line<'static> {
        let o = &self.app.outline;
        let t = self.theme;
        let kind = o.kind(node);
        let depth = self.app.view.zoom.relative_depth(o, node);
        let indent = tree_indent(depth, w) as usize;
        // A margin, then a faint bar per level, as many as fit in the indent.
        let guides: String = std::iter::once(" ")
            .chain((0..indent.saturating_sub(1) / 2).map(|_| "│ "))
            .take(indent)
            .collect::<String>();
        let has_kids = o.has_children(node);
        let open = self.app.tree.is_open(node);
        let marker = match (has_kids, open) {
            (true, true) => "▾ ",
            (true, false) => "▸ ",
            _ => leaf_marker(kind),
        };
        let mut count = if has_kids && !open {
            format!(" ({})", o.child_count(node))
        } else {
            String::new()
        };
        if kind == Kind::Document {
            if let Some(m) = self.app.file_mark(node) {
                count.push_str(&format!(" · {}", m.label()));
            }
        }
        let raw = o.text(node);
        let (text, text_style) = if raw.is_empty() {
            (UNTITLED, t.dim)
        } else {
            (raw, t.kind(kind))
        };
        let mark = if self.app.marked.contains(&(node as u32)) {
            "★ "
        } else {
            ""
        };
        let room = (w as usize).saturating_sub(indent + 2 + width(mark) + width(&count));
        let marker_style = if has_kids { t.kind(kind) } else { t.dim };
        let shown = fit(text, room);
        // Styles stop where the text was cut for its ellipsis.
        let kept = if shown.len() == text.len() {
            text.len()
        } else {
            shown.len().saturating_sub('…'.len_utf8())
        };
        let marks: Vec<_> = o
            .styles(node)
            .take_while(|s| s.range.start < kept)
            .map(|s| (s.range.start..s.range.end.min(kept), s.style))
            .collect();
        let mut spans = vec![
            Span::styled(guides, t.dim),
            Span::styled(marker, marker_style),
            Span::styled(mark, t.bookmark),
        ];
        let text_spans = t.marked(&shown, &marks, text_style);
        match search_marks.filter(|h| h.matches(raw)) {
            Some(h) => spans.extend(super::marks::mark(&shown, text_spans, h, t.matched)),
            None => spans.extend(text_spans),
        }
        spans.push(Span::styled(count, t.dim));
        Line::from(spans)
    }
}

impl TreeView<'_> {
    /// " Outline ", or when zoomed the root's breadcrumb, cut to fit.
    fn title(&self, w: u16) -> String {
        let o = &self.app.outline;
        let zoom = &self.app.view.zoom;
        if zoom.root().is_none() {
            return " Outline ".to_string();
        }
        let room = (w as usize).saturating_sub(4);
        let parts: Vec<String> = zoom
            .breadcrumb(o)
            .into_iter()
            .map(|n| {
                if o.text(n).is_empty() {
                    UNTITLED.to_string()
                } else {
                    o.text(n).to_string()
                }
            })
            .collect();
        // The root is what matters: the path before it gives way first.
        let root = parts.last().cloned().unwrap_or_default();
        let full = format!("Zoom: {}", parts.join(" › "));
        let text = if width(&full) <= room {
            full
        } else {
            format!("Zoom: … › {}", fit(&root, room.saturating_sub(11)))
        };
        format!(" {} ", fit(&text, room))
    }
}

impl Widget for &TreeView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let focused = app.focus == Focus::Outline && !app.find.open;
        let rows = app.tree.rows();
        let position = format!(" {}/{} ", app.tree.selected_row() + 1, rows.len());
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(if focused {
                self.theme.focus_border
            } else {
                self.theme.border
            })
            .title(self.title(area.width))
            .title_bottom(Line::from(position).right_aligned());
        let inner = block.inner(area);
        block.render(area, buf);
        let sel_style = if focused {
            self.theme.selection
        } else {
            self.theme.selection_unfocused
        };
        let marks = app.marks();
        let gutter = app.tree_gutter();
        for (i, &node) in rows.iter().skip(app.tree.top).take(inner.height as usize).enumerate() {
            let y = inner.y + i as u16;
            let mut line = self.row(node as usize, inner.width.saturating_sub(gutter), marks.as_ref());
            if gutter > 0 {
                line.spans
                    .insert(0, line_number(app, node as usize, gutter, self.theme));
            }
            if node as usize == app.tree.selected {
                line = Theme::select(line, sel_style);
                buf.set_style(Rect::new(inner.x, y, inner.width, 1), sel_style);
            }
            buf.set_line(inner.x, y, &line, inner.width);
        }
    }
}
