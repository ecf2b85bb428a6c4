//! Entry point: parse arguments, read the config and remembered state, then
//! print (--dump, --search, or any run whose stdout is not a terminal) or
//! open the reader.

use clap::CommandFactory;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use talktree::cli::{Cli, DumpFormat, Mode, SearchFormat};
use talktree::export::{self, ExportFormat};
use talktree::outline::{dump, Clean, Outline};
use talktree::print;
use talktree::reader::{self, Start};
use talktree::search;
use talktree::startup::{default_config_text, load_config, load_notes, load_notes_keeping_stdin, Loaded};
use talktree::state::store::Store;
use talktree::state::{paths, State};
use talktree::terminal;

/// `eprintln!` that never panics (stderr may be a terminal that is gone)
/// and writes display text: messages quote paths, arguments and config.
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr(), "{}", Clean::from(format!($($arg)*)));
    }};
}

fn main() -> ExitCode {
    let (cli, mode) = Cli::parse_clean();
    match mode {
        Mode::PrintConfig => return print_text(default_config_text().as_bytes()),
        Mode::Completions(shell) => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "talktree", &mut out);
            return print_text(&out);
        }
        Mode::Man => {
            let mut out = Vec::new();
            // Rendering into a Vec cannot fail.
            let _ = clap_mangen::Man::new(Cli::command()).render(&mut out);
            return print_text(&out);
        }
        _ => {}
    }
    let reading = matches!(mode, Mode::Read(_)) && terminal::can_draw();
    // From here a signal ends the reader through its quit path (restore,
    // save, exit status 128 + signal), even while the notes load.
    if reading {
        if let Err(e) = terminal::catch_signals() {
            say!("talktree: cannot watch for signals: {e}");
        }
    }
    let (config, config_errors) = load_config(cli.config.as_deref());
    for e in config_errors.iter().take(LISTED) {
        say!("talktree: {e}");
    }
    if config_errors.len() > LISTED {
        say!(
            "talktree: ... and {} more config mistakes",
            config_errors.len() - LISTED
        );
    }
    let mut notes = summarize(&config_errors, "config");
    // Only the reader uses the state: printing modes neither read nor move
    // it, except to take `--last`'s paths from it.
    let mut store = if cli.no_state || !(reading || cli.last) {
        None
    } else {
        Store::locate()
    };
    let state = match store.as_mut() {
        Some(s) if reading => {
            let (state, msg) = s.load();
            notes.extend(msg);
            state
        }
        Some(s) => {
            let (state, msg) = s.peek();
            if let Some(m) = msg {
                say!("talktree: {m}");
            }
            state
        }
        None => State::default(),
    };
    let mut paths: Vec<PathBuf> = if cli.last {
        state.last_paths.iter().map(|p| paths::from_text(p)).collect()
    } else {
        cli.paths.clone()
    };
    if cli.last && paths.is_empty() {
        say!("talktree: --last: no earlier run named any paths");
        return ExitCode::from(2);
    }
    let (result, problems) = if reading {
        // Keys come from the terminal, the notes from the pipe.
        talktree::stdin::detach(&mut paths);
        let start = Start {
            paths,
            config,
            state,
            store,
            notes,
        };
        match reader::run(start) {
            Ok(ended) => {
                if let Some(m) = &ended.unsaved {
                    say!("talktree: {m}");
                }
                (Ok(true), ended.problems)
            }
            Err(e) => (Err(e), Vec::new()),
        }
    } else {
        let grep = matches!(
            mode,
            Mode::Search {
                format: SearchFormat::Grep,
                ..
            }
        );
        let loaded = if grep {
            load_notes_keeping_stdin(&paths, &config)
        } else {
            load_notes(&paths, &config)
        };
        for n in &loaded.notices {
            say!("talktree: {n}");
        }
        let printed = match &mode {
            // Like grep and fzf --filter: no hit is exit status 1.
            Mode::Search { query, format, limit } => {
                let options = search::Options {
                    scope: search::Scope::All,
                    matching: if cli.exact {
                        search::Matching::Exact
                    } else {
                        config.matching
                    },
                    all_copies: cli.all_copies,
                };
                print_search(&loaded, query, options, *format, *limit).map(|hits| hits > 0)
            }
            Mode::Dump(format) => print_outline(&loaded.outline, *format).map(|()| true),
            // Like --search: nothing to export is exit status 1.
            Mode::Export { format, talk } => print_export(&loaded.outline, *format, talk.as_deref()),
            Mode::Read(format) => {
                if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
                    say!("talktree: TERM=dumb cannot show the reader; printing the outline instead");
                }
                print_outline(&loaded.outline, *format).map(|()| true)
            }
            Mode::PrintConfig | Mode::Completions(_) | Mode::Man => Ok(true),
        };
        (printed, loaded.problems)
    };
    // Printed last: while the reader was open the screen was not stderr's.
    for p in &problems {
        say!("talktree: {p}");
    }
    if let Some(sig) = terminal::signal() {
        return ExitCode::from(terminal::exit_status_for(sig));
    }
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            say!("talktree: {e}");
            ExitCode::from(1)
        }
        Ok(true) if problems.is_empty() => ExitCode::SUCCESS,
        Err(_) if problems.is_empty() => ExitCode::SUCCESS,
        _ => ExitCode::from(1),
    }
}

/// Config mistakes printed one per line; past this, only how many more.
const LISTED: usize = 20;

/// "config: 3 mistakes (listed when you quit), first …" for the status line.
fn summarize(errors: &[String], what: &str) -> Vec<String> {
    let Some(first) = errors.first() else {
        return Vec::new();
    };
    // The count first: a long message is cut at the screen's edge.
    let count = match errors.len() {
        1 => String::new(),
        // Printed before the reader took the screen: back in view on quit.
        n => format!("{n} mistakes (listed when you quit), first "),
    };
    vec![format!("{what}: {count}{first}")]
}

fn print_outline(o: &Outline, format: DumpFormat) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        DumpFormat::Json => dump::write_json(o, &mut out)?,
        DumpFormat::Text => dump::write_text(o, &mut out)?,
    }
    out.flush()
}

/// `--search`: ranked hits, close ones first, then best first, one per
/// line, in `format`. Returns how many matched (printed or not, as
/// `--limit 0` asks).
fn print_search(
    loaded: &Loaded,
    query: &str,
    options: search::Options,
    format: SearchFormat,
    limit: usize,
) -> std::io::Result<usize> {
    let o = &loaded.outline;
    let hits = search::find(o, query, options);
    let shown = &hits[..hits.len().min(limit)];
    let mut out = std::io::stdout().lock();
    let q = search::Query::parse_with(query, options.matching);
    print::write_hits(o, shown, &q, format, loaded.stdin.as_deref(), &mut out)?;
    Ok(hits.len())
}

/// `--export`: the notes, or the talks `--talk` matches. Returns false
/// (said on stderr) when no talk title matched.
fn print_export(o: &Outline, format: ExportFormat, talk: Option<&str>) -> std::io::Result<bool> {
    let roots = export::roots(o, talk);
    if let (Some(q), true) = (talk, roots.is_empty()) {
        say!("talktree: --export --talk {q:?}: no talk title matches (find syntax; try --search to see what does)");
        return Ok(false);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    export::write(o, &roots, format, &mut out)?;
    Ok(true)
}

/// Text generated whole (the config, a completion script, the man page),
/// to stdout; a closed pipe (`| head`) is not an error.
fn print_text(text: &[u8]) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            say!("talktree: {e}");
            ExitCode::from(1)
        }
        _ => ExitCode::SUCCESS,
    }
}
