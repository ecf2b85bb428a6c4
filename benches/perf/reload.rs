//! Reload: one changed 1 MB notes file read again while a corpus is
//! loaded, from the change event (the watcher reading and parsing the
//! file) to the redrawn 120x40 screen (the app carrying folds, selection
//! and bookmarks across, a full frame). And whether the process's memory
//! grows across 100 reloads (resident set size, from /proc).

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};
use talktree::app::{App, Options};
use talktree::config::Config;
use talktree::event::Event;
use talktree::keymap::Key;
use talktree::state::paths;
use talktree::ui::{draw, theme::Theme};
use talktree::watch::{read_change, News};

use crate::corpus::Corpus;
use crate::timing::{measure, ms, Timing};

const RELOADS: usize = 100;

/// About 1 MB of Markdown talks; `extra` talks inserted at the top.
fn notes(extra: usize) -> String {
    let mut s = String::from("# Reload bench\n\n");
    let talk = |s: &mut String, i: usize| {
        s.push_str(&format!("## Talk {i}: what we learned (Speaker {i})\n"));
        for j in 0..20 {
            s.push_str(&format!("- point {j} of talk {i}, with enough words to fill a line\n"));
            if j % 5 == 0 {
                s.push_str(&format!("  - a detail under point {j}\n"));
            }
        }
        s.push('\n');
    };
    for i in 0..extra {
        talk(&mut s, 100_000 + i);
    }
    let mut i = 0;
    while s.len() < 1 << 20 {
        talk(&mut s, i);
        i += 1;
    }
    s
}

fn rss_kib() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    pages * 4
}

fn file(dir: &Path) -> PathBuf {
    let d = dir.join("reload-bench");
    std::fs::create_dir_all(&d).expect("bench folder");
    d.join("talks.md")
}

pub fn run(corpora: &[Corpus]) {
    println!("\n## reload (one 1 MB file changed; ms from the change event to the redrawn 120x40 screen)");
    println!(
        "| bullets | read + parse | apply (of which the outline's copy) | frame | total median / max | RSS after 1 → 10 → 100 reloads, MiB |"
    );
    println!("|---|---|---|---|---|---|");
    let theme = Theme::monochrome();
    let versions = [notes(0), notes(3)];
    for c in corpora {
        let path = file(c.dir.parent().unwrap_or(&c.dir));
        std::fs::write(&path, &versions[0]).expect("writing the bench file");
        let key = paths::doc_key(&path);
        let News::Added(part) = read_change(&key, &path, true).news else {
            panic!("the bench file did not load");
        };
        let n = c.outline.docs().len();
        let outline = Arc::new(c.outline.splice_documents(n..n, *part));
        let mut app = App::new(outline, Config::defaults().keymap, Options::default());
        app.handle(Event::Resize(120, 40));
        // In the file reloaded: a talk open, a note selected and bookmarked.
        for k in ["End", "Tab", "j", "j", "m"] {
            app.handle(Event::Key(Key::parse(k).expect("key")));
        }
        // Apart, what the apply spends copying the outline around the file.
        let copy = {
            let o = app.outline().clone();
            let d = o.docs().len() - 1;
            let News::Changed(part) = read_change(&key, &path, false).news else {
                panic!("the bench file did not reload");
            };
            let (t, _) = measure(5, || o.splice_documents(d..d + 1, (*part).clone()));
            ms(t.median)
        };
        let mut term = Terminal::new(TestBackend::new(120, 40)).expect("test terminal");
        let (mut read, mut apply, mut frame, mut total) = (vec![], vec![], vec![], vec![]);
        let mut rss = Vec::new();
        for r in 0..RELOADS {
            std::fs::write(&path, &versions[(r + 1) % 2]).expect("writing the bench file");
            let t0 = Instant::now();
            let change = read_change(&key, &path, false);
            let t1 = Instant::now();
            app.handle(Event::Reloaded(Box::new(change)));
            let t2 = Instant::now();
            term.clear().expect("clear");
            term.draw(|f| draw(f, &app, &theme)).expect("draw");
            let t3 = Instant::now();
            read.push(t1 - t0);
            apply.push(t2 - t1);
            frame.push(t3 - t2);
            total.push(t3 - t0);
            if [0, 9, RELOADS - 1].contains(&r) {
                // The search thread splices its index on its own time: let
                // it catch up before the memory is read.
                std::thread::sleep(Duration::from_millis(200));
                rss.push(format!("{:.0}", rss_kib() as f64 / 1024.0));
            }
        }
        assert!(
            app.status().is_some_and(|s| s.starts_with("reloaded talks.md")),
            "{:?}",
            app.status()
        );
        let med = |v: Vec<Duration>| ms(Timing::from(v).median);
        let max = *total.iter().max().expect("reloads");
        println!(
            "| {} | {} | {} ({copy}) | {} | {} / {} | {} |",
            c.label(),
            med(read),
            med(apply),
            med(frame),
            med(total),
            ms(max),
            rss.join(" → ")
        );
    }
}
