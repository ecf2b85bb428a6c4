//! Live reload: a thread that watches every loaded file (and the folders
//! named, for new notes files) with notify (inotify on Linux), waits for a
//! change to settle (`debounce`), then reads and parses only the file that
//! changed and sends the result, like the loader does, for the reader to
//! hand to `App::handle`. The app never waits on it. When the system's
//! limit of watches is reached it falls back to polling, and says so once.

pub mod debounce;

use crate::outline::{self, fs, Clean, Document, Outline};
use crate::state::paths;
use debounce::Debounce;
use notify::{EventKind, RecursiveMode, Watcher as _};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant, SystemTime};

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
        std::thread::Builder::new()
            .name("watch".into())
            .spawn(move || Watcher::new(plan, events, report_tx).run(rx))
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

/// The size and time of a file as last read: an event that changes
/// neither (a read, a `touch` of nothing) is not a change.
type Stamp = Option<(u64, SystemTime)>;

fn stamp(path: &Path) -> Stamp {
    let m = std::fs::metadata(path).ok()?;
    Some((m.len(), m.modified().ok()?))
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

struct Watcher {
    plan: Plan,
    /// Paths of the files watched, by key, with their stamp when last read.
    files: HashMap<PathBuf, (String, Stamp)>,
    events: Sender<Msg>,
    reports: Sender<Report>,
    /// The system's watcher (None when polling, or not watching).
    system: Option<notify::RecommendedWatcher>,
    /// When files are next looked at, when polling.
    next_poll: Option<Instant>,
    debounce: Debounce<PathBuf>,
}

impl Watcher {
    fn new(plan: Plan, events: Sender<Msg>, reports: Sender<Report>) -> Watcher {
        let files = plan
            .files
            .iter()
            .map(|k| {
                let p = paths::from_text(k);
                let s = stamp(&p);
                (p, (k.clone(), s))
            })
            .collect();
        let watching = plan.watch;
        let mut w = Watcher {
            plan,
            files,
            events,
            reports,
            system: None,
            next_poll: None,
            debounce: Debounce::default(),
        };
        if watching {
            w.watch_all();
        }
        w
    }

    /// The folders to watch: each file's own (an editor saves by renaming
    /// a new file over the old, which a watch on the file would lose) and
    /// the folders named, whole.
    fn targets(&self) -> Vec<(PathBuf, RecursiveMode)> {
        let roots: Vec<PathBuf> = self.plan.folders.iter().map(|f| paths::absolute(f)).collect();
        let mut dirs: Vec<PathBuf> = self
            .files
            .keys()
            .filter(|p| !roots.iter().any(|r| p.starts_with(r)))
            .filter_map(|p| p.parent().map(Path::to_path_buf))
            .collect();
        dirs.sort();
        dirs.dedup();
        let mut out: Vec<_> = roots.into_iter().map(|r| (r, RecursiveMode::Recursive)).collect();
        out.extend(dirs.into_iter().map(|d| (d, RecursiveMode::NonRecursive)));
        out
    }

    fn watch_all(&mut self) {
        if !self.plan.poll {
            let events = self.events.clone();
            let handler = move |e: notify::Result<notify::Event>| {
                let _ = events.send(Msg::Fs(e));
            };
            match notify::recommended_watcher(handler) {
                Ok(mut w) => {
                    let limited = self
                        .targets()
                        .into_iter()
                        .any(|(dir, mode)| matches!(w.watch(&dir, mode), Err(e) if is_limit(&e)));
                    if !limited {
                        self.system = Some(w);
                        return;
                    }
                }
                Err(e) if is_limit(&e) => {}
                // No watching on this system: `r` still reloads.
                Err(_) => return,
            }
        }
        self.start_polling();
    }

    /// Looks at the files every `POLL_EVERY` instead (notify's own poller
    /// compares times to the second, missing a save within the second).
    fn start_polling(&mut self) {
        self.system = None;
        self.plan.poll = true;
        self.next_poll = Some(Instant::now() + POLL_EVERY);
        let said = "too many files to watch (the system's limit of inotify watches): \
                    looking for changes every second instead";
        let _ = self.reports.send(Report::Notice(Clean::from(said.to_string())));
    }

    /// One look at every file (and the folders, for new ones) when polling.
    fn poll(&mut self, now: Instant) {
        let changed: Vec<PathBuf> = self
            .files
            .iter()
            .filter(|(p, (_, last))| stamp(p) != *last)
            .map(|(p, _)| p.clone())
            .collect();
        for p in changed {
            self.debounce.touch(p, now);
        }
        let (found, _, _) = fs::collect(&self.plan.folders, &self.plan.scan);
        for f in found {
            let p = paths::absolute(&f.path);
            if !self.files.contains_key(&p) {
                self.debounce.touch(p, now);
            }
        }
    }

    /// Whether an event about `path` matters: a loaded file, or a new notes
    /// file in a folder named.
    fn relevant(&self, path: &Path) -> bool {
        if self.files.contains_key(path) {
            return true;
        }
        let Some(root) = self
            .plan
            .folders
            .iter()
            .map(|f| paths::absolute(f))
            .find(|r| path.starts_with(r))
        else {
            return false;
        };
        let hidden = path
            .strip_prefix(&root)
            .map(|rest| rest.iter().any(|c| c.as_encoded_bytes().starts_with(b".")))
            .unwrap_or(true);
        !hidden && path.is_file() && fs::is_notes_file(path, &self.plan.scan)
    }

    /// A new file's path as a folder scan of the folder named shows it.
    fn as_named(&self, path: &Path) -> Clean {
        let named = self.plan.folders.iter().find_map(|f| {
            let rest = path.strip_prefix(paths::absolute(f)).ok()?;
            Some(f.join(rest))
        });
        Clean::path(named.as_deref().unwrap_or(path))
    }

    fn run(mut self, rx: Receiver<Msg>) {
        loop {
            let now = Instant::now();
            let settle = self.debounce.wait(now).unwrap_or(Duration::from_secs(3600));
            let wait = self
                .next_poll
                .map_or(settle, |t| settle.min(t.saturating_duration_since(now)));
            match rx.recv_timeout(wait) {
                Ok(Msg::Fs(Ok(event))) => {
                    if matters(&event.kind) {
                        let now = Instant::now();
                        for p in event.paths {
                            if self.relevant(&p) {
                                self.debounce.touch(p, now);
                            }
                        }
                    }
                }
                Ok(Msg::Fs(Err(e))) => {
                    if is_limit(&e) && !self.plan.poll {
                        self.start_polling();
                    }
                }
                Ok(Msg::Reload(None)) => self.reload_everything(),
                Ok(Msg::Reload(Some(key))) => {
                    let p = paths::from_text(&key);
                    if !self.read(&p, false) {
                        return;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    let now = Instant::now();
                    if self.next_poll.is_some_and(|t| now >= t) {
                        self.poll(now);
                        self.next_poll = Some(now + POLL_EVERY);
                    }
                }
                Ok(Msg::Stop) | Err(RecvTimeoutError::Disconnected) => return,
            }
            for p in self.debounce.due(Instant::now()) {
                if !self.read(&p, false) {
                    return;
                }
            }
        }
    }

    fn reload_everything(&mut self) {
        let mut all: Vec<PathBuf> = self.files.keys().cloned().collect();
        all.sort();
        // New files in the folders, as a folder scan finds them.
        let (found, _, _) = fs::collect(&self.plan.folders, &self.plan.scan);
        for f in found {
            let p = paths::absolute(&f.path);
            if !self.files.contains_key(&p) {
                all.push(p);
            }
        }
        // Files read again only if they changed: `r` on a folder of
        // thousands must not parse and splice each one.
        let mut changed = 0;
        for p in all {
            let before = self.files.get(&p).map(|(_, s)| *s);
            if before.is_some_and(|s| s == stamp(&p) && s.is_some()) {
                continue;
            }
            changed += 1;
            if !self.read(&p, true) {
                return;
            }
        }
        if changed == 0 {
            let said = Clean::from("every file is as it was when last read".to_string());
            let _ = self.reports.send(Report::Notice(said));
        }
    }

    /// Reads `path` if it changed since last read (or `always`) and sends
    /// the news. False when the reader is gone.
    fn read(&mut self, path: &Path, always: bool) -> bool {
        let now = stamp(path);
        let change = match self.files.get_mut(path) {
            Some((key, last)) => {
                if !always && *last == now && now.is_some() {
                    return true;
                }
                *last = now;
                read_change(key, path, false)
            }
            None => {
                let key = paths::doc_key(path);
                let mut change = read_change(&key, path, true);
                change.source = self.as_named(path);
                if !matches!(change.news, News::Added(_)) {
                    return true;
                }
                self.files.insert(path.to_path_buf(), (key, now));
                change
            }
        };
        self.reports.send(Report::Change(change)).is_ok()
    }
}

/// Events that can change what a file holds (not reads, not opens).
fn matters(kind: &EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode};
    matches!(
        kind,
        EventKind::Create(_)
            | EventKind::Modify(_)
            | EventKind::Remove(_)
            | EventKind::Any
            | EventKind::Access(AccessKind::Close(AccessMode::Write))
    )
}

#[cfg(test)]
mod tests;
