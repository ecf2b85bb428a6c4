//! Every key the help lists can be rebound: each action of each context's
//! table, bound in a config to a key no default uses, does through that key
//! exactly what its default key does, in the panes and in the overlays.

use super::tests::type_keys;
use super::*;
use crate::config::Config;
use crate::event::Event;
use crate::keymap::parse_sequence;
use crate::outline::load_seeds;

/// A key the defaults leave free.
const NEW_KEY: &str = "F9";

/// What a reader shows and will do, in one comparable value.
fn seen(a: &App) -> String {
    format!(
        "{:?}",
        (
            (a.tree.selected, a.tree.top, a.tree.rows().len(), a.focus),
            (a.find.open, a.find.query(), a.find.cursor, a.find.scope),
            (a.help, a.bookmark_list, a.bookmarks.len(), a.detail.scroll),
            (a.quit, a.suspend, a.status.as_ref().map(ToString::to_string)),
            (
                a.picker.as_ref().map(|p| (p.cursor, p.asking)),
                a.clipboard_sequence().is_some()
            ),
            (
                a.view.zoom.depth(),
                a.view.panes,
                a.view.highlight.is_some(),
                a.view.jumps.len()
            ),
            (
                a.find.tree_view,
                a.find.matching,
                a.find.tree.as_ref().map(|t| t.len()),
                a.find.tree_cursor,
            ),
            a.edit.line_numbers,
        )
    )
}

/// A reader on the seeds put into `ctx` by commands (not keys, which the
/// config under test may have moved), with something to do there: a search
/// to step through, a scrolled help, a bookmark list with a cursor. The
/// second `take` opens the selected node or chooses the second result
/// (some commands change only one of the two).
fn reader_in(keymap: &Keymap, ctx: Context, take: usize) -> App {
    let notes = if ctx == Context::Links {
        // The seeds hold no links.
        super::copy::tests::load(
            "l.md",
            "# T (A)\n\n- [a](https://a.org) [b](https://b.org) [c](mailto:c@d.org)\n",
        )
    } else {
        load_seeds()
    };
    let mut a = App::new(Arc::new(notes), keymap.clone(), Options::default());
    a.handle(Event::Resize(120, 40));
    // Links open through a recorder: no browser starts.
    a.set_launcher(Box::new(super::copy::tests::Recorder::default()), None);
    let find = |a: &mut App, query: &str| {
        a.update(Action::OpenFind);
        type_keys(a, &query.chars().map(String::from).collect::<Vec<_>>().join(" "));
    };
    match ctx {
        Context::Global | Context::Outline | Context::Detail => {
            find(&mut a, "riemann");
            a.update(Action::JumpToResult);
            a.update(Action::ToggleBookmark);
            // Scrolled off where a jump lands, so zt and zb move the view.
            a.tree.top = a.tree.selected_row().saturating_sub(8);
            a.detail.scroll = a.detail.scroll.saturating_sub(3);
            if take == 1 {
                a.update(Action::OpenFold);
            }
            if ctx == Context::Detail {
                a.update(Action::SwitchPane);
            }
        }
        Context::Find => {
            find(&mut a, "ri");
            if take == 1 {
                a.update(Action::NextResult);
                // The tree view, where folding acts.
                a.update(Action::ToggleHitTree);
            }
        }
        Context::Help => {
            a.update(Action::ToggleHelp);
            (0..3).for_each(|_| a.update(Action::MoveDown));
        }
        Context::Bookmarks => {
            for _ in 0..3 {
                a.update(Action::ToggleBookmark);
                a.update(Action::NextSession);
            }
            a.update(Action::OpenBookmarks);
            a.update(Action::MoveDown);
        }
        Context::Links => {
            super::copy::tests::select(&mut a, "a b c");
            a.update(Action::OpenLink);
            if take == 1 {
                a.update(Action::MoveDown);
            }
        }
    }
    a.settle();
    a.status = None;
    a
}

fn press(a: &mut App, keys: &[crate::keymap::Key]) {
    for &k in keys {
        a.handle(Event::Key(k));
        a.settle();
    }
}

#[test]
fn every_listed_action_works_through_a_new_key_in_every_context() {
    let defaults = Config::defaults();
    let new_key = parse_sequence(NEW_KEY).unwrap();
    assert!(
        defaults.keymap.all().all(|(_, k, _)| k != new_key.as_slice()),
        "{NEW_KEY} is taken"
    );
    let mut driven = 0;
    for ctx in Context::ALL {
        // Global keys act in the panes that use them: driven in the outline.
        let drive_in = if ctx == Context::Global { Context::Outline } else { ctx };
        for (action, name, _) in crate::action::BINDABLE {
            let Some(default) = defaults.keymap.keys_for(ctx, *action).into_iter().next() else {
                continue;
            };
            let user = format!("[keys.{}]\n{name} = \"{NEW_KEY}\"\n", ctx.name());
            let (rebound, errors) = Config::load(Some(("rebind.toml", &user)));
            assert!(errors.is_empty(), "{user}: {errors:?}");

            let mut changed = false;
            for take in 0..2 {
                let mut before = reader_in(&defaults.keymap, drive_in, take);
                assert_eq!(before.context(), drive_in);
                let start = seen(&before);
                press(&mut before, &parse_sequence(&default).unwrap());
                let want = seen(&before);
                changed |= want != start;

                let mut after = reader_in(&rebound.keymap, drive_in, take);
                assert_eq!(seen(&after), start, "{} {name}: the same start", ctx.name());
                press(&mut after, &new_key);
                assert_eq!(seen(&after), want, "{} {name} bound to {NEW_KEY}", ctx.name());
            }
            // Else a key doing nothing would pass for the action.
            assert!(changed, "{} {name} ({default}) changes nothing to compare", ctx.name());
            driven += 1;
        }
    }
    assert!(driven > 60, "only {driven} bindings driven");
}
