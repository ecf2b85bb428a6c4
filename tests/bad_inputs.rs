//! Loader tests for inputs a file system can throw at it beyond the ones in
//! `outline::fs`'s own tests: devices, unreadable files, odd encodings, and
//! empty files. Each is named with a reason; the rest still load.

use std::path::PathBuf;
use talktree::outline::fs::{load, ScanOptions};

fn reasons(paths: &[PathBuf]) -> (usize, Vec<String>) {
    let r = load(paths, &ScanOptions::default());
    (r.outline.docs().len(), r.errors.iter().map(|e| e.to_string()).collect())
}

#[test]
fn a_device_is_refused_without_reading_it() {
    // /dev/zero never ends: reading it would hang or exhaust memory.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ok.md"), "# Talk\n- x\n").unwrap();
    let (docs, errs) = reasons(&["/dev/zero".into(), dir.path().join("ok.md")]);
    assert_eq!(docs, 1);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].starts_with("/dev/zero") && errs[0].contains("not a regular file"),
        "{errs:?}"
    );
}

#[test]
fn an_unreadable_file_is_named_with_the_reason() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked.md");
    std::fs::write(&locked, "# Talk\n- x\n").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let (docs, errs) = reasons(std::slice::from_ref(&locked));
    if std::fs::read(&locked).is_ok() {
        // Running as root: permissions do not stop reads, so it simply loads.
        assert_eq!((docs, errs.len()), (1, 0));
    } else {
        assert_eq!(docs, 0);
        assert!(
            errs[0].contains("locked.md") && errs[0].contains("permission denied"),
            "{errs:?}"
        );
    }
}

#[test]
fn utf16_with_a_bom_and_invalid_utf8_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "# Keynote by Ann\n- café\n".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    std::fs::write(dir.path().join("u16.md"), utf16).unwrap();
    std::fs::write(dir.path().join("latin1.md"), b"# Talk\n- caf\xe9 au lait\n").unwrap();
    let r = load(&[dir.path().to_path_buf()], &ScanOptions::default());
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let o = &r.outline;
    let texts: Vec<&str> = (0..o.len()).map(|i| o.text(i)).collect();
    assert!(texts.contains(&"café"), "{texts:?}");
    assert!(texts.contains(&"caf\u{FFFD} au lait"), "{texts:?}");
    let latin = o.docs().iter().find(|d| d.source.ends_with("latin1.md")).unwrap();
    assert!(
        !latin.warnings.is_empty(),
        "lossy decoding is a warning on the document"
    );
}

#[test]
fn an_empty_file_loads_as_an_empty_document() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.md");
    std::fs::write(&empty, "").unwrap();
    let (docs, errs) = reasons(&[empty]);
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs, 1);
}

fn names(paths: &[PathBuf], root: &std::path::Path) -> Vec<String> {
    let r = load(paths, &ScanOptions::default());
    r.outline
        .docs()
        .iter()
        .map(|d| {
            d.source
                .strip_prefix(&format!("{}/", root.display()))
                .unwrap_or(&d.source)
                .to_string()
        })
        .collect()
}

/// Issue 22 item 12: `ln -s / notes/root` made a scan walk the whole file
/// system. A link to a folder is not followed; a link to a file is read.
#[test]
fn a_folder_scan_stays_in_the_folder_but_reads_files_linked_in() {
    let dir = tempfile::tempdir().unwrap();
    let (notes, outside) = (dir.path().join("notes"), dir.path().join("outside"));
    std::fs::create_dir_all(&notes).unwrap();
    std::fs::create_dir_all(outside.join("deeper")).unwrap();
    std::fs::write(notes.join("a.md"), "# A\n- x\n").unwrap();
    std::fs::write(outside.join("b.md"), "# B\n- y\n").unwrap();
    std::fs::write(outside.join("deeper/c.md"), "# C\n- z\n").unwrap();
    std::os::unix::fs::symlink(&outside, notes.join("out")).unwrap();
    std::os::unix::fs::symlink("/", notes.join("root")).unwrap();
    std::os::unix::fs::symlink(outside.join("b.md"), notes.join("linked.md")).unwrap();
    assert_eq!(names(std::slice::from_ref(&notes), &notes), vec!["a.md", "linked.md"]);
    // A folder asked for by a link is walked.
    assert_eq!(
        names(&[notes.join("out")], &notes.join("out")),
        vec!["b.md", "deeper/c.md"]
    );
}

/// The README promises every file that cannot be loaded is named: in a
/// folder, a FIFO, a device node or a dangling link named like notes was
/// skipped without a word.
#[test]
fn special_files_and_dangling_links_in_a_folder_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("ok.md"), "# Talk\n- x\n").unwrap();
    let fifo = std::ffi::CString::new(d.join("pipe.md").to_str().unwrap()).unwrap();
    // SAFETY: mkfifo reads a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    std::os::unix::fs::symlink(d.join("gone.md"), d.join("dangling.md")).unwrap();
    std::os::unix::fs::symlink("/dev/null", d.join("device")).unwrap();
    std::os::unix::fs::symlink("/dev/null", d.join("picture.png")).unwrap();
    let (docs, errs) = reasons(&[d.to_path_buf()]);
    assert_eq!(docs, 1);
    assert_eq!(errs.len(), 3, "{errs:?}");
    let named = |name: &str, why: &str| errs.iter().any(|e| e.contains(name) && e.contains(why));
    assert!(named("pipe.md", "not a regular file"), "{errs:?}");
    assert!(named("dangling.md", "symlink to nothing"), "{errs:?}");
    assert!(named("device", "not a regular file"), "{errs:?}");
}

/// A folder nested past PATH_MAX cannot be opened by its path: it is named
/// with the reason, not summed up as "no notes files found".
#[test]
fn a_folder_nested_too_deep_to_open_is_named_with_the_reason() {
    use std::ffi::CString;
    let dir = tempfile::tempdir().unwrap();
    let name = CString::new("d".repeat(250)).unwrap();
    // SAFETY: plain *at calls on descriptors this test opened and closes.
    unsafe {
        let mut fd = libc::open(
            CString::new(dir.path().to_str().unwrap()).unwrap().as_ptr(),
            libc::O_DIRECTORY,
        );
        assert!(fd >= 0);
        for _ in 0..20 {
            assert_eq!(libc::mkdirat(fd, name.as_ptr(), 0o700), 0);
            let next = libc::openat(fd, name.as_ptr(), libc::O_DIRECTORY);
            libc::close(fd);
            assert!(next >= 0);
            fd = next;
        }
        let f = libc::openat(fd, c"deep.md".as_ptr(), libc::O_CREAT | libc::O_WRONLY, 0o600);
        assert!(f >= 0);
        assert_eq!(libc::write(f, b"# T\n- x\n".as_ptr().cast(), 8), 8);
        libc::close(f);
        libc::close(fd);
    }
    let (docs, errs) = reasons(&[dir.path().to_path_buf()]);
    assert_eq!(docs, 0);
    assert!(
        !errs.is_empty() && errs.iter().all(|e| !e.contains("no notes files found")),
        "{errs:?}"
    );
    assert!(errs.iter().any(|e| e.contains("too long")), "{errs:?}");
}

/// Issue 19 item 6: files in a folder come in natural order, as a file
/// manager lists them: day 2 before day 10.
#[test]
fn folder_files_come_in_natural_order() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for n in ["day10.md", "day2.md", "day1.md", "Day3.md", "day02b.md"] {
        std::fs::write(d.join(n), "# T\n- x\n").unwrap();
    }
    std::fs::create_dir(d.join("day9")).unwrap();
    std::fs::write(d.join("day9/a.md"), "# T\n- x\n").unwrap();
    assert_eq!(
        names(&[d.to_path_buf()], d),
        vec!["Day3.md", "day1.md", "day2.md", "day02b.md", "day9/a.md", "day10.md"]
    );
}
