//! Remembering: the UI thread's share of a save (taking a snapshot of the
//! folds) and the saver thread's (naming nodes, merging, writing) on each
//! corpus; then inputs a user controls, each at n and 10n with the ratio,
//! for README's "no quadratic path" table: a deep outline, thousands of
//! equal titles, a long find history on disk, a config full of mistakes.

use std::sync::Arc;
use talktree::action::Action;
use talktree::app::{App, Options};
use talktree::config::Config;
use talktree::event::Event;
use talktree::outline::{build_outline, parse_document, Outline};
use talktree::state::folds;
use talktree::state::store::{Saved, Store};

use crate::corpus::Corpus;
use crate::timing::{measure, ms, Timing};

fn app(o: Outline) -> App {
    let mut a = App::new(Arc::new(o), Config::defaults().keymap, Options::default());
    a.handle(Event::Resize(120, 40));
    a
}

fn outline(text: &str, name: &str) -> Outline {
    build_outline(vec![parse_document(text.as_bytes(), name).expect("loads")])
}

/// Saving one reader's view (snapshot, naming, merge, write) and reading
/// it back (parse, then find every named node in the outline).
fn save_and_restore(a: &App) -> f64 {
    let dir = tempfile::tempdir().expect("temp dir");
    let o = &a.outline();
    let (t, found) = measure(5, || {
        let mut store = Store::at(dir.path().to_path_buf());
        assert_eq!(store.save(&a.changes()), Saved::Written);
        let (state, _) = store.load();
        let d = &state.documents[&o.docs()[0].key];
        folds::decode(o, 0, d).folds.len()
    });
    assert!(found > 0);
    t.median.as_secs_f64() * 1e3
}

fn row(what: &str, n: usize, f: impl Fn(usize) -> f64) {
    let (small, big) = (f(n), f(10 * n));
    println!("| {what} | {n} | {small:.2} | {:.2} | {:.1}x |", big, big / small);
}

pub fn run(corpora: &[Corpus]) {
    println!("\n## state: a save's two halves (ms, median of 5); everything open below the first file (Tab Tab)");
    println!("| bullets | snapshot (UI thread) | name, merge, write (saver) |");
    println!("|---|---|---|");
    for c in corpora {
        let mut a = app(c.outline.as_ref().clone());
        a.update(Action::CycleFold);
        a.update(Action::CycleFold);
        let (snap, s) = measure(5, || a.snapshot());
        let dir = tempfile::tempdir().expect("temp dir");
        let (save, _) = measure(5, || Store::at(dir.path().to_path_buf()).save(&s.changes(0)));
        println!("| {} | {} | {} |", c.label(), ms(snap.median), ms(save.median));
    }
    println!("\n## state: n and 10n (ms, median of 5)");
    println!("| input | n | at n | at 10n | ratio |");
    println!("|---|---|---|---|---|");
    row(
        "deep outline (levels), deepest node revealed: save + restore",
        10_000,
        |depth| {
            let mut s = String::from("<opml><body>");
            for d in 0..depth {
                s.push_str(&format!(
                    "<outline text=\"n{d}\"><outline text=\"side\"><outline text=\"x\"/></outline>"
                ));
            }
            s.push_str(&"</outline>".repeat(depth));
            s.push_str("</body></opml>");
            let o = outline(&s, "deep.opml");
            let deepest = o.len() - 3;
            let mut a = app(o.clone());
            a.tree_mut().reveal(&o, deepest);
            save_and_restore(&a)
        },
    );
    row("talks of one title, every other open: save + restore", 30_000, |n| {
        let o = outline(&"# Same talk\n- a point\n".repeat(n), "same.md");
        let mut a = app(o.clone());
        let talks: Vec<usize> = o.children(0).step_by(2).collect();
        a.tree_mut().set_many(&o, talks.into_iter().map(|t| (t, true)));
        save_and_restore(&a)
    });
    row("find history entries on disk: save", 100_000, |n| {
        let dir = tempfile::tempdir().expect("temp dir");
        let history: Vec<String> = (0..n).map(|i| format!("q{i}")).collect();
        let text = serde_json::json!({ "version": 2, "find_history": history }).to_string();
        let changes = talktree::state::Changes::default();
        let samples = (0..5)
            .map(|_| {
                std::fs::write(dir.path().join("state.json"), &text).expect("write");
                let start = std::time::Instant::now();
                assert_eq!(Store::at(dir.path().to_path_buf()).save(&changes), Saved::Written);
                start.elapsed()
            })
            .collect();
        Timing::from(samples).median.as_secs_f64() * 1e3
    });
    row("unknown config keys: load and report", 10_000, |n| {
        let mut text = String::from("[view]\n");
        for i in 0..n {
            text.push_str(&format!("unknown{i} = 1\n"));
        }
        let (t, _) = measure(5, || Config::load(Some(("c.toml", &text))).1.len());
        t.median.as_secs_f64() * 1e3
    });
}
