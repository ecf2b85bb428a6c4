//! The find pane's tree view: the outline filtered to the hits and their
//! ancestors, in document order, an ancestor with the count of hits under
//! it ("· 7"), a hit with its matched characters lit. Only the rows on
//! screen are built.

use super::theme::Theme;
use crate::app::App;
use crate::layout::tree_indent;
use crate::outline::dump::UNTITLED;
use crate::search::{highlight_text, Query};
use crate::view::{HitRow, HitTree};
use crate::wrap::{fit, width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// One row: guides, fold marker, the text (hits lit), the count.
fn row(app: &App, theme: &Theme, r: HitRow, q: &Query, chosen: bool, w: usize) -> Line<'static> {
    let o = &app.outline;
    let t = theme;
    let indent = tree_indent(o.depth(r.node), w as u16) as usize;
    let marker = match (r.has_children, r.folded) {
        (true, false) => "▾ ",
        (true, true) => "▸ ",
        (false, _) => "• ",
    };
    let count = if r.hits_below > 0 {
        format!(" · {}", r.hits_below)
    } else {
        String::new()
    };
    let raw = o.text(r.node);
    let text = if raw.is_empty() { UNTITLED } else { raw };
    let room = w.saturating_sub(indent + 2 + width(&count));
    let shown = fit(text, room);
    let base = if r.hit {
        t.kind(o.kind(r.node))
    } else {
        t.kind(o.kind(r.node)).patch(t.dim)
    };
    let base = if chosen { base.patch(t.selection) } else { base };
    let hit_style = if chosen { t.matched_on(base) } else { t.matched };
    let mut spans = vec![Span::styled(" ".repeat(indent), base), Span::styled(marker, base)];
    let lit = if r.hit { highlight_text(&shown, q) } else { Vec::new() };
    for (i, c) in shown.chars().enumerate() {
        let style = if lit.binary_search(&i).is_ok() { hit_style } else { base };
        match spans.last_mut() {
            Some(s) if s.style == style && i > 0 => s.content.to_mut().push(c),
            _ => spans.push(Span::styled(c.to_string(), style)),
        }
    }
    spans.push(Span::styled(count, if chosen { base } else { t.dim }));
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    spans.push(Span::styled(" ".repeat(w.saturating_sub(used)), base));
    Line::from(spans)
}

/// The rows of `tree` from the pane's top, in `area`.
pub fn render(app: &App, theme: &Theme, tree: &HitTree, q: &Query, area: Rect, buf: &mut Buffer) {
    let f = &app.find;
    let w = area.width as usize;
    for (i, r) in (f.tree_top..tree.len()).take(area.height as usize).enumerate() {
        let Some(hit_row) = tree.row(r) else {
            break;
        };
        let line = row(app, theme, hit_row, q, r == f.tree_cursor, w);
        buf.set_line(area.x, area.y + i as u16, &line, area.width);
    }
}
