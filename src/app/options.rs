//! The view settings the reader takes from the config. Their defaults are
//! the config's, read from `assets/default-config.toml`: no second copy here.

use crate::config::Config;

/// View settings from the config.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    pub open_level: u8,
    pub tree_width: u16,
    pub find_rows: u16,
    /// Links in the detail pane as OSC 8 hyperlinks.
    pub hyperlinks: bool,
    pub scroll_off: u16,
    /// Exact words or fuzzy ones, as the find pane starts.
    pub matching: crate::search::Matching,
}

impl Default for Options {
    /// What the reader uses with no config file of the user's.
    fn default() -> Self {
        Options::from(&Config::defaults())
    }
}

impl From<&Config> for Options {
    fn from(c: &Config) -> Self {
        Options {
            open_level: c.open_level,
            tree_width: c.tree_width,
            find_rows: c.find_rows,
            hyperlinks: c.hyperlinks,
            scroll_off: c.scroll_off,
            matching: c.matching,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Preset, DEFAULT};

    /// Issue 19 item 6: each default lives in the asset only. Read here with
    /// a different parser, every value the asset sets is what the reader
    /// uses when the user has no config file.
    #[test]
    fn defaults_are_the_assets() {
        let asset: toml::Table = toml::from_str(DEFAULT).unwrap();
        let int = |table: &str, key: &str| {
            asset[table][key]
                .as_integer()
                .unwrap_or_else(|| panic!("the asset sets {table}.{key}"))
        };
        let used = Options::default();
        let (no_file, errors) = Config::load(None);
        assert!(errors.is_empty());
        assert_eq!(used, Options::from(&no_file));
        assert_eq!(i64::from(used.open_level), int("view", "open_level"));
        assert_eq!(i64::from(used.tree_width), int("view", "tree_width"));
        assert_eq!(i64::from(used.find_rows), int("view", "find_rows"));
        assert_eq!(Some(used.hyperlinks), asset["view"]["hyperlinks"].as_bool());
        assert_eq!(i64::from(used.scroll_off), int("view", "scroll_off"));
        let exact = asset["find"]["exact"].as_bool().expect("the asset sets find.exact");
        assert_eq!(used.matching == crate::search::Matching::Exact, exact);
        assert_eq!(
            asset["view"].as_table().map(|t| t.len()),
            Some(5),
            "a view option untested here"
        );
        let preset = match no_file.preset {
            Preset::Dark => "dark",
            Preset::Light => "light",
        };
        assert_eq!(asset["theme"]["preset"].as_str(), Some(preset));
        let extensions: Vec<&str> = asset["scan"]["extensions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e.as_str())
            .collect();
        assert_eq!(no_file.extensions, extensions);
        let via = asset["clipboard"]["via"].as_str().unwrap();
        assert_eq!(Ok(no_file.clipboard), crate::clip::Clipboard::parse(via));
        // The loader's own list, used by callers that pass no config.
        assert_eq!(crate::outline::fs::DEFAULT_EXTENSIONS, extensions.as_slice());
    }
}
