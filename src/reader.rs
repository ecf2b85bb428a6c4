//! Running the reader: notes load in the background (a folder of thousands
//! of files must not freeze the screen), the remembered state is laid over
//! them once they arrive, and the state is saved after changes, on quit, on
//! a signal and after a panic: by a `state::saver::Saver` thread, so a save
//! never holds up a key.

use crate::app::{App, LoadSummary, Options};
use crate::config::Config;
use crate::event::Event;
use crate::outline::{Clean, Outline};
use crate::startup::{load_notes, Loaded};
use crate::state::saver::Saver;
use crate::state::snapshot::Snapshot;
use crate::state::store::Store;
use crate::state::{paths, State};
use crate::terminal;
use crate::ui::theme::Theme;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Quiet time after a change before the state is handed to the saver.
const SAVE_AFTER: Duration = Duration::from_secs(2);
/// How long quitting waits for another talktree to release the state lock.
pub const QUIT_WAIT: Duration = Duration::from_secs(2);

/// Everything the reader starts from.
pub struct Start {
    pub paths: Vec<PathBuf>,
    pub config: Config,
    pub state: State,
    pub store: Option<Store>,
    /// Messages for the status line (config mistakes, a state file moved aside).
    pub notes: Vec<String>,
}

/// How the reader ended, for the caller to report once the terminal is back.
#[derive(Debug, Default)]
pub struct Ended {
    /// Files that could not be loaded.
    pub problems: Vec<Clean>,
    /// Why the state could not be saved on the way out, if it could not.
    pub unsaved: Option<Clean>,
}

/// Runs the reader until quit (or a signal).
pub fn run(mut start: Start) -> std::io::Result<Ended> {
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
        std::thread::spawn(move || {
            // The reader may have quit before the notes are in: nothing to tell.
            let _ = tx.send(load_notes(&paths, &config));
        });
        pending = Some(rx);
        let mut app = App::new(Arc::new(Outline::new()), start.config.keymap.clone(), opts);
        app.load = LoadSummary {
            paths: shown(&start.paths),
            loading: true,
            ..LoadSummary::default()
        };
        app
    };
    // Standard input is not offered again by --last: it will hold other notes.
    let last_paths: Vec<String> = start
        .paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .map(|p| paths::doc_key(p))
        .collect();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = Theme::from_config(&start.config, no_color);
    let test_panic = std::env::var_os("TALKTREE_TEST_PANIC").is_some();
    let mut dirty_since: Option<Instant> = None;
    let saver = start.store.take().map(Saver::start);
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        terminal::run(&mut app, &theme, &mut |app| {
            if let Some(rx) = &pending {
                match rx.try_recv() {
                    Ok(loaded) => {
                        let size = app.size;
                        let mut loading = std::mem::replace(app, open(loaded, &start, opts, remember));
                        app.handle(Event::Resize(size.0, size.1));
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
            if let Some(m) = saver.as_ref().and_then(Saver::message) {
                app.handle(Event::Notice(m.into()));
            }
            if !app.state_dirty {
                dirty_since = None;
                return;
            }
            let since = *dirty_since.get_or_insert_with(Instant::now);
            if since.elapsed() >= SAVE_AFTER {
                if let Some(s) = &saver {
                    s.submit(snapshot(app, &last_paths));
                }
                app.handle(Event::Saved);
                dirty_since = None;
            }
        })
    }));
    // A reader still loading has nothing of its own to save.
    let last = (!app.load.loading).then(|| snapshot(&app, &last_paths));
    let unsaved = saver.and_then(|s| s.finish(last, QUIT_WAIT).err()).map(Clean::from);
    match outcome {
        Ok(result) => result.map(|()| Ended {
            problems: app.load.problems.clone(),
            unsaved,
        }),
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
        let last: Vec<String> = start
            .state
            .last_paths
            .iter()
            .map(|p| Clean::path(&paths::from_text(p)).into_string())
            .collect();
        notes.push(format!(
            "Showing the bundled notes: talktree --last reopens {}",
            last.join(" ")
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

/// The view to save, with the paths to offer `--last` when this run
/// opened some that gave notes.
fn snapshot(app: &App, last_paths: &[String]) -> Snapshot {
    let mut s = app.snapshot();
    if !last_paths.is_empty() && !app.outline.is_empty() {
        s.last_paths = Some(last_paths.to_vec());
    }
    s
}
