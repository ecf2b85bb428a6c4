//! Remembering the reader's place: reopen restores folds, selection and
//! bookmarks; saves survive `kill -9` at any moment and two runs at once.

mod common;
use common::render::{app_on, keys};
use std::collections::HashSet;
use std::process::Command;
use std::time::Duration;
use talktree::outline::{build_outline, load_seeds, parse_document, Kind};
use talktree::state::store::{Saved, Store};
use talktree::state::Changes;

#[test]
fn reopening_restores_folds_selection_scroll_bookmarks_and_history() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_on(load_seeds(), 120, 40);
    keys(&mut a, "/ r i e m a n n Enter m } ] l j Tab m");
    a.handle(talktree::event::Event::Tick);
    let rows = a.tree().rows().to_vec();
    let selected = a.tree().selected;
    let marked = a.marked().clone();
    assert_eq!(marked.len(), 2);
    let mut store = Store::at(dir.path().to_path_buf());
    assert_eq!(store.save(&a.changes()), Saved::Written);

    let mut b = app_on(load_seeds(), 120, 40);
    let (state, msg) = Store::at(dir.path().to_path_buf()).load();
    assert!(msg.is_none());
    b.restore(&state);
    assert_eq!(b.tree().rows(), &rows[..]);
    assert_eq!(b.tree().selected, selected);
    assert_eq!(b.marked(), &marked);
    assert_eq!(b.history(), vec!["riemann"]);
    assert_eq!(b.detail().scroll, a.detail().scroll);
}

#[test]
fn folds_and_bookmarks_follow_their_nodes_when_lines_are_added_above() {
    let before = "# Talk A\n- one\n  - deep\n- two\n# Talk B\n- three\n";
    let after = "# New first talk\n- new\n  - newer\n# Talk A\n- inserted\n- one\n  - added\n  - deep\n- two\n# Talk B\n- three\n";
    let doc = |s: &str| build_outline(vec![parse_document(s.as_bytes(), "talks.md").unwrap()]);
    let mut a = app_on(doc(before), 80, 24);
    keys(&mut a, "j l j l j m");
    assert_eq!(a.outline().text(a.tree().selected), "deep");
    let changes = a.changes();
    let mut b = app_on(doc(after), 80, 24);
    b.restore(&changes.state);
    assert_eq!(b.outline().text(b.tree().selected), "deep");
    let marked: Vec<&str> = b.marked().iter().map(|&n| b.outline().text(n as usize)).collect();
    assert_eq!(marked, vec!["deep"]);
    let one = (0..b.outline().len()).find(|&i| b.outline().text(i) == "one").unwrap();
    assert!(b.tree().is_open(one));
    let first = (0..b.outline().len())
        .find(|&i| b.outline().kind(i) == Kind::Session)
        .unwrap();
    assert!(!b.tree().is_open(first), "the new talk keeps the default fold");
}

#[test]
fn a_vanished_bookmark_is_listed_as_missing() {
    let mut a = app_on(
        build_outline(vec![parse_document(b"# T\n- gone soon\n", "n.md").unwrap()]),
        80,
        24,
    );
    keys(&mut a, "j l j m");
    let state = a.changes().state;
    let mut b = app_on(
        build_outline(vec![parse_document(b"# T\n- replaced\n", "n.md").unwrap()]),
        80,
        24,
    );
    b.restore(&state);
    assert_eq!(b.bookmarks().len(), 1);
    assert_eq!(b.target(&b.bookmarks()[0]), talktree::app::Target::Missing);
    keys(&mut b, "'");
    assert_eq!(b.bookmark_cursor(), Some(0));
}

// --- Child processes: the test binary re-runs itself in a saving loop. ---

const CHILD: &str = "TALKTREE_TEST_SAVER";

/// In a child: save state over and over, each save a different version.
#[test]
fn saver_child() {
    let Ok(spec) = std::env::var(CHILD) else { return };
    let (dir, name, rounds) = {
        let mut it = spec.split('|');
        (
            it.next().unwrap().to_string(),
            it.next().unwrap().to_string(),
            it.next().unwrap().parse::<usize>().unwrap(),
        )
    };
    let mut store = Store::at(std::path::PathBuf::from(&dir));
    // Tell the parent the saving loop starts now.
    std::fs::write(
        std::path::Path::new(&dir).join(format!("ready-{}", std::process::id())),
        "",
    )
    .unwrap();
    for i in 0..rounds {
        let mut c = Changes::default();
        c.loaded.insert(name.clone());
        c.state.documents.insert(
            name.clone(),
            talktree::state::DocState {
                detail_scroll: i,
                ..Default::default()
            },
        );
        // A large payload makes every write take a while: more moments to kill.
        c.state.find_history = (0..100)
            .map(|k| format!("{name} query {i} {k} {}", "x".repeat(200)))
            .collect();
        while store.save(&c) == Saved::Busy {
            std::thread::sleep(Duration::from_millis(1));
        }
    }
}

fn spawn_saver(dir: &std::path::Path, name: &str, rounds: usize) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "saver_child", "--nocapture", "--test-threads=1"])
        .env(CHILD, format!("{}|{name}|{rounds}", dir.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn kill_9_at_random_moments_never_leaves_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut kills = 0;
    assert!(spawn_saver(dir.path(), "doc", 2).wait().unwrap().success());
    for _ in 0..40 {
        let mut child = spawn_saver(dir.path(), "doc", 1_000_000);
        let ready = dir.path().join(format!("ready-{}", child.id()));
        let start = std::time::Instant::now();
        while !ready.exists() && start.elapsed() < Duration::from_secs(20) {
            std::thread::sleep(Duration::from_millis(1));
        }
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(seed % 30_000));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            kills += 1;
        }
        child.wait().unwrap();
        let text = std::fs::read_to_string(dir.path().join("state.json")).expect("the state file is always there");
        let v: serde_json::Value = serde_json::from_str(&text).expect("complete and parseable");
        assert_eq!(v["find_history"].as_array().map(|a| a.len()), Some(100));
    }
    assert!(kills >= 30, "most runs were killed mid-save ({kills})");
}

#[test]
fn two_runs_saving_at_once_keep_both_documents() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = spawn_saver(dir.path(), "first", 40);
    let mut b = spawn_saver(dir.path(), "second", 40);
    assert!(a.wait().unwrap().success());
    assert!(b.wait().unwrap().success());
    let (state, msg) = Store::at(dir.path().to_path_buf()).load();
    assert!(msg.is_none());
    let docs: HashSet<&str> = state.documents.keys().map(String::as_str).collect();
    assert_eq!(docs, HashSet::from(["first", "second"]));
    assert_eq!(state.documents["first"].detail_scroll, 39);
    assert_eq!(state.documents["second"].detail_scroll, 39);
}

#[test]
fn every_binding_in_force_appears_in_the_help() {
    let (config, errors) = talktree::config::Config::load(Some(("c.toml", "[keys.outline]\nmove_down = \"x\"\n")));
    assert!(errors.is_empty());
    let lines = talktree::app::help::help_lines(&config.keymap);
    for (_, keys, action) in config.keymap.all() {
        let name = talktree::keymap::sequence_name(keys);
        let row = lines
            .iter()
            .find(|(k, d)| d == action.describe() && k.split(", ").any(|x| x == name));
        assert!(row.is_some(), "{name} for {action:?} is not in the help");
    }
    assert!(lines.iter().any(|(k, d)| k == "x" && d == "Move down"));
}
