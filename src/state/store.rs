//! The state file on disk, handled so that nothing the user has is ever
//! lost: writes are atomic (temp file in the same folder, fsync, rename), a
//! lock makes concurrent runs take turns (a busy lock skips the save rather
//! than blocking the UI), a corrupt file is moved aside, and a file from a
//! newer talktree is read but never overwritten.

use super::{from_value_lenient, merge, Changes, State, VERSION};
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};

pub struct Store {
    pub dir: PathBuf,
    /// Set when the file on disk must not be written (newer version).
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

    /// Reads the state. Returns it and, when something needs saying (a
    /// corrupt file moved aside, a newer version), a message.
    pub fn load(&mut self) -> (State, Option<String>) {
        let path = self.file();
        // Bytes, not a string: a file that is not UTF-8 is damaged, and must
        // be moved aside like any other rather than overwritten by the next save.
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (State::default(), None),
            Err(e) => {
                return (
                    State::default(),
                    Some(format!("could not read {}: {e}", path.display())),
                )
            }
        };
        match serde_json::from_slice::<serde_json::Value>(&bytes) {
            Ok(v @ serde_json::Value::Object(_)) => {
                let s = from_value_lenient(v);
                if s.version > VERSION {
                    self.read_only = true;
                    let msg = format!("{} is from a newer talktree: read, and left unchanged", path.display());
                    return (s, Some(msg));
                }
                (s, None)
            }
            _ => {
                let aside = self.move_aside(&path);
                (
                    State::default(),
                    Some(format!(
                        "the saved state was damaged; moved to {aside} and started fresh"
                    )),
                )
            }
        }
    }

    fn move_aside(&self, path: &Path) -> String {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let aside = path.with_file_name(format!("state.json.corrupt-{secs}"));
        match fs::rename(path, &aside) {
            Ok(()) => aside.display().to_string(),
            Err(_) => format!("{} (could not move it: left in place)", path.display()),
        }
    }

    /// Lays `mine` over the file on disk and writes the result atomically.
    pub fn save(&mut self, mine: &Changes) -> Saved {
        if self.read_only {
            return Saved::Failed(None);
        }
        match self.try_save(mine) {
            Ok(s) => s,
            Err(e) => {
                let first = !std::mem::replace(&mut self.warned, true);
                Saved::Failed(first.then(|| format!("cannot save state in {}: {e}", self.dir.display())))
            }
        }
    }

    fn try_save(&mut self, mine: &Changes) -> std::io::Result<Saved> {
        fs::create_dir_all(&self.dir)?;
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.lock_file())?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Ok(Saved::Busy),
            Err(TryLockError::Error(e)) => return Err(e),
        }
        // Under the lock: re-read what other runs saved, then merge.
        let (disk, _) = self.load();
        if self.read_only {
            return Ok(Saved::Failed(None));
        }
        let merged = merge(disk, mine);
        let bytes = serde_json::to_vec_pretty(&merged).map_err(std::io::Error::other)?;
        let tmp = self.dir.join(format!("state.json.tmp-{}", std::process::id()));
        let written = (|| {
            let mut f = File::create(&tmp)?;
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
mod tests {
    use super::*;

    fn changes(history: &str) -> Changes {
        let mut c = Changes::default();
        c.state.find_history = vec![history.to_string()];
        c
    }

    #[test]
    fn save_then_load_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::at(dir.path().join("deep/state"));
        assert_eq!(s.save(&changes("riemann")), Saved::Written);
        let (loaded, msg) = Store::at(dir.path().join("deep/state")).load();
        assert_eq!(loaded.find_history, vec!["riemann"]);
        assert!(msg.is_none());
    }

    #[test]
    fn a_corrupt_file_is_moved_aside_and_defaults_are_used() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("state.json"), "{not json").unwrap();
        let mut s = Store::at(dir.path().to_path_buf());
        let (st, msg) = s.load();
        assert_eq!(st, State::default());
        assert!(msg.unwrap().contains("moved to"));
        let aside: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert!(aside.iter().any(|n| n.starts_with("state.json.corrupt-")), "{aside:?}");
        assert_eq!(
            fs::read_to_string(dir.path().join(aside.iter().find(|n| n.contains("corrupt")).unwrap())).unwrap(),
            "{not json"
        );
    }

    /// Found by `any_state_file_on_disk_loads_or_is_moved_aside`: a file
    /// that was not UTF-8 was "unreadable", so the next save replaced it.
    #[test]
    fn a_non_utf8_file_is_moved_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let latin1 = b"{\"find_history\": [\"caf\xE9\"]}";
        fs::write(dir.path().join("state.json"), latin1).unwrap();
        let mut s = Store::at(dir.path().to_path_buf());
        let (st, msg) = s.load();
        assert_eq!(st, State::default());
        assert!(msg.unwrap().contains("damaged"));
        assert_eq!(s.save(&changes("new")), Saved::Written);
        let aside = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .find(|e| e.file_name().to_string_lossy().starts_with("state.json.corrupt-"))
            .expect("moved aside");
        assert_eq!(fs::read(aside.path()).unwrap(), latin1);
        assert_eq!(s.load().0.find_history, vec!["new"]);
    }

    #[test]
    fn a_newer_file_is_read_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let text = r#"{"version": 99, "find_history": ["from the future"], "hologram": true}"#;
        fs::write(dir.path().join("state.json"), text).unwrap();
        let mut s = Store::at(dir.path().to_path_buf());
        let (st, msg) = s.load();
        assert_eq!(st.find_history, vec!["from the future"]);
        assert!(msg.unwrap().contains("newer"));
        assert!(matches!(s.save(&changes("x")), Saved::Failed(_)));
        assert_eq!(fs::read_to_string(dir.path().join("state.json")).unwrap(), text);
    }

    #[test]
    fn an_unwritable_folder_warns_once() {
        // A folder that cannot exist (under a file) fails even for root.
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("plain-file"), "x").unwrap();
        let mut s = Store::at(dir.path().join("plain-file/state"));
        assert!(matches!(s.save(&changes("x")), Saved::Failed(Some(_))));
        assert_eq!(s.save(&changes("y")), Saved::Failed(None));
        assert_eq!(s.load().0, State::default());
    }

    #[test]
    fn a_held_lock_skips_the_save_instead_of_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::at(dir.path().to_path_buf());
        let held = File::create(dir.path().join("state.lock")).unwrap();
        held.lock().unwrap();
        assert_eq!(s.save(&changes("x")), Saved::Busy);
        held.unlock().unwrap();
        assert_eq!(s.save(&changes("x")), Saved::Written);
    }
}
