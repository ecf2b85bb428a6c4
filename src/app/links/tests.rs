//! The link picker and the scheme guard, as flows: keys in, what the app
//! asked to start (a recorder stands in for the opener) and says.

use super::super::copy::tests::{app_on, load, select, Recorder};
use crate::keymap::Context;
use crate::outline::Outline;

const NOTES: &str = "# Day\n\n## Scaling (Ann Lee)\n\n- intro, no link\n- [slides](https://ex.org/slides.pdf) and [video](https://ex.org/v)\n- write to [Ann](mailto:ann@ex.org)\n- see [the index](#index)\n- one: https://ex.org/one\n";

fn notes() -> Outline {
    load("day.md", NOTES)
}

fn opened(rec: &Recorder) -> Vec<Vec<String>> {
    rec.opened.lock().unwrap().clone()
}

fn status(a: &crate::app::App) -> String {
    a.status().map(|s| s.to_string()).unwrap_or_default()
}

use super::super::tests::type_keys;

#[test]
fn one_web_link_opens_at_once_with_the_system_opener() {
    let rec = Recorder::default();
    let mut a = app_on(notes(), &rec);
    select(&mut a, "one:");
    type_keys(&mut a, "o");
    let want = if cfg!(target_os = "macos") { "open" } else { "xdg-open" };
    assert_eq!(opened(&rec), [[want, "https://ex.org/one"]]);
    assert_eq!(status(&a), format!("Opening https://ex.org/one with {want}"));
    assert!(a.link_picker().is_none());
}

#[test]
fn several_links_open_a_picker_that_chooses_one() {
    let rec = Recorder::default();
    let mut a = app_on(notes(), &rec);
    a.set_launcher(Box::new(rec.clone()), Some("firefox --new-tab".into()));
    select(&mut a, "slides");
    type_keys(&mut a, "o");
    assert_eq!(a.context(), Context::Links);
    let p = a.link_picker().unwrap();
    let words: Vec<&str> = p.choices.iter().map(|c| c.words.as_str()).collect();
    assert_eq!(words, ["slides", "video"]);
    assert!(opened(&rec).is_empty(), "nothing opens before a choice");
    type_keys(&mut a, "j Enter");
    assert_eq!(opened(&rec), [["firefox", "--new-tab", "https://ex.org/v"]]);
    assert!(a.link_picker().is_none());
    assert_eq!(a.context(), Context::Outline);
}

#[test]
fn a_talk_without_links_of_its_own_offers_its_notes_links() {
    let rec = Recorder::default();
    let mut a = app_on(notes(), &rec);
    select(&mut a, "Scaling");
    type_keys(&mut a, "o");
    let targets: Vec<&str> = a
        .link_picker()
        .unwrap()
        .choices
        .iter()
        .map(|c| c.target.as_str())
        .collect();
    assert_eq!(
        targets,
        [
            "https://ex.org/slides.pdf",
            "https://ex.org/v",
            "mailto:ann@ex.org",
            "#index",
            "https://ex.org/one"
        ]
    );
    type_keys(&mut a, "Esc");
    assert!(a.link_picker().is_none());
    assert!(opened(&rec).is_empty());
    select(&mut a, "intro");
    type_keys(&mut a, "o");
    assert_eq!(status(&a), "No link in note 'intro, no link' or under it");
}

#[test]
fn another_scheme_asks_first_and_opens_only_when_told() {
    let rec = Recorder::default();
    let mut a = app_on(notes(), &rec);
    select(&mut a, "write to");
    type_keys(&mut a, "o");
    assert!(opened(&rec).is_empty(), "a mailto: link asks first");
    assert!(a.link_picker().unwrap().asking);
    assert!(
        status(&a).starts_with("Open mailto:ann@ex.org? A mailto: link"),
        "{}",
        status(&a)
    );
    // Esc: not opened, and the question is gone.
    type_keys(&mut a, "Esc");
    assert!(a.link_picker().is_none() && opened(&rec).is_empty());
    assert_eq!(status(&a), "Not opened");
    // Asked again and told yes.
    type_keys(&mut a, "o Enter");
    assert_eq!(opened(&rec).len(), 1);
    assert_eq!(opened(&rec)[0].last().unwrap(), "mailto:ann@ex.org");
}

#[test]
fn in_the_picker_the_question_is_asked_for_the_chosen_link_only() {
    let rec = Recorder::default();
    let mut a = app_on(notes(), &rec);
    select(&mut a, "Scaling");
    type_keys(&mut a, "o j j Enter");
    assert!(a.link_picker().unwrap().asking);
    // Moving on drops the question; Esc then only closes it, then the picker.
    type_keys(&mut a, "k");
    assert!(!a.link_picker().unwrap().asking);
    type_keys(&mut a, "j Enter Esc");
    assert!(a.link_picker().is_some_and(|p| !p.asking));
    assert!(opened(&rec).is_empty());
    type_keys(&mut a, "Esc");
    assert!(a.link_picker().is_none());
}

#[test]
fn a_link_into_the_page_and_a_failing_opener_get_words() {
    let rec = Recorder {
        fails: Some("\"xdg-open\" is not installed (or not on PATH)".into()),
        ..Default::default()
    };
    let mut a = app_on(notes(), &rec);
    select(&mut a, "see");
    type_keys(&mut a, "o");
    assert!(opened(&rec).is_empty());
    assert!(status(&a).contains("\"#index\" points into the page"), "{}", status(&a));
    select(&mut a, "one:");
    type_keys(&mut a, "o");
    assert!(
        status(&a).starts_with("Not opened: \"xdg-open\" is not installed"),
        "{}",
        status(&a)
    );
    assert!(!a.quitting());
}

#[test]
fn a_click_closes_the_picker_and_leaves_the_selection() {
    let rec = Recorder::default();
    let mut a = app_on(notes(), &rec);
    select(&mut a, "slides");
    let sel = a.tree().selected;
    type_keys(&mut a, "o");
    a.handle(crate::event::Event::Click { col: 2, row: 2 });
    assert!(a.link_picker().is_none());
    assert_eq!(a.tree().selected, sel);
    assert!(opened(&rec).is_empty());
}
