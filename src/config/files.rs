//! The `[files]` section: the editor that opens notes and whether files
//! are watched for changes.

use super::errors::Errors;
use super::{entries, Config};
use toml_edit::TableLike;

impl Config {
    pub(super) fn apply_files(&mut self, table: &dyn TableLike, err: &mut Errors) {
        for e in entries(table) {
            match e.key {
                "editor" => match e.item.as_str() {
                    Some(s) => self.editor = s.trim().to_string(),
                    None => err.at(
                        e.value_at(),
                        "files.editor must be a string (\"\": $VISUAL or $EDITOR)".into(),
                    ),
                },
                "watch" => match e.item.as_bool() {
                    Some(b) => self.watch = b,
                    None => err.at(e.value_at(), "files.watch must be true or false".into()),
                },
                other => err.at(e.key_at, format!("unknown option files.{other}")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_section_sets_the_editor_and_watching() {
        let d = Config::defaults();
        assert!(d.watch, "watching is on by default");
        assert_eq!(d.editor, "", "the environment chooses by default");
        let (c, errors) = Config::load(Some(("c.toml", "[files]\neditor = \"hx\"\nwatch = false\n")));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!((c.editor.as_str(), c.watch), ("hx", false));
        let (c, errors) = Config::load(Some(("c.toml", "[files]\nwatch = \"yes\"\nfoo = 1\n")));
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(c.watch, "the default stays");
    }
}
