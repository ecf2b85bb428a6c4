//! `[keys.*]` tables: each entry replaces an action's keys in one context.
//! An entry that would leave quit, help or closing find without a working
//! key somewhere (`Keymap::lockout`) is a mistake: reported at its line, and
//! the keys the action had are kept.

use super::{entries, Config, Errors};
use crate::action::Action;
use crate::keymap::{parse_sequence, Context, ESSENTIAL};
use toml_edit::TableLike;

/// More keys than this for one action is a mistake (and each binding
/// costs every later lookup).
const MAX_KEYS: usize = 16;

impl Config {
    pub(super) fn apply_keys(&mut self, tables: &dyn TableLike, err: &mut Errors) {
        for t in entries(tables) {
            let (Some(context), Some(table)) = (Context::from_name(t.key), t.item.as_table_like()) else {
                err.at(
                    t.key_at,
                    format!("unknown key table [keys.{}] (use global, outline, detail, find)", t.key),
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
                let parsed: Result<Vec<_>, String> = list.iter().map(|s| parse_sequence(s)).collect();
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
                let mut keymap = self.keymap.clone();
                keymap.unbind_action(context, action);
                for seq in seqs {
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
                    None => self.keymap = keymap,
                    Some((lost, place)) => err.at(
                        e.key_at,
                        format!(
                            "keys.{}.{} = {}: would leave no key for {} in {}; keeping the keys it had",
                            context.name(),
                            e.key,
                            list.iter().map(|k| format!("{k:?}")).collect::<Vec<_>>().join(", "),
                            lost.name().unwrap_or("it"),
                            where_(place)
                        ),
                    ),
                }
            }
        }
    }
}

fn where_(c: Context) -> &'static str {
    match c {
        Context::Outline => "the outline",
        Context::Detail => "the detail pane",
        Context::Find => "the find pane",
        Context::Global => "any pane",
    }
}
