//! Before the reader opens: finding and reading the user's config, and
//! loading the notes, with every problem turned into a message that names
//! the file and the reason.

use crate::config::{self, Config};
use crate::outline::{self, fs, Clean, Outline};
use crate::state::{file, MAX_FILE_BYTES};
use crate::stdin;
use std::path::{Path, PathBuf};

/// `--config`, else `TALKTREE_CONFIG`, else the platform's config folder.
pub fn config_path(flag: Option<&Path>) -> Option<PathBuf> {
    flag.map(Path::to_path_buf)
        .or_else(|| {
            std::env::var_os("TALKTREE_CONFIG")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(|| directories::ProjectDirs::from("", "", "talktree").map(|p| p.config_dir().join("config.toml")))
}

/// The built-in defaults, commented, with where the user's copy belongs.
pub fn default_config_text() -> String {
    let mut out = String::new();
    if let Some(p) = config_path(None) {
        out.push_str(&format!("# Save as {} (or pass --config PATH).\n", Clean::path(&p)));
    }
    out.push_str(config::DEFAULT);
    out
}

/// Defaults with the user's file over them, and one message per mistake
/// (file, line, value). A missing file is only a mistake when it was named.
/// Only a regular file of at most `state::MAX_FILE_BYTES` is read: a FIFO
/// or a device there is a mistake, not a hang.
pub fn load_config(flag: Option<&Path>) -> (Config, Vec<String>) {
    let Some(path) = config_path(flag) else {
        return (Config::defaults(), Vec::new());
    };
    let named = flag.is_some() || std::env::var_os("TALKTREE_CONFIG").is_some_and(|v| !v.is_empty());
    let shown = Clean::path(&path);
    let text = match file::read_capped(&path, MAX_FILE_BYTES).map(|b| b.map(String::from_utf8)) {
        Ok(Some(Ok(t))) => t,
        Ok(None) if !named => return (Config::defaults(), Vec::new()),
        Ok(None) => {
            return (
                Config::defaults(),
                vec![format!("config {shown}: no such file; using the defaults")],
            )
        }
        Ok(Some(Err(_))) => {
            return (
                Config::defaults(),
                vec![format!("config {shown}: not UTF-8 text; using the defaults")],
            )
        }
        Err(e) => {
            return (
                Config::defaults(),
                vec![format!("config {shown}: {e}; using the defaults")],
            )
        }
    };
    let (config, errors) = Config::load(Some((&path.display().to_string(), &text)));
    let errors = errors
        .iter()
        .map(|e| format!("{e} (using the default for it)"))
        .collect();
    (config, errors)
}

/// What loading the notes gave: the outline, the files that failed (each
/// "file: reason") and notices that are not failures (a scan limit).
#[derive(Debug)]
pub struct Loaded {
    pub outline: Outline,
    pub problems: Vec<Clean>,
    pub notices: Vec<Clean>,
    /// Standard input's bytes, when asked to keep them and it was read.
    pub stdin: Option<Vec<u8>>,
}

/// Loads the given paths, or the bundled seeds when there are none.
pub fn load_notes(paths: &[PathBuf], config: &Config) -> Loaded {
    load(paths, config, false)
}

/// `load_notes`, keeping a copy of what standard input held.
pub fn load_notes_keeping_stdin(paths: &[PathBuf], config: &Config) -> Loaded {
    load(paths, config, true)
}

fn load(paths: &[PathBuf], config: &Config, keep_stdin: bool) -> Loaded {
    let mut loaded = Loaded {
        outline: Outline::new(),
        problems: Vec::new(),
        notices: Vec::new(),
        stdin: None,
    };
    if paths.is_empty() {
        loaded.outline = outline::load_seeds();
        return loaded;
    }
    let opts = fs::ScanOptions {
        extensions: config.extensions.clone(),
        ..Default::default()
    };
    // Documents stay in the order of the arguments: the files named before
    // standard input load together, then it, then the files after it.
    let mut parts = Vec::new();
    let mut run: Vec<PathBuf> = Vec::new();
    let mut stdin_read = false;
    for p in paths {
        if !stdin::names_stdin(p) {
            run.push(p.clone());
            continue;
        }
        load_files(&mut run, &opts, &mut loaded, &mut parts);
        if std::mem::replace(&mut stdin_read, true) {
            let again = format!("{}: named twice; standard input is read once", Clean::path(p));
            loaded.problems.push(Clean::from(again));
            continue;
        }
        let mut kept = Vec::new();
        match stdin::load(keep_stdin.then_some(&mut kept)) {
            Ok(o) => parts.push(o),
            Err(e) => loaded.problems.push(Clean::from(e.to_string())),
        }
        loaded.stdin = keep_stdin.then_some(kept);
    }
    load_files(&mut run, &opts, &mut loaded, &mut parts);
    loaded.outline = Outline::concat(parts);
    loaded
}

/// Loads the files and folders gathered in `run` (emptying it), if any.
fn load_files(run: &mut Vec<PathBuf>, opts: &fs::ScanOptions, loaded: &mut Loaded, parts: &mut Vec<Outline>) {
    if run.is_empty() {
        return;
    }
    let report = fs::load(&std::mem::take(run), opts);
    parts.push(report.outline);
    loaded
        .problems
        .extend(report.errors.iter().map(|e| Clean::from(e.to_string())));
    loaded.notices.extend(report.notices);
}
