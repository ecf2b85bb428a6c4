//! Plain-text notes: indented outlines, flat bullet lists under unmarked
//! title lines, blog posts copied as text. Nothing is marked up, so structure
//! comes from shape: indentation relative to the parent, blank lines, which
//! lines look like titles, and which titles look like talks.
mod oneline;
mod titles;

use super::lines::{continues_prose, runs_on};
use super::model::{Block, Kind};
use super::scan::{scan, Scanned};
use super::ws::Ws;
use super::Parsed;
use titles::{heading_like, regroup_headings, sessions_from_blocks, take_title};

struct Entry<'a> {
    no: u32,
    indent: usize,
    item: bool,
    text: &'a str,
    blank_before: bool,
    /// A `# Title` or `### Title ###` line: a heading whatever its shape.
    explicit: bool,
    /// The title of a one-line talk (see `oneline`): a heading, but never
    /// the document's title.
    oneline: bool,
}

/// A block under construction, with what later passes need to know.
struct Tb {
    b: Block,
    indent: usize,
    /// Byte length of the first source line of the text (before joins).
    key_len: usize,
    /// Byte offset of the last joined line, to test the next continuation.
    tail: usize,
    blank_before: bool,
    explicit: bool,
    /// `title_score` of a heading, when telling it for a title already took it.
    title_score: Option<i32>,
    /// A title at the margin of an outline, over its indented notes: one of
    /// a level of such titles, never the document's own.
    over_notes: bool,
}

fn entries<'a>(scanned: &[Scanned<'a>]) -> Vec<Entry<'a>> {
    scanned
        .iter()
        .map(|l| {
            let (item, text, explicit) = if let Some(h) = explicit_heading(l.t) {
                (false, h, true)
            } else if let Some(at) = l.marker {
                (true, &l.t[at..], false)
            } else {
                (false, l.t, false)
            };
            Entry {
                no: l.no,
                indent: l.indent,
                item,
                text,
                blank_before: l.blank_before,
                explicit,
                oneline: false,
            }
        })
        .collect()
}

/// `# Title`, `### Title ###`: Markdown-style headings in a text file.
fn explicit_heading(t: &str) -> Option<&str> {
    let hashes = t.len() - t.trim_start_matches('#').len();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = t[hashes..].strip_prefix(' ')?;
    let title = rest.trim_end_matches('#').ws_trim();
    (!title.is_empty()).then_some(title)
}

pub fn parse(lines: &[(u32, &str)], wrap: Option<usize>) -> Parsed {
    parse_scanned(&scan(lines), wrap)
}

/// `parse` of lines already scanned (for the indented-outline test).
pub fn parse_scanned(scanned: &[Scanned], wrap: Option<usize>) -> Parsed {
    let entries = oneline::split_runs(scanned, entries(scanned));
    let mut out = build(&entries, wrap);
    let title = take_title(&mut out);
    if out.iter().any(|t| t.b.kind == Kind::Heading) {
        regroup_headings(&mut out);
    } else {
        sessions_from_blocks(&mut out);
    }
    drop_repeats(&mut out);
    Parsed {
        title,
        blocks: out.into_iter().map(|t| t.b).collect(),
    }
}

/// Where the margin ends in an outline of titles over indented notes (the
/// talk lines at the left, everything else a tab or more in): lines less
/// than half an indentation step in count as at the margin, so a stray
/// space before a title does not bury it. Other files: the least indent.
fn margin(entries: &[Entry], base: usize) -> (usize, bool) {
    // The first indentation step many lines take (a stray space does not count).
    let mut counts: foldhash::HashMap<usize, usize> = foldhash::HashMap::default();
    for e in entries {
        *counts.entry(e.indent).or_default() += 1;
    }
    let step = counts
        .iter()
        .filter(|&(&i, &n)| i > base && n >= 3)
        .map(|(&i, _)| i)
        .min()
        .unwrap_or(base)
        - base;
    let at_margin = |e: &Entry| e.indent < base + (step / 2).max(1);
    let titles = entries
        .windows(2)
        .filter(|w| at_margin(&w[0]) && !w[0].item && !at_margin(&w[1]))
        .count();
    let inside = entries.iter().filter(|e| !at_margin(e) && !e.item).count();
    let outline = step >= 2 && titles >= 2 && inside >= 3 * entries.iter().filter(|e| at_margin(e)).count();
    (if outline { base + step / 2 - 1 } else { base }, outline)
}

fn build(entries: &[Entry], wrap: Option<usize>) -> Vec<Tb> {
    let least = entries.iter().map(|e| e.indent).min().unwrap_or(0);
    let (base, outline) = margin(entries, least);
    let mut out: Vec<Tb> = Vec::with_capacity(entries.len());
    // Open items and paragraphs by indentation, within the current heading.
    let mut list: Vec<usize> = Vec::new();
    let mut in_heading = false;
    for (k, e) in entries.iter().enumerate() {
        let base_depth = u32::from(in_heading);
        let push = |out: &mut Vec<Tb>, depth: u32, kind: Kind| {
            out.push(Tb {
                b: Block::new(depth, kind, e.text, e.no),
                indent: e.indent,
                key_len: e.text.len(),
                tail: 0,
                blank_before: e.blank_before,
                explicit: e.explicit && !e.oneline,
                title_score: None,
                over_notes: false,
            })
        };
        if e.explicit || e.oneline {
            push(&mut out, 0, Kind::Heading);
            in_heading = true;
            list.clear();
            continue;
        }
        if e.item {
            while list.last().is_some_and(|&ind| ind >= e.indent) {
                list.pop();
            }
            push(&mut out, base_depth + list.len() as u32, Kind::Bullet);
            list.push(e.indent);
            continue;
        }
        if !e.blank_before {
            if let Some(last) = out
                .last_mut()
                .filter(|l| matches!(l.b.kind, Kind::Bullet | Kind::Paragraph))
            {
                // A wrapped line's hanging indent: the line above it is long
                // or runs on. Under a short line, a deeper line is its child.
                let prev = &last.b.text[last.tail..];
                // In an outline, one short line under another is an item too.
                let joins = if e.indent > last.indent || outline {
                    prev.chars().count() >= 40 || runs_on(prev)
                } else {
                    continues_prose(prev, e.text, wrap)
                };
                if joins {
                    last.tail = last.b.text.len() + 1;
                    last.b.text.push(' ');
                    last.b.text.push_str(e.text);
                    continue;
                }
            }
        }
        if e.indent <= base {
            let prev_allows = e.blank_before || k == 0 || out.last().is_some_and(|l| l.b.kind != Kind::Paragraph);
            let next_runs_on = entries.get(k + 1).is_some_and(|n| {
                !n.blank_before && !n.item && n.indent <= e.indent && continues_prose(e.text, n.text, wrap)
            });
            let (like, score) = if prev_allows && !next_runs_on {
                heading_like(e.text)
            } else {
                (false, None)
            };
            // In an outline, a line at the margin over indented notes titles
            // them, whatever its shape ("Ann Lee - @ann - Title - URL").
            let over_notes = outline && entries.get(k + 1).is_some_and(|n| n.indent > base);
            let like = like || (over_notes && !e.text.ends_with('.'));
            if like {
                push(&mut out, 0, Kind::Heading);
                if let Some(h) = out.last_mut() {
                    h.title_score = score;
                    h.over_notes = over_notes;
                }
                in_heading = true;
                list.clear();
                continue;
            }
            list.clear();
            // Prose at the margin holds the indented items after it only when
            // it introduces them (a colon, or no blank line in between);
            // otherwise they belong to the title above, like the prose.
            let introduces = e.text.ends_with(':') || entries.get(k + 1).is_some_and(|n| !n.blank_before);
            if !introduces {
                push(&mut out, base_depth, Kind::Paragraph);
                continue;
            }
        } else {
            while list.last().is_some_and(|&ind| ind >= e.indent) {
                list.pop();
            }
        }
        push(&mut out, base_depth + list.len() as u32, Kind::Paragraph);
        list.push(e.indent);
    }
    out
}

/// Index one past the content of the block at `i` (its subtree).
fn subtree_end(out: &[Tb], i: usize) -> usize {
    let d = out[i].b.depth;
    (i + 1..out.len()).find(|&j| out[j].b.depth <= d).unwrap_or(out.len())
}

/// Drops a leaf bullet that repeats an earlier bullet's first line within
/// the same talk, after that bullet's subtree: an artefact of copying nested
/// lists (the parent is repeated after its children). The first occurrence
/// keeps its place; a child that happens to read like its parent stays.
fn drop_repeats(out: &mut Vec<Tb>) {
    let mut ends = vec![out.len(); out.len()];
    let mut open: Vec<usize> = Vec::new();
    for (i, b) in out.iter().enumerate() {
        while open.last().is_some_and(|&j| out[j].b.depth >= b.b.depth) {
            ends[open.pop().expect("non-empty")] = i;
        }
        open.push(i);
    }
    let mut keep = vec![true; out.len()];
    // foldhash, not SipHash: a hostile file could at worst slow its own load.
    let mut seen: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
    for i in 0..out.len() {
        let b = &out[i];
        if b.b.kind.is_structural() {
            if b.b.kind != Kind::Heading {
                seen.clear();
            }
            continue;
        }
        if b.b.kind != Kind::Bullet {
            continue;
        }
        let key = &b.b.text[..b.key_len];
        let leaf = ends[i] == i + 1;
        match seen.get(key) {
            Some(&first) if leaf && ends[first] <= i => keep[i] = false,
            Some(_) => {}
            None => {
                seen.insert(key, i);
            }
        }
    }
    let mut k = keep.into_iter();
    out.retain(|_| k.next().unwrap_or(true));
}

#[cfg(test)]
mod tests;
