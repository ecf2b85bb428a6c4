//! A search thread for the UI: `submit` returns at once, results come back
//! over a channel tagged with a generation so stale ones are dropped, and a
//! newer query cancels the running one. No async runtime.

use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::{Hit, Matching, Options, Scope, Searcher, Tier};
use crate::outline::Outline;
use crate::view::HitTree;

/// Results for one submitted query: a partial ranking while the scan runs
/// (`complete` false), then the final one.
#[derive(Clone, Debug)]
pub struct Results {
    pub generation: u64,
    pub query: String,
    pub scope: Scope,
    pub matching: Matching,
    /// Ranked: the first `close` of them close, then the loose ones.
    pub hits: Arc<Vec<Hit>>,
    pub close: usize,
    /// While partial: (candidates scanned, candidates in all). None once
    /// complete.
    pub progress: Option<(usize, usize)>,
    /// The hits as the outline filtered to them, when asked for
    /// (`SearchWorker::build_trees`): built here, off the UI thread.
    pub tree: Option<Arc<HitTree>>,
}

impl Results {
    pub fn is_complete(&self) -> bool {
        self.progress.is_none()
    }

    /// The tier of the hit ranked `i`.
    pub fn tier(&self, i: usize) -> Tier {
        super::tier_at(i, self.close)
    }

    /// How many hits are loose.
    pub fn loose(&self) -> usize {
        self.hits.len() - self.close
    }
}

struct Request {
    generation: u64,
    query: String,
    options: Options,
}

/// What the search thread is asked to do, in order.
enum Job {
    Search(Request),
    /// The outline changed: nodes `old` became `new` (a file reloaded).
    Replace {
        outline: Arc<Outline>,
        old: Range<usize>,
        new: Range<usize>,
        /// The outline replaced, freed here rather than on the UI thread
        /// (returning a hundred megabytes to the system takes a while).
        retired: Arc<Outline>,
    },
}

/// Owns the search thread; dropping it cancels the running search and joins.
pub struct SearchWorker {
    requests: Option<Sender<Job>>,
    results: Receiver<Results>,
    latest: Arc<AtomicU64>,
    /// Whether results come with their filtered tree.
    trees: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl SearchWorker {
    /// The index is built on the new thread, so this returns at once.
    pub fn spawn(outline: Arc<Outline>) -> SearchWorker {
        let (req_tx, req_rx) = mpsc::channel();
        let (res_tx, res_rx) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let shared = latest.clone();
        let trees = Arc::new(AtomicBool::new(false));
        let want_trees = trees.clone();
        let thread = std::thread::Builder::new()
            .name("search".into())
            .spawn(move || serve(outline, req_rx, res_tx, shared, want_trees))
            .expect("spawning the search thread");
        SearchWorker {
            requests: Some(req_tx),
            results: res_rx,
            latest,
            trees,
            thread: Some(thread),
        }
    }

    /// Results from now on come with (or without) their filtered tree.
    pub fn build_trees(&self, on: bool) {
        self.trees.store(on, Ordering::SeqCst);
    }

    /// Queues a search and returns its generation. Any older search still
    /// running is abandoned at its next chunk. A `Scope` alone asks for
    /// the defaults: fuzzy terms, copies folded.
    pub fn submit(&self, query: &str, options: impl Into<Options>) -> u64 {
        let generation = self.latest.fetch_add(1, Ordering::SeqCst) + 1;
        let req = Request {
            generation,
            query: query.to_string(),
            options: options.into(),
        };
        if let Some(tx) = &self.requests {
            // A dead thread shows as no results; the UI keeps working.
            let _ = tx.send(Job::Search(req));
        }
        generation
    }

    /// Searches `outline` from now on, in which the nodes `old` of the one
    /// before became `new`: only their part of the index is rebuilt, on the
    /// search thread. A search still running is abandoned (its hits name
    /// nodes of the old outline) and results not yet taken are dropped.
    pub fn replace(&self, outline: Arc<Outline>, old: Range<usize>, new: Range<usize>, retired: Arc<Outline>) {
        self.latest.fetch_add(1, Ordering::SeqCst);
        if let Some(tx) = &self.requests {
            let _ = tx.send(Job::Replace {
                outline,
                old,
                new,
                retired,
            });
        }
    }

    /// The generation of the last `submit`.
    pub fn generation(&self) -> u64 {
        self.latest.load(Ordering::SeqCst)
    }

    /// The newest waiting results for the latest query, without blocking;
    /// stale ones are drained and dropped. Cheap enough for every UI tick.
    pub fn try_recv(&self) -> Option<Results> {
        let mut newest = None;
        while let Ok(r) = self.results.try_recv() {
            if r.generation == self.generation() {
                newest = Some(r);
            }
        }
        newest
    }

    /// Blocks up to `timeout` for the next results of the latest query.
    pub fn recv_timeout(&self, timeout: Duration) -> Option<Results> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.results.recv_timeout(left) {
                Ok(r) if r.generation == self.generation() => return Some(r),
                Ok(_) => continue,
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
            }
        }
    }
}

impl Drop for SearchWorker {
    fn drop(&mut self) {
        // A generation no request has makes the running search cancel.
        self.latest.store(u64::MAX, Ordering::SeqCst);
        self.requests = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// The next search to run: outline changes queued are applied in order;
/// of the queries queued only the newest matters. None: the app is gone.
fn next_search(requests: &Receiver<Job>, searcher: &mut Searcher) -> Option<Request> {
    let mut newest: Option<Request> = None;
    loop {
        let job = match requests.try_recv() {
            Ok(job) => job,
            // Reloads queued back to back are applied in turn; the
            // outline's copies are found once, for the last of them.
            Err(_) => {
                searcher.settle();
                match newest {
                    Some(_) => return newest,
                    None => requests.recv().ok()?,
                }
            }
        };
        match job {
            Job::Search(req) => newest = Some(req),
            // A query queued before the change was asked of the old outline.
            Job::Replace {
                outline,
                old,
                new,
                retired,
            } => {
                searcher.replace(outline, old, new);
                drop(retired);
                newest = None;
            }
        }
    }
}

fn serve(
    outline: Arc<Outline>,
    requests: Receiver<Job>,
    results: Sender<Results>,
    latest: Arc<AtomicU64>,
    trees: Arc<AtomicBool>,
) {
    let mut searcher = Searcher::new(outline);
    while let Some(req) = next_search(&requests, &mut searcher) {
        let cancel = || latest.load(Ordering::SeqCst) != req.generation;
        if cancel() {
            continue;
        }
        // The outline searched now (a reload may have replaced it). A
        // million hits' tree takes tens of milliseconds: here, not in a frame.
        let outline = searcher.outline().clone();
        let tree_of = |hits: &[Hit]| {
            trees.load(Ordering::SeqCst).then(|| {
                let nodes: Vec<u32> = hits.iter().map(|h| h.node).collect();
                Arc::new(HitTree::new(&outline, &nodes))
            })
        };
        let reply = |hits: Arc<Vec<Hit>>, close, progress| Results {
            generation: req.generation,
            query: req.query.clone(),
            scope: req.options.scope,
            matching: req.options.matching,
            tree: tree_of(&hits),
            hits,
            close,
            progress,
        };
        let mut partial = |b: super::Batch<'_>| {
            let hits = Arc::new(b.hits.to_vec());
            let _ = results.send(reply(hits, b.close, Some((b.scanned, b.total))));
        };
        let Some(ranked) = searcher.search(&req.query, req.options, &cancel, &mut partial) else {
            continue;
        };
        if results.send(reply(ranked.hits, ranked.close, None)).is_err() {
            return;
        }
    }
}
