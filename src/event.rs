//! What happens to the reader from outside: keys, the mouse, the terminal's
//! size, time passing, and what background work delivers. `App::handle`
//! turns a key into an `Action` through the keymap of the current context;
//! the rest it handles itself. Produced by `terminal` and `reader`, which
//! never change the app any other way.

use crate::keymap::Key;
use crate::outline::Clean;
use crate::startup::Loaded;
use crate::watch::Change;

#[derive(Debug)]
pub enum Event {
    Key(Key),
    /// Text pasted in one piece (bracketed paste), typed into the find
    /// input when it is open.
    Paste(String),
    /// A mouse button went down here.
    Click {
        col: u16,
        row: u16,
    },
    /// A turn of the wheel here.
    Scroll {
        col: u16,
        row: u16,
        down: bool,
    },
    /// The terminal changed size.
    Resize(u16, u16),
    /// Time passed: collect background search results.
    Tick,
    /// The notes finished loading in the background.
    Loaded(Box<Loaded>),
    /// Something for the status line from outside (the state saver's word).
    Notice(Clean),
    /// The state as of now was handed to the saver.
    Saved,
    /// The terminal wrote the clipboard sequence a copy left
    /// (`App::clipboard_sequence`).
    Written,
    /// The terminal is back after a suspend the app asked for (or the
    /// suspend could not be done).
    Resumed,
    /// The editor the app asked for has exited: why it failed, if it did.
    Edited(Option<Clean>),
    /// A watched file changed, went away, could not be read again, or
    /// appeared in a folder watched (`watch`).
    Reloaded(Box<Change>),
}
