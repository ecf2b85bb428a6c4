//! Loading is a phase of the reader. While its notes load in the background
//! it shows the loading screen, keeps the keys typed (to play on the notes
//! once they are in) and lets only a first quit or help act; `Event::Loaded`
//! ends the phase. Nothing outside the app writes its fields.

use super::{App, LoadSummary, Options};
use crate::action::Action;
use crate::event::Event;
use crate::keymap::{Key, Keymap, Lookup};
use crate::outline::{Clean, Outline};
use crate::startup::Loaded;
use crate::state::State;
use std::sync::Arc;

/// What a reader opens with, laid over its notes when they arrive.
#[derive(Clone, Debug, Default)]
pub struct Opening {
    /// The paths asked for, for the loading and empty screens.
    pub paths: Vec<Clean>,
    /// The remembered view to restore (none when nothing is remembered).
    pub remembered: Option<State>,
    /// Messages for the status line (config mistakes, a state file moved aside).
    pub notes: Vec<String>,
}

pub(super) enum Phase {
    Loading {
        opening: Box<Opening>,
        /// Keys typed meanwhile, to play on the notes.
        typed_ahead: Vec<Key>,
    },
    Ready,
}

impl App {
    /// A reader whose notes are still loading: `Event::Loaded` brings them.
    pub fn loading(keymap: Keymap, opts: Options, opening: Opening) -> App {
        let mut app = App::new(Arc::new(Outline::new()), keymap, opts);
        app.load.paths = opening.paths.clone();
        app.phase = Phase::Loading {
            opening: Box::new(opening),
            typed_ahead: Vec::new(),
        };
        app
    }

    pub fn is_loading(&self) -> bool {
        matches!(self.phase, Phase::Loading { .. })
    }

    /// Keys kept while loading, in the order typed.
    pub fn typed_ahead(&self) -> &[Key] {
        match &self.phase {
            Phase::Loading { typed_ahead, .. } => typed_ahead,
            Phase::Ready => &[],
        }
    }

    /// While the notes are still loading, keys are kept to be played on
    /// them once they arrive (`/` and a query typed at start-up find it).
    /// A first quit or help key, a control key that quits (Ctrl-c) and the
    /// suspend key act at once. True if `k` was kept.
    pub(super) fn type_ahead(&mut self, k: Key) -> bool {
        if !self.is_loading() || self.help.is_some() {
            return false;
        }
        let first = self.typed_ahead().is_empty();
        let acts_now = match self.keymap.lookup(self.pane_context(), &[k]) {
            Lookup::Action(Action::Quit) => first || k.ctrl,
            Lookup::Action(Action::ToggleHelp) => first,
            Lookup::Action(Action::Suspend) => true,
            _ => false,
        };
        if let (false, Phase::Loading { typed_ahead, .. }) = (acts_now, &mut self.phase) {
            typed_ahead.push(k);
        }
        !acts_now
    }

    /// The control key that quits (Ctrl-c unless rebound): the only way to
    /// quit once keys are kept while loading.
    pub fn control_quit_key(&self) -> Option<String> {
        self.pane_context()
            .tables()
            .flat_map(|c| self.keymap.keys_for(c, Action::Quit))
            .find(|k| k.starts_with("Ctrl-"))
    }

    /// Ends the loading phase: the notes with the remembered view laid over
    /// them, at this reader's size; the help it had open stays open, and the
    /// keys it kept are played. Not when nothing loaded: the keys were meant
    /// for notes, and a `q` among them must not close the screen that says
    /// why.
    pub(super) fn finish_loading(&mut self, loaded: Loaded) {
        let Phase::Loading { opening, typed_ahead } = std::mem::replace(&mut self.phase, Phase::Ready) else {
            return;
        };
        let (size, help_open) = (self.size, self.help.is_some());
        let editor = std::mem::take(&mut self.edit.configured);
        let nothing = loaded.outline.is_empty();
        // A fresh reader restores at its first size, then takes this one's:
        // what a restore shows is the same however fast the notes came.
        *self = App::opened(loaded, self.keymap.clone(), self.opts, *opening);
        self.edit.configured = editor;
        self.handle(Event::Resize(size.0, size.1));
        if nothing {
            return;
        }
        if help_open {
            self.help = Some(0);
        }
        for k in typed_ahead {
            self.handle(Event::Key(k));
        }
    }

    /// The reader on loaded notes, with the remembered view laid over them
    /// and what there is to say on the status line.
    fn opened(loaded: Loaded, keymap: Keymap, opts: Options, opening: Opening) -> App {
        let nothing = loaded.outline.is_empty();
        let mut app = App::new(Arc::new(loaded.outline), keymap, opts);
        if let Some(state) = &opening.remembered {
            app.restore(state);
        }
        app.state_dirty = false;
        let mut notes: Vec<String> = loaded.notices.into_iter().map(Clean::into_string).collect();
        notes.extend(opening.notes);
        // With nothing loaded the screen itself lists them.
        if !loaded.problems.is_empty() && !nothing {
            let files = match loaded.problems.len() {
                1 => "1 file".to_string(),
                n => format!("{n} files"),
            };
            notes.insert(0, format!("{files} could not be loaded (listed when you quit)"));
        }
        if !notes.is_empty() {
            app.status = Some(notes.join(" · ").into());
        }
        app.load = LoadSummary {
            paths: opening.paths,
            problems: loaded.problems,
        };
        app
    }
}
