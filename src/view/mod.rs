//! How the outline is looked at, apart from what it holds: the tree of
//! search hits, stepping through hits, matched-character runs, zoom and the
//! jump list, scroll positions and pane sizes. Pure values and functions
//! over `Outline` indices: no terminal crates, no I/O, no `App`.

pub mod highlight;
pub mod hit_tree;
pub mod jumps;
pub mod panes;
pub mod scroll;
pub mod steps;
pub mod zoom;

pub use highlight::{runs, segments, wrapped_runs, Highlighter};
pub use hit_tree::{HitRow, HitTree};
pub use jumps::JumpList;
pub use panes::{FullScreen, Panes};
pub use scroll::Align;
pub use steps::{HitSteps, Step};
pub use zoom::Zoom;

/// What the state file remembers of the view between runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ViewPrefs {
    pub panes: Panes,
    /// The find pane shows hits as the filtered outline.
    #[serde(default)]
    pub hit_tree: bool,
}
