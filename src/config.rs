//! Settings as data: `assets/default-config.toml` is embedded as the
//! defaults and the user's file is laid over it. `parse` is pure (text in,
//! settings and errors out); paths are resolved once in `main`. A bad entry is
//! reported with its file and line and falls back to the default.

use crate::action::Action;
use crate::keymap::{parse_sequence, Context, Keymap};
use std::collections::BTreeMap;
use toml_edit::{ImDocument, Item, TableLike};

pub const DEFAULT: &str = include_str!("../assets/default-config.toml");

/// A colour as the user wrote it; `ui::theme` turns it into a terminal colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorSpec {
    /// The terminal's own foreground/background.
    Default,
    /// One of the 16 ANSI colours (0..=15).
    Ansi(u8),
    Rgb(u8, u8, u8),
}

const ANSI: [&str; 16] = [
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "darkgray",
    "lightred",
    "lightgreen",
    "lightyellow",
    "lightblue",
    "lightmagenta",
    "lightcyan",
    "white",
];

pub const ROLES: &[&str] = &[
    "document",
    "group",
    "session",
    "heading",
    "note",
    "dim",
    "match",
    "selection_fg",
    "selection_bg",
    "border",
    "focus_border",
    "bookmark",
];

impl ColorSpec {
    pub fn parse(s: &str) -> Result<ColorSpec, String> {
        let l = s.trim().to_ascii_lowercase().replace(['_', ' '], "");
        if l == "default" || l == "reset" {
            return Ok(ColorSpec::Default);
        }
        if let Some(i) = ANSI
            .iter()
            .position(|n| *n == l || (l == "grey" && *n == "gray") || (l == "darkgrey" && *n == "darkgray"))
        {
            return Ok(ColorSpec::Ansi(i as u8));
        }
        if let Some(hex) = l
            .strip_prefix('#')
            .filter(|h| h.len() == 6 && h.chars().all(|c| c.is_ascii_hexdigit()))
        {
            let v = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).expect("checked hex");
            return Ok(ColorSpec::Rgb(v(0), v(2), v(4)));
        }
        Err(format!(
            "unknown colour {s:?} (use an ANSI name like \"cyan\", \"default\" or \"#rrggbb\")"
        ))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    Dark,
    Light,
}

#[derive(Clone, Debug)]
pub struct Config {
    pub keymap: Keymap,
    pub preset: Preset,
    /// Colour overrides by role name.
    pub colors: BTreeMap<String, ColorSpec>,
    pub open_level: u8,
    pub tree_width: u16,
    pub find_rows: u16,
    pub extensions: Vec<String>,
}

/// A mistake in a config file, located for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// One `key = value` of a table, with the key's position for messages.
struct Entry<'a> {
    key: &'a str,
    key_at: usize,
    item: &'a Item,
}

impl Entry<'_> {
    fn value_at(&self) -> usize {
        self.item.span().map_or(self.key_at, |s| s.start)
    }
}

fn entries(t: &dyn TableLike) -> Vec<Entry<'_>> {
    t.iter()
        .filter_map(|(k, _)| {
            let (key, item) = t.get_key_value(k)?;
            Some(Entry {
                key: key.get(),
                key_at: key.span().map_or(0, |s| s.start),
                item,
            })
        })
        .collect()
}

/// Collects errors as "file:line: message", in line order.
struct Errors<'a> {
    file: &'a str,
    text: &'a str,
    list: Vec<ConfigError>,
}

impl Errors<'_> {
    fn at(&mut self, offset: usize, message: String) {
        let line = self.text[..offset.min(self.text.len())].matches('\n').count() + 1;
        self.list.push(ConfigError {
            file: self.file.to_string(),
            line,
            message,
        });
    }
}

impl Config {
    /// The built-in defaults (the embedded asset, which must parse cleanly).
    pub fn defaults() -> Config {
        let mut c = Config {
            keymap: Keymap::default(),
            preset: Preset::Dark,
            colors: BTreeMap::new(),
            open_level: 2,
            tree_width: 40,
            find_rows: 10,
            extensions: Vec::new(),
        };
        let errors = c.apply("default-config.toml", DEFAULT);
        debug_assert!(errors.is_empty(), "{errors:?}");
        c
    }

    /// Defaults with the user's file laid over them.
    pub fn load(user: Option<(&str, &str)>) -> (Config, Vec<ConfigError>) {
        let mut c = Config::defaults();
        let errors = match user {
            Some((name, text)) => c.apply(name, text),
            None => Vec::new(),
        };
        (c, errors)
    }

    /// Lays one file over these settings; returns what could not be used.
    pub fn apply(&mut self, file: &str, text: &str) -> Vec<ConfigError> {
        let mut err = Errors {
            file,
            text,
            list: Vec::new(),
        };
        let doc = match ImDocument::parse(text) {
            Ok(d) => d,
            Err(e) => {
                err.at(e.span().map_or(0, |s| s.start), e.message().trim().to_string());
                return err.list;
            }
        };
        for section in entries(doc.as_table()) {
            let Some(table) = section.item.as_table_like() else {
                err.at(section.key_at, format!("{} must be a [section]", section.key));
                continue;
            };
            match section.key {
                "view" => self.apply_view(table, &mut err),
                "scan" => self.apply_scan(table, &mut err),
                "theme" => self.apply_theme(table, &mut err),
                "keys" => self.apply_keys(table, &mut err),
                other => err.at(section.key_at, format!("unknown section [{other}]")),
            }
        }
        err.list.sort_by_key(|e| e.line);
        err.list
    }

    fn apply_view(&mut self, table: &dyn TableLike, err: &mut Errors) {
        for e in entries(table) {
            let (range, slot): (std::ops::RangeInclusive<i64>, &mut dyn FnMut(i64)) = match e.key {
                "open_level" => (1..=9, &mut |x| self.open_level = x as u8),
                "tree_width" => (20..=80, &mut |x| self.tree_width = x as u16),
                "find_rows" => (3..=30, &mut |x| self.find_rows = x as u16),
                other => {
                    err.at(e.key_at, format!("unknown option view.{other}"));
                    continue;
                }
            };
            match e.item.as_integer().filter(|x| range.contains(x)) {
                Some(x) => slot(x),
                None => err.at(
                    e.value_at(),
                    format!(
                        "view.{} must be a whole number from {} to {}",
                        e.key,
                        range.start(),
                        range.end()
                    ),
                ),
            }
        }
    }

    fn apply_scan(&mut self, table: &dyn TableLike, err: &mut Errors) {
        for e in entries(table) {
            if e.key != "extensions" {
                err.at(e.key_at, format!("unknown option scan.{}", e.key));
                continue;
            }
            let list = e.item.as_array().and_then(|a| {
                a.iter()
                    .map(|x| x.as_str().map(|s| s.trim_start_matches('.').to_ascii_lowercase()))
                    .collect::<Option<Vec<_>>>()
            });
            match list {
                Some(l) if !l.is_empty() => self.extensions = l,
                _ => err.at(
                    e.value_at(),
                    "scan.extensions must be a list of extensions like [\"md\", \"txt\"]".into(),
                ),
            }
        }
    }

    fn apply_theme(&mut self, table: &dyn TableLike, err: &mut Errors) {
        for e in entries(table) {
            let Some(s) = e.item.as_str() else {
                err.at(e.value_at(), format!("theme.{} must be a string", e.key));
                continue;
            };
            if e.key == "preset" {
                match s {
                    "dark" => self.preset = Preset::Dark,
                    "light" => self.preset = Preset::Light,
                    _ => err.at(
                        e.value_at(),
                        format!("theme.preset must be \"dark\" or \"light\", not {s:?}"),
                    ),
                }
            } else if ROLES.contains(&e.key) {
                match ColorSpec::parse(s) {
                    Ok(c) => {
                        self.colors.insert(e.key.to_string(), c);
                    }
                    Err(m) => err.at(e.value_at(), format!("theme.{}: {m}", e.key)),
                }
            } else {
                err.at(
                    e.key_at,
                    format!("unknown option theme.{} (colours: {})", e.key, ROLES.join(", ")),
                );
            }
        }
    }

    fn apply_keys(&mut self, tables: &dyn TableLike, err: &mut Errors) {
        for t in entries(tables) {
            let (Some(context), Some(table)) = (Context::from_name(t.key), t.item.as_table_like()) else {
                err.at(
                    t.key_at,
                    format!("unknown key table [keys.{}] (use global, outline, detail, find)", t.key),
                );
                continue;
            };
            for e in entries(table) {
                let Some(action) = Action::from_name(e.key) else {
                    err.at(e.key_at, format!("unknown action {:?}", e.key));
                    continue;
                };
                let list: Vec<&str> = match (e.item.as_str(), e.item.as_array()) {
                    (Some(s), _) => vec![s],
                    (_, Some(a)) => a.iter().filter_map(|x| x.as_str()).collect(),
                    _ => Vec::new(),
                };
                let parsed: Result<Vec<_>, String> = list.iter().map(|s| parse_sequence(s)).collect();
                match parsed {
                    Ok(seqs) if !seqs.is_empty() => {
                        self.keymap.unbind_action(context, action);
                        for seq in seqs {
                            self.keymap.bind(context, seq, action);
                        }
                    }
                    Ok(_) => err.at(e.value_at(), format!("{}: give a key or a list of keys", e.key)),
                    Err(m) => err.at(e.value_at(), format!("{}: {m}", e.key)),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keymap::{Key, Lookup};

    #[test]
    fn defaults_parse_cleanly_and_bind_every_action() {
        let mut c = Config::defaults();
        assert!(c.apply("default-config.toml", DEFAULT).is_empty());
        for (a, name, _) in crate::action::BINDABLE {
            let bound = Context::ALL.iter().any(|&ctx| !c.keymap.keys_for(ctx, *a).is_empty());
            assert!(bound, "{name} has no default key");
        }
        assert_eq!(c.extensions.len(), 11);
    }

    #[test]
    fn user_file_overrides_and_errors_name_the_line() {
        let user = "[view]\ntree_width = 50\n\n[keys.outline]\nmove_down = \"x\"\nfly = \"f\"\n\n[theme]\nsession = \"chartreuse\"\n";
        let (c, errors) = Config::load(Some(("my.toml", user)));
        assert_eq!(c.tree_width, 50);
        assert_eq!(
            c.keymap.lookup(Context::Outline, &[Key::ch('x')]),
            Lookup::Action(Action::MoveDown)
        );
        assert_eq!(c.keymap.lookup(Context::Outline, &[Key::ch('j')]), Lookup::None);
        let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(shown[0].starts_with("my.toml:6: unknown action \"fly\""), "{shown:?}");
        assert!(
            shown[1].starts_with("my.toml:9: theme.session: unknown colour \"chartreuse\""),
            "{shown:?}"
        );
        // The bad colour left the default in place.
        assert!(!c.colors.contains_key("session"));
    }

    #[test]
    fn bad_keys_and_values_are_reported_not_fatal() {
        let (c, errors) = Config::load(Some((
            "c.toml",
            "[view]\nopen_level = 12\n[keys.outline]\nquit = \"Hyper-q\"\n[bogus]\nx = 1\n",
        )));
        assert_eq!(c.open_level, 2);
        assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), vec![2, 4, 5]);
        let (_, errors) = Config::load(Some(("c.toml", "this is = = not toml")));
        assert_eq!(errors.len(), 1);
    }

    #[test]
    fn colours() {
        assert_eq!(ColorSpec::parse("LightBlue"), Ok(ColorSpec::Ansi(12)));
        assert_eq!(ColorSpec::parse("#FF0080"), Ok(ColorSpec::Rgb(255, 0, 128)));
        assert_eq!(ColorSpec::parse("default"), Ok(ColorSpec::Default));
        assert!(ColorSpec::parse("#12345").is_err());
    }
}
