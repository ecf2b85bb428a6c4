//! Finding and reading notes files: the only part of the loader that touches
//! the file system. Folders are walked with walkdir, entries sorted by name
//! in natural order (n2 before n10), hidden ones skipped. Symlinks to folders
//! are not followed: the walk stays inside the folder asked for (a link to a
//! folder inside it would read its files twice), while files linked in are
//! read. Anything that is not a regular file, is too big or cannot be read
//! is named with the reason, and the rest still load.

use super::{parse_document_owned, Clean, Document, LoadError, Outline};
use rayon::prelude::*;
use std::cmp::Ordering;
use std::io::Read;
use std::path::{Path, PathBuf};
use walkdir::{DirEntry, WalkDir};

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
    "txt", "text", "md", "markdown", "mdown", "mkd", "org", "opml", "otl", "outline", "notes", "rst", "rest", "adoc",
    "asciidoc",
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
    pub notices: Vec<Clean>,
}

fn err(source: &Clean, reason: impl Into<String>) -> LoadError {
    LoadError {
        source: source.clone(),
        reason: reason.into(),
    }
}

/// A file found by a scan: its path, and how to name it to the user.
pub struct Found {
    pub path: PathBuf,
    pub source: Clean,
}

const NOT_REGULAR: &str = "not a regular file (a FIFO, device or socket); refusing to read it";

/// Expands the given paths into the files to load, in a stable order.
pub fn collect(paths: &[PathBuf], opts: &ScanOptions) -> (Vec<Found>, Vec<LoadError>, Vec<Clean>) {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    let mut notices = Vec::new();
    for p in paths {
        let source = Clean::path(p);
        match std::fs::metadata(p) {
            Err(e) => errors.push(err(&source, describe_io(&e))),
            Ok(m) if m.is_dir() => {
                let (files_before, errors_before) = (found.len(), errors.len());
                if let Some(n) = scan_dir(p, opts, &mut found, &mut errors) {
                    notices.push(n);
                }
                // Said only when nothing else was: a folder that could not be
                // read has already been named with the reason.
                if found.len() == files_before && errors.len() == errors_before {
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

fn has_wanted_extension(path: &Path, opts: &ScanOptions) -> Option<bool> {
    let ext = path.extension()?;
    let ext = ext.to_str();
    Some(ext.is_some_and(|e| opts.extensions.iter().any(|x| x.eq_ignore_ascii_case(e))))
}

/// Named like a notes file: a wanted extension, or none at all.
fn named_like_notes(path: &Path, opts: &ScanOptions) -> bool {
    has_wanted_extension(path, opts).unwrap_or(true)
}

/// Whether a folder scan would pick up this file (its extension, or its
/// start reading as text when it has none): for files that appear later.
pub fn is_notes_file(path: &Path, opts: &ScanOptions) -> bool {
    wanted(path, opts)
}

fn wanted(path: &Path, opts: &ScanOptions) -> bool {
    // No extension: a notes file if its start reads as text.
    has_wanted_extension(path, opts).unwrap_or_else(|| sniff_text(path))
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

/// Names in natural order: runs of digits compare as numbers, so `n2`
/// sorts before `n10`; equal numbers written differently (`n01`, `n1`)
/// fall back to their bytes, so the order is total.
pub fn natural_cmp(a: &[u8], b: &[u8]) -> Ordering {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i].is_ascii_digit() && b[j].is_ascii_digit() {
            let (si, sj) = (i, j);
            while i < a.len() && a[i].is_ascii_digit() {
                i += 1;
            }
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            let trim = |d: &[u8]| -> usize { d.iter().take_while(|&&c| c == b'0').count() };
            let (x, y) = (&a[si + trim(&a[si..i])..i], &b[sj + trim(&b[sj..j])..j]);
            match x.len().cmp(&y.len()).then_with(|| x.cmp(y)) {
                Ordering::Equal => {}
                o => return o,
            }
        } else if a[i] != b[j] {
            return a[i].cmp(&b[j]);
        } else {
            i += 1;
            j += 1;
        }
    }
    (a.len() - i).cmp(&(b.len() - j)).then_with(|| a.cmp(b))
}

fn is_hidden(e: &DirEntry) -> bool {
    // The folder asked for is walked whatever its name (`talktree .`).
    e.depth() > 0 && e.file_name().as_encoded_bytes().starts_with(b".")
}

/// Walks a folder; returns a notice if the file limit was reached. Files
/// are collected in walk order; special files, dangling links and folders
/// that cannot be read are named in `errors`.
fn scan_dir(root: &Path, opts: &ScanOptions, found: &mut Vec<Found>, errors: &mut Vec<LoadError>) -> Option<Clean> {
    let walk = WalkDir::new(root)
        .follow_links(false)
        .sort_by(|a, b| natural_cmp(a.file_name().as_encoded_bytes(), b.file_name().as_encoded_bytes()))
        .into_iter()
        .filter_entry(|e| !is_hidden(e));
    let mut files = Vec::new();
    for entry in walk {
        let e = match entry {
            Ok(e) => e,
            Err(e) => {
                let at = Clean::path(e.path().unwrap_or(root));
                let reason = e.io_error().map_or_else(|| e.to_string(), describe_io);
                errors.push(err(&at, format!("cannot read this folder: {reason}")));
                continue;
            }
        };
        let ft = e.file_type();
        if ft.is_dir() {
            continue;
        }
        let path = e.path();
        if ft.is_file() {
            if wanted(path, opts) {
                files.push(e.into_path());
            }
            continue;
        }
        if !named_like_notes(path, opts) {
            continue;
        }
        // A link is read when it leads to a file; one to a folder is not
        // followed (see the module doc).
        let target = if ft.is_symlink() {
            std::fs::metadata(path)
        } else {
            e.metadata().map_err(|e| e.into())
        };
        match target {
            Ok(m) if m.is_file() => {
                if wanted(path, opts) {
                    files.push(e.into_path());
                }
            }
            Ok(m) if m.is_dir() => {}
            Ok(_) => errors.push(err(&Clean::path(path), NOT_REGULAR)),
            Err(x) if x.kind() == std::io::ErrorKind::NotFound => {
                errors.push(err(&Clean::path(path), "a symlink to nothing (its target is missing)"))
            }
            Err(x) => errors.push(err(&Clean::path(path), describe_io(&x))),
        }
    }
    let total = files.len();
    files.truncate(opts.max_files);
    found.extend(files.into_iter().map(|p| Found {
        source: Clean::path(&p),
        path: p,
    }));
    (total > opts.max_files).then(|| {
        Clean::from(format!(
            "loaded the first {} of {total} notes files in {} (narrow the folder to see the rest)",
            opts.max_files,
            Clean::path(root)
        ))
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
        std::io::ErrorKind::InvalidFilename => "the path is too long for the system to open".into(),
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
pub fn read_file(path: &Path, source: &Clean) -> Result<Vec<u8>, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| err(source, describe_io(&e)))?;
    if meta.is_dir() {
        return Err(err(source, "is a folder"));
    }
    if !meta.is_file() {
        return Err(err(source, NOT_REGULAR));
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
        return Err(err(source, NOT_REGULAR));
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
            // Absolute and lossless, even past PATH_MAX or in a name that is not UTF-8.
            let key = crate::state::paths::doc_key(&f.path);
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
#[path = "fs_tests.rs"]
mod tests;
