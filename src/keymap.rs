//! Keys as data: key events become `Action`s by a pure lookup in tables
//! (defaults from `assets/default-config.toml`, laid under the user's own).
//! Two-key sequences like `z M` are supported; the help overlay lists the
//! bindings straight from here.

use crate::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Code {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    Insert,
    F(u8),
}

/// A key press, independent of the terminal library.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: Code,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn plain(code: Code) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }
    pub const fn ch(c: char) -> Key {
        Key::plain(Code::Char(c))
    }
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: Code::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// From a terminal key event (releases and repeats of releases ignored).
    pub fn from_event(e: KeyEvent) -> Option<Key> {
        if e.kind == KeyEventKind::Release {
            return None;
        }
        let code = match e.code {
            KeyCode::Char(c) => Code::Char(c),
            KeyCode::Enter => Code::Enter,
            KeyCode::Esc => Code::Esc,
            KeyCode::Tab if e.modifiers.contains(KeyModifiers::SHIFT) => Code::BackTab,
            KeyCode::Tab => Code::Tab,
            KeyCode::BackTab => Code::BackTab,
            KeyCode::Backspace => Code::Backspace,
            KeyCode::Delete => Code::Delete,
            KeyCode::Up => Code::Up,
            KeyCode::Down => Code::Down,
            KeyCode::Left => Code::Left,
            KeyCode::Right => Code::Right,
            KeyCode::Home => Code::Home,
            KeyCode::End => Code::End,
            KeyCode::PageUp => Code::PageUp,
            KeyCode::PageDown => Code::PageDown,
            KeyCode::Insert => Code::Insert,
            KeyCode::F(n) => Code::F(n),
            _ => return None,
        };
        Some(Key {
            code,
            ctrl: e.modifiers.contains(KeyModifiers::CONTROL),
            alt: e.modifiers.contains(KeyModifiers::ALT),
        })
    }

    /// Parses one key name: `j`, `G`, `Space`, `Ctrl-d`, `Alt-x`, `Shift-Tab`, `PageDown`, `F5`.
    pub fn parse(s: &str) -> Result<Key, String> {
        let mut ctrl = false;
        let mut alt = false;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 2 && (lower.starts_with("ctrl-") || lower.starts_with("c-")) {
                ctrl = true;
                rest = &rest[rest.find('-').expect("prefix has a dash") + 1..];
            } else if rest.chars().count() > 2
                && (lower.starts_with("alt-") || lower.starts_with("a-") || lower.starts_with("m-"))
            {
                alt = true;
                rest = &rest[rest.find('-').expect("prefix has a dash") + 1..];
            } else {
                break;
            }
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "space" => Code::Char(' '),
            "enter" | "return" => Code::Enter,
            "esc" | "escape" => Code::Esc,
            "tab" => Code::Tab,
            "backtab" | "shift-tab" | "s-tab" => Code::BackTab,
            "backspace" => Code::Backspace,
            "delete" | "del" => Code::Delete,
            "up" => Code::Up,
            "down" => Code::Down,
            "left" => Code::Left,
            "right" => Code::Right,
            "home" => Code::Home,
            "end" => Code::End,
            "pageup" | "pgup" => Code::PageUp,
            "pagedown" | "pgdn" => Code::PageDown,
            "insert" => Code::Insert,
            f if f.len() >= 2 && f.starts_with('f') && f[1..].parse::<u8>().is_ok_and(|n| (1..=24).contains(&n)) => {
                Code::F(f[1..].parse().expect("checked"))
            }
            _ => {
                let mut cs = rest.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) if !c.is_control() => Code::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
                    _ => return Err(format!("unknown key {s:?}")),
                }
            }
        };
        Ok(Key { code, ctrl, alt })
    }

    pub fn name(&self) -> String {
        let base = match self.code {
            Code::Char(' ') => "Space".to_string(),
            Code::Char(c) => c.to_string(),
            Code::Enter => "Enter".into(),
            Code::Esc => "Esc".into(),
            Code::Tab => "Tab".into(),
            Code::BackTab => "Shift-Tab".into(),
            Code::Backspace => "Backspace".into(),
            Code::Delete => "Delete".into(),
            Code::Up => "Up".into(),
            Code::Down => "Down".into(),
            Code::Left => "Left".into(),
            Code::Right => "Right".into(),
            Code::Home => "Home".into(),
            Code::End => "End".into(),
            Code::PageUp => "PageUp".into(),
            Code::PageDown => "PageDown".into(),
            Code::Insert => "Insert".into(),
            Code::F(n) => format!("F{n}"),
        };
        let mut s = String::new();
        if self.ctrl {
            s.push_str("Ctrl-");
        }
        if self.alt {
            s.push_str("Alt-");
        }
        s + &base
    }
}

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

/// Where keys are read: the focused part of the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Context {
    /// Bindings that work in both the outline and the detail pane.
    Global,
    Outline,
    Detail,
    Find,
}

impl Context {
    pub const ALL: [Context; 4] = [Context::Global, Context::Outline, Context::Detail, Context::Find];

    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Outline => "outline",
            Context::Detail => "detail",
            Context::Find => "find",
        }
    }

    pub fn from_name(s: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.name() == s)
    }
}

/// The outcome of looking up the keys typed so far.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    Action(Action),
    /// The keys start a longer sequence: wait for the next key.
    Prefix,
    None,
}

#[derive(Clone, Debug, Default)]
pub struct Keymap {
    bindings: Vec<(Context, Vec<Key>, Action)>,
}

impl Keymap {
    /// Binds `keys` to `action` in `context`, replacing what those keys did.
    pub fn bind(&mut self, context: Context, keys: Vec<Key>, action: Action) {
        self.bindings.retain(|(c, k, _)| !(*c == context && *k == keys));
        self.bindings.push((context, keys, action));
    }

    /// Removes every binding of `action` in `context` (before rebinding it).
    pub fn unbind_action(&mut self, context: Context, action: Action) {
        self.bindings.retain(|(c, _, a)| !(*c == context && *a == action));
    }

    /// Looks up `keys` in `context`, then in the global table (except in find,
    /// where typing must reach the input).
    pub fn lookup(&self, context: Context, keys: &[Key]) -> Lookup {
        let mut contexts = vec![context];
        if context != Context::Find {
            contexts.push(Context::Global);
        }
        for c in contexts {
            if let Some((_, _, a)) = self.bindings.iter().find(|(bc, k, _)| *bc == c && k == keys) {
                return Lookup::Action(*a);
            }
            if self
                .bindings
                .iter()
                .any(|(bc, k, _)| *bc == c && k.len() > keys.len() && k.starts_with(keys))
            {
                return Lookup::Prefix;
            }
        }
        Lookup::None
    }

    /// Key sequences bound to `action` in `context`, in binding order.
    pub fn keys_for(&self, context: Context, action: Action) -> Vec<String> {
        self.bindings
            .iter()
            .filter(|(c, _, a)| *c == context && *a == action)
            .map(|(_, k, _)| sequence_name(k))
            .collect()
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

    pub fn all(&self) -> &[(Context, Vec<Key>, Action)] {
        &self.bindings
    }

    /// Whether some key sequence bound to `action` reaches it in `context`:
    /// typed key by key, its first key must wait for the second (not act,
    /// through a binding of the context or a global one), and the whole
    /// sequence must resolve to `action`.
    pub fn reaches(&self, context: Context, action: Action) -> bool {
        let tables = [
            context,
            if context == Context::Find {
                Context::Find
            } else {
                Context::Global
            },
        ];
        self.bindings
            .iter()
            .filter(|(c, _, a)| *a == action && tables.contains(c))
            .any(|(_, keys, _)| {
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
/// no way to quit, get help or close find, a config locks the user in.
pub const ESSENTIAL: &[(Action, &[Context])] = &[
    (Action::Quit, &[Context::Outline, Context::Detail, Context::Find]),
    (Action::ToggleHelp, &[Context::Outline, Context::Detail]),
    (Action::CloseFind, &[Context::Find]),
];

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
