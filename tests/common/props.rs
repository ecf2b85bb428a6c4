//! The properties checked on raw bytes by both the fuzz targets (fuzz/, which
//! include this file by path) and the proptests, so a failure found by one
//! replays in the other. Each `*_case` returns the broken property as text.
#![allow(dead_code)]

use super::cells::check_buffer;
use super::render::{app_on, frame};
use talktree::action::Action;
use talktree::event::Event;
use talktree::keymap::Key;
use talktree::outline::hygiene::is_unsafe_char;
use talktree::outline::{build_outline, dump, parse_document, Format, Outline};
use talktree::state::{from_value_lenient, merge, Changes, State};

/// File names whose extension picks the format (the last one leaves it to
/// detection).
pub const NAMES: [&str; 7] = ["f.txt", "f.md", "f.org", "f.opml", "f.rst", "f.adoc", "f.notes"];

/// Keys a fuzz byte can press: every pane, overlay and fold operation, and
/// a few letters for find queries.
pub const KEYS: [&str; 43] = [
    "j",
    "k",
    "g",
    "G",
    "Enter",
    "Space",
    "Tab",
    "BackTab",
    "l",
    "h",
    "Left",
    "Right",
    "Up",
    "Down",
    "PageDown",
    "PageUp",
    "Ctrl-d",
    "Ctrl-u",
    "]",
    "[",
    "}",
    "{",
    "1",
    "3",
    "9",
    "z",
    "M",
    "R",
    "/",
    "Esc",
    "Ctrl-t",
    "n",
    "N",
    "m",
    "'",
    "?",
    "Ctrl-w",
    "Backspace",
    "a",
    "e",
    "o",
    "y",
    "Y",
];

pub type Checked = Result<(), String>;

/// Loads `bytes` as `name`: a load never panics, refuses only binary
/// (NUL) input, lets no unsafe character through, gives at most one node
/// per line (OPML: two per outline element), and dumps as text and JSON.
pub fn load(bytes: &[u8], name: &str) -> Result<Option<Outline>, String> {
    let Ok(doc) = parse_document(bytes, name) else {
        return if bytes.contains(&0) {
            Ok(None)
        } else {
            Err("refused text without NUL".into())
        };
    };
    let format = doc.format;
    let o = build_outline(vec![doc]);
    for i in 0..o.len() {
        if o.text(i).chars().any(is_unsafe_char) {
            return Err(format!("unsafe char in node {i}: {:?}", o.text(i)));
        }
        if o.parent(i).is_some_and(|p| p >= i || o.depth(p) + 1 != o.depth(i)) {
            return Err(format!("node {i} is not one level below its parent"));
        }
    }
    let nodes = o.len() - 1;
    let bound = if format == Format::Opml {
        2 * bytes.windows(8).filter(|w| w.eq_ignore_ascii_case(b"<outline")).count()
    } else {
        bytes.split(|&b| b == b'\n' || b == b'\r').count()
    };
    if nodes > bound {
        return Err(format!("{nodes} nodes from input allowing {bound}"));
    }
    let mut out = Vec::new();
    dump::write_text(&o, &mut out).map_err(|e| e.to_string())?;
    dump::write_json(&o, &mut out).map_err(|e| e.to_string())?;
    Ok(Some(o))
}

/// First byte picks the format, the rest is the file.
pub fn load_case(data: &[u8]) -> Checked {
    let Some((&pick, bytes)) = data.split_first() else {
        return Ok(());
    };
    load(bytes, NAMES[pick as usize % NAMES.len()]).map(drop)
}

/// A small outline to restore state into (two documents, nested nodes).
pub fn state_outline() -> Outline {
    let a = "# A\n- x\n  - y\n- x\n# B\n- z\n";
    let b = "Talk one\n\n- p\n- q\n";
    build_outline(vec![
        parse_document(a.as_bytes(), "a.md").expect("loads"),
        parse_document(b.as_bytes(), "b.txt").expect("loads"),
    ])
}

/// Arbitrary bytes as the state file: reading is lenient and stable (what
/// it reads writes back and reads the same), merging keeps it, and
/// restoring it (its entries re-keyed onto loaded documents, so paths get
/// resolved) leaves a reader that draws.
pub fn state_case(data: &[u8]) -> Checked {
    let Ok(v) = serde_json::from_slice::<serde_json::Value>(data) else {
        return Ok(());
    };
    let s = from_value_lenient(v);
    let again = from_value_lenient(serde_json::to_value(&s).map_err(|e| e.to_string())?);
    if again != s {
        return Err(format!("not stable through a save: {s:?} then {again:?}"));
    }
    let merged = merge(s.clone(), &Changes::default());
    if merged.documents != s.documents || merged.bookmarks != s.bookmarks {
        return Err("merging no changes lost entries".into());
    }
    let o = state_outline();
    let keys: Vec<String> = o.docs().iter().map(|d| d.key.clone()).collect();
    let mut s = s;
    s.documents = std::mem::take(&mut s.documents)
        .into_values()
        .zip(keys.iter().cycle())
        .map(|(d, k)| (k.clone(), d))
        .collect();
    for (b, k) in s.bookmarks.iter_mut().zip(keys.iter().cycle()) {
        b.doc = k.clone();
    }
    if s.last_document.is_some() {
        s.last_document = Some(keys[0].clone());
    }
    let mut app = app_on(o, 80, 24);
    app.restore(&s);
    check_buffer(&frame(&app))?;
    // The bookmark list shows labels straight from the file.
    app.update(Action::OpenBookmarks);
    check_buffer(&frame(&app)).map_err(|e| format!("bookmark list: {e}"))?;
    if app.tree().selected >= app.outline().len() {
        return Err(format!("selection {} past the outline", app.tree().selected));
    }
    let saved: State = app.changes().state;
    let reread = from_value_lenient(serde_json::to_value(&saved).map_err(|e| e.to_string())?);
    if reread != saved {
        return Err("restored view does not save stably".into());
    }
    Ok(())
}

/// One event from a fuzz byte: mostly key presses, sometimes a resize,
/// click or wheel turn derived from the byte.
pub fn event_of(b: u8, size: (u16, u16)) -> Event {
    let (w, h) = (size.0.max(1), size.1.max(1));
    match b {
        0..=199 => Event::Key(Key::parse(KEYS[b as usize % KEYS.len()]).expect("valid key")),
        200..=219 => Event::Resize(20 + u16::from(b - 200) * 7, 8 + u16::from(b - 200) * 2),
        220..=239 => Event::Click {
            col: u16::from(b) * 13 % w,
            row: u16::from(b) * 7 % h,
        },
        _ => Event::Scroll {
            col: u16::from(b) * 11 % w,
            row: u16::from(b) * 5 % h,
            down: b.is_multiple_of(2),
        },
    }
}

/// Bytes: format, width, height, action count, actions, then the file.
/// The file loads and draws cleanly at that size, and again after each
/// action.
pub fn render_case(data: &[u8]) -> Checked {
    let [pick, w, h, n, rest @ ..] = data else {
        return Ok(());
    };
    let n = (*n as usize % 12).min(rest.len());
    let (acts, file) = rest.split_at(n);
    let Some(o) = load(file, NAMES[*pick as usize % NAMES.len()])? else {
        return Ok(());
    };
    let mut app = app_on(o, u16::from(*w % 160), u16::from(*h % 60));
    check_buffer(&frame(&app)).map_err(|e| format!("at first draw: {e}"))?;
    for &b in acts {
        let e = event_of(b, app.size());
        let shown = format!("{e:?}");
        app.handle(e);
        app.settle();
        check_buffer(&frame(&app)).map_err(|e| format!("after {shown}: {e}"))?;
    }
    Ok(())
}

/// Keys the find input sees besides pasted text: editing, choosing,
/// history, scope, and the keys that leave it.
const FIND_KEYS: [&str; 16] = [
    "Backspace",
    "Delete",
    "Left",
    "Right",
    "Home",
    "End",
    "Up",
    "Down",
    "Ctrl-u",
    "Ctrl-t",
    "Ctrl-n",
    "Ctrl-p",
    "Space",
    "Enter",
    "Esc",
    "/",
];

/// A pasted char as the terminal delivers it without bracketed paste: a
/// line break is Enter, a tab Tab, ESC the Esc key, anything else itself.
fn pasted_key(c: char) -> Key {
    match c {
        '\n' | '\r' => Key::parse("Enter").expect("valid key"),
        '\t' => Key::parse("Tab").expect("valid key"),
        '\u{1b}' => Key::parse("Esc").expect("valid key"),
        ' ' => Key::parse("Space").expect("valid key"),
        c => Key::ch(c),
    }
}

/// Bytes: width, height, then events on the seeds with the find pane open.
/// An event byte below 64 presses one of `FIND_KEYS`; one above pastes: the
/// next two bytes give its length (up to 64 K chars), then a count byte and
/// that many bytes of text, three bytes a char (any char at all), cycled. After each event the screen is
/// printable and full width and the query stays within its limit; at the
/// end, Esc (a few times at most: an overlay first) closes find.
pub fn find_case(data: &[u8]) -> Checked {
    let [w, h, events @ ..] = data else {
        return Ok(());
    };
    let mut app = app_on(
        talktree::outline::load_seeds(),
        20 + u16::from(*w % 140),
        8 + u16::from(*h % 50),
    );
    app.handle(Event::Key(Key::parse("/").expect("valid key")));
    let mut i = 0;
    while i < events.len() {
        let b = events[i];
        i += 1;
        if b < 64 {
            app.handle(Event::Key(
                Key::parse(FIND_KEYS[b as usize % FIND_KEYS.len()]).expect("valid key"),
            ));
        } else {
            // Length (two bytes), then the text: a count byte and that many bytes.
            let len = events
                .get(i..i + 2)
                .map_or(0, |l| usize::from(u16::from_le_bytes([l[0], l[1]])));
            let n = events.get(i + 2).map_or(0, |&n| usize::from(n));
            let text = events.get(i + 3..(i + 3 + n).min(events.len())).unwrap_or_default();
            i += 3 + n;
            let text = if text.is_empty() { &b"x"[..] } else { text };
            let chars = text.chunks(3).map(|c| {
                let n = c.iter().fold(0u32, |n, &b| n << 8 | u32::from(b)) % 0x11_0000;
                char::from_u32(n).unwrap_or('\u{FFFD}')
            });
            for c in chars.cycle().take(len) {
                app.handle(Event::Key(pasted_key(c)));
            }
        }
        app.settle();
        let query = app.find().query();
        if query.len() > talktree::app::find::MAX_QUERY_BYTES {
            return Err(format!("query of {} bytes past the limit", query.len()));
        }
        check_buffer(&frame(&app)).map_err(|e| format!("after event {b} (query {query:?}): {e}"))?;
    }
    for _ in 0..4 {
        if !app.find().open {
            return Ok(());
        }
        app.handle(Event::Key(Key::parse("Esc").expect("valid key")));
    }
    Err("Esc did not close the find pane".into())
}
