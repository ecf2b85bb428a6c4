//! The find pane: the query input and the ranked results, each with its
//! matched characters highlighted, a kind marker and its breadcrumb dimmed.
//! Highlights are computed only for the rows on screen, on what a row can
//! show, for the first few words of the query: a frame costs the same
//! whatever was pasted into the input and however long a note is.

use super::theme::Theme;
use crate::app::App;
use crate::layout::Layout;
use crate::outline::{InlineStyle, Kind};
use crate::search::{breadcrumb, highlight_text, Query};
use crate::wrap::{fit, fit_cut, width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Widget};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

pub struct FindView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub layout: &'a Layout,
}

fn kind_marker(k: Kind) -> &'static str {
    match k {
        Kind::Session => "◆ ",
        Kind::Heading => "§ ",
        Kind::Paragraph => "¶ ",
        _ => "• ",
    }
}

/// Highlights look at no more of a text than this many chars (a row shows
/// fewer), so a huge note costs a row what a short one does.
const HIGHLIGHT_TEXT_CHARS: usize = 256;

/// Highlights use the query's distinct positive words up to this many
/// bytes: each word is matched against every row on screen, so a frame
/// must not grow with what was pasted into the input.
const HIGHLIGHT_QUERY_BYTES: usize = 64;

/// The query highlights are drawn for: see `HIGHLIGHT_QUERY_BYTES`.
/// Negated words highlight nothing and are left out.
pub fn highlight_query(raw: &str) -> Query {
    let mut kept: Vec<&str> = Vec::new();
    let mut bytes = 0;
    for word in raw.split_whitespace().filter(|w| !w.starts_with('!')) {
        if kept.contains(&word) {
            continue;
        }
        bytes += word.len() + 1;
        if bytes > HIGHLIGHT_QUERY_BYTES {
            break;
        }
        kept.push(word);
    }
    Query::parse(&kept.join(" "))
}

/// The start of `text` that highlighting reads.
fn highlight_span(text: &str) -> &str {
    text.char_indices()
        .nth(HIGHLIGHT_TEXT_CHARS)
        .map_or(text, |(end, _)| &text[..end])
}

/// How a row's text is drawn: its base style, the inline styles over it
/// (byte ranges, sorted and disjoint), a style laid over those (the
/// selection's colours win over a link's or code's own, as in the detail
/// pane), and the style of a matched char.
struct RowStyles<'a> {
    base: Style,
    marks: &'a [(Range<usize>, InlineStyle)],
    over: Style,
    hit: Style,
}

/// `text` cut to `max` columns, its inline styles drawn, with the chars at
/// `hits` (char indices into the same plain text the styles are over) in
/// the hit style, laid over whatever style the char has.
fn highlighted(text: &str, hits: &[usize], max: usize, row: &RowStyles<'_>, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let (cut, truncated) = fit_cut(text, max);
    let count = cut.graphemes(true).count();
    let mut char_at = 0;
    let mut marks = row.marks.iter().peekable();
    for (i, (at, g)) in cut.grapheme_indices(true).enumerate() {
        let n = g.chars().count();
        // The ellipsis that `fit` adds stands for cut text: never a hit,
        // never styled.
        let ellipsis = truncated && i + 1 == count;
        let is_hit = !ellipsis && (char_at..char_at + n).any(|c| hits.binary_search(&c).is_ok());
        char_at += n;
        while marks.next_if(|(r, _)| r.end <= at).is_some() {}
        let mut style = match marks.peek() {
            Some((r, s)) if r.start <= at && !ellipsis => row.base.patch(theme.inline(*s)).patch(row.over),
            _ => row.base,
        };
        if is_hit {
            style = style.patch(row.hit);
        }
        match spans.last_mut() {
            Some(s) if s.style == style => s.content.to_mut().push_str(g),
            _ => spans.push(Span::styled(g.to_string(), style)),
        }
    }
    spans
}

/// " Find in everything · exact · 12 close · 56 loose · 3 of 68 ".
fn title(app: &App, status: &str) -> String {
    let f = &app.find;
    let place = if f.talk.is_some() {
        "this talk"
    } else {
        app.scope_name()
    };
    let mut parts = vec![format!("Find in {place}")];
    if f.matching == crate::search::Matching::Exact {
        parts.push("exact".to_string());
    }
    let n = f.results.len();
    if n > 0 && f.talk.is_none() {
        let close = f.close.min(n);
        parts.push(format!("{close} close · {} loose", n - close));
    }
    if !status.is_empty() {
        parts.push(status.to_string());
    }
    format!(" {} ", parts.join(" · "))
}

impl Widget for &FindView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let f = &app.find;
        let t = self.theme;
        let n = f.results.len();
        let status = match f.progress {
            Some((done, total)) if total > 0 => format!("searching… {}%", done * 100 / total),
            Some(_) => "searching…".to_string(),
            None if f.query().trim().is_empty() => String::new(),
            None => match f.shown_tree() {
                Some(tree) => format!("{} rows", tree.len()),
                None => format!("{} of {n}", if n == 0 { 0 } else { f.cursor + 1 }),
            },
        };
        let title = title(app, &status);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(t.focus_border)
            .title(title);
        // The keys are in the footer, read from the keymap, so they never drift.
        block.render(area, buf);
        let input = self.layout.find_input;
        if input.width > 2 {
            buf.set_string(input.x, input.y, "/ ", t.focus_border);
            let field = Rect {
                x: input.x + 2,
                width: input.width - 2,
                ..input
            };
            f.input.render(field, buf);
        }
        let rows = self.layout.find_results;
        if rows.height == 0 {
            return;
        }
        if f.query().trim().is_empty() {
            let hint = "Every word must match · 'exact · ^start · end$ · !exclude · Capital = match case";
            // Wrapped over the empty result rows rather than cut.
            let lines = crate::wrap::wrap(hint, rows.width as usize);
            for (i, l) in lines.iter().take(rows.height as usize).enumerate() {
                buf.set_string(rows.x, rows.y + i as u16, l, t.dim);
            }
            return;
        }
        if n == 0 && f.progress.is_none() {
            let scope = app
                .keymap
                .first_key(crate::keymap::Context::Find, crate::action::Action::ToggleFindScope)
                .map_or(String::new(), |k| {
                    format!(", or {} to switch scope", crate::outline::Clean::from(k))
                });
            buf.set_string(rows.x, rows.y, format!("No match. Fewer letters{scope}."), t.dim);
            return;
        }
        let q = highlight_query(&f.results_query);
        if let Some(tree) = f.shown_tree() {
            super::find_tree::render(app, t, tree, &q, rows, buf);
            return;
        }
        let o = &app.outline;
        let w = rows.width as usize;
        let crumb_w = (w * 2 / 5).min(48);
        for (i, hit) in f.results.iter().skip(f.top).take(rows.height as usize).enumerate() {
            let node = hit.node as usize;
            let y = rows.y + i as u16;
            let chosen = f.top + i == f.cursor;
            let base = if chosen {
                t.kind(o.kind(node)).patch(t.selection)
            } else {
                t.kind(o.kind(node))
            };
            let hit_style = if chosen { t.matched_on(base) } else { t.matched };
            let crumb = fit(&breadcrumb(o, node).to_string(), crumb_w);
            let text_w = w.saturating_sub(2 + crumb_w + 2);
            let mut spans = vec![Span::styled(kind_marker(o.kind(node)), base)];
            let text = o.text(node);
            let shown = highlight_span(text);
            let marks: Vec<_> = o
                .styles(node)
                .take_while(|s| s.range.start < shown.len())
                .map(|s| (s.range, s.style))
                .collect();
            let row = RowStyles {
                base,
                marks: &marks,
                over: if chosen { t.selection } else { Style::default() },
                hit: hit_style,
            };
            spans.extend(highlighted(text, &highlight_text(shown, &q), text_w, &row, t));
            let used: usize = spans.iter().map(|s| width(&s.content)).sum();
            spans.push(Span::styled(" ".repeat(w.saturating_sub(used + width(&crumb))), base));
            spans.push(Span::styled(crumb, if chosen { base } else { t.dim }));
            buf.set_line(rows.x, y, &Line::from(spans), rows.width);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_follow_char_positions_through_wide_and_accented_text() {
        let base = Style::default();
        let hit = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let theme = Theme::monochrome();
        let row = RowStyles {
            base,
            marks: &[],
            over: Style::default(),
            hit,
        };
        let spans = highlighted("µservices naïve", &[0, 1, 12], 40, &row, &theme);
        let hits: String = spans
            .iter()
            .filter(|s| s.style == hit)
            .map(|s| s.content.to_string())
            .collect();
        assert_eq!(hits, "µsï");
        let cut = highlighted("日本語テキスト", &[0], 5, &row, &theme);
        assert_eq!(cut.iter().map(|s| width(&s.content)).sum::<usize>(), 5);
    }

    /// A row of styled words: the matched chars are lit where they are, on
    /// top of the link's style, and the link's style stays on its words.
    #[test]
    fn highlights_land_on_their_chars_in_styled_text() {
        use ratatui::style::{Color, Modifier};
        let theme = Theme::monochrome();
        let hit = Style::default().fg(Color::Red);
        let row = RowStyles {
            base: Style::default(),
            marks: &[
                (12..22, InlineStyle::LINK),
                (27..31, InlineStyle::CODE.with(InlineStyle::BOLD)),
            ],
            over: Style::default(),
            hit,
        };
        // "naïve" puts a two-byte char before the styles: bytes and chars differ.
        let text = "naïve, see the slides and p99s";
        let lit = |spans: &[Span<'_>], f: &dyn Fn(Style) -> bool| -> String {
            spans
                .iter()
                .filter(|s| f(s.style))
                .map(|s| s.content.to_string())
                .collect()
        };
        let spans = highlighted(text, &[11, 12, 13, 26, 27], 40, &row, &theme);
        assert_eq!(lit(&spans, &|s| s.fg == Some(Color::Red)), "thep9");
        assert_eq!(
            lit(&spans, &|s| s.add_modifier.contains(Modifier::UNDERLINED)),
            "the slides"
        );
        assert_eq!(lit(&spans, &|s| s.add_modifier.contains(Modifier::BOLD)), "p99s");
        // Cut to fit: the ellipsis takes no style.
        let cut = highlighted(text, &[], 19, &row, &theme);
        assert_eq!(lit(&cut, &|s| s.add_modifier.contains(Modifier::UNDERLINED)), "the sli");
    }
}
