//! Keystroke to frame while searches run: the find pane's query typed at a
//! fast typist's pace into an `App` whose search worker is scanning on
//! every core, as the reader's event loop does it (each key handled, then
//! a tick that collects results, then a frame; every 8 ms a tick and a
//! frame while a search runs). Timed from the key to its frame drawn into
//! a TestBackend, so the terminal's own write is not counted.

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::sync::Arc;
use std::time::{Duration, Instant};
use talktree::app::{App, Options};
use talktree::config::Config;
use talktree::event::Event;
use talktree::keymap::Key;
use talktree::ui::{draw, theme::Theme};

use crate::corpus::Corpus;
use crate::search::QUERIES;
use crate::timing::Timing;

/// 40 ms a key: 300 words a minute, faster than anyone types, so searches
/// are still running (and cancelled) when the next key comes.
const KEY_EVERY: Duration = Duration::from_millis(40);
/// The reader's wake-up while a search runs (`terminal::event_loop`).
const TICK: Duration = Duration::from_millis(8);
const ROUNDS: usize = 5;

fn key(c: char) -> Key {
    let name = if c == ' ' { "space".to_string() } else { c.to_string() };
    Key::parse(&name).expect("a key name")
}

/// Frame times: after each key, and after each tick in between; with
/// the tree view, after each switch between list and tree.
struct Frames {
    after_key: Vec<Duration>,
    after_tick: Vec<Duration>,
    switches: Vec<Duration>,
}

fn type_into(app: &mut App, term: &mut Terminal<TestBackend>, theme: &Theme, q: &str, f: &mut Frames, tree: bool) {
    let mut frame = |app: &App| {
        term.draw(|fr| draw(fr, app, theme)).expect("draw");
    };
    let ctrl_v = Key::parse("Ctrl-v").expect("Ctrl-v");
    app.handle(Event::Key(key('/')));
    if tree && !app.find().tree_view {
        // The view is remembered: set once, it stays for every search.
        app.handle(Event::Key(ctrl_v));
    }
    frame(app);
    for c in q.chars() {
        let pressed = Instant::now();
        app.handle(Event::Key(key(c)));
        app.handle(Event::Tick);
        frame(app);
        f.after_key.push(pressed.elapsed());
        while pressed.elapsed() + TICK < KEY_EVERY {
            std::thread::sleep(TICK);
            let t = Instant::now();
            app.handle(Event::Tick);
            frame(app);
            f.after_tick.push(t.elapsed());
        }
    }
    app.settle();
    if tree {
        // Leaving the tree view and entering it again, the search done.
        for _ in 0..2 {
            let pressed = Instant::now();
            app.handle(Event::Key(ctrl_v));
            frame(app);
            f.switches.push(pressed.elapsed());
            app.settle();
        }
    }
    app.handle(Event::Key(Key::parse("esc").expect("esc")));
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1e3)
}

pub fn run(corpora: &[Corpus]) {
    println!(
        "\n## echo (ms from a key to its 120x40 frame, typing {:?} at {} ms a key, {ROUNDS} rounds)",
        QUERIES,
        KEY_EVERY.as_millis()
    );
    println!("| bullets | find view | key to frame, median | key to frame, max | tick frame, median | tick frame, max | list/tree switch, max |");
    println!("|---|---|---|---|---|---|---|");
    let theme = Theme::monochrome();
    for c in corpora {
        for tree in [false, true] {
            run_one(c, &theme, tree);
        }
    }
}

fn run_one(c: &Corpus, theme: &Theme, tree: bool) {
    {
        let mut app = App::new(Arc::clone(&c.outline), Config::defaults().keymap, Options::default());
        app.handle(Event::Resize(120, 40));
        let mut term = Terminal::new(TestBackend::new(120, 40)).expect("test terminal");
        let mut f = Frames {
            after_key: Vec::new(),
            after_tick: Vec::new(),
            switches: Vec::new(),
        };
        for _ in 0..ROUNDS {
            for q in QUERIES {
                type_into(&mut app, &mut term, theme, q, &mut f, tree);
            }
        }
        let max = |v: &[Duration]| v.iter().copied().max().unwrap_or_default();
        let (keys, ticks) = (Timing::from(f.after_key.clone()), Timing::from(f.after_tick.clone()));
        let switch = if tree { ms(max(&f.switches)) } else { "-".to_string() };
        println!(
            "| {} | {} | {} | {} | {} | {} | {switch} |",
            c.label(),
            if tree { "tree" } else { "list" },
            ms(keys.median),
            ms(max(&f.after_key)),
            ms(ticks.median),
            ms(max(&f.after_tick))
        );
    }
}
