//! Keys in: through the keymap (with two-key sequences like `z M`) to an
//! action, or to the help overlay and bookmark list when they are open.

use super::{help, App};
use crate::action::Action;
use crate::event::Event;
use crate::keymap::{Context, Key, Lookup};
use crate::layout;

impl App {
    /// Resolves a key through the keymap (with two-key sequences).
    pub(super) fn press(&mut self, k: Key) {
        self.status = None;
        if self.type_ahead(k) {
            return;
        }
        if self.help.is_some() {
            self.help_key(k);
            return;
        }
        if self.bookmark_list.is_some() {
            self.bookmarks_key(k);
            self.sync();
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
        let acts_now = match self.keymap.lookup(self.context(), &[k]) {
            Lookup::Action(Action::Quit) => self.typed_ahead.is_empty() || k.ctrl,
            Lookup::Action(Action::ToggleHelp) => self.typed_ahead.is_empty(),
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
        [self.context(), Context::Global]
            .into_iter()
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

    fn help_key(&mut self, k: Key) {
        use crate::keymap::Code;
        let scroll = self.help.unwrap_or(0);
        self.help = match k.code {
            Code::Esc | Code::Char('q') | Code::Char('?') | Code::Enter => None,
            Code::Down | Code::Char('j') => Some(scroll + 1),
            Code::Up | Code::Char('k') => Some(scroll.saturating_sub(1)),
            Code::PageDown | Code::Char(' ') => Some(scroll + 10),
            Code::PageUp => Some(scroll.saturating_sub(10)),
            Code::Char('g') | Code::Home => Some(0),
            Code::Char('G') | Code::End => Some(usize::MAX),
            Code::Char('d') if k.ctrl => Some(scroll + 10),
            Code::Char('u') if k.ctrl => Some(scroll.saturating_sub(10)),
            _ => Some(scroll),
        };
        // Kept within the list, so the first key back up moves it at once.
        let last = help::help_lines(&self.keymap)
            .len()
            .saturating_sub(layout::help_rows(self.size));
        self.help = self.help.map(|s| s.min(last));
        if self.help.is_some() && k.ctrl && k.code == Code::Char('c') {
            self.quit = true;
        }
    }
}
