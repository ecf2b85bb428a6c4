//! Paths as state-file text, without loss: JSON strings are Unicode, file
//! names are bytes. A path that is UTF-8 is stored as it is; one that is not
//! is stored as `bytes:` and the path with `%` and every byte outside
//! printable ASCII written `%XX`. Stored paths are absolute (they start with
//! `/`), so the prefix cannot be mistaken for a real path.

use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

const BYTES: &str = "bytes:";

/// The text that stands for `path` in the state file.
pub fn to_text(path: &Path) -> String {
    if let Some(s) = path.to_str() {
        return s.to_string();
    }
    let mut out = String::from(BYTES);
    for &b in path.as_os_str().as_bytes() {
        if b == b'%' || !(0x20..0x7f).contains(&b) {
            out.push_str(&format!("%{b:02X}"));
        } else {
            out.push(b as char);
        }
    }
    out
}

/// The path `to_text` wrote (text without the prefix is a path as it is).
pub fn from_text(text: &str) -> PathBuf {
    let Some(rest) = text.strip_prefix(BYTES) else {
        return PathBuf::from(text);
    };
    let mut bytes = Vec::with_capacity(rest.len());
    let raw = rest.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        let hex = raw.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (raw[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                bytes.push(b);
                i += 3;
            }
            (b, _) => {
                bytes.push(b);
                i += 1;
            }
        }
    }
    PathBuf::from(OsString::from_vec(bytes))
}

/// Where `path` is, for remembering it: its canonical form, or (when the
/// system cannot resolve it, as past PATH_MAX) the path made absolute
/// against the current folder, never a bare relative name that would
/// collide with the same name in another folder.
pub fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// The key a loaded file's remembered state is filed under.
pub fn doc_key(path: &Path) -> String {
    to_text(&absolute(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_paths_are_kept_as_they_are() {
        for p in ["/home/ann/notes.md", "/tmp/caf\u{e9} 100%.md", "/x/bytes:y"] {
            assert_eq!(to_text(Path::new(p)), p);
            assert_eq!(from_text(p), Path::new(p));
        }
    }

    #[test]
    fn non_utf8_paths_round_trip_and_stay_distinct() {
        let a = PathBuf::from(OsString::from_vec(b"/n/caf\xe9.md".to_vec()));
        let b = PathBuf::from(OsString::from_vec(b"/n/caf\xe8.md".to_vec()));
        let odd = PathBuf::from(OsString::from_vec(b"/n/%41\x1b\xff".to_vec()));
        for p in [&a, &b, &odd] {
            let t = to_text(p);
            assert!(t.starts_with("bytes:/n/"), "{t}");
            assert!(t.chars().all(|c| c.is_ascii_graphic() || c == ' '), "{t}");
            assert_eq!(&from_text(&t), p);
        }
        assert_ne!(to_text(&a), to_text(&b));
    }

    #[test]
    fn a_relative_name_is_keyed_by_where_it_is() {
        let key = doc_key(Path::new("no-such-note.md"));
        assert!(key.starts_with('/'), "{key}");
        assert!(key.ends_with("/no-such-note.md"), "{key}");
    }
}
