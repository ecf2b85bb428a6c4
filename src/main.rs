//! Entry point: parse arguments, load notes, then either print (dump,
//! search, or any run whose stdout is not a terminal) or open the reader.

use clap::Parser;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use talktree::cli::{Cli, DumpFormat};
use talktree::outline::{self, dump, fs, Outline};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (outline, failed) = load(&cli);
    let mut out = std::io::stdout().lock();
    let written = match cli.format {
        DumpFormat::Json => dump::write_json(&outline, &mut out),
        DumpFormat::Text => dump::write_text(&outline, &mut out),
    };
    let _ = out.flush();
    if written.is_err() || failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Loads the given paths (or the bundled seeds), reporting each failure on
/// stderr. Returns the outline and whether anything failed.
fn load(cli: &Cli) -> (Outline, bool) {
    if cli.paths.is_empty() {
        return (outline::load_seeds(), false);
    }
    let report = fs::load(&cli.paths, &fs::ScanOptions::default());
    let mut err = std::io::stderr().lock();
    for e in &report.errors {
        let _ = writeln!(err, "talktree: {e}");
    }
    for n in &report.notices {
        let _ = writeln!(err, "talktree: {n}");
    }
    let _ = std::io::stdout().is_terminal();
    (report.outline, !report.errors.is_empty())
}
