//! talktree: a terminal reader for conference notes.
//!
//! The pure core (`outline`, `search`) knows nothing of terminals; `app` holds
//! the reader's state and its one `update`; `ui` draws; `main.rs` owns the
//! terminal.

pub mod outline;
pub mod cli;
