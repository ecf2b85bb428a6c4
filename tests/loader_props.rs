//! Properties of the loader over arbitrary input: it never panics, no
//! control character survives, and it never invents structure (a line-based
//! file gives at most one node per line).

use proptest::prelude::*;
use talktree::outline::{build_outline, parse_document, Format, Outline};

fn check(bytes: &[u8], name: &str) -> Result<(), TestCaseError> {
    let Ok(doc) = parse_document(bytes, name) else {
        // Refused (binary): that must be because of a NUL byte.
        prop_assert!(bytes.contains(&0));
        return Ok(());
    };
    let format = doc.format;
    let o: Outline = build_outline(vec![doc]);
    for i in 0..o.len() {
        prop_assert!(
            !o.text(i)
                .chars()
                .any(|c| c.is_control() || ('\u{202A}'..='\u{202E}').contains(&c)),
            "control in {:?}",
            o.text(i)
        );
    }
    let lines = bytes.split(|&b| b == b'\n' || b == b'\r').count();
    let nodes = o.len() - 1;
    if format == Format::Opml {
        let outlines = bytes.windows(8).filter(|w| w.eq_ignore_ascii_case(b"<outline")).count();
        prop_assert!(nodes <= 2 * outlines, "{nodes} nodes from {outlines} outlines");
    } else {
        prop_assert!(nodes <= lines, "{nodes} nodes from {lines} lines");
    }
    Ok(())
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[ \t]{0,10}".prop_map(|s| s),
        prop::sample::select(vec![
            "- ",
            "* ",
            "+ ",
            "• ",
            "1. ",
            "2) ",
            "a) ",
            "# ",
            "## ",
            "### x ###",
            "** ",
            "*** TODO ",
            "#+TITLE: ",
            "#+BEGIN_SRC",
            "#+END_SRC",
            "> ",
            "```",
            "~~~",
            "    ",
            "---",
            "===",
            "**bold**",
            "=====",
            "~~~~~",
            ".. code-block:: sh",
            ".. note::",
            ":Speaker: ",
            "::",
            "= ",
            "== ",
            "----",
            "....",
            ":toc:",
            "[source,sh]",
            "+",
            ":PROPERTIES:",
            ":END:",
            "<opml>",
            "<outline text=\"",
            "\"/>",
            "</outline>",
            "&amp;",
            "&#27;",
            "Talk by Ann Lee",
            "(Bo Ng)",
            "Keynote",
            "Notes",
            "lightning talks",
            "outro",
            "Day 1",
            "Skip to content",
        ])
        .prop_map(str::to_string),
        "[a-zA-Z0-9 .,:?()é日本😀\u{1b}\u{7}\u{9b}\u{202e}\u{a0}\u{200d}\u{301}\\[\\]]{0,30}",
    ]
}

fn notes_like() -> impl Strategy<Value = Vec<u8>> {
    let line = prop::collection::vec(piece(), 0..5).prop_map(|p| p.concat());
    let ending = prop::sample::select(vec!["\n", "\r\n", "\r"]);
    prop::collection::vec((line, ending), 0..80)
        .prop_map(|ls| ls.into_iter().flat_map(|(l, e)| (l + e).into_bytes()).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..3000), ext in prop::sample::select(vec!["txt", "md", "org", "opml", "rst", "adoc", ""])) {
        check(&bytes, &format!("f.{ext}"))?;
    }

    #[test]
    fn notes_shaped_input_never_panics(bytes in notes_like(), ext in prop::sample::select(vec!["txt", "md", "org", "opml", "rst", "adoc"])) {
        check(&bytes, &format!("f.{ext}"))?;
    }
}

/// Deep nesting loads without overflowing the stack: 100,000 levels of OPML,
/// and as deep as indentation allows in a few MB of text and Markdown.
#[test]
fn deep_nesting_in_every_format() {
    let mut text = String::new();
    let mut md = String::new();
    for d in 0..3000 {
        text.push_str(&" ".repeat(d));
        text.push_str("- x\n");
        md.push_str(&" ".repeat(d));
        md.push_str("* y\n");
    }
    let opml = format!("<opml><body>{}</body></opml>", "<outline text=\"z\">".repeat(100_000));
    for (bytes, name, depth) in [
        (text.as_bytes(), "deep.txt", 3000),
        (md.as_bytes(), "deep.md", 3000),
        (opml.as_bytes(), "deep.opml", 100_000),
    ] {
        let doc = parse_document(bytes, name).expect("loads");
        let o = build_outline(vec![doc]);
        let deepest = (0..o.len()).map(|i| o.depth(i)).max().unwrap();
        // A lone top outline may become the document's title: one level less.
        assert!(deepest == depth || deepest == depth - 1, "{name}: {deepest}");
        let mut out = Vec::new();
        talktree::outline::dump::write_json(&o, &mut out).unwrap();
    }
}

#[test]
fn ten_megabyte_single_line_loads() {
    let line = "word ".repeat(2_000_000);
    let doc = parse_document(line.as_bytes(), "big.txt").expect("loads");
    assert_eq!(doc.blocks.len(), 1);
}
