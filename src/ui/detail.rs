//! The detail pane: a breadcrumb row, then the talk (or file overview) as
//! the app laid it out, scrolled, with the selected node highlighted.

use super::theme::Theme;
use crate::app::detail::Role;
use crate::app::{App, Focus};
use crate::outline::{dump::UNTITLED, Kind, Outline};
use crate::wrap::{fit, width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Widget};

pub struct DetailView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

/// "File › Group › Talk › … › selected", each part cut so the whole fits.
/// Past what fits (four columns a part), the middle is one "…": a node
/// 100,000 levels deep reads its nearest ancestors, not all of them.
pub fn breadcrumb(o: &Outline, node: usize, w: usize) -> Vec<String> {
    let sep = width(" › ");
    let most = (w / (4 + sep)).max(3);
    let title = |p: usize| if o.text(p).is_empty() { UNTITLED } else { o.text(p) };
    let mut up: Vec<usize> = o.ancestors(node).take(most + 1).collect();
    let mut names: Vec<&str> = Vec::with_capacity(most + 2);
    if up.len() > most {
        up.truncate(most - 2);
        names.extend([title(o.document_of(node)), "…"]);
    }
    names.extend(up.iter().rev().map(|&p| title(p)));
    names.push(title(node));
    let mut budget = w.saturating_sub(sep * names.len().saturating_sub(1));
    let last = names.len() - 1;
    let mut out = vec![String::new(); names.len()];
    // The selected node first (up to half), then the others from the talk
    // outwards, each taking an even share of what is left.
    let mut order: Vec<usize> = vec![last];
    order.extend((0..last).rev());
    for (k, &i) in order.iter().enumerate() {
        let share = if k == 0 { budget / 2 } else { budget / (order.len() - k) };
        out[i] = fit(names[i], share.max(4));
        budget = budget.saturating_sub(width(&out[i]));
    }
    out
}

impl DetailView<'_> {
    fn role_style(&self, role: Role) -> Style {
        let t = self.theme;
        match role {
            Role::Title => t.session,
            Role::Group => t.group,
            Role::Session => t.session,
            Role::Heading => t.heading,
            Role::Note | Role::Blank => t.note,
            Role::Code | Role::Meta => t.dim,
        }
    }
}

impl Widget for &DetailView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let o = &app.outline;
        let d = &app.detail;
        let focused = app.focus == Focus::Detail && !app.find.open;
        let title = match o.kind(d.context) {
            Kind::Document => " File ",
            Kind::Group => " Group ",
            Kind::Session => " Talk ",
            _ => " Section ",
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(if focused {
                self.theme.focus_border
            } else {
                self.theme.border
            })
            .title(title);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        let sel = app.tree.selected;
        let crumbs = if o.kind(sel) == Kind::Document {
            // A file's own row: where it came from instead of a one-part trail.
            let info = &o.docs()[o.doc_index(sel)];
            let warn = match info.warnings.len() {
                0 => String::new(),
                n => format!(
                    " · {n} warning{}: {}",
                    if n == 1 { "" } else { "s" },
                    info.warnings.join("; ")
                ),
            };
            vec![fit(
                &format!("{} · {}{warn}", info.source, info.format.name()),
                inner.width as usize,
            )]
        } else {
            breadcrumb(o, sel, inner.width as usize)
        };
        let mut spans = Vec::new();
        for (i, c) in crumbs.iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(" › ", self.theme.dim));
            }
            let last = i + 1 == crumbs.len();
            spans.push(Span::styled(
                c.clone(),
                if last { self.theme.note } else { self.theme.dim },
            ));
        }
        buf.set_line(inner.x, inner.y, &Line::from(spans), inner.width);
        let body = Rect {
            y: inner.y + 1,
            height: inner.height - 1,
            ..inner
        };
        let sel_style = if focused || !app.find.open {
            self.theme.selection
        } else {
            self.theme.selection_unfocused
        };
        for (i, line) in d.lines.iter().skip(d.scroll).take(body.height as usize).enumerate() {
            let y = body.y + i as u16;
            let selected = line.node as usize == sel && line.role != Role::Blank && line.role != Role::Meta;
            let text_style = if selected {
                self.role_style(line.role).patch(sel_style)
            } else {
                self.role_style(line.role)
            };
            let mut spans = vec![Span::styled(line.prefix.clone(), self.theme.dim)];
            spans.extend(self.theme.marked(&line.text, &line.marks, text_style));
            if selected {
                // The selection's colours win over a link's or code's own.
                spans[1..].iter_mut().for_each(|s| s.style = s.style.patch(sel_style));
            }
            spans.push(Span::styled(line.aside.clone(), self.theme.dim));
            let l = Line::from(spans);
            buf.set_line(body.x, y, &l, body.width);
        }
        if d.lines.len() > body.height as usize && body.height > 0 {
            // As less and vim say it: where the view is, and that there is more.
            let h = body.height as usize;
            let tag = if d.scroll == 0 {
                " Top ↓ ".to_string()
            } else if d.scroll + h >= d.lines.len() {
                " Bot ".to_string()
            } else {
                format!(" {}% ↓ ", (d.scroll + h) * 100 / d.lines.len())
            };
            let x = area.right().saturating_sub(width(&tag) as u16 + 1);
            buf.set_string(x, area.bottom() - 1, tag, self.theme.dim);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::{Block, DocInfo, Kind};

    #[test]
    fn a_deep_node_keeps_its_file_and_nearest_parents() {
        let blocks: Vec<Block> = (0..10_000)
            .map(|d| Block::new(d, Kind::Bullet, format!("n{d}"), d + 1))
            .collect();
        let mut o = Outline::new();
        o.push_document("doc", DocInfo::for_tests(), &blocks);
        let last = o.len() - 1;
        let parts = breadcrumb(&o, last, 70);
        assert!(parts.len() <= 70 / 7 + 1, "{parts:?}");
        assert_eq!(parts[0], "doc");
        assert_eq!(parts[1], "…");
        assert_eq!(parts.last().unwrap(), "n9999");
        assert!(parts[parts.len() - 2].starts_with("n99"), "{parts:?}");
        let shallow = breadcrumb(&o, 3, 70);
        assert_eq!(shallow, vec!["doc", "n0", "n1", "n2"]);
    }
}
