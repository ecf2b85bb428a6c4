//! Hostile file names and paths, drawn: a folder of notes whose names hold
//! OSC 52 (clipboard), OSC 0 (title), CSI, a C1 control, a newline and a
//! tab (and one name that is not UTF-8), loaded by folder and by argument,
//! shown in every screen. Every cell must be printable, and the names must
//! be there, readable, with their escapes shown as `␛`.

use crate::common::cells::check_buffer;
use crate::common::render::{app_on, arrive, frame, keys, loading_on, text};
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use talktree::outline::fs::{load, ScanOptions};
use talktree::outline::{Clean, Outline};

/// Every hostile byte a file name can hold (no NUL, no `/`).
pub const NAME: &str = "\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}]0;PWN\u{7}\u{1b}[2J\u{1b}[31mred\u{9b}1m\nnew line\ttab";

/// What a screen or a printer shows for `NAME`'s start: the escape visible.
pub const SHOWN: &str = "␛]52;c;cHduZWQ=␇␛]0;PWN␇␛[2J␛[31mred";

/// A folder holding notes under hostile names, and files that cannot be
/// loaded under hostile names (a binary, a FIFO, a dangling link), plus a
/// link out of the folder. Returns (tempdir, folder, the hostile notes file).
pub fn folder() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let x = dir.path().join("x");
    std::fs::create_dir(&x).unwrap();
    let notes = x.join(format!("{NAME}.md"));
    std::fs::write(&notes, "- a note filed under a hostile name\n- another note\n").unwrap();
    let raw = x.join(OsStr::from_bytes(b"raw \x9b\xff\x1b]0;bytes\x07.md"));
    std::fs::write(raw, "- a note under a name that is not UTF-8\n").unwrap();
    std::fs::write(x.join(format!("binary {NAME}.md")), b"ab\0cd").unwrap();
    let fifo = std::ffi::CString::new(x.join(format!("fifo {NAME}.md")).as_os_str().as_bytes()).unwrap();
    // SAFETY: mkfifo reads a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    std::os::unix::fs::symlink(x.join("nowhere"), x.join(format!("dangling {NAME}.md"))).unwrap();
    std::os::unix::fs::symlink("/", x.join(format!("root {NAME}"))).unwrap();
    (dir, x, notes)
}

fn loaded(paths: &[PathBuf]) -> (Outline, Vec<Clean>) {
    let r = load(paths, &ScanOptions::default());
    (r.outline, r.errors.iter().map(|e| Clean::from(e.to_string())).collect())
}

fn screen_text(o: Outline, ks: &str, (w, h): (u16, u16)) -> String {
    let mut a = app_on(o, w, h);
    keys(&mut a, ks);
    let b = frame(&a);
    if let Err(e) = check_buffer(&b) {
        panic!("{w}x{h} after {ks:?}: {e}\n{}", text(&b));
    }
    text(&b)
}

const SIZES: [(u16, u16); 3] = [(60, 16), (100, 30), (150, 45)];

#[test]
fn a_folder_of_hostile_names_loads_and_names_what_it_cannot_read() {
    let (_dir, x, _) = folder();
    let (o, errors) = loaded(&[x]);
    assert_eq!(
        o.docs().len(),
        2,
        "the two notes files; the link out of the folder is not followed"
    );
    let titles: Vec<&str> = o.documents().map(|d| o.text(d)).collect();
    assert!(titles.iter().any(|t| t.starts_with(SHOWN)), "{titles:?}");
    assert!(
        titles.iter().any(|t| t.starts_with("raw \u{FFFD}\u{FFFD}␛]0;bytes␇")),
        "{titles:?}"
    );
    for d in o.docs() {
        assert!(
            Clean::is_clean(&d.source) && Clean::is_clean(o.text(d.node)),
            "{:?}",
            d.source
        );
    }
    assert_eq!(errors.len(), 3, "binary, FIFO and dangling link: {errors:?}");
    for (what, why) in [
        ("binary", "binary"),
        ("fifo", "not a regular file"),
        ("dangling", "symlink to nothing"),
    ] {
        let e = errors.iter().find(|e| e.contains(&format!("{what} {SHOWN}")));
        assert!(e.is_some_and(|e| e.contains(why)), "{what}: {errors:?}");
    }
}

#[test]
fn hostile_names_drawn_in_every_screen_of_a_folder_are_clean() {
    let (_dir, x, _) = folder();
    for size in SIZES {
        let o = || loaded(std::slice::from_ref(&x)).0;
        // The file's own row: the detail pane shows where it came from.
        let s = screen_text(o(), "", size);
        assert!(s.contains("␛]52;c;"), "{s}");
        screen_text(o(), "j", size);
        screen_text(o(), "9 G", size);
        // Find: results name their file in the breadcrumb.
        let s = screen_text(o(), "/ h o s t i l e", size);
        assert!(s.contains("hostile name"), "{s}");
        screen_text(o(), "/ n o t e Down Enter", size);
        screen_text(o(), "j m ' ", size);
        screen_text(o(), "j m } j m '", size);
        screen_text(o(), "?", size);
    }
}

#[test]
fn a_hostile_name_given_as_an_argument_is_drawn_clean() {
    let (_dir, _, notes) = folder();
    for size in SIZES {
        let s = screen_text(loaded(std::slice::from_ref(&notes)).0, "", size);
        assert!(s.contains("␛]52") || size.0 < 80, "{s}");
        screen_text(loaded(std::slice::from_ref(&notes)).0, "/ n o t e", size);
    }
}

/// The loading screen names the paths asked for; the empty screen names
/// them again with why each failed.
#[test]
fn loading_and_empty_screens_name_hostile_paths_clean() {
    let (_dir, x, notes) = folder();
    let missing = x.join(format!("missing {NAME}.md"));
    let asked = [
        notes.clone(),
        missing.clone(),
        PathBuf::from(OsStr::from_bytes(b"/tmp/\x9b\x1b]0;t\x07")),
    ];
    let (_, problems) = loaded(&asked);
    for (loading, size) in [
        (true, (100, 30)),
        (false, (100, 30)),
        (true, (60, 16)),
        (false, (150, 45)),
    ] {
        let mut a = loading_on(asked.iter().map(|p| Clean::path(p)).collect(), size.0, size.1);
        if loading {
            keys(&mut a, "/ n o t e");
        } else {
            arrive(&mut a, Outline::new(), problems.clone());
        }
        let b = frame(&a);
        if let Err(e) = check_buffer(&b) {
            panic!("loading {loading} at {size:?}: {e}\n{}", text(&b));
        }
        let s = text(&b);
        assert!(s.contains("␛]52") && s.contains('\u{FFFD}'), "{s}");
        if !loading {
            assert!(s.contains("no such file"), "{s}");
        }
    }
}

/// Text held as plain strings in the state file (history, bookmark labels
/// and paths) is cleaned where it is shown.
#[test]
fn state_strings_are_drawn_clean() {
    // As the state file would give them.
    let remembered = talktree::state::State {
        find_history: vec![format!("{NAME} riemann"), NAME.to_string()],
        bookmarks: vec![talktree::state::Bookmark {
            doc: Path::new("/notes").join(NAME).display().to_string(),
            path: Vec::new(),
            label: NAME.to_string(),
            title: NAME.to_string(),
            extra: Default::default(),
        }],
        ..Default::default()
    };
    let mut a = app_on(talktree::outline::load_seeds(), 100, 30);
    a.restore(&remembered);
    for ks in ["/ Up", "/ Up Up", "/ Up Up Down", "'"] {
        let mut a2 = app_on(talktree::outline::load_seeds(), 100, 30);
        a2.restore(&remembered);
        keys(&mut a2, ks);
        let b = frame(&a2);
        if let Err(e) = check_buffer(&b) {
            panic!("after {ks:?}: {e}\n{}", text(&b));
        }
        assert!(text(&b).contains("␛]52"), "after {ks:?}:\n{}", text(&b));
    }
    keys(&mut a, "/ Up");
    assert!(a.find().query().starts_with(SHOWN), "{:?}", a.find().query());
    keys(&mut a, "Up");
    assert!(
        a.find().query().starts_with(SHOWN),
        "Up walks on: {:?}",
        a.find().query()
    );
}
