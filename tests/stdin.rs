//! Notes from standard input (`curl URL | talktree -`): printed, searched
//! and read in the reader, which then takes its keys from the terminal
//! while standard input is a pipe or a file.

mod common;
use common::pty::Pty;
use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Untitled notes (no heading over the talks) so the title comes from them.
const NOTES: &str = "## Riemann in production (Ann Lee)\n\
- is anyone using riemann?\n\
- events and metrics in one stream\n\
\n\
## Graphite at scale (Bo Ng)\n\
- whisper files on SSDs\n\
\n\
## Closing keynote (Cy Po)\n\
- thanks\n";

const TITLE: &str = "Riemann in production (Ann Lee) and 2 more talks";

/// Runs the binary with `input` written to its standard input (a pipe).
fn piped(args: &[&str], input: &[u8]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_talktree"))
        .args(args)
        .env("TALKTREE_STATE_DIR", dir.path().join("state"))
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env_remove("TALKTREE_CONFIG")
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // Written from a thread: the child may stop reading (too large) while
    // its stdout fills.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn a_dash_or_dev_stdin_reads_the_notes_piped_in() {
    for path in ["-", "/dev/stdin"] {
        let out = piped(&["--dump", path], NOTES.as_bytes());
        assert_eq!(out.status.code(), Some(0), "{path}: {}", stderr(&out));
        let s = stdout(&out);
        assert!(
            s.starts_with(&format!("document {TITLE} [markdown, <stdin>]\n")),
            "{path}: {s}"
        );
        assert!(s.contains("  session Graphite at scale (Bo Ng)\n    bullet whisper files on SSDs\n"));
    }
}

#[test]
fn stdin_keeps_its_place_among_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.md"), dir.path().join("b.md"));
    std::fs::write(&a, "# File A\n## T\n- x\n").unwrap();
    std::fs::write(&b, "# File B\n## U\n- y\n").unwrap();
    let out = piped(
        &["--dump", a.to_str().unwrap(), "-", b.to_str().unwrap()],
        NOTES.as_bytes(),
    );
    let docs: Vec<String> = stdout(&out)
        .lines()
        .filter_map(|l| l.strip_prefix("document "))
        .map(|l| l.split(" [").next().unwrap().to_string())
        .collect();
    assert_eq!(docs, ["File A", TITLE, "File B"]);
}

#[test]
fn stdin_is_searched_with_columns_as_a_file_is() {
    let out = piped(&["--search", "riemann", "--format", "grep", "-"], NOTES.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines: Vec<&str> = NOTES.split('\n').collect();
    let s = stdout(&out);
    assert_eq!(s.lines().count(), 2, "{s}");
    for l in s.lines() {
        let f: Vec<&str> = l.splitn(4, ':').collect();
        assert_eq!(f[0], "<stdin>", "{l}");
        let (line, col): (usize, usize) = (f[1].parse().unwrap(), f[2].parse().unwrap());
        assert!(lines[line - 1][col - 1..].to_lowercase().starts_with("riemann"), "{l}");
        assert!(f[3].starts_with(&format!(" {TITLE} › ")), "{l}");
    }
    let out = piped(&["--search", "riemann", "--format", "json", "-"], NOTES.as_bytes());
    let v: serde_json::Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    assert_eq!(v["path"], "<stdin>");
    assert_eq!(v["breadcrumb"][0], TITLE);
    let out = piped(&["--search", "zqxzqx", "-"], NOTES.as_bytes());
    assert_eq!(out.status.code(), Some(1), "no hit is exit status 1");
}

/// A file redirected in is standard input when named through /dev/stdin,
/// and stays itself when named by its own path.
#[test]
fn a_file_redirected_in_is_stdin_only_through_dev_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("talks.md");
    std::fs::write(&notes, NOTES).unwrap();
    for (path, source) in [
        ("/dev/stdin", "<stdin>"),
        (notes.to_str().unwrap(), notes.to_str().unwrap()),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_talktree"))
            .args(["--dump", path])
            .stdin(std::fs::File::open(&notes).unwrap())
            .output()
            .unwrap();
        let first = stdout(&out).lines().next().unwrap_or_default().to_string();
        assert!(first.ends_with(&format!(", {source}]")), "{path}: {first}");
    }
}

#[test]
fn stdin_named_twice_is_read_once_and_said() {
    let out = piped(&["--dump", "-", "/dev/stdin"], NOTES.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out).matches("document ").count(), 1);
    assert!(stderr(&out).contains("/dev/stdin: named twice"), "{}", stderr(&out));
}

#[test]
fn stdin_over_the_size_limit_or_binary_is_refused_with_the_reason() {
    let big = vec![b'x'; (64 << 20) + 1];
    let out = piped(&["--dump", "-"], &big);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("<stdin>: too large"), "{}", stderr(&out));
    let out = piped(&["--dump", "-"], b"ab\0cd");
    assert!(
        stderr(&out).contains("<stdin>: looks like a binary file"),
        "{}",
        stderr(&out)
    );
}

/// Another FIFO named on the command line is still refused: reading it
/// could wait forever on a writer that never comes.
#[test]
fn a_fifo_that_is_not_stdin_is_still_refused() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.md");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo reads a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let out = piped(&["--dump", fifo.to_str().unwrap()], NOTES.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not a regular file"), "{}", stderr(&out));
}

/// `talktree PATH` inside a pseudo-terminal, its standard input the notes:
/// from a file (`< notes.md`), or a pipe (a FIFO the test writes them into,
/// so that the program is the pty's child itself, not a shell's pipeline).
fn reader_on_stdin(pipe: bool, path: &str) -> (Pty, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes");
    if pipe {
        let c = std::ffi::CString::new(notes.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo reads a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let fifo = notes.clone();
        // Opening blocks until the shell opens the other end.
        std::thread::spawn(move || std::fs::write(fifo, NOTES));
    } else {
        std::fs::write(&notes, NOTES).unwrap();
    }
    let args = [
        "-c",
        "exec \"$0\" \"$2\" < \"$1\"",
        env!("CARGO_BIN_EXE_talktree"),
        notes.to_str().unwrap(),
        path,
    ];
    (Pty::spawn_program("/bin/sh", &args, 100, 30, &[]), dir)
}

#[test]
fn the_reader_on_piped_notes_takes_keys_from_the_terminal() {
    for (pipe, path) in [(true, "-"), (false, "-"), (true, "/dev/stdin"), (false, "/dev/stdin")] {
        let what = format!("pipe {pipe}, {path}");
        let (mut t, _dir) = reader_on_stdin(pipe, path);
        t.wait_for(TITLE);
        // The notes were moved off descriptor 0 and the terminal put there.
        #[cfg(target_os = "linux")]
        {
            let fd0 = std::fs::read_link(format!("/proc/{}/fd/0", t.pid())).unwrap();
            assert!(
                fd0.starts_with("/dev/pts") || fd0.starts_with("/dev/tty"),
                "{what}: {fd0:?}"
            );
        }
        t.send("/whisper");
        t.wait_for("1 of 1");
        t.send("\r");
        let screen = t.wait_for("hits for \"whisper\"");
        assert!(screen.contains("Graphite at scale (Bo Ng)"), "{what}: {screen}");
        t.send("q");
        assert_eq!(t.wait_exit(), 0, "{what}");
        t.assert_restored();
        // Piped notes are not offered again by --last.
        let state = t.state_file().unwrap_or_default();
        assert!(
            !state.contains("\"-\"") && !state.contains("/dev/stdin"),
            "{what}: {state}"
        );
    }
}

/// Standard input that is not the terminal and holds no notes (a script's
/// `< /dev/null`) is set aside too: keys still come from the terminal.
#[test]
fn the_reader_with_stdin_elsewhere_still_takes_keys_from_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    // Named by a hash: titled from its talks, as from stdin.
    let notes = dir.path().join("9bddaddb8d0d360c.md");
    std::fs::write(&notes, NOTES).unwrap();
    let args = [
        "-c",
        "exec \"$0\" \"$1\" < /dev/null",
        env!("CARGO_BIN_EXE_talktree"),
        notes.to_str().unwrap(),
    ];
    let mut t = Pty::spawn_program("/bin/sh", &args, 100, 30, &[]);
    t.wait_for(TITLE);
    #[cfg(target_os = "linux")]
    {
        let fd0 = std::fs::read_link(format!("/proc/{}/fd/0", t.pid())).unwrap();
        assert!(fd0.starts_with("/dev/pts") || fd0.starts_with("/dev/tty"), "{fd0:?}");
    }
    t.send("/whisper");
    t.wait_for("1 of 1");
    t.send("\r");
    t.wait_for("hits for \"whisper\"");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn a_dash_on_a_terminal_says_to_pipe_the_notes_in() {
    let mut t = Pty::spawn(&["--dump", "-"], 100, 10, &[]);
    assert_eq!(t.wait_exit(), 1);
    let screen = t.screen();
    assert!(screen.contains("<stdin>: standard input is the terminal"), "{screen}");
    assert!(screen.contains("talktree -"), "{screen}");
}
