//! Every command a user can bind to a key, verb first. The keymap turns keys
//! into these; `App::update` is the only place they change state. Raw input
//! (keys, clicks, resizes, ticks) is an `event::Event`, never an action. Each
//! action has a stable name (used by the config file) and a description
//! (used by the help overlay, so it never drifts from the bindings). This
//! module imports nothing of the crate: the keymap depends on it, not back.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    MoveDown,
    MoveUp,
    MoveToTop,
    MoveToBottom,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    NextSession,
    PrevSession,
    NextDocument,
    PrevDocument,
    ExpandOrEnter,
    CollapseOrLeave,
    ToggleFold,
    OpenFold,
    CloseFold,
    CycleFold,
    CycleOutline,
    ShowLevel(u8),
    CollapseAll,
    ExpandAll,
    OpenFind,
    CloseFind,
    JumpToResult,
    NextResult,
    PrevResult,
    ToggleFindScope,
    DeleteToStart,
    NextHit,
    PrevHit,
    SwitchPane,
    ToggleBookmark,
    OpenBookmarks,
    JumpToBookmark,
    DeleteBookmark,
    /// Copies the selected node and everything under it, as Markdown.
    CopyMarkdown,
    /// Copies the path of titles down to the selected node.
    CopyBreadcrumb,
    /// Opens the selected node's link (several: the link picker).
    OpenLink,
    /// Opens the link chosen in the picker.
    OpenChosenLink,
    ToggleHelp,
    /// Closes the overlay on top (help, the bookmark list, the link picker).
    CloseOverlay,
    Quit,
    /// Gives the terminal back to the shell until `fg`.
    Suspend,
    /// The find pane: ranked list, or the outline filtered to the hits.
    ToggleHitTree,
    /// The find pane: fzf's exact words, or fuzzy ones.
    ToggleExact,
    /// Unmarks the last search's hits.
    ClearHighlight,
    /// Finds inside the talk the detail pane shows.
    FindInTalk,
    ZoomIn,
    ZoomOut,
    JumpBack,
    JumpForward,
    /// zt, zz, zb.
    ScrollTop,
    ScrollCenter,
    ScrollBottom,
    WidenOutline,
    NarrowOutline,
    FullScreenDetail,
    FullScreenOutline,
    /// Opens the selected node's file in the editor, at its line.
    EditNode,
    /// Writes a copy of bundled notes to a file that can be edited.
    WriteCopy,
    /// Shows or hides each node's line in its file.
    ToggleLineNumbers,
    /// Reads every loaded file again.
    ReloadAll,
    /// Makes the selected node's level the talks of its file (again on a
    /// talk set so: back to talktree's guess).
    SetTalkLevel,
}

/// Bindable actions with their config names and help text, in help order.
pub const BINDABLE: &[(Action, &str, &str)] = &[
    (Action::MoveDown, "move_down", "Move down"),
    (Action::MoveUp, "move_up", "Move up"),
    (Action::MoveToTop, "move_to_top", "Go to the first row"),
    (Action::MoveToBottom, "move_to_bottom", "Go to the last row"),
    (Action::PageDown, "page_down", "Page down"),
    (Action::PageUp, "page_up", "Page up"),
    (Action::HalfPageDown, "half_page_down", "Half a page down"),
    (Action::HalfPageUp, "half_page_up", "Half a page up"),
    (Action::NextSession, "next_session", "Next talk"),
    (
        Action::PrevSession,
        "prev_session",
        "Previous talk (or start of this one)",
    ),
    (Action::NextDocument, "next_document", "Next file"),
    (
        Action::PrevDocument,
        "prev_document",
        "Previous file (or top of this one)",
    ),
    (
        Action::ExpandOrEnter,
        "expand_or_enter",
        "Open the node, or step into it",
    ),
    (
        Action::CollapseOrLeave,
        "collapse_or_leave",
        "Close the node, or step to its parent",
    ),
    (Action::ToggleFold, "toggle_fold", "Open or close the node"),
    (Action::OpenFold, "open_fold", "Open the node (stay on it)"),
    (Action::CloseFold, "close_fold", "Close the node (stay on it)"),
    (
        Action::CycleFold,
        "cycle_fold",
        "Cycle the node: folded, children, whole subtree",
    ),
    (
        Action::CycleOutline,
        "cycle_outline",
        "Cycle the outline: files, talks, everything",
    ),
    (Action::ShowLevel(1), "show_level_1", "Show files only"),
    (Action::ShowLevel(2), "show_level_2", "Show files and talks"),
    (Action::ShowLevel(3), "show_level_3", "Show down to level 3"),
    (Action::ShowLevel(4), "show_level_4", "Show down to level 4"),
    (Action::ShowLevel(5), "show_level_5", "Show down to level 5"),
    (Action::ShowLevel(6), "show_level_6", "Show down to level 6"),
    (Action::ShowLevel(7), "show_level_7", "Show down to level 7"),
    (Action::ShowLevel(8), "show_level_8", "Show down to level 8"),
    (Action::ShowLevel(9), "show_level_9", "Show everything"),
    (Action::CollapseAll, "collapse_all", "Collapse everything"),
    (Action::ExpandAll, "expand_all", "Expand everything"),
    (Action::OpenFind, "open_find", "Find: fuzzy-jump to any talk or note"),
    (
        Action::NextHit,
        "next_hit",
        "Next hit of the last search (close ones first)",
    ),
    (Action::PrevHit, "prev_hit", "Previous hit of the last search"),
    (
        Action::ClearHighlight,
        "clear_highlight",
        "Unmark the last search's hits",
    ),
    (
        Action::FindInTalk,
        "find_in_talk",
        "Find inside the talk shown (n/N stay in it)",
    ),
    (Action::JumpToResult, "jump_to_result", "Jump to the chosen result"),
    (Action::NextResult, "next_result", "Next result"),
    (Action::PrevResult, "prev_result", "Previous result"),
    (
        Action::ToggleFindScope,
        "toggle_find_scope",
        "Search everything / talk titles only",
    ),
    (
        Action::ToggleHitTree,
        "toggle_hit_tree",
        "Hits as a ranked list / as the outline",
    ),
    (Action::ToggleExact, "toggle_exact", "Exact words (fzf --exact) / fuzzy"),
    (
        Action::DeleteToStart,
        "delete_to_start",
        "Delete the query up to the cursor",
    ),
    (Action::CloseFind, "close_find", "Close find, back to where you were"),
    (Action::SwitchPane, "switch_pane", "Switch between outline and detail"),
    (
        Action::ZoomIn,
        "zoom_in",
        "Zoom into the node: it becomes the outline's root",
    ),
    (Action::ZoomOut, "zoom_out", "Zoom out one level"),
    (Action::JumpBack, "jump_back", "Back to where the last jump left"),
    (Action::JumpForward, "jump_forward", "Forward again in the jump list"),
    (Action::ScrollTop, "scroll_top", "Scroll: selection to the top"),
    (Action::ScrollCenter, "scroll_center", "Scroll: selection to the middle"),
    (Action::ScrollBottom, "scroll_bottom", "Scroll: selection to the bottom"),
    (Action::WidenOutline, "widen_outline", "Widen the outline pane"),
    (Action::NarrowOutline, "narrow_outline", "Narrow the outline pane"),
    (
        Action::FullScreenDetail,
        "full_screen_detail",
        "Detail pane full screen, and back",
    ),
    (
        Action::FullScreenOutline,
        "full_screen_outline",
        "Outline full screen, and back",
    ),
    (
        Action::ToggleBookmark,
        "toggle_bookmark",
        "Bookmark the selected node (or remove it)",
    ),
    (
        Action::OpenBookmarks,
        "open_bookmarks",
        "List bookmarks in every file; Enter jumps",
    ),
    (
        Action::JumpToBookmark,
        "jump_to_bookmark",
        "Jump to the chosen bookmark",
    ),
    (Action::DeleteBookmark, "delete_bookmark", "Delete the chosen bookmark"),
    (
        Action::CopyMarkdown,
        "copy_markdown",
        "Copy the node and all under it as Markdown",
    ),
    (
        Action::CopyBreadcrumb,
        "copy_breadcrumb",
        "Copy the node's breadcrumb (File › Talk › …)",
    ),
    (Action::OpenLink, "open_link", "Open the node's link (several: choose)"),
    (Action::OpenChosenLink, "open_chosen_link", "Open the chosen link"),
    (Action::ToggleHelp, "toggle_help", "Show or hide this help"),
    (
        Action::CloseOverlay,
        "close_overlay",
        "Close it, back to where you were",
    ),
    (Action::Quit, "quit", "Quit"),
    (Action::Suspend, "suspend", "Suspend to the shell (fg comes back)"),
    (Action::EditNode, "edit_node", "Edit the file in $EDITOR at this line"),
    (Action::WriteCopy, "write_copy", "Write a copy of bundled notes to edit"),
    (
        Action::ToggleLineNumbers,
        "toggle_line_numbers",
        "Show or hide line numbers",
    ),
    (Action::ReloadAll, "reload_all", "Read again every file that changed"),
    (
        Action::SetTalkLevel,
        "set_talk_level",
        "Make this node's level the file's talks (again: undo)",
    ),
];

impl Action {
    /// The config name of a bindable action.
    pub fn name(self) -> Option<&'static str> {
        BINDABLE.iter().find(|(a, _, _)| *a == self).map(|(_, n, _)| *n)
    }

    pub fn describe(self) -> &'static str {
        BINDABLE.iter().find(|(a, _, _)| *a == self).map_or("", |(_, _, d)| *d)
    }

    pub fn from_name(name: &str) -> Option<Action> {
        BINDABLE.iter().find(|(_, n, _)| *n == name).map(|(a, _, _)| *a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for (a, n, d) in BINDABLE {
            assert!(seen.insert(*n), "duplicate name {n}");
            assert_eq!(Action::from_name(n), Some(*a));
            assert!(!d.is_empty());
        }
    }
}
