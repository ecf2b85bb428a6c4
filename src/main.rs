use std::path::PathBuf;
use talktree::outline::{self, dump, fs};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "json");
    let paths: Vec<PathBuf> = args.iter().filter(|a| !a.starts_with('-') && *a != "json").map(PathBuf::from).collect();
    let o = if paths.is_empty() { outline::load_seeds() } else { let r = fs::load(&paths, &fs::ScanOptions::default()); for e in &r.errors { eprintln!("{e}"); } r.outline };
    let mut out = std::io::stdout().lock();
    if json { dump::write_json(&o, &mut out).unwrap(); } else { dump::write_text(&o, &mut out).unwrap(); }
}
