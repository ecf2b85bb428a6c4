//! The watcher on real files in a temporary folder: through inotify, and
//! through polling as when the system's limit of watches is reached.

use super::*;
use crate::state::paths;
use std::time::Instant;

const WAIT: Duration = Duration::from_secs(10);

fn plan(dir: &Path, files: &[&Path], poll: bool) -> Plan {
    Plan {
        files: files.iter().map(|f| paths::doc_key(f)).collect(),
        folders: vec![dir.to_path_buf()],
        scan: fs::ScanOptions::default(),
        watch: true,
        poll,
    }
}

/// The next change reported (skipping notices), with its news.
fn next_change(w: &Watch) -> Change {
    let start = Instant::now();
    loop {
        let left = WAIT.saturating_sub(start.elapsed());
        match w.recv_timeout(left) {
            Some(Report::Change(c)) => return c,
            Some(Report::Notice(_)) => continue,
            None => panic!("no change reported within {WAIT:?}"),
        }
    }
}

fn texts(o: &Outline) -> Vec<&str> {
    (0..o.len()).map(|i| o.text(i)).collect()
}

fn lifecycle(poll: bool) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("talks.md");
    std::fs::write(&file, "# T\n## A talk (Ann)\n- one\n").unwrap();
    let w = Watch::start(plan(dir.path(), &[&file], poll));
    // inotify takes its watches on the thread: give it a moment.
    std::thread::sleep(Duration::from_millis(200));
    std::fs::write(&file, "# T\n## A talk (Ann)\n- one\n- two\n").unwrap();
    let c = next_change(&w);
    assert_eq!(c.key, paths::doc_key(&file));
    match c.news {
        News::Changed(o) => assert!(texts(&o).contains(&"two"), "{:?}", texts(&o)),
        other => panic!("{other:?}"),
    }
    // An editor's save: a new file renamed over the old one.
    let tmp = dir.path().join(".talks.md.swp");
    std::fs::write(&tmp, "# T\n## A talk (Ann)\n- three\n").unwrap();
    std::fs::rename(&tmp, &file).unwrap();
    match next_change(&w).news {
        News::Changed(o) => assert!(texts(&o).contains(&"three")),
        other => panic!("{other:?}"),
    }
    std::fs::remove_file(&file).unwrap();
    assert!(matches!(next_change(&w).news, News::Gone));
    let added = dir.path().join("new.org");
    std::fs::write(&added, "* New\n** Talk (Bo)\n- x\n").unwrap();
    let c = next_change(&w);
    assert_eq!(c.key, paths::doc_key(&added));
    assert!(matches!(c.news, News::Added(_)), "{:?}", c.news);
}

#[test]
fn changes_renames_removals_and_new_files_are_reported() {
    lifecycle(false);
}

#[test]
fn polling_reports_the_same_and_says_so_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.md");
    std::fs::write(&file, "# A\n").unwrap();
    let w = Watch::start(plan(dir.path(), &[&file], true));
    let said: Vec<Clean> = std::iter::from_fn(|| w.recv_timeout(Duration::from_millis(300)))
        .filter_map(|r| match r {
            Report::Notice(m) => Some(m),
            Report::Change(_) => None,
        })
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("every second"), "{}", said[0]);
    drop(w);
    lifecycle(true);
}

#[test]
fn a_file_that_turns_binary_or_unreadable_is_reported_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.md");
    std::fs::write(&file, "# A\n").unwrap();
    let key = paths::doc_key(&file);
    std::fs::write(&file, b"\0\0\0\x01binary").unwrap();
    match read_change(&key, &file, false).news {
        News::Unreadable(why) => assert!(why.contains("binary"), "{why}"),
        other => panic!("{other:?}"),
    }
    std::fs::remove_file(&file).unwrap();
    std::fs::create_dir(&file).unwrap();
    assert!(matches!(read_change(&key, &file, false).news, News::Unreadable(_)));
}

#[test]
fn a_reload_asked_for_reads_only_what_changed_and_r_reads_everything() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.md");
    std::fs::write(&file, "# A\n").unwrap();
    let mut p = plan(dir.path(), &[&file], false);
    p.watch = false;
    let w = Watch::start(p);
    let key = paths::doc_key(&file);
    w.reload(&key);
    assert!(
        w.recv_timeout(Duration::from_millis(300)).is_none(),
        "unchanged: not read"
    );
    w.reload_all();
    match w.recv_timeout(WAIT) {
        Some(Report::Notice(m)) => assert!(m.contains("as it was"), "{m}"),
        other => panic!("{other:?}"),
    }
    // Not watching: a change is read when asked, not before.
    std::fs::write(&file, "# A\n- longer now\n").unwrap();
    assert!(w.recv_timeout(Duration::from_millis(400)).is_none(), "not watched");
    w.reload(&key);
    assert!(matches!(next_change(&w).news, News::Changed(_)));
    std::fs::write(&file, "# A\n- longer still, for r\n").unwrap();
    w.reload_all();
    assert!(matches!(next_change(&w).news, News::Changed(_)));
}

#[test]
fn only_the_system_limit_means_falling_back_to_polling() {
    assert!(is_limit(&notify::Error::new(notify::ErrorKind::MaxFilesWatch)));
    let enospc = std::io::Error::from_raw_os_error(libc::ENOSPC);
    assert!(is_limit(&notify::Error::io(enospc)));
    assert!(!is_limit(&notify::Error::path_not_found()));
    let denied = std::io::Error::from_raw_os_error(libc::EACCES);
    assert!(!is_limit(&notify::Error::io(denied)));
}

/// A file moved away after the notes were read but before the watch
/// thread put its watches in place sends no event: the stamp taken as
/// the notes arrived shows it, and it is reported gone all the same.
#[test]
fn a_change_before_the_watches_are_in_place_is_not_missed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("talks.md");
    std::fs::write(&file, "# T\n## A talk (Ann)\n- one\n").unwrap();
    let p = plan(dir.path(), &[&file], false);
    let files = watcher::stamped(&p);
    std::fs::rename(&file, dir.path().join("elsewhere.bak")).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let (report_tx, reports) = std::sync::mpsc::channel();
    let events = tx.clone();
    std::thread::spawn(move || watcher::Watcher::new(p, files, events, report_tx).run(rx));
    let w = Watch { commands: tx, reports };
    assert!(matches!(next_change(&w).news, News::Gone));
}
