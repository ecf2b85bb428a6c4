//! Notes from standard input: `curl URL | talktree -`. A path of `-`, or one
//! that opens the very pipe, socket or terminal standard input is
//! (`/dev/stdin`, `/proc/self/fd/0`), reads it once, with the size limit a
//! file has; the format is found from the content, as for any file. Any
//! other FIFO or device on the command line is still refused (reading one
//! could wait forever), so this is the only path that may block: on the
//! writer at the other end of the pipe, which the user started.
//!
//! The reader needs keys from the terminal. When standard input is not the
//! terminal, `detach` moves it off descriptor 0 (kept for the notes, if
//! named) and opens the terminal there, so crossterm reads keys from
//! standard input as in any run. (Left alone, crossterm opens /dev/tty
//! itself when stdin is not a terminal: that works on Linux, but on macOS
//! its kqueue cannot watch /dev/tty and it fails to start, crossterm issues
//! #939 and #396; its `use-dev-tty` poll source, the usual fix, stops the
//! keys reaching this reader on Linux.)

use crate::outline::{fs::MAX_FILE_BYTES, parse_document_owned, Clean, Document, LoadError, Outline, STDIN_SOURCE};
use std::fs::File;
use std::io::{IsTerminal, Read};
use std::os::fd::{AsRawFd, FromRawFd};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Standard input as it was, once `detach` has put the terminal in its place.
static DETACHED: OnceLock<File> = OnceLock::new();

/// For the reader, when standard input is not the terminal: moves it to a
/// new descriptor (which `read` then reads) and opens the terminal on
/// descriptor 0. `paths` naming stdin become `-` first: after this,
/// `/dev/stdin` is the terminal. When the terminal cannot be opened,
/// leaves stdin as it is (crossterm then tries /dev/tty itself).
pub fn detach(paths: &mut [PathBuf]) {
    for p in paths.iter_mut().filter(|p| names_stdin(p)) {
        *p = PathBuf::from("-");
    }
    if std::io::stdin().is_terminal() || DETACHED.get().is_some() {
        return;
    }
    let Ok(tty) = std::fs::OpenOptions::new().read(true).write(true).open("/dev/tty") else {
        return;
    };
    // SAFETY: fcntl and dup2 act on descriptors this process holds; the
    // new descriptor is owned by the File made from it and by nothing else.
    unsafe {
        // -1 when stdin is closed: nothing to keep.
        let notes = libc::fcntl(0, libc::F_DUPFD_CLOEXEC, 3);
        if libc::dup2(tty.as_raw_fd(), 0) < 0 {
            if notes >= 0 {
                libc::close(notes);
            }
            return;
        }
        if notes >= 0 {
            let _ = DETACHED.set(File::from_raw_fd(notes));
        }
    }
}

/// Whether `path` names this process's standard input.
pub fn names_stdin(path: &Path) -> bool {
    path.as_os_str() == "-" || is_open_stdin(path)
}

/// `path` opens what file descriptor 0 is: a pipe, socket or terminal, or
/// a file redirected in when reached through a link or device node
/// (`/dev/stdin < notes.md`). A file named itself stays a file, even when it
/// is also redirected in (`talktree notes.md < notes.md`).
fn is_open_stdin(path: &Path) -> bool {
    let Ok(named) = std::fs::metadata(path) else {
        return false;
    };
    let itself = || std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file());
    if named.is_dir() || (named.is_file() && itself()) {
        return false;
    }
    let fd = DETACHED.get().map_or(0, |f| f.as_raw_fd());
    // SAFETY: fstat fills `st` for the descriptor, open or not (it fails then).
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        return false;
    }
    named.dev() == st.st_dev as u64 && named.ino() == st.st_ino as u64
}

fn failed(reason: impl Into<String>) -> LoadError {
    LoadError {
        source: Clean::new(STDIN_SOURCE),
        reason: reason.into(),
    }
}

/// Reads standard input to its end (or one byte past the limit).
pub fn read() -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    let read = match DETACHED.get() {
        Some(f) => f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes),
        None if std::io::stdin().is_terminal() => {
            return Err(failed(
                "standard input is the terminal, not notes: pipe them in (curl URL | talktree -)",
            ))
        }
        None => std::io::stdin().lock().take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes),
    };
    read.map_err(|e| failed(format!("cannot read standard input: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(failed("too large (over the 64 MiB limit)"));
    }
    Ok(bytes)
}

/// Standard input's notes as a document named `<stdin>`; `keep` gets a
/// copy of the bytes when asked (for `--search --format grep` columns).
pub fn load(keep: Option<&mut Vec<u8>>) -> Result<Outline, LoadError> {
    let bytes = read()?;
    if let Some(k) = keep {
        k.clone_from(&bytes);
    }
    let doc = parse_document_owned(bytes, STDIN_SOURCE)?;
    Ok(Document {
        key: STDIN_SOURCE.to_string(),
        ..doc
    }
    .into_outline())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dash_names_stdin_and_files_do_not() {
        assert!(names_stdin(Path::new("-")));
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("-x");
        std::fs::write(&f, "notes").unwrap();
        assert!(!names_stdin(&f));
        assert!(!names_stdin(dir.path()));
        assert!(!names_stdin(&dir.path().join("missing")));
        assert!(!names_stdin(Path::new("./-")));
    }
}
