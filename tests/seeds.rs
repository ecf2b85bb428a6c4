//! What the loader must make of each bundled seed (issue: faithful talk tree).
//! Structure checks, not a byte-for-byte dump, so unrelated changes don't
//! rewrite them.

mod common;
use common::*;
use talktree::outline::{load_seeds, Kind, Outline};

fn seeds() -> Outline {
    load_seeds()
}

#[test]
fn all_five_seeds_load() {
    let o = seeds();
    assert_eq!(o.docs().len(), 5);
    for d in o.docs() {
        assert!(d.source.starts_with("seeds/"), "{}", d.source);
        assert!(o.has_children(d.node), "{} is empty", d.source);
    }
}

#[test]
fn seed_000_three_talks_with_wrapped_line_and_repeats_kept_once() {
    let o = seeds();
    let d = doc(&o, "000_d4f2b3bd88ab5530.txt");
    let sessions = of_kind(&o, d, Kind::Session);
    assert_eq!(
        texts(&o, &sessions),
        vec![
            "Jono Bacon Keynote",
            "Using Persistent Memory for Fun and Profit by Matthew Wilcox",
            "Dropbox Database Infrastructure by Tammy Butow"
        ]
    );
    // The wrapped line continues the bullet before it.
    let wrapped = containing(&o, d, "make sureencourage");
    assert_eq!(wrapped.len(), 1);
    let w = wrapped[0];
    assert_eq!(o.kind(w), Kind::Bullet);
    assert!(
        o.text(w)
            .starts_with("New CPU instructions ( mostly to make sureencourage"),
        "{}",
        o.text(w)
    );
    assert_eq!(o.session_of(w), Some(sessions[1]));
    // ...and its verbatim repeat is gone.
    assert!(find_all(&o, d, "New CPU instructions ( mostly to").is_empty());
    assert_eq!(find_all(&o, sessions[1], "Total System persistence").len(), 1);
    assert_eq!(
        find_all(&o, sessions[2], "Improving backup and restore speed.").len(),
        1
    );
}

#[test]
fn seed_001_scale_summit_sessions_nesting_and_no_chrome() {
    let o = seeds();
    let d = doc(&o, "001_9bddaddb8d0d360c.txt");
    assert_eq!(o.text(d), "Scale Summit 2014");
    let sessions = texts(&o, &of_kind(&o, d, Kind::Session));
    for s in [
        "session 1: monitoring & metrics",
        "Session 2: versioning of artefacts",
        "Session 2b: µservices",
        "Session 3: managing OSS software at work",
        "Session 4: what’s changed since last scale camp?",
        "Session 5: mentoring",
    ] {
        assert!(sessions.iter().any(|x| x == s), "missing session {s}: {sessions:?}");
    }
    // The lightning talks: a group holding seven talks, in order.
    let group = find(&o, d, "lightning talks");
    assert_eq!(o.kind(group), Kind::Group);
    let talks: Vec<usize> = o.children(group).collect();
    assert_eq!(talks.len(), 7);
    assert!(talks.iter().all(|&t| o.kind(t) == Kind::Session));
    assert_eq!(o.text(talks[0]), "tdoran docker to prod in 5 minutes");
    assert_eq!(o.text(talks[6]), "we’re doing a festival called electromagnetic field");
    // Nesting as indented.
    let child = find(&o, d, "because we’re a python shop");
    let parent = o.parent(child).unwrap();
    assert_eq!(
        o.text(parent),
        "why are using diamond rather than the in-built sensu stuff?"
    );
    let riemann = find(&o, d, "is anyone using riemann?");
    assert_eq!(
        o.text(o.session_of(riemann).unwrap()),
        "session 1: monitoring & metrics"
    );
    for chrome in [
        "Skip to content",
        "Instantly share code, notes, and snippets.",
        "Embed",
        "What would you like to do?",
        "This comment has been minimized.",
        "Copy link",
        "Sign up for free to join this conversation on GitHub",
        "scale-summit 2014",
    ] {
        assert!(containing(&o, d, chrome).is_empty(), "chrome left: {chrome}");
    }
}

#[test]
fn seed_002_blog_post_talks_hold_paragraphs_and_chrome_is_gone() {
    let o = seeds();
    let d = doc(&o, "002_e5e5766fcc69a426.txt");
    let sessions = of_kind(&o, d, Kind::Session);
    assert_eq!(
        texts(&o, &sessions),
        vec![
            "Locksmith, Ops Scaling and the Borg",
            "Lunchtime Lightning",
            "CAP, Docker, and Data",
            "Microservices at Netflix"
        ]
    );
    for &s in &sessions {
        assert!(o.children(s).count() >= 1);
        assert!(o.children(s).all(|c| o.kind(c) == Kind::Paragraph), "{}", o.text(s));
    }
    for chrome in [
        "Accedi / Registrati Account",
        "In primo piano",
        "Notizie in evidenza - selezionate per te",
        "About the author",
    ] {
        assert!(containing(&o, d, chrome).is_empty(), "chrome left: {chrome}");
    }
    let jepsen = containing(&o, d, "Kyle Kingsbury to speak of Jepsen");
    assert_eq!(o.session_of(jepsen[0]), Some(sessions[2]));
}

#[test]
fn seed_003_broken_list_encoding_is_decoded() {
    let o = seeds();
    let d = doc(&o, "003_06d17b40e4ac878b.txt");
    assert!(of_kind(&o, d, Kind::Session).len() >= 10);
    let chain = [
        "anyone using ganglia?",
        "we’re replacing ganglia with sensu stuff and diamond",
        "why are using diamond rather than the in-built sensu stuff?",
        "because we’re a python shop",
    ];
    let mut node = find(&o, d, chain[0]);
    for next in &chain[1..] {
        let child = o.children(node).find(|&c| o.text(c) == *next);
        node = child.unwrap_or_else(|| panic!("{next} is not a child of {}", o.text(node)));
    }
    let wrapped = find(
        &o,
        d,
        "we have a cron job on every rabbit and every sensu server to kill the process every hour",
    );
    let kids: Vec<usize> = o.children(wrapped).collect();
    assert_eq!(texts(&o, &kids), vec!["and it still works"]);
    for repeated in [
        "we looked at it, but we got lots of false alerts",
        "why are using diamond rather than the in-built sensu stuff?",
        "we’re replacing ganglia with sensu stuff and diamond",
        "does anyone rely on cloudwatch?",
        "I miss having a decent dashboard",
    ] {
        assert_eq!(find_all(&o, d, repeated).len(), 1, "{repeated}");
    }
}

#[test]
fn seed_004_talks_with_speakers_and_their_sub_headings() {
    let o = seeds();
    let d = doc(&o, "004_91da693db45061a5.txt");
    assert_eq!(o.text(d), "QCon San Francisco Recap");
    let keynote = find(&o, d, "Key Note - How to make a spaceship (Julian Guthrie, Dan Kreigh)");
    let vision = find(&o, d, "Vision & Strategy - Epiphanies of a Netflix Leader (Josh Evans)");
    let anatomy = find(&o, d, "The Anatomy of a Distributed System (Tyler McMullen)");
    let speaking = find(&o, d, "Speaking up without freaking out (Matt Abrahams)");
    for t in [keynote, vision, anatomy, speaking] {
        assert_eq!(o.kind(t), Kind::Session, "{}", o.text(t));
    }
    for (sub, talk) in [
        ("Think strategically:", vision),
        ("Seven Powers", vision),
        ("Concepts", anatomy),
        ("Problems", anatomy),
        ("Manage Anxiety", speaking),
        ("Voice", speaking),
    ] {
        let n = find(&o, d, sub);
        assert_eq!(o.kind(n), Kind::Heading, "{sub}");
        assert_eq!(o.session_of(n), Some(talk), "{sub}");
    }
    for n in find_all(&o, d, "Notes") {
        assert_eq!(o.kind(n), Kind::Heading);
        assert!(o.session_of(n).is_some());
    }
}

#[test]
fn no_control_characters_survive_in_any_seed() {
    let o = seeds();
    for i in 0..o.len() {
        assert!(!o.text(i).chars().any(|c| c.is_control()), "node {i}: {:?}", o.text(i));
    }
}

/// Seeds named by an identifier (`000_d4f2b3bd88ab5530`) are titled by
/// what they hold: the event their text names, or their first talk and how
/// many follow.
#[test]
fn seeds_named_by_a_hash_are_titled_from_their_content() {
    let o = seeds();
    for d in o.docs() {
        let stem = d.source.trim_start_matches("seeds/").trim_end_matches(".txt");
        assert!(talktree::outline::is_identifier(stem), "{stem}");
        let title = o.text(d.node);
        assert_ne!(title, stem, "{} keeps its identifier as a title", d.source);
        let talks = of_kind(&o, d.node, Kind::Session);
        if let Some(lead) = title.strip_suffix(&format!(" and {} more talks", talks.len() - 1)) {
            assert!(o.text(talks[0]).starts_with(lead.trim_end_matches('…')), "{title}");
        }
    }
    assert_eq!(
        o.text(doc(&o, "000_d4f2b3bd88ab5530.txt")),
        "Jono Bacon Keynote and 2 more talks"
    );
}
