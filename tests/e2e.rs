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
    // The hit a few rows from the top (scroll_off), its talk in the trail.
    assert!(screen.contains("is anyone using riemann?"), "{screen}");
    assert!(screen.contains("session 1: mo"), "{screen}");
    assert!(screen.contains("real time anomaly detection"), "{screen}");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn a_paste_is_typed_into_find_not_obeyed_as_keys() {
    let mut t = Pty::spawn(&[], 100, 30, &[]);
    t.wait_for("Scale Summit 2014");
    assert!(
        t.parser.lock().unwrap().screen().bracketed_paste(),
        "bracketed paste on"
    );
    t.send("/");
    t.wait_for("Find in");
    // As keys, "q" would quit and Enter would jump; pasted, they are text
    // (the line break a space, on the one-line input).
    t.send("\x1b[200~riemann q\rx\x1b[201~");
    let screen = t.wait_for("/ riemann q x");
    assert!(t.child.try_wait().unwrap().is_none(), "still running:\n{screen}");
    t.send("\x1b");
    // Apart, or the terminal reads Esc and q as one key, Alt-q.
    assert!(!t.settle().contains("Find in"), "find closed");
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
    // Notes with a word starting with "e" (close) come first, then those
    // with an "e" inside words only (loose); each part best first.
    let texts: Vec<&str> = all.iter().map(|l| l.rsplit('\t').next().unwrap()).collect();
    let close = texts.iter().take_while(|t| has_word_starting_with_e(t)).count();
    assert!(close > 0 && close < all.len(), "{close} of {}", all.len());
    assert!(
        !texts[close..].iter().any(|t| has_word_starting_with_e(t)),
        "close ones first"
    );
    let (a, b) = scores.split_at(close);
    assert!(
        a.windows(2).chain(b.windows(2)).all(|w| w[0] >= w[1]),
        "best first in each"
    );
    let (_, default) = search(&["e"]);
    assert_eq!(default, all[..50], "50 unless told, the same ranking");
    let (_, one) = search(&["e", "--limit", "1"]);
    assert_eq!(one, all[..1]);
    let (code, zero) = search(&["e", "--limit", "0"]);
    assert_eq!((code, zero.len()), (0, 0), "hits found, none asked for: still a match");
    let (code, none) = search(&["zqxzqx"]);
    assert_eq!((code, none.len()), (1, 0), "no hit is exit status 1, as with grep");
}

/// A word starts after a char that is not a letter or digit, or at a step
/// from lower to upper case.
fn has_word_starting_with_e(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).any(|i| {
        let starts =
            i == 0 || !chars[i - 1].is_alphanumeric() || (chars[i - 1].is_lowercase() && chars[i].is_uppercase());
        starts && chars[i].eq_ignore_ascii_case(&'e')
    })
}

/// Two files holding the same notes, one reformatted: `--search` prints a
/// note once, from the first file; `--all-copies` prints it from both.
#[test]
fn search_prints_a_note_held_by_two_files_once_unless_all_copies() {
    let dir = tempfile::tempdir().unwrap();
    let notes = [
        "monitoring with sensu and graphite",
        "we push data over rabbitmq to a central graphite",
        "is anyone using riemann for events?",
        "riemann does events as well as numbers",
        "snmp did not scale for the shared web servers",
        "teams spin up their own graphite instances",
    ];
    let md: String = notes.iter().map(|n| format!("- {n}\n")).collect();
    let txt: String = notes
        .iter()
        .rev()
        .map(|n| format!("    * {}\n", n.to_uppercase()))
        .collect();
    std::fs::write(dir.path().join("a.md"), format!("# Summit\n\n## Monitoring\n\n{md}")).unwrap();
    std::fs::write(dir.path().join("b.txt"), format!("Summit again\n\nMonitoring\n{txt}")).unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec!["riemann", "--no-state", dir.path().to_str().unwrap()];
        args.extend(extra);
        search(&args)
    };
    let (code, once) = run(&[]);
    assert_eq!(code, 0);
    assert_eq!(once.len(), 2, "{once:?}");
    assert!(
        once.iter().all(|l| l.contains("Summit ›")),
        "from the first file: {once:?}"
    );
    let (_, both) = run(&["--all-copies"]);
    assert_eq!(both.len(), 4, "{both:?}");
    assert_eq!(
        both.iter()
            .filter(|l| l.to_lowercase().contains("riemann does"))
            .count(),
        2
    );
}

/// `--exact`, or `find.exact` in the config: a plain word must appear as
/// typed; a quote makes it fuzzy again.
#[test]
fn search_in_exact_mode_from_the_flag_or_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[find]\nexact = true\n").unwrap();
    let (_, fuzzy) = search(&["rmn", "--limit", "all"]);
    assert!(!fuzzy.is_empty());
    let (code, exact) = search(&["rmn", "--exact"]);
    assert_eq!((code, exact.len()), (1, 0), "{exact:?}");
    let (_, from_config) = search(&["rmn", "--config", config.to_str().unwrap()]);
    assert!(from_config.is_empty(), "{from_config:?}");
    let (_, quoted) = search(&["'rmn", "--limit", "all", "--config", config.to_str().unwrap()]);
    assert_eq!(quoted, fuzzy);
}
