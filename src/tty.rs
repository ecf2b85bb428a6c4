//! Watches the terminal's input ourselves before handing it to crossterm.
//!
//! crossterm 0.28 spins forever inside `event::poll` once its terminal is
//! gone (a closed window, a killed tmux pane): the tty stays readable, every
//! read returns 0 bytes, and its loop retries without end, whatever the
//! timeout (crossterm issue #793). The reader would never see its quit flag
//! and would burn a core until killed, state unsaved. So the event loop
//! waits here, with poll(2) on the same tty: a hang-up is seen, and crossterm
//! is only asked for events when there is input to read.

use std::fs::File;
use std::io::IsTerminal;
use std::os::fd::{AsRawFd, RawFd};

pub enum Ready {
    /// Bytes to read (or a wait cut short by a signal): ask crossterm.
    Input,
    Timeout,
    /// The terminal hung up: leave as on a quit.
    Gone,
}

pub struct TtyWatch {
    fd: RawFd,
    /// /dev/tty, held open when stdin is not the terminal (crossterm then
    /// reads /dev/tty too).
    _tty: Option<File>,
}

impl TtyWatch {
    pub fn new() -> std::io::Result<TtyWatch> {
        if std::io::stdin().is_terminal() {
            return Ok(TtyWatch { fd: 0, _tty: None });
        }
        let tty = File::open("/dev/tty")?;
        Ok(TtyWatch {
            fd: tty.as_raw_fd(),
            _tty: Some(tty),
        })
    }

    /// Waits up to `ms` milliseconds (0: just looks).
    pub fn wait(&self, ms: i32) -> Ready {
        let mut p = libc::pollfd {
            fd: self.fd,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, and its count.
        let n = unsafe { libc::poll(&mut p, 1, ms) };
        if n < 0 {
            // EINTR: a signal (resize, quit); the caller looks at both.
            return Ready::Input;
        }
        if p.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            return Ready::Gone;
        }
        if n == 0 {
            Ready::Timeout
        } else {
            Ready::Input
        }
    }
}
