//! The real terminal: set-up and restore in one place, the event loop, and
//! the paths out of it. Quit, error, panic and SIGTERM/SIGINT/SIGHUP all end
//! in the same restore (a signal then gives exit status 128 + its number);
//! the suspend key (Ctrl-Z unless rebound) stops for the shell, `fg` redraws;
//! the editor gets the terminal the same way and gives it back when it exits.
//! Used only by `main.rs`.

use crate::app::App;
use crate::editor;
use crate::event::Event;
use crate::keymap::Key;
use crate::outline::Clean;
use crate::tty::{Ready, TtyWatch};
use crate::ui::{self, theme::Theme};
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event as TermEvent,
    MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::buffer::Buffer;
use ratatui::DefaultTerminal;
use std::collections::HashSet;
use std::io::{self, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// Enters the alternate screen with raw mode, mouse reporting and bracketed
/// paste (a paste arrives as one event, so its newlines and letters are text
/// for the find input, never keys that move, fold or quit). Done by
/// hand rather than with `ratatui::init`, whose panic hook and `restore`
/// print with `eprintln!`: on a terminal that has gone away that print
/// itself panics, inside the panic hook, and the process aborts unsaved.
fn enter() -> io::Result<DefaultTerminal> {
    crossterm::terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))
}

/// Undoes `enter`, ignoring errors: it must work on a dead terminal too.
fn leave() {
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        LeaveAlternateScreen,
        DisableMouseCapture,
        DisableBracketedPaste,
        crossterm::cursor::Show
    );
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
}

/// The signal that asked the reader to end (0: none yet).
static SIGNALLED: OnceLock<Arc<AtomicUsize>> = OnceLock::new();

/// Makes SIGTERM, SIGINT and SIGHUP end the reader through the normal quit
/// path (restore, save) instead of killing the process. Called before the
/// notes load, so a signal during start-up or loading is kept too.
pub fn catch_signals() -> io::Result<()> {
    if SIGNALLED.get().is_some() {
        return Ok(());
    }
    let flag = Arc::new(AtomicUsize::new(0));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register_usize(sig, flag.clone(), sig as usize)?;
    }
    let _ = SIGNALLED.set(flag);
    Ok(())
}

/// The signal that ended (or is ending) the reader, if one did.
pub fn signal() -> Option<i32> {
    let n = SIGNALLED.get()?.load(Ordering::Relaxed);
    (n != 0).then_some(n as i32)
}

/// The exit status a shell expects after `signal`: 128 + its number.
pub fn exit_status_for(signal: i32) -> u8 {
    (128 + signal).clamp(0, 255) as u8
}

/// A session leader (say, started directly by a terminal emulator) has no
/// shell to return to: stopping it would leave a frozen window.
fn can_suspend() -> bool {
    // SAFETY: getsid and getpid only read the calling process's ids.
    unsafe { libc::getsid(0) != libc::getpid() }
}

/// Gives the terminal back, stops until `fg`, then takes it again.
fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    leave();
    // SAFETY: raising SIGTSTP on ourselves uses its default action (stop).
    unsafe {
        libc::raise(libc::SIGTSTP);
    }
    let old = std::mem::replace(terminal, enter()?);
    std::mem::forget(old); // see `run`
    terminal.clear()
}

/// Hands the terminal to the editor until it exits, then takes it back:
/// the same leave and enter as `suspend`. The editor's failure, in words.
fn hand_over(terminal: &mut DefaultTerminal, cmd: &editor::Command) -> io::Result<Option<String>> {
    leave();
    let outcome = std::process::Command::new(&cmd.program).args(&cmd.args).status();
    let old = std::mem::replace(terminal, enter()?);
    std::mem::forget(old); // see `run`
    terminal.clear()?;
    Ok(editor::failure(&cmd.program, &outcome))
}

fn to_event(e: TermEvent) -> Option<Event> {
    match e {
        TermEvent::Key(k) => Key::from_event(k).map(Event::Key),
        TermEvent::Paste(text) => Some(Event::Paste(text)),
        TermEvent::Resize(w, h) => Some(Event::Resize(w, h)),
        TermEvent::Mouse(m) => {
            let (col, row) = (m.column, m.row);
            match m.kind {
                MouseEventKind::Down(_) => Some(Event::Click { col, row }),
                MouseEventKind::ScrollDown => Some(Event::Scroll { col, row, down: true }),
                MouseEventKind::ScrollUp => Some(Event::Scroll { col, row, down: false }),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Called between events: where the caller saves state, debounced.
pub type Idle<'a> = &'a mut dyn FnMut(&mut App);

/// Runs the reader until the user quits or a signal asks it to.
pub fn run(app: &mut App, theme: &Theme, idle: Idle) -> io::Result<()> {
    install_panic_hook();
    catch_signals()?;
    if signal().is_some() {
        return Ok(());
    }
    let mut terminal = enter()?;
    let result = event_loop(&mut terminal, app, theme, idle);
    leave();
    // Its drop would show the cursor again and `eprintln!` on failure,
    // which panics when the terminal is gone; `leave` has done it already.
    std::mem::forget(terminal);
    result
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, theme: &Theme, idle: Idle) -> io::Result<()> {
    let tty = TtyWatch::new()?;
    let size = terminal.size()?;
    app.handle(Event::Resize(size.width, size.height));
    let mut links = Hyperlinks::default();
    loop {
        let frame = terminal.draw(|f| ui::draw(f, app, theme))?;
        links.write(frame.buffer, app)?;
        if let Some(seq) = app.clipboard_sequence() {
            write_out(seq.as_bytes())?;
            app.handle(Event::Written);
        }
        if app.quitting() || signal().is_some() {
            return Ok(());
        }
        // Wake often enough to collect background search results promptly.
        let wait = if app.searching() { 8 } else { 100 };
        match tty.wait(wait) {
            Ready::Gone => return Ok(()),
            Ready::Timeout => {}
            Ready::Input => {
                if !drain_events(terminal, app, &tty, &mut links)? {
                    return Ok(());
                }
            }
        }
        app.handle(Event::Tick);
        idle(app);
    }
}

/// Handles everything queued, so a burst of keys costs one frame. Returns
/// false when the terminal hung up. crossterm is asked only after the tty
/// was seen alive (see `tty`).
fn drain_events(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    tty: &TtyWatch,
    links: &mut Hyperlinks,
) -> io::Result<bool> {
    loop {
        if matches!(tty.wait(0), Ready::Gone) {
            return Ok(false);
        }
        if app.quitting() || !event::poll(Duration::ZERO)? {
            return Ok(true);
        }
        if let Some(e) = to_event(event::read()?) {
            if matches!(e, Event::Resize(..)) {
                // ratatui clears the screen for the new size.
                links.forget();
            }
            app.handle(e);
        }
        if app.suspend_asked() {
            if can_suspend() {
                suspend(terminal)?;
                links.forget();
            }
            app.handle(Event::Resumed);
            // Keep draining: keys read along with it sit in crossterm's
            // buffer, where a wait on the tty would not see them.
        }
        if let Some(cmd) = app.take_editor() {
            let failure = hand_over(terminal, &cmd)?;
            app.handle(Event::Edited(failure.map(Clean::from)));
        }
    }
}

fn write_out(bytes: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}

/// The detail pane's links written as OSC 8 hyperlinks after each frame
/// (see `ui::hyperlinks`): an area is written again only when it is new
/// or its cells changed, as ratatui then redrew them without the link.
#[derive(Default)]
struct Hyperlinks {
    written: HashSet<u64>,
}

impl Hyperlinks {
    fn write(&mut self, buf: &Buffer, app: &App) -> io::Result<()> {
        let areas = ui::hyperlinks::areas(app);
        let prints: Vec<u64> = areas.iter().map(|a| ui::hyperlinks::fingerprint(buf, a)).collect();
        let fresh: Vec<_> = areas
            .into_iter()
            .zip(&prints)
            .filter(|(_, p)| !self.written.contains(p))
            .map(|(a, _)| a)
            .collect();
        self.written = prints.into_iter().collect();
        if fresh.is_empty() {
            return Ok(());
        }
        let mut bytes = Vec::new();
        ui::hyperlinks::write(buf, &fresh, &mut bytes)?;
        write_out(&bytes)
    }

    /// The screen was cleared: every link needs writing again.
    fn forget(&mut self) {
        self.written.clear();
    }
}

/// Whether the reader can draw here: stdout is a terminal that is not dumb.
pub fn can_draw() -> bool {
    use std::io::IsTerminal;
    io::stdout().is_terminal() && std::env::var("TERM").map_or(true, |t| t != "dumb")
}
