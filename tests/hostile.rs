//! Hostile text never reaches the terminal raw and never breaks the layout:
//! escape sequences (CSI, OSC 52 clipboard writes, title changes), C1
//! controls, bidi overrides, joiners, combining marks, wide CJK and emoji,
//! tabs and lone CRs, in notes and in a file name, drawn at several sizes
//! with the find pane matching them, the detail pane showing them and the
//! help and bookmark overlays open. Every cell must be printable and every
//! row exactly the screen's width (tests/common/cells.rs). File names and
//! paths: `hostile/names.rs` (drawn) and `hostile/runs.rs` (the real
//! binary's output, byte for byte).

mod common;
#[path = "hostile/names.rs"]
mod names;
#[path = "hostile/runs.rs"]
mod runs;
use common::cells::check_buffer;
use common::render::{app_on, frame, keys, text};
use talktree::outline::{build_outline, parse_document, Outline};

const HOSTILE: &str = "# Hostile talk \u{1b}]0;pwned title\u{7} by Eve\n\
- hostile CSI \u{1b}[31mred\u{1b}[0m and \u{1b}[2J\u{1b}[H clear screen\n\
- hostile OSC 52 \u{1b}]52;c;aGVsbG8gd29ybGQ=\u{7} clipboard write\n\
- hostile OSC title \u{1b}]2;owned\u{1b}\\ with ST, and unterminated \u{1b}]0;rest\n\
- hostile C1 \u{9b}31m CSI, \u{9d}0;osc\u{9c} and NEL\u{85}here\n\
- hostile bidi \u{202e}txet desrever\u{202c} and \u{2066}isolate\u{2069} \u{200f}rlm\n\
- hostile joiners 👨\u{200d}👩\u{200d}👧 family, \u{200d}lone\u{200d}, zero\u{200b}width\n\
- hostile combining \u{301}at start, e\u{301}\u{302}\u{303}\u{304} stacked\n\
- hostile wide 日本語のテキストがとても長い行になりますよ 😀🎉❤\u{fe0f}🇯🇵 絵文字\n\
- hostile 日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語\n\
- hostile\ttabs\tin\tthe\tmiddle\n\
- hostile lone CR before\rafter and DEL\u{7f} BEL\u{7}\n\
  - hostile nested \u{1b}P1$r dcs\u{1b}\\ \u{1b}_apc\u{1b}\\ \u{1b}^pm\u{1b}\\ \u{1b}Xsos\u{1b}\\\n";

/// The hostile notes, once under a plain name and once under a name that is
/// itself hostile (file names come from the disk).
fn outline() -> Outline {
    build_outline(vec![
        parse_document(HOSTILE.as_bytes(), "hostile.md").unwrap(),
        parse_document(HOSTILE.as_bytes(), "evil\u{1b}]0;t\u{7}\u{202e}dm.\u{9b}2Jmd").unwrap(),
    ])
}

const SIZES: [(u16, u16); 6] = [(40, 12), (41, 13), (57, 17), (80, 24), (101, 30), (150, 45)];

/// Draws after `ks` at every size and checks each screen; returns the
/// screens' text for further checks.
fn screens(ks: &str) -> Vec<String> {
    SIZES
        .iter()
        .map(|&(w, h)| {
            let mut a = app_on(outline(), w, h);
            keys(&mut a, ks);
            let b = frame(&a);
            if let Err(e) = check_buffer(&b) {
                panic!("{w}x{h} after {ks:?}: {e}\n{}", text(&b));
            }
            text(&b)
        })
        .collect()
}

#[test]
fn outline_of_hostile_notes_is_clean() {
    for s in screens("9") {
        assert!(s.contains("hostile"), "{s}");
        assert!(
            !s.contains("pwned") && !s.contains("aGVsbG8"),
            "escape payload shown:\n{s}"
        );
    }
}

#[test]
fn detail_pane_showing_hostile_lines_is_clean() {
    screens("9 j j j");
    screens("9 j j j j j j j j j j Ctrl-w j j PageDown");
    screens("9 } j j Ctrl-w G");
}

#[test]
fn find_pane_matching_hostile_lines_is_clean() {
    for s in screens("/ h o s t i l e") {
        assert!(s.matches("hostile").count() >= 3, "results not shown:\n{s}");
    }
    screens("/ h o s t i l e Down Down Down Down Down Down Down");
    screens("/ 日 本 Down");
    screens("/ h o s t i l e Down Down Enter");
}

#[test]
fn overlays_over_hostile_lines_are_clean() {
    screens("9 j j ?");
    screens("9 j j j m j j j j j j m } j j m '");
    screens("9 j j j m j j j j j j m } j j m ' j j");
}

/// An overlay's left edge can fall on the second half of a wide character
/// in the outline: the character must be blanked, or the terminal draws it
/// over the overlay's border (which then vanishes).
#[test]
fn overlay_edge_through_a_wide_character_keeps_its_border() {
    let mut notes = String::from("# 日本語のトーク\n");
    for i in 0..20 {
        notes.push_str(&format!("- {}\n", "日本語".repeat(3 + i % 5)));
    }
    for w in [89, 90, 95, 96] {
        for ks in ["9 j ?", "9 j m j j m '"] {
            let o = build_outline(vec![parse_document(notes.as_bytes(), "w.md").unwrap()]);
            let mut a = app_on(o, w, 20);
            keys(&mut a, ks);
            let b = frame(&a);
            if let Err(e) = check_buffer(&b) {
                panic!("{w} wide after {ks:?}: {e}");
            }
        }
    }
}
