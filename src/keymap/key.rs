//! One key press, independent of the terminal library: read from crossterm's
//! events, parsed from and printed as the names the config file uses.

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

    /// The char of a char key, whatever the modifiers.
    pub fn char(&self) -> Option<char> {
        match self.code {
            Code::Char(c) => Some(c),
            _ => None,
        }
    }

    /// The char this key types into a text input: a plain char key, no
    /// Ctrl or Alt.
    pub fn typed_char(&self) -> Option<char> {
        self.char().filter(|_| !self.ctrl && !self.alt)
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
