//! Editing: the selected node's file opened in the editor at its line (the
//! terminal loop runs it, handing the terminal over as suspend does), a
//! copy of bundled notes written where it can be edited, and the line
//! numbers shown beside the outline and the talk.

use super::App;
use crate::action::Action;
use crate::editor;
use crate::keymap::Context;
use crate::outline::{Clean, SEEDS, STDIN_SOURCE};
use crate::state::paths;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Editing state: what the terminal loop is asked to run and what is
/// waiting for the editor to finish.
#[derive(Clone, Debug, Default)]
pub struct Editing {
    /// Line numbers are shown (remembered between runs).
    pub line_numbers: bool,
    /// The editor to run, once the terminal loop takes it.
    handover: Option<editor::Command>,
    /// The document whose file is in the editor.
    editing: Option<String>,
    /// The editor command from the config (empty: the environment's).
    pub(super) configured: String,
    /// A bundled file (its `SEEDS` name) to write a copy of.
    copy: Option<&'static str>,
}

const BUNDLED: &str = "bundled:";

/// Where a copy named `name` goes in `dir`: the name itself, else
/// `stem-2.ext`, `stem-3.ext`... the first that `exists` says is free.
pub fn copy_path(dir: &Path, name: &str, exists: impl Fn(&Path) -> bool) -> PathBuf {
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s, format!(".{e}")),
        _ => (name, String::new()),
    };
    (1..)
        .map(|n| match n {
            1 => dir.join(name),
            n => dir.join(format!("{stem}-{n}{ext}")),
        })
        .find(|p| !exists(p))
        .expect("some name is free")
}

fn current_dir() -> PathBuf {
    std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
}

/// Where a copy of the bundled file `seed` (`seeds/NAME`) goes in `dir`:
/// under its own name, or the first variant of it not taken.
fn copy_target(seed: &str, dir: &Path) -> PathBuf {
    let name = Path::new(seed)
        .file_name()
        .map_or("notes.txt".into(), |n| n.to_string_lossy());
    copy_path(dir, &name, |p| p.symlink_metadata().is_ok())
}

/// Writes the bundled file `seed` to a new file in `dir` (never over one
/// that exists: created exclusively) and says where, for the status line.
pub fn write_copy(seed: &str, dir: &Path) -> Clean {
    let Some((_, bytes)) = SEEDS.iter().find(|(name, _)| *name == seed) else {
        return Clean::from(format!("no bundled file {seed}"));
    };
    let target = copy_target(seed, dir);
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&target)
        .and_then(|mut f| std::io::Write::write_all(&mut f, bytes));
    let shown = target.file_name().map_or(Clean::path(&target), |n| {
        Clean::new(&format!("./{}", n.to_string_lossy()))
    });
    Clean::from(match written {
        Ok(()) => format!("wrote {shown}: talktree {shown} opens it, to edit and keep"),
        Err(e) => format!("could not write a copy to {shown}: {e}"),
    })
}

impl App {
    /// The editor command from the config (empty: `$VISUAL`, else `$EDITOR`, else vi).
    pub fn set_editor(&mut self, command: &str) {
        self.edit.configured = command.to_string();
    }

    /// The editor the terminal loop should run now, if one was asked for.
    pub fn take_editor(&mut self) -> Option<editor::Command> {
        self.edit.handover.take()
    }

    fn key_for(&self, action: Action) -> String {
        self.keymap
            .first_key(self.pane_context(), action)
            .or_else(|| self.keymap.first_key(Context::Global, action))
            .unwrap_or_else(|| action.name().unwrap_or_default().to_string())
    }

    /// Asks for the selected node's file to be opened at its line.
    pub(super) fn edit_node(&mut self) {
        let sel = self.tree.selected;
        let info = &self.outline.docs()[self.outline.doc_index(sel)];
        if let Some(seed) = info.key.strip_prefix(BUNDLED) {
            let target = copy_target(seed, &current_dir());
            let name = target
                .file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned());
            // Short: the key must show on a narrow screen.
            self.status = Some(Clean::from(format!(
                "bundled notes are read-only: {} writes a copy to ./{}",
                self.key_for(Action::WriteCopy),
                Clean::new(&name)
            )));
            return;
        }
        if info.key == STDIN_SOURCE {
            self.status = Some(Clean::from(
                "notes read from standard input have no file to edit".to_string(),
            ));
            return;
        }
        let program: OsString = if self.edit.configured.is_empty() {
            editor::chosen(std::env::var_os("VISUAL"), std::env::var_os("EDITOR"))
        } else {
            self.edit.configured.clone().into()
        };
        let path = paths::from_text(&info.key);
        self.edit.editing = Some(info.key.clone());
        self.edit.handover = Some(editor::command(&program, &path, self.outline.line(sel)));
    }

    /// The editor has exited: say so if it failed, and read its file again
    /// (the watcher does it too; this covers a reader that does not watch).
    pub(super) fn edited(&mut self, failure: Option<Clean>) {
        if let Some(key) = self.edit.editing.take() {
            self.files.request(Some(key));
        }
        self.status = failure;
    }

    /// Asks for a copy of the selected node's bundled file: the reader
    /// writes it (`write_copy`) and says where; the app touches no file.
    pub(super) fn write_copy(&mut self) {
        let sel = self.tree.selected;
        let info = &self.outline.docs()[self.outline.doc_index(sel)];
        let Some(seed) = info.key.strip_prefix(BUNDLED) else {
            self.status = Some(Clean::from(format!(
                "{} is a file of yours: {} edits it in place",
                info.source,
                self.key_for(Action::EditNode)
            )));
            return;
        };
        if let Some((name, _)) = SEEDS.iter().find(|(name, _)| *name == seed) {
            self.edit.copy = Some(name);
            self.status = Some(Clean::from(format!("writing a copy of {seed}…")));
        }
    }

    /// The bundled file to copy, when one was asked for (see `write_copy`).
    pub fn take_copy_request(&mut self) -> Option<&'static str> {
        self.edit.copy.take()
    }

    pub(super) fn toggle_line_numbers(&mut self) {
        self.edit.line_numbers = !self.edit.line_numbers;
        self.touch();
    }

    /// Columns of the line-number gutter in the outline (0: hidden): wide
    /// enough for the rows on screen.
    pub fn tree_gutter(&self) -> u16 {
        if !self.edit.line_numbers {
            return 0;
        }
        let h = self.layout().tree_rows.height as usize;
        let rows = self.tree.rows().iter().skip(self.tree.top).take(h);
        gutter(rows.map(|&n| self.outline.line(n as usize)).max().unwrap_or(0))
    }

    /// Columns of the line-number gutter in the detail pane (0: hidden).
    pub fn detail_gutter(&self) -> u16 {
        self.gutter_of(self.detail.context)
    }

    /// The gutter for the detail pane showing `ctx`: wide enough for the
    /// last line of it.
    pub(super) fn gutter_of(&self, ctx: usize) -> u16 {
        if !self.edit.line_numbers || ctx >= self.outline.len() {
            return 0;
        }
        gutter(self.outline.line(self.outline.subtree_end(ctx) - 1))
    }
}

/// Columns for line numbers up to `last`, with a space after: at least 3 digits.
pub fn gutter(last: u32) -> u16 {
    (last.max(1).ilog10() as u16 + 1).max(3) + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_never_takes_a_name_in_use() {
        let taken = [PathBuf::from("/d/notes.txt"), PathBuf::from("/d/notes-2.txt")];
        let free = |p: &Path| taken.iter().any(|t| t == p);
        assert_eq!(
            copy_path(Path::new("/d"), "notes.txt", free),
            Path::new("/d/notes-3.txt")
        );
        assert_eq!(copy_path(Path::new("/d"), "other.md", free), Path::new("/d/other.md"));
        assert_eq!(copy_path(Path::new("/d"), "README", |_| false), Path::new("/d/README"));
    }

    #[test]
    fn a_copy_is_written_whole_and_never_over_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let (seed, bytes) = SEEDS[1];
        assert!(write_copy(seed, dir.path()).starts_with("wrote ./"));
        let name = Path::new(seed).file_name().unwrap();
        assert_eq!(std::fs::read(dir.path().join(name)).unwrap(), bytes);
        std::fs::write(dir.path().join(name), "mine").unwrap();
        let said = write_copy(seed, dir.path());
        assert!(said.contains("-2."), "{said}");
        assert_eq!(std::fs::read_to_string(dir.path().join(name)).unwrap(), "mine");
    }

    #[test]
    fn the_gutter_fits_the_largest_number() {
        assert_eq!(gutter(0), 4);
        assert_eq!(gutter(999), 4);
        assert_eq!(gutter(1000), 5);
        assert_eq!(gutter(123_456), 7);
    }
}
