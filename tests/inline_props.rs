//! Inline rendering over arbitrary text: it never loses a letter or digit
//! that is not markup, its spans always fit the text it made, and nothing
//! it decodes or keeps as a link target can reach the terminal raw.

use proptest::prelude::*;
use talktree::outline::hygiene::is_unsafe_char;
use talktree::outline::{render_inline, Syntax};

const SYNTAXES: [Syntax; 5] = [
    Syntax::Markdown,
    Syntax::Org,
    Syntax::Rst,
    Syntax::Asciidoc,
    Syntax::Plain,
];

fn words(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Text made of words and every delimiter character, but none of the
/// characters that open something whose content is not words (a link's
/// target, a tag, a comment, a template, an entity, a role, a URL).
fn delimited_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z0-9é日]{1,8}",
        prop::sample::select(vec![
            " ",
            " ",
            "*",
            "**",
            "***",
            "_",
            "__",
            "`",
            "``",
            "~",
            "~~",
            "=",
            "+",
            "/",
            "\\",
            ".",
            ",",
            "!",
            "?",
            "-",
            "'",
            "\"",
            "#",
            "|",
            "^",
            "snake_case",
            "2*3*4",
            "/usr/bin/",
            "a@b.org",
            "__init__",
            "x.py",
        ])
        .prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
}

/// Anything notes may hold, markup of every kind included.
fn any_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-z0-9 ]{1,6}",
        prop::sample::select(vec![
            "*",
            "**",
            "_",
            "`",
            "``",
            "~",
            "=",
            "+",
            "/",
            "\\",
            "[",
            "]",
            "(",
            ")",
            "[[",
            "]]",
            "<",
            ">",
            "</",
            "<!--",
            "-->",
            "{{<",
            ">}}",
            "{%",
            "%}",
            "{{",
            "}}",
            "&",
            ";",
            "&amp;",
            "&#27;",
            "&#x9B;",
            "&#0;",
            ":",
            "://",
            "http://x.org/",
            "mailto:",
            ":code:`",
            "`_",
            " <",
            "<a href=\"",
            "\">",
            "</a>",
            "<b>",
            "</b>",
            "<iframe>",
            "</iframe>",
            "é",
            "日本",
            "\u{FFFD}",
        ])
        .prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn no_word_character_is_lost_to_delimiters(src in delimited_text()) {
        for syntax in SYNTAXES {
            let (text, _) = render_inline(syntax, &src);
            prop_assert_eq!(words(&text), words(&src), "{:?} in {:?}", src, syntax);
        }
    }

    #[test]
    fn spans_fit_the_text_and_nothing_unsafe_is_made(src in any_text()) {
        for syntax in SYNTAXES {
            let (text, spans) = render_inline(syntax, &src);
            prop_assert!(!text.chars().any(is_unsafe_char), "{:?} -> {:?}", src, text);
            let mut at = 0;
            for (range, style, target) in &spans {
                prop_assert!(range.start >= at && range.start < range.end && range.end <= text.len(), "{:?}", spans);
                prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
                prop_assert!(!style.is_plain() || target.is_some());
                if let Some(t) = target {
                    prop_assert!(!t.chars().any(is_unsafe_char), "target {:?}", t);
                }
                at = range.end;
            }
            prop_assert!(text.len() <= src.len() + 8 * src.matches('&').count(), "{:?} grew to {:?}", src, text);
        }
    }
}
