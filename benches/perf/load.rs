//! Load: files to a ready outline (both cores, then one for per-core
//! throughput), to the first drawn frame, and the bytes held per bullet.

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::sync::Arc;
use talktree::app::{App, Options};
use talktree::config::Config;
use talktree::outline::{fs, load_seeds, Outline};
use talktree::search::Index;
use talktree::ui::{draw, theme::Theme};

use crate::corpus::Corpus;
use crate::timing::{measure, ms, runs_for};

fn load_dir(c: &Corpus) -> Outline {
    let r = fs::load(std::slice::from_ref(&c.dir), &fs::ScanOptions::default());
    r.outline
}

/// Loading done, the reader built and its first frame drawn.
pub fn first_frame(o: Outline) -> App {
    let app = App::new(Arc::new(o), Config::defaults().keymap, Options::default());
    let mut t = Terminal::new(TestBackend::new(120, 40)).expect("test terminal");
    t.draw(|f| draw(f, &app, &Theme::monochrome())).expect("draw");
    app
}

pub fn run(corpora: &[Corpus]) {
    println!("\n## load (median of runs; min in brackets)");
    let (t, _) = measure(20, || first_frame(load_seeds()));
    println!("bundled seeds to first frame: {} ms [{}]", ms(t.median), ms(t.min));
    println!(
        "| bullets | MB | load ms | MB/s | 1-core MB/s | same notes ms | to first frame ms | nodes | bytes/bullet |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("pool");
    for c in corpora {
        let runs = runs_for(c.bullets, 8);
        let mb = c.bytes as f64 / 1e6;
        let (t, o) = measure(runs, || load_dir(c));
        let (t1, _) = measure(runs.min(3), || one.install(|| load_dir(c)));
        let (tf, _) = measure(runs, || first_frame(load_dir(c)));
        // Finding the documents that repeat another's notes: not part of
        // load, the search thread does it with the index.
        let (ts, _) = measure(runs, || o.find_same_notes());
        let held = o.heap_bytes() + Index::new(&o).heap_bytes();
        println!(
            "| {} | {:.1} | {} [{}] | {:.0} | {:.0} | {} [{}] | {} [{}] | {} | {:.0} |",
            c.label(),
            mb,
            ms(t.median),
            ms(t.min),
            mb / t.median.as_secs_f64(),
            mb / t1.median.as_secs_f64(),
            ms(ts.median),
            ms(ts.min),
            ms(tf.median),
            ms(tf.min),
            o.len(),
            held as f64 / c.bullets as f64,
        );
    }
}
