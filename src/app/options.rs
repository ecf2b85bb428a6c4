//! The view settings the reader takes from the config.

use crate::config::Config;

/// View settings from the config.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    pub open_level: u8,
    pub tree_width: u16,
    pub find_rows: u16,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            open_level: 2,
            tree_width: 40,
            find_rows: 10,
        }
    }
}

impl From<&Config> for Options {
    fn from(c: &Config) -> Self {
        Options {
            open_level: c.open_level,
            tree_width: c.tree_width,
            find_rows: c.find_rows,
        }
    }
}
