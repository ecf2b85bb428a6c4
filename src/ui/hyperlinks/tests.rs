use super::*;
use crate::app::Options;
use crate::config::Config;
use crate::event::Event;
use crate::outline::{build_outline, parse_document};
use crate::ui::theme::Theme;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::sync::Arc;

fn reader(text: &str, hyperlinks: bool) -> App {
    let o = build_outline(vec![parse_document(text.as_bytes(), "t.md").unwrap()]);
    let opts = Options {
        hyperlinks,
        ..Options::default()
    };
    let mut a = App::new(Arc::new(o), Config::defaults().keymap, opts);
    a.handle(Event::Resize(80, 20));
    let o = a.outline().clone();
    let talk = (0..o.len())
        .find(|&i| o.kind(i) == crate::outline::Kind::Session)
        .unwrap();
    a.tree_mut().reveal(&o, talk + 1);
    a.handle(Event::Tick);
    a
}

fn frame(a: &App) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(80, 20)).unwrap();
    let theme = Theme::from_config(&Config::defaults(), false);
    t.draw(|f| crate::ui::draw(f, a, &theme)).unwrap();
    t.backend().buffer().clone()
}

fn cells(buf: &Buffer, a: &LinkArea) -> String {
    (a.x..a.x + a.width).map(|x| buf[(x, a.y)].symbol()).collect()
}

const HOSTILE: &str = "# Talk (Ann)\n\n- see [the slides](https://x.org/a\u{1b}]8;;https://evil.org\u{7}b) and https://y.org/é then a long line of words that wraps around to [a second link](https://z.org/two) at last\n";

#[test]
fn areas_lie_on_the_links_words_as_drawn() {
    let a = reader(HOSTILE, true);
    let buf = frame(&a);
    let areas = areas(&a);
    let words: Vec<String> = areas.iter().map(|x| cells(&buf, x)).collect();
    assert_eq!(words.first().map(String::as_str), Some("the slides"), "{areas:?}");
    assert!(words.iter().any(|w| w.starts_with("https://y.org/")), "{words:?}");
    // A link wrapped over two rows is two areas with one target.
    let last: Vec<&LinkArea> = areas.iter().filter(|x| x.target == "https://z.org/two").collect();
    assert!(!last.is_empty(), "{areas:?}");
    let joined: String = last.iter().map(|x| cells(&buf, x)).collect::<Vec<_>>().join(" ");
    assert_eq!(joined, "a second link");
    assert!(super::areas(&reader(HOSTILE, false)).is_empty(), "hyperlinks off");
}

#[test]
fn osc8_output_holds_no_control_from_the_note_and_keeps_the_cells() {
    let a = reader(HOSTILE, true);
    let buf = frame(&a);
    let areas = areas(&a);
    let mut out = Vec::new();
    write(&buf, &areas, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    // Every ESC starts a sequence talktree wrote: OSC 8 (open or close),
    // a cursor move or a style (CSI), the cursor saved first and put back
    // last (ESC 7, ESC 8); no BEL, no C1 at all.
    assert!(text.starts_with("\x1b7") && text.ends_with("\x1b8"), "{text:?}");
    let text = &text[2..text.len() - 2];
    for (at, _) in text.match_indices('\x1b') {
        let rest = &text[at + 1..];
        assert!(
            rest.starts_with("]8;;") || rest.starts_with('[') || rest.starts_with('\\'),
            "{:?}",
            &text[at..]
        );
    }
    assert!(!text.contains('\x07') && !text.chars().any(|c| ('\u{80}'..'\u{a0}').contains(&c)));
    let opens: Vec<&str> = text
        .split("\x1b]8;;")
        .skip(1)
        .map(|s| s.split("\x1b\\").next().unwrap())
        .collect();
    assert!(
        opens
            .iter()
            .all(|u| u.is_empty() || u.bytes().all(|b| (0x21..0x7f).contains(&b))),
        "{opens:?}"
    );
    // The note's ESC arrives as its stand-in, percent-encoded.
    assert!(
        opens.iter().any(|u| u.starts_with("https://x.org/a%E2%90%9B")),
        "{opens:?}"
    );
    assert!(opens.contains(&"https://y.org/%C3%A9"), "{opens:?}");
    // What is printed between the sequences is the frame's own cells.
    let printed = strip_sequences(text);
    let want: String = areas.iter().map(|x| cells(&buf, x)).collect();
    assert_eq!(printed, want);
}

/// `text` without its CSI (`ESC [ … letter`) and OSC 8 (`ESC ] 8 ; ; … ESC \`) sequences.
fn strip_sequences(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('\x1b') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        rest = if let Some(osc) = after.strip_prefix("]8;;") {
            &osc[osc.find("\x1b\\").unwrap() + 2..]
        } else {
            let csi = after.strip_prefix('[').unwrap();
            &csi[csi.find(|c: char| c.is_ascii_alphabetic()).unwrap() + 1..]
        };
    }
    out.push_str(rest);
    out
}

#[test]
fn an_overlay_over_the_pane_draws_no_hyperlinks() {
    let mut a = reader(HOSTILE, true);
    a.update(crate::action::Action::ToggleHelp);
    assert!(areas(&a).is_empty());
}
