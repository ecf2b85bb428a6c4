//! Issue 21 items 1, 2 and 9 end to end, in a pseudo-terminal: the editor
//! gets the terminal and gives it back, and files edited under a running
//! reader are read again with folds, selection and bookmarks in place.

mod common;

use common::pty::Pty;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const TALKS: &str = "# DevOpsDays 2024

## Keynote: Observability (Jane Doe)
- logs are not enough
- traces tie requests together
  - sampling matters
- metrics for the big picture

## Riemann in production (Bob Smith)
- stream processing of events
- alerting on absence of events
";

/// Lines inserted above everything the tests select and fold.
const INSERTED: &str = "## Lightning talks
- one
- two
- three

";

fn with_inserted(text: &str) -> String {
    let at = text.find("## Keynote").unwrap();
    format!("{}{INSERTED}{}", &text[..at], &text[at..])
}

fn notes(dir: &Path) -> PathBuf {
    let p = dir.join("talks.md");
    std::fs::write(&p, TALKS).unwrap();
    p
}

fn wait_until(what: &str, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(30));
    }
}

/// The screen row that shows `text`.
fn row_with<'a>(screen: &'a str, text: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no row shows {text:?}:\n{screen}"))
}

#[test]
fn the_editor_gets_the_terminal_at_the_line_and_the_file_is_reloaded() {
    let dir = tempfile::tempdir().unwrap();
    let file = notes(dir.path());
    let argv = dir.path().join("argv");
    // A fake editor: records its arguments and the terminal it was given,
    // then inserts a talk above the others, as a person would.
    let script = dir.path().join("fake-editor");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > {argv}.tmp\nstty -a >> {argv}.tmp 2>&1\n\
             for last; do :; done\n\
             {{ head -n 2 \"$last\"; printf '{inserted}'; tail -n +3 \"$last\"; }} > \"$last.new\" && mv \"$last.new\" \"$last\"\n\
             mv {argv}.tmp {argv}\n",
            argv = argv.display(),
            inserted = INSERTED.replace('\n', "\\n"),
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let mut t = Pty::spawn(
        &[file.to_str().unwrap()],
        100,
        30,
        &[("VISUAL", script.to_str().unwrap()), ("EDITOR", "false")],
    );
    t.wait_for("Riemann in production");
    // To "traces tie requests together" (line 5): open the keynote, step in.
    t.send("j");
    t.send("l");
    t.send("j");
    t.send("j");
    t.wait_for("sampling matters");
    t.send("e");
    wait_until("the editor to run", || argv.exists());
    let said = std::fs::read_to_string(&argv).unwrap();
    let mut lines = said.lines();
    assert_eq!(lines.next(), Some("+5"), "{said}");
    assert_eq!(
        lines.next().map(Path::new),
        Some(std::fs::canonicalize(&file).unwrap().as_path())
    );
    // The editor had the terminal as a shell leaves it: not raw.
    let stty: String = lines.collect::<Vec<_>>().join(" ");
    assert!(stty.contains(" icanon") && stty.contains(" echo"), "{stty}");
    // Back in the reader, redrawn, with the file read again.
    let screen = t.wait_for("reloaded talks.md: 1 talk and 3 notes added");
    assert!(screen.contains("Lightning talks"), "{screen}");
    assert!(screen.contains("Outline"), "redrawn: {screen}");
    // Still on the same note, now four lines further down.
    let selected = t.settle();
    assert!(
        row_with(&selected, "traces tie requests").contains("traces"),
        "{selected}"
    );
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn a_missing_editor_is_named_and_the_reader_carries_on() {
    let dir = tempfile::tempdir().unwrap();
    let file = notes(dir.path());
    let mut t = Pty::spawn(
        &[file.to_str().unwrap()],
        100,
        30,
        &[("VISUAL", "/nonexistent/editor-xyz")],
    );
    t.wait_for("Riemann in production");
    t.send("e");
    let screen = t.wait_for("no editor");
    assert!(screen.contains("$EDITOR"), "{screen}");
    t.send("j");
    t.wait_for("Keynote");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn edits_under_a_running_reader_keep_folds_selection_and_bookmarks() {
    let dir = tempfile::tempdir().unwrap();
    let file = notes(dir.path());
    let mut t = Pty::spawn(&[file.to_str().unwrap()], 100, 30, &[]);
    t.wait_for("Riemann in production");
    // Open the keynote, go to "sampling matters" under "traces", bookmark it.
    t.send("j");
    t.send("l");
    t.send("j");
    t.send("j");
    t.send("l");
    t.send("j");
    t.send("m");
    let before = t.wait_for("★");
    assert!(row_with(&before, "★").contains("sampling matters"), "{before}");
    std::fs::write(&file, with_inserted(TALKS)).unwrap();
    let after = t.wait_for("reloaded talks.md");
    assert!(after.contains("1 talk and 3 notes added"), "{after}");
    let after = t.settle();
    // The new talk is there, folded as the outline's level shows it...
    assert!(row_with(&after, "Lightning talks").contains('▸'), "{after}");
    // ...the keynote and "traces" still open, the bookmark on its note.
    assert!(row_with(&after, "Keynote").contains('▾'), "{after}");
    assert!(row_with(&after, "traces tie").contains('▾'), "{after}");
    assert!(row_with(&after, "★").contains("sampling matters"), "{after}");
    // The selection is still there: m removes that same bookmark.
    t.send("m");
    wait_until("the bookmark to go", || !t.screen().contains('★'));
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_file_gone_stays_shown_and_marked_until_it_returns() {
    let dir = tempfile::tempdir().unwrap();
    let file = notes(dir.path());
    let mut t = Pty::spawn(&[dir.path().to_str().unwrap()], 100, 30, &[]);
    t.wait_for("Riemann in production");
    std::fs::rename(&file, dir.path().join("elsewhere.bak")).unwrap();
    let gone = t.wait_for("is gone");
    assert!(row_with(&gone, "DevOpsDays").contains("gone"), "{gone}");
    assert!(gone.contains("Riemann in production"), "still shown: {gone}");
    // A binary file in its place: the last good version stays, marked stale.
    std::fs::write(&file, b"\0\0\0binary\0").unwrap();
    let stale = t.wait_for("could not reload");
    assert!(row_with(&stale, "DevOpsDays").contains("stale"), "{stale}");
    std::fs::write(&file, with_inserted(TALKS)).unwrap();
    let back = t.wait_for("back again");
    assert!(!row_with(&back, "DevOpsDays").contains("stale"), "{back}");
    assert!(back.contains("Lightning talks"), "{back}");
    // A new notes file in the folder joins the outline.
    std::fs::write(dir.path().join("more.md"), "# Later\n## A new talk\n- a note\n").unwrap();
    let added = t.wait_for("added more.md");
    assert!(added.contains("Later"), "{added}");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn bundled_notes_offer_a_copy_and_the_copy_is_never_written_over_a_file() {
    let cwd = tempfile::tempdir().unwrap();
    let mut t = Pty::spawn_program(
        "/bin/sh",
        &[
            "-c",
            &format!("cd {} && exec {}", cwd.path().display(), env!("CARGO_BIN_EXE_talktree")),
        ],
        140,
        30,
        &[],
    );
    t.wait_for("talktree ·");
    t.send("e");
    let offer = t.wait_for("bundled notes are read-only");
    assert!(offer.contains("W writes a copy"), "{offer}");
    t.send("W");
    t.wait_for("opens it, to edit and keep");
    let names = || -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(cwd.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    assert_eq!(names().len(), 1);
    let first = cwd.path().join(&names()[0]);
    std::fs::write(&first, "mine").unwrap();
    t.send("W");
    wait_until("a second copy", || names().len() == 2);
    assert_eq!(std::fs::read_to_string(&first).unwrap(), "mine", "not written over");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}
