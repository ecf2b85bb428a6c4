//! Keys in: through the keymap (with two-key sequences like `z M`) to an
//! action, or to the help overlay and bookmark list when they are open.

use super::App;
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
}
