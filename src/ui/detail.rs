//! The detail pane: a breadcrumb row, then the talk (or file overview) as
//! the app laid it out, scrolled, with the selected node highlighted.

use super::theme::Theme;
use crate::app::detail::Role;
use crate::app::{App, Focus};
use crate::outline::{dump::UNTITLED, Kind, Outline};
use crate::wrap::{fit, fit_tail, width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Widget};

pub struct DetailView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

/// Narrowest a cut part of the breadcrumb gets: a shorter stub ("Sc…")
/// names nothing, so parts that would be cut below it become one "…".
const CRUMB_PART: usize = 6;

/// "File › Group › Talk › … › selected", fitting `w` columns. The selected
/// node gets up to half, the others share the rest evenly (what a short
/// one leaves goes to the longer ones, then back to the selected node).
/// When they cannot each keep CRUMB_PART columns, the parts after the file
/// are folded into one "…", from the file's side, so the nearest parents
/// stay; the file goes last. Past four columns a part the middle is one "…"
/// before any cutting: a node 100,000 levels deep reads its nearest
/// ancestors, not all of them.
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
    loop {
        let caps = crumb_caps(&names, w, sep);
        let starved = names
            .iter()
            .zip(&caps)
            .any(|(n, &c)| *n != "…" && c < width(n).min(CRUMB_PART));
        if !starved || names.len() <= 2 {
            return names.iter().zip(caps).map(|(n, c)| fit(n, c)).collect();
        }
        fold_outermost(&mut names);
    }
}

/// Columns for each part of `names` in `w` (see `breadcrumb`).
fn crumb_caps(names: &[&str], w: usize, sep: usize) -> Vec<usize> {
    let widths: Vec<usize> = names.iter().map(|n| width(n)).collect();
    let last = names.len() - 1;
    let budget = w.saturating_sub(sep * last);
    let others: usize = widths[..last].iter().sum();
    // The selected node: its whole width when the rest fits beside it,
    // else half, or what the others leave.
    let own = widths[last].min((budget / 2).max(budget.saturating_sub(others)));
    let mut rest = budget - own;
    let mut caps = vec![0; names.len()];
    // Even shares, narrowest parts first: a part under its share keeps its
    // width and leaves the difference to the wider ones.
    let mut order: Vec<usize> = (0..last).collect();
    order.sort_by_key(|&i| widths[i]);
    for (k, &i) in order.iter().enumerate() {
        caps[i] = widths[i].min(rest / (last - k));
        rest -= caps[i];
    }
    caps[last] = widths[last].min(own + rest);
    caps
}

/// Folds the outermost part below the file into the "…" after it (adding
/// one), or, with nothing left to fold, the file itself.
fn fold_outermost(names: &mut Vec<&str>) {
    if names.get(1) == Some(&"…") {
        if names.len() > 3 {
            names.remove(2);
        } else {
            names.remove(0);
        }
    } else if names.len() > 2 {
        names[1] = "…";
    } else {
        names.remove(0);
    }
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
            // The path cut from its start: the file's name is at its end.
            let w = inner.width as usize;
            let after = fit(&format!(" · {}{warn}", info.format.name()), w / 2);
            vec![format!(
                "{}{after}",
                fit_tail(&info.source, w.saturating_sub(width(&after)))
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
        let marks = app.marks();
        // Whether the node of the last line drawn holds the query: a
        // node's wrapped lines come one after another.
        let mut holds: Option<(u32, bool)> = None;
        let gutter = app.detail_gutter();
        for (i, line) in d.lines.iter().skip(d.scroll).take(body.height as usize).enumerate() {
            let y = body.y + i as u16;
            let at = d.scroll + i;
            // A node's number on its first line only.
            let first = at == 0 || d.lines[at - 1].node != line.node;
            let number = match (gutter, first && line.role != Role::Blank) {
                (0, _) => None,
                (g, true) => Some(super::tree::line_number(app, line.node as usize, g, self.theme)),
                (g, false) => Some(Span::raw(" ".repeat(g as usize))),
            };
            let selected = line.node as usize == sel && line.role != Role::Blank && line.role != Role::Meta;
            let text_style = if selected {
                self.role_style(line.role).patch(sel_style)
            } else {
                self.role_style(line.role)
            };
            let mut spans = vec![Span::styled(line.prefix.clone(), self.theme.dim)];
            let text_at = usize::from(number.is_some()) + 1;
            spans.splice(0..0, number);
            let text_spans = self.theme.marked(&line.text, &line.marks, text_style);
            let marked = marks.as_ref().filter(|h| {
                let is_text = !matches!(line.role, Role::Blank | Role::Meta);
                let known = holds.filter(|(n, _)| *n == line.node).map(|(_, m)| m);
                let m = known.unwrap_or_else(|| h.matches(o.text(line.node as usize)));
                holds = Some((line.node, m));
                is_text && m
            });
            match marked {
                Some(h) => spans.extend(super::marks::mark(&line.text, text_spans, h, self.theme.matched)),
                None => spans.extend(text_spans),
            }
            if selected {
                // The selection's colours win over a link's or code's own.
                spans[text_at..]
                    .iter_mut()
                    .for_each(|s| s.style = s.style.patch(sel_style));
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

    fn chain(titles: &[&str]) -> Outline {
        let blocks: Vec<Block> = titles[1..]
            .iter()
            .enumerate()
            .map(|(d, t)| Block::new(d as u32, Kind::Heading, *t, d as u32 + 1))
            .collect();
        let mut o = Outline::new();
        o.push_document(titles[0], DocInfo::for_tests(), &blocks);
        o
    }

    /// At every width the breadcrumb fits, each part shown is whole or a
    /// readable stub ending in "…", no room is left over while a part is
    /// cut, and the selected node and its parent stay.
    #[test]
    fn the_breadcrumb_fits_every_width_with_readable_parts() {
        let titles = [
            "Scale Summit 2014",
            "session 1: monitoring & metrics",
            "is anyone using riemann?",
            "where does it fit",
            "I think you could replace statsd with riemann",
        ];
        let o = chain(&titles);
        let node = o.len() - 1;
        for w in 12..140 {
            let parts = breadcrumb(&o, node, w);
            let used: usize = parts.iter().map(|p| width(p)).sum::<usize>() + 3 * (parts.len() - 1);
            assert!(used <= w, "{w}: {parts:?}");
            let cut = parts.iter().any(|p| p.ends_with('…') && p != "…");
            assert!(!cut || used + 1 >= w, "{w}: room left while cut: {parts:?}");
            for p in &parts {
                let whole = titles.contains(&p.as_str()) || p == "…";
                assert!(
                    whole || width(p) >= CRUMB_PART.min(w / 2),
                    "{w}: stub {p:?} in {parts:?}"
                );
            }
            assert!(parts.last().unwrap().starts_with("I th"), "{w}: {parts:?}");
            if w >= 40 {
                assert!(parts[parts.len() - 2].starts_with("wher"), "{w}: {parts:?}");
            }
        }
        assert_eq!(breadcrumb(&o, node, 200), titles);
    }
}
