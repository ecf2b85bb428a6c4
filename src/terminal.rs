//! The real terminal: set-up and restore in one place, the event loop, and
//! the paths out of it. Quit, error, panic and SIGTERM/SIGINT/SIGHUP all end
//! in the same restore; Ctrl-Z suspends to the shell and `fg` redraws.
//! Used only by `main.rs`.

use crate::action::Action;
use crate::app::App;
use crate::keymap::{Code, Key};
use crate::ui::{self, theme::Theme};
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, MouseEventKind};
use crossterm::execute;
use ratatui::DefaultTerminal;
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Enters the alternate screen with raw mode and mouse reporting, and makes
/// a panic restore all of it before the message prints.
fn enter() -> io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    execute!(io::stdout(), EnableMouseCapture)?;
    Ok(terminal)
}

fn leave() {
    // The cursor too: ratatui shows it only when the terminal is dropped,
    // which neither a suspend nor a panic does.
    let _ = execute!(io::stdout(), DisableMouseCapture, crossterm::cursor::Show);
    ratatui::restore();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
}

/// Signals that end the reader through the normal quit path.
fn quit_flag() -> io::Result<Arc<AtomicBool>> {
    let flag = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register(sig, flag.clone())?;
    }
    Ok(flag)
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
    *terminal = enter()?;
    terminal.clear()
}

fn to_action(e: Event) -> Option<Action> {
    match e {
        Event::Key(k) => Key::from_event(k).map(Action::Press),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(_) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollDown => Some(Action::ScrollWheel {
                col: m.column,
                row: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Action::ScrollWheel {
                col: m.column,
                row: m.row,
                down: false,
            }),
            _ => None,
        },
        _ => None,
    }
}

/// Called between events: where the caller saves state, debounced.
pub type Idle<'a> = &'a mut dyn FnMut(&mut App);

/// Runs the reader until the user quits or a signal asks it to.
pub fn run(app: &mut App, theme: &Theme, idle: Idle) -> io::Result<()> {
    install_panic_hook();
    let quit = quit_flag()?;
    let mut terminal = enter()?;
    let result = event_loop(&mut terminal, app, theme, &quit, idle);
    leave();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    theme: &Theme,
    quit: &AtomicBool,
    idle: Idle,
) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    loop {
        terminal.draw(|f| ui::draw(f, app, theme))?;
        if app.quit || quit.load(Ordering::Relaxed) {
            return Ok(());
        }
        // Wake often enough to collect background search results promptly.
        let wait = if app.find.progress.is_some() { 8 } else { 100 };
        if event::poll(Duration::from_millis(wait))? {
            // Drain everything queued so a burst of keys costs one frame.
            loop {
                let e = event::read()?;
                if let Event::Key(k) = e {
                    if Key::from_event(k).is_some_and(|k| is_suspend_key(&k)) {
                        if can_suspend() {
                            suspend(terminal)?;
                        }
                        break;
                    }
                }
                if let Some(a) = to_action(e) {
                    app.update(a);
                }
                if app.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        app.update(Action::Tick);
        idle(app);
    }
}

/// Whether the reader can draw here: stdout is a terminal that is not dumb.
pub fn can_draw() -> bool {
    use std::io::IsTerminal;
    io::stdout().is_terminal() && std::env::var("TERM").map_or(true, |t| t != "dumb")
}

/// Ctrl-Z: handled here, not in the keymap, because it acts on the terminal.
pub fn is_suspend_key(k: &Key) -> bool {
    k.ctrl && k.code == Code::Char('z')
}
