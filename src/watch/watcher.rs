//! The watch thread itself: which folders it asks the system to watch,
//! the events it keeps, polling when the system's limit is reached, and
//! reading a settled file into its news.

use super::debounce::Debounce;
use super::{is_limit, read_change, Msg, News, Plan, Report, POLL_EVERY};
use crate::outline::{fs, Clean};
use crate::state::paths;
use notify::{EventKind, RecursiveMode, Watcher as _};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant, SystemTime};

/// The size and time of a file as last read: an event that changes
/// neither (a read, a `touch` of nothing) is not a change.
type Stamp = Option<(u64, SystemTime)>;

fn stamp(path: &Path) -> Stamp {
    let m = std::fs::metadata(path).ok()?;
    Some((m.len(), m.modified().ok()?))
}

/// Files by path, with their key and their stamp when last read.
pub(super) type Stamped = HashMap<PathBuf, (String, Stamp)>;

/// The files of `plan`, stamped now: on the reader's thread as the notes
/// arrive, before the first frame shows them, so a change made after that
/// is seen even if the watches are not in place yet.
pub(super) fn stamped(plan: &Plan) -> Stamped {
    plan.files
        .iter()
        .map(|k| {
            let p = paths::from_text(k);
            let s = stamp(&p);
            (p, (k.clone(), s))
        })
        .collect()
}

pub(super) struct Watcher {
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
    /// `files` as `stamped` gave them, before the thread started.
    pub(super) fn new(plan: Plan, files: Stamped, events: Sender<Msg>, reports: Sender<Report>) -> Watcher {
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
            // A change made before the watches were in place sent no
            // event: it shows as a stamp other than the one taken.
            let now = Instant::now();
            let missed: Vec<PathBuf> = w
                .files
                .iter()
                .filter(|(p, (_, last))| stamp(p) != *last)
                .map(|(p, _)| p.clone())
                .collect();
            for p in missed {
                w.debounce.touch(p, now);
            }
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

    pub(super) fn run(mut self, rx: Receiver<Msg>) {
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
