//! Live reload: a thread that watches every loaded file (and the folders
//! named, for new notes files) with notify (inotify on Linux), waits for a
//! change to settle (`debounce`), then reads and parses only the file that
//! changed and sends the result, like the loader does, for the reader to
//! hand to `App::handle`. The app never waits on it. When the system's
//! limit of watches is reached it falls back to polling, and says so once.

pub mod debounce;
mod watcher;

use crate::outline::{self, fs, Clean, Document, Outline};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;
use watcher::Watcher;

/// How often files are looked at when they cannot be watched.
pub const POLL_EVERY: Duration = Duration::from_secs(1);

/// What is watched: the loaded files (by their documents' keys) and the
/// folders named, whose new notes files join the outline.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    /// Keys of loaded documents that are files (`paths::doc_key`).
    pub files: Vec<String>,
    /// Folders named on the command line.
    pub folders: Vec<PathBuf>,
    pub scan: fs::ScanOptions,
    /// Watch at all (`[files] watch`): when false, files are read again
    /// only when asked (`r`, after the editor).
    pub watch: bool,
    /// Poll instead of asking the system (as when its limit is reached).
    pub poll: bool,
}

/// What became of a file.
#[derive(Debug)]
pub enum News {
    /// Read and parsed again: the document as it is now.
    Changed(Box<Outline>),
    /// A new notes file in a watched folder.
    Added(Box<Outline>),
    /// Deleted or moved away.
    Gone,
    /// There, but it could not be read or is not notes now (binary, too
    /// large): the reason, in words.
    Unreadable(String),
}

/// One file's news, for `Event::Reloaded`.
#[derive(Debug)]
pub struct Change {
    /// The document's key (`paths::doc_key`).
    pub key: String,
    /// The file as shown to the user.
    pub source: Clean,
    pub news: News,
}

/// What the watcher thread sends.
#[derive(Debug)]
pub enum Report {
    Change(Change),
    /// Something to say once (polling instead of watching).
    Notice(Clean),
}

enum Msg {
    Fs(notify::Result<notify::Event>),
    Reload(Option<String>),
    /// The reader is done: the watch handler holds a sender too, so the
    /// channel alone would never say so.
    Stop,
}

/// Owns the channel to the watcher thread; dropping it ends the thread.
pub struct Watch {
    commands: Sender<Msg>,
    reports: Receiver<Report>,
}

impl Watch {
    /// Starts watching on a thread of its own; returns at once.
    pub fn start(plan: Plan) -> Watch {
        let (tx, rx) = mpsc::channel();
        let (report_tx, reports) = mpsc::channel();
        let events = tx.clone();
        let files = watcher::stamped(&plan);
        std::thread::Builder::new()
            .name("watch".into())
            .spawn(move || Watcher::new(plan, files, events, report_tx).run(rx))
            .expect("spawning the watch thread");
        Watch { commands: tx, reports }
    }

    /// Reads again now every file that changed since it was last read (and
    /// looks for new ones in the folders); says so when none did.
    pub fn reload_all(&self) {
        let _ = self.commands.send(Msg::Reload(None));
    }

    /// Reads this document's file again now, if it changed since it was
    /// last read (after the editor: the watch may have read it already).
    pub fn reload(&self, key: &str) {
        let _ = self.commands.send(Msg::Reload(Some(key.to_string())));
    }

    /// The next report, without waiting.
    pub fn try_recv(&self) -> Option<Report> {
        self.reports.try_recv().ok()
    }

    /// The next report, waiting up to `timeout` (for tests).
    pub fn recv_timeout(&self, timeout: Duration) -> Option<Report> {
        self.reports.recv_timeout(timeout).ok()
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.commands.send(Msg::Stop);
    }
}

/// Whether a notify error means the system's limit of watches was reached.
pub fn is_limit(e: &notify::Error) -> bool {
    match &e.kind {
        notify::ErrorKind::MaxFilesWatch => true,
        notify::ErrorKind::Io(io) => io.raw_os_error() == Some(libc::ENOSPC),
        _ => false,
    }
}

/// Reads and parses one file as the loader does, into its news.
pub fn read_change(key: &str, path: &Path, added: bool) -> Change {
    let source = Clean::path(path);
    let news = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => News::Gone,
        _ => match fs::read_file(path, &source).and_then(|b| outline::parse_document_owned(b, &source)) {
            Ok(doc) => {
                let part = Box::new(
                    Document {
                        key: key.to_string(),
                        ..doc
                    }
                    .into_outline(),
                );
                if added {
                    News::Added(part)
                } else {
                    News::Changed(part)
                }
            }
            Err(e) => News::Unreadable(e.reason),
        },
    };
    Change {
        key: key.to_string(),
        source,
        news,
    }
}

#[cfg(test)]
mod tests;
