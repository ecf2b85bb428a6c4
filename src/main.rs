//! Entry point: parse arguments, read the config and remembered state, load
//! the notes, then print (--dump, --search, or any run whose stdout is not a
//! terminal) or open the reader; save the state on the way out.

use clap::Parser;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};
use talktree::app::{App, Options};
use talktree::cli::{Cli, DumpFormat};
use talktree::config::{self, Config};
use talktree::outline::{self, dump, fs, Outline};
use talktree::search;
use talktree::state::store::{Saved, Store};
use talktree::state::State;
use talktree::terminal;
use talktree::ui::theme::Theme;

/// Quiet time after a change before the state is written.
const SAVE_AFTER: Duration = Duration::from_secs(2);

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.print_config {
        return print_config();
    }
    let mut notes: Vec<String> = Vec::new();
    let config = load_config(&cli, &mut notes);
    let mut store = if cli.no_state { None } else { Store::locate() };
    let state = match store.as_mut() {
        Some(s) => {
            let (state, msg) = s.load();
            notes.extend(msg);
            state
        }
        None => State::default(),
    };
    let paths = if cli.last {
        state.last_paths.iter().map(PathBuf::from).collect()
    } else {
        cli.paths.clone()
    };
    if cli.last && paths.is_empty() {
        eprintln!("talktree: --last: no earlier run named any paths");
        return ExitCode::from(2);
    }
    let (outline, problems) = load(&paths, &config);
    let failed = !problems.is_empty();
    let printed = if let Some(q) = &cli.search {
        print_search(&outline, q, cli.limit)
    } else if cli.dump || !terminal::can_draw() {
        if !cli.dump && std::env::var("TERM").is_ok_and(|t| t == "dumb") {
            eprintln!("talktree: TERM=dumb cannot show the reader; printing the outline instead");
        }
        print_outline(&outline, cli.format)
    } else {
        if paths.is_empty() && !state.last_paths.is_empty() {
            notes.push(format!(
                "Showing the bundled notes: talktree --last reopens {}",
                state.last_paths.join(" ")
            ));
        }
        if failed {
            notes.insert(
                0,
                format!("{} could not be loaded (listed when you quit)", files(problems.len())),
            );
        }
        let result = read(outline, &config, &state, store.as_mut(), &paths, notes);
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

fn files(n: usize) -> String {
    if n == 1 {
        "1 file".into()
    } else {
        format!("{n} files")
    }
}

fn print_config() -> ExitCode {
    let mut out = std::io::stdout().lock();
    if let Some(p) = config_path(None) {
        let _ = writeln!(out, "# Save as {} (or pass --config PATH).", p.display());
    }
    let _ = out.write_all(config::DEFAULT.as_bytes());
    ExitCode::SUCCESS
}

/// `--config`, else `TALKTREE_CONFIG`, else the platform's config folder.
fn config_path(flag: Option<&PathBuf>) -> Option<PathBuf> {
    flag.cloned()
        .or_else(|| {
            std::env::var_os("TALKTREE_CONFIG")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(|| directories::ProjectDirs::from("", "", "talktree").map(|p| p.config_dir().join("config.toml")))
}

/// Defaults with the user's file over them. Each mistake is printed (file,
/// line, value) and kept for the status line; the app still starts.
fn load_config(cli: &Cli, notes: &mut Vec<String>) -> Config {
    let Some(path) = config_path(cli.config.as_ref()) else {
        return Config::defaults();
    };
    let explicit = cli.config.is_some() || std::env::var_os("TALKTREE_CONFIG").is_some();
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => return Config::defaults(),
        Err(e) => {
            let msg = format!("config {}: {e}; using the defaults", path.display());
            eprintln!("talktree: {msg}");
            notes.push(msg);
            return Config::defaults();
        }
    };
    let (config, errors) = Config::load(Some((&path.display().to_string(), &text)));
    for e in &errors {
        eprintln!("talktree: {e} (using the default for it)");
    }
    if let Some(first) = errors.first() {
        notes.push(format!(
            "config: {first}{}",
            if errors.len() > 1 {
                format!(" (+{} more, see stderr)", errors.len() - 1)
            } else {
                String::new()
            }
        ));
    }
    config
}

/// Opens the reader and runs it; saves the state after changes and on exit.
fn read(
    outline: Outline,
    config: &Config,
    state: &State,
    mut store: Option<&mut Store>,
    paths: &[PathBuf],
    notes: Vec<String>,
) -> std::io::Result<()> {
    let opts = Options {
        open_level: config.open_level,
        tree_width: config.tree_width,
        find_rows: config.find_rows,
    };
    let mut app = App::new(Arc::new(outline), config.keymap.clone(), opts);
    if store.is_some() {
        app.restore(state);
    }
    app.state_dirty = false;
    if !notes.is_empty() {
        app.status = Some(notes.join(" · "));
    }
    let last_paths: Vec<String> = paths
        .iter()
        .map(|p| {
            std::fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .display()
                .to_string()
        })
        .collect();
    let save = |app: &mut App, store: &mut Store| {
        let mut changes = app.changes();
        changes.set_paths = !last_paths.is_empty();
        changes.state.last_paths = last_paths.clone();
        match store.save(&changes) {
            Saved::Written => app.state_dirty = false,
            Saved::Busy => {}
            Saved::Failed(msg) => {
                app.state_dirty = false;
                if let Some(m) = msg {
                    app.status = Some(m);
                }
            }
        }
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = Theme::from_config(config, no_color);
    let mut dirty_since: Option<Instant> = None;
    let result = terminal::run(&mut app, &theme, &mut |app| {
        if !app.state_dirty {
            dirty_since = None;
            return;
        }
        let since = *dirty_since.get_or_insert_with(Instant::now);
        if since.elapsed() >= SAVE_AFTER {
            if let Some(s) = store.as_deref_mut() {
                save(app, s);
            }
            dirty_since = None;
        }
    });
    if let Some(s) = store {
        save(&mut app, s);
    }
    result
}

/// Loads the given paths (or the bundled seeds). Each failure is reported on
/// stderr at once and returned for the reader's status line.
fn load(paths: &[PathBuf], config: &Config) -> (Outline, Vec<String>) {
    if paths.is_empty() {
        return (outline::load_seeds(), Vec::new());
    }
    let opts = fs::ScanOptions {
        extensions: config.extensions.clone(),
        ..Default::default()
    };
    let report = fs::load(paths, &opts);
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
