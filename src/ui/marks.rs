//! The last search's hits marked in the outline's rows and the detail
//! pane's lines: the spans a row was drawn with, split where a marked run
//! starts or ends, the marked parts in the hit style laid over their own.

use crate::view::Highlighter;
use ratatui::style::Style;
use ratatui::text::Span;
use std::ops::Range;

/// Char runs to byte ranges of `text`.
fn byte_ranges(text: &str, runs: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    starts.push(text.len());
    runs.iter()
        .filter_map(|r| Some(*starts.get(r.start)?..*starts.get(r.end.min(starts.len() - 1))?))
        .filter(|r| r.start < r.end)
        .collect()
}

/// `spans` (drawn from `text`, in order, from its byte `from` on) with the
/// byte ranges `marks` of `text` in `hit` laid over their style.
fn overlay(spans: Vec<Span<'static>>, marks: &[Range<usize>], hit: Style) -> Vec<Span<'static>> {
    if marks.is_empty() {
        return spans;
    }
    let mut out = Vec::with_capacity(spans.len() + 2 * marks.len());
    let mut at = 0;
    for span in spans {
        let s = span.content.as_ref();
        let end = at + s.len();
        let mut cut = at;
        for m in marks.iter().filter(|m| m.start < end && m.end > at) {
            let (a, b) = (m.start.max(at), m.end.min(end));
            if !s.is_char_boundary(a - at) || !s.is_char_boundary(b - at) {
                continue;
            }
            if a > cut {
                out.push(Span::styled(s[cut - at..a - at].to_string(), span.style));
            }
            out.push(Span::styled(s[a - at..b - at].to_string(), span.style.patch(hit)));
            cut = b;
        }
        if cut < end {
            out.push(Span::styled(s[cut - at..].to_string(), span.style));
        }
        at = end;
    }
    out
}

/// The spans of a row whose text is `text` (as the spans hold it, one
/// after the other), with what `marks` matches in it marked. The caller
/// checks that the row's node holds the whole query (`Highlighter::matches`).
pub fn mark(text: &str, spans: Vec<Span<'static>>, marks: &Highlighter, hit: Style) -> Vec<Span<'static>> {
    let runs = marks.runs(text);
    if runs.is_empty() {
        return spans;
    }
    overlay(spans, &byte_ranges(text, &runs), hit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn lit(spans: &[Span<'_>]) -> String {
        spans
            .iter()
            .filter(|s| s.style.add_modifier.contains(Modifier::REVERSED))
            .map(|s| s.content.to_string())
            .collect::<Vec<_>>()
            .join("|")
    }

    #[test]
    fn a_mark_splits_the_spans_it_crosses_and_keeps_their_styles() {
        let hit = Style::default().add_modifier(Modifier::REVERSED);
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let text = "replace statsd with riemann";
        let spans = vec![Span::raw("replace stat"), Span::styled("sd with riemann", bold)];
        let h = Highlighter::new("'statsd").unwrap();
        let out = mark(text, spans, &h, hit);
        assert_eq!(lit(&out), "stat|sd");
        let joined: String = out.iter().map(|s| s.content.to_string()).collect();
        assert_eq!(joined, text);
        assert!(out
            .iter()
            .any(|s| s.content == "sd" && s.style.add_modifier.contains(Modifier::BOLD)));
    }

    #[test]
    fn wide_and_accented_chars_are_marked_whole() {
        let hit = Style::default().add_modifier(Modifier::REVERSED);
        let text = "naïve µservices";
        let h = Highlighter::new("'µservices").unwrap();
        let out = mark(text, vec![Span::raw(text.to_string())], &h, hit);
        assert_eq!(lit(&out), "µservices");
        assert!(!Highlighter::new("'zebra").unwrap().matches(text));
        assert!(h.matches(text));
    }
}
