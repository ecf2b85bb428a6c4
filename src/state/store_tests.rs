use super::*;

fn changes(history: &str) -> Changes {
    let mut c = Changes::default();
    c.state.find_history = vec![history.to_string()];
    c
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    v.sort();
    v
}

#[test]
fn save_then_load_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::at(dir.path().join("deep/state"));
    assert_eq!(s.save(&changes("riemann")), Saved::Written);
    let (loaded, msg) = Store::at(dir.path().join("deep/state")).load();
    assert_eq!(loaded.find_history, vec!["riemann"]);
    assert!(msg.is_none());
    assert_eq!(names(&dir.path().join("deep/state")), vec!["state.json", "state.lock"]);
}

#[test]
fn a_corrupt_file_is_moved_aside_and_defaults_are_used() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("state.json"), "{not json").unwrap();
    let mut s = Store::at(dir.path().to_path_buf());
    let (st, msg) = s.load();
    assert_eq!(st, State::default());
    assert!(msg.unwrap().contains("moved to"));
    let aside = names(dir.path());
    let corrupt = aside.iter().find(|n| n.starts_with("state.json.corrupt-")).unwrap();
    assert_eq!(fs::read_to_string(dir.path().join(corrupt)).unwrap(), "{not json");
}

/// Found by `any_state_file_on_disk_loads_or_is_moved_aside`: a file
/// that was not UTF-8 was "unreadable", so the next save replaced it.
#[test]
fn a_non_utf8_file_is_moved_aside_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = b"{\"find_history\": [\"caf\xE9\"]}";
    fs::write(dir.path().join("state.json"), latin1).unwrap();
    let mut s = Store::at(dir.path().to_path_buf());
    let (st, msg) = s.load();
    assert_eq!(st, State::default());
    assert!(msg.unwrap().contains("damaged"));
    assert_eq!(s.save(&changes("new")), Saved::Written);
    let aside = fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with("state.json.corrupt-"))
        .expect("moved aside");
    assert_eq!(fs::read(aside.path()).unwrap(), latin1);
    assert_eq!(s.load().0.find_history, vec!["new"]);
}

#[test]
fn a_newer_file_is_read_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let text = r#"{"version": 99, "find_history": ["from the future"], "hologram": true}"#;
    fs::write(dir.path().join("state.json"), text).unwrap();
    let mut s = Store::at(dir.path().to_path_buf());
    let (st, msg) = s.load();
    assert_eq!(st.find_history, vec!["from the future"]);
    assert!(msg.unwrap().contains("newer"));
    assert!(matches!(s.save(&changes("x")), Saved::Failed(_)));
    assert_eq!(fs::read_to_string(dir.path().join("state.json")).unwrap(), text);
}

/// Issue 22 item 14: `2.5`, `"2"` and 2^32+1 read as version 1 and the
/// file was downgraded by the next save.
#[test]
fn newer_version_guard_holds_for_any_unknown_or_non_integer_version() {
    for version in ["2.5", "\"2\"", "4294967297", "-1", "null", "[3]", "1e10", "3"] {
        let dir = tempfile::tempdir().unwrap();
        let text = format!(r#"{{"version": {version}, "find_history": ["kept"]}}"#);
        fs::write(dir.path().join("state.json"), &text).unwrap();
        let mut s = Store::at(dir.path().to_path_buf());
        let (st, msg) = s.load();
        assert_eq!(st.find_history, vec!["kept"], "version {version}");
        assert!(msg.is_some_and(|m| m.contains("newer")), "version {version}");
        assert_eq!(s.save(&changes("x")), Saved::Failed(None), "version {version}");
        assert_eq!(fs::read_to_string(dir.path().join("state.json")).unwrap(), text);
    }
    for ok in ["1", "2", "0"] {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("state.json"), format!(r#"{{"version": {ok}}}"#)).unwrap();
        let mut s = Store::at(dir.path().to_path_buf());
        assert!(s.load().1.is_none(), "version {ok}");
        assert_eq!(s.save(&changes("x")), Saved::Written, "version {ok}");
    }
}

#[test]
fn an_unwritable_folder_warns_once() {
    // A folder that cannot exist (under a file) fails even for root.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("plain-file"), "x").unwrap();
    let mut s = Store::at(dir.path().join("plain-file/state"));
    assert!(matches!(s.save(&changes("x")), Saved::Failed(Some(_))));
    assert_eq!(s.save(&changes("y")), Saved::Failed(None));
    assert_eq!(s.load().0, State::default());
}

#[test]
fn a_held_lock_skips_the_save_instead_of_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::at(dir.path().to_path_buf());
    let held = File::create(dir.path().join("state.lock")).unwrap();
    held.lock().unwrap();
    assert_eq!(s.save(&changes("x")), Saved::Busy);
    held.unlock().unwrap();
    assert_eq!(s.save(&changes("x")), Saved::Written);
}

/// Issue 22 item 9 (the store's half): a save may wait for the lock.
#[test]
fn a_save_can_wait_for_a_lock_released_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::at(dir.path().to_path_buf());
    let held = File::create(dir.path().join("state.lock")).unwrap();
    held.lock().unwrap();
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        held.unlock().unwrap();
    });
    assert_eq!(
        s.save_waiting(&changes("waited"), Duration::from_secs(20)),
        Saved::Written
    );
    release.join().unwrap();
    assert_eq!(s.load().0.find_history, vec!["waited"]);
}

/// Issue 22 item 10: the temp file was `state.json.tmp-<pid>`, opened with
/// `File::create`: a symlink planted there had its target overwritten.
#[test]
fn state_files_never_follow_symlinks() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim");
    fs::write(&victim, "precious").unwrap();
    let pid = std::process::id();
    std::os::unix::fs::symlink(&victim, dir.path().join(format!("state.json.tmp-{pid}"))).unwrap();
    let mut s = Store::at(dir.path().to_path_buf());
    assert_eq!(s.save(&changes("x")), Saved::Written);
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    // A dangling lock symlink must not create its target.
    let other = tempfile::tempdir().unwrap();
    let target = other.path().join("made-by-the-link");
    std::os::unix::fs::symlink(&target, other.path().join("state.lock")).unwrap();
    let mut s = Store::at(other.path().to_path_buf());
    assert!(matches!(s.save(&changes("x")), Saved::Failed(Some(m)) if m.contains("symbolic link")));
    assert!(!target.exists());
}

/// Issue 22 item 11: a FIFO as state.json hung start-up; /dev/zero read
/// until memory ran out. Neither is read, and neither is replaced.
#[test]
fn state_reads_take_only_regular_files_of_bounded_size() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("state.json");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo on a path we own.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let mut s = Store::at(dir.path().to_path_buf());
    let (st, msg) = s.load();
    assert_eq!(st, State::default());
    assert!(msg.unwrap().contains("not a regular file"));
    assert_eq!(s.save(&changes("x")), Saved::Failed(None));
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());

    let dev = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/zero", dev.path().join("state.json")).unwrap();
    let (_, msg) = Store::at(dev.path().to_path_buf()).load();
    assert!(msg.unwrap().contains("not a regular file"));

    let big = tempfile::tempdir().unwrap();
    let f = File::create(big.path().join("state.json")).unwrap();
    f.set_len(MAX_FILE_BYTES + 1).unwrap(); // sparse
    let (st, msg) = Store::at(big.path().to_path_buf()).load();
    assert_eq!(st, State::default());
    assert!(msg.unwrap().contains("too large"));
    assert!(names(big.path()).iter().any(|n| n.starts_with("state.json.corrupt-")));
}

use std::os::unix::fs::FileTypeExt;

/// Issue 22 item 11: two files moved aside in one second: the second
/// replaced the first.
#[test]
fn move_aside_names_never_collide() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::at(dir.path().to_path_buf());
    for text in ["{first", "{second", "{third"] {
        fs::write(s.file(), text).unwrap();
        assert!(s.load().1.unwrap().contains("moved to"));
    }
    let kept: Vec<String> = names(dir.path())
        .into_iter()
        .filter(|n| n.contains("corrupt"))
        .map(|n| fs::read_to_string(dir.path().join(n)).unwrap())
        .collect();
    assert_eq!(kept.len(), 3, "{kept:?}");
    for text in ["{first", "{second", "{third"] {
        assert!(kept.contains(&text.to_string()));
    }
}

#[test]
fn peeking_changes_nothing_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("state.json"), "{damaged").unwrap();
    let (st, msg) = Store::at(dir.path().to_path_buf()).peek();
    assert_eq!(st, State::default());
    assert!(msg.unwrap().contains("not used"));
    assert_eq!(names(dir.path()), vec!["state.json"]);
}
