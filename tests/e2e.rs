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

fn search(args: &[&str]) -> (i32, Vec<String>) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_talktree"))
        .arg("--search")
        .args(args)
        .current_dir(std::env::temp_dir())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    (
        out.status.code().unwrap_or(-1),
        text.lines().map(str::to_string).collect(),
    )
}

#[test]
fn search_prints_ranked_hits_and_honours_the_limit() {
    let (code, all) = search(&["e", "--limit", "all"]);
    assert_eq!(code, 0);
    assert!(all.len() > 50, "the seeds hold many bullets with an e: {}", all.len());
    let scores: Vec<i64> = all
        .iter()
        .map(|l| {
            let fields: Vec<&str> = l.split('\t').collect();
            assert_eq!(fields.len(), 3, "score, breadcrumb, text: {l:?}");
            assert!(fields[2].to_lowercase().contains('e'), "{l:?}");
            fields[0].parse().unwrap()
        })
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first");
    let (_, default) = search(&["e"]);
    assert_eq!(default, all[..50], "50 unless told, the same ranking");
    let (_, one) = search(&["e", "--limit", "1"]);
    assert_eq!(one, all[..1]);
    let (code, zero) = search(&["e", "--limit", "0"]);
    assert_eq!((code, zero.len()), (0, 0), "hits found, none asked for: still a match");
    let (code, none) = search(&["zqxzqx"]);
    assert_eq!((code, none.len()), (1, 0), "no hit is exit status 1, as with grep");
}
