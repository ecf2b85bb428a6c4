//! The state file as the real binary treats it (issue 22, items 9, 11, 15):
//! a busy lock at quit, printing modes that must not touch it, special
//! files where the state or config should be, and paths that are not
//! UTF-8 or longer than PATH_MAX.

mod common;
use common::pty::Pty;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_talktree");

/// Runs talktree with its state in `state` and no user config, giving up
/// (and failing) after 20 s: a hang is what some of these tests guard.
fn run(state: &Path, args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let home = state.parent().unwrap();
    let mut child = Command::new(BIN)
        .args(args)
        .env("TALKTREE_STATE_DIR", state)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("HOME", home)
        .env_remove("TALKTREE_CONFIG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("talktree {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
    (out.status.code().unwrap_or(-1), text(out.stdout), text(out.stderr))
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

fn notes(dir: &Path) -> std::path::PathBuf {
    let p = dir.join("talks.md");
    std::fs::write(&p, "# A talk\n- a point\n").unwrap();
    p
}

/// Issue 22 item 9: with another run holding state.lock, `m` `q` lost the
/// bookmark without a word. Quit waits for the lock a little.
#[test]
fn quit_waits_for_a_busy_lock_and_saves() {
    let mut t = Pty::spawn(&[], 100, 30, &[]);
    t.wait_for("Outline");
    let state = t.home.path().join("state");
    std::fs::create_dir_all(&state).unwrap();
    let lock = std::fs::File::create(state.join("state.lock")).unwrap();
    lock.lock().unwrap();
    t.send("jm");
    t.wait_for("Bookmarked");
    t.send("q");
    std::thread::sleep(Duration::from_millis(500));
    lock.unlock().unwrap();
    assert_eq!(t.wait_exit(), 0);
    let saved: serde_json::Value =
        serde_json::from_str(&t.state_file().expect("saved once the lock was free")).unwrap();
    assert_eq!(saved["bookmarks"].as_array().map(Vec::len), Some(1));
}

/// ... and says so when the lock stays busy.
#[test]
fn quit_says_when_a_busy_lock_kept_it_from_saving() {
    let mut t = Pty::spawn(&[], 100, 30, &[]);
    t.wait_for("Outline");
    let state = t.home.path().join("state");
    std::fs::create_dir_all(&state).unwrap();
    let lock = std::fs::File::create(state.join("state.lock")).unwrap();
    lock.lock().unwrap();
    t.send("jmq");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
    assert!(t.screen().contains("state not saved"), "{}", t.screen());
    assert!(t.state_file().is_none());
}

/// Issue 22 item 11: `--dump` and `--search` loaded the state they never
/// use, and moved a damaged one aside.
#[test]
fn printing_modes_neither_read_nor_move_the_state() {
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("state");
    std::fs::create_dir_all(&state).unwrap();
    std::fs::write(state.join("state.json"), "{damaged").unwrap();
    let file = notes(home.path());
    for args in [
        vec![os("--dump"), file.as_os_str()],
        vec![os("--search"), os("point"), file.as_os_str()],
    ] {
        let (code, out, err) = run(&state, &args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(out.contains("a point"), "{args:?}: {out}");
        let names: Vec<_> = std::fs::read_dir(&state)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![os("state.json")], "{args:?}");
    }
    // A FIFO there is not even opened.
    std::fs::remove_file(state.join("state.json")).unwrap();
    mkfifo(&state.join("state.json"));
    let (code, _, err) = run(&state, &[os("--dump"), file.as_os_str()]);
    assert_eq!(code, 0, "{err}");
}

fn mkfifo(p: &Path) {
    let c = std::ffi::CString::new(p.as_os_str().as_bytes()).unwrap();
    // SAFETY: mkfifo on a path in our temp dir.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

/// Issue 22 item 11: a FIFO as the config (or the state) hung start-up.
#[test]
fn a_fifo_as_config_or_state_is_named_not_waited_on() {
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("state");
    std::fs::create_dir_all(&state).unwrap();
    let file = notes(home.path());
    let fifo = home.path().join("config.toml");
    mkfifo(&fifo);
    let (code, out, err) = run(
        &state,
        &[os("--dump"), os("--config"), fifo.as_os_str(), file.as_os_str()],
    );
    assert_eq!(code, 0);
    assert!(out.contains("a point"));
    assert!(err.contains("config.toml: not a regular file"), "{err}");
    let (code, _, err) = run(
        &state,
        &[os("--dump"), os("--config"), os("/dev/zero"), file.as_os_str()],
    );
    assert_eq!(code, 0);
    assert!(err.contains("not a regular file"), "{err}");

    // The reader on a FIFO state: says so, runs, and leaves it there.
    let fifo = state.join("state.json");
    mkfifo(&fifo);
    let mut t = Pty::spawn(&[], 100, 30, &[("TALKTREE_STATE_DIR", state.to_str().unwrap())]);
    t.wait_for("not a regular file");
    t.send("jq");
    assert_eq!(t.wait_exit(), 0);
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

use std::os::unix::fs::FileTypeExt;

/// Issue 22 item 15: a path that is not UTF-8 was saved lossily, so
/// `--last` asked for a file that does not exist.
#[test]
fn last_reopens_a_path_that_is_not_utf8() {
    let notes_dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9 notes.md");
    std::fs::write(notes_dir.path().join(name), "# Latin-1 talk\n- still here\n").unwrap();
    let script = format!("exec '{BIN}' \"$NOTES/$(printf 'caf\\351 notes.md')\"");
    let dir = notes_dir.path().to_str().unwrap();
    let mut t = Pty::spawn_program("/bin/sh", &["-c", &script], 100, 30, &[("NOTES", dir)]);
    t.wait_for("Latin-1 talk");
    t.send("jq");
    assert_eq!(t.wait_exit(), 0);
    let state = t.home.path().join("state");
    let (code, out, err) = run(&state, &[os("--last"), os("--dump")]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("still here"), "{out}");
}

/// Issue 22 item 15: past PATH_MAX, `talktree note.md` was remembered as
/// the bare name `note.md`, shared with every other folder's note.md.
#[test]
fn a_file_past_path_max_is_remembered_by_its_whole_path() {
    let root = tempfile::tempdir().unwrap();
    let part = "d".repeat(200);
    let mut script = String::new();
    let mut deep = root.path().to_path_buf();
    for _ in 0..25 {
        deep.push(&part);
        script.push_str(&format!("mkdir {part} && cd -P {part} && "));
    }
    assert!(deep.as_os_str().len() > libc::PATH_MAX as usize);
    script.push_str(&format!(
        "printf '# Deep talk\\n- x\\n' > note.md && exec '{BIN}' note.md"
    ));
    let cd = format!("cd '{}' && {script}", root.path().display());
    let mut t = Pty::spawn_program("/bin/sh", &["-c", &cd], 100, 30, &[]);
    t.wait_for("Deep talk");
    t.send("jq");
    assert_eq!(t.wait_exit(), 0);
    let v: serde_json::Value = serde_json::from_str(&t.state_file().expect("saved")).unwrap();
    let key = v["last_document"].as_str().unwrap();
    assert!(key.starts_with('/') && key.ends_with("/note.md"), "{key}");
    assert_eq!(key.len(), deep.join("note.md").as_os_str().len(), "{key}");
    assert_eq!(v["last_paths"][0], key);
}

/// Issue 22 item 13: 100k unknown keys took 76 s to report, all on stderr.
/// Now: numbered in one pass, the first 20 listed and the rest counted.
#[test]
fn a_config_with_many_mistakes_lists_twenty_and_counts_the_rest() {
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("state");
    let file = notes(home.path());
    let mut text = String::from("[view]\n");
    for i in 0..100_000 {
        text.push_str(&format!("unknown{i} = 1\n"));
    }
    let config = home.path().join("config.toml");
    std::fs::write(&config, text).unwrap();
    let (code, out, err) = run(
        &state,
        &[os("--dump"), os("--config"), config.as_os_str(), file.as_os_str()],
    );
    assert_eq!(code, 0);
    assert!(out.contains("a point"));
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 21, "{}", &err[..err.len().min(2000)]);
    assert!(lines[0].ends_with("config.toml:2: unknown option view.unknown0 (using the default for it)"));
    assert!(lines[19].contains("config.toml:21: unknown option view.unknown19"));
    assert_eq!(lines[20], "talktree: ... and 99980 more config mistakes");
}
