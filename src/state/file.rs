//! The file operations the state and config need, each safe against what
//! can be lying in their folders: reads take only regular files up to a
//! size (a FIFO would hang, `/dev/zero` would never end), new files are
//! created exclusively under a random name without following a symlink,
//! the lock is opened without following one, and a file moved aside never
//! replaces another.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadProblem {
    /// A FIFO, device, socket or folder.
    NotRegular,
    TooLarge {
        size: u64,
        cap: u64,
    },
    Io(io::Error),
}

impl std::fmt::Display for ReadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadProblem::NotRegular => write!(f, "not a regular file (a FIFO, device, socket or folder)"),
            ReadProblem::TooLarge { size, cap } => {
                write!(
                    f,
                    "too large ({} KiB; the limit is {} KiB)",
                    size.div_ceil(1024),
                    cap >> 10
                )
            }
            ReadProblem::Io(e) => write!(f, "{e}"),
        }
    }
}

/// Reads `path` if it is a regular file of at most `cap` bytes. `None`
/// when it does not exist. Opening never blocks: a FIFO is seen for what
/// it is before anything is read from it.
pub fn read_capped(path: &Path, cap: u64) -> Result<Option<Vec<u8>>, ReadProblem> {
    let f = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path);
    let f = match f {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(ReadProblem::Io(e)),
    };
    let meta = f.metadata().map_err(ReadProblem::Io)?;
    if !meta.is_file() {
        return Err(ReadProblem::NotRegular);
    }
    if meta.len() > cap {
        return Err(ReadProblem::TooLarge { size: meta.len(), cap });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    f.take(cap + 1).read_to_end(&mut bytes).map_err(ReadProblem::Io)?;
    if bytes.len() as u64 > cap {
        return Err(ReadProblem::TooLarge {
            size: bytes.len() as u64,
            cap,
        });
    }
    Ok(Some(bytes))
}

/// 64 bits no other process can guess: std's hasher keys are seeded from
/// the operating system's randomness.
fn random_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.write_u32(std::process::id());
    h.finish()
}

/// Creates a new file `PREFIX.<random>` in `dir`, readable only by its
/// owner. `O_EXCL` and `O_NOFOLLOW`: whatever sits at that name (a symlink
/// to a file worth overwriting, say) makes it pick another name, never
/// write through it.
pub fn create_temp(dir: &Path, prefix: &str) -> io::Result<(File, PathBuf)> {
    let mut last = None;
    for _ in 0..16 {
        let path = dir.join(format!("{prefix}.{:016x}", random_u64()));
        let opened = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
            .open(&path);
        match opened {
            Ok(f) => return Ok((f, path)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temporary name")))
}

/// Opens (creating it if needed) the lock file, refusing a symlink there:
/// a dangling one would otherwise create its target.
pub fn open_lock(path: &Path) -> io::Result<File> {
    let opened = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(path);
    opened.map_err(|e| {
        if e.raw_os_error() == Some(libc::ELOOP) {
            io::Error::other(format!(
                "{} is a symbolic link; not following it",
                crate::outline::Clean::path(path)
            ))
        } else {
            e
        }
    })
}

/// Moves `path` to `NAME.<what>-<secs>` in its folder, adding `-2`, `-3`…
/// when that name is taken, so an earlier file moved aside in the same
/// second is never replaced. A hard link claims the new name atomically
/// (it fails if the name exists); where links are not supported, a rename
/// to a name checked to be free.
pub fn move_aside(path: &Path, what: &str) -> io::Result<PathBuf> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    for n in 1..=1000u32 {
        let suffix = if n == 1 { String::new() } else { format!("-{n}") };
        let aside = path.with_file_name(format!("{name}.{what}-{secs}{suffix}"));
        match std::fs::hard_link(path, &aside) {
            Ok(()) => {
                std::fs::remove_file(path)?;
                return Ok(aside);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(e),
            Err(_) if std::fs::symlink_metadata(&aside).is_err() => {
                std::fs::rename(path, &aside)?;
                return Ok(aside);
            }
            Err(_) => continue,
        }
    }
    Err(io::Error::other("no free name to move it to"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_files_get_fresh_names_and_never_write_through_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep").unwrap();
        let mut names = std::collections::HashSet::new();
        for _ in 0..50 {
            let (_, p) = create_temp(dir.path(), "state.json.tmp").unwrap();
            assert!(names.insert(p.clone()), "name reused: {}", p.display());
            // Turn it into a symlink to the victim: the next name must not be it.
            std::fs::remove_file(&p).unwrap();
            std::os::unix::fs::symlink(&victim, &p).unwrap();
        }
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
    }

    #[test]
    fn the_lock_is_not_opened_through_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("created-by-a-dangling-link");
        std::os::unix::fs::symlink(&target, dir.path().join("state.lock")).unwrap();
        let e = open_lock(&dir.path().join("state.lock")).unwrap_err();
        assert!(e.to_string().contains("symbolic link"), "{e}");
        assert!(!target.exists());
    }

    #[test]
    fn fifos_and_devices_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo on a path we own.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert!(matches!(read_capped(&fifo, 100), Err(ReadProblem::NotRegular)));
        assert!(matches!(
            read_capped(Path::new("/dev/zero"), 100),
            Err(ReadProblem::NotRegular)
        ));
        assert!(matches!(read_capped(dir.path(), 100), Err(ReadProblem::NotRegular)));
        assert!(matches!(read_capped(&dir.path().join("none"), 100), Ok(None)));
        std::fs::write(dir.path().join("big"), [b'x'; 101]).unwrap();
        assert!(matches!(
            read_capped(&dir.path().join("big"), 100),
            Err(ReadProblem::TooLarge { size: 101, cap: 100 })
        ));
        assert_eq!(read_capped(&dir.path().join("big"), 101).unwrap().unwrap().len(), 101);
    }

    #[test]
    fn moving_aside_twice_in_a_second_keeps_both() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("state.json");
        std::fs::write(&p, "first").unwrap();
        let a = move_aside(&p, "corrupt").unwrap();
        std::fs::write(&p, "second").unwrap();
        let b = move_aside(&p, "corrupt").unwrap();
        assert_ne!(a, b);
        assert_eq!(std::fs::read_to_string(a).unwrap(), "first");
        assert_eq!(std::fs::read_to_string(b).unwrap(), "second");
        assert!(!p.exists());
    }
}
