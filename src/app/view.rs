//! How the reader looks at the outline, apart from what is folded: the
//! last search's marks and its hits to step through, zoom, the jump list,
//! the panes' sizes and the scroll-off. The state and the commands on
//! highlights, hit steps and panes; zoom, jumps and scrolling in `zoom`.

use super::{App, Focus};
use crate::action::Action;
use crate::search::{in_document_order, Hit};
use crate::view::{Align, FullScreen, Highlighter, HitSteps, JumpList, Panes, ViewPrefs, Zoom};
use std::ops::Range;

/// Places the jump list keeps (vim keeps 100).
const JUMPS: usize = 100;

#[derive(Clone, Debug)]
pub struct View {
    /// The query whose hits are marked, until cleared.
    pub highlight: Option<Highlighter>,
    /// The hits n and N step through: close ones first, each tier in
    /// document order.
    pub steps: HitSteps,
    /// The steps hold close hits and loose ones (n says which it is on).
    pub tiered: bool,
    /// Finding inside one talk: the nodes n and N stay in.
    pub talk: Option<Range<usize>>,
    pub zoom: Zoom,
    pub jumps: JumpList<usize>,
    pub panes: Panes,
    /// Rows of context kept around the selection and above a jump's target.
    pub scroll_off: usize,
    /// The selection just jumped: the next sync puts it `scroll_off` rows
    /// from the top.
    pub jump_scroll: bool,
}

impl View {
    pub fn new(tree_width: u16, scroll_off: u16) -> View {
        View {
            highlight: None,
            steps: HitSteps::default(),
            tiered: false,
            talk: None,
            zoom: Zoom::default(),
            jumps: JumpList::new(JUMPS),
            panes: Panes::new(tree_width),
            scroll_off: scroll_off.into(),
            jump_scroll: false,
        }
    }
}

/// The hits of a ranking, as n and N step through them: the `close` best
/// first, each tier in document order.
pub fn steps_of(hits: &[Hit], close: usize, nodes: usize) -> HitSteps {
    let close = close.min(hits.len());
    let first = in_document_order(&hits[..close], nodes);
    let then = in_document_order(&hits[close..], nodes);
    HitSteps::tiered(&[&first, &then])
}

impl App {
    /// The view's own commands (see `Action`).
    pub(super) fn update_view(&mut self, action: Action) {
        match action {
            Action::ToggleHitTree => self.toggle_hit_tree(),
            Action::ToggleExact => self.toggle_exact(),
            Action::ClearHighlight => self.clear_highlight(),
            Action::FindInTalk => self.open_find_in_talk(),
            Action::ZoomIn => self.zoom_in(),
            Action::ZoomOut => self.zoom_out(),
            Action::JumpBack => self.walk_jumps(true),
            Action::JumpForward => self.walk_jumps(false),
            Action::ScrollTop => self.align(Align::Top),
            Action::ScrollCenter => self.align(Align::Center),
            Action::ScrollBottom => self.align(Align::Bottom),
            Action::WidenOutline => self.resize_panes(true),
            Action::NarrowOutline => self.resize_panes(false),
            Action::FullScreenDetail => self.full_screen(FullScreen::Detail),
            Action::FullScreenOutline => self.full_screen(FullScreen::Outline),
            _ => {}
        }
    }

    /// Marks `query`'s hits and makes `steps` what n and N walk.
    pub(super) fn set_highlight(&mut self, query: &str, steps: HitSteps, tiered: bool) {
        self.view.highlight = Highlighter::with(query, self.find.matching);
        self.view.steps = steps;
        self.view.tiered = tiered;
    }

    /// Unmarks the hits; n and N still step through them.
    pub(super) fn clear_highlight(&mut self) {
        if self.view.highlight.take().is_some() {
            self.status = Some("Marks cleared: n and N still step through the hits".into());
        }
    }

    /// `n`/`N`: the next hit of the last search, close ones first, in
    /// document order within each; inside the talk after a find in it.
    pub(super) fn step_hit(&mut self, forward: bool) {
        if self.view.steps.is_empty() {
            let find = self.keymap.first_key(self.pane_context(), Action::OpenFind);
            let how = find.map_or(String::new(), |k| format!(": press {k} to find"));
            self.status = Some(format!("No search yet{how}").into());
            return;
        }
        let sel = self.tree.selected;
        let step = if forward {
            self.view.steps.next(sel)
        } else {
            self.view.steps.prev(sel)
        };
        let Some(step) = step else {
            return;
        };
        self.record_jump();
        self.reveal_jump(step.node);
        if self.view.highlight.is_none() {
            self.view.highlight = Highlighter::with(&self.last_query, self.find.matching);
        }
        let tier = match (self.view.tiered, step.tier) {
            (true, 0) => " · close",
            (true, _) => " · loose",
            _ => "",
        };
        let wrap = if step.wrapped { " (wrapped)" } else { "" };
        let within = if self.view.talk.is_some() { " in this talk" } else { "" };
        self.status = Some(format!("{} for {:?}{within}{tier}{wrap}", step.label(), self.last_query).into());
    }

    /// The other pane gets the keys; with one pane full screen, the other
    /// takes the screen too (a hidden pane cannot be read).
    pub(super) fn switch_pane(&mut self) {
        self.focus = if self.focus == Focus::Outline {
            Focus::Detail
        } else {
            Focus::Outline
        };
        if self.view.panes.full != FullScreen::None {
            self.view.panes.full = match self.focus {
                Focus::Outline => FullScreen::Outline,
                Focus::Detail => FullScreen::Detail,
            };
        }
    }

    pub(super) fn resize_panes(&mut self, wider: bool) {
        if wider {
            self.view.panes.widen();
        } else {
            self.view.panes.narrow();
        }
        self.touch();
    }

    /// A pane gets the whole screen (and the keys), or gives it back.
    pub(super) fn full_screen(&mut self, pane: FullScreen) {
        self.view.panes.toggle_full(pane);
        match self.view.panes.full {
            FullScreen::Detail => self.focus = Focus::Detail,
            FullScreen::Outline => self.focus = Focus::Outline,
            FullScreen::None => {}
        }
        self.touch();
    }

    /// The view settings the state file keeps.
    pub fn view_prefs(&self) -> ViewPrefs {
        ViewPrefs {
            panes: self.view.panes,
            hit_tree: self.find.tree_view,
        }
    }

    pub(super) fn restore_view(&mut self, prefs: ViewPrefs) {
        self.view.panes = Panes::new(prefs.panes.percent);
        self.view.panes.full = prefs.panes.full;
        self.find.tree_view = prefs.hit_tree;
        if self.view.panes.full == FullScreen::Detail {
            self.focus = Focus::Detail;
        }
    }

    /// What is marked now: the query being typed while the find pane is
    /// open (so the preview shows it), else the last search's until
    /// cleared. Parsed per frame: a query is a few words.
    pub fn marks(&self) -> Option<Highlighter> {
        if self.find.open {
            return Highlighter::with(&self.find.results_query, self.find.matching);
        }
        self.view.highlight.clone()
    }

    /// The view state, for tests and the renderer outside the crate.
    pub fn view(&self) -> &View {
        &self.view
    }
}
