//! `cargo bench`: load, search and frame drawing at 10k, 100k and 1M
//! bullets, on corpora the generator (examples/gen_corpus.rs, compiled in
//! here) writes once into target/bench-corpus. Prints tables; it asserts
//! nothing about speed (budgets are read off the numbers, see README).
//!
//! `cargo bench -- search` runs one section (load, search, draw, echo, state, view, reload);
//! TALKTREE_BENCH_SIZES=10000,100000 picks the corpus sizes.

#[path = "../../examples/gen_corpus.rs"]
#[allow(dead_code)]
mod gen_corpus;

mod corpus;
mod draw;
mod echo;
mod load;
mod reload;
mod search;
mod state;
mod timing;
mod view;

fn main() {
    // cargo passes `--bench`; anything else not starting with '-' is a filter.
    let filters: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let wanted = |name: &str| filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str()));
    let sizes = corpus::sizes();
    println!(
        "talktree benches: {} cores, {}",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        corpus::cpu_model()
    );
    let corpora: Vec<corpus::Corpus> = sizes.iter().map(|&n| corpus::prepare(n)).collect();
    if wanted("load") {
        load::run(&corpora);
    }
    if wanted("search") {
        search::run(&corpora);
    }
    if wanted("draw") {
        draw::run(&corpora);
    }
    if wanted("echo") {
        echo::run(&corpora);
    }
    if wanted("state") {
        state::run(&corpora);
    }
    if wanted("view") {
        view::run(&corpora);
    }
    if wanted("reload") {
        reload::run(&corpora);
    }
}
