//! Events in: a key through the keymap of the current context (with
//! two-key sequences like `z M`) to an action for `update`, or to the find
//! input as text; the mouse, resizes, ticks and background news handled
//! here.

use super::App;
use crate::action::Action;
use crate::event::Event;
use crate::keymap::{Context, Key, Lookup};

impl App {
    /// Everything from outside comes in here: a key is looked up in the
    /// keymap of the current context and its action goes to `update`.
    pub fn handle(&mut self, event: Event) {
        match event {
            Event::Key(k) => self.press(k),
            Event::Paste(text) => self.paste(&text),
            Event::Click { col, row } => {
                if self.takes(None) {
                    self.touch();
                    self.click(col, row);
                    self.sync();
                }
            }
            Event::Scroll { col, row, down } => {
                if self.takes(None) {
                    self.touch();
                    self.wheel(col, row, down);
                    self.sync();
                }
            }
            Event::Resize(w, h) => {
                self.size = (w, h);
                self.sync();
            }
            Event::Tick => {
                if !self.outline.is_empty() {
                    self.poll_search();
                    self.sync();
                }
            }
            Event::Loaded(loaded) => self.finish_loading(*loaded),
            Event::Notice(message) => self.status = Some(message),
            Event::Saved => self.state_dirty = false,
            Event::Resumed => self.suspend = false,
            Event::Written => self.outside.osc52 = None,
            Event::Edited(failure) => self.edited(failure),
            Event::Reloaded(change) => {
                if !self.outline.is_empty() {
                    self.take_change(*change);
                }
            }
        }
    }

    /// Whether input may change anything now (`None`: a click, a wheel
    /// turn or typed text). With nothing loaded there is nothing to move
    /// through, find or fold: only help and quit act. On a screen too small
    /// to show anything, keys would change what cannot be seen: only quit.
    pub(super) fn takes(&self, action: Option<Action>) -> bool {
        if self.outline.is_empty() && !matches!(action, Some(Action::Quit | Action::ToggleHelp)) {
            return false;
        }
        action == Some(Action::Quit) || !self.layout().too_small
    }

    /// Whether the user asked to give the terminal back to the shell
    /// (`Event::Resumed` says it is back).
    pub fn suspend_asked(&self) -> bool {
        self.suspend
    }

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
}
