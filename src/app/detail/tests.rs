use super::*;
use crate::outline::load_seeds;
use crate::wrap::width;

fn find(o: &Outline, text: &str) -> usize {
    (0..o.len()).find(|&i| o.text(i) == text).unwrap()
}

#[test]
fn a_talk_shows_every_note_with_hanging_indents() {
    let o = load_seeds();
    let riemann = find(&o, "is anyone using riemann?");
    let ctx = context_of(&o, riemann);
    assert_eq!(o.text(ctx), "session 1: monitoring & metrics");
    let lines = build(&o, ctx, 40);
    let (first, _) = line_span(&lines, riemann).unwrap();
    assert_eq!(lines[first].prefix, "• ");
    let anomaly = find(&o, "real time anomaly detection");
    let (a, _) = line_span(&lines, anomaly).unwrap();
    assert!(a > first);
    assert_eq!(lines[a].prefix, "    ▪ ");
    for l in &lines {
        assert!(width(&l.prefix) + width(&l.text) <= 40, "{l:?}");
    }
    // A wrapped note's second line hangs under its text, not its marker.
    let long = lines
        .windows(2)
        .find(|w| w[0].node == w[1].node && w[0].role == Role::Note)
        .unwrap();
    assert_eq!(width(&long[1].prefix), width(&long[0].prefix));
}

#[test]
fn a_file_shows_its_talks_with_counts() {
    let o = load_seeds();
    let doc = o.documents().nth(1).unwrap();
    let lines = build(&o, doc, 60);
    assert_eq!(lines[0].text, "Scale Summit 2014");
    let talk = lines
        .iter()
        .position(|l| l.text == "session 1: monitoring & metrics")
        .unwrap();
    assert_eq!(lines[talk].role, Role::Session);
    assert!(lines[talk].aside.ends_with("notes"));
    assert_eq!(lines[talk].prefix, "▸ ");
    // A talk with nothing under it is marked as the outline marks it.
    let empty = (doc..o.subtree_end(doc))
        .find(|&i| o.kind(i) == Kind::Session && !o.has_children(i))
        .expect("an empty talk in the seeds");
    let (at, _) = line_span(&lines, empty).unwrap();
    assert_eq!(
        (lines[at].prefix.as_str(), lines[at].aside.as_str()),
        ("◦ ", "  no notes")
    );
}

#[test]
fn follow_scrolls_just_enough() {
    let o = load_seeds();
    let s = find(&o, "Session 3: managing OSS software at work");
    let mut d = Detail::default();
    d.refresh(&o, s, 50);
    let last = d.lines.last().unwrap().node as usize;
    d.follow(last, 10, 1);
    assert_eq!(d.scroll, d.lines.len() - 10);
    d.follow(s, 10, 1);
    assert_eq!(d.scroll, 0);
}

#[test]
fn code_keeps_its_indentation_and_paragraphs_their_gaps() {
    let text = "# Talk\n\nFirst paragraph.\n\nSecond paragraph.\n\n```\ndef f():\n    return 1\n```\n";
    let doc = crate::outline::parse_document(text.as_bytes(), "t.md").unwrap();
    let o = crate::outline::build_outline(vec![doc]);
    let talk = (0..o.len()).find(|&i| o.kind(i) == Kind::Session).unwrap();
    let lines = build(&o, talk, 60);
    let body: Vec<String> = lines.iter().map(|l| format!("{}{}", l.prefix, l.text)).collect();
    let first = body.iter().position(|l| l == "First paragraph.").unwrap();
    assert_eq!(body[first + 1], "", "a gap between paragraphs: {body:?}");
    assert_eq!(body[first + 2], "Second paragraph.");
    assert!(body.contains(&"│ def f():".to_string()), "{body:?}");
    assert!(body.contains(&"│     return 1".to_string()), "{body:?}");
}
