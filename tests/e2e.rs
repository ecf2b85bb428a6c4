//! End to end: the real binary in a pseudo-terminal, on the bundled seeds,
//! run from a folder that holds no notes.

mod common;
use common::pty::Pty;

#[test]
fn find_riemann_then_quit_restores_the_terminal() {
    let mut t = Pty::spawn(&[], 100, 30, &[]);
    t.wait_for("Outline");
    t.wait_for("Scale Summit 2014");
    t.send("/riemann");
    t.wait_for("1 of ");
    t.send("\r");
    let screen = t.wait_for("hits for \"riemann\"");
    assert!(screen.contains("session 1: monitoring & metrics"), "{screen}");
    assert!(screen.contains("real time anomaly detection"), "{screen}");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn stdout_not_a_terminal_prints_the_outline() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_talktree"))
        .current_dir(std::env::temp_dir())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.starts_with("document "), "{}", &s[..s.len().min(200)]);
    assert!(s.contains("  session session 1: monitoring & metrics"));
    assert!(!s.contains('\u{1b}'), "no escape codes on a pipe");
}
