use super::*;
use Syntax::{Markdown as Md, Org, Plain, Rst};

/// The rendered text with each span written `{styles:text}` (styles as
/// letters: b i c l s u; a link's target after `>`).
fn show(syntax: Syntax, src: &str) -> String {
    let (text, spans) = render(syntax, src);
    let mut out = String::new();
    let mut at = 0;
    for (range, style, target) in spans {
        out.push_str(&text[at..range.start]);
        let letters: String = [
            (Style::BOLD, 'b'),
            (Style::ITALIC, 'i'),
            (Style::CODE, 'c'),
            (Style::LINK, 'l'),
            (Style::STRIKE, 's'),
            (Style::UNDERLINE, 'u'),
        ]
        .iter()
        .filter(|(s, _)| style.contains(*s))
        .map(|&(_, c)| c)
        .collect();
        let target = target.map(|t| format!(">{t}")).unwrap_or_default();
        out.push_str(&format!("{{{letters}{target}:{}}}", &text[range.clone()]));
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

#[test]
fn markdown_emphasis_code_and_strike() {
    assert_eq!(show(Md, "**Avoid the long tail.**"), "{b:Avoid the long tail.}");
    assert_eq!(show(Md, "a *b* and _c_, ***d***"), "a {i:b} and {i:c}, {bi:d}");
    assert_eq!(show(Md, "use `x *y*` here"), "use {c:x *y*} here");
    assert_eq!(show(Md, "`` a`b ``"), "{c:a`b}");
    assert_eq!(show(Md, "~~old~~ new"), "{s:old} new");
    assert_eq!(
        show(Md, "**bold *and italic* inside**"),
        "{b:bold }{bi:and italic}{b: inside}"
    );
    assert_eq!(show(Md, r"\*not emphasis\*"), "*not emphasis*");
    assert_eq!(show(Md, "THEN __processes__ NOW"), "THEN {b:processes} NOW");
}

#[test]
fn what_only_looks_like_markup_stays_as_written() {
    for s in [
        "snake_case_words and more_snake_case",
        "2*3*4 = 24 and 2**64 items, (1/2)**3",
        "a * b * c",
        "a lone * star",
        "__init__.py, obj.__dict__ and __init__()",
        "*args and **kwargs",
        "mail first_last@example.org",
        "unclosed **bold and `code",
        "C:\\my_files\\x",
        "List<String> and Vec<u8>, <stdin>",
        "R&D, AT&T; &bogus;",
        "{ not a template }",
    ] {
        assert_eq!(show(Md, s), s, "{s}");
    }
    for s in ["/usr/bin/ and and/or", "x = y = z", "C++ and +1", "~ 5 min ~"] {
        assert_eq!(show(Org, s), s, "{s}");
    }
}

#[test]
fn markdown_links_images_and_autolinks() {
    assert_eq!(
        show(Md, "see [the *docs*](http://d.org \"title\") now"),
        "see {l>http://d.org:the }{il>http://d.org:docs} now"
    );
    assert_eq!(show(Md, "![a chart](c.png) and ![](x.png)"), "{l>c.png:a chart} and");
    assert_eq!(
        show(Md, "<https://x.org/a> or <me@x.org>"),
        "{l>https://x.org/a:https://x.org/a} or {l>mailto:me@x.org:me@x.org}"
    );
    assert_eq!(
        show(Md, "- [ ] todo, [x] done, [ref][1]"),
        "- [ ] todo, [x] done, [ref][1]"
    );
    assert_eq!(show(Md, "[a (b) c](http://w/x_(y))."), "{l>http://w/x_(y):a (b) c}.");
}

#[test]
fn bare_urls_are_links_without_their_closing_punctuation() {
    assert_eq!(
        show(Plain, "slides: https://x.org/a_b_(c). Also (http://y.org/p)"),
        "slides: {l>https://x.org/a_b_(c):https://x.org/a_b_(c)}. Also ({l>http://y.org/p:http://y.org/p})"
    );
    assert_eq!(
        show(Md, "https://x.org/*a*_b_"),
        "{l>https://x.org/*a*_b:https://x.org/*a*_b}_"
    );
    assert_eq!(
        show(Plain, "at 10:30, see: x, notaurl://"),
        "at 10:30, see: x, notaurl://"
    );
}

#[test]
fn html_tags_comments_entities_and_templates() {
    assert_eq!(
        show(Md, "Talk <iframe src=\"https://yt/x\" width=5>fallback</iframe> notes"),
        "Talk notes"
    );
    assert_eq!(show(Md, "{{< youtube xA1qPQg3WTc >}}"), "");
    assert_eq!(show(Md, "a {{% note %}}kept{{% /note %}} b"), "a kept b");
    assert_eq!(show(Md, "x {% include foo.html %} y {{ page.title }} z"), "x y z");
    assert_eq!(show(Md, "a<!-- hidden -->b"), "ab");
    assert_eq!(
        show(
            Plain,
            "<p>One &amp; <b>two</b><br/>three <a href='http://x.org'>four</a></p>"
        ),
        "One & {b:two} three {l>http://x.org:four}"
    );
    assert_eq!(show(Plain, "<span class=\"x\">in</span>line"), "inline");
    assert_eq!(show(Plain, "&ldquo;q&rdquo; &#8212; &#x41;"), "“q” — A");
}

#[test]
fn decoded_entities_and_targets_stay_printable() {
    let (text, spans) = render(Plain, "a&#27;b &#x9B;c <a href=\"http://x/&#7;\">d</a>");
    assert!(!text.chars().any(crate::outline::hygiene::is_unsafe_char), "{text:?}");
    assert_eq!(text, "a␛b \u{FFFD}c d");
    let target = spans[0].2.clone().unwrap();
    assert!(
        !target.chars().any(crate::outline::hygiene::is_unsafe_char),
        "{target:?}"
    );
}

#[test]
fn org_markup() {
    assert_eq!(
        show(Org, "*bold* /it/ _under_ +gone+ =verb *x*= ~code~"),
        "{b:bold} {i:it} {u:under} {s:gone} {c:verb *x*} {c:code}"
    );
    assert_eq!(
        show(Org, "[[https://tahoe-lafs.org/trac][taohe-lafs]] and [[https://x.org]]"),
        "{l>https://tahoe-lafs.org/trac:taohe-lafs} and {l>https://x.org:https://x.org}"
    );
    assert_eq!(show(Org, "a [[broken link"), "a [[broken link");
}

#[test]
fn rst_markup() {
    assert_eq!(
        show(Rst, "``reduce()`` moved to *functools*, **really**"),
        "{c:reduce()} moved to {i:functools}, {b:really}"
    );
    assert_eq!(
        show(
            Rst,
            "see `the docs <https://d.org>`_ and `Python`_ or `anon <http://a>`__"
        ),
        "see {l>https://d.org:the docs} and {l:Python} or {l>http://a:anon}"
    );
    assert_eq!(show(Rst, "`<http://x.org>`_"), "{l>http://x.org:http://x.org}");
    assert_eq!(
        show(Rst, ":func:`len` and :ref:`intro <sec-intro>`, a `title`"),
        "{c:len} and {l:intro}, a {i:title}"
    );
    assert_eq!(show(Rst, "use \\*args"), "use *args");
}

#[test]
fn spaces_left_by_dropped_markup_collapse() {
    assert_eq!(show(Md, "a <!-- x --> b"), "a b");
    assert_eq!(show(Md, "<!-- x --> lead"), "lead");
    assert_eq!(show(Md, "trail {{< x >}}"), "trail");
}

#[test]
fn deep_or_endless_markup_stays_bounded() {
    // Nesting past the limit stays text; unclosed openers cost no rescans.
    let deep = format!("{}x{}", "[a ".repeat(50), "](u)".repeat(50));
    let (text, _) = render(Md, &deep);
    assert!(text.contains('x'));
    let many = "*a _b [c <d {{e ".repeat(20_000);
    let (text, _) = render(Md, &many);
    assert_eq!(text, many);
}

#[test]
fn asciidoc_markup() {
    use Syntax::Asciidoc as Ad;
    assert_eq!(
        show(Ad, "*bold* _it_ `code` __also__ and **un**constrained"),
        "{b:bold} {i:it} {c:code} {i:also} and **un**constrained"
    );
    assert_eq!(
        show(
            Ad,
            "see link:https://x.org/a[the docs], https://y.org[Y, window=_blank] or https://z.org[]"
        ),
        "see {l>https://x.org/a:the docs}, {l>https://y.org:Y} or {l>https://z.org:https://z.org}"
    );
    assert_eq!(
        show(
            Ad,
            "mail mailto:a@b.org[us], <<intro,the intro>> and <<setup>>, xref:s.adoc[More]"
        ),
        "mail {l>mailto:a@b.org:us}, {l:the intro} and {l:setup}, {l:More}"
    );
    assert_eq!(
        show(Ad, "snake_case and 2*3*4 and a << b"),
        "snake_case and 2*3*4 and a << b"
    );
}
