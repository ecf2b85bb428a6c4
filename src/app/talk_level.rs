//! Talks set by hand (issue 18 item 6): when talktree's guess of where a
//! file's talks are is wrong, one key makes the selected node's level the
//! talks of its file; the same key on such a talk goes back to the guess.
//! Only kinds change, so the outline is swapped in as a reload's is, every
//! node keeping its place (folds, selection, bookmarks, search).

use super::App;
use crate::outline::{Kind, Outline};
use crate::remap::{Remap, Shift};
use crate::state::keys::{path_of, resolve};
use std::sync::Arc;

impl App {
    pub(super) fn set_talk_level(&mut self) {
        let old = self.outline.clone();
        if old.is_empty() {
            return;
        }
        let sel = self.tree.selected;
        let d = old.doc_index(sel);
        let doc = old.docs()[d].node;
        let key = old.docs()[d].key.clone();
        let mut new: Outline = (*old).clone();
        let said = match self.hand_talks.get(&key).map(|(_, guess)| guess.clone()) {
            Some(guess) if old.kind(sel) == Kind::Session => {
                new.put_kinds(doc, &guess);
                self.hand_talks.remove(&key);
                "talks as talktree found them in this file".to_string()
            }
            guess => {
                let guess = guess.unwrap_or_else(|| old.kinds_of(doc));
                // From the guess, so that choosing again is not choosing
                // relative to an earlier choice.
                new.put_kinds(doc, &guess);
                if !new.set_talks(sel) {
                    self.status = Some("A file or a code block cannot be a talk".into());
                    return;
                }
                self.hand_talks.insert(key, (path_of(&old, sel), guess));
                let talks = (doc..new.subtree_end(doc))
                    .filter(|&i| new.kind(i) == Kind::Session)
                    .count();
                format!("talks set by hand for this file: {talks}; the same key on a talk undoes it")
            }
        };
        let end = new.subtree_end(doc);
        let shift = Shift {
            old: doc..end,
            new: doc..end,
            remap: Some(Remap::between(&old, doc, &new, doc)),
        };
        let level = self.doc_levels[d];
        self.swap_outline(old, Arc::new(new), &shift, level);
        self.status = Some(said.into());
    }
}

impl App {
    /// A file read again (`part`, its document at node 0) gets the talks
    /// set by hand again, at the node of the same path, if it is still
    /// there (else the loader's guess stands and the choice is dropped).
    pub(super) fn keep_hand_talks(&mut self, key: &str, part: &mut Outline) {
        let Some((path, _)) = self.hand_talks.get(key) else {
            return;
        };
        let guess = part.kinds_of(0);
        match resolve(part, 0, path) {
            Some(n) if part.set_talks(n) => {
                let path = path.clone();
                self.hand_talks.insert(key.to_string(), (path, guess));
            }
            _ => {
                self.hand_talks.remove(key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::type_keys;
    use super::*;
    use crate::config::Config;
    use crate::event::Event;
    use crate::outline::{build_outline, parse_document};

    const DAYS: &str = "# Conf\n\n## Day one\n\n### Opening (Ann)\n\n- a note\n\n### Second (Bo)\n\n- b note\n\n## Day two\n\n### Third (Cy)\n\n- c note\n";

    fn app() -> App {
        let o = build_outline(vec![parse_document(DAYS.as_bytes(), "days.md").unwrap()]);
        let mut a = App::new(Arc::new(o), Config::defaults().keymap, crate::app::Options::default());
        a.handle(Event::Resize(120, 40));
        a
    }

    fn node(a: &App, text: &str) -> usize {
        (0..a.outline.len()).find(|&i| a.outline.text(i) == text).unwrap()
    }

    fn sessions(a: &App) -> Vec<String> {
        (0..a.outline.len())
            .filter(|&i| a.outline.kind(i) == Kind::Session)
            .map(|i| a.outline.text(i).to_string())
            .collect()
    }

    #[test]
    fn t_makes_a_level_the_talks_and_t_on_a_talk_goes_back() {
        let mut a = app();
        let guess = sessions(&a);
        let talks_before = a.stats.sessions;
        let day = node(&a, "Day one");
        a.tree.reveal(&a.outline.clone(), day);
        a.tree.selected = day;
        type_keys(&mut a, "T");
        assert_eq!(sessions(&a), ["Day one", "Day two"], "the days are the talks now");
        assert_eq!(a.stats.sessions, 2, "the title bar counts them");
        assert_eq!(a.tree.selected, node(&a, "Day one"), "the selection stays");
        let said = a.status.as_ref().map(ToString::to_string).unwrap_or_default();
        assert_eq!(
            said,
            "talks set by hand for this file: 2; the same key on a talk undoes it"
        );
        // The search knows: talk titles only finds the days.
        type_keys(&mut a, "/ Ctrl-t d a y");
        a.settle();
        assert!(a.find.results.len() >= 2, "{:?}", a.find.results);
        type_keys(&mut a, "Esc");
        type_keys(&mut a, "T");
        assert_eq!(sessions(&a), guess, "back to the guess");
        assert_eq!(a.stats.sessions, talks_before);
    }

    fn part(src: &str) -> Outline {
        let doc = parse_document(src.as_bytes(), "days.md").unwrap();
        crate::outline::Document {
            key: "/notes/days.md".into(),
            ..doc
        }
        .into_outline()
    }

    /// Saved in another window, the file keeps the talks set by hand.
    #[test]
    fn talks_set_by_hand_stay_set_when_the_file_is_read_again() {
        let mut a = App::new(
            Arc::new(part(DAYS)),
            Config::defaults().keymap,
            crate::app::Options::default(),
        );
        a.handle(Event::Resize(120, 40));
        let day = node(&a, "Day one");
        a.tree.reveal(&a.outline.clone(), day);
        a.tree.selected = day;
        type_keys(&mut a, "T");
        let edited = DAYS.replace(
            "## Day two",
            "## Day two\n\nAn intro line.\n\n### Extra (Di)\n\n- d note\n",
        );
        a.handle(Event::Reloaded(Box::new(crate::watch::Change {
            key: "/notes/days.md".into(),
            source: "/notes/days.md".into(),
            news: crate::watch::News::Changed(Box::new(part(&edited))),
        })));
        a.settle();
        assert!(
            (0..a.outline.len()).any(|i| a.outline.text(i) == "d note"),
            "read again"
        );
        assert_eq!(sessions(&a), ["Day one", "Day two"], "still the days");
        // And T on a talk goes back to the guess of the file as it is now.
        a.tree.selected = node(&a, "Day two");
        type_keys(&mut a, "T");
        assert!(sessions(&a).contains(&"Extra (Di)".to_string()), "{:?}", sessions(&a));
    }
}
