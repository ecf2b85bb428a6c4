//! The state file on disk, handled so that nothing the user has is ever
//! lost: writes are atomic (a fresh temp file in the same folder, fsync,
//! rename), a lock makes concurrent runs take turns, a damaged or oversized
//! file is moved aside under a name of its own, and a file from a newer
//! talktree, or one that could not be read, is never overwritten.

use super::file::{self, ReadProblem};
use super::{from_value_lenient, merge, Changes, State, MAX_FILE_BYTES, VERSION};
use crate::outline::Clean;
use std::fs::{self, File, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub struct Store {
    pub dir: PathBuf,
    /// Set when the file on disk must not be written (newer, or unreadable).
    pub read_only: bool,
    /// A save already failed and said so: do not repeat the warning.
    warned: bool,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Saved {
    Written,
    /// Another talktree held the lock; try again later.
    Busy,
    /// Not written; the message is for the status line (said once).
    Failed(Option<String>),
}

/// What is on disk.
enum Disk {
    Missing,
    Parsed(State),
    /// Not a JSON object (or not UTF-8), or over the size limit.
    Damaged(&'static str),
    Unreadable(ReadProblem),
}

fn shown(p: &Path) -> Clean {
    Clean::path(p)
}

impl Store {
    /// The state folder: `TALKTREE_STATE_DIR`, else the platform's state dir,
    /// else its local data dir.
    pub fn locate() -> Option<Store> {
        let dir = match std::env::var_os("TALKTREE_STATE_DIR").filter(|v| !v.is_empty()) {
            Some(d) => PathBuf::from(d),
            None => {
                let p = directories::ProjectDirs::from("", "", "talktree")?;
                p.state_dir().unwrap_or_else(|| p.data_local_dir()).to_path_buf()
            }
        };
        Some(Store::at(dir))
    }

    pub fn at(dir: PathBuf) -> Store {
        Store {
            dir,
            read_only: false,
            warned: false,
        }
    }

    pub fn file(&self) -> PathBuf {
        self.dir.join("state.json")
    }

    fn lock_file(&self) -> PathBuf {
        self.dir.join("state.lock")
    }

    fn read_disk(&self) -> Disk {
        // Bytes, not a string: a file that is not UTF-8 is damaged, and must
        // be moved aside like any other rather than overwritten by the next save.
        let bytes = match file::read_capped(&self.file(), MAX_FILE_BYTES) {
            Ok(None) => return Disk::Missing,
            Ok(Some(b)) => b,
            Err(ReadProblem::TooLarge { .. }) => return Disk::Damaged("too large"),
            Err(e) => return Disk::Unreadable(e),
        };
        match serde_json::from_slice::<serde_json::Value>(&bytes) {
            Ok(v @ serde_json::Value::Object(_)) => Disk::Parsed(from_value_lenient(v)),
            _ => Disk::Damaged("damaged"),
        }
    }

    /// Reads the state without changing anything on disk (for `--last` in
    /// a mode that prints and exits). A message when it could not be used.
    pub fn peek(&self) -> (State, Option<String>) {
        match self.read_disk() {
            Disk::Missing => (State::default(), None),
            Disk::Parsed(s) => (s, None),
            Disk::Damaged(why) => (
                State::default(),
                Some(format!("{} is {why}; not used", shown(&self.file()))),
            ),
            Disk::Unreadable(e) => (
                State::default(),
                Some(format!("could not read {}: {e}", shown(&self.file()))),
            ),
        }
    }

    /// Reads the state for a run that will save it. Returns it and, when
    /// something needs saying (a damaged file moved aside, a newer or
    /// unreadable one left alone), a message.
    pub fn load(&mut self) -> (State, Option<String>) {
        let path = self.file();
        match self.read_disk() {
            Disk::Missing => (State::default(), None),
            Disk::Parsed(s) if s.version > VERSION => {
                self.read_only = true;
                let msg = format!("{} is from a newer talktree: read, and left unchanged", shown(&path));
                (s, Some(msg))
            }
            Disk::Parsed(s) => (s, None),
            Disk::Damaged(why) => {
                let aside = match file::move_aside(&path, "corrupt") {
                    Ok(p) => format!("moved to {}", shown(&p)),
                    Err(e) => {
                        // Left where it is: then it must not be overwritten either.
                        self.read_only = true;
                        format!("could not move it aside ({e}): left in place, and nothing is saved")
                    }
                };
                (
                    State::default(),
                    Some(format!("the saved state was {why}; {aside}; started fresh")),
                )
            }
            Disk::Unreadable(e) => {
                self.read_only = true;
                let msg = format!(
                    "could not read {}: {e}; it is left alone and nothing is saved",
                    shown(&path)
                );
                (State::default(), Some(msg))
            }
        }
    }

    /// Lays `mine` over the file on disk and writes the result atomically.
    /// A busy lock returns at once (`Saved::Busy`).
    pub fn save(&mut self, mine: &Changes) -> Saved {
        self.save_waiting(mine, Duration::ZERO)
    }

    /// `save`, waiting up to `wait` for another talktree to release the lock.
    pub fn save_waiting(&mut self, mine: &Changes, wait: Duration) -> Saved {
        let start = Instant::now();
        loop {
            if self.read_only {
                return Saved::Failed(None);
            }
            match self.try_save(mine) {
                Ok(Saved::Busy) if start.elapsed() < wait => std::thread::sleep(Duration::from_millis(20)),
                Ok(s) => return s,
                Err(e) => {
                    let first = !std::mem::replace(&mut self.warned, true);
                    return Saved::Failed(first.then(|| format!("cannot save state in {}: {e}", shown(&self.dir))));
                }
            }
        }
    }

    fn try_save(&mut self, mine: &Changes) -> std::io::Result<Saved> {
        fs::create_dir_all(&self.dir)?;
        let lock = file::open_lock(&self.lock_file())?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Ok(Saved::Busy),
            Err(TryLockError::Error(e)) => return Err(e),
        }
        // Under the lock: re-read what other runs saved, then merge.
        let (disk, msg) = self.load();
        if self.read_only {
            return Ok(Saved::Failed(msg));
        }
        let merged = merge(disk, mine);
        let bytes = serde_json::to_vec(&merged).map_err(std::io::Error::other)?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(std::io::Error::other(
                "the state would be too large to read back; not written",
            ));
        }
        let (mut f, tmp) = file::create_temp(&self.dir, "state.json.tmp")?;
        let written = (|| {
            f.write_all(&bytes)?;
            f.sync_all()?;
            fs::rename(&tmp, self.file())?;
            // The rename itself must survive a crash: sync the folder.
            File::open(&self.dir)?.sync_all()
        })();
        if written.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        written.map(|()| Saved::Written)
    }
}

#[cfg(test)]
#[path = "store_tests.rs"]
mod tests;
