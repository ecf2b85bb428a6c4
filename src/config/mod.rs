//! Settings as data: `assets/default-config.toml` is embedded as the
//! defaults and the user's file is laid over it. `parse` is pure (text in,
//! settings and errors out); paths are resolved once in `main`. A bad entry is
//! reported with its file and line and falls back to the default.

pub use crate::clip::Clipboard;
use crate::keymap::Keymap;
use crate::search::Matching;

mod errors;
mod files;
mod keys;

pub use errors::ConfigError;
use errors::Errors;
use std::collections::BTreeMap;
use std::sync::OnceLock;
use toml_edit::{ImDocument, Item, TableLike};

pub const DEFAULT: &str = include_str!("../../assets/default-config.toml");

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
    /// Links in the detail pane as OSC 8 hyperlinks.
    pub hyperlinks: bool,
    /// Rows of context kept above a jump's target and around the selection.
    pub scroll_off: u16,
    pub extensions: Vec<String>,
    /// How the find pane and --search read plain terms.
    pub matching: Matching,
    /// Where copies go.
    pub clipboard: Clipboard,
    /// The editor command (`[files] editor`); empty: $VISUAL, else $EDITOR, else vi.
    pub editor: String,
    /// Whether loaded files are watched and reloaded when they change.
    pub watch: bool,
}

/// One `key = value` of a table, with the key's position for messages.
pub(super) struct Entry<'a> {
    key: &'a str,
    key_at: usize,
    item: &'a Item,
}

impl Entry<'_> {
    fn value_at(&self) -> usize {
        self.item.span().map_or(self.key_at, |s| s.start)
    }
}

pub(super) fn entries(t: &dyn TableLike) -> Vec<Entry<'_>> {
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

impl Config {
    /// The built-in defaults: the embedded asset, which must parse cleanly
    /// and set every value (a test checks both), so no default is written
    /// twice. Parsed once.
    pub fn defaults() -> Config {
        static DEFAULTS: OnceLock<Config> = OnceLock::new();
        DEFAULTS
            .get_or_init(|| {
                let mut c = Config {
                    keymap: Keymap::default(),
                    preset: Preset::Dark,
                    colors: BTreeMap::new(),
                    // Out of range, so a value the asset left out shows.
                    open_level: 0,
                    tree_width: 0,
                    find_rows: 0,
                    hyperlinks: false,
                    scroll_off: u16::MAX,
                    extensions: Vec::new(),
                    matching: Matching::Fuzzy,
                    clipboard: Clipboard::Command(Vec::new()),
                    editor: String::new(),
                    watch: false,
                };
                let errors = c.apply("default-config.toml", DEFAULT);
                debug_assert!(errors.is_empty(), "{errors:?}");
                c
            })
            .clone()
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
        let mut err = Errors::new(file, text);
        let doc = match ImDocument::parse(text) {
            Ok(d) => d,
            Err(e) => {
                err.at(e.span().map_or(0, |s| s.start), e.message().trim().to_string());
                return err.finish();
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
                "find" => self.apply_find(table, &mut err),
                "theme" => self.apply_theme(table, &mut err),
                "clipboard" => self.apply_clipboard(table, &mut err),
                "keys" => self.apply_keys(table, &mut err),
                "files" => self.apply_files(table, &mut err),
                other => err.at(section.key_at, format!("unknown section [{other}]")),
            }
        }
        err.finish()
    }

    fn apply_view(&mut self, table: &dyn TableLike, err: &mut Errors) {
        for e in entries(table) {
            if e.key == "hyperlinks" {
                match e.item.as_bool() {
                    Some(b) => self.hyperlinks = b,
                    None => err.at(e.value_at(), "view.hyperlinks must be true or false".into()),
                }
                continue;
            }
            let (range, slot): (std::ops::RangeInclusive<i64>, &mut dyn FnMut(i64)) = match e.key {
                "open_level" => (1..=9, &mut |x| self.open_level = x as u8),
                "tree_width" => (20..=80, &mut |x| self.tree_width = x as u16),
                "find_rows" => (3..=30, &mut |x| self.find_rows = x as u16),
                "scroll_off" => (0..=20, &mut |x| self.scroll_off = x as u16),
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

    fn apply_find(&mut self, table: &dyn TableLike, err: &mut Errors) {
        for e in entries(table) {
            if e.key != "exact" {
                err.at(e.key_at, format!("unknown option find.{}", e.key));
                continue;
            }
            match e.item.as_bool() {
                Some(exact) => self.matching = if exact { Matching::Exact } else { Matching::Fuzzy },
                None => err.at(e.value_at(), "find.exact must be true or false".into()),
            }
        }
    }

    fn apply_clipboard(&mut self, table: &dyn TableLike, err: &mut Errors) {
        for e in entries(table) {
            if e.key != "via" {
                err.at(e.key_at, format!("unknown option clipboard.{}", e.key));
                continue;
            }
            match e.item.as_str().map(Clipboard::parse) {
                Some(Ok(c)) => self.clipboard = c,
                Some(Err(m)) => err.at(e.value_at(), m),
                None => err.at(e.value_at(), "clipboard.via must be a string".into()),
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
}

#[cfg(test)]
mod tests;
