//! Keys in: through the keymap (with two-key sequences like `z M`) to an
//! action, or to the help overlay and bookmark list when they are open.

use super::App;
use crate::action::Action;
use crate::event::Event;
use crate::keymap::{Context, Key, Lookup};

impl App {
    /// Resolves a key through the keymap (with two-key sequences).
    pub(super) fn press(&mut self, k: Key) {
        self.status = None;
        if self.type_ahead(k) {
            return;
        }
        let ctx = self.context();
        self.pending.push(k);
        match self.keymap.lookup(ctx, &self.pending) {
            Lookup::Action(a) => {
                self.pending.clear();
                self.update(a);
            }
            Lookup::Prefix => {}
            Lookup::None => {
                let was_sequence = self.pending.len() > 1;
                self.pending.clear();
                if ctx == Context::Find {
                    self.type_in_find(k);
                } else if was_sequence {
                    // `z` then an unbound key: the key still counts on its own.
                    if let Lookup::Action(a) = self.keymap.lookup(ctx, &[k]) {
                        self.update(a);
                    }
                }
            }
        }
    }

    /// While the notes are still loading, keys are kept to be played on
    /// them once they arrive (`/` and a query typed at start-up find it).
    /// A first `q` or `?`, and a control key that quits (Ctrl-c) at any
    /// time, act at once. True if `k` was kept.
    fn type_ahead(&mut self, k: Key) -> bool {
        if !self.load.loading || self.help.is_some() {
            return false;
        }
        let acts_now = match self.keymap.lookup(self.pane_context(), &[k]) {
            Lookup::Action(Action::Quit) => self.typed_ahead.is_empty() || k.ctrl,
            Lookup::Action(Action::ToggleHelp) => self.typed_ahead.is_empty(),
            Lookup::Action(Action::Suspend) => true,
            _ => false,
        };
        if !acts_now {
            self.typed_ahead.push(k);
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

    /// Takes over from the reader that was loading these notes: the help
    /// it had open stays open, and the keys it kept (see `type_ahead`) are
    /// played here. Not when nothing loaded: the keys were meant for notes,
    /// and a `q` among them must not close the screen that says why.
    pub fn take_over_from(&mut self, loading: &mut App) {
        if self.outline.is_empty() {
            return;
        }
        if loading.help.is_some() {
            self.help = Some(0);
        }
        for k in std::mem::take(&mut loading.typed_ahead) {
            self.handle(Event::Key(k));
        }
    }
}
