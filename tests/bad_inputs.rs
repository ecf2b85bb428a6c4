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
