//! Files changing under the reader: a document read again replaces its old
//! version in the outline (only its nodes are parsed and indexed again),
//! with the folds, the selection, bookmarks, the detail scroll and an open
//! search carried across by node identity (`remap`); a file that went
//! away or cannot be read now stays shown with its last good version,
//! marked, until it is back. The news comes from `watch` as events.

use super::detail::{line_span, Detail};
use super::tree::{self, Tree};
use super::{App, Stats};
use crate::outline::{fs::natural_cmp, Clean, Kind, Outline};
use crate::remap::{Counts, Remap, Shift};
use crate::watch::{Change, News};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

/// Why a document shows an old version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Its file was deleted or moved away.
    Gone,
    /// Its file is there but could not be read again (the reason).
    Stale(String),
}

impl Mark {
    /// How the outline's file row says it.
    pub fn label(&self) -> &'static str {
        match self {
            Mark::Gone => "gone",
            Mark::Stale(_) => "stale",
        }
    }
}

/// The documents' marks, and reloads asked for, for the reader to pass
/// to the watcher.
#[derive(Clone, Debug, Default)]
pub struct Files {
    marks: HashMap<String, Mark>,
    /// Documents to read again now (None: all of them).
    requests: Vec<Option<String>>,
}

impl Files {
    pub(super) fn request(&mut self, key: Option<String>) {
        self.requests.push(key);
    }
}

impl App {
    /// The mark of document node `doc`, if its file is gone or stale.
    pub fn file_mark(&self, doc: usize) -> Option<&Mark> {
        let info = self.outline.docs().get(self.outline.doc_index(doc))?;
        self.files.marks.get(&info.key)
    }

    /// Reloads asked for since the last call (None: every file).
    pub fn take_reload_requests(&mut self) -> Vec<Option<String>> {
        std::mem::take(&mut self.files.requests)
    }

    pub(super) fn reload_all(&mut self) {
        let files = self.outline.docs().iter().any(|d| d.key.starts_with('/'));
        self.status = Some(Clean::from(if files {
            self.files.request(None);
            "reading every file that changed again…".to_string()
        } else {
            "nothing to reload: these notes are not read from files".to_string()
        }));
    }

    /// A watched file's news.
    pub(super) fn take_change(&mut self, change: Change) {
        let Change { key, source, news } = change;
        let at = self.outline.docs().iter().position(|d| d.key == key);
        // The file's name: the status line is short, and the outline shows
        // which file it is.
        let source = std::path::Path::new(source.as_str())
            .file_name()
            .map_or(source.clone(), |n| Clean::new(&n.to_string_lossy()));
        let said = match (news, at) {
            (News::Changed(part), Some(d)) => {
                let back = self.files.marks.remove(&key).is_some();
                let summary = self.replace_document(d, *part);
                format!(
                    "reloaded {source}: {summary}{}",
                    if back { " (back again)" } else { "" }
                )
            }
            (News::Added(part), None) => {
                let counts = Counts::of(&part, 0..part.len()).describe();
                let d = self.insert_at(&key);
                self.insert_document(d, *part);
                format!("added {source}: {}", counts.as_deref().unwrap_or("no talks or notes"))
            }
            (News::Added(part), Some(d)) => {
                self.files.marks.remove(&key);
                let summary = self.replace_document(d, *part);
                format!("reloaded {source}: {summary} (back again)")
            }
            (News::Gone, Some(_)) => {
                self.files.marks.insert(key, Mark::Gone);
                format!("{source} is gone (deleted or moved): its notes stay shown until it is back")
            }
            (News::Unreadable(reason), Some(_)) => {
                let said = format!("could not reload {source}: {reason}; showing the last version read");
                self.files.marks.insert(key, Mark::Stale(reason));
                said
            }
            // News of a file no longer shown.
            (_, None) => return,
        };
        self.status = Some(Clean::from(said));
    }

    /// Where a new file goes among the documents: in natural order of the
    /// path, after the last document before it.
    fn insert_at(&self, key: &str) -> usize {
        let docs = self.outline.docs();
        docs.iter()
            .rposition(|d| d.key.starts_with('/') && natural_cmp(d.key.as_bytes(), key.as_bytes()).is_lt())
            .map_or(docs.len(), |d| d + 1)
    }

    /// Replaces document `d` with `part` (one document); what changed, in words.
    fn replace_document(&mut self, d: usize, mut part: Outline) -> String {
        let old = self.outline.clone();
        let key = old.docs()[d].key.clone();
        self.keep_hand_talks(&key, &mut part);
        let a = old.docs()[d].node;
        let remap = Remap::between(&old, a, &part, 0);
        let summary = remap.summary();
        let new = Arc::new(old.splice_documents(d..d + 1, part));
        let end = new.subtree_end(a);
        let shift = Shift {
            old: a..old.subtree_end(a),
            new: a..end,
            remap: Some(remap),
        };
        self.swap_outline(old, new, &shift, self.doc_levels[d]);
        summary
    }

    fn insert_document(&mut self, d: usize, part: Outline) {
        let old = self.outline.clone();
        let a = old.docs().get(d).map_or(old.len(), |i| i.node);
        let new = Arc::new(old.splice_documents(d..d, part));
        let len = new.len() - old.len();
        let shift = Shift {
            old: a..a,
            new: a..a + len,
            remap: None,
        };
        self.doc_levels.insert(d, self.opts.open_level);
        self.swap_outline(old, new, &shift, self.opts.open_level);
    }

    /// The fold flags of `old` carried into `new` across `shift`; the
    /// replaced document's new nodes that have no old self open as
    /// `level` shows them.
    fn carry_folds(&self, old: &[bool], new: &Outline, levels: &[u8], shift: &Shift, level: u8) -> Vec<bool> {
        let Shift {
            old: was,
            new: now,
            remap,
        } = shift;
        let mut open = Vec::with_capacity(new.len());
        open.extend_from_slice(&old[..was.start]);
        open.extend(now.clone().map(|j| tree::open_at_level(new.kind(j), levels[j], level)));
        if let Some(remap) = remap {
            for k in 0..was.len() {
                if let Some(j) = remap.new_of(k) {
                    open[now.start + j] = old[was.start + k];
                }
            }
        }
        open.extend_from_slice(&old[was.end..]);
        open
    }

    /// Puts `new` in place of `old`, carrying every node index the reader
    /// holds across `shift`.
    pub(super) fn swap_outline(&mut self, old_arc: Arc<Outline>, new: Arc<Outline>, shift: &Shift, level: u8) {
        let old = &*old_arc;
        let levels = tree::levels(&new);
        let open = self.carry_folds(self.tree.open_flags(), &new, &levels, shift, level);
        let selected = shift.node_or_ancestor(old, self.tree.selected);
        // The selected node's place in the detail pane, kept.
        let offset = line_span(&self.detail.lines, self.tree.selected)
            .map(|(first, _)| first as isize - self.detail.scroll as isize);
        self.tree = Tree::rebuilt(&new, open, levels.clone(), selected, self.tree.top);
        let mut find = std::mem::take(&mut self.find);
        let find_folds = |flags: &[bool]| {
            if flags.len() == old.len() {
                self.carry_folds(flags, &new, &levels, shift, level)
            } else {
                flags.to_vec()
            }
        };
        find.carry(old, shift, find_folds);
        self.find = find;
        // What the view holds by node: the zoom, the jump list, the hits n
        // and N walk, a find inside a talk (ended: its talk may be gone).
        self.view.zoom.carry(|n| shift.node(n));
        self.view.jumps.carry(|n| shift.node(n));
        self.view.steps.carry(|n| shift.node(n as usize).map(|n| n as u32));
        self.view.talk = None;
        self.stats = adjust(self.stats, old, &shift.old, &new, &shift.new);
        self.outline = new.clone();
        self.apply_zoom();
        self.detail = Detail::default();
        self.synced_selection = None;
        self.refresh_marks();
        self.sync();
        if let Some(offset) = offset {
            if let Some((first, _)) = line_span(&self.detail.lines, self.tree.selected) {
                self.detail.scroll = (first as isize - offset).max(0) as usize;
                self.detail.clamp(self.layout().detail_body.height as usize);
            }
        }
        self.worker.replace(new, shift.old.clone(), shift.new.clone(), old_arc);
        if self.find.open {
            self.submit_search();
        }
        self.touch();
    }
}

/// The title bar's totals with the nodes `was` of `old` replaced by `now` of `new`.
fn adjust(s: Stats, old: &Outline, was: &Range<usize>, new: &Outline, now: &Range<usize>) -> Stats {
    let count = |o: &Outline, r: &Range<usize>| {
        let mut c = Stats::default();
        for i in r.clone() {
            match o.kind(i) {
                Kind::Document => c.files += 1,
                Kind::Session => c.sessions += 1,
                Kind::Bullet | Kind::Paragraph | Kind::Code => c.notes += 1,
                _ => {}
            }
        }
        c
    };
    let (a, b) = (count(old, was), count(new, now));
    Stats {
        files: s.files + b.files - a.files,
        sessions: s.sessions + b.sessions - a.sessions,
        notes: s.notes + b.notes - a.notes,
    }
}
