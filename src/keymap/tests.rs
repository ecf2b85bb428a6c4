use super::*;

#[test]
fn key_names_parse_and_print() {
    for (s, shown) in [
        ("j", "j"),
        ("G", "G"),
        ("Ctrl-d", "Ctrl-d"),
        ("C-W", "Ctrl-w"),
        ("Space", "Space"),
        ("Shift-Tab", "Shift-Tab"),
        ("PageDown", "PageDown"),
        ("F5", "F5"),
        ("-", "-"),
        ("Alt-x", "Alt-x"),
    ] {
        assert_eq!(Key::parse(s).unwrap().name(), shown, "{s}");
    }
    assert!(Key::parse("Hyper-q").is_err());
    assert!(Key::parse("jj").is_err());
    assert!(parse_sequence("a b c").is_err());
}

#[test]
fn sequences_wait_for_their_second_key() {
    let mut k = Keymap::default();
    k.bind(Context::Outline, parse_sequence("z M").unwrap(), Action::CollapseAll);
    k.bind(Context::Global, vec![Key::ch('q')], Action::Quit);
    assert_eq!(k.lookup(Context::Outline, &[Key::ch('z')]), Lookup::Prefix);
    assert_eq!(
        k.lookup(Context::Outline, &[Key::ch('z'), Key::ch('M')]),
        Lookup::Action(Action::CollapseAll)
    );
    assert_eq!(
        k.lookup(Context::Outline, &[Key::ch('q')]),
        Lookup::Action(Action::Quit)
    );
    assert_eq!(k.lookup(Context::Find, &[Key::ch('q')]), Lookup::None);
}

#[test]
fn an_action_is_reachable_only_through_keys_that_are_not_shadowed() {
    let mut k = Keymap::default();
    k.bind(Context::Global, vec![Key::ch('q')], Action::Quit);
    k.bind(Context::Outline, vec![Key::ch('j')], Action::MoveDown);
    assert!(k.reaches(Context::Outline, Action::Quit));
    assert!(!k.reaches(Context::Find, Action::Quit), "find has no global keys");
    // Shadowed by the outline's own j.
    k.unbind_action(Context::Global, Action::Quit);
    k.bind(Context::Global, vec![Key::ch('j')], Action::Quit);
    assert!(!k.reaches(Context::Outline, Action::Quit));
    assert!(k.reaches(Context::Detail, Action::Quit));
    // A one-key binding of its first key acts before the second is typed.
    k.bind(Context::Global, parse_sequence("z q").unwrap(), Action::Quit);
    assert!(k.reaches(Context::Outline, Action::Quit));
    k.bind(Context::Outline, vec![Key::ch('z')], Action::CollapseAll);
    assert!(!k.reaches(Context::Outline, Action::Quit));
    // A longer sequence starting with the key makes it wait instead.
    k.bind(Context::Outline, parse_sequence("x y").unwrap(), Action::ExpandAll);
    k.bind(Context::Global, vec![Key::ch('x')], Action::Quit);
    assert!(!k.reaches(Context::Outline, Action::Quit));
}

#[test]
fn rebinding_replaces_the_old_keys() {
    let mut k = Keymap::default();
    k.bind(Context::Outline, vec![Key::ch('j')], Action::MoveDown);
    k.unbind_action(Context::Outline, Action::MoveDown);
    k.bind(Context::Outline, vec![Key::ch('x')], Action::MoveDown);
    assert_eq!(k.lookup(Context::Outline, &[Key::ch('j')]), Lookup::None);
    assert_eq!(k.keys_for(Context::Outline, Action::MoveDown), vec!["x"]);
}
