//! Running the reader: notes load in the background (a folder of thousands
//! of files must not freeze the screen), the remembered state is laid over
//! them once they arrive, and the state is saved after changes, on quit, on
//! a signal and after a panic: by a `state::saver::Saver` thread, so a save
//! never holds up a key.

use crate::app::{App, Opening, Options};
use crate::config::Config;
use crate::event::Event;
use crate::outline::{fs::ScanOptions, Clean, STDIN_SOURCE};
use crate::startup::{load_notes, Loaded};
use crate::state::saver::Saver;
use crate::state::snapshot::Snapshot;
use crate::state::store::Store;
use crate::state::{paths, State};
use crate::terminal;
use crate::ui::theme::Theme;
use crate::watch::{Plan, Report, Watch};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};
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
    let opts = Options::from(&start.config);
    let opening = Opening {
        paths: shown(&start.paths),
        notes: opening_notes(&start),
        remembered: start.store.is_some().then(|| std::mem::take(&mut start.state)),
    };
    let mut app = App::loading(start.config.keymap.clone(), opts, opening);
    app.set_clipboard(start.config.clipboard.clone());
    app.set_editor(&start.config.editor);
    let mut pending: Option<Receiver<Loaded>> = None;
    let mut watch: Option<Watch> = None;
    if start.paths.is_empty() {
        app.handle(Event::Loaded(Box::new(load_notes(&[], &start.config))));
    } else {
        let (tx, rx) = mpsc::channel();
        let (paths, config) = (start.paths.clone(), start.config.clone());
        std::thread::spawn(move || {
            // The reader may have quit before the notes are in: nothing to tell.
            let _ = tx.send(load_notes(&paths, &config));
        });
        pending = Some(rx);
    }
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
                        app.handle(Event::Loaded(Box::new(loaded)));
                        pending = None;
                        watch = Some(Watch::start(watch_plan(app, &start.paths, &start.config)));
                    }
                    Err(TryRecvError::Empty) => return,
                    Err(TryRecvError::Disconnected) => pending = None,
                }
            }
            // A hook for the end-to-end test of the panic path: the first change panics.
            if test_panic && app.unsaved() {
                panic!("TALKTREE_TEST_PANIC: panicking on purpose");
            }
            if let Some(w) = &watch {
                pass_news(app, w);
            }
            if let Some(seed) = app.take_copy_request() {
                let dir = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
                app.handle(Event::Notice(crate::app::write_copy(seed, &dir)));
            }
            if let Some(m) = saver.as_ref().and_then(Saver::message) {
                app.handle(Event::Notice(m.into()));
            }
            if !app.unsaved() {
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
    let last = (!app.is_loading()).then(|| snapshot(&app, &last_paths));
    let unsaved = saver.and_then(|s| s.finish(last, QUIT_WAIT).err()).map(Clean::from);
    match outcome {
        Ok(result) => result.map(|()| Ended {
            problems: app.problems().to_vec(),
            unsaved,
        }),
        // The panic hook has restored the terminal and printed the message.
        Err(payload) => panic::resume_unwind(payload),
    }
}

/// What to watch once the notes are in: every document read from a file,
/// and the folders named (for new files).
fn watch_plan(app: &App, paths: &[PathBuf], config: &Config) -> Plan {
    let files = app
        .outline
        .docs()
        .iter()
        .map(|d| d.key.clone())
        .filter(|k| !k.starts_with("bundled:") && k != STDIN_SOURCE)
        .collect();
    Plan {
        files,
        folders: paths
            .iter()
            .filter(|p| !crate::stdin::names_stdin(p) && p.is_dir())
            .cloned()
            .collect(),
        scan: ScanOptions {
            extensions: config.extensions.clone(),
            ..Default::default()
        },
        watch: config.watch,
        poll: false,
    }
}

/// Hands the watcher's news to the app, and the app's reloads asked for
/// to the watcher. Neither waits.
fn pass_news(app: &mut App, watch: &Watch) {
    while let Some(report) = watch.try_recv() {
        app.handle(match report {
            Report::Change(c) => Event::Reloaded(Box::new(c)),
            Report::Notice(m) => Event::Notice(m),
        });
    }
    for request in app.take_reload_requests() {
        match request {
            Some(key) => watch.reload(&key),
            None => watch.reload_all(),
        }
    }
}

fn shown(paths: &[PathBuf]) -> Vec<Clean> {
    paths.iter().map(|p| Clean::path(p)).collect()
}

/// What the status line says once the notes are in, besides the loader's
/// notices: the start's messages, and what `--last` would reopen when this
/// run shows the bundled notes instead.
fn opening_notes(start: &Start) -> Vec<String> {
    let mut notes = start.notes.clone();
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
    notes
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
