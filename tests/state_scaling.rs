//! No quadratic path in remembering (issue 22, items 3 and 4): each input is
//! scaled 10x and the work is counted, not timed: allocations and bytes
//! allocated on this thread (a counting allocator), the bytes of the state
//! written, and comparisons made. Linear work grows about 10x; the code
//! these tests replaced grew 100x (or more) on the same inputs. The ratios
//! are in README's "no quadratic path" table (printed with --nocapture).

mod common;
use common::render::app_on;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hash::{Hash, Hasher};
use talktree::app::App;
use talktree::outline::{parse_document, Outline};
use talktree::state::merge::merge_recent;
use talktree::state::store::Store;

struct Counting;

thread_local! {
    static ALLOCS: Cell<(u64, u64)> = const { Cell::new((0, 0)) };
}

// SAFETY: forwards to the system allocator; only counts on the way.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set((c.get().0 + 1, c.get().1 + l.size() as u64)));
        // SAFETY: the caller's layout, passed on.
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        // SAFETY: as allocated above.
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set((c.get().0 + 1, c.get().1 + new as u64)));
        // SAFETY: as allocated above, with the caller's new size.
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static A: Counting = Counting;

/// Allocations and bytes allocated on this thread while `f` runs.
fn allocations<T>(f: impl FnOnce() -> T) -> ((u64, u64), T) {
    let before = ALLOCS.with(Cell::get);
    let out = f();
    let after = ALLOCS.with(Cell::get);
    ((after.0 - before.0, after.1 - before.1), out)
}

/// Work at n and at 10n; asserts it grew at most `limit` times (10x is
/// linear, 100x quadratic) and prints the ratio.
fn grows_linearly(what: &str, small: u64, big: u64) -> f64 {
    let ratio = big as f64 / small.max(1) as f64;
    println!("{what}: {small} -> {big} ({ratio:.1}x)");
    assert!(
        ratio <= 15.0,
        "{what}: {small} -> {big} is {ratio:.1}x for 10x the input"
    );
    ratio
}

/// Nodes n0 > n1 > … `depth` deep, each with a folded side branch, as OPML.
fn deep(depth: usize) -> Outline {
    let mut s = String::from("<opml><body>");
    for d in 0..depth {
        s.push_str(&format!(
            "<outline text=\"n{d}\"><outline text=\"side\"><outline text=\"leaf\"/></outline>"
        ));
    }
    s.push_str(&"</outline>".repeat(depth));
    s.push_str("</body></opml>");
    talktree::outline::build_outline(vec![parse_document(s.as_bytes(), "deep.opml").unwrap()])
}

/// `n` talks with the same title, each with a bullet.
fn same_titles(n: usize) -> Outline {
    let s = "# Same talk\n- a point\n".repeat(n);
    talktree::outline::build_outline(vec![parse_document(s.as_bytes(), "same.md").unwrap()])
}

/// The work of saving `a`'s view (to the bytes written) and of restoring
/// it into a fresh reader on the same outline.
fn save_and_restore(a: &App, fresh: &mut App) -> ((u64, u64), (u64, u64), usize) {
    let (save, bytes) = allocations(|| serde_json::to_vec(&a.changes().state).unwrap());
    let state = talktree::state::from_value_lenient(serde_json::from_slice(&bytes).unwrap());
    let (restore, ()) = allocations(|| fresh.restore(&state));
    assert_eq!(fresh.tree().selected, a.tree().selected, "restored where it was");
    assert_eq!(fresh.tree().rows(), a.tree().rows());
    (save, restore, bytes.len())
}

/// Issue 22 item 3: a deep subtree opened (here by revealing its deepest
/// node) stored a full path of titles per open node: 28 MB at 1k levels.
#[test]
fn saving_a_deep_outline_grows_linearly_with_its_depth() {
    let mut work = Vec::new();
    for depth in [200, 2000] {
        let o = deep(depth);
        let deepest = (0..o.len()).find(|&i| o.text(i) == format!("n{}", depth - 1)).unwrap();
        let mut a = app_on(o.clone(), 100, 30);
        a.tree_mut().reveal(&o, deepest);
        let mut b = app_on(o, 100, 30);
        work.push(save_and_restore(&a, &mut b));
    }
    let (small, big) = (&work[0], &work[1]);
    grows_linearly("deep outline, state bytes", small.2 as u64, big.2 as u64);
    grows_linearly("deep outline, save allocations", small.0 .0, big.0 .0);
    grows_linearly("deep outline, save bytes allocated", small.0 .1, big.0 .1);
    grows_linearly("deep outline, restore allocations", small.1 .0, big.1 .0);
}

/// Issue 22 item 3: with 30,000 talks of the same title, each open talk's
/// occurrence index counted the talks before it, on every save and start.
#[test]
fn saving_many_equal_titles_grows_linearly_with_their_number() {
    let mut work = Vec::new();
    for n in [1000, 10_000] {
        let o = same_titles(n);
        let mut a = app_on(o.clone(), 100, 30);
        // Every other talk open by hand: no wholly open subtree to store as one.
        let talks: Vec<usize> = o.children(0).collect();
        a.tree_mut().set_many(&o, talks.iter().step_by(2).map(|&t| (t, true)));
        a.tree_mut().selected = *talks.last().unwrap();
        let mut b = app_on(o, 100, 30);
        work.push(save_and_restore(&a, &mut b));
    }
    let (small, big) = (&work[0], &work[1]);
    grows_linearly("equal titles, state bytes", small.2 as u64, big.2 as u64);
    grows_linearly("equal titles, save allocations", small.0 .0, big.0 .0);
    grows_linearly("equal titles, restore allocations", small.1 .0, big.1 .0);
}

/// Tab on a whole deep subtree: one entry, however deep.
#[test]
fn a_wholly_opened_subtree_costs_the_same_at_any_depth() {
    let mut bytes = Vec::new();
    for depth in [200, 2000] {
        let o = deep(depth);
        let mut a = app_on(o, 100, 30);
        a.update(talktree::action::Action::CycleFold);
        a.update(talktree::action::Action::CycleFold);
        bytes.push(serde_json::to_vec(&a.changes().state).unwrap().len() as u64);
    }
    let ratio = grows_linearly("Tab on a deep outline, state bytes", bytes[0], bytes[1]);
    assert!(ratio < 1.5, "{bytes:?}");
}

thread_local! {
    static COMPARED: Cell<u64> = const { Cell::new(0) };
}

/// A query that counts how often it is compared or hashed.
#[derive(Clone)]
struct Counted(u64);

impl PartialEq for Counted {
    fn eq(&self, other: &Self) -> bool {
        COMPARED.with(|c| c.set(c.get() + 1));
        self.0 == other.0
    }
}
impl Eq for Counted {}
impl Hash for Counted {
    fn hash<H: Hasher>(&self, h: &mut H) {
        COMPARED.with(|c| c.set(c.get() + 1));
        self.0.hash(h);
    }
}

/// Issue 22 item 4: merging looked each history entry on disk up in the
/// merged list (100k entries: 14 s on quit, holding the lock).
#[test]
fn merging_a_long_find_history_does_bounded_work() {
    let mut ops = Vec::new();
    for n in [10_000u64, 100_000] {
        let disk: Vec<Counted> = (0..n).map(Counted).collect();
        let mine: Vec<Counted> = (0..100).map(|i| Counted(i * 7)).collect();
        COMPARED.with(|c| c.set(0));
        let merged = merge_recent(&mine, &disk, 100);
        assert_eq!(merged.len(), 100);
        ops.push(COMPARED.with(Cell::get));
    }
    grows_linearly("find history merge, comparisons", ops[0], ops[1]);
}

/// The whole save with a long history on disk: reading it is linear (and
/// then cut to 100), the merge and write bounded.
#[test]
fn saving_over_a_long_find_history_on_disk_grows_linearly() {
    let mut work = Vec::new();
    for n in [10_000, 100_000] {
        let dir = tempfile::tempdir().unwrap();
        let history: Vec<String> = (0..n).map(|i| format!("query number {i}")).collect();
        let text = serde_json::json!({ "version": 2, "find_history": history }).to_string();
        std::fs::write(dir.path().join("state.json"), text).unwrap();
        let mut a = app_on(same_titles(3), 100, 30);
        a.restore(&talktree::state::State {
            find_history: vec!["mine".into()],
            ..Default::default()
        });
        let mut store = Store::at(dir.path().to_path_buf());
        let ((count, _), saved) = allocations(|| store.save(&a.changes()));
        assert_eq!(saved, talktree::state::store::Saved::Written);
        let (after, _) = store.load();
        assert_eq!(after.find_history.len(), 100);
        assert_eq!(after.find_history[0], "mine");
        work.push(count);
    }
    grows_linearly("save over a long history on disk, allocations", work[0], work[1]);
}

/// Issue 22 item 13: the config's mistakes, each numbered by counting the
/// lines before it. (That counting allocated nothing; the bench section
/// `state` times it: README.)
#[test]
fn reporting_config_mistakes_grows_linearly() {
    let mut work = Vec::new();
    for n in [10_000, 100_000] {
        let mut text = String::from("[view]\n");
        for i in 0..n {
            text.push_str(&format!("unknown{i} = 1\n"));
        }
        let ((count, bytes), errors) = allocations(|| talktree::config::Config::load(Some(("c.toml", &text))).1);
        assert_eq!(errors.len(), n);
        assert_eq!(errors[n - 1].line, n + 1);
        work.push((count, bytes));
    }
    grows_linearly("config mistakes, allocations", work[0].0, work[1].0);
    grows_linearly("config mistakes, bytes allocated", work[0].1, work[1].1);
}
