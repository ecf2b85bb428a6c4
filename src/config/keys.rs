//! `[keys.*]` tables: each entry replaces an action's keys in one context.
//! Two mistakes are reported at their line, and the keys the action had are
//! kept: an entry that would leave quit, help or closing find or an overlay
//! without a working key somewhere (`Keymap::lockout`), and one that gives
//! a key another action of the same table in the same file already has (or
//! a sequence one of them starts), since only one of them could act.

use super::{entries, Config, Errors};
use crate::action::Action;
use crate::keymap::{parse_sequence, sequence_name, Context, Key, ESSENTIAL};
use toml_edit::TableLike;

/// More keys than this for one action is a mistake (and each binding
/// costs every later lookup).
const MAX_KEYS: usize = 16;

impl Config {
    pub(super) fn apply_keys(&mut self, tables: &dyn TableLike, err: &mut Errors) {
        // What this file bound so far, to find two actions given one key.
        let mut bound: Vec<(Context, Vec<Key>, Action)> = Vec::new();
        for t in entries(tables) {
            let (Some(context), Some(table)) = (Context::from_name(t.key), t.item.as_table_like()) else {
                let names: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
                err.at(
                    t.key_at,
                    format!("unknown key table [keys.{}] (use {})", t.key, names.join(", ")),
                );
                continue;
            };
            for e in entries(table) {
                let Some(action) = Action::from_name(e.key) else {
                    err.at(e.key_at, format!("unknown action {:?}", e.key));
                    continue;
                };
                let list: Vec<&str> = match (e.item.as_str(), e.item.as_array()) {
                    (Some(s), _) => vec![s],
                    (_, Some(a)) => a.iter().filter_map(|x| x.as_str()).collect(),
                    _ => Vec::new(),
                };
                if list.len() > MAX_KEYS {
                    err.at(e.value_at(), format!("{}: at most {MAX_KEYS} keys", e.key));
                    continue;
                }
                let parsed: Result<Vec<Vec<Key>>, String> = list.iter().map(|s| parse_sequence(s)).collect();
                let seqs = match parsed {
                    Ok(seqs) if !seqs.is_empty() => seqs,
                    Ok(_) => {
                        err.at(e.value_at(), format!("{}: give a key or a list of keys", e.key));
                        continue;
                    }
                    Err(m) => {
                        err.at(e.value_at(), format!("{}: {m}", e.key));
                        continue;
                    }
                };
                let clash = seqs.iter().find_map(|seq| {
                    bound.iter().find(|(c, keys, a)| {
                        *c == context && *a != action && (keys.starts_with(seq) || seq.starts_with(keys))
                    })
                });
                if let Some((_, keys, other)) = clash {
                    err.at(
                        e.key_at,
                        format!(
                            "keys.{}.{}: {} is {} already; keeping the keys it had",
                            context.name(),
                            e.key,
                            sequence_name(keys),
                            other.name().unwrap_or("bound"),
                        ),
                    );
                    continue;
                }
                let mut keymap = self.keymap.clone();
                keymap.unbind_action(context, action);
                for seq in seqs.iter().cloned() {
                    keymap.bind(context, seq, action);
                }
                // Only what this entry takes away counts: the defaults are
                // built from an empty keymap, one entry at a time.
                let lost = ESSENTIAL.iter().find_map(|(a, contexts)| {
                    let c = contexts
                        .iter()
                        .find(|&&c| self.keymap.reaches(c, *a) && !keymap.reaches(c, *a))?;
                    Some((*a, *c))
                });
                match lost {
                    None => {
                        self.keymap = keymap;
                        bound.retain(|(c, _, a)| !(*c == context && *a == action));
                        bound.extend(seqs.into_iter().map(|seq| (context, seq, action)));
                    }
                    Some((lost, place)) => err.at(
                        e.key_at,
                        format!(
                            "keys.{}.{} = {}: would leave no key for {} in {}; keeping the keys it had",
                            context.name(),
                            e.key,
                            list.iter().map(|k| format!("{k:?}")).collect::<Vec<_>>().join(", "),
                            lost.name().unwrap_or("it"),
                            place.place()
                        ),
                    ),
                }
            }
        }
    }
}
