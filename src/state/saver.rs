//! Saving off the UI thread. The reader hands over snapshots; a worker
//! names their nodes, merges them into the file and writes it, always the
//! latest one (a snapshot that arrives while another is being written
//! replaces any still waiting). A busy lock is retried a little later. On
//! quit, `finish` hands over the last snapshot and waits (a bounded time)
//! for it to be written, then says whether it was.

use super::snapshot::Snapshot;
use super::store::{Saved, Store};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long a save that found the lock busy waits before trying again.
const RETRY: Duration = Duration::from_millis(500);

#[derive(Default)]
struct Slot {
    latest: Option<Snapshot>,
    /// Set by `finish`: save what is there, waiting this long for the lock.
    finish: Option<Duration>,
}

#[derive(Default)]
struct Inbox {
    slot: Mutex<Slot>,
    wake: Condvar,
}

pub struct Saver {
    inbox: Arc<Inbox>,
    worker: Option<JoinHandle<Result<(), String>>>,
    said: Receiver<String>,
}

impl Saver {
    pub fn start(store: Store) -> Saver {
        let inbox = Arc::new(Inbox::default());
        let (tx, said) = mpsc::channel();
        let shared = inbox.clone();
        let worker = std::thread::Builder::new()
            .name("talktree-saver".into())
            .spawn(move || work(store, &shared, &tx))
            .ok();
        Saver { inbox, worker, said }
    }

    /// Queues `s` to be written, replacing a snapshot not yet written.
    pub fn submit(&self, s: Snapshot) {
        if let Ok(mut slot) = self.inbox.slot.lock() {
            slot.latest = Some(s);
            self.inbox.wake.notify_one();
        }
    }

    /// A message from a save (a failure, said once), for the status line.
    pub fn message(&self) -> Option<String> {
        self.said.try_recv().ok()
    }

    /// Writes `last` (or what is still queued), waiting up to `wait` for a
    /// busy lock. `Err` says why nothing could be saved.
    pub fn finish(mut self, last: Option<Snapshot>, wait: Duration) -> Result<(), String> {
        if let Ok(mut slot) = self.inbox.slot.lock() {
            if last.is_some() {
                slot.latest = last;
            }
            slot.finish = Some(wait);
            self.inbox.wake.notify_one();
        }
        match self.worker.take().map(JoinHandle::join) {
            Some(Ok(result)) => result,
            _ => Err("state not saved: the saving thread stopped".into()),
        }
    }
}

fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Waits for a snapshot due now (or for `finish`); returns it and whether
/// this is the last save.
fn next(inbox: &Inbox, retry_at: Option<Instant>) -> (Option<Snapshot>, Option<Duration>) {
    let Ok(mut slot) = inbox.slot.lock() else {
        return (None, Some(Duration::ZERO));
    };
    loop {
        let due = retry_at.is_none_or(|t| Instant::now() >= t);
        if slot.finish.is_some() || (slot.latest.is_some() && due) {
            return (slot.latest.take(), slot.finish);
        }
        let woke = match retry_at {
            Some(t) => inbox
                .wake
                .wait_timeout(slot, t.saturating_duration_since(Instant::now()))
                .map(|(s, _)| s)
                .map_err(drop),
            None => inbox.wake.wait(slot).map_err(drop),
        };
        match woke {
            Ok(s) => slot = s,
            Err(_) => return (None, Some(Duration::ZERO)),
        }
    }
}

fn work(mut store: Store, inbox: &Inbox, said: &Sender<String>) -> Result<(), String> {
    let mut retry_at = None;
    loop {
        let (snap, finishing) = next(inbox, retry_at);
        let Some(snap) = snap else { return Ok(()) };
        let changes = snap.changes(now_secs());
        let saved = match finishing {
            Some(wait) => store.save_waiting(&changes, wait),
            None => store.save(&changes),
        };
        retry_at = None;
        match (saved, finishing) {
            (Saved::Written, _) => {}
            (Saved::Busy, Some(wait)) => {
                return Err(format!(
                    "state not saved: another talktree kept {} locked for {} s",
                    crate::outline::Clean::path(&store.dir.join("state.lock")),
                    wait.as_secs_f32()
                ))
            }
            (Saved::Busy, None) => {
                if let Ok(mut slot) = inbox.slot.lock() {
                    slot.latest.get_or_insert(snap);
                }
                retry_at = Some(Instant::now() + RETRY);
            }
            (Saved::Failed(Some(m)), Some(_)) => return Err(m),
            (Saved::Failed(Some(m)), None) => {
                let _ = said.send(m);
            }
            // Said already (at start-up or by an earlier save).
            (Saved::Failed(None), _) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs::File;

    fn snapshot(query: &str) -> Snapshot {
        Snapshot::empty(Vec::new(), vec![query.to_string()])
    }

    fn history(dir: &std::path::Path) -> Vec<String> {
        Store::at(dir.to_path_buf()).load().0.find_history
    }

    #[test]
    fn the_latest_snapshot_is_written_and_finish_writes_the_last() {
        let dir = tempfile::tempdir().unwrap();
        let saver = Saver::start(Store::at(dir.path().to_path_buf()));
        for q in ["one", "two", "three"] {
            saver.submit(snapshot(q));
        }
        assert_eq!(saver.finish(Some(snapshot("last")), Duration::from_secs(5)), Ok(()));
        assert_eq!(history(dir.path())[0], "last");
    }

    #[test]
    fn a_busy_lock_is_retried_and_finish_says_when_it_stays_busy() {
        let dir = tempfile::tempdir().unwrap();
        let held = File::create(dir.path().join("state.lock")).unwrap();
        held.lock().unwrap();
        let saver = Saver::start(Store::at(dir.path().to_path_buf()));
        saver.submit(snapshot("while busy"));
        std::thread::sleep(Duration::from_millis(100));
        held.unlock().unwrap();
        // The worker retries by itself once the lock is free.
        let start = Instant::now();
        while history(dir.path()).is_empty() {
            assert!(start.elapsed() < Duration::from_secs(20), "never retried");
            std::thread::sleep(Duration::from_millis(50));
        }
        held.lock().unwrap();
        let err = saver
            .finish(Some(snapshot("at quit")), Duration::from_millis(200))
            .unwrap_err();
        assert!(err.contains("state not saved") && err.contains("state.lock"), "{err}");
        assert_eq!(history(dir.path()), vec!["while busy"]);
    }

    #[test]
    fn finishing_with_nothing_to_save_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let saver = Saver::start(Store::at(dir.path().join("state")));
        assert_eq!(saver.finish(None, Duration::ZERO), Ok(()));
        assert!(!dir.path().join("state").exists());
    }
}
