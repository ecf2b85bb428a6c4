use super::*;
use crate::outline::{build_outline, parse_document};

fn load(name: &str, text: &str) -> Outline {
    build_outline(vec![parse_document(text.as_bytes(), name).unwrap()])
}

fn node(o: &Outline, starts: &str) -> usize {
    (0..o.len()).find(|&i| o.text(i).starts_with(starts)).unwrap()
}

#[test]
fn markup_links_and_bare_urls_are_links_with_their_words() {
    let o = load(
        "t.md",
        "# Talk\n\n- see [the **slides**](https://x.org/s) and https://y.org/v, or <https://z.org>\n",
    );
    let n = node(&o, "see");
    let links = of_node(&o, n);
    let got: Vec<(&str, &str)> = links
        .iter()
        .map(|l| (&o.text(n)[l.range.clone()], l.target.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("the slides", "https://x.org/s"),
            ("https://y.org/v", "https://y.org/v"),
            ("https://z.org", "https://z.org")
        ]
    );
}

#[test]
fn a_node_without_links_offers_the_ones_under_it() {
    let o = load(
        "t.md",
        "# Talk\n\n- intro\n- [slides](https://s.org)\n  - [video](https://v.org)\n",
    );
    let talk = node(&o, "Talk");
    assert_eq!(near_targets(&o, talk), ["https://s.org", "https://v.org"]);
    assert_eq!(near_targets(&o, node(&o, "slides")), ["https://s.org"]);
    assert!(near(&o, node(&o, "intro"), 10).is_empty());
    assert_eq!(near(&o, talk, 1).len(), 1);
}

fn near_targets(o: &Outline, i: usize) -> Vec<String> {
    near(o, i, 10).into_iter().map(|(_, l)| l.target).collect()
}

#[test]
fn web_and_file_links_open_at_once_other_schemes_are_asked_about() {
    let dir = Path::new("/notes/day1");
    assert_eq!(classify("https://x.org", None), Kind::Web("https://x.org".into()));
    assert_eq!(classify("HTTP://x.org", None), Kind::Web("HTTP://x.org".into()));
    assert_eq!(
        classify("file:///tmp/a.pdf", None),
        Kind::Web("file:///tmp/a.pdf".into())
    );
    assert_eq!(classify("www.x.org/a", None), Kind::Web("https://www.x.org/a".into()));
    assert_eq!(
        classify("slides.pdf#p2", Some(dir)),
        Kind::File("/notes/day1/slides.pdf".into())
    );
    assert_eq!(classify("/srv/a.md", None), Kind::File("/srv/a.md".into()));
    assert_eq!(classify("slides.pdf", None), Kind::Fragment);
    assert_eq!(classify("#questions", Some(dir)), Kind::Fragment);
    for (t, s) in [
        ("mailto:a@b.org", "mailto"),
        ("javascript:alert(1)", "javascript"),
        ("ssh://host", "ssh"),
        ("vscode://file/x", "vscode"),
    ] {
        assert_eq!(
            classify(t, Some(dir)),
            Kind::Other {
                scheme: s.into(),
                target: t.into()
            }
        );
    }
}

#[test]
fn the_opener_is_browser_else_the_systems_never_a_shell() {
    let u = "https://x.org/?a=1&b=$(rm -rf ~)";
    assert_eq!(opener(u, None, false), ["xdg-open", u]);
    assert_eq!(opener(u, None, true), ["open", u]);
    assert_eq!(opener(u, Some(""), false), ["xdg-open", u]);
    assert_eq!(opener(u, Some("firefox"), false), ["firefox", u]);
    assert_eq!(opener(u, Some(":w3m -N:lynx"), false), ["w3m", "-N", u]);
    assert_eq!(
        opener(u, Some("chromium --app=%s"), false),
        ["chromium", format!("--app={u}").as_str()]
    );
}

#[test]
fn osc8_sequences_carry_nothing_a_terminal_acts_on() {
    assert_eq!(osc8_open("https://x.org/a").unwrap(), "\x1b]8;;https://x.org/a\x1b\\");
    let hostile = "https://x.org/\x1b]8;;evil\x07\u{9c}␛ é";
    let seq = osc8_open(hostile).unwrap();
    let uri = seq.strip_prefix("\x1b]8;;").unwrap().strip_suffix("\x1b\\").unwrap();
    assert!(uri.bytes().all(|b| (0x21..0x7f).contains(&b)), "{uri}");
    assert!(
        uri.starts_with("https://x.org/%1B]8;;evil%07%C2%9C%E2%90%9B%20%C3%A9"),
        "{uri}"
    );
    assert!(osc8_open(&"a".repeat(OSC8_MAX + 1)).is_none());
    assert!(osc8_open("").is_none());
}
