//! Following links: the open-link command on the selected node, and the
//! link picker overlay (its own keymap context) for a node with several
//! links, or for a link that asks before it opens (a scheme other than
//! http, https or file). Openers start through `Outside::launcher`, never a
//! shell.

use super::App;
use crate::action::Action;
use crate::links::{self, Kind};
use crate::outline::dump::UNTITLED;
use crate::state::paths;
use std::path::PathBuf;

/// At most this many links are offered at once (a talk's notes may hold
/// hundreds; the picker is for choosing, not for reading them all).
pub const MAX_CHOICES: usize = 100;

/// One link in the picker: its words and target as the note has them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub words: String,
    pub target: String,
    /// The node it is in.
    pub node: usize,
}

/// The link picker's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picker {
    pub choices: Vec<Choice>,
    pub cursor: usize,
    /// The chosen link asks before it opens: the next open-chosen opens it.
    pub asking: bool,
    /// Opened for one link that asks: closing the question closes it.
    pub single: bool,
}

impl App {
    /// The link picker, when open.
    pub fn link_picker(&self) -> Option<&Picker> {
        self.picker.as_ref()
    }

    /// The folder of the file node `i` is in (none for bundled notes and
    /// standard input), where a relative link points from.
    fn folder_of(&self, i: usize) -> Option<PathBuf> {
        let key = &self.outline.docs()[self.outline.doc_index(i)].key;
        let path = paths::from_text(key);
        path.is_absolute().then(|| path.parent().map(PathBuf::from)).flatten()
    }

    pub(super) fn open_link(&mut self) {
        let o = self.outline.clone();
        let sel = self.tree.selected;
        let choices: Vec<Choice> = links::near(&o, sel, MAX_CHOICES)
            .into_iter()
            .map(|(node, l)| {
                let words = &o.text(node)[l.range.clone()];
                Choice {
                    words: if words.is_empty() {
                        UNTITLED.into()
                    } else {
                        words.into()
                    },
                    target: l.target,
                    node,
                }
            })
            .collect();
        match choices.len() {
            0 => {
                let cols = (usize::from(self.size.0) / 4).clamp(8, 32);
                let named = super::copy::named(&self.outline, sel, cols);
                self.status = Some(format!("No link in {named} or under it").into());
            }
            1 => {
                let choice = choices[0].clone();
                self.picker = Some(Picker {
                    choices,
                    cursor: 0,
                    asking: false,
                    single: true,
                });
                self.follow(&choice, false);
            }
            n => {
                self.status = Some(format!("{n} links: Enter opens the chosen one").into());
                self.picker = Some(Picker {
                    choices,
                    cursor: 0,
                    asking: false,
                    single: false,
                });
            }
        }
    }

    /// A command while the link picker is open (its context's keys).
    pub(super) fn update_links(&mut self, action: Action) {
        let Some(p) = self.picker.as_mut() else { return };
        let last = p.choices.len().saturating_sub(1);
        match action {
            Action::MoveDown => {
                p.cursor = (p.cursor + 1).min(last);
                p.asking = false;
            }
            Action::MoveUp => {
                p.cursor = p.cursor.saturating_sub(1);
                p.asking = false;
            }
            Action::OpenChosenLink | Action::OpenLink => {
                let (choice, asking) = (p.choices[p.cursor].clone(), p.asking);
                self.follow(&choice, asking);
            }
            Action::CloseOverlay if p.asking && !p.single => {
                p.asking = false;
                self.status = Some("Not opened".into());
            }
            Action::CloseOverlay => {
                self.picker = None;
                self.status = Some("Not opened".into());
            }
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    /// Opens `c`: a web or file link at once; another scheme once asked
    /// (`confirmed`); a link within the page says there is nothing to open.
    fn follow(&mut self, c: &Choice, confirmed: bool) {
        let target = match links::classify(&c.target, self.folder_of(c.node).as_deref()) {
            Kind::Web(url) => url,
            Kind::File(path) if !path.exists() => {
                self.say_and_close(format!("Not opened: no file at {}", path.display()));
                return;
            }
            Kind::File(path) => path.to_string_lossy().into_owned(),
            Kind::Fragment => {
                self.say_and_close(format!(
                    "Not opened: {:?} points into the page the note came from, not to a file or site",
                    c.target
                ));
                return;
            }
            Kind::Other { target, .. } if confirmed => target,
            Kind::Other { scheme, target } => {
                if let Some(p) = self.picker.as_mut() {
                    p.asking = true;
                }
                self.status = Some(
                    format!("Open {target}? A {scheme}: link, not a web page or file: Enter opens it, Esc does not")
                        .into(),
                );
                return;
            }
        };
        let argv = links::opener(&target, self.outside.browser.as_deref(), cfg!(target_os = "macos"));
        let said = match self.outside.launcher.open(&argv) {
            Ok(()) => format!("Opening {target} with {}", argv[0]),
            Err(e) => format!("Not opened: {e}; set $BROWSER to the program that opens links"),
        };
        self.say_and_close(said);
    }

    fn say_and_close(&mut self, said: String) {
        self.status = Some(said.into());
        self.picker = None;
    }
}

#[cfg(test)]
mod tests;
