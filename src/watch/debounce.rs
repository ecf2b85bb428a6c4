//! When a changed file is read again: once its events have been quiet for
//! `QUIET` (an editor's save is a burst: a temporary file, a rename, a
//! chmod), or at the latest `LONGEST` after the first event, so a file
//! written without pause still shows. Pure: times are passed in.

use std::collections::HashMap;
use std::hash::Hash;
use std::time::{Duration, Instant};

/// Quiet time after a file's last event before it is read.
pub const QUIET: Duration = Duration::from_millis(100);
/// A file that keeps changing is read at least this often.
pub const LONGEST: Duration = Duration::from_secs(1);

#[derive(Debug)]
pub struct Debounce<K> {
    /// Per file: its first and last event since it was last read.
    pending: HashMap<K, (Instant, Instant)>,
}

impl<K: Eq + Hash + Clone + Ord> Default for Debounce<K> {
    fn default() -> Self {
        Debounce {
            pending: HashMap::new(),
        }
    }
}

impl<K: Eq + Hash + Clone + Ord> Debounce<K> {
    /// An event about `key` at `now`.
    pub fn touch(&mut self, key: K, now: Instant) {
        self.pending
            .entry(key)
            .and_modify(|(_, last)| *last = now)
            .or_insert((now, now));
    }

    fn is_due(first: Instant, last: Instant, now: Instant) -> bool {
        now >= last + QUIET || now >= first + LONGEST
    }

    /// The files to read now (sorted), forgotten until their next event.
    pub fn due(&mut self, now: Instant) -> Vec<K> {
        let mut due: Vec<K> = self
            .pending
            .iter()
            .filter(|(_, &(first, last))| Self::is_due(first, last, now))
            .map(|(k, _)| k.clone())
            .collect();
        due.sort();
        for k in &due {
            self.pending.remove(k);
        }
        due
    }

    /// How long until the next file is due (None: nothing pending).
    pub fn wait(&self, now: Instant) -> Option<Duration> {
        self.pending
            .values()
            .map(|&(first, last)| (last + QUIET).min(first + LONGEST).saturating_duration_since(now))
            .min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: Duration = Duration::from_millis(1);

    #[test]
    fn a_burst_is_read_once_after_it_settles() {
        let t0 = Instant::now();
        let mut d = Debounce::default();
        for k in 0..5 {
            d.touch("a", t0 + 20 * k * MS);
        }
        let last = t0 + 80 * MS;
        assert!(d.due(last + 99 * MS).is_empty(), "not yet quiet");
        assert_eq!(d.wait(last + 50 * MS), Some(50 * MS));
        assert_eq!(d.due(last + QUIET), vec!["a"]);
        assert!(d.due(last + 10 * QUIET).is_empty(), "read once");
        assert_eq!(d.wait(last), None);
    }

    #[test]
    fn a_file_that_never_settles_is_still_read_every_longest() {
        let t0 = Instant::now();
        let mut d = Debounce::default();
        let mut read = 0;
        for k in 0..100u32 {
            let now = t0 + 50 * k * MS;
            d.touch("busy", now);
            read += d.due(now).len();
        }
        // 5 seconds of events every 50 ms: one read a second.
        assert!((4..=5).contains(&read), "{read}");
    }

    #[test]
    fn files_settle_apart() {
        let t0 = Instant::now();
        let mut d = Debounce::default();
        d.touch("a", t0);
        d.touch("b", t0 + 60 * MS);
        assert_eq!(d.due(t0 + QUIET), vec!["a"]);
        assert_eq!(d.wait(t0 + QUIET), Some(60 * MS));
        assert_eq!(d.due(t0 + 60 * MS + QUIET), vec!["b"]);
    }
}
