//! Notes from standard input: `curl URL | talktree -`. A path of `-`, or one
//! that opens the very pipe, socket or terminal standard input is
//! (`/dev/stdin`, `/proc/self/fd/0`), reads it once, with the size limit a
//! file has; the format is found from the content, as for any file. Any
//! other FIFO or device on the command line is still refused (reading one
//! could wait forever), so this is the only path that may block: on the
//! writer at the other end of the pipe, which the user started.

use crate::outline::{fs::MAX_FILE_BYTES, parse_document_owned, Clean, Document, LoadError, Outline, STDIN_SOURCE};
use std::io::{IsTerminal, Read};
use std::os::unix::fs::MetadataExt;
use std::path::Path;

/// Whether `path` names this process's standard input.
pub fn names_stdin(path: &Path) -> bool {
    path.as_os_str() == "-" || is_open_stdin(path)
}

/// `path` is the same pipe, socket or terminal as file descriptor 0. A
/// regular file redirected in (`< notes.md`) is not: its path reads it
/// anew, like any file's.
fn is_open_stdin(path: &Path) -> bool {
    let Ok(named) = std::fs::metadata(path) else {
        return false;
    };
    if named.is_file() || named.is_dir() {
        return false;
    }
    // SAFETY: fstat fills `st` for descriptor 0, open or not (it fails then).
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstat(0, &mut st) } != 0 {
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
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Err(failed(
            "standard input is the terminal, not notes: pipe them in (curl URL | talktree -)",
        ));
    }
    let mut bytes = Vec::new();
    stdin
        .lock()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| failed(format!("cannot read standard input: {e}")))?;
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
