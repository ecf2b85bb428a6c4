//! Hostile file names through the real binary, checked on the raw bytes it
//! writes: every printing mode (stdout and stderr), and the reader in a
//! pseudo-terminal, with the names loaded by folder, by argument and from
//! the state's last paths, and held in the state (history, bookmarks). No
//! ESC, BEL or C1 control from a name may reach either stream.

use super::names::{folder, NAME, SHOWN};
use crate::common::pty::Pty;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn run(args: &[&std::ffi::OsStr], state: &Path, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_talktree"));
    cmd.args(args)
        .env("TALKTREE_STATE_DIR", state)
        .env_remove("TALKTREE_CONFIG")
        .env("XDG_CONFIG_HOME", state.join("no-config"))
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

/// The start of some output, for a failure message: a scan that walked out
/// of its folder prints the whole file system.
fn head(s: &str) -> &str {
    &s[..s.char_indices().nth(3000).map_or(s.len(), |(i, _)| i)]
}

/// Printed text a terminal could act on: the stream must be UTF-8 (a lone
/// byte 0x80-0x9F is a C1 control to an 8-bit terminal) with no control
/// character but the line breaks and, in `--search`, the column tabs.
fn assert_inert(what: &str, bytes: &[u8], tabs: bool) {
    let s = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8 ({e})"));
    if let Some(c) = s.chars().find(|&c| c.is_control() && c != '\n' && !(tabs && c == '\t')) {
        panic!("{what}: control {c:?} in:\n{}", head(s));
    }
}

/// Each printing mode, on the folder and on the hostile file named as an
/// argument: stdout and stderr inert, --dump text one node a line, --search
/// three columns a line, JSON that parses, the names shown with `␛`.
#[test]
fn every_printing_mode_writes_hostile_names_inert() {
    let (dir, x, notes) = folder();
    let state = dir.path().join("state");
    for target in [x.as_os_str(), notes.as_os_str()] {
        let modes: [&[&str]; 10] = [
            &["--dump"],
            &["--dump", "--format", "json"],
            &["--search", "note"],
            &["--search", "note", "--limit", "all"],
            &["--search", "note", "--format", "grep"],
            &["--search", "note", "--format", "json"],
            &["--export"],
            &["--export", "--format", "org"],
            &["--export", "--format", "json"],
            &[],
        ];
        for mode in modes {
            let mut args: Vec<&std::ffi::OsStr> = mode.iter().map(|a| a.as_ref()).collect();
            args.push(target);
            let out = run(&args, &state, &[]);
            let what = format!("{mode:?} {}", Path::new(target).display());
            let search = mode.first() == Some(&"--search");
            let tsv = search && !mode.contains(&"--format");
            assert_inert(&format!("{what}: stdout"), &out.stdout, tsv);
            assert_inert(&format!("{what}: stderr"), &out.stderr, false);
            let stdout = String::from_utf8(out.stdout).unwrap();
            // Markdown escapes the name's brackets.
            let unescaped = stdout.replace('\\', "");
            assert!(
                unescaped.contains(SHOWN),
                "{what}: the name, visibly:\n{}",
                head(&stdout)
            );
            if search && mode.contains(&"grep") {
                for l in stdout.lines() {
                    let f: Vec<&str> = l.splitn(4, ':').collect();
                    assert!(
                        f.len() == 4 && f[1].parse::<u32>().is_ok() && f[2].parse::<u32>().is_ok(),
                        "{what}: PATH:LINE:COL: in {l:?}"
                    );
                    assert!(f[3].starts_with(' ') && f[0].contains("␛]0;"), "{what}: {l:?}");
                }
            } else if search && mode.contains(&"json") {
                for l in stdout.lines() {
                    let v: serde_json::Value = serde_json::from_str(l).unwrap();
                    assert!(v["path"].as_str().unwrap().contains("␛]0;"), "{what}: {l}");
                }
            } else if mode.contains(&"--export") {
                if mode.contains(&"json") {
                    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
                    assert!(v["documents"][0]["source"].as_str().unwrap().contains("␛]0;"), "{what}");
                }
            } else if search {
                assert!(
                    stdout.lines().all(|l| l.split('\t').count() == 3),
                    "{what}: columns\n{}",
                    head(&stdout)
                );
            } else if mode.contains(&"json") {
                let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
                assert!(v["documents"][0]["source"].as_str().unwrap().contains("␛]0;PWN␇"));
            } else {
                let kinds = [
                    "document ",
                    "warning: ",
                    "group ",
                    "session ",
                    "heading ",
                    "bullet ",
                    "paragraph ",
                    "code ",
                ];
                let bad = stdout
                    .lines()
                    .find(|l| !l.is_empty() && !kinds.iter().any(|k| l.trim_start().starts_with(k)));
                assert!(
                    bad.is_none(),
                    "{what}: a name broke the one-node-a-line text at {bad:?}\n{}",
                    head(&stdout)
                );
            }
            if target == x.as_os_str() {
                let stderr = String::from_utf8(out.stderr).unwrap();
                for named in ["binary ␛]52", "fifo ␛]52", "dangling ␛]52"] {
                    assert!(stderr.contains(named), "{what}: {named} on stderr:\n{}", head(&stderr));
                }
                assert_eq!(out.status.code(), Some(1), "{what}: files could not be loaded");
            }
        }
    }
}

/// Arguments that are not paths: clap quotes them in its usage errors, the
/// config path is printed by --print-config, a missing path is named.
#[test]
fn arguments_config_paths_and_missing_files_are_printed_inert() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let hostile_config = dir.path().join(format!("{NAME}.toml"));
    std::fs::write(
        &hostile_config,
        format!("[keys.outline]\n\"{}\" = [\"j\"]\n", NAME.escape_default()),
    )
    .unwrap();
    let config = hostile_config.to_str().unwrap();
    let missing = dir.path().join(format!("missing {NAME}.md"));
    let flag = format!("--{NAME}");
    type Case<'a> = (Vec<&'a std::ffi::OsStr>, Vec<(&'a str, &'a str)>);
    let cases: Vec<Case> = vec![
        (
            vec!["--search".as_ref(), "q".as_ref(), "--limit".as_ref(), NAME.as_ref()],
            vec![],
        ),
        (vec![flag.as_ref()], vec![]),
        (vec!["--print-config".as_ref()], vec![("TALKTREE_CONFIG", config)]),
        (vec!["--dump".as_ref(), missing.as_os_str()], vec![]),
        (
            vec!["--dump".as_ref(), "--config".as_ref(), hostile_config.as_os_str()],
            vec![],
        ),
    ];
    for (args, env) in cases {
        let out = run(&args, &state, &env);
        assert_inert(&format!("{args:?}: stdout"), &out.stdout, false);
        assert_inert(&format!("{args:?}: stderr"), &out.stderr, false);
    }
}

/// What a terminal receives from the reader: its own drawing is CSI
/// sequences only, so any OSC, DCS, BEL or C1 came from a name.
fn assert_pty_inert(t: &Pty, what: &str) {
    let raw = t.raw.lock().unwrap().clone();
    let s = String::from_utf8_lossy(&raw);
    assert!(
        !s.contains('\u{FFFD}') || std::str::from_utf8(&raw).is_ok(),
        "{what}: bytes that are not UTF-8"
    );
    for (at, _) in s.match_indices('\u{1b}') {
        let next = s[at + 1..].chars().next();
        assert_eq!(
            next,
            Some('['),
            "{what}: ESC {next:?} at byte {at}: {:?}",
            &s[at..(at + 40).min(s.len())]
        );
    }
    assert!(
        !s.contains("\u{1b}[31mred"),
        "{what}: the name's CSI reached the terminal"
    );
    assert!(
        !s.chars().any(|c| c == '\u{7}' || ('\u{80}'..='\u{9f}').contains(&c)),
        "{what}: BEL or C1"
    );
    let p = t.parser.lock().unwrap();
    assert_eq!(p.screen().title(), "", "{what}: the window title was set");
}

fn spawn(args: &[&str], state: &Path) -> Pty {
    let state = state.to_str().unwrap();
    Pty::spawn(args, 110, 32, &[("TALKTREE_STATE_DIR", state)])
}

/// The reader on the folder: the outline, the file row's detail, find
/// results, a bookmark, the list of bookmarks, help; then the problems
/// printed on stderr once the terminal is back.
#[test]
fn the_reader_on_a_folder_of_hostile_names_writes_them_inert() {
    let (dir, x, _) = folder();
    let mut t = spawn(&[x.to_str().unwrap()], &dir.path().join("state"));
    t.wait_for("Outline");
    t.wait_for("␛]52;c;");
    // Esc alone, then a pause: Esc and the next key read together are Alt-key.
    for (keys, expect) in [
        ("j", "hostile"),
        ("/note", " of "),
        ("\u{1b}", "Outline"),
        ("m'", "Bookmarks"),
        ("\u{1b}", "Outline"),
        ("?", "Keys"),
        ("\u{1b}", "Outline"),
    ] {
        t.send(keys);
        t.wait_for(expect);
        t.settle();
    }
    t.send("q");
    assert_eq!(t.wait_exit(), 1, "some files could not be loaded");
    t.assert_restored();
    assert!(t.screen().contains("fifo ␛]52"), "problems on stderr:\n{}", t.screen());
    assert_pty_inert(&t, "folder");
}

/// The hostile file as an argument (the loading screen names it), then
/// reopened from the state's last paths with --last, and named on the
/// bundled notes' status line.
#[test]
fn a_hostile_path_given_then_reopened_from_state_is_inert() {
    let (dir, _, notes) = folder();
    let state = dir.path().join("state");
    let mut t = spawn(&[notes.to_str().unwrap()], &state);
    t.wait_for("a note filed");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    assert_pty_inert(&t, "argument");
    let saved = std::fs::read_to_string(state.join("state.json")).unwrap();
    assert!(saved.contains("\\u001b]52"), "the path is remembered as it is: {saved}");
    let mut t = spawn(&["--last"], &state);
    t.wait_for("a note filed");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    assert_pty_inert(&t, "--last");
    let mut t = spawn(&[], &state);
    t.wait_for("--last reopens");
    t.send("q");
    t.wait_exit();
    assert_pty_inert(&t, "bundled notes, last paths on the status line");
    let out = run(&["--last".as_ref(), "--dump".as_ref()], &state, &[]);
    assert_inert("--last --dump", &out.stdout, false);
    assert!(String::from_utf8(out.stdout).unwrap().contains(SHOWN));
}

/// Nothing loaded: the empty screen's "Asked for:" and its reasons.
#[test]
fn the_empty_screen_names_hostile_paths_inert() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join(format!("missing {NAME}.md"));
    let mut t = spawn(&[missing.to_str().unwrap()], &dir.path().join("state"));
    t.wait_for("Asked for");
    t.wait_for("no such file");
    t.send("q");
    t.wait_exit();
    assert_pty_inert(&t, "empty screen");
}

/// Find history and bookmarks read from the state file: recalled with Up,
/// listed with '.
#[test]
fn history_and_bookmarks_from_the_state_file_are_inert() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    std::fs::create_dir_all(&state).unwrap();
    let doc = format!("/notes/{NAME}.md");
    let json = serde_json::json!({
        "version": 1,
        "find_history": [format!("{NAME} riemann")],
        "bookmarks": [{"doc": doc, "path": [], "label": NAME}],
    });
    std::fs::write(state.join("state.json"), json.to_string()).unwrap();
    let mut t = spawn(&[], &state);
    t.wait_for("Outline");
    t.send("/");
    t.wait_for("Find in");
    t.send("\u{1b}[A");
    t.wait_for("␛]52;c;");
    t.send("\u{1b}");
    t.settle();
    t.send("'");
    t.wait_for("file not open");
    t.send("\u{1b}");
    t.settle();
    t.send("q");
    t.wait_exit();
    assert_pty_inert(&t, "state strings");
}
