//! End to end, issue 20: the real binary in a pseudo-terminal types a
//! search, switches the find pane to the filtered tree, jumps from it,
//! leaves the marks with Esc, and quits with the terminal restored.

mod common;
use common::pty::Pty;

#[test]
fn search_tree_view_jump_and_esc_then_quit_restores_the_terminal() {
    let mut t = Pty::spawn(&[], 120, 40, &[]);
    t.wait_for("Scale Summit 2014");
    t.send("/riemann");
    t.wait_for("3 close · 74 loose");
    t.send("\x16"); // Ctrl-v: the tree view
    let tree = t.wait_for("rows ─");
    // Ancestors with their hit counts, above their hits.
    assert!(tree.contains("▾ Scale Summit 2014 · 19"), "{tree}");
    assert!(tree.contains("▾ session 1: monitoring & metrics · 5"), "{tree}");
    t.send("\r");
    let jumped = t.wait_for("hits for \"riemann\"");
    assert!(jumped.contains("hit 1 of 77"), "{jumped}");
    assert!(!jumped.contains("Find in"), "the find pane closed: {jumped}");
    assert!(jumped.contains("is anyone using riemann?"), "{jumped}");
    t.send("\x1b"); // Esc: the marks go
    t.wait_for("Marks cleared");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}
