//! The loading phase: keys typed ahead, a first quit or help, and the notes
//! arriving with the remembered view.

use super::tests::type_keys;
use super::*;
use crate::config::Config;
use crate::event::Event;
use crate::outline::load_seeds;

/// A reader still loading, as `reader::run` starts one for given paths.
fn loading() -> App {
    let c = Config::defaults();
    let mut a = App::loading(c.keymap, Options::default(), Opening::default());
    a.handle(Event::Resize(120, 40));
    a
}

/// The notes arriving.
fn loaded(outline: crate::outline::Outline) -> Event {
    Event::Loaded(Box::new(crate::startup::Loaded {
        outline,
        problems: Vec::new(),
        notices: Vec::new(),
        stdin: None,
    }))
}

#[test]
fn keys_typed_while_loading_are_played_once_the_notes_are_in() {
    let mut a = loading();
    assert!(crate::ui::empty::message(&a).join("\n").contains("q quits"));
    type_keys(&mut a, "/ r i e m x Backspace q");
    assert!(!a.quit, "q inside a query typed ahead is part of the query");
    assert_eq!(a.typed_ahead().len(), 8);
    let shown = crate::ui::empty::message(&a).join("\n");
    assert!(shown.contains("Typed ahead: /riemq"), "{shown}");
    assert!(shown.contains("Ctrl-c quits"), "q no longer quits: {shown}");
    a.handle(loaded(load_seeds()));
    a.settle();
    assert!(a.find.open);
    assert_eq!(a.find.query(), "riemq");
}

#[test]
fn a_first_q_while_loading_still_quits() {
    let mut a = loading();
    type_keys(&mut a, "q");
    assert!(a.quit);
    assert!(a.typed_ahead().is_empty());
    let mut a = loading();
    type_keys(&mut a, "/ a Ctrl-c");
    assert!(a.quit, "Ctrl-c quits even after keys typed ahead");
}

#[test]
fn help_asked_for_while_loading_opens_at_once_and_stays_open() {
    let mut a = loading();
    type_keys(&mut a, "?");
    assert!(a.help.is_some() && a.typed_ahead().is_empty());
    a.handle(loaded(load_seeds()));
    assert!(a.help.is_some());
    // Nothing loaded: nothing is played, so a kept q cannot quit.
    let mut a = loading();
    type_keys(&mut a, "/ q");
    a.handle(loaded(crate::outline::Outline::new()));
    assert!(!a.quit);
}

#[test]
fn notes_arrive_with_the_remembered_view_and_what_there_is_to_say() {
    let state = crate::state::State {
        find_history: vec!["riemann".into()],
        ..Default::default()
    };
    let opening = Opening {
        paths: vec!["notes/".into()],
        remembered: Some(state),
        notes: vec!["config: c.toml:1: unknown section [x]".into()],
    };
    let mut a = App::loading(Config::defaults().keymap, Options::default(), opening);
    a.handle(Event::Resize(100, 30));
    assert!(a.is_loading() && a.load.paths.len() == 1);
    a.handle(Event::Loaded(Box::new(crate::startup::Loaded {
        outline: load_seeds(),
        problems: vec!["notes/x.md: not UTF-8".into()],
        notices: Vec::new(),
        stdin: None,
    })));
    assert!(!a.is_loading());
    assert_eq!(a.size, (100, 30));
    assert_eq!(a.history, vec!["riemann"]);
    assert!(!a.state_dirty, "a restore is no change to save");
    let status = a.status.as_ref().map(ToString::to_string).unwrap_or_default();
    assert!(
        status.starts_with("1 file could not be loaded") && status.ends_with("unknown section [x]"),
        "{status}"
    );
    assert_eq!(a.load.problems.len(), 1);
    // Arriving twice is nothing new.
    a.handle(loaded(crate::outline::Outline::new()));
    assert!(!a.outline.is_empty());
}
