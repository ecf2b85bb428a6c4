//! The benchmark corpora: written by the generator on first use into
//! target/bench-corpus/N (deterministic, so reused afterwards), then loaded.

use std::path::PathBuf;
use std::sync::Arc;
use talktree::outline::{fs, Outline};

use crate::gen_corpus;

pub const DEFAULT_SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

pub struct Corpus {
    pub bullets: usize,
    pub dir: PathBuf,
    pub bytes: u64,
    pub outline: Arc<Outline>,
}

impl Corpus {
    pub fn label(&self) -> String {
        label(self.bullets)
    }
}

/// "10k", "1M".
pub fn label(n: usize) -> String {
    match n {
        n if n >= 1_000_000 && n % 1_000_000 == 0 => format!("{}M", n / 1_000_000),
        n if n >= 1_000 && n % 1_000 == 0 => format!("{}k", n / 1_000),
        n => n.to_string(),
    }
}

pub fn sizes() -> Vec<usize> {
    match std::env::var("TALKTREE_BENCH_SIZES") {
        Ok(s) if !s.trim().is_empty() => s
            .split(',')
            .map(|x| {
                x.trim()
                    .replace('_', "")
                    .parse()
                    .expect("TALKTREE_BENCH_SIZES: numbers")
            })
            .collect(),
        _ => DEFAULT_SIZES.to_vec(),
    }
}

fn root() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"))
        .join("bench-corpus")
}

/// Generates (unless done before) and loads the corpus of `bullets`.
pub fn prepare(bullets: usize) -> Corpus {
    let dir = root().join(bullets.to_string());
    // Hidden, so the loader never reads it as notes.
    let done = dir.join(".complete");
    if !done.exists() {
        if dir.exists() {
            std::fs::remove_dir_all(&dir).expect("clearing a half-written corpus");
        }
        gen_corpus::generate(bullets, &dir).expect("writing the corpus");
        std::fs::write(&done, b"").expect("marking the corpus complete");
    }
    let report = fs::load(std::slice::from_ref(&dir), &fs::ScanOptions::default());
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    Corpus {
        bullets,
        bytes: dir_bytes(&dir),
        dir,
        outline: Arc::new(report.outline),
    }
}

fn dir_bytes(dir: &std::path::Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let m = e.metadata().expect("stat");
            if m.is_dir() {
                stack.push(e.path());
            } else {
                total += m.len();
            }
        }
    }
    total
}

pub fn cpu_model() -> String {
    let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    info.lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|l| l.trim_start_matches([' ', '\t', ':']).to_string())
        .unwrap_or_else(|| "unknown CPU".into())
}
