//! Before the reader opens: finding and reading the user's config, and
//! loading the notes, with every problem turned into a message that names
//! the file and the reason.

use crate::config::{self, Config};
use crate::outline::{self, fs, Clean, Outline};
use crate::state::{file, MAX_FILE_BYTES};
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
pub struct Loaded {
    pub outline: Outline,
    pub problems: Vec<Clean>,
    pub notices: Vec<Clean>,
}

/// Loads the given paths, or the bundled seeds when there are none.
pub fn load_notes(paths: &[PathBuf], config: &Config) -> Loaded {
    if paths.is_empty() {
        return Loaded {
            outline: outline::load_seeds(),
            problems: Vec::new(),
            notices: Vec::new(),
        };
    }
    let opts = fs::ScanOptions {
        extensions: config.extensions.clone(),
        ..Default::default()
    };
    let report = fs::load(paths, &opts);
    Loaded {
        outline: report.outline,
        problems: report.errors.iter().map(|e| Clean::from(e.to_string())).collect(),
        notices: report.notices,
    }
}
