//! Keys as data: key events become `Action`s by a pure lookup in the table
//! of the current context (defaults from `assets/default-config.toml`, laid
//! under the user's own). Two-key sequences like `z M` are supported; the
//! help overlay lists the bindings straight from here.

mod context;
mod key;

pub use context::Context;
pub use key::{Code, Key};

use crate::action::Action;

/// A space-separated key sequence: `z M`.
pub fn parse_sequence(s: &str) -> Result<Vec<Key>, String> {
    let keys: Result<Vec<Key>, String> = s.split_whitespace().map(Key::parse).collect();
    let keys = keys?;
    if keys.is_empty() || keys.len() > 2 {
        return Err(format!("{s:?}: a binding is one key or two (like \"z M\")"));
    }
    Ok(keys)
}

pub fn sequence_name(keys: &[Key]) -> String {
    keys.iter().map(Key::name).collect::<Vec<_>>().join(" ")
}

/// The outcome of looking up the keys typed so far.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    Action(Action),
    /// The keys start a longer sequence: wait for the next key.
    Prefix,
    None,
}

/// One context's bindings, in the order they were made.
type Table = Vec<(Vec<Key>, Action)>;

#[derive(Clone, Debug, Default)]
pub struct Keymap {
    /// One table per context, in `Context` order.
    tables: [Table; Context::ALL.len()],
}

impl Keymap {
    fn table(&self, context: Context) -> &Table {
        &self.tables[context as usize]
    }

    /// Binds `keys` to `action` in `context`, replacing what those keys did.
    pub fn bind(&mut self, context: Context, keys: Vec<Key>, action: Action) {
        let table = &mut self.tables[context as usize];
        table.retain(|(k, _)| *k != keys);
        table.push((keys, action));
    }

    /// Removes every binding of `action` in `context` (before rebinding it).
    pub fn unbind_action(&mut self, context: Context, action: Action) {
        self.tables[context as usize].retain(|(_, a)| *a != action);
    }

    /// Looks up `keys` in `context`, then in the global table where it
    /// applies (see `Context::tables`).
    pub fn lookup(&self, context: Context, keys: &[Key]) -> Lookup {
        for c in context.tables() {
            let table = self.table(c);
            if let Some((_, a)) = table.iter().find(|(k, _)| k == keys) {
                return Lookup::Action(*a);
            }
            if table.iter().any(|(k, _)| k.len() > keys.len() && k.starts_with(keys)) {
                return Lookup::Prefix;
            }
        }
        Lookup::None
    }

    /// Key sequences bound to `action` in `context`'s own table, in binding order.
    pub fn keys_for(&self, context: Context, action: Action) -> Vec<String> {
        self.table(context)
            .iter()
            .filter(|(_, a)| *a == action)
            .map(|(k, _)| sequence_name(k))
            .collect()
    }

    /// The first key that reaches `action` in `context` (its own table,
    /// then the global one where it applies), for hints.
    pub fn first_key(&self, context: Context, action: Action) -> Option<String> {
        context
            .tables()
            .find_map(|c| self.keys_for(c, action).into_iter().next())
    }

    /// Every binding of a context, grouped by action in help order.
    pub fn help_rows(&self, context: Context) -> Vec<(String, &'static str)> {
        crate::action::BINDABLE
            .iter()
            .filter_map(|(a, _, d)| {
                let keys = self.keys_for(context, *a);
                (!keys.is_empty()).then(|| (keys.join(", "), *d))
            })
            .collect()
    }

    /// Every binding: context, keys, action.
    pub fn all(&self) -> impl Iterator<Item = (Context, &[Key], Action)> {
        Context::ALL
            .into_iter()
            .flat_map(|c| self.table(c).iter().map(move |(k, a)| (c, k.as_slice(), *a)))
    }

    /// Whether some key sequence bound to `action` reaches it in `context`:
    /// typed key by key, its first key must wait for the second (not act,
    /// through a binding of the context or a global one), and the whole
    /// sequence must resolve to `action`.
    pub fn reaches(&self, context: Context, action: Action) -> bool {
        context
            .tables()
            .flat_map(|c| self.table(c).iter())
            .filter(|(_, a)| *a == action)
            .any(|(keys, _)| {
                (1..keys.len()).all(|n| self.lookup(context, &keys[..n]) == Lookup::Prefix)
                    && self.lookup(context, keys) == Lookup::Action(action)
            })
    }

    /// The first essential action left without a working key, and where.
    pub fn lockout(&self) -> Option<(Action, Context)> {
        ESSENTIAL.iter().find_map(|(action, contexts)| {
            contexts
                .iter()
                .find(|&&c| !self.reaches(c, *action))
                .map(|&c| (*action, c))
        })
    }
}

/// Actions that must keep a key wherever the defaults give them one: with
/// no way to quit, get help, close find or an overlay, a config locks the
/// user in.
pub const ESSENTIAL: &[(Action, &[Context])] = &[
    (Action::Quit, &[Context::Outline, Context::Detail, Context::Find]),
    (Action::ToggleHelp, &[Context::Outline, Context::Detail]),
    (Action::CloseFind, &[Context::Find]),
    (
        Action::CloseOverlay,
        &[Context::Help, Context::Bookmarks, Context::Links],
    ),
];

#[cfg(test)]
mod tests;
