//! Drawing: one frame into a ratatui TestBackend (120x40), for the outline
//! at its start, scrolled to the end, and with the find pane showing hits.
//! Only the visible rows should be built, so the cost should not grow with
//! the corpus.

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::sync::Arc;
use talktree::app::{App, Options};
use talktree::config::Config;
use talktree::event::Event;
use talktree::keymap::Key;
use talktree::ui::{draw, theme::Theme};

use crate::corpus::Corpus;
use crate::timing::measure;

fn press(app: &mut App, keys: &str) {
    for k in keys.split(' ').filter(|k| !k.is_empty()) {
        app.handle(Event::Key(Key::parse(k).expect("key name")));
        app.settle();
    }
}

const SCENES: [(&str, &str); 3] = [("outline, top", ""), ("outline, end", "G"), ("find \"db\"", "/ d b")];

pub fn run(corpora: &[Corpus]) {
    println!("\n## draw (µs per 120x40 frame, median of 200; min in brackets)");
    let head: Vec<&str> = SCENES.iter().map(|s| s.0).collect();
    println!("| bullets | {} |", head.join(" | "));
    println!("|---|{}", "---|".repeat(SCENES.len()));
    let theme = Theme::monochrome();
    for c in corpora {
        let mut cells = Vec::new();
        for (_, keys) in SCENES {
            let mut app = App::new(Arc::clone(&c.outline), Config::defaults().keymap, Options::default());
            app.handle(Event::Resize(120, 40));
            press(&mut app, keys);
            let mut term = Terminal::new(TestBackend::new(120, 40)).expect("test terminal");
            let (t, _) = measure(200, || {
                // A cleared back buffer makes every frame a full redraw.
                term.clear().expect("clear");
                term.draw(|f| draw(f, &app, &theme)).expect("draw").area
            });
            cells.push(format!(
                "{:.0} [{:.0}]",
                t.median.as_secs_f64() * 1e6,
                t.min.as_secs_f64() * 1e6
            ));
        }
        println!("| {} | {} |", c.label(), cells.join(" | "));
    }
}
