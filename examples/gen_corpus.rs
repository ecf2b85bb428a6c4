//! Writes a deterministic corpus of conference notes for benchmarks.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --bullets 1000000 /tmp/notes
//!     --seed S   another corpus of the same shape (default: a fixed seed)
//!     --force    write into OUT even if it is not empty (stale files stay)
//! ```
//!
//! OUT gets `year/conference/` folders (`2019/pycon/day-2.md`,
//! `2016/srecon/web/srecon-2016-recap.txt`) of Markdown, org, plain-text,
//! clipped-web-page (`.txt`) and OPML notes, each shaped document > day or
//! track > talk > 3-4 levels of bullets. A bullet is a list item, a prose
//! paragraph or a line of code (loaders keep each code line as a node); the
//! total is exactly N. At N = 1,000,000: about 220 files of 70 KB to 2 MB,
//! 70 MB in all, written in about a second. Same arguments, same bytes: every
//! choice comes from one seeded SplitMix64, and nothing reads the clock or the
//! environment.
//!
//! For search benchmarks (any case): "consistent hashing" is in 0.1% of
//! bullets, "bloom filter" in 0.025%, "thundering herd" in 0.01% (see
//! `words::NEEDLES`); "db" or "database" in about 15%; about 5% of bullets
//! carry non-ASCII (accents, curly quotes, dashes, µ, CJK, emoji).

#[path = "gen_corpus/body.rs"]
mod body;
#[path = "gen_corpus/emit.rs"]
mod emit;
#[path = "gen_corpus/markup.rs"]
mod markup;
#[path = "gen_corpus/opml.rs"]
mod opml;
#[path = "gen_corpus/plain.rs"]
mod plain;
#[path = "gen_corpus/plan.rs"]
mod plan;
#[path = "gen_corpus/rng.rs"]
mod rng;
#[path = "gen_corpus/text.rs"]
mod text;
#[path = "gen_corpus/words.rs"]
#[rustfmt::skip] // word lists stay packed, many to a line
mod words;

use rng::Rng;
use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};
use std::time::Instant;

const USAGE: &str = "usage: gen_corpus --bullets N [--seed S] [--force] OUT";
const DEFAULT_SEED: u64 = 0x7a1c_7ee5_2024;

struct Args {
    bullets: usize,
    seed: u64,
    force: bool,
    out: PathBuf,
}

#[derive(Clone, Copy)]
enum Format {
    Markdown,
    Org,
    Text,
    Web,
    Opml,
}

impl Format {
    const ALL: [Format; 5] = [Format::Markdown, Format::Org, Format::Text, Format::Web, Format::Opml];
    /// Conferences per 20 in each format, about what a notes folder kept
    /// over the years holds (before per-day splitting adds text files).
    const CARDS: [usize; 5] = [7, 4, 4, 3, 2];

    fn name(self) -> &'static str {
        ["md", "org", "txt", "web", "opml"][self as usize]
    }

    /// The file's path under OUT. `day` is Some when the conference is split
    /// into one file per day.
    fn path(self, rng: &mut Rng, slug: &str, year: usize, day: Option<usize>) -> String {
        let name = match (self, day) {
            (Format::Markdown, Some(d)) => format!("day-{d}.md"),
            (Format::Org, Some(d)) => format!("day-{d}.org"),
            (_, Some(d)) => format!("day{d}.txt"),
            (Format::Markdown, None) => rng.pick(&["notes.md", "talks.md", "README.md", "notes.md"]).to_string(),
            (Format::Org, None) => rng.pick(&["talks.org", "notes.org"]).to_string(),
            (Format::Text, None) => rng.pick(&["notes.txt", "talks.txt"]).to_string(),
            (Format::Web, None) => match rng.below(3) {
                0 => format!("web/{slug}-{year}-recap.txt"),
                1 => format!("web/notes-from-{slug}.txt"),
                _ => "web/blog-post.txt".to_string(),
            },
            (Format::Opml, None) => rng.pick(&["outline.opml", "notes.opml"]).to_string(),
        };
        format!("{year}/{slug}/{name}")
    }

    /// Prose and XML cost more bytes per bullet, so those files get fewer
    /// bullets to stay in the same size range.
    fn budget_divisor(self) -> usize {
        match self {
            Format::Web => 2,
            _ => 1,
        }
    }
}

/// Deals formats from shuffled decks, so every run of 20 conferences has the
/// intended mix (free draws swung the corpus size by 10% from seed to seed).
/// The first deck holds one of each, so even a tiny corpus has every format.
#[derive(Default)]
struct Deck {
    cards: Vec<Format>,
    started: bool,
}

impl Deck {
    fn deal(&mut self, rng: &mut Rng) -> Format {
        if self.cards.is_empty() {
            if self.started {
                for (f, &n) in Format::ALL.iter().zip(&Format::CARDS) {
                    self.cards.extend(std::iter::repeat_n(*f, n));
                }
            } else {
                self.cards.extend(Format::ALL);
                self.started = true;
            }
            for i in (1..self.cards.len()).rev() {
                self.cards.swap(i, rng.below(i + 1));
            }
        }
        self.cards.pop().expect("just filled")
    }
}

#[derive(Default)]
struct Summary {
    files: usize,
    per_format: [usize; 5],
    bullets: usize,
    bytes: u64,
}

fn main() {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("gen_corpus: {e}\n{USAGE}");
            std::process::exit(2);
        }
    };
    let started = Instant::now();
    match run(&args) {
        Ok(s) => {
            let kinds: Vec<String> = Format::ALL
                .iter()
                .map(|f| format!("{} {}", s.per_format[*f as usize], f.name()))
                .collect();
            println!(
                "gen_corpus: {} files ({}), {} bullets, {} bytes ({:.1} MB) in {} [{:.2}s]",
                s.files,
                kinds.join(", "),
                s.bullets,
                s.bytes,
                s.bytes as f64 / 1e6,
                args.out.display(),
                started.elapsed().as_secs_f64()
            );
        }
        Err(e) => {
            eprintln!("gen_corpus: {}: {e}", args.out.display());
            std::process::exit(1);
        }
    }
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Args, String> {
    fn number(v: Option<String>, flag: &str) -> Result<u64, String> {
        let v = v.ok_or(format!("{flag} needs a number"))?;
        v.replace('_', "")
            .parse()
            .map_err(|_| format!("{flag}: not a number: {v}"))
    }
    let (mut bullets, mut seed, mut force, mut out) = (None, DEFAULT_SEED, false, None);
    let mut args = args;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bullets" | "-n" => bullets = Some(number(args.next(), "--bullets")? as usize),
            "--seed" => seed = number(args.next(), "--seed")?,
            "--force" => force = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            _ if out.is_some() => return Err(format!("one OUT folder only (got a second: {a})")),
            _ => out = Some(PathBuf::from(a)),
        }
    }
    Ok(Args {
        bullets: bullets.ok_or("--bullets N is required")?,
        seed,
        force,
        out: out.ok_or("the OUT folder is required")?,
    })
}

/// The default corpus of `bullets` bullets written into `out`, for benches
/// that include this file as a module (`cargo bench` builds its own data).
#[allow(dead_code)]
pub fn generate(bullets: usize, out: &Path) -> io::Result<()> {
    let args = Args {
        bullets,
        seed: DEFAULT_SEED,
        force: false,
        out: out.to_path_buf(),
    };
    run(&args).map(|_| ())
}

fn run(args: &Args) -> io::Result<Summary> {
    let non_empty = fs::read_dir(&args.out).is_ok_and(|mut d| d.next().is_some());
    if non_empty && !args.force {
        return Err(io::Error::other(
            "folder is not empty (pick a new one, or pass --force)",
        ));
    }
    fs::create_dir_all(&args.out)?;
    let mut rng = Rng::new(args.seed);
    // Small corpora still get a dozen files, so every format shows up.
    let cap = (args.bullets / 12).max(50);
    let mut deck = Deck::default();
    let mut editions = HashSet::new();
    let mut taken = HashSet::new();
    let mut sum = Summary::default();
    let mut left = args.bullets;
    while left > 0 {
        let (conf, slug, year) = edition_name(&mut rng, &mut editions);
        let format = deck.deal(&mut rng);
        let per_day = !matches!(format, Format::Web | Format::Opml) && rng.per_mille(300);
        let days: Vec<Option<usize>> = if per_day {
            (1..=rng.range(2, 4)).map(Some).collect()
        } else {
            vec![None]
        };
        for day in days {
            if left == 0 {
                break;
            }
            let mut budget = (file_budget(&mut rng) / format.budget_divisor()).min(cap).min(left);
            if left - budget < cap.min(1200) {
                budget = left; // no stub file at the very end
            }
            let doc = plan::doc(&mut rng, conf, year, day, budget);
            let rel = unique(&mut taken, format.path(&mut rng, slug, year, day));
            sum.bytes += write_file(&args.out.join(rel), format, &mut rng, &doc)?;
            sum.files += 1;
            sum.per_format[format as usize] += 1;
            sum.bullets += budget;
            left -= budget;
        }
    }
    Ok(sum)
}

/// A conference and year not used yet, if one turns up in a few tries (a
/// huge corpus runs out of them; `unique` then keeps the paths apart).
fn edition_name(rng: &mut Rng, used: &mut HashSet<(&'static str, usize)>) -> (&'static str, &'static str, usize) {
    let mut pick = || {
        let (conf, slug) = rng.pick(words::CONFERENCES);
        (conf, slug, rng.range(2012, 2024))
    };
    let mut e = pick();
    for _ in 0..8 {
        if used.insert((e.1, e.2)) {
            break;
        }
        e = pick();
    }
    e
}

/// Bullets in one file: 1,200 to 19,200, smaller files commoner.
fn file_budget(rng: &mut Rng) -> usize {
    let low = 1200 << rng.weighted(&[4, 3, 2, 1]);
    rng.range(low, 2 * low - 1)
}

/// `rel`, or `rel` with `-2`, `-3`... before the extension if already used.
fn unique(taken: &mut HashSet<String>, rel: String) -> String {
    if taken.insert(rel.clone()) {
        return rel;
    }
    let (stem, ext) = rel.rsplit_once('.').expect("paths have extensions");
    (2..)
        .map(|n| format!("{stem}-{n}.{ext}"))
        .find(|p| taken.insert(p.clone()))
        .expect("some suffix is free")
}

/// Writes one file and returns its size in bytes.
fn write_file(path: &Path, format: Format, rng: &mut Rng, doc: &plan::Doc) -> io::Result<u64> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let mut w = BufWriter::with_capacity(1 << 16, File::create(path)?);
    match format {
        Format::Markdown => markup::markdown(&mut w, rng, doc)?,
        Format::Org => markup::org(&mut w, rng, doc)?,
        Format::Text => plain::plain(&mut w, rng, doc)?,
        Format::Web => plain::web(&mut w, rng, doc)?,
        Format::Opml => opml::opml(&mut w, rng, doc)?,
    }
    let file = w.into_inner().map_err(|e| e.into_error())?;
    Ok(file.metadata()?.len())
}
