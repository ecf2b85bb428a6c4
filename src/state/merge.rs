//! Laying this run's changes over the state on disk, in time linear in
//! what is kept: the find history is cut to its limit before it is merged
//! (through a set, not a search of the list per entry), and the result is
//! fitted to `WRITE_BUDGET` by forgetting the least recently opened
//! documents first.

use super::{Changes, State, HISTORY, MAX_BOOKMARKS, VERSION, WRITE_BUDGET};
use std::collections::HashSet;
use std::hash::Hash;

/// `first`, then the entries of `then` not in it, at most `cap` in all.
/// Each list is cut to `cap` before anything is compared, so the work is
/// bounded by `cap` however long the lists are.
pub fn merge_recent<T: Eq + Hash + Clone>(first: &[T], then: &[T], cap: usize) -> Vec<T> {
    let mut seen: HashSet<&T> = HashSet::with_capacity(cap.min(first.len() + then.len()));
    let mut out = Vec::with_capacity(cap.min(first.len() + then.len()));
    for item in first.iter().take(cap).chain(then.iter().take(cap)) {
        if out.len() == cap {
            break;
        }
        if seen.insert(item) {
            out.push(item.clone());
        }
    }
    out
}

/// Merges this run's state into the one on disk, so two talktrees running
/// at once each keep what the other did to other documents.
pub fn merge(disk: State, mine: &Changes) -> State {
    let m = &mine.state;
    let mut out = disk;
    out.version = VERSION;
    for key in &mine.loaded {
        match m.documents.get(key) {
            Some(d) => {
                out.documents.insert(key.clone(), d.clone());
            }
            None => {
                out.documents.remove(key);
            }
        }
    }
    out.bookmarks.retain(|b| !mine.loaded.contains(&b.doc));
    out.bookmarks
        .extend(m.bookmarks.iter().filter(|b| mine.loaded.contains(&b.doc)).cloned());
    let extra = out.bookmarks.len().saturating_sub(MAX_BOOKMARKS);
    out.bookmarks.drain(..extra);
    out.find_history = merge_recent(&m.find_history, &out.find_history, HISTORY);
    if mine.set_paths {
        out.last_paths = m.last_paths.clone();
    }
    if m.line_numbers.is_some() {
        out.line_numbers = m.line_numbers;
    }
    if m.last_document.is_some() {
        out.last_document = m.last_document.clone();
    }
    if m.view.is_some() {
        out.view = m.view;
    }
    for (k, v) in &m.extra {
        out.extra.entry(k.clone()).or_insert_with(|| v.clone());
    }
    fit(&mut out, WRITE_BUDGET);
    out
}

fn size_of<T: serde::Serialize>(v: &T) -> usize {
    serde_json::to_vec(v).map_or(0, |b| b.len())
}

/// Forgets what was used least recently until `s` serializes to at most
/// `budget` bytes: documents by when they were last open, then the oldest
/// bookmarks, then fields this talktree does not know. Each entry is
/// measured once, so fitting is linear in the state.
pub fn fit(s: &mut State, budget: usize) {
    let mut total = size_of(s);
    if total <= budget {
        return;
    }
    let mut by_age: Vec<(u64, String, usize)> = s
        .documents
        .iter()
        .map(|(k, d)| (d.seen, k.clone(), size_of(k) + size_of(d) + 2))
        .collect();
    by_age.sort();
    for (_, key, size) in by_age {
        if total <= budget {
            return;
        }
        s.documents.remove(&key);
        total = total.saturating_sub(size);
    }
    let mut drop = 0;
    for b in &s.bookmarks {
        if total <= budget {
            break;
        }
        total = total.saturating_sub(size_of(b) + 1);
        drop += 1;
    }
    s.bookmarks.drain(..drop);
    if total > budget {
        s.extra.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Bookmark, DocState};
    use serde_json::Map;

    #[test]
    fn recent_first_without_duplicates_within_the_cap() {
        let mine = ["b", "new"];
        let disk = ["old", "b", "older"];
        assert_eq!(merge_recent(&mine, &disk, 10), vec!["b", "new", "old", "older"]);
        assert_eq!(merge_recent(&mine, &disk, 3), vec!["b", "new", "old"]);
    }

    #[test]
    fn merge_keeps_what_another_run_did_to_other_documents() {
        let mut disk = State::default();
        let doc = |level| DocState {
            level,
            ..Default::default()
        };
        disk.documents.insert("other".into(), doc(3));
        disk.documents.insert("mine".into(), doc(1));
        let mark = |doc: &str, label: &str| Bookmark {
            doc: doc.into(),
            path: vec![],
            label: label.into(),
            title: String::new(),
            extra: Map::new(),
        };
        disk.bookmarks.push(mark("other", "o"));
        disk.bookmarks.push(mark("mine", "stale"));
        disk.find_history = vec!["old".into(), "both".into()];
        disk.last_paths = vec!["/elsewhere".into()];
        let mut mine = Changes::default();
        mine.loaded.insert("mine".into());
        mine.state.documents.insert("mine".into(), doc(9));
        mine.state.bookmarks.push(mark("mine", "n"));
        mine.state.find_history = vec!["both".into(), "new".into()];
        let out = merge(disk, &mine);
        assert_eq!(out.documents["other"].level, 3);
        assert_eq!(out.documents["mine"].level, 9);
        let labels: Vec<&str> = out.bookmarks.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, vec!["o", "n"]);
        assert_eq!(out.find_history, vec!["both", "new", "old"]);
        assert_eq!(out.last_paths, vec!["/elsewhere"], "not set by this run");
    }

    #[test]
    fn over_budget_the_least_recently_opened_documents_go_first() {
        let mut s = State::default();
        for (i, seen) in [5u64, 1, 9, 3].into_iter().enumerate() {
            let d = DocState {
                level: 3,
                seen,
                detail_scroll: 10usize.pow(12),
                ..Default::default()
            };
            s.documents.insert(format!("/doc{i}"), d);
        }
        let budget = size_of(&s) - size_of(&s.documents["/doc0"]);
        fit(&mut s, budget);
        assert!(size_of(&s) <= budget);
        let kept: Vec<&str> = s.documents.keys().map(String::as_str).collect();
        assert_eq!(kept, vec!["/doc0", "/doc2", "/doc3"], "the one seen at 1 went");
        fit(&mut s, 0);
        assert!(s.documents.is_empty() && s.extra.is_empty());
    }
}
