//! Inline styles drawn: a Markdown talk with bold, italic, code, links and
//! page leftovers, in the outline and the detail pane. The snapshot shows
//! each row, and under it a row of style letters for its styled cells
//! (l link, c code, s strike, u underline, i italic, b bold).

mod common;
use common::render::{app_on, assert_clean, keys, render_with};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use talktree::config::Config;
use talktree::outline::{build_outline, parse_document};
use talktree::ui::theme::Theme;

const NOTES: &str = "# Conf 2024\n\n## Caching **at the edge** (Ann Lee)\n\n\
- hit rates *matter* more than `p99` latency\n\
- see [the slides](https://example.org/s) and https://example.org/v\n\
- ~~old advice~~ {{< youtube xA1qPQg3WTc >}} <b>new</b> &amp; better\n\n\
## Parsing logs\n\n- grep first\n";

fn styled(b: &Buffer, theme: &Theme) -> String {
    let mut out = String::new();
    for y in 0..b.area.height {
        let (mut row, mut marks) = (String::new(), String::new());
        for x in 0..b.area.width {
            let cell = &b[(x, y)];
            row.push_str(cell.symbol());
            let m = cell.modifier;
            marks.push(
                if cell.fg == theme.link.fg.unwrap() && m.contains(Modifier::UNDERLINED) {
                    'l'
                } else if cell.fg == theme.code.fg.unwrap() {
                    'c'
                } else if m.contains(Modifier::CROSSED_OUT) {
                    's'
                } else if m.contains(Modifier::UNDERLINED) {
                    'u'
                } else if m.contains(Modifier::ITALIC) {
                    'i'
                } else if m.contains(Modifier::BOLD) {
                    'b'
                } else {
                    ' '
                },
            );
        }
        out.push_str(row.trim_end());
        out.push('\n');
        if !marks.trim().is_empty() {
            out.push_str(marks.trim_end());
            out.push('\n');
        }
    }
    out
}

#[test]
fn inline_styles_in_outline_and_detail() {
    let doc = parse_document(NOTES.as_bytes(), "talk.md").unwrap();
    let mut a = app_on(build_outline(vec![doc]), 100, 14);
    keys(&mut a, "9 j");
    let theme = Theme::from_config(&Config::defaults(), false);
    let b = render_with(&a, &theme);
    assert_clean(&b);
    insta::assert_snapshot!(styled(&b, &theme));
}

/// Search sees the words a reader sees: markup is not matched, and the
/// highlighted characters are the ones drawn.
#[test]
fn search_matches_and_highlights_the_words_shown() {
    use talktree::search::{find, highlight, Query, Scope};
    let o = build_outline(vec![parse_document(NOTES.as_bytes(), "talk.md").unwrap()]);
    assert!(
        find(&o, "youtube", Scope::All).is_empty(),
        "a dropped shortcode is not text"
    );
    assert!(find(&o, "'**", Scope::All).is_empty(), "emphasis marks are not text");
    let hits = find(&o, "'the slides", Scope::All);
    assert_eq!(hits.len(), 1);
    let node = hits[0].node as usize;
    let text: Vec<char> = o.text(node).chars().collect();
    let lit: String = highlight(&o, node, &Query::parse("'the slides"))
        .iter()
        .map(|&c| text[c])
        .collect();
    assert_eq!(lit, "theslides");
    // The link's styled range covers exactly those words.
    let link = o.styles(node).next().unwrap();
    assert_eq!(&o.text(node)[link.range], "the slides");
    assert_eq!(link.target, Some("https://example.org/s"));
}
