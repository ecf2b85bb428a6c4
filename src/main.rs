//! Entry point: parse arguments, load the notes, then print (--dump,
//! --search, or any run whose stdout is not a terminal) or open the reader.

use clap::Parser;
use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;
use talktree::app::{App, Options};
use talktree::cli::{Cli, DumpFormat};
use talktree::config::Config;
use talktree::outline::{self, dump, fs, Outline};
use talktree::search;
use talktree::terminal;
use talktree::ui::theme::Theme;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = Config::defaults();
    let (outline, problems) = load(&cli, &config);
    let failed = !problems.is_empty();
    let printed = if let Some(q) = &cli.search {
        print_search(&outline, q, cli.limit)
    } else if cli.dump || !terminal::can_draw() {
        if !cli.dump && std::env::var("TERM").is_ok_and(|t| t == "dumb") {
            eprintln!("talktree: TERM=dumb cannot show the reader; printing the outline instead");
        }
        print_outline(&outline, cli.format)
    } else {
        let mut app = App::new(
            Arc::new(outline),
            config.keymap.clone(),
            Options {
                open_level: config.open_level,
                tree_width: config.tree_width,
                find_rows: config.find_rows,
            },
        );
        if failed {
            app.status = Some(format!(
                "{} could not be loaded (listed when you quit)",
                describe(&problems)
            ));
        }
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let result = terminal::run(&mut app, &Theme::from_config(&config, no_color));
        for p in &problems {
            eprintln!("talktree: {p}");
        }
        result
    };
    match printed {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("talktree: {e}");
            ExitCode::from(1)
        }
        _ if failed => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    }
}

fn describe(problems: &[String]) -> String {
    match problems.len() {
        1 => "1 file".to_string(),
        n => format!("{n} files"),
    }
}

/// Loads the given paths (or the bundled seeds). Each failure is reported on
/// stderr at once and returned for the reader's status line.
fn load(cli: &Cli, config: &Config) -> (Outline, Vec<String>) {
    if cli.paths.is_empty() {
        return (outline::load_seeds(), Vec::new());
    }
    let opts = fs::ScanOptions {
        extensions: config.extensions.clone(),
        ..Default::default()
    };
    let report = fs::load(&cli.paths, &opts);
    let mut err = std::io::stderr().lock();
    for n in &report.notices {
        let _ = writeln!(err, "talktree: {n}");
    }
    let problems: Vec<String> = report.errors.iter().map(|e| e.to_string()).collect();
    for p in &problems {
        let _ = writeln!(err, "talktree: {p}");
    }
    (report.outline, problems)
}

fn print_outline(o: &Outline, format: DumpFormat) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        DumpFormat::Json => dump::write_json(o, &mut out)?,
        DumpFormat::Text => dump::write_text(o, &mut out)?,
    }
    out.flush()
}

/// `--search`: ranked hits, best first, one per line: score, breadcrumb, text.
fn print_search(o: &Outline, query: &str, limit: usize) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for h in search::find(o, query, search::Scope::All).iter().take(limit) {
        let node = h.node as usize;
        writeln!(out, "{}\t{}\t{}", h.score, search::breadcrumb(o, node), o.text(node))?;
    }
    out.flush()
}
