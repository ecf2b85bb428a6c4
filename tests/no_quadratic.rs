//! No quadratic path where a user controls the size: each input here is
//! built at two sizes, ten times apart, and the work done (bytes allocated,
//! or the peak held) must grow about ten times, not a hundred. Work is
//! counted by this binary's allocator, never timed. README's Performance
//! section lists the ratios ("no quadratic path").

mod common;
use common::render::{app_on, frame};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::Mutex;
use talktree::event::Event;
use talktree::keymap::Key;
use talktree::outline::{build_outline, parse_document, parse_document_owned};

/// The system allocator, counting: bytes held now, the most held since the
/// last reset, and bytes handed out in all.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static TOTAL: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        // SAFETY: forwarded as is; the caller upholds `alloc`'s contract.
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            let now = HELD.fetch_add(l.size(), Relaxed) + l.size();
            PEAK.fetch_max(now, Relaxed);
            TOTAL.fetch_add(l.size(), Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        // SAFETY: forwarded as is; `p` came from `alloc` with this layout.
        unsafe { System.dealloc(p, l) };
        HELD.fetch_sub(l.size(), Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// One measurement at a time: the counters are the whole process's.
static SERIAL: Mutex<()> = Mutex::new(());

/// What running `f` cost: (bytes allocated in all, most bytes held above
/// what was held before).
fn cost<T>(f: impl FnOnce() -> T) -> (T, usize, usize) {
    let before = HELD.load(Relaxed);
    PEAK.store(before, Relaxed);
    let total = TOTAL.load(Relaxed);
    let out = f();
    let peak = PEAK.load(Relaxed).saturating_sub(before);
    (out, TOTAL.load(Relaxed) - total, peak)
}

/// Ten times the input may cost at most this many times the work: linear,
/// with room for fixed costs and allocator rounding (quadratic is 100).
const LINEAR: f64 = 15.0;

fn assert_linear(what: &str, small: usize, large: usize) {
    assert_at_most(what, small, large, LINEAR);
}

/// Ten times the input may cost at most `bound` times the work.
fn assert_at_most(what: &str, small: usize, large: usize, bound: f64) {
    let ratio = large as f64 / small.max(1) as f64;
    eprintln!("{what}: {small} -> {large} bytes, x{ratio:.1} for 10x the input");
    assert!(
        ratio <= bound,
        "{what}: 10x the input cost x{ratio:.1} ({small} -> {large} bytes)"
    );
}

/// Work that does not grow with the input, with room for allocator
/// rounding.
const FLAT: f64 = 1.5;

/// `levels` nested outlines, as an outliner saves a deep tree.
fn deep_opml(levels: usize) -> String {
    let mut s = String::from("<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><head><title>deep</title></head><body>\n");
    for i in 0..levels {
        // "n1950", not "1950": a level named by a year would read as an
        // event, and the levels above it as its groups.
        s.push_str(&format!("<outline text=\"level n{i}\">\n"));
    }
    s.push_str(&"</outline>".repeat(levels));
    s.push_str("\n</body></opml>\n");
    s
}

fn press(a: &mut talktree::app::App, keys: &str) {
    for k in keys.split(' ') {
        a.handle(Event::Key(Key::parse(k).unwrap()));
    }
}

/// Issue 22 item 2: 100,000 nested outlines and `j j` exhausted memory:
/// each detail line carried its indentation in full.
#[test]
fn deep_outline_opened_in_the_reader_costs_linear_memory() {
    let _one = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let run = |levels: usize| {
        let text = deep_opml(levels);
        let ((), total, _) = cost(|| {
            let o = build_outline(vec![parse_document(text.as_bytes(), "deep.opml").unwrap()]);
            let mut a = app_on(o, 100, 30);
            press(&mut a, "j j 9 G");
            frame(&a);
        });
        total
    };
    assert_linear("deep OPML, j j 9 G and a frame", run(1_000), run(10_000));
}

/// Issue 22 item 5: a long paste into the find input froze the reader:
/// each key and each frame handled the whole query, each frame matched
/// every word of it against every row.
#[test]
fn pasting_into_find_costs_linear_work() {
    let _one = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let run = |chars: usize| {
        let paste: String = "riemann graphite sensu ".chars().cycle().take(chars).collect();
        let mut a = app_on(talktree::outline::load_seeds(), 120, 40);
        press(&mut a, "/");
        let ((), total, _) = cost(|| {
            for (i, c) in paste.chars().enumerate() {
                let k = if c == ' ' {
                    Key::parse("Space").unwrap()
                } else {
                    Key::ch(c)
                };
                a.handle(Event::Key(k));
                if i % 64 == 63 {
                    a.settle();
                    frame(&a);
                }
            }
            a.settle();
            frame(&a);
        });
        assert!(a.find().open, "the paste stayed in the find input");
        total
    };
    assert_linear("paste into find, a frame every 64 chars", run(300), run(3_000));
}

/// Issue 22 item 6: `--search` on a deep outline named each hit's talk by
/// walking up from it.
#[test]
fn search_output_on_a_deep_outline_is_linear() {
    let _one = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let run = |levels: usize| {
        let o = build_outline(vec![parse_document(deep_opml(levels).as_bytes(), "deep.opml").unwrap()]);
        let ((), total, _) = cost(|| {
            let hits = talktree::search::find(&o, "level", talktree::search::Scope::All);
            // Every level but the outermost (read as the talk's group).
            assert!(hits.len() + 1 >= levels, "{} hits", hits.len());
            let out: usize = talktree::search::hit_lines(&o, &hits).map(|p| p.len()).sum();
            assert!(out > levels * 10);
        });
        total
    };
    assert_linear("--search over every level", run(2_000), run(20_000));
}

/// Issue 22 item 7: a talk holding a 50 MB line. Once it is shown, keys
/// cost what they cost on any talk: the line is cut at the row, and wrapped
/// no further than the detail pane keeps.
/// The same with markup all along the line: its styles are read no further
/// than the text shown.
#[test]
fn a_huge_line_is_wrapped_no_further_than_shown() {
    let _one = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    for (what, words) in [
        ("plain", "words of a line that never ends "),
        ("styled", "words *of* a [line](u) `that` never ends "),
    ] {
        let run = |bytes: usize| {
            let line = words.repeat(bytes / words.len());
            let notes = format!("# Talk\n- short\n- {line}\n- after\n");
            let o = build_outline(vec![parse_document(notes.as_bytes(), "huge.md").unwrap()]);
            let mut a = app_on(o, 100, 30);
            let ((), total, _) = cost(|| {
                press(&mut a, "j j j k j k j k / w o r d");
                a.settle();
                frame(&a);
            });
            total
        };
        // Past what is shown, a longer line costs nothing more.
        let what = format!("j and k past a huge {what} line, find on it");
        assert_at_most(&what, run(1 << 20), run(10 << 20), FLAT);
    }
}

/// Issue 22 item 8: 60 M empty lines took 3.27 GB to load into nothing
/// (~55 bytes a line: each stage kept a slice per line).
#[test]
fn empty_lines_cost_little_more_than_their_bytes() {
    let _one = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    for (what, unit) in [
        ("newlines", "\n"),
        ("lone CRs", "\r"),
        ("blank lines in Markdown", "\n"),
    ] {
        let run = |n: usize| {
            let mut bytes = if what.contains("Markdown") {
                b"# Talk\n- x\n".to_vec()
            } else {
                Vec::new()
            };
            bytes.extend(unit.repeat(n).as_bytes());
            let size = bytes.len();
            let (doc, _, peak) = cost(|| parse_document_owned(bytes, "blank.md").unwrap());
            assert!(
                peak <= 3 * size + (64 << 10),
                "{what}: {n} lines held {peak} bytes at the peak ({} a line)",
                peak / n
            );
            drop(doc);
            peak
        };
        assert_linear(&format!("{what}: peak bytes"), run(200_000), run(2_000_000));
    }
}
