//! Every way the reader can end, in a real pseudo-terminal: the exit code,
//! the terminal restored (main screen, cursor shown, no mouse reporting, not
//! raw) and the place remembered. Also suspend/resume and the empty screen.

mod common;
use common::pty::Pty;

/// Starts on the seeds and moves the selection down one row, so there is
/// something unsaved to remember when the run ends.
fn started_and_moved() -> Pty {
    let mut t = Pty::spawn(&[], 100, 30, &[]);
    t.wait_for("Outline");
    t.send("j");
    t.wait_for(" 2/");
    t
}

/// The remembered selection is the node one row below the first document:
/// its first talk, a path of one title below the document.
fn assert_place_saved(t: &Pty) {
    let text = t.state_file().expect("state.json written");
    assert_selection_is_a_first_talk(&text);
}

/// The selection's id names a node whose parent is the document (id 0).
fn assert_selection_is_a_first_talk(state_json: &str) {
    let v: serde_json::Value = serde_json::from_str(state_json).expect("state.json parses");
    let doc = &v["documents"][v["last_document"].as_str().expect("last document")];
    let id = doc["selected"].as_u64().expect("selection saved") as usize;
    assert!(id > 0, "a node below the document");
    assert_eq!(doc["nodes"][id - 1][0], 0, "the first talk, got {}", doc["nodes"]);
}

/// Issue 22 item 15: the exit status was 0 after a signal; shells expect
/// 128 + its number (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP).
fn signal_ends_cleanly(sig: i32) {
    let mut t = started_and_moved();
    // SAFETY: sending a signal to our own child process.
    unsafe { libc::kill(t.pid(), sig) };
    assert_eq!(t.wait_exit(), 128 + sig as u32, "signal {sig}");
    t.assert_restored();
    assert_place_saved(&t);
}

#[test]
fn sigterm_restores_and_saves() {
    signal_ends_cleanly(libc::SIGTERM);
}

#[test]
fn sigint_restores_and_saves() {
    signal_ends_cleanly(libc::SIGINT);
}

#[test]
fn sighup_restores_and_saves() {
    signal_ends_cleanly(libc::SIGHUP);
}

#[test]
fn q_restores_and_saves() {
    let mut t = started_and_moved();
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
    assert_place_saved(&t);
}

#[test]
fn a_panic_restores_the_terminal_and_still_saves() {
    // The test hook panics at the first unsaved change (the `j`).
    let mut t = Pty::spawn(&[], 100, 30, &[("TALKTREE_TEST_PANIC", "1")]);
    t.wait_for("Outline");
    t.send("j");
    assert_eq!(t.wait_exit(), 101, "a panic exits with Rust's panic status");
    t.assert_restored();
    let raw = String::from_utf8_lossy(&t.raw.lock().unwrap()).to_string();
    assert!(raw.contains("panicking on purpose"), "the panic message is shown");
    assert_place_saved(&t);
}

#[test]
fn nothing_loaded_shows_why_and_exits_1() {
    let mut t = Pty::spawn(&["/no/such/notes.md"], 80, 20, &[]);
    t.wait_for("Nothing to show");
    t.wait_for("/no/such/notes.md: no such file");
    // Keys that need notes do nothing, and nothing panics.
    t.send("jGl/x\r\x1b1 9\tm'");
    t.settle();
    t.send("q");
    assert_eq!(t.wait_exit(), 1);
    t.assert_restored();
    assert!(
        t.screen().contains("talktree: /no/such/notes.md"),
        "named on stderr after quit"
    );
}

#[test]
fn a_session_leader_ignores_ctrl_z() {
    // spawned straight into the pty, talktree leads its session: no shell to return to.
    let mut t = Pty::spawn(&[], 80, 24, &[]);
    t.wait_for("Outline");
    t.send("\x1a");
    t.send("j");
    t.wait_for(" 2/");
    assert!(t.child.try_wait().unwrap().is_none(), "still running");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_redraws() {
    let bin = env!("CARGO_BIN_EXE_talktree");
    let mut t = Pty::spawn_program("/bin/sh", &["-i"], 100, 30, &[("PS1", "READY$ "), ("ENV", "")]);
    t.wait_for("READY$");
    t.send(&format!("{bin}\r"));
    t.wait_for("Outline");
    t.send("\x1a");
    let screen = t.wait_for("READY$ ");
    assert!(!screen.contains("Outline"), "back on the shell's screen:\n{screen}");
    t.assert_restored();
    t.send("fg\r");
    // Fully redrawn: the outline's rows come back, not just what changed.
    t.wait_for("Outline");
    t.wait_for("Scale Summit 2014");
    t.send("j");
    t.wait_for(" 2/");
    t.send("q");
    t.wait_for("READY$");
    t.assert_restored();
    t.send("exit\r");
    t.wait_exit();
}

#[test]
fn term_dumb_prints_the_outline_without_escape_codes() {
    let mut t = Pty::spawn(&[], 80, 24, &[("TERM", "dumb")]);
    assert_eq!(t.wait_exit(), 0);
    let raw = t.raw.lock().unwrap().clone();
    assert!(!raw.contains(&0x1b), "no escape codes for a dumb terminal");
    let text = String::from_utf8_lossy(&raw);
    assert!(text.contains("TERM=dumb"), "says why");
    assert!(text.contains("session session 1: monitoring & metrics"));
}

#[test]
fn stdin_from_dev_null_still_reads_the_terminal() {
    let bin = env!("CARGO_BIN_EXE_talktree");
    let mut t = Pty::spawn_program("/bin/sh", &["-c", &format!("{bin} </dev/null")], 80, 24, &[]);
    t.wait_for("Outline");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn a_huge_folder_loads_behind_a_loading_screen_with_a_limit() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..20_100 {
        let sub = dir.path().join(format!("d{}", i % 40)).join(format!("e{}", i % 7));
        if i < 280 {
            std::fs::create_dir_all(&sub).unwrap();
        }
        std::fs::write(sub.join(format!("n{i}.md")), format!("# Talk {i}\n- point\n")).unwrap();
    }
    let path = dir.path().to_str().unwrap();
    let mut t = Pty::spawn(&[path], 100, 30, &[]);
    // The screen answers before the files are read: a loading screen, not a blank one.
    t.wait_for("Loading notes from");
    // The limit is said in the status line, the count in the title.
    t.wait_for("loaded the first 20000 of 20100");
    t.wait_for("20000 files");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

/// A closed window or killed tmux pane: the terminal vanishes under the
/// reader. It must end (not spin on the dead tty) and still save its place.
/// Uses a raw pty so the test can close the terminal's master side itself.
#[test]
fn a_vanished_terminal_ends_the_reader_and_saves() {
    use std::os::fd::FromRawFd;
    use std::os::unix::process::CommandExt;
    use std::time::{Duration, Instant};
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: 30,
        ws_col: 100,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty fills two fds; the pointers are valid for the call.
    let rc = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), &size) };
    assert_eq!(rc, 0);
    // The child must not inherit the master, or closing ours hangs up nothing.
    // SAFETY: fcntl on the fds openpty just gave us.
    unsafe {
        libc::fcntl(master, libc::F_SETFD, libc::FD_CLOEXEC);
        libc::fcntl(slave, libc::F_SETFD, libc::FD_CLOEXEC);
    }
    let home = tempfile::tempdir().unwrap();
    let stdio = |fd| {
        // SAFETY: dup of a valid fd, owned by the Stdio from here on.
        unsafe { std::process::Stdio::from(std::fs::File::from_raw_fd(libc::dup(fd))) }
    };
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_talktree"));
    cmd.env("TERM", "xterm-256color")
        .env("TALKTREE_STATE_DIR", home.path().join("state"))
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .stdin(stdio(slave))
        .stdout(stdio(slave))
        .stderr(stdio(slave));
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            libc::ioctl(0, libc::TIOCSCTTY, 0);
            Ok(())
        });
    }
    let mut child = cmd.spawn().unwrap();
    // SAFETY: closing our copy of the slave; the child has its own.
    unsafe { libc::close(slave) };
    // SAFETY: master is a valid fd we own.
    unsafe { libc::fcntl(master, libc::F_SETFL, libc::O_NONBLOCK) };
    let mut seen = Vec::new();
    let mut read_for = |until: &dyn Fn(&[u8]) -> bool, what: &str| {
        let start = Instant::now();
        let mut buf = [0u8; 8192];
        while !until(&seen) {
            assert!(start.elapsed() < Duration::from_secs(20), "no {what} on screen");
            // SAFETY: reading into a buffer of the given length.
            let n = unsafe { libc::read(master, buf.as_mut_ptr().cast(), buf.len()) };
            if n > 0 {
                seen.extend_from_slice(&buf[..n as usize]);
            } else {
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    };
    // The screen as a terminal would show it (only changed cells are sent).
    let has = |needle: &'static str| {
        move |b: &[u8]| {
            let mut p = vt100::Parser::new(30, 100, 0);
            p.process(b);
            p.screen().contents().contains(needle)
        }
    };
    read_for(&has("Outline"), "first frame");
    // SAFETY: writing one byte from a valid buffer.
    unsafe { libc::write(master, b"j".as_ptr().cast(), 1) };
    read_for(&has(" 2/"), "moved selection");
    // SAFETY: closing the master hangs up the terminal.
    unsafe { libc::close(master) };
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("the reader kept running on a terminal that is gone");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.code().is_some(), "ended by itself, not killed: {status:?}");
    let text = std::fs::read_to_string(home.path().join("state/state.json")).expect("state saved");
    assert_selection_is_a_first_talk(&text);
}

/// Issue 22 item 15: a signal while a big folder is still loading ends the
/// reader the same way, with the same status.
#[test]
fn a_signal_while_loading_exits_with_its_status() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..20_000 {
        let sub = dir.path().join(format!("d{}", i % 50));
        if i < 50 {
            std::fs::create_dir_all(&sub).unwrap();
        }
        std::fs::write(sub.join(format!("n{i}.md")), format!("# Talk {i}\n- point\n")).unwrap();
    }
    let mut t = Pty::spawn(&[dir.path().to_str().unwrap()], 100, 30, &[]);
    t.wait_for("Loading notes from");
    // SAFETY: sending a signal to our own child process.
    unsafe { libc::kill(t.pid(), libc::SIGTERM) };
    assert_eq!(t.wait_exit(), 143);
    t.assert_restored();
}
