//! Finding and reading notes files: the only part of the loader that touches
//! the file system. Directories are searched recursively (hidden folders and
//! symlink loops skipped); anything that is not a regular file, is too big or
//! cannot be read is reported by name and the rest still load.

use super::{parse_document_owned, Document, LoadError, Outline};
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Files larger than this are refused without being read.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// What a directory scan picks up.
#[derive(Clone, Debug)]
pub struct ScanOptions {
    /// Lowercase extensions without the dot.
    pub extensions: Vec<String>,
    /// Stop collecting after this many files (with a notice).
    pub max_files: usize,
}

pub const DEFAULT_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "mdown", "mkd", "org", "opml", "otl", "outline", "notes",
];

impl Default for ScanOptions {
    fn default() -> Self {
        ScanOptions {
            extensions: DEFAULT_EXTENSIONS.iter().map(|s| s.to_string()).collect(),
            max_files: 20_000,
        }
    }
}

/// Everything a load produced.
#[derive(Debug, Default)]
pub struct LoadReport {
    pub outline: Outline,
    pub errors: Vec<LoadError>,
    /// Things worth saying that are not failures (a scan limit reached).
    pub notices: Vec<String>,
}

fn err(source: &str, reason: impl Into<String>) -> LoadError {
    LoadError {
        source: source.to_string(),
        reason: reason.into(),
    }
}

/// A file found by a scan: its path, and how to name it to the user.
pub struct Found {
    pub path: PathBuf,
    pub source: String,
}

/// Expands the given paths into the files to load, in a stable order.
pub fn collect(paths: &[PathBuf], opts: &ScanOptions) -> (Vec<Found>, Vec<LoadError>, Vec<String>) {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    let mut notices = Vec::new();
    for p in paths {
        let source = p.display().to_string();
        match std::fs::metadata(p) {
            Err(e) => errors.push(err(&source, describe_io(&e))),
            Ok(m) if m.is_dir() => {
                let before = found.len();
                if let Some(n) = scan_dir(p, opts, &mut found) {
                    notices.push(n);
                }
                if found.len() == before {
                    errors.push(err(&source, "no notes files found in this folder"));
                }
            }
            Ok(_) => found.push(Found {
                path: p.clone(),
                source,
            }),
        }
    }
    (found, errors, notices)
}

fn wanted(path: &Path, opts: &ScanOptions) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) => opts.extensions.iter().any(|x| x.eq_ignore_ascii_case(e)),
        // No extension: a notes file if its start reads as text.
        None => sniff_text(path),
    }
}

fn sniff_text(path: &Path) -> bool {
    let Ok(m) = std::fs::metadata(path) else { return false };
    if !m.is_file() || m.len() == 0 || m.len() > MAX_FILE_BYTES {
        return false;
    }
    let mut buf = [0u8; 1024];
    let Ok(mut f) = open_nonblocking(path) else {
        return false;
    };
    let n = f.read(&mut buf).unwrap_or(0);
    n > 0 && !buf[..n].contains(&0) && std::str::from_utf8(&buf[..n.min(1000)]).is_ok()
}

/// Walks a folder without recursion; returns a notice if the file limit hit.
fn scan_dir(root: &Path, opts: &ScanOptions, found: &mut Vec<Found>) -> Option<String> {
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut stack = vec![root.to_path_buf()];
    let mut files = Vec::new();
    while let Some(dir) = stack.pop() {
        let Ok(canon) = std::fs::canonicalize(&dir) else {
            continue;
        };
        if !seen.insert(canon) {
            continue; // a symlink loop or a folder reached twice
        }
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        let mut here: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        here.sort();
        for p in here.into_iter().rev() {
            let hidden = p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            match std::fs::metadata(&p) {
                Ok(m) if m.is_dir() => stack.push(p),
                Ok(m) if m.is_file() && wanted(&p, opts) => files.push(p),
                _ => {}
            }
        }
    }
    files.sort();
    let total = files.len();
    files.truncate(opts.max_files);
    found.extend(files.into_iter().map(|p| Found {
        source: p.display().to_string(),
        path: p,
    }));
    (total > opts.max_files).then(|| {
        format!(
            "loaded the first {} of {total} notes files in {} (narrow the folder to see the rest)",
            opts.max_files,
            root.display()
        )
    })
}

fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => format!("cannot read: {e}"),
    }
}

fn human_size(n: u64) -> String {
    if n >= 1 << 30 {
        format!("{:.1} GiB", n as f64 / (1u64 << 30) as f64)
    } else {
        format!("{:.1} MiB", n as f64 / (1u64 << 20) as f64)
    }
}

/// Reads one file, refusing (without reading) anything that is not a
/// regular file or is over the size limit. Never blocks on a FIFO.
pub fn read_file(path: &Path, source: &str) -> Result<Vec<u8>, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| err(source, describe_io(&e)))?;
    if meta.is_dir() {
        return Err(err(source, "is a folder"));
    }
    if !meta.is_file() {
        return Err(err(
            source,
            "not a regular file (a FIFO, device or socket); refusing to read it",
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(err(
            source,
            format!("too large ({}; the limit is 64 MiB)", human_size(meta.len())),
        ));
    }
    let mut f = open_nonblocking(path).map_err(|e| err(source, describe_io(&e)))?;
    // The path may have been swapped since the check: look at what we opened.
    let opened = f.metadata().map_err(|e| err(source, describe_io(&e)))?;
    if !opened.is_file() {
        return Err(err(
            source,
            "not a regular file (a FIFO, device or socket); refusing to read it",
        ));
    }
    let mut bytes = Vec::with_capacity(opened.len() as usize);
    f.by_ref()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| err(source, describe_io(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(err(source, "too large (grew past the 64 MiB limit while reading)"));
    }
    Ok(bytes)
}

/// Loads every notes file under `paths`, in parallel, keeping their order.
pub fn load(paths: &[PathBuf], opts: &ScanOptions) -> LoadReport {
    let (found, mut errors, notices) = collect(paths, opts);
    // Each file becomes its own small outline on whichever core parsed it,
    // so only the final copy into one outline is sequential.
    let results: Vec<Result<Outline, LoadError>> = found
        .par_iter()
        .map(|f| {
            let doc = read_file(&f.path, &f.source).and_then(|bytes| parse_document_owned(bytes, &f.source))?;
            let key = std::fs::canonicalize(&f.path).map_or(doc.key.clone(), |p| p.display().to_string());
            Ok(Document { key, ..doc }.into_outline())
        })
        .collect();
    let mut parts = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(o) => parts.push(o),
            Err(e) => errors.push(e),
        }
    }
    LoadReport {
        outline: Outline::concat(parts),
        errors,
        notices,
    }
}

#[cfg(test)]
mod tests {
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
}
