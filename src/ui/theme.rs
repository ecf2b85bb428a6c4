//! Every colour and style the reader uses, in one place. Defaults use only
//! the 16 ANSI colours so any terminal theme stays readable; NO_COLOR turns
//! colour off and keeps the structure visible with bold, dim and reverse.

use crate::config::{ColorSpec, Config, Preset};
use crate::outline::InlineStyle;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;
use std::ops::Range;

#[derive(Clone, Debug)]
pub struct Theme {
    pub document: Style,
    pub group: Style,
    pub session: Style,
    pub heading: Style,
    pub note: Style,
    pub dim: Style,
    pub matched: Style,
    pub selection: Style,
    /// The selection in a pane that does not have the focus.
    pub selection_unfocused: Style,
    pub border: Style,
    pub focus_border: Style,
    pub bookmark: Style,
    pub title_bar: Style,
    pub warning: Style,
    /// Inline code and links in notes, laid over the text's own style.
    pub code: Style,
    pub link: Style,
}

fn color(c: ColorSpec) -> Color {
    const ANSI: [Color; 16] = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    match c {
        ColorSpec::Default => Color::Reset,
        ColorSpec::Ansi(i) => ANSI[i as usize % 16],
        ColorSpec::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}

fn preset(p: Preset, role: &str) -> Color {
    use Color::*;
    match (p, role) {
        (Preset::Dark, "document") => LightBlue,
        (Preset::Dark, "group") => Magenta,
        (Preset::Dark, "session") => Cyan,
        (Preset::Dark, "heading") => Yellow,
        (Preset::Dark, "dim") => DarkGray,
        (Preset::Dark, "match") => LightYellow,
        (Preset::Dark, "selection_fg") => Black,
        (Preset::Dark, "selection_bg") => Cyan,
        (Preset::Dark, "border") => DarkGray,
        (Preset::Dark, "focus_border") => Cyan,
        (Preset::Dark, "bookmark") => LightMagenta,
        (Preset::Light, "bookmark") => Magenta,
        (Preset::Light, "document") => Blue,
        (Preset::Light, "group") => Magenta,
        (Preset::Light, "session") => Blue,
        (Preset::Light, "heading") => Red,
        (Preset::Light, "dim") => DarkGray,
        (Preset::Light, "match") => Red,
        (Preset::Light, "selection_fg") => White,
        (Preset::Light, "selection_bg") => Blue,
        (Preset::Light, "border") => Gray,
        (Preset::Light, "focus_border") => Blue,
        (Preset::Dark, "code") => Green,
        (Preset::Dark, "link") => LightBlue,
        (Preset::Light, "code") => Green,
        (Preset::Light, "link") => Blue,
        _ => Reset,
    }
}

impl Theme {
    pub fn from_config(c: &Config, no_color: bool) -> Theme {
        if no_color {
            return Theme::monochrome();
        }
        let col = |role: &str| c.colors.get(role).map_or_else(|| preset(c.preset, role), |s| color(*s));
        let fg = |role: &str| Style::default().fg(col(role));
        let bold = Modifier::BOLD;
        Theme {
            document: fg("document").add_modifier(bold),
            group: fg("group").add_modifier(bold),
            session: fg("session").add_modifier(bold),
            heading: fg("heading"),
            note: fg("note"),
            dim: fg("dim"),
            matched: fg("match").add_modifier(bold | Modifier::UNDERLINED),
            selection: Style::default().fg(col("selection_fg")).bg(col("selection_bg")),
            selection_unfocused: Style::default().add_modifier(Modifier::REVERSED),
            border: fg("border"),
            focus_border: fg("focus_border"),
            bookmark: fg("bookmark").add_modifier(bold),
            title_bar: Style::default().add_modifier(Modifier::REVERSED),
            warning: Style::default().fg(Color::Yellow).add_modifier(bold),
            code: fg("code"),
            link: fg("link").add_modifier(Modifier::UNDERLINED),
        }
    }

    /// No colour at all: bold, dim, underline and reverse video only.
    pub fn monochrome() -> Theme {
        let m = |x: Modifier| Style::default().add_modifier(x);
        Theme {
            document: m(Modifier::BOLD | Modifier::UNDERLINED),
            group: m(Modifier::BOLD | Modifier::ITALIC),
            session: m(Modifier::BOLD),
            heading: m(Modifier::BOLD),
            note: Style::default(),
            dim: m(Modifier::DIM),
            matched: m(Modifier::BOLD | Modifier::UNDERLINED),
            selection: m(Modifier::REVERSED),
            selection_unfocused: m(Modifier::REVERSED),
            border: Style::default(),
            focus_border: m(Modifier::BOLD),
            bookmark: m(Modifier::BOLD),
            title_bar: m(Modifier::REVERSED),
            warning: m(Modifier::BOLD),
            code: Style::default(),
            link: m(Modifier::UNDERLINED),
        }
    }

    /// A row drawn as selected: the selection's colours over every span, so
    /// a span's own colour (a talk's cyan) can never vanish into the
    /// selection's background.
    pub fn select<'a>(line: ratatui::text::Line<'a>, selection: Style) -> ratatui::text::Line<'a> {
        let spans = line
            .spans
            .into_iter()
            .map(|s| {
                let style = s.style.patch(selection);
                s.style(style)
            })
            .collect::<Vec<_>>();
        ratatui::text::Line::from(spans).style(selection)
    }

    /// A matched character on the selected row: the selection's colours,
    /// marked by weight and underline rather than a colour that may clash.
    pub fn matched_on(&self, selection: Style) -> Style {
        selection.add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// What an inline style adds to the text it is on.
    pub fn inline(&self, s: InlineStyle) -> Style {
        let mut out = Style::default();
        for (bit, modifier) in [
            (InlineStyle::BOLD, Modifier::BOLD),
            (InlineStyle::ITALIC, Modifier::ITALIC),
            (InlineStyle::STRIKE, Modifier::CROSSED_OUT),
            (InlineStyle::UNDERLINE, Modifier::UNDERLINED),
        ] {
            if s.contains(bit) {
                out = out.add_modifier(modifier);
            }
        }
        if s.contains(InlineStyle::CODE) {
            out = out.patch(self.code);
        }
        if s.contains(InlineStyle::LINK) {
            out = out.patch(self.link);
        }
        out
    }

    /// `text` as spans in `base`, with the inline styles `marks` (byte
    /// ranges) laid over it. Marks past the text's end (it was cut to fit)
    /// are cut with it.
    pub fn marked(&self, text: &str, marks: &[(Range<usize>, InlineStyle)], base: Style) -> Vec<Span<'static>> {
        let mut spans = Vec::new();
        let mut at = 0;
        for (r, s) in marks {
            let (start, end) = (r.start.max(at), r.end.min(text.len()));
            if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                continue;
            }
            if start > at {
                spans.push(Span::styled(text[at..start].to_string(), base));
            }
            spans.push(Span::styled(text[start..end].to_string(), base.patch(self.inline(*s))));
            at = end;
        }
        if at < text.len() || spans.is_empty() {
            spans.push(Span::styled(text[at..].to_string(), base));
        }
        spans
    }

    pub fn kind(&self, k: crate::outline::Kind) -> Style {
        use crate::outline::Kind;
        match k {
            Kind::Document => self.document,
            Kind::Group => self.group,
            Kind::Session => self.session,
            Kind::Heading => self.heading,
            Kind::Bullet | Kind::Paragraph => self.note,
            Kind::Code => self.dim,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_has_no_colours_but_a_visible_selection() {
        let t = Theme::from_config(&Config::defaults(), true);
        for s in [t.document, t.session, t.selection, t.matched, t.dim] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        assert!(t.selection.add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn a_selected_row_takes_the_selection_colours_in_every_span() {
        use ratatui::text::{Line, Span};
        let t = Theme::from_config(&Config::defaults(), false);
        let line = Line::from(vec![
            Span::styled("▸ ", t.session),
            Span::styled("Talk", t.session),
            Span::raw(" (3)"),
        ]);
        for span in Theme::select(line, t.selection).spans {
            assert_eq!(span.style.fg, t.selection.fg, "{:?}", span.content);
            assert_eq!(span.style.bg, t.selection.bg, "{:?}", span.content);
        }
    }

    #[test]
    fn user_colours_override_the_preset() {
        let (c, e) = Config::load(Some(("c", "[theme]\npreset = \"light\"\nsession = \"#102030\"\n")));
        assert!(e.is_empty());
        let t = Theme::from_config(&c, false);
        assert_eq!(t.session.fg, Some(Color::Rgb(16, 32, 48)));
        assert_eq!(t.heading.fg, Some(Color::Red));
    }
}
