//! Folder scans and file reads: what is picked up, in which order, and
//! how each file that cannot be read is named.

use super::*;

#[test]
fn folders_are_searched_recursively_skipping_hidden_ones() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("a/b")).unwrap();
    std::fs::create_dir_all(d.join(".git")).unwrap();
    std::fs::write(d.join("a/b/talk.md"), "# T\n- x\n").unwrap();
    std::fs::write(d.join("a/NOTES"), "Talk\n- y\n").unwrap();
    std::fs::write(d.join("a/pic.png"), [0u8, 1, 2]).unwrap();
    std::fs::write(d.join(".git/x.txt"), "no").unwrap();
    std::os::unix::fs::symlink(d, d.join("a/loop")).unwrap();
    let (found, errors, _) = collect(&[d.to_path_buf()], &ScanOptions::default());
    let names: Vec<String> = found
        .iter()
        .map(|f| f.path.strip_prefix(d).unwrap().display().to_string())
        .collect();
    assert_eq!(names, vec!["a/NOTES", "a/b/talk.md"]);
    assert!(errors.is_empty());
}

#[test]
fn file_limit_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..5 {
        std::fs::write(dir.path().join(format!("{i}.txt")), "x").unwrap();
    }
    let opts = ScanOptions {
        max_files: 3,
        ..Default::default()
    };
    let (found, _, notices) = collect(&[dir.path().to_path_buf()], &opts);
    assert_eq!(found.len(), 3);
    assert!(notices[0].contains("first 3 of 5"), "{notices:?}");
}

#[test]
fn bad_inputs_are_named_and_the_rest_load() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("good.txt"), "Talk\n- x\n").unwrap();
    std::fs::write(d.join("bin.txt"), b"ab\0cd").unwrap();
    let big = std::fs::File::create(d.join("big.txt")).unwrap();
    big.set_len(1 << 30).unwrap(); // sparse: refused without reading
    let fifo = d.join("pipe.txt");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let paths: Vec<PathBuf> = ["good.txt", "bin.txt", "big.txt", "pipe.txt", "missing.txt"]
        .iter()
        .map(|n| d.join(n))
        .collect();
    let r = load(&paths, &ScanOptions::default());
    assert_eq!(r.outline.docs().len(), 1);
    let reasons: Vec<String> = r.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert!(reasons[0].contains("missing.txt") && reasons[0].contains("no such file"));
    assert!(reasons.iter().any(|r| r.contains("bin.txt") && r.contains("binary")));
    assert!(reasons
        .iter()
        .any(|r| r.contains("big.txt") && r.contains("too large (1.0 GiB")));
    assert!(reasons
        .iter()
        .any(|r| r.contains("pipe.txt") && r.contains("not a regular file")));
}

#[test]
fn empty_folder_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let r = load(&[dir.path().to_path_buf()], &ScanOptions::default());
    assert!(r.errors[0].reason.contains("no notes files"));
}
