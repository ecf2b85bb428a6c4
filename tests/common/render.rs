//! Renders the reader into a TestBackend buffer, driven by keys.
#![allow(dead_code)]

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;
use std::sync::Arc;
use talktree::app::{App, Opening, Options};
use talktree::config::Config;
use talktree::event::Event;
use talktree::keymap::Key;
use talktree::outline::{Clean, Outline};
use talktree::startup::Loaded;
use talktree::ui::{draw, theme::Theme};

/// Starts no program: a test that presses the open-link key must never
/// start a browser.
pub struct NoLaunch;

impl talktree::launch::Launch for NoLaunch {
    fn open(&mut self, _: &[String]) -> Result<(), String> {
        Ok(())
    }
    fn pipe(&mut self, _: &[String], _: &str) -> Result<(), String> {
        Ok(())
    }
}

pub fn app_on(o: Outline, w: u16, h: u16) -> App {
    let mut a = App::new(Arc::new(o), Config::defaults().keymap, Options::default());
    a.handle(Event::Resize(w, h));
    a.set_launcher(Box::new(NoLaunch), None);
    a
}

/// A reader still loading `paths`, as `reader::run` starts one.
pub fn loading_on(paths: Vec<Clean>, w: u16, h: u16) -> App {
    let opening = Opening {
        paths,
        ..Opening::default()
    };
    let mut a = App::loading(Config::defaults().keymap, Options::default(), opening);
    a.handle(Event::Resize(w, h));
    a
}

/// The notes arriving, with the files that could not be loaded.
pub fn arrive(a: &mut App, outline: Outline, problems: Vec<Clean>) {
    a.handle(Event::Loaded(Box::new(Loaded {
        outline,
        problems,
        notices: Vec::new(),
        stdin: None,
    })));
}

/// Types keys written as for the screen tool: `/ r i e m a n n Enter`.
pub fn keys(a: &mut App, ks: &str) {
    for k in ks.split(' ').filter(|k| !k.is_empty()) {
        a.handle(Event::Key(Key::parse(k).unwrap()));
        a.settle();
    }
}

pub fn render(a: &App) -> Buffer {
    render_with(a, &Theme::monochrome())
}

pub fn render_with(a: &App, theme: &Theme) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(a.size().0, a.size().1)).unwrap();
    t.draw(|f| draw(f, a, theme)).unwrap();
    t.backend().buffer().clone()
}

/// The frame as drawn, before the terminal diff: the backend's buffer
/// hides whatever was drawn under a wide character's second cell, which is
/// exactly what `cells::check_buffer` must see.
pub fn frame(a: &App) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(a.size().0, a.size().1)).unwrap();
    let mut out = Buffer::empty(ratatui::layout::Rect::default());
    t.draw(|f| {
        draw(f, a, &Theme::monochrome());
        out = f.buffer_mut().clone();
    })
    .unwrap();
    out
}

/// The buffer as text, one line per row, trailing spaces trimmed.
pub fn text(b: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..b.area.height {
        let mut line = String::new();
        for x in 0..b.area.width {
            line.push_str(b[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn assert_clean(b: &Buffer) {
    for cell in b.content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "control char in {:?}",
            cell.symbol()
        );
    }
}
