//! Running the reader: notes load in the background (a folder of thousands
//! of files must not freeze the screen), the remembered state is laid over
//! them once they arrive, and the state is saved after changes, on quit, on
//! a signal and after a panic.

use crate::app::{App, LoadSummary, Options};
use crate::config::Config;
use crate::outline::{Clean, Outline};
use crate::startup::{load_notes, Loaded};
use crate::state::store::{Saved, Store};
use crate::state::State;
use crate::terminal;
use crate::ui::theme::Theme;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Quiet time after a change before the state is written.
const SAVE_AFTER: Duration = Duration::from_secs(2);

/// Everything the reader starts from.
pub struct Start {
    pub paths: Vec<PathBuf>,
    pub config: Config,
    pub state: State,
    pub store: Option<Store>,
    /// Messages for the status line (config mistakes, a state file moved aside).
    pub notes: Vec<String>,
}

/// Runs the reader until quit. Returns the files that could not be loaded,
/// for the caller to print once the terminal is back.
pub fn run(mut start: Start) -> std::io::Result<Vec<Clean>> {
    let opts = Options {
        open_level: start.config.open_level,
        tree_width: start.config.tree_width,
        find_rows: start.config.find_rows,
    };
    let remember = start.store.is_some();
    let mut pending: Option<Receiver<Loaded>> = None;
    let mut app = if start.paths.is_empty() {
        open(load_notes(&[], &start.config), &start, opts, remember)
    } else {
        let (tx, rx) = mpsc::channel();
        let (paths, config) = (start.paths.clone(), start.config.clone());
        std::thread::spawn(move || tx.send(load_notes(&paths, &config)));
        pending = Some(rx);
        let mut app = App::new(Arc::new(Outline::new()), start.config.keymap.clone(), opts);
        app.load = LoadSummary {
            paths: shown(&start.paths),
            loading: true,
            ..LoadSummary::default()
        };
        app
    };
    let last_paths: Vec<String> = start
        .paths
        .iter()
        .map(|p| {
            std::fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .display()
                .to_string()
        })
        .collect();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = Theme::from_config(&start.config, no_color);
    let test_panic = std::env::var_os("TALKTREE_TEST_PANIC").is_some();
    let mut dirty_since: Option<Instant> = None;
    let mut store = start.store.take();
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        terminal::run(&mut app, &theme, &mut |app| {
            if let Some(rx) = &pending {
                match rx.try_recv() {
                    Ok(loaded) => {
                        let size = app.size;
                        let mut loading = std::mem::replace(app, open(loaded, &start, opts, remember));
                        app.update(crate::action::Action::Resize(size.0, size.1));
                        app.take_over_from(&mut loading);
                        pending = None;
                    }
                    Err(TryRecvError::Empty) => return,
                    Err(TryRecvError::Disconnected) => pending = None,
                }
            }
            // A hook for the end-to-end test of the panic path: the first change panics.
            if test_panic && app.state_dirty {
                panic!("TALKTREE_TEST_PANIC: panicking on purpose");
            }
            if !app.state_dirty {
                dirty_since = None;
                return;
            }
            let since = *dirty_since.get_or_insert_with(Instant::now);
            if since.elapsed() >= SAVE_AFTER {
                if let Some(s) = store.as_mut() {
                    save(app, s, &last_paths);
                }
                dirty_since = None;
            }
        })
    }));
    // A reader still loading has nothing of its own to save.
    if let (Some(s), false) = (store.as_mut(), app.load.loading) {
        save(&mut app, s, &last_paths);
    }
    match outcome {
        Ok(result) => result.map(|()| app.load.problems.clone()),
        // The panic hook has restored the terminal and printed the message.
        Err(payload) => panic::resume_unwind(payload),
    }
}

fn shown(paths: &[PathBuf]) -> Vec<Clean> {
    paths.iter().map(|p| Clean::path(p)).collect()
}

/// The reader on loaded notes, with the remembered view laid over them.
fn open(loaded: Loaded, start: &Start, opts: Options, remember: bool) -> App {
    let nothing = loaded.outline.is_empty();
    let mut app = App::new(Arc::new(loaded.outline), start.config.keymap.clone(), opts);
    if remember {
        app.restore(&start.state);
    }
    app.state_dirty = false;
    let mut notes: Vec<String> = loaded.notices.into_iter().map(Clean::into_string).collect();
    notes.extend(start.notes.iter().cloned());
    // With nothing loaded the screen itself lists them.
    if !loaded.problems.is_empty() && !nothing {
        let n = loaded.problems.len();
        let files = if n == 1 {
            "1 file".to_string()
        } else {
            format!("{n} files")
        };
        notes.insert(0, format!("{files} could not be loaded (listed when you quit)"));
    }
    if start.paths.is_empty() && !start.state.last_paths.is_empty() {
        notes.push(format!(
            "Showing the bundled notes: talktree --last reopens {}",
            start.state.last_paths.join(" ")
        ));
    }
    if !notes.is_empty() {
        app.status = Some(notes.join(" · ").into());
    }
    app.load = LoadSummary {
        paths: shown(&start.paths),
        problems: loaded.problems,
        loading: false,
    };
    app
}

fn save(app: &mut App, store: &mut Store, last_paths: &[String]) {
    let mut changes = app.changes();
    // Only paths that gave something are worth offering again.
    changes.set_paths = !last_paths.is_empty() && !app.outline.is_empty();
    changes.state.last_paths = last_paths.to_vec();
    match store.save(&changes) {
        Saved::Written => app.state_dirty = false,
        Saved::Busy => {}
        Saved::Failed(msg) => {
            app.state_dirty = false;
            if let Some(m) = msg {
                app.status = Some(m.into());
            }
        }
    }
}
