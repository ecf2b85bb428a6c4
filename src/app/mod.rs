//! The reader's state, `handle` for what happens to it (`Event`s) and its
//! one `update` for what the user asks (`Action`s): the only places state
//! changes. Rendering reads `&App`; nothing here touches the terminal.

mod access;
mod bookmarks;
mod copy;
pub mod detail;
mod edit;
mod events;
pub mod find;
pub mod help;
pub mod links;
mod memory;
mod mouse;
mod nav;
mod options;
mod phase;
mod reload;
mod sync;
mod talk_find;
mod talk_level;
pub mod tree;
pub mod view;
mod zoom;

use crate::action::Action;
use crate::keymap::{Context, Key, Keymap};
use crate::layout::{self, Layout};
use crate::outline::{Clean, Kind, Outline};
use crate::search::{Scope, SearchWorker};
use crate::state::Bookmark;
pub use bookmarks::Target;
pub use copy::breadcrumb;
use copy::Outside;
use detail::Detail;
pub use edit::{gutter, write_copy};
use find::Find;
pub use options::Options;
pub use phase::Opening;
use phase::Phase;
use ratatui::layout::Rect;
pub use reload::Mark;
use std::collections::HashSet;
use std::sync::Arc;
use tree::Tree;
use view::View;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Outline,
    Detail,
}

/// The paths asked for and the files that could not be loaded: what the
/// screen says when nothing loaded.
#[derive(Clone, Debug, Default)]
pub struct LoadSummary {
    pub paths: Vec<Clean>,
    pub problems: Vec<Clean>,
}

/// Totals for the title bar.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stats {
    pub files: usize,
    pub sessions: usize,
    pub notes: usize,
}

/// The reader. Fields `ui` draws from are `pub(crate)`; the rest change
/// only through `handle` and `update`. Tests and benches outside the crate
/// read through the accessors below.
pub struct App {
    pub(crate) outline: Arc<Outline>,
    pub(crate) keymap: Keymap,
    pub(crate) tree: Tree,
    pub(crate) detail: Detail,
    pub(crate) find: Find,
    pub(crate) focus: Focus,
    /// The help overlay's scroll, when it is open.
    pub(crate) help: Option<usize>,
    pub(crate) size: (u16, u16),
    pub(crate) status: Option<Clean>,
    pub(crate) opts: Options,
    pub(crate) stats: Stats,
    /// Keys of a sequence typed so far (`z` of `z M`).
    pub(crate) pending: Vec<Key>,
    pub(crate) bookmarks: Vec<Bookmark>,
    /// Nodes that carry a bookmark in this run.
    pub(crate) marked: HashSet<u32>,
    /// The bookmark list's cursor, when the list is open.
    pub(crate) bookmark_list: Option<usize>,
    /// The link picker, when open.
    pub(crate) picker: Option<links::Picker>,
    /// Where copies and links go out.
    outside: Outside,
    /// What was asked for and what failed, for the loading and empty screens.
    pub(crate) load: LoadSummary,
    /// Marks, hit steps, zoom, jumps, pane sizes (see `view`).
    pub(crate) view: View,
    quit: bool,
    last_query: String,
    /// Find history, most recent first.
    history: Vec<String>,
    /// Something worth saving changed since the last save.
    state_dirty: bool,
    phase: Phase,
    /// The outline level last applied to each document.
    doc_levels: Vec<u8>,
    outline_cycle: u8,
    /// The user asked to suspend: the terminal loop does it.
    suspend: bool,
    worker: SearchWorker,
    synced_selection: Option<usize>,
    /// The editor asked for, and the line numbers (see `edit`).
    pub(crate) edit: edit::Editing,
    /// Files gone or stale, and reloads asked for (see `reload`).
    files: reload::Files,
    /// Files whose talks were set by hand, by document key: the node
    /// chosen (by its path of titles, to choose again after a reload) and
    /// the kinds the loader gave the file (to go back to).
    hand_talks: std::collections::HashMap<String, (crate::state::keys::NodePath, Vec<crate::outline::Kind>)>,
}

impl App {
    pub fn new(outline: Arc<Outline>, keymap: Keymap, opts: Options) -> App {
        let stats = Stats {
            files: outline.docs().len(),
            sessions: outline.count_kind(Kind::Session),
            notes: outline.count_kind(Kind::Bullet)
                + outline.count_kind(Kind::Paragraph)
                + outline.count_kind(Kind::Code),
        };
        let docs = outline.docs().len();
        let mut app = App {
            tree: Tree::new(&outline, opts.open_level),
            worker: SearchWorker::spawn(outline.clone()),
            outline,
            keymap,
            detail: Detail::default(),
            find: Find::default(),
            focus: Focus::Outline,
            help: None,
            size: (120, 40),
            status: None,
            quit: false,
            opts,
            stats,
            view: View::new(opts.tree_width, opts.scroll_off),
            last_query: String::new(),
            pending: Vec::new(),
            bookmarks: Vec::new(),
            marked: HashSet::new(),
            bookmark_list: None,
            picker: None,
            outside: Outside::from_env(),
            history: Vec::new(),
            load: LoadSummary::default(),
            state_dirty: false,
            doc_levels: vec![opts.open_level; docs],
            outline_cycle: if opts.open_level >= 9 {
                2
            } else {
                u8::from(opts.open_level >= 2)
            },
            synced_selection: None,
            suspend: false,
            phase: Phase::Ready,
            edit: edit::Editing::default(),
            files: reload::Files::default(),
            hand_talks: Default::default(),
        };
        app.find.matching = opts.matching;
        app.sync();
        app
    }

    pub fn layout(&self) -> Layout {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        layout::compute_panes(area, self.find.open, self.view.panes, self.opts.find_rows)
    }

    /// Where keys go now: the overlay on top, or the pane below.
    pub fn context(&self) -> Context {
        if self.help.is_some() {
            Context::Help
        } else if self.bookmark_list.is_some() {
            Context::Bookmarks
        } else if self.picker.is_some() {
            Context::Links
        } else {
            self.pane_context()
        }
    }

    /// The pane that has the keys when no overlay is open.
    pub fn pane_context(&self) -> Context {
        if self.find.open {
            Context::Find
        } else if self.focus == Focus::Detail {
            Context::Detail
        } else {
            Context::Outline
        }
    }

    /// Carries out one command, as the current context understands it (in
    /// the help, move down scrolls the help). Never calls itself: a command
    /// that is a case of another (collapse everything: show level 1) calls
    /// the same handler.
    pub fn update(&mut self, action: Action) {
        if action == Action::Suspend {
            // Acts on the terminal, not on the notes: anywhere, any time.
            self.suspend = true;
            return;
        }
        match self.context() {
            Context::Help => self.update_help(action),
            Context::Bookmarks => self.update_bookmarks(action),
            Context::Links => self.update_links(action),
            _ => self.update_panes(action),
        }
    }

    fn update_panes(&mut self, action: Action) {
        if !self.takes(Some(action)) {
            return;
        }
        self.touch();
        let o = self.outline.clone();
        let place = self.place_before(action);
        match action {
            Action::ToggleBookmark => self.toggle_bookmark(),
            Action::OpenBookmarks => self.open_bookmarks(),
            Action::CopyMarkdown => self.copy_markdown(),
            Action::CopyBreadcrumb => self.copy_breadcrumb(),
            Action::OpenLink => self.open_link(),
            Action::Quit => self.quit = true,
            Action::ToggleHelp => self.help = if self.help.is_some() { None } else { Some(0) },
            Action::SwitchPane => self.switch_pane(),
            Action::OpenFind => self.open_find(),
            Action::CloseFind => self.close_find(true),
            Action::JumpToResult => self.jump_to_result(),
            Action::NextResult => {
                if !self.walk_history(false) {
                    self.move_result(1)
                }
            }
            Action::PrevResult => {
                if !self.walk_history(true) {
                    self.move_result(-1)
                }
            }
            Action::ToggleFindScope => {
                self.find.set_scope(if self.find.scope == Scope::All {
                    Scope::Sessions
                } else {
                    Scope::All
                });
                self.submit_search();
            }
            Action::NextHit => self.step_hit(true),
            Action::PrevHit => self.step_hit(false),
            Action::ShowLevel(n) => self.show_level(n),
            Action::CollapseAll => self.show_level(1),
            Action::ExpandAll => self.show_level(9),
            Action::CycleOutline => {
                self.outline_cycle = (self.outline_cycle + 1) % 3;
                let level = [1, 2, 9][self.outline_cycle as usize];
                self.tree.show_level(&o, level);
                self.doc_levels.iter_mut().for_each(|l| *l = level);
            }
            Action::ToggleFold if self.find.open => self.fold_hit_row(),
            Action::CycleFold => self.tree.cycle(&o, self.tree.selected),
            Action::ToggleFold | Action::OpenFold | Action::CloseFold => {
                let sel = self.tree.selected;
                let open = match action {
                    Action::ToggleFold => !self.tree.is_open(sel),
                    a => a == Action::OpenFold,
                };
                // The zoom root stays open: closing it would hide the zoom.
                if open || self.zoom_root() != Some(sel) {
                    self.tree.set_open(&o, sel, open);
                }
            }
            Action::ExpandOrEnter => self.expand_or_enter(),
            Action::CollapseOrLeave => self.collapse_or_leave(),
            Action::NextSession => self.step_kind(Kind::Session, true),
            Action::PrevSession => self.step_kind(Kind::Session, false),
            Action::NextDocument => self.step_kind(Kind::Document, true),
            Action::PrevDocument => self.step_kind(Kind::Document, false),
            Action::MoveDown
            | Action::MoveUp
            | Action::MoveToTop
            | Action::MoveToBottom
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp => self.move_or_scroll(action),
            Action::EditNode => self.edit_node(),
            Action::WriteCopy => self.write_copy(),
            Action::ToggleLineNumbers => self.toggle_line_numbers(),
            Action::ReloadAll => self.reload_all(),
            Action::SetTalkLevel => self.set_talk_level(),
            Action::DeleteToStart => {
                if self.find.delete_to_start() {
                    self.submit_search();
                }
            }
            Action::ToggleHitTree
            | Action::ToggleExact
            | Action::ClearHighlight
            | Action::FindInTalk
            | Action::ZoomIn
            | Action::ZoomOut
            | Action::JumpBack
            | Action::JumpForward
            | Action::ScrollTop
            | Action::ScrollCenter
            | Action::ScrollBottom
            | Action::WidenOutline
            | Action::NarrowOutline
            | Action::FullScreenDetail
            | Action::FullScreenOutline => self.update_view(action),
            // The overlays' own commands: nothing to do on the panes.
            Action::JumpToBookmark
            | Action::DeleteBookmark
            | Action::OpenChosenLink
            | Action::CloseOverlay
            | Action::Suspend => {}
        }
        self.place_after(action, place);
    }
}

#[cfg(test)]
mod phase_tests;
#[cfg(test)]
mod rebind_tests;
#[cfg(test)]
mod reload_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod view_tests;
