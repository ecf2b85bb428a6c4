//! talktree: a terminal reader for conference notes.
//!
//! The pure core (`outline`, `search`) knows nothing of terminals; `app` holds
//! the reader's state and its one `update`; `ui` draws; `terminal` owns the
//! terminal; `startup` and `reader` are the glue `main.rs` calls.

pub mod action;
pub mod app;
pub mod cli;
pub mod clip;
pub mod config;
pub mod editor;
pub mod event;
pub mod export;
pub mod keymap;
pub mod launch;
pub mod layout;
pub mod links;
pub mod outline;
pub mod print;
pub mod reader;
pub mod remap;
pub mod search;
pub mod startup;
pub mod state;
pub mod stdin;
pub mod terminal;
pub mod tty;
pub mod ui;
pub mod view;
pub mod watch;
pub mod wrap;
