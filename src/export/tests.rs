use super::*;
use crate::outline::{build_outline, load_seeds, parse_document};

pub(super) fn export(o: &Outline, roots: &[usize], format: ExportFormat) -> String {
    let mut out = Vec::new();
    write(o, roots, format, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

pub(super) fn load(name: &str, text: &str) -> Outline {
    build_outline(vec![parse_document(text.as_bytes(), name).unwrap()])
}

/// A subtree as (depth below its root, kind, text) rows, the root first.
pub(super) fn shape(o: &Outline, root: usize) -> Vec<(usize, Kind, String)> {
    let base = o.depth(root);
    (root..o.subtree_end(root))
        .map(|i| (o.depth(i) - base, o.kind(i), o.text(i).to_string()))
        .collect()
}

/// The talk a file holds, once loaded: the document's one session.
pub(super) fn only_talk(o: &Outline) -> Option<usize> {
    let talks: Vec<usize> = (0..o.len()).filter(|&i| o.kind(i) == Kind::Session).collect();
    (talks.len() == 1).then(|| talks[0])
}

/// `shape`, with what Markdown cannot hold as the loader reads it: a list
/// under a paragraph is written after it and comes back as its siblings,
/// one level up, unless the paragraph introduces it ("The stores were:"):
/// the loader puts a list right under such a line back under it.
fn markdown_shape(o: &Outline, root: usize) -> Vec<(usize, Kind, String)> {
    let base = o.depth(root);
    (root..o.subtree_end(root))
        .map(|i| {
            let under_paragraphs = o
                .ancestors(i)
                .take_while(|&a| a != root)
                .filter(|&a| o.kind(a) == Kind::Paragraph && !o.text(a).trim_end().ends_with(':'))
                .count();
            (o.depth(i) - base - under_paragraphs, o.kind(i), o.text(i).to_string())
        })
        .collect()
}

#[test]
fn every_seed_talk_exported_as_markdown_loads_back_as_the_same_tree() {
    let o = load_seeds();
    let mut failed = Vec::new();
    let talks: Vec<usize> = (0..o.len()).filter(|&i| o.kind(i) == Kind::Session).collect();
    for &t in &talks {
        let md = export(&o, &[t], ExportFormat::Markdown);
        let back = load("talk.md", &md);
        let same = only_talk(&back).is_some_and(|b| shape(&back, b) == markdown_shape(&o, t));
        if !same {
            failed.push(format!("{}\n---\n{md}", o.text(t)));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} talks differ:\n{}",
        failed.len(),
        talks.len(),
        failed.join("\n=====\n")
    );
    // Paragraphs introducing the list under them are there, and come back
    // holding it.
    let introduces = |i: usize| o.kind(i) == Kind::Paragraph && o.text(i).ends_with(':') && o.has_children(i);
    assert!(talks.iter().any(|&t| (t..o.subtree_end(t)).any(introduces)));
}

/// A talk with every kind of note, nested: sub-headings, bullets three
/// deep, a paragraph inside an item, code at the top and inside an item
/// (holding a fence of its own), and text that looks like markup.
const TALK: &str = "# Scaling Postgres (Ann Lee)

Why we sharded, and how.

- first we tried replicas
  - read replicas lagged
    - up to 30 s under load
  - a paragraph follows

    It held the failover story.

  - then ```this``` code:

    ```sh
    pg_basebackup -D /data
    ```

- then partitioning

```
``` a fence inside
select 1;
```

## Questions

- what about citus?
";

#[test]
fn a_talk_of_every_kind_of_note_round_trips_through_markdown_and_org() {
    let o = load("talk.md", TALK);
    let t = only_talk(&o).expect("one talk");
    assert!(shape(&o, t).len() > 10, "{:?}", shape(&o, t));
    for (format, name) in [(ExportFormat::Markdown, "back.md"), (ExportFormat::Org, "back.org")] {
        let text = export(&o, &[t], format);
        let back = load(name, &text);
        let b = only_talk(&back).unwrap_or_else(|| panic!("{format:?}: no one talk in\n{text}"));
        assert_eq!(shape(&back, b), shape(&o, t), "{format:?}:\n{text}");
    }
}

#[test]
fn talks_are_chosen_by_the_find_syntax_in_document_order() {
    let o = load_seeds();
    let titles = |q: &str| -> Vec<String> { roots(&o, Some(q)).iter().map(|&r| o.text(r).to_string()).collect() };
    let netflix = titles("netflix");
    assert!(netflix.len() >= 2, "{netflix:?}");
    assert!(
        roots(&o, Some("netflix")).windows(2).all(|w| w[0] < w[1]),
        "document order"
    );
    assert!(titles("'Netflix").iter().all(|t| t.contains("Netflix")));
    assert!(titles("netflix !microservices")
        .iter()
        .all(|t| !t.to_lowercase().contains("microservices")));
    assert!(titles("zqxzqx").is_empty());
    // Only talks: a bullet that matches is not exported on its own.
    assert!(roots(&o, Some("riemann")).iter().all(|&r| o.kind(r) == Kind::Session));
    assert_eq!(roots(&o, None), o.documents().collect::<Vec<_>>());
}

#[test]
fn json_holds_the_chosen_talks_under_their_documents() {
    let o = load_seeds();
    let chosen = roots(&o, Some("netflix"));
    let v: serde_json::Value = serde_json::from_str(&export(&o, &chosen, ExportFormat::Json)).unwrap();
    let docs = v["documents"].as_array().unwrap();
    let talks: Vec<&str> = docs
        .iter()
        .flat_map(|d| d["children"].as_array().unwrap())
        .map(|t| t["text"].as_str().unwrap())
        .collect();
    let want: Vec<&str> = chosen.iter().map(|&r| o.text(r)).collect();
    assert_eq!(talks, want);
    for d in docs {
        assert!(d["title"].is_string() && d["source"].as_str().unwrap().starts_with("seeds/"));
        for t in d["children"].as_array().unwrap() {
            assert_eq!(t["kind"], "session");
        }
    }
    // The whole outline is --dump's JSON, node for node.
    let mut dump = Vec::new();
    crate::outline::dump::write_json(&o, &mut dump).unwrap();
    let all = export(&o, &roots(&o, None), ExportFormat::Json);
    let (a, b): (serde_json::Value, serde_json::Value) = (
        serde_json::from_str(&all).unwrap(),
        serde_json::from_slice(&dump).unwrap(),
    );
    assert_eq!(a, b);
}

#[test]
fn deep_notes_export_without_recursion_and_with_bounded_indentation() {
    use crate::outline::{Block, DocInfo, Format};
    let mut o = Outline::new();
    let mut blocks = vec![Block::new(0, Kind::Session, "Deep talk", 1)];
    blocks.extend((1..100_000).map(|d| Block::new(d, Kind::Bullet, "x", d + 1)));
    let info = DocInfo {
        node: 0,
        source: "deep.md".into(),
        format: Format::Markdown,
        warnings: vec![],
        key: String::new(),
    };
    o.push_document("deep", info, &blocks);
    let md = export(&o, &roots(&o, None), ExportFormat::Markdown);
    assert_eq!(md.lines().filter(|l| l.ends_with("- x")).count(), 99_999);
    let widest = md.lines().map(str::len).max().unwrap();
    assert_eq!(
        widest,
        2 * (markup::MAX_LIST_DEPTH - 1) + 3,
        "indentation stops at the cap"
    );
    let json = export(&o, &roots(&o, None), ExportFormat::Json);
    assert!(json.ends_with("]}]}]}]}\n"));
}

/// Node by node: kind, text, and each style with its range and target.
fn styled_shape(o: &Outline, root: usize) -> Vec<(Kind, String, Vec<String>)> {
    (root..o.subtree_end(root))
        .map(|i| {
            let styles = o
                .styles(i)
                .map(|s| format!("{:?} {:?} {:?}", s.range, s.style, s.target))
                .collect();
            (o.kind(i), o.text(i).to_string(), styles)
        })
        .collect()
}

const STYLED: &str = "# Links and styles (Bo Ng)

- **bold**, *italic*, `code`, ~~gone~~ and <u>under</u>
- a [link with **bold** words](https://example.org/a_(b)) and <https://example.org/~me>
- bare https://example.org/x_y?q=1 and `` a `tick` `` code
- literal *stars* \\*kept\\*, snake_case, 2*3*4, [brackets], <tag> &amp; {{ x }}
- \\[not a link\\](http://x.org), \\<b>not bold\\</b>, &amp;amp; and \\`not code\\`
- 1. not a list, # not a heading
- **bold [link](http://l.org) in it** then text
";

#[test]
fn styles_and_links_survive_a_round_trip_through_markdown() {
    let o = load("styled.md", STYLED);
    let t = only_talk(&o).expect("one talk");
    assert!(
        (t..o.subtree_end(t)).map(|i| o.styles(i).count()).sum::<usize>() >= 10,
        "the fixture is styled: {:?}",
        styled_shape(&o, t)
    );
    let md = export(&o, &[t], ExportFormat::Markdown);
    let back = load("back.md", &md);
    let b = only_talk(&back).expect("one talk back");
    assert_eq!(styled_shape(&back, b), styled_shape(&o, t), "\n{md}");
}

#[test]
fn org_writes_styles_and_links_as_org_markup() {
    let o = load("styled.md", STYLED);
    let t = only_talk(&o).unwrap();
    let org = export(&o, &[t], ExportFormat::Org);
    for want in [
        "*bold*",
        "/italic/",
        "~code~",
        "+gone+",
        "_under_",
        "[[https://example.org/a_(b)][link with *bold* words]]",
    ] {
        assert!(org.contains(want), "{want} in\n{org}");
    }
    // The org the loader reads back has the same styles where org can say
    // them (its literal stars are not escapable).
    let back = load("back.org", &org);
    let b = only_talk(&back).unwrap();
    let first = |o: &Outline, r: usize| styled_shape(o, r)[1].clone();
    assert_eq!(first(&back, b), first(&o, t), "\n{org}");
}

/// Org has no escape: a literal `*word*` in a note comes back bold, its
/// stars gone. Its texts are compared without org's markers.
fn org_shape(o: &Outline, root: usize) -> Vec<(usize, Kind, String)> {
    let markers: &[char] = &['*', '/', '_', '+', '~', '='];
    markdown_shape(o, root)
        .into_iter()
        .map(|(d, k, t)| (d, k, t.replace(markers, "")))
        .collect()
}

#[test]
fn every_seed_exported_alone_loads_back_as_the_same_document() {
    let o = load_seeds();
    for (format, name, shape_of) in [
        (
            ExportFormat::Markdown,
            "x.md",
            markdown_shape as fn(&Outline, usize) -> _,
        ),
        (ExportFormat::Org, "x.org", org_shape),
    ] {
        let mut failed = Vec::new();
        for d in o.documents() {
            let text = export(&o, &[d], format);
            let back = load(name, &text);
            let (got, want) = (shape_of(&back, 0), shape_of(&o, d));
            if got != want {
                let diff: Vec<String> = got
                    .iter()
                    .zip(&want)
                    .filter(|(a, b)| a != b)
                    .take(3)
                    .map(|(a, b)| format!("{a:?} != {b:?}"))
                    .collect();
                failed.push(format!(
                    "{}: {} vs {} nodes, {diff:?}",
                    o.text(d),
                    got.len(),
                    want.len()
                ));
            }
        }
        assert!(failed.is_empty(), "{format:?}:\n{}", failed.join("\n"));
    }
}
