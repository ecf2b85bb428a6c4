use super::*;
use crate::action::Action;
use crate::keymap::{Context, Key, Lookup};

/// `user` as c.toml over the defaults, with its mistakes as printed.
fn load_shown(user: &str) -> (Config, Vec<String>) {
    let (c, errors) = Config::load(Some(("c.toml", user)));
    (c, errors.iter().map(|e| e.to_string()).collect())
}

#[test]
fn defaults_parse_cleanly_and_bind_every_action() {
    let mut c = Config::defaults();
    assert!(c.apply("default-config.toml", DEFAULT).is_empty());
    for (a, name, _) in crate::action::BINDABLE {
        let bound = Context::ALL.iter().any(|&ctx| !c.keymap.keys_for(ctx, *a).is_empty());
        assert!(bound, "{name} has no default key");
    }
    assert_eq!(c.extensions, crate::outline::fs::DEFAULT_EXTENSIONS);
}

#[test]
fn user_file_overrides_and_errors_name_the_line() {
    let user = "[view]\ntree_width = 50\n\n[keys.outline]\nmove_down = \"x\"\nfly = \"f\"\n\n[theme]\nsession = \"chartreuse\"\n";
    let (c, errors) = Config::load(Some(("my.toml", user)));
    assert_eq!(c.tree_width, 50);
    assert_eq!(c.scroll_off, 5, "not in the user's file: the default");
    assert_eq!(
        c.keymap.lookup(Context::Outline, &[Key::ch('x')]),
        Lookup::Action(Action::MoveDown)
    );
    assert_eq!(c.keymap.lookup(Context::Outline, &[Key::ch('j')]), Lookup::None);
    let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert!(shown[0].starts_with("my.toml:6: unknown action \"fly\""), "{shown:?}");
    assert!(
        shown[1].starts_with("my.toml:9: theme.session: unknown colour \"chartreuse\""),
        "{shown:?}"
    );
    // The bad colour left the default in place.
    assert!(!c.colors.contains_key("session"));
}

#[test]
fn bad_keys_and_values_are_reported_not_fatal() {
    let (c, errors) = Config::load(Some((
        "c.toml",
        "[view]\nopen_level = 12\n[keys.outline]\nquit = \"Hyper-q\"\n[bogus]\nx = 1\n",
    )));
    assert_eq!(c.open_level, 2);
    assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), vec![2, 4, 5]);
    let (_, errors) = Config::load(Some(("c.toml", "this is = = not toml")));
    assert_eq!(errors.len(), 1);
}

#[test]
fn find_exact_sets_how_plain_terms_match() {
    assert_eq!(Config::defaults().matching, Matching::Fuzzy);
    let (c, shown) = load_shown("[find]\nexact = true\n");
    assert_eq!((c.matching, shown.len()), (Matching::Exact, 0));
    let (c, shown) = load_shown("[find]\nexact = \"yes\"\nfuzzy = 1\n");
    assert_eq!(c.matching, Matching::Fuzzy);
    assert_eq!(
        shown,
        [
            "c.toml:2: find.exact must be true or false",
            "c.toml:3: unknown option find.fuzzy"
        ]
    );
}

#[test]
fn clipboard_via_and_hyperlinks_are_read_and_their_mistakes_located() {
    let (c, shown) = load_shown("[clipboard]\nvia = \"xclip -selection clipboard\"\n[view]\nhyperlinks = false\n");
    assert!(shown.is_empty(), "{shown:?}");
    assert_eq!(
        c.clipboard,
        Clipboard::Command(vec!["xclip".into(), "-selection".into(), "clipboard".into()])
    );
    assert!(!c.hyperlinks);
    let d = Config::defaults();
    assert_eq!((d.clipboard, d.hyperlinks), (Clipboard::Osc52, true));
    let (c, shown) = load_shown("[clipboard]\nvia = \" \"\nosc = 1\n[view]\nhyperlinks = \"no\"\n");
    assert_eq!((c.clipboard, c.hyperlinks), (Clipboard::Osc52, true), "defaults kept");
    assert_eq!(
        shown,
        [
            "c.toml:2: clipboard.via must be \"osc52\" or a command like \"wl-copy\"",
            "c.toml:3: unknown option clipboard.osc",
            "c.toml:5: view.hyperlinks must be true or false"
        ]
    );
}

#[test]
fn colours() {
    assert_eq!(ColorSpec::parse("LightBlue"), Ok(ColorSpec::Ansi(12)));
    assert_eq!(ColorSpec::parse("#FF0080"), Ok(ColorSpec::Rgb(255, 0, 128)));
    assert_eq!(ColorSpec::parse("default"), Ok(ColorSpec::Default));
    assert!(ColorSpec::parse("#12345").is_err());
}

/// Issue 22 item 13: `[keys.global] quit = "j"` left no quit in the outline
/// (j moves down there) while help said "j quit".
#[test]
fn a_binding_that_would_lock_the_user_in_is_a_mistake_and_the_keys_are_kept() {
    let user = "[keys.global]\nquit = \"j\"\ntoggle_help = \"x\"\n[keys.find]\nclose_find = \"Ctrl-n x\"\n[keys.outline]\nmove_down = [\"q\", \"Ctrl-c\", \"?\"]\n";
    let (c, shown) = load_shown(user);
    assert_eq!(shown.len(), 3, "{shown:?}");
    assert!(
        shown[0].starts_with("c.toml:2: keys.global.quit = \"j\": would leave no key for quit in the outline"),
        "{shown:?}"
    );
    assert!(shown[1].starts_with("c.toml:5: keys.find.close_find"), "{shown:?}");
    assert!(shown[2].starts_with("c.toml:7: keys.outline.move_down"), "{shown:?}");
    assert_eq!(
        c.keymap.lookup(Context::Outline, &[Key::ch('q')]),
        Lookup::Action(Action::Quit)
    );
    assert_eq!(
        c.keymap.lookup(Context::Outline, &[Key::ch('x')]),
        Lookup::Action(Action::ToggleHelp)
    );
    assert_eq!(
        c.keymap.lookup(Context::Find, &[Key::plain(crate::keymap::Code::Esc)]),
        Lookup::Action(Action::CloseFind)
    );
    assert_eq!(c.keymap.lockout(), None);
    // Rebinding all of them elsewhere is fine: something still reaches each.
    let (c, errors) = Config::load(Some((
        "c.toml",
        "[keys.global]\nquit = \"Q\"\n[keys.outline]\nmove_down = \"q\"\n",
    )));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(c.keymap.lockout(), None);
}

#[test]
fn the_defaults_leave_every_essential_action_reachable() {
    assert_eq!(Config::defaults().keymap.lockout(), None);
}

/// Issue 22 item 13: key names with escape sequences were printed raw.
#[test]
fn names_quoted_from_the_file_are_cleaned() {
    let user =
        "[\"vi\\u001b]0;PWN\\u0007ew\"]\nx = 1\n[view]\n\"o\\u001b[2Jpen\" = 1\n[keys.\"a\\u009bb\"]\nquit = \"q\"\n";
    let (_, errors) = Config::load(Some(("c\u{1b}]52;c;aGk=\u{7}.toml", user)));
    assert_eq!(errors.len(), 3, "{errors:?}");
    for e in &errors {
        let shown = e.to_string();
        assert!(!shown.chars().any(crate::outline::hygiene::is_unsafe_char), "{shown:?}");
    }
}

/// Issue 22 item 13: 100k unknown keys took 76 s (each mistake's line was
/// found by counting the lines before it). They come back numbered, in order.
#[test]
fn many_mistakes_are_each_located() {
    let n = 50_000;
    let mut user = String::from("[view]\n");
    for i in 0..n {
        user.push_str(&format!("k{i} = 1\n"));
    }
    let (_, errors) = Config::load(Some(("c.toml", &user)));
    assert_eq!(errors.len(), n);
    assert!(errors.iter().enumerate().all(|(i, e)| e.line == i + 2));
}

/// One key given to two actions of a table by the same file: only one of
/// them could act. Reported at the second, whose keys stay as they were;
/// in another table the same key is no clash.
#[test]
fn two_actions_given_one_key_in_a_table_is_a_mistake() {
    let user = "[keys.outline]\nmove_down = \"x\"\nmove_up = [\"k\", \"x\"]\n[keys.detail]\nmove_up = \"x\"\n[keys.help]\nclose_overlay = \"z\"\nmove_down = \"z z\"\n";
    let (c, shown) = load_shown(user);
    let want = [
        "c.toml:3: keys.outline.move_up: x is move_down already",
        "c.toml:8: keys.help.move_down: z is close_overlay already",
    ];
    assert_eq!(shown.len(), want.len(), "{shown:?}");
    for (got, want) in shown.iter().zip(want) {
        assert!(got.starts_with(want), "{shown:?}");
    }
    let x = [Key::ch('x')];
    assert_eq!(c.keymap.lookup(Context::Outline, &x), Lookup::Action(Action::MoveDown));
    assert_eq!(
        c.keymap
            .lookup(Context::Outline, &[Key::plain(crate::keymap::Code::Up)]),
        Lookup::Action(Action::MoveUp)
    );
    assert_eq!(c.keymap.lookup(Context::Detail, &x), Lookup::Action(Action::MoveUp));
    assert_eq!(
        c.keymap.lookup(Context::Help, &[Key::ch('j')]),
        Lookup::Action(Action::MoveDown)
    );
}

/// The overlays' keys are configurable, and taking the last key that
/// closes one is a mistake like taking the last quit.
#[test]
fn overlays_keep_a_way_out() {
    let user = "[keys.bookmarks]\nmove_down = [\"Esc\", \"q\", \"'\"]\n[keys.help]\nclose_overlay = \"F2\"\n";
    let (c, shown) = load_shown(user);
    let [only] = shown.as_slice() else {
        panic!("one mistake: {shown:?}");
    };
    assert!(only.contains("would leave no key for close_overlay in the bookmark list"));
    let f2 = [Key::parse("F2").unwrap()];
    assert_eq!(
        c.keymap.lookup(Context::Help, &f2),
        Lookup::Action(Action::CloseOverlay)
    );
    assert_eq!(c.keymap.lookup(Context::Help, &[Key::ch('q')]), Lookup::None);
    assert_eq!(c.keymap.lockout(), None);
}

#[test]
fn scroll_off_is_read_within_its_bounds() {
    let (c, errors) = Config::load(Some(("u.toml", "[view]\nscroll_off = 2\n")));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(c.scroll_off, 2);
    let (c, errors) = Config::load(Some(("u.toml", "[view]\nscroll_off = 40\n")));
    assert_eq!(errors.len(), 1, "out of range is a mistake");
    assert_eq!(c.scroll_off, 5);
}
