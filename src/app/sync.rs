//! Derived view state kept true after every change: the selection in
//! sight (with its scroll-off, or where a jump or an opened node puts
//! it), the detail pane showing the selection's talk, results in view.

use super::{detail, App};

impl App {
    /// Keeps derived view state true after any change: the selection in
    /// view, the detail pane showing the right talk, results in view.
    pub(super) fn sync(&mut self) {
        self.sync_opened(None);
    }

    /// `sync`, after `opened` may have been opened: its children in view.
    pub(super) fn sync_opened(&mut self, opened: Option<usize>) {
        if self.outline.is_empty() {
            return;
        }
        let l = self.layout();
        let jumped = self.view.jump_scroll;
        self.scroll_tree(l.tree_rows.height as usize, opened);
        let sel = self.tree.selected;
        let ctx = detail::context_of(&self.outline, sel);
        let width = l.detail_body.width.saturating_sub(self.gutter_of(ctx));
        let rebuilt = self.detail.refresh(&self.outline, ctx, width);
        let h = l.detail_body.height as usize;
        if jumped {
            self.detail.jump_to(sel, h, self.view.scroll_off);
        } else if rebuilt || self.synced_selection != Some(sel) {
            self.detail.follow(sel, h, self.view.scroll_off);
        }
        self.detail.clamp(h);
        self.synced_selection = Some(sel);
        self.find.scroll_into_view(l.find_results.height as usize);
    }
}
